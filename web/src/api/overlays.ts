// Overlays (区域化党建: 大工委、大党委、联合党委、联盟、联席会议; docs/api.md "Overlays"): never orgs of the tree, never a
// parent; member units with their heads (兼职委员), the rotating convenor, dual-identity links, counts per community.
import { http } from './http';
import type { components } from './openapi';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];

export type OverlayKind = Schemas['OverlayKind'];
export const OVERLAY_KINDS: OverlayKind[] = ['big_working_committee', 'big_party_committee', 'joint_committee', 'alliance', 'joint_meeting'];

export type UnitType = Schemas['UnitType'];
export const UNIT_TYPES: UnitType[] = [
  'organ', 'soe', 'public_institution', 'non_public_enterprise', 'social_org', 'police', 'property_company', 'school',
  'hospital', 'other',
];

export type OverlayCounts = Schemas['OverlayCounts'];

export type Turn = OverlayDetail['turns'][number];

export type Overlay = Schemas['Overlay'];

export type OverlayUnit = Schemas['OverlayUnit'];

export type OverlayDetail = Schemas['OverlayDetail'];

export type UnitInput = Schemas['OverlayUnitRequest'];

export type RosterInput = Schemas['OverlayRoster'];

export const overlayApi = {
  list: (orgId?: number | null) => http.get<{ items: Overlay[] }>('/overlays', orgId ? { org_id: orgId } : undefined),
  get: (id: number) => http.get<OverlayDetail>(`/overlays/${id}`),
  addUnit: (id: number, input: UnitInput) => http.post<{ id: number }>(`/overlays/${id}/units`, input),
  endUnit: (id: number, unitId: number, on: string) => http.post<void>(`/overlays/${id}/units/${unitId}/end`, { on }),
  setRoster: (id: number, input: RosterInput) => http.put<OverlayDetail>(`/overlays/${id}/roster`, input),
};
