// 党群服务阵地 helpers and page (domain.md §10.2: opening hours are data, typed per day): periods read as people type
// them, today's hours in Asia/Shanghai, the request a form makes, and the page showing write actions only on the
// positions the user's committee runs, with a wrong period named under its day.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { configureClient, resetClient } from '@/api/http';
import type { Position } from '@/api/positions';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import { blankForm, inputOf, parseDayText, todayHours, weekdayShanghai } from '@/utils/positions';
import PositionsView from '@/views/org/PositionsView.vue';
import { json } from './helpers';

const week = { mon: ['08:30-12:00', '14:30-18:00'], tue: [], wed: [], thu: [], fri: [], sat: ['09:00-17:00'], sun: [] };
const centre = (over: Partial<Position> = {}): Position => ({
  id: 1, org: { id: 5, name: '中共海发社区委员会' }, level: 'community_centre', name: '海发社区党群服务中心', address: '海虹路1号',
  point: { lat: 24.4798, lng: 118.0357 }, area_m2: 2000, phone: '', hours: week, services: ['transfer', 'floating'], note: '',
  open_now: true, can_edit: true, valid_from: '2026-01-01', valid_to: null, version: 1, ...over,
});

describe('position helpers', () => {
  it('reads periods as typed: commas, full-width marks, 至, single-digit hours', () => {
    expect(parseDayText('08:30-12:00，14:30-18:00')).toEqual(['08:30-12:00', '14:30-18:00']);
    expect(parseDayText(' 8：30 至 12：00 ； 14:30～18:00 ')).toEqual(['08:30-12:00', '14:30-18:00']);
    expect(parseDayText('')).toEqual([]);
  });

  it('counts weekdays in Asia/Shanghai: 2026-11-23 16:30 UTC is Tuesday 00:30 there', () => {
    expect(weekdayShanghai(new Date(Date.UTC(2026, 10, 23, 15, 59)))).toBe('mon');
    expect(weekdayShanghai(new Date(Date.UTC(2026, 10, 23, 16, 30)))).toBe('tue');
    expect(todayHours(centre(), new Date(Date.UTC(2026, 10, 23, 2)))).toBe('08:30-12:00，14:30-18:00');
    expect(todayHours(centre(), new Date(Date.UTC(2026, 10, 24, 2)))).toBe('');
  });

  it('sends coordinates only when typed, and every day\'s periods', () => {
    const f = blankForm();
    f.name = ' 绿苑小区党群之家 ';
    f.days.mon = '18:30-21:00';
    const input = inputOf(f);
    expect(input.name).toBe('绿苑小区党群之家');
    expect(input.lat).toBeUndefined();
    expect(input.hours.mon).toEqual(['18:30-21:00']);
    expect(input.hours.sun).toEqual([]);
    f.lat = '24.47';
    expect(inputOf(f)).toMatchObject({ lat: 24.47, lng: undefined });
  });
});

describe('PositionsView', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('offers edit only where the committee runs the position, and names a wrong period under its day', async () => {
    setActivePinia(createPinia());
    useSessionStore().set({
      user: { id: 3, username: 'committee_a', display_name: '甲社区党委管理员', member_id: null },
      csrf_token: 'tok', mfa: 'none', permissions: ['org_read', 'org_write', 'member_read', 'member_reveal', 'member_write', 'transfer_issue'],
      grants: [{ id: 9, role: 'org_admin', role_name: '组织管理员', org_id: 5, org_name: '中共海发社区委员会', permissions: ['org_read', 'org_write', 'member_read', 'member_reveal', 'member_write', 'transfer_issue'] }],
    });
    const street = centre({ id: 2, level: 'street_centre', name: '嵩屿街道党群服务中心', can_edit: false, open_now: false });
    const bodies: string[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const url = String(input);
        if (url.startsWith('/api/v1/positions/1') && init.method === 'PUT') {
          bodies.push(String(init.body));
          return json(400, { error: { code: 'invalid_argument', message: '请求内容有误，请检查标出的字段', request_id: 'r',
            fields: [{ field: 'hours.wed[0]', message: '周三开放时间应写成“08:30-12:00”，开始早于结束' }] } });
        }
        if (url.startsWith('/api/v1/positions')) return json(200, { items: [street, centre()] });
        if (url.startsWith('/api/v1/orgs/roots')) return json(200, { items: [] });
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(PositionsView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    const table = document.querySelector('[data-testid="position-table"]')!;
    expect(table.textContent).toContain('嵩屿街道党群服务中心');
    expect(table.textContent).toContain('开放中');
    expect(document.querySelector('[data-testid="position-edit-2"]')).toBeNull();
    (document.querySelector('[data-testid="position-edit-1"]') as HTMLButtonElement).click();
    await flushPromises();
    const wed = document.querySelector('[data-testid="position-hours-wed"]') as HTMLInputElement;
    wed.value = '18:00-09:00';
    wed.dispatchEvent(new Event('input'));
    (document.querySelector('[data-testid="position-save"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(JSON.parse(bodies[0]).hours.wed).toEqual(['18:00-09:00']);
    expect(JSON.parse(bodies[0]).version).toBe(1);
    expect(document.querySelector('[data-testid="position-dialog"]')!.textContent).toContain('周三开放时间应写成');
  });
});
