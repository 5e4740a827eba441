// Pure helpers of 组织调整: which reorganizations an org offers, the request a form makes, the plan's counts as
// sentences and an org's history lines. The server decides and checks everything; these only present.
import type { OrgHistoryEntry, ReorgCounts, ReorgKind, ReorgPreview, ReorgRequest } from '@/api/reorgs';

type T = (key: string, params?: Record<string, unknown>) => string;

export const BRANCH_TYPES: readonly string[] = ['branch', 'joint_branch', 'temporary_branch', 'functional_branch'];
/** The types a new org may have under a parent of `parentType` (domain.md §1.1: a branch holds no orgs, a general
 *  branch only branches, a committee general branches and branches, a street also committees). */
export function childTypes(parentType: string): string[] {
  switch (parentType) {
    case 'district_committee':
      return ['street_working_committee', 'grassroots_committee', 'general_branch', ...BRANCH_TYPES];
    case 'street_working_committee':
      return ['grassroots_committee', 'general_branch', ...BRANCH_TYPES];
    case 'grassroots_committee':
      return ['general_branch', ...BRANCH_TYPES];
    case 'general_branch':
      return [...BRANCH_TYPES];
    default:
      return [];
  }
}

export const PLACE_KINDS = ['', 'street', 'community', 'compound', 'building'] as const;

/** The reorganizations offered on an org: `decidedAbove` when its parent lies in the user's scope (the higher org
 *  decides on the org itself; the org decides on creating below it). */
export function offeredKinds(orgType: string, decidedAbove: boolean): ReorgKind[] {
  const out: ReorgKind[] = [];
  if (childTypes(orgType).length) out.push('create');
  if (decidedAbove) {
    out.push('rename', 'move', 'merge');
    if (BRANCH_TYPES.includes(orgType)) out.push('split');
    out.push('dissolve');
  }
  return out;
}

export interface ReorgForm {
  on: string;
  approval_doc: string;
  name: string;
  short_name: string;
  type: string;
  place_kind: string;
  place_name: string;
  new_parent_id: number | null;
  merged: number[];
  member_ids: number[];
}

/** The request body of `kind` on org `orgId`: only the fields that kind reads. */
export function requestFor(kind: ReorgKind, orgId: number, f: ReorgForm): ReorgRequest {
  const base: ReorgRequest = { kind, on: f.on, approval_doc: f.approval_doc.trim(), org_id: orgId };
  const spec = {
    name: f.name.trim(), short_name: f.short_name.trim(), place_kind: f.place_kind, place_name: f.place_name.trim(),
    ...(f.type ? { type: f.type } : {}),
  };
  switch (kind) {
    case 'create':
    case 'rename':
      return { ...base, spec };
    case 'split':
      return { ...base, spec, member_ids: [...f.member_ids] };
    case 'move':
      return { ...base, new_parent_id: f.new_parent_id ?? 0 };
    case 'merge':
      return { ...base, merged: [...f.merged] };
    case 'dissolve':
      return base;
  }
}

const COUNT_ORDER: (keyof ReorgCounts)[] = [
  'orgs_created', 'orgs_updated', 'orgs_closed', 'members_moved', 'development_cases_moved', 'posts_carried', 'posts_ended',
  'grants_moved', 'grants_revoked', 'positions_moved', 'positions_closed',
];

/** The plan as sentences: what is created, moved, closed, and what follows (members, posts, roles, cases). */
export function planLines(p: ReorgPreview, t: T): string[] {
  const lines: string[] = [];
  for (const c of p.created)
    lines.push(t(c.new_version ? 'reorg.newVersionLine' : 'reorg.createdLine', { name: c.name, parent: c.parent_name }));
  for (const u of p.updated) lines.push(t('reorg.updatedLine', { name: u.name }));
  const moved = new Set(p.created.filter((c) => c.new_version).map((c) => c.name));
  for (const c of p.closed) if (!moved.has(c.name)) lines.push(t('reorg.closedLine', { name: c.name }));
  for (const k of COUNT_ORDER.slice(3)) if (p.counts[k] > 0) lines.push(t(`reorg.counts.${k}`, { n: p.counts[k] }));
  return lines;
}

/** One line of an org's history: 2026-11-20 由“X”更名为“Y”. */
export function historyText(e: OrgHistoryEntry, t: T): string {
  if (e.event === 'updated' && e.old_name === e.new_name) return t('reorg.history.updatedSame');
  return t(`reorg.history.${e.event}`, { name: e.new_name, old: e.old_name, other: e.other_org?.name ?? '' });
}
