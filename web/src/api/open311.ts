// Open311 api keys (docs/api.md "Open311"; issue 17 "Open interfaces"): the admin issues a key on an org (shown once),
// lists the keys of the scope (masked) and revokes one.
import { http } from './http';
import type { BodyOf, Open311Key } from './types';

export type NewOpen311Key = BodyOf<'issueOpen311Key'>;

export const open311Api = {
  list: (orgId?: number | null) => http.get<{ items: Open311Key[] }>('/open311/keys', orgId ? { org_id: orgId } : {}),
  issue: (k: NewOpen311Key) => http.post<{ key: Open311Key; api_key: string }>('/open311/keys', k),
  revoke: (id: number) => http.post<{ key: Open311Key }>(`/open311/keys/${id}/revoke`),
};
