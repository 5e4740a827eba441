// 事件 pages (issue 17 "Pages": the queue, the hotline intake form, the event detail with its timeline): the detail
// shows as buttons exactly the actions the server lists for this user (the web keeps no copy of the transition
// table) and posts the step with the event's version; the queue asks the server for the chosen queue; the
// intake form sends the leaf category and shows the server's field message under its field.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { configureClient, resetClient } from '@/api/http';
import type { EventDetail } from '@/api/events';
import type { Permission } from '@/api/types';
import { categoryName, categoryTree } from '@/api/events';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import EventDetailView from '@/views/event/EventDetailView.vue';
import EventIntakeView from '@/views/event/EventIntakeView.vue';
import EventQueueView from '@/views/event/EventQueueView.vue';
import { json } from './helpers';

const CATS = [
  { code: 'city', parent_code: null, name_zh: '市容环境', name_en: 'City appearance', sla_class: null },
  { code: 'city.garbage', parent_code: 'city', name_zh: '垃圾堆放', name_en: 'Piled-up rubbish', sla_class: 'general' as const },
];

const detail = (over: Partial<EventDetail> = {}): EventDetail => ({
  id: 7, number: 'SJ2026-000007', channel: 'hotline_12345', external_ref: 'GD001', category_code: 'city.garbage',
  sla_class: 'general', urgency: 'normal', org_id: 5, org_name: '海发社区', grid_id: null, address: '海沧大道 88 号',
  description: '小区门口垃圾堆放三天无人清理', reported_at: '2026-11-22T01:30:00.000Z', state: 'in_progress', owner_org_id: 1,
  owner_org_name: '嵩屿街道', assignee_org_id: 5, assignee_org_name: '海发社区', assignee_name: '', assignee_user_id: null, respond_by: null,
  handle_by: '2026-11-30T10:00:00.000Z', overdue: false, due_soon: false, supervised_at: null, closed_at: null, version: 3,
  actions: ['handle', 'suspend', 'whistle'], location: null, reporter_name: '王女士', reporter_phone: '138****1234',
  photo_ids: [], related: '', duplicate_of: null, suspended_since: null, suspended_minutes: 0, outcome: '', score: null,
  reopen_count: 0, mark_kind: '', whistles: [], callback_due: null, merged: [], merged_into: null,
  flow: [
    { seq: 1, action: 'accept', from_state: 'accepted', to_state: 'accepted', actor_name: '话务员', actor_org_id: 1, reason: '', note: '', photo_ids: [], deadline: null, whistle_id: null, at: '2026-11-22T01:31:00.000Z', reached: null, outcome: '', score: null },
    { seq: 2, action: 'dispatch', from_state: 'accepted', to_state: 'dispatched', actor_name: '调度员', actor_org_id: 1, reason: '', note: '', photo_ids: [], deadline: '2026-11-30T10:00:00.000Z', whistle_id: null, at: '2026-11-22T02:00:00.000Z', reached: null, outcome: '', score: null },
    { seq: 3, action: 'start', from_state: 'dispatched', to_state: 'in_progress', actor_name: '社区书记', actor_org_id: 5, reason: '', note: '', photo_ids: [], deadline: null, whistle_id: null, at: '2026-11-22T03:00:00.000Z', reached: null, outcome: '', score: null },
  ],
  ...over,
});

function signIn(perms: Permission[]) {
  setActivePinia(createPinia());
  useSessionStore().set({
    user: { id: 3, username: 'street', display_name: '街道管理员', member_id: null }, csrf_token: 'tok', mfa: 'none', permissions: perms,
    grants: [{ id: 9, role: 'org_admin', role_name: '组织管理员', org_id: 1, org_name: '嵩屿街道', permissions: perms }],
  });
}

const router = () => createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });

describe('event helpers', () => {
  it('nests the leaves under their top category and names a leaf with its parent', () => {
    expect(categoryTree(CATS, 'zh-CN')).toEqual([{ value: 'city', label: '市容环境', children: [{ value: 'city.garbage', label: '垃圾堆放' }] }]);
    expect(categoryName(CATS, 'city.garbage', 'en')).toBe('City appearance / Piled-up rubbish');
  });
});

