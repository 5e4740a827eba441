// The search for a lost-contact member (docs/api.md "Lost-contact searches"; domain.md §2.5, seed 004).
import { http } from './http';
import type { Reminder } from './development';

export const SEARCH_METHODS = ['phone', 'visit', 'letter', 'relatives', 'former_employer', 'notice', 'other'] as const;
export type SearchMethod = (typeof SEARCH_METHODS)[number];

export interface SearchEntry {
  id: number;
  on: string;
  method: SearchMethod;
  searched_by: string;
  result: string;
  found: boolean;
  recorded_by: string;
  recorded_at: string;
}

export interface MemberSearches {
  member_id: number;
  member_version: number;
  lost_contact: boolean;
  lost_contact_on: string | null;
  entries: SearchEntry[];
  reminder: Reminder | null;
  actions: 'add'[];
  contact_restored: boolean;
}

export interface SearchInput {
  on: string;
  method: SearchMethod;
  searched_by: string;
  result: string;
  found: boolean;
}

export const searchApi = {
  ofMember: (memberId: number) => http.get<MemberSearches>(`/members/${memberId}/searches`),
  add: (memberId: number, input: SearchInput) => http.post<MemberSearches>(`/members/${memberId}/searches`, input),
};
