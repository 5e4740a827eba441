// 工作日历 page (issue 17 "SLA": the Chinese public-holiday calendar and the adjusted working days (调休) as data per
// year; an admin loads the next year's notice): a year as 12 month grids with its holidays (休) and 调休上班 days (班)
// marked, a warning for a year not loaded, the load form only for the top committee's admin, and the server's row
// errors (第 N 行…) listed under the form.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { configureClient, resetClient } from '@/api/http';
import type { CalendarYear } from '@/api/types';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import { monthGrid } from '@/utils/calendar';
import CalendarView from '@/views/system/CalendarView.vue';
import { json } from './helpers';

const year2026 = (can_edit: boolean): CalendarYear => ({
  year: 2026,
  loaded: { source: '国务院办公厅关于2026年部分节假日安排的通知', loaded_by: 'migration 0030', loaded_at: null },
  days: [
    { date: '2026-02-14', kind: 'workday', name: '春节' },
    { date: '2026-02-15', kind: 'holiday', name: '春节' },
    { date: '2026-02-16', kind: 'holiday', name: '春节' },
  ],
  loaded_years: [2025, 2026],
  can_edit,
});

function signIn() {
  setActivePinia(createPinia());
  useSessionStore().set({
    user: { id: 2, username: 'city_admin', display_name: '市委管理员', member_id: null },
    csrf_token: 'tok', mfa: 'none', permissions: ['org_read', 'org_write'],
    grants: [{ id: 9, role: 'org_admin', role_name: '组织管理员', org_id: 1, org_name: '市委', permissions: ['org_read', 'org_write'] }],
  });
}

function serve(canEdit: boolean, urls: string[], bodies: string[], year: CalendarYear | null = null) {
  configureClient({
    fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      urls.push(url);
      if (url.startsWith('/api/v1/calendar/') && init.method === 'PUT') {
        bodies.push(String(init.body));
        return json(400, { error: { code: 'invalid_argument', message: '请求内容有误，请检查标出的字段', request_id: 'r',
          fields: [{ field: 'csv[2].date', message: '第 2 行：日期不在 2026 年内' },
            { field: 'csv[3].date', message: '第 3 行：日期 2026-01-01 与第 1 行重复（同一天不能既放假又上班）' }] } });
      }
      if (url.startsWith('/api/v1/calendar')) return json(200, year ?? year2026(canEdit));
      return json(404, { error: { code: 'not_found', message: 'no' } });
    }) as typeof fetch,
  });
}

describe('monthGrid', () => {
  it('starts weeks on Monday and marks weekends', () => {
    const feb = monthGrid(2026, 2); // 1 Feb 2026 is a Sunday
    expect(feb.slice(0, 6).every((c) => c === null)).toBe(true);
    expect(feb[6]).toEqual({ date: '2026-02-01', day: 1, weekend: true });
    expect(feb.filter(Boolean)).toHaveLength(28);
    expect(feb.find((c) => c?.date === '2026-02-14')!.weekend).toBe(true);
    expect(monthGrid(2028, 2).filter(Boolean)).toHaveLength(29);
  });
});

describe('CalendarView', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('shows the year as 12 month grids with holidays and adjusted working days marked', async () => {
    signIn();
    const urls: string[] = [];
    serve(false, urls, [], year2026(false));
    mount(CalendarView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(urls[0]).toMatch(/^\/api\/v1\/calendar\?year=\d{4}$/);
    expect(document.querySelectorAll('[data-testid^="calendar-month-"]')).toHaveLength(12);
    const sat = document.querySelector('[data-date="2026-02-14"]')!;
    expect(sat.classList.contains('lx-workday')).toBe(true);
    expect(sat.textContent).toContain('班');
    const fest = document.querySelector('[data-date="2026-02-16"]')!;
    expect(fest.classList.contains('lx-holiday')).toBe(true);
    expect(fest.textContent).toContain('休');
    expect(document.querySelector('[data-date="2026-03-07"]')!.classList.contains('lx-weekend')).toBe(true);
    expect(document.querySelector('[data-testid="calendar-source"]')!.textContent).toContain('放假 2 天，调休上班 1 天');
    // a reader gets no load form
    expect(document.querySelector('[data-testid="calendar-readonly"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="calendar-csv"]')).toBeNull();
  });

  it('warns when the year is not loaded', async () => {
    signIn();
    serve(true, [], [], { year: 2028, loaded: null, days: [], loaded_years: [2025, 2026], can_edit: true });
    mount(CalendarView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(document.querySelector('[data-testid="calendar-not-loaded"]')!.textContent).toContain('尚未载入工作日历');
  });

  it('sends the pasted rows with their source and lists the server\'s row errors', async () => {
    signIn();
    const urls: string[] = [];
    const bodies: string[] = [];
    serve(true, urls, bodies);
    const w = mount(CalendarView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    await w.find('[data-testid="calendar-source-input"]').setValue('国办发明电〔2026〕1号');
    await w.find('[data-testid="calendar-csv"]').setValue('2026-01-01,holiday,元旦\n2025-12-31,holiday,x\n2026-01-01,workday,\n');
    await w.find('[data-testid="calendar-submit"]').trigger('click');
    await flushPromises();
    expect(urls.some((u) => /^\/api\/v1\/calendar\/\d{4}$/.test(u))).toBe(true);
    expect(JSON.parse(bodies[0])).toEqual({ source: '国办发明电〔2026〕1号', csv: '2026-01-01,holiday,元旦\n2025-12-31,holiday,x\n2026-01-01,workday,\n' });
    const errors = document.querySelector('[data-testid="calendar-errors"]')!.textContent!;
    expect(errors).toContain('第 2 行：日期不在 2026 年内');
    expect(errors).toContain('与第 1 行重复');
  });
});