describe('event pages', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('the detail shows the timeline and only the actions the server allows, and posts a step with the version', async () => {
    signIn(['event_read', 'event_write']);
    const posted: string[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const url = String(input);
        if (url.startsWith('/api/v1/events/7/actions')) {
          posted.push(String(init.body));
          return json(200, detail({ state: 'handled', version: 4, actions: [] }));
        }
        if (url.startsWith('/api/v1/events/7')) return json(200, detail());
        if (url.startsWith('/api/v1/event-categories')) return json(200, { items: CATS });
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(EventDetailView, { props: { id: 7 }, global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    expect(document.querySelector('[data-testid="event-number"]')!.textContent).toBe('SJ2026-000007');
    expect(document.querySelector('[data-testid="event-phone"]')!.textContent).toBe('138****1234');
    const timeline = document.querySelector('[data-testid="event-timeline"]')!.textContent!;
    expect(timeline).toContain('调度员');
    expect(timeline).toContain('已受理 → 已分派');
    const buttons = [...document.querySelectorAll('[data-testid^="event-action-"]')].map((b) => b.getAttribute('data-testid'));
    expect(buttons.filter((b) => /^event-action-[a-z_]+$/.test(b!) && !['event-action-form', 'event-action-submit', 'event-action-error'].includes(b!)))
      .toEqual(['event-action-handle', 'event-action-suspend', 'event-action-whistle']);
    expect(document.querySelector('[data-testid="event-action-verify"]')).toBeNull();
    const note = document.querySelector('[data-testid="event-note"]') as HTMLTextAreaElement;
    note.value = '已联系环卫清运';
    note.dispatchEvent(new Event('input'));
    (document.querySelector('[data-testid="event-action-submit"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(JSON.parse(posted[0])).toEqual({ version: 3, action: 'handle', note: '已联系环卫清运' });
    expect(document.querySelector('[data-testid="event-state"]')!.textContent).toBe('已办结');
    expect(document.querySelector('[data-testid="event-no-actions"]')).not.toBeNull();
  });

  it('the queue asks for the chosen queue and lists its events', async () => {
    signIn(['event_read']);
    const urls: string[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL) => {
        const url = String(input);
        urls.push(url);
        if (url.startsWith('/api/v1/events')) return json(200, { items: [detail({ overdue: url.includes('overdue') })], next_cursor: null });
        if (url.startsWith('/api/v1/event-categories')) return json(200, { items: CATS });
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(EventQueueView, { global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    expect(urls.some((u) => u.includes('queue=mine'))).toBe(true);
    expect(document.querySelector('[data-testid="event-intake-link"]')).toBeNull();  // no event_write
    (document.querySelector('[data-testid="event-tab-overdue"] input') as HTMLInputElement).click();
    await flushPromises();
    expect(urls.some((u) => u.includes('queue=overdue'))).toBe(true);
    expect(document.querySelector('[data-testid="event-table"]')!.textContent).toContain('SJ2026-000007');
    expect(document.querySelector('[data-testid="event-table"]')!.textContent).toContain('已超期');
  });

  it('the hotline form shows the server\'s message under the field it names', async () => {
    signIn(['event_read', 'event_write', 'org_read']);
    const bodies: string[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const url = String(input);
        if (url === '/api/v1/events' && init.method === 'POST') {
          bodies.push(String(init.body));
          return json(400, { error: { code: 'invalid_argument', message: '请求内容有误，请检查标出的字段', request_id: 'r',
            fields: [{ field: 'description', message: '诉求内容应为 2–2000 个字符，且不含控制字符' }] } });
        }
        if (url.startsWith('/api/v1/event-categories')) return json(200, { items: CATS });
        if (url.startsWith('/api/v1/orgs/roots')) return json(200, { items: [] });
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(EventIntakeView, { global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    const ref = document.querySelector('[data-testid="event-external-ref"]') as HTMLInputElement;
    ref.value = 'GD2026001';
    ref.dispatchEvent(new Event('input'));
    (document.querySelector('[data-testid="event-intake-submit"]') as HTMLButtonElement).click();
    await flushPromises();
    await flushPromises();
    expect(JSON.parse(bodies[0])).toMatchObject({ channel: 'hotline_12345', external_ref: 'GD2026001', urgency: 'normal' });
    // The item the server named is marked in error (Element Plus shows its message under it).
    expect([...document.querySelectorAll('.el-form-item.is-error .el-form-item__label')].map((l) => l.textContent)).toEqual(['诉求内容']);
  });
});
