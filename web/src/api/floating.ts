// The floating-member register (docs/api.md "Floating members", domain.md §5.3: 一方隶属、双重管理).
import { http } from './http';
import type { Reminder } from './development';
import type { ListPage } from './types';

export type FloatingReason = 'work' | 'business' | 'study' | 'family' | 'other';
export type FloatingNoteKind = 'report' | 'contact' | 'participation' | 'dues';
export type FloatingAction = 'edit' | 'report' | 'contact' | 'return' | 'participation' | 'dues';

export interface FloatingNote {
  seq: number;
  kind: FloatingNoteKind;
  on: string;
  text: string;
  side: 'out' | 'in';
  actor_name: string;
  recorded_at: string;
}

/** A record; on the inflow side (minimal) only the first block of fields is present. */
export interface Floating {
  id: number;
  name: string;
  sex: string;
  age: number;
  category: 'full' | 'probationary';
  org_name: string;
  certificate_no: string;
  participating_org: { org_id: number | null; name: string; since: string | null } | null;
  open: boolean;
  minimal: boolean;
  side: { outflow: boolean; inflow: boolean };
  actions: FloatingAction[];
  notes: FloatingNote[];
  member_id?: number;
  org_id?: number;
  left_on?: string;
  reason?: FloatingReason;
  province?: string;
  city?: string;
  county?: string;
  destination?: string;
  employer?: string;
  phone?: string;
  expected_return?: string | null;
  fixed_place?: boolean;
  cannot_transfer?: boolean;
  cannot_transfer_reason?: string;
  returned_on?: string | null;
  return_note?: string;
  last_report_on?: string | null;
  version?: number;
  reminders?: Reminder[];
}

export interface MemberFloating {
  current: Floating | null;
  past: Floating[];
  actions: 'open'[];
}

export interface FloatingInput {
  left_on: string;
  reason: FloatingReason;
  province: string;
  city: string;
  county: string;
  employer?: string;
  phone?: string;
  expected_return?: string | null;
  fixed_place?: boolean;
  certificate_no?: string;
  cannot_transfer?: boolean;
  cannot_transfer_reason?: string;
  participating_org_id?: number;
  participating_org_name?: string;
  participating_since?: string | null;
}

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
