// 可能是同一问题 on an event's page (issue 17 "Duplicates"): the candidates the server lists are shown with their
// distance and the time between the reports; the owner's merge posts the primary, the reason and the version; a
// merged event names its primary and a primary lists what was merged into it.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { configureClient, resetClient } from '@/api/http';
import type { EventDetail } from '@/api/events';
import { distanceText } from '@/api/duplicates';
import { i18n } from '@/i18n';
import EventDuplicates from '@/views/event/EventDuplicates.vue';
import { json } from './helpers';

const base = {
  id: 8, number: 'SJ2026-000008', channel: 'hotline_81890', external_ref: '', category_code: 'facility.road',
  sla_class: 'general', urgency: 'normal', org_id: 5, org_name: '海发社区', grid_id: null, address: '兴港路口',
  description: '路口有个坑', reported_at: '2026-11-22T05:00:00.000Z', state: 'accepted', owner_org_id: 5,
  owner_org_name: '海发社区', assignee_org_id: null, assignee_org_name: '', assignee_name: '', assignee_user_id: null,
  respond_by: null, handle_by: null, overdue: false, due_soon: false, supervised_at: null, closed_at: null, version: 1, actions: ['dispatch'], location: null,
  reporter_name: '陈阿姨', reporter_phone: '139****0001', photo_ids: [], related: '', duplicate_of: null,
  suspended_since: null, suspended_minutes: 0, outcome: '', score: null, reopen_count: 0, mark_kind: '', flow: [],
  whistles: [], merged: [], merged_into: null, callback_due: null,
} as EventDetail;
const CANDIDATES = { distance_metres: 100, window_days: 7, can_merge: true, items: [{ id: 7, number: 'SJ2026-000007',
  channel: 'hotline_12345', state: 'dispatched', category_code: 'facility.road', org_name: '海发社区', address: '兴港路',
  description: '路面塌陷', reported_at: '2026-11-22T01:30:00.000Z', distance_metres: 33, age_hours: 3 }] };
const router = () => createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });

describe('duplicates', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('reads a distance as a person does', () => {
    expect(distanceText(33, 'zh-CN')).toBe('33 米');
    expect(distanceText(1250, 'zh-CN')).toBe('1.3 公里');
    expect(distanceText(1250, 'en')).toBe('1.3 km');
  });

  it('offers the candidates with distance and age, and merges with the reason and the version', async () => {
    const posted: string[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const url = String(input);
        if (url.startsWith('/api/v1/events/8/duplicates')) return json(200, CANDIDATES);
        if (url.startsWith('/api/v1/events/8/merge')) {
          posted.push(String(init.body));
          return json(200, { ...base, state: 'dismissed', mark_kind: 'duplicate', version: 2, merged_into: { id: 7, number: 'SJ2026-000007' } });
        }
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    const merged: EventDetail[] = [];
    mount(EventDuplicates, { props: { value: base, onMerged: (e: EventDetail) => merged.push(e) },
      global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    const item = document.querySelector('[data-testid="event-duplicate-7"]')!.textContent!;
    expect(item).toContain('SJ2026-000007');
    expect(item).toContain('相距约 33 米');
    expect(item).toContain('前后相隔 3 小时');
    (document.querySelector('[data-testid="event-merge-7"]') as HTMLButtonElement).click();
    await flushPromises();
    const reason = document.querySelector('[data-testid="event-merge-reason"] input, input[data-testid="event-merge-reason"]') as HTMLInputElement;
    reason.value = '同一处路面塌陷';
    reason.dispatchEvent(new Event('input'));
    (document.querySelector('[data-testid="event-merge-confirm"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(JSON.parse(posted[0])).toEqual({ version: 1, primary_id: 7, reason: '同一处路面塌陷' });
    expect(merged[0].merged_into?.number).toBe('SJ2026-000007');
  });

  it('a merged event names its primary and asks for no candidates; a primary lists the merged reports', async () => {
    const urls: string[] = [];
    configureClient({ fetch: (async (input: RequestInfo | URL) => { urls.push(String(input)); return json(200, CANDIDATES); }) as typeof fetch });
    mount(EventDuplicates, { props: { value: { ...base, state: 'dismissed', mark_kind: 'duplicate', merged_into: { id: 7, number: 'SJ2026-000007' } } },
      global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    expect(document.querySelector('[data-testid="event-merged-into"]')!.textContent).toContain('本事件已合并至 SJ2026-000007');
    expect(urls).toEqual([]);
    document.body.innerHTML = '';
    mount(EventDuplicates, { props: { value: { ...base, merged: [{ id: 9, number: 'SJ2026-000009', channel: 'resident',
      reported_at: '2026-11-22T06:00:00.000Z', reporter_name: '王阿姨', reporter_phone: '139****0002', description: '坑' }] } },
      global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    const list = document.querySelector('[data-testid="event-merged-list"]')!.textContent!;
    expect(list).toContain('SJ2026-000009');
    expect(list).toContain('王阿姨');
  });
});
