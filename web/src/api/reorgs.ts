// Reorganizations of the org tree (docs/api.md "Reorganizations"): preview, commit, list and an org's history.
import { http } from './http';
import type { components } from './openapi';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];

export type ReorgKind = ReorgPreview['kind'];
export const REORG_KINDS: ReorgKind[] = ['create', 'rename', 'move', 'merge', 'split', 'dissolve'];

export interface ReorgSpec {
  name?: string;
  short_name?: string;
  type?: string;
  place_kind?: string;
  place_name?: string;
}

export interface ReorgRequest {
  kind: ReorgKind;
  on: string;
  approval_doc: string;
  org_id: number;
  new_parent_id?: number;
  merged?: number[];
  spec?: ReorgSpec;
  member_ids?: number[];
}

export type ReorgWarning = Schemas['ReorgWarning'];

export type ReorgCounts = Schemas['ReorgCounts'];

export type ReorgOrgLine = Schemas['ReorgOrgLine'];

export type ResultingOrg = ReorgPreview['after'][number];

export type ReorgPreview = Schemas['ReorgPreview'];

export type ReorgDone = Schemas['ReorgDone'];

export type OrgEvent = OrgHistoryEntry['event'];

export type OrgHistoryEntry = Schemas['OrgHistory']['items'][number];

export const reorgApi = {
  /** What the reorganization would change; writes nothing. */
  preview: (req: ReorgRequest) => http.post<ReorgPreview>('/reorganizations/preview', req),
  commit: (req: ReorgRequest) => http.post<ReorgDone>('/reorganizations', req),
  history: (orgId: number) => http.get<{ items: OrgHistoryEntry[] }>(`/orgs/${orgId}/history`),
};
