// Party groups (党小组) of a branch and the units a joint branch covers (docs/api.md "Party groups and covered units").
import { http } from './http';

export type GroupScope = 'building' | 'yard' | 'grid' | 'work_unit' | 'other';
export const GROUP_SCOPES: GroupScope[] = ['building', 'yard', 'grid', 'work_unit', 'other'];

export interface PartyGroup {
  id: number;
  name: string;
  scope: GroupScope;
  scope_name: string;
  leader: { id: number; name: string } | null;
  members: { id: number; name: string }[];
  valid_from: string;
  valid_to: string | null;
  version: number;
}

export interface CoveredUnit {
  id: number;
  name: string;
  unit_type: string;
  uscc: string;
  valid_from: string;
  valid_to: string | null;
}

export interface OrgGroups {
  org_id: number;
  org_type: string;
  groups: PartyGroup[];
  units: CoveredUnit[];
  may_hold_groups: boolean;
  may_cover_units: boolean;
  can_edit_groups: boolean;
  can_edit_units: boolean;
  /** More than five covered units (domain.md §1.2), with the rule quoted. */
  warnings: { key: string; message: string }[];
}

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
