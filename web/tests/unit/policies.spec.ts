// 政策参数 page (issue 16 "Policy store"): the rules in force for an org with where each comes from (全国默认 or the
// org that set it, its date and 文号) and pending changes; the change dialog keeps a number within the key's bounds,
// offers no day before today (a change never reaches back) and shows the server's field errors on the fields.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { ElDatePicker, ElFormItem, ElInputNumber } from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { configureClient, resetClient } from '@/api/http';
import type { PolicyItem, PolicyList } from '@/api/types';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import { todayShanghai } from '@/utils/format';
import { beforeDay, policyValueText } from '@/utils/policies';
import PoliciesView from '@/views/org/PoliciesView.vue';
import { json } from './helpers';

const street = { id: 2, name: '中共嵩屿街道工作委员会' };
const lost: PolicyItem = {
  key: 'lost_contact.search_every_months', name: '失联党员寻找间隔', description: '对失联党员每隔此月数组织一次寻找（月）',
  kind: 'int', unit: 'months', unit_label: '个月', min: 1, max: 12, choices: [], default: 6, value: 3, source: 'domain.md §5.4',
  confidence: 'LOCAL',
  in_force: { id: 7, org: street, valid_from: '2026-11-01', valid_to: null, withdrawn: false, value: 3, doc: '嵩工委〔2026〕8号',
    set_by: '街道管理员', set_at: '2026-11-01T02:00:00Z' },
  pending: [{ id: 8, org: street, valid_from: '2027-01-01', valid_to: null, withdrawn: false, value: 4, doc: '嵩工委〔2026〕9号',
    set_by: '街道管理员', set_at: '2026-11-20T02:00:00Z' }],
};
const rounding: PolicyItem = {
  key: 'dues.rounding', name: '党费尾数处理', description: '计算党费时角分的处理方式', kind: 'choice', unit: '', unit_label: '',
  min: null, max: null, choices: [{ value: 'cent', label: '保留到分' }, { value: 'yuan', label: '四舍五入到元' }], default: 'cent',
  value: 'cent', source: 'domain.md §7', confidence: 'LOCAL', in_force: null, pending: [],
};
const list = (can_edit: boolean): PolicyList => ({ org: street, as_of: '2026-12-07', can_edit, items: [lost, rounding] });

function signIn() {
  setActivePinia(createPinia());
  useSessionStore().set({
    user: { id: 3, username: 'street_admin', display_name: '街道管理员', member_id: null },
    csrf_token: 'tok', mfa: 'none', permissions: ['org_read', 'org_write', 'member_read', 'member_reveal', 'member_write', 'transfer_issue'],
    grants: [{ id: 9, role: 'org_admin', role_name: '组织管理员', org_id: 2, org_name: street.name, permissions: ['org_read', 'org_write', 'member_read', 'member_reveal', 'member_write', 'transfer_issue'] }],
  });
}

describe('policy helpers', () => {
  it('reads a number with its unit and a choice by its label', () => {
    expect(policyValueText(lost, 3)).toBe('3 个月');
    expect(policyValueText(rounding, 'yuan')).toBe('四舍五入到元');
  });

  it('disables the days before today only', () => {
    const off = beforeDay('2026-12-07');
    expect(off(new Date(2026, 11, 6))).toBe(true);
    expect(off(new Date(2026, 11, 7))).toBe(false);
    expect(off(new Date(2027, 0, 1))).toBe(false);
  });
});

