// The narrowed roles' pages (issue 17 "Roles and access", part 4): the department's queue 本部门/本单位待报到 asks the
// server for the events whistled to the caller's department or unit by the whistles' state and shows the report-by
// time of its own whistles; a grid worker's event queue starts on 我的网格 (queue=grid).
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { configureClient, resetClient } from '@/api/http';
import type { Grant, Permission } from '@/api/types';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import EventQueueView from '@/views/event/EventQueueView.vue';
import WhistleQueueView from '@/views/event/WhistleQueueView.vue';
import { json } from './helpers';

const router = () => createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });

function signIn(perms: Permission[], grant: Partial<Grant>) {
  setActivePinia(createPinia());
  useSessionStore().set({
    user: { id: 4, username: 'liaison', display_name: '联络员', member_id: null }, csrf_token: 'tok', mfa: 'none', permissions: perms,
    grants: [{ id: 9, role: 'dept_liaison', role_name: '部门联络员', org_id: 50, org_name: '区城管局', permissions: perms, ...grant }],
  });
}

const row = {
  id: 7, number: 'SJ2026-000007', channel: 'hotline_12345', external_ref: '', category_code: 'city.garbage', sla_class: 'general',
  urgency: 'normal', org_id: 5, org_name: '海发社区', grid_id: null, address: '', description: '占道经营需执法', reported_at: '2026-11-22T01:30:00.000Z',
  state: 'in_progress', owner_org_id: 1, owner_org_name: '嵩屿街道', assignee_org_id: 5, assignee_org_name: '海发社区', assignee_name: '',
  respond_by: null, handle_by: null, overdue: false, closed_at: null, version: 3, actions: [],
  whistles: [{ id: 3, target_kind: 'org', target_org_id: 50, overlay_unit_id: null, target_name: '区城管局', report_within_minutes: 30,
    report_by: '2000-01-01T00:30:00.000Z', blown_at: '2000-01-01T00:00:00.000Z', reported_at: null, report_note: '', closed_at: null, close_note: '' }],
};

describe('narrowed roles\' pages', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('the department\'s queue lists what was whistled to it, by report state, late ones marked', async () => {
    signIn(['event_read', 'event_write'], {});
    const urls: string[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL) => {
        const url = String(input);
        urls.push(url);
        if (url.startsWith('/api/v1/events')) return json(200, { items: [row], next_cursor: null });
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(WhistleQueueView, { global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    expect(urls.some((u) => u.includes('queue=whistled') && u.includes('whistle_state=open'))).toBe(true);
    const table = document.querySelector('[data-testid="whistle-table"]')!.textContent!;
    expect(table).toContain('SJ2026-000007');
    expect(table).toContain('区城管局');
    expect(table).toContain('已超时');  // its report-by time has passed without a report
    (document.querySelector('[data-testid="whistle-tab-reported"] input') as HTMLInputElement).click();
    await flushPromises();
    expect(urls.some((u) => u.includes('queue=whistled') && u.includes('whistle_state=reported'))).toBe(true);
  });

  it('a grid worker\'s queue starts on its grids', async () => {
    signIn(['org_read', 'event_read', 'event_write'], { role: 'grid_worker', role_name: '网格员', grid_ids: [11] });
    const urls: string[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL) => {
        const url = String(input);
        urls.push(url);
        if (url.startsWith('/api/v1/event-categories')) return json(200, { items: [] });
        if (url.startsWith('/api/v1/events')) return json(200, { items: [], next_cursor: null });
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(EventQueueView, { global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    expect(urls.some((u) => u.includes('queue=grid'))).toBe(true);
    expect(document.querySelector('[data-testid="event-tab-grid"]')!.textContent).toContain('我的网格');
  });
});
