// A member's sign-in account, opened from the member's record by the member's org (docs/api.md "Member accounts").
import { http } from './http';
import type { components } from './openapi';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];

export type MemberAccountInfo = NonNullable<MemberAccount['account']>;

export type MemberAccount = Schemas['MemberAccount'];

export type MemberAccountLink = Schemas['MemberAccountLink'];

export const accountApi = {
  ofMember: (memberId: number) => http.get<MemberAccount>(`/members/${memberId}/account`),
  open: (memberId: number, username: string) => http.post<MemberAccountLink>(`/members/${memberId}/account`, { username }),
  reset: (memberId: number) => http.post<MemberAccountLink>(`/members/${memberId}/account/reset`),
};

/** The server's user-name rule (app/auth/validation.cpp): 3–32 of a-z 0-9 . _ -, starting with a letter. */
export const USERNAME_RULE = /^[a-z][a-z0-9._-]{2,31}$/;
