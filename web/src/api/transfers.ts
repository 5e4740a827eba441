// Transfers of the organizational relationship (docs/api.md "Transfers", domain.md §5).
import { http } from './http';
import type { components } from './openapi';
import type { ListPage } from './types';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];
export type Transfer = Schemas['Transfer'];
export type TransferKind = Transfer['kind'];
export type TransferState = Transfer['state'];
export type TransferActionName = Transfer['actions'][number];
export type TransferEvent = Transfer['events'][number];
/** The letter as a request sends it (the answer's is Schemas['LetterView']). */
export type Letter = Schemas['Letter'];
export type TransferRequestInput = Schemas['TransferRequest'];
export type IncomingInput = Schemas['IncomingTransferRequest'];
export type TransferActionInput = Schemas['TransferAction'];
export type Destination = Schemas['Destination'];

/** Open = still moving: requested, letter issued, or accepted with the receipt pending. */
export const isOpen = (t: Transfer): boolean => ['requested', 'issued', 'accepted'].includes(t.state);

export const transferApi = {
  list: (q: { direction: 'out' | 'in'; open?: boolean; org_id?: number | null; limit?: number; cursor?: string | null }) =>
    http.get<ListPage<Transfer>>('/transfers', { ...q, open: q.open ? 'true' : undefined }),
  get: (id: number) => http.get<Transfer>(`/transfers/${id}`),
  request: (input: TransferRequestInput) => http.post<{ id: number }>('/transfers', input),
  incoming: (input: IncomingInput) => http.post<{ id: number }>('/transfers/incoming', input),
  act: (id: number, input: TransferActionInput) => http.post<Transfer>(`/transfers/${id}/actions`, input),
  destinations: (q: string) => http.get<{ items: Destination[] }>('/transfers/destinations', { q }),
};
