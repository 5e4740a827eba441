// 组织调整 helpers and dialog: the reorganizations an org offers (domain.md §1.1: a branch holds no orgs; the higher
// org decides on an org itself), the request each kind sends, the preview read as sentences with the rules the
// result breaks, and the dialog's preview → commit with the same request.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { configureClient, resetClient } from '@/api/http';
import type { ReorgPreview } from '@/api/reorgs';
import { i18n } from '@/i18n';
import { childTypes, historyText, offeredKinds, planLines, requestFor, type ReorgForm } from '@/utils/reorgs';
import ReorgDialog from '@/views/org/parts/ReorgDialog.vue';
import { json } from './helpers';

const t = i18n.global.t as unknown as (k: string, p?: Record<string, unknown>) => string;
const form = (over: Partial<ReorgForm> = {}): ReorgForm => ({
  on: '2026-11-20', approval_doc: ' 海嵩党工〔2026〕21号 ', name: ' 绿苑社区第二党支部 ', short_name: '', type: '',
  place_kind: '', place_name: '', new_parent_id: null, merged: [], member_ids: [], ...over,
});

const preview: ReorgPreview = {
  kind: 'move', on: '2026-11-20', can_commit: true, blockers: [],
  counts: { orgs_created: 1, orgs_closed: 1, orgs_updated: 0, members_moved: 14, posts_carried: 3, posts_ended: 0,
    grants_moved: 1, grants_revoked: 0, development_cases_moved: 0, positions_moved: 0, positions_closed: 0 },
  created: [{ id: null, name: '绿苑小区党支部', parent_name: '海翔社区党委', new_version: true }],
  closed: [{ id: 3, name: '绿苑小区党支部', parent_name: '海发社区党委', new_version: false }],
  updated: [],
  after: [{ id: null, name: '绿苑小区党支部', org_type: 'branch', org_type_name: '党支部', parent_name: '海翔社区党委',
    headcount: { full: 12, probationary: 2 }, posts: 3, warnings: [] }],
};

describe('reorganization helpers', () => {
  it('offers create only where the type may hold orgs, and the rest only when the higher org is in scope', () => {
    expect(offeredKinds('branch', true)).toEqual(['rename', 'move', 'merge', 'split', 'dissolve']);
    expect(offeredKinds('branch', false)).toEqual([]);
    expect(offeredKinds('grassroots_committee', false)).toEqual(['create']);
    expect(offeredKinds('general_branch', true)).toEqual(['create', 'rename', 'move', 'merge', 'dissolve']);
    expect(childTypes('general_branch')).not.toContain('general_branch');
    expect(childTypes('functional_branch')).toEqual([]);
  });

  it('sends only the fields of each kind, trimmed', () => {
    expect(requestFor('dissolve', 3, form())).toEqual({ kind: 'dissolve', on: '2026-11-20', approval_doc: '海嵩党工〔2026〕21号', org_id: 3 });
    expect(requestFor('move', 3, form({ new_parent_id: 5 })).new_parent_id).toBe(5);
    const split = requestFor('split', 3, form({ member_ids: [7, 8] }));
    expect(split.member_ids).toEqual([7, 8]);
    expect(split.spec).toEqual({ name: '绿苑社区第二党支部', short_name: '', place_kind: '', place_name: '' });
    expect(requestFor('create', 2, form({ type: 'branch' })).spec?.type).toBe('branch');
    expect(requestFor('merge', 3, form({ merged: [4] }))).toMatchObject({ merged: [4] });
  });

  it('reads a move as the org going under its new parent, members, posts and roles following', () => {
    expect(planLines(preview, t)).toEqual([
      '“绿苑小区党支部”划归海翔社区党委',
      '14 名党员的组织关系随之调整（原组织的隶属时段保留在档案中）',
      '3 个班子职务延续到新组织，任期不变',
      '1 个账号的管理角色随组织转移',
    ]);
  });

  it('writes history lines in plain words', () => {
    const e = { org_id: 3, on: '2026-11-20', old_name: '绿苑小区党支部', new_name: '绿苑社区第一党支部', other_org: null,
      approval_doc: '文', by: '管理员' };
    expect(historyText({ ...e, event: 'updated' }, t)).toBe('由“绿苑小区党支部”更名为“绿苑社区第一党支部”');
    expect(historyText({ ...e, event: 'merged_into', other_org: { id: 4, name: '海景小区党支部' } }, t)).toBe('并入“海景小区党支部”，本组织撤销');
  });
});

describe('ReorgDialog', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('previews, shows a blocker and the resulting rule, and commits the same request', async () => {
    const calls: { url: string; body: string }[] = [];
    let answer: () => Response = () => json(200, { ...preview, kind: 'dissolve', can_commit: false,
      blockers: [{ key: 'org.reorg.blocked.members', message: '“绿苑小区党支部”还有 14 名党员：请先合并到其他支部或办理转接' }],
      counts: { ...preview.counts, orgs_created: 0, members_moved: 0, posts_carried: 0, grants_moved: 0 }, created: [], after: [] });
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        calls.push({ url: String(input), body: String(init.body ?? '') });
        return answer();
      }) as typeof fetch,
    });
    const org = { id: 3, parent_id: 2, name: '绿苑小区党支部', short_name: '', org_type: 'branch' as const, org_type_name: '党支部',
      place: null, child_count: 0, member_count: 14, valid_from: '2018-01-01', valid_to: null, ancestors: [{ id: 2, name: '海发社区党委' }] };
    const w = mount(ReorgDialog, { props: { modelValue: true, org, kind: 'dissolve' }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    (document.querySelector('[data-testid="reorg-doc"]') as HTMLInputElement).value = '海嵩党工〔2026〕9号';
    document.querySelector('[data-testid="reorg-doc"]')!.dispatchEvent(new Event('input'));
    (document.querySelector('[data-testid="reorg-preview-btn"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(document.querySelector('[data-testid="reorg-blockers"]')?.textContent).toContain('还有 14 名党员');
    expect((document.querySelector('[data-testid="reorg-commit"]') as HTMLButtonElement).disabled).toBe(true);
    expect(JSON.parse(calls[0].body)).toEqual({ kind: 'dissolve', on: expect.any(String), approval_doc: '海嵩党工〔2026〕9号', org_id: 3 });

    // Back to the form; the server now allows it and the commit sends the very same body.
    (document.querySelector('[data-testid="reorg-back"]') as HTMLButtonElement).click();
    await flushPromises();
    answer = () => json(200, { ...preview, kind: 'dissolve', created: [], after: [] });
    (document.querySelector('[data-testid="reorg-preview-btn"]') as HTMLButtonElement).click();
    await flushPromises();
    answer = () => json(201, { id: 9, created_ids: [], counts: preview.counts });
    (document.querySelector('[data-testid="reorg-commit"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(calls.at(-1)!.url).toBe('/api/v1/reorganizations');
    expect(calls.at(-1)!.body).toBe(calls[1].body);
    expect(w.emitted('done')?.[0]).toEqual([{ id: 9, created_ids: [], counts: preview.counts }, 'dissolve']);
  });
});
