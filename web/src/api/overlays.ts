// Overlays (区域化党建: 大工委、大党委、联合党委、联盟、联席会议; docs/api.md "Overlays"): never orgs of the tree, never a
// parent; member units with their heads (兼职委员), the rotating convenor, dual-identity links, counts per community.
import { http } from './http';

export type OverlayKind = 'big_working_committee' | 'big_party_committee' | 'joint_committee' | 'alliance' | 'joint_meeting';
export const OVERLAY_KINDS: OverlayKind[] = ['big_working_committee', 'big_party_committee', 'joint_committee', 'alliance', 'joint_meeting'];

export type UnitType =
  | 'organ' | 'soe' | 'public_institution' | 'non_public_enterprise' | 'social_org' | 'police' | 'property_company'
  | 'school' | 'hospital' | 'other';
export const UNIT_TYPES: UnitType[] = [
  'organ', 'soe', 'public_institution', 'non_public_enterprise', 'social_org', 'police', 'property_company', 'school',
  'hospital', 'other',
];

export interface OverlayCounts {
  units: number;
  part_time_members: number;
  linked_members: number;
}

export interface Turn {
  unit_id: number;
  name: string;
  from: string;
  until: string;
  current: boolean;
}

export interface Overlay {
  id: number;
  kind: OverlayKind;
  name: string;
  host_org: { id: number; name: string };
  founded_on: string;
  meeting_period_months: number;
  last_meeting_on: string | null;
  meeting: { key: string; due: string; overdue: boolean; message: string } | null;
  note: string;
  counts: OverlayCounts;
  rotation: { period_months: number; start: string | null; order: number[] };
  convenor: { unit_id: number; name: string; from: string; until: string } | null;
  next_handover: string | null;
  can_edit: boolean;
  version: number;
}

export interface OverlayUnit {
  id: number;
  name: string;
  unit_type: UnitType;
  uscc: string;
  address: string;
  two_new: boolean;
  joined_on: string;
  left_on: string | null;
  head: { name: string; post: string; member_id: number | null } | null;
  roster_pos: number | null;
}

export interface OverlayDetail extends Overlay {
  units: OverlayUnit[];
  turns: Turn[];
}

export interface UnitInput {
  name: string;
  unit_type: UnitType;
  uscc?: string;
  address?: string;
  two_new?: boolean;
  joined_on: string;
  head_name?: string;
  head_post?: string;
}

export interface RosterInput {
  version: number;
  unit_ids: number[];
  period_months: number;
  start: string;
}

export const overlayApi = {
  list: (orgId?: number | null) => http.get<{ items: Overlay[] }>('/overlays', orgId ? { org_id: orgId } : undefined),
  get: (id: number) => http.get<OverlayDetail>(`/overlays/${id}`),
  addUnit: (id: number, input: UnitInput) => http.post<{ id: number }>(`/overlays/${id}/units`, input),
  endUnit: (id: number, unitId: number, on: string) => http.post<void>(`/overlays/${id}/units/${unitId}/end`, { on }),
  setRoster: (id: number, input: RosterInput) => http.put<OverlayDetail>(`/overlays/${id}/roster`, input),
};
