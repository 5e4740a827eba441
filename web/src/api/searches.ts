// The search for a lost-contact member (docs/api.md "Lost-contact searches"; domain.md §2.5, seed 004).
import { http } from './http';
import type { components } from './openapi';

type Schemas = components['schemas'];

export const SEARCH_METHODS = ['phone', 'visit', 'letter', 'relatives', 'former_employer', 'notice', 'other'] as const;
export type SearchMethod = Schemas['SearchEntry']['method'];
// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
export type SearchEntry = Schemas['SearchEntry'];
export type MemberSearches = Schemas['MemberSearches'];
export type SearchInput = Schemas['SearchInput'];

export const searchApi = {
  ofMember: (memberId: number) => http.get<MemberSearches>(`/members/${memberId}/searches`),
  add: (memberId: number, input: SearchInput) => http.post<MemberSearches>(`/members/${memberId}/searches`, input),
};
