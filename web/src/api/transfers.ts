// Transfers of the organizational relationship (docs/api.md "Transfers", domain.md §5).
import { http } from './http';
import type { Reminder } from './development';
import type { ListPage } from './types';

export type TransferKind = 'within' | 'out' | 'in';
export type TransferState = 'requested' | 'issued' | 'accepted' | 'closed' | 'refused' | 'cancelled';
export type TransferActionName = 'issue' | 'accept' | 'receipt' | 'refuse' | 'cancel';

export interface Letter {
  serial: string;
  issued_on?: string;
  valid_days: number;
  expires_on?: string;
  dues_paid_to: string;
  cross_province?: boolean;
}

export interface TransferEvent {
  seq: number;
  action: string;
  on: string;
  note: string;
  actor_name: string;
  recorded_at: string;
}

export interface Transfer {
  id: number;
  kind: TransferKind;
  state: TransferState;
  member_id: number | null;
  from_org_id: number | null;
  from_org_name: string;
  to_org_id: number | null;
  to_org_name: string;
  placed_org_id: number | null;
  placed_org_name: string;
  name: string;
  sex: string;
  age: number;
  birth_date: string | null;
  ethnicity: string;
  category: 'full' | 'probationary';
  join_date: string | null;
  conversion_date: string | null;
  reason: string;
  requested_on: string;
  letter: Letter | null;
  accepted_on: string | null;
  receipt_on: string | null;
  ended_on: string | null;
  end_reason: string;
  version: number;
  side: { sender: boolean; receiver: boolean };
  minimal: boolean;
  actions: TransferActionName[];
  reminders: Reminder[];
  events: TransferEvent[];
}

export interface TransferRequestInput {
  kind: 'within' | 'out';
  member_id: number;
  to_org_id?: number;
  to_org_name?: string;
  reason: string;
  on: string;
}

export interface IncomingInput {
  to_org_id: number;
  from_org_name: string;
  name: string;
  sex: string;
  ethnicity?: string;
  id_number: string;
  phone?: string;
  category: string;
  join_date: string;
  conversion_date?: string;
  on: string;
  reason?: string;
  letter: Letter;
}

export interface TransferActionInput {
  version: number;
  action: TransferActionName;
  on: string;
  org_id?: number;
  reason?: string;
  letter?: Letter;
}

export interface Destination {
  id: number;
  name: string;
  org_type: string;
  parent_name: string;
}

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
