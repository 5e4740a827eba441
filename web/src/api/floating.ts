// The floating-member register (docs/api.md "Floating members", domain.md §5.3: 一方隶属、双重管理).
import { http } from './http';
import type { components } from './openapi';
import type { ListPage } from './types';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];
/** A record; on the inflow side (minimal) only the first block of fields is present. */
export type Floating = Schemas['Floating'];
export type FloatingNote = Schemas['FloatingNote'];
export type MemberFloating = Schemas['MemberFloating'];
export type FloatingInput = Schemas['FloatingInput'];
export type FloatingReason = NonNullable<Floating['reason']>;
export type FloatingNoteKind = FloatingNote['kind'];
export type FloatingAction = Floating['actions'][number];

export const floatingApi = {
  ofMember: (memberId: number) => http.get<MemberFloating>(`/members/${memberId}/floating`),
  open: (memberId: number, input: FloatingInput) => http.post<Floating>(`/members/${memberId}/floating`, input),
  update: (id: number, input: FloatingInput & { version: number }) => http.put<Floating>(`/floating/${id}`, input),
  note: (id: number, input: { kind: FloatingNoteKind; on: string; text: string }) =>
    http.post<Floating>(`/floating/${id}/reports`, input),
  returned: (id: number, input: { version: number; returned_on: string; note?: string }) =>
    http.post<Floating>(`/floating/${id}/return`, input),
  list: (orgId: number, direction: 'out' | 'in', q: { open?: boolean; limit?: number; cursor?: string | null } = {}) =>
    http.get<ListPage<Floating>>(`/orgs/${orgId}/floating-${direction}`, {
      open: q.open === false ? 'false' : undefined, limit: q.limit, cursor: q.cursor,
    }),
};
