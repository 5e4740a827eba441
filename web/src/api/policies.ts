// Policy store (docs/api.md "Policies"): the local rules in force for an org on a date, a key's history, a change.
import { http } from './http';
import type { PolicyList, PolicySetting, PolicySpec } from './types';

export interface PolicyChange {
  key: string;
  /** A number for int keys, the choice's name for choice keys. */
  value: number | string;
  valid_from: string;
  doc: string;
}

export const policyApi = {
  list: (orgId: number, asOf?: string | null) =>
    http.get<PolicyList>(`/orgs/${orgId}/policies`, { as_of: asOf || undefined }),
  history: (orgId: number, key: string) =>
    http.get<{ policy: PolicySpec; items: PolicySetting[] }>(`/orgs/${orgId}/policies/history`, { key }),
  set: (orgId: number, change: PolicyChange) => http.post<{ id: number }>(`/orgs/${orgId}/policies`, change),
};
