// Party groups (党小组) of a branch and the units a joint branch covers (docs/api.md "Party groups and covered units").
import { http } from './http';
import type { components } from './openapi';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];

export type GroupScope = PartyGroup['scope'];
export const GROUP_SCOPES: GroupScope[] = ['building', 'yard', 'grid', 'work_unit', 'other'];

export type PartyGroup = OrgGroups['groups'][number];

export type CoveredUnit = OrgGroups['units'][number];

export type OrgGroups = Schemas['OrgGroups'];

export interface GroupInput {
  name: string;
  scope: GroupScope;
  scope_name: string;
  leader_member_id: number;
  member_ids?: number[];
}

export const groupsApi = {
  get: (orgId: number, asOf?: string | null) =>
    http.get<OrgGroups>(`/orgs/${orgId}/groups`, asOf ? { as_of: asOf } : undefined),
  create: (orgId: number, input: GroupInput) => http.post<{ id: number }>(`/orgs/${orgId}/groups`, input),
  update: (id: number, version: number, input: GroupInput) => http.put<void>(`/groups/${id}`, { version, ...input }),
  setMembers: (id: number, version: number, memberIds: number[]) =>
    http.put<void>(`/groups/${id}/members`, { version, member_ids: memberIds }),
  close: (id: number, version: number, on: string) => http.post<void>(`/groups/${id}/close`, { version, on }),
  addUnit: (orgId: number, input: { name: string; unit_type: string; uscc: string }) =>
    http.post<{ id: number }>(`/orgs/${orgId}/units`, input),
  endUnit: (orgId: number, unitId: number, on: string) => http.post<void>(`/orgs/${orgId}/units/${unitId}/end`, { on }),
};

/** The members of the branch not in any group yet, for the "未编入党小组" line. */
export function ungrouped<T extends { id: number }>(branchMembers: T[], groups: PartyGroup[]): T[] {
  const inGroup = new Set(groups.flatMap((g) => g.members.map((m) => m.id)));
  return branchMembers.filter((m) => !inGroup.has(m.id));
}
