import { http } from './http';
import type { ListPage, Me, Member, MemberSummary, RecordView } from './types';

export interface MemberQuery {
  org_id?: number | null;
  q?: string;
  category?: string;
  skill?: string;
  age_min?: number;
  age_max?: number;
  limit?: number;
  cursor?: string | null;
}

export interface MemberEdit {
  version: number;
  phone?: string;
  address?: string;
  skills: string[];
  tags: string[];
  floating_to: string;
  lost_contact_on: string;
  /** The registry fields of GET /dictionaries (education, work_unit, occupation …) by name. */
  [field: string]: string | string[] | number | undefined;
}

export const memberApi = {
  list: (q: MemberQuery) => http.get<ListPage<MemberSummary>>('/members', { ...q }),
  /** 登记党员: one existing member into a branch (the import template's columns by field key). */
  register: (body: Record<string, string | number>) => http.post<{ id: number }>('/members', body),
  get: (id: number) => http.get<Member>(`/members/${id}`),
  update: (id: number, input: MemberEdit) => http.put<Member>(`/members/${id}`, input),
  decideStatus: (id: number, input: { version: number; action: string; on: string; ground?: string; doc_ref: string; reason?: string }) =>
    http.post<Member>(`/members/${id}/status`, input),
  reveal: (id: number, reason: string) => http.post<Member>(`/members/${id}/reveal`, { reason }),
  me: () => http.get<Me>('/me'),
  myViews: (cursor?: string | null, limit = 20) => http.get<ListPage<RecordView>>('/me/views', { cursor, limit }),
};
