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

export const memberApi = {
  list: (q: MemberQuery) => http.get<ListPage<MemberSummary>>('/members', { ...q }),
  get: (id: number) => http.get<Member>(`/members/${id}`),
  reveal: (id: number, reason: string) => http.post<Member>(`/members/${id}/reveal`, { reason }),
  me: () => http.get<Me>('/me'),
  myViews: (cursor?: string | null, limit = 20) => http.get<ListPage<RecordView>>('/me/views', { cursor, limit }),
};
