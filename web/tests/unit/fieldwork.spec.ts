// 日巡 and 走访 forms (issue 17 "Events and their intake": patrols and visits; seeds 000, 002, 003): the 大走访 form
// shows the six 六清楚 items as the server lists them and sends only the answered ones with the needs; a field the
// server names is marked (including a 六清楚 item); a finding with a proposed category is reported in one tap, one
// without asks for the category first; a raised finding links its event; the 民情面对面 form sends its problems.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { configureClient, resetClient } from '@/api/http';
import type { FieldworkItem, VisitClear } from '@/api/fieldwork';
import type { Grid } from '@/api/grids';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import FindingList from '@/views/patrol/FindingList.vue';
import HouseholdVisitForm from '@/views/visit/HouseholdVisitForm.vue';
import SessionForm from '@/views/visit/SessionForm.vue';
import { json } from './helpers';

const CLEARS: VisitClear[] = [
  { code: 'low_income', name_zh: '低保困难户', name_en: 'Low-income (dibao) household' },
  { code: 'disabled', name_zh: '残疾人', name_en: 'Person with a disability' },
  { code: 'laid_off', name_zh: '下岗职工', name_en: 'Laid-off worker' },
  { code: 'empty_nest', name_zh: '空巢老人', name_en: 'Elderly living alone (empty nest)' },
  { code: 'party_member', name_zh: '社区党员', name_en: 'Party member in the community' },
  { code: 'floating', name_zh: '流动人口', name_en: 'Floating population' },
];
const CATS = [
  { code: 'facility', parent_code: null, name_zh: '公共设施', name_en: 'Public facilities', sla_class: null },
  { code: 'facility.manhole', parent_code: 'facility', name_zh: '井盖缺失', name_en: 'Missing manhole cover', sla_class: 'emergency' as const },
];
const GRID = { id: 4, org: { id: 9, name: '海虹社区' }, code: '350205001001001', name: '第一网格', buildings: ['1号楼'] } as unknown as Grid;
const item = (over: Partial<FieldworkItem> = {}): FieldworkItem => ({
  seq: 1, text: '井盖缺失', photo_ids: [], location: null, category_code: '', event_id: null, event_number: null,
  created_at: '2026-11-25T01:00:00.000Z', ...over,
});
const router = () => createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
const $ = (sel: string) => document.querySelector(sel) as HTMLElement;
const type = (sel: string, value: string) => {
  const el = $(sel) as HTMLInputElement;
  el.value = value;
  el.dispatchEvent(new Event('input'));
};

function signIn() {
  setActivePinia(createPinia());
  useSessionStore().set({
    user: { id: 3, username: 'worker', display_name: '李网格员', member_id: null }, csrf_token: 'tok', mfa: 'none',
    permissions: ['event_read', 'event_write', 'org_read'],
    grants: [{ id: 9, role: 'org_admin', role_name: '组织管理员', org_id: 9, org_name: '海虹社区', permissions: ['event_read', 'event_write', 'org_read'] }],
  });
}