describe('PoliciesView', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  function serve(canEdit: boolean, urls: string[], bodies: string[]) {
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const url = String(input);
        urls.push(url);
        if (url.startsWith('/api/v1/orgs/roots')) return json(200, { items: [{ ...street, child_count: 3, org_type: 'working_committee' }] });
        if (url.startsWith('/api/v1/orgs/2/policies/history')) {
          return json(200, { policy: lost, items: [
            { ...lost.in_force!, id: 6, valid_from: '2026-10-01', valid_to: '2026-10-01', withdrawn: true, value: 2, doc: '嵩工委〔2026〕7号' },
            lost.in_force, lost.pending[0]] });
        }
        if (url.startsWith('/api/v1/orgs/2/policies') && init.method === 'POST') {
          bodies.push(String(init.body));
          return json(400, { error: { code: 'invalid_argument', message: '请求内容有误，请检查标出的字段', request_id: 'r',
            fields: [{ field: 'doc', message: '依据文号不能为空' }, { field: 'valid_from', message: '生效日期不能早于今天' }] } });
        }
        if (url.startsWith('/api/v1/orgs/2/policies')) return json(200, list(canEdit));
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
  }

  it('lists each key with its value, default, the org that set it, its date, 文号 and pending change', async () => {
    signIn();
    const urls: string[] = [];
    serve(false, urls, []);
    mount(PoliciesView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(urls.some((u) => u.startsWith(`/api/v1/orgs/2/policies?as_of=${todayShanghai()}`))).toBe(true);
    const rows = [...document.querySelectorAll('[data-testid="policy-table"] .el-table__body-wrapper tr')];
    expect(rows).toHaveLength(2);
    const first = rows[0].textContent!;
    expect(first).toContain('失联党员寻找间隔');
    expect(first).toContain('对失联党员每隔此月数组织一次寻找');
    expect(first).toContain('3 个月');
    expect(first).toContain('6 个月');
    expect(first).toContain(street.name);
    expect(first).toContain('2026-11-01');
    expect(first).toContain('嵩工委〔2026〕8号');
    expect(document.querySelector('[data-testid="policy-pending-lost_contact.search_every_months"]')!.textContent).toContain('待生效 2027-01-01 起：4 个月');
    const second = rows[1].textContent!;
    expect(second).toContain('保留到分');
    expect(second).toContain('全国默认');
    // a reader gets no 修改, but may open the history, where a withdrawn change is marked
    expect(document.querySelector('[data-testid="policy-edit-lost_contact.search_every_months"]')).toBeNull();
    expect(document.querySelector('[data-testid="policy-readonly"]')).not.toBeNull();
    (document.querySelector('[data-testid="policy-history-lost_contact.search_every_months"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(urls).toContain('/api/v1/orgs/2/policies/history?key=lost_contact.search_every_months');
    const hist = document.querySelector('[data-testid="policy-history-table"]')!.textContent!;
    expect(hist).toContain('已撤回');
    expect(hist).toContain('嵩工委〔2026〕9号');
    expect(hist).toContain('至今');
  });

  it('bounds the number, disables past days and shows the server\'s field errors on the fields', async () => {
    signIn();
    const bodies: string[] = [];
    serve(true, [], bodies);
    const w = mount(PoliciesView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    (document.querySelector('[data-testid="policy-edit-lost_contact.search_every_months"]') as HTMLButtonElement).click();
    await flushPromises();
    const num = w.findComponent(ElInputNumber);
    expect(num.props('min')).toBe(1);
    expect(num.props('max')).toBe(12);
    expect(num.props('modelValue')).toBe(3);
    const picker = w.findAllComponents(ElDatePicker).find((c) => c.vm.$attrs['data-testid'] === 'policy-valid-from')!;
    expect(picker.props('modelValue')).toBe(todayShanghai());
    const disabled = picker.props('disabledDate') as (d: Date) => boolean;
    const [y, m, d] = todayShanghai().split('-').map(Number);
    expect(disabled(new Date(y, m - 1, d - 1))).toBe(true);
    expect(disabled(new Date(y, m - 1, d))).toBe(false);
    expect(document.querySelector('[data-testid="policy-note"]')!.textContent).toContain('仍按原规定判断');
    (document.querySelector('[data-testid="policy-save"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(JSON.parse(bodies[0])).toEqual({ key: 'lost_contact.search_every_months', value: 3, valid_from: todayShanghai(), doc: '' });
    // each message lands on its own field (el-form-item's error), not only in the banner
    const items = w.findAllComponents(ElFormItem);
    const byLabel = (l: string) => items.find((c) => c.props('label') === l)!;
    expect(byLabel('依据文号').props('error')).toBe('依据文号不能为空');
    expect(byLabel('依据文号').classes()).toContain('is-error');
    expect(byLabel('生效日期').props('error')).toBe('生效日期不能早于今天');
    expect(byLabel('新的值').props('error')).toBeUndefined();
  });
});
