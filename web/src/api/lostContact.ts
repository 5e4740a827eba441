// The search for a lost-contact member (docs/api.md "Lost-contact searches"; domain.md §2.5, seed 004).
import { http } from './http';
import type { components } from './openapi';

type Schemas = components['schemas'];

export const LOST_CONTACT_METHODS = ['phone', 'visit', 'letter', 'relatives', 'former_employer', 'notice', 'other'] as const;
export type LostContactMethod = Schemas['LostContactEntry']['method'];
// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
export type LostContactEntry = Schemas['LostContactEntry'];
export type LostContactSearches = Schemas['LostContactSearches'];
export type LostContactInput = Schemas['LostContactInput'];

export const lostContactApi = {
  ofMember: (memberId: number) => http.get<LostContactSearches>(`/members/${memberId}/lost-contact-searches`),
  add: (memberId: number, input: LostContactInput) => http.post<LostContactSearches>(`/members/${memberId}/lost-contact-searches`, input),
};