describe('fieldwork forms', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  // jsdom renders Element Plus slowly on this shared machine: each test may take longer than the default 5 s.
  it('the 大走访 form lists the 六清楚, sends the answered ones and the needs, and marks the fields the server names', async () => {
    signIn();
    const bodies: unknown[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        if (String(input) === '/api/v1/visits' && init.method === 'POST') {
          bodies.push(JSON.parse(String(init.body)));
          return json(400, { error: { code: 'invalid_argument', message: '请求内容有误，请检查标出的字段', request_id: 'r',
            fields: [{ field: 'building', message: '楼栋应为 1–50 个字符' }, { field: 'clears.disabled', message: '六清楚应为“有”“无”或“未清楚”' }] } });
        }
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(HouseholdVisitForm, { props: { grids: [GRID], clears: CLEARS, categories: CATS }, global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    const rows = [...document.querySelectorAll('[data-testid^="clear-"]')].map((r) => r.querySelector('.lx-clear-name')!.textContent);
    expect(rows).toEqual(['低保困难户', '残疾人', '下岗职工', '空巢老人', '社区党员', '流动人口']);
    ($('[data-testid="clear-empty_nest"] input[value="yes"]') as HTMLInputElement).click();
    ($('[data-testid="clear-disabled"] input[value="no"]') as HTMLInputElement).click();
    await flushPromises();
    expect($('[data-testid="household-clears"] legend').textContent).toContain('2/6');
    type('[data-testid="household-door"]', '2单元301');
    type('[data-testid="household-resident"]', '张秀英');
    $('[data-testid="need-add"]').click();
    await flushPromises();
    type('[data-testid="need-0"] input', '独居老人希望有人上门助餐');
    $('[data-testid="household-submit"]').click();
    await flushPromises();
    await flushPromises();
    expect(bodies[0]).toMatchObject({ grid_id: 4, door: '2单元301', resident_name: '张秀英',
      clears: { empty_nest: 'yes', disabled: 'no' }, needs: [{ text: '独居老人希望有人上门助餐', category_code: '' }] });
    expect(Object.keys((bodies[0] as { clears: object }).clears).sort()).toEqual(['disabled', 'empty_nest']);
    expect([...document.querySelectorAll('.el-form-item.is-error .el-form-item__label')].map((l) => l.textContent)).toEqual(['楼栋']);
    expect($('[data-testid="clear-disabled"]').textContent).toContain('六清楚应为“有”“无”或“未清楚”');
  }, 60_000);

  it('a finding with a category is reported in one tap; one without asks for the category; a raised one links its event', async () => {
    signIn();
    const w = mount(FindingList, {
      props: { items: [item({ category_code: 'facility.manhole' }), item({ seq: 2, text: '楼道堆物' }),
        item({ seq: 3, event_id: 12, event_number: 'SJ2026-000012' })], categories: CATS, canRaise: true },
      global: { plugins: [i18n, router()] }, attachTo: document.body,
    });
    await flushPromises();
    expect($('[data-testid="finding-1"]').textContent).toContain('公共设施 / 井盖缺失');
    $('[data-testid="raise-1"]').click();
    expect(w.emitted('raise')).toEqual([[1, '']]);
    $('[data-testid="raise-2"]').click();
    await flushPromises();
    expect(w.emitted('raise')).toHaveLength(1);  // not yet: the category first
    expect($('[data-testid="finding-2"] .lx-finding-choose')).not.toBeNull();
    expect(($('[data-testid="raise-confirm"]') as HTMLButtonElement).disabled).toBe(true);
    expect($('[data-testid="raise-3"]')).toBeNull();
    expect($('[data-testid="finding-event-3"]').textContent).toContain('SJ2026-000012');
  }, 60_000);

  it('the 民情面对面 form sends its problems and shows the problem the server names', async () => {
    signIn();
    const bodies: unknown[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const url = String(input);
        if (url === '/api/v1/visit-sessions' && init.method === 'POST') {
          bodies.push(JSON.parse(String(init.body)));
          return json(400, { error: { code: 'invalid_argument', message: '请求内容有误，请检查标出的字段', request_id: 'r',
            fields: [{ field: 'problems[1].text', message: '内容应为 2–1000 个字符，且不含控制字符' }] } });
        }
        if (url.startsWith('/api/v1/orgs/roots')) return json(200, { items: [] });
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(SessionForm, { props: { categories: CATS }, global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    type('[data-testid="session-place"]', '海虹社区民情面对面工作室');
    type('[data-testid="problem-0"] input', '夜间停车占用消防通道');
    $('[data-testid="problem-add"]').click();
    await flushPromises();
    type('[data-testid="problem-1"] input', '灯');
    $('[data-testid="session-submit"]').click();
    await flushPromises();
    await flushPromises();
    expect(bodies[0]).toMatchObject({ place: '海虹社区民情面对面工作室',
      problems: [{ text: '夜间停车占用消防通道', category_code: '' }, { text: '灯', category_code: '' }] });
    expect($('[data-testid="problem-1"] .el-form-item.is-error')).not.toBeNull();
    expect($('[data-testid="problem-0"] .el-form-item.is-error')).toBeNull();
  }, 60_000);
});
