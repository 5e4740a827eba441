import { http } from './http';
import type { BodyOf, CreatedId, ListPage, Me, Member, MemberSummary, QueryOf, RecordView } from './types';

/** GET /members's filters and paging (docs/openapi.yaml listMembers). */
export type MemberQuery = QueryOf<'listMembers'>;
/** 登记党员: the import template's columns by field key (docs/openapi.yaml RegisterMember). */
export type NewMember = BodyOf<'registerMember'>;
/** PUT /members/{id}: the registry fields of GET /dictionaries by name, and the member's own facts. */
export type MemberEdit = BodyOf<'updateMember'>;
export type StatusDecision = BodyOf<'decideMemberStatus'>;

export const memberApi = {
  list: (q: MemberQuery) => http.get<ListPage<MemberSummary>>('/members', { ...q }),
  register: (body: NewMember) => http.post<CreatedId>('/members', body),
  get: (id: number) => http.get<Member>(`/members/${id}`),
  update: (id: number, input: MemberEdit) => http.put<Member>(`/members/${id}`, input),
  decideStatus: (id: number, input: StatusDecision) => http.post<Member>(`/members/${id}/status`, input),
  reveal: (id: number, reason: string) =>
    http.post<Member>(`/members/${id}/reveal`, { reason } satisfies BodyOf<'revealMember'>),
  me: () => http.get<Me>('/me'),
  myViews: (cursor?: string | null, limit = 20) => http.get<ListPage<RecordView>>('/me/views', { cursor, limit }),
};
