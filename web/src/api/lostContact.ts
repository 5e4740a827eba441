// The search for a lost-contact member (docs/api.md "Lost-contact searches"; domain.md §2.5, seed 004).
import { http } from './http';
import type { Reminder } from './development';

export const LOST_CONTACT_METHODS = ['phone', 'visit', 'letter', 'relatives', 'former_employer', 'notice', 'other'] as const;
export type LostContactMethod = (typeof LOST_CONTACT_METHODS)[number];

export interface LostContactEntry {
  id: number;
  on: string;
  method: LostContactMethod;
  searched_by: string;
  result: string;
  found: boolean;
  recorded_by: string;
  recorded_at: string;
}

export interface LostContactSearches {
  member_id: number;
  member_version: number;
  lost_contact: boolean;
  lost_contact_on: string | null;
  entries: LostContactEntry[];
  reminder: Reminder | null;
  actions: 'add'[];
  contact_restored: boolean;
}

export interface LostContactInput {
  on: string;
  method: LostContactMethod;
  searched_by: string;
  result: string;
  found: boolean;
}

export const lostContactApi = {
  ofMember: (memberId: number) => http.get<LostContactSearches>(`/members/${memberId}/lost-contact-searches`),
  add: (memberId: number, input: LostContactInput) => http.post<LostContactSearches>(`/members/${memberId}/lost-contact-searches`, input),
};
