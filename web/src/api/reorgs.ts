// Reorganizations of the org tree (docs/api.md "Reorganizations"): preview, commit, list and an org's history.
import { http } from './http';

export type ReorgKind = 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve';
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

export interface ReorgWarning {
  key: string;
  message: string;
}

export interface ReorgCounts {
  orgs_created: number;
  orgs_closed: number;
  orgs_updated: number;
  members_moved: number;
  posts_carried: number;
  posts_ended: number;
  grants_moved: number;
  grants_revoked: number;
  development_cases_moved: number;
  positions_moved: number;
  positions_closed: number;
}

export interface ReorgOrgLine {
  id: number | null;
  name: string;
  parent_name: string;
  new_version: boolean;
}

export interface ResultingOrg {
  id: number | null;
  name: string;
  org_type: string;
  org_type_name: string;
  parent_name: string;
  headcount: { full: number; probationary: number };
  posts: number;
  warnings: ReorgWarning[];
}

export interface ReorgPreview {
  kind: ReorgKind;
  on: string;
  can_commit: boolean;
  blockers: ReorgWarning[];
  counts: ReorgCounts;
  created: ReorgOrgLine[];
  closed: ReorgOrgLine[];
  updated: ReorgOrgLine[];
  after: ResultingOrg[];
}

export interface ReorgDone {
  id: number;
  created_ids: number[];
  counts: ReorgCounts;
}

export type OrgEvent =
  | 'created' | 'updated' | 'moved_in' | 'moved_out' | 'merged_into' | 'received' | 'split_off' | 'split' | 'dissolved';

export interface OrgHistoryEntry {
  org_id: number;
  event: OrgEvent;
  on: string;
  old_name: string;
  new_name: string;
  other_org: { id: number; name: string } | null;
  approval_doc: string;
  by: string;
}

export const reorgApi = {
  /** What the reorganization would change; writes nothing. */
  preview: (req: ReorgRequest) => http.post<ReorgPreview>('/reorganizations/preview', req),
  commit: (req: ReorgRequest) => http.post<ReorgDone>('/reorganizations', req),
  history: (orgId: number) => http.get<{ items: OrgHistoryEntry[] }>(`/orgs/${orgId}/history`),
};
