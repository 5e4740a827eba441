// 回访 on the event page (issue 17 "The closed loop": "Hotline events get a call-back (回访) record"): the call-back
// has its own form, apart from the other steps; a caller not reached sends no verdict; a reached one sends the
// verdict and the satisfaction; the timeline says what a call-back recorded.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { configureClient, resetClient } from '@/api/http';
import type { EventDetail, EventFlowEntry } from '@/api/events';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import EventDetailView from '@/views/event/EventDetailView.vue';
import { json } from './helpers';

const flow = (seq: number, action: string, over: Partial<EventFlowEntry> = {}): EventFlowEntry => ({
  seq, action, from_state: 'verified', to_state: 'verified', actor_name: '话务员', actor_org_id: 1, reason: '', note: '',
  photo_ids: [], deadline: null, whistle_id: null, at: '2026-11-23T01:00:00.000Z', reached: null, outcome: '', score: null, ...over,
});

const detail = (over: Partial<EventDetail> = {}): EventDetail => ({
  id: 8, number: 'SJ2026-000008', channel: 'hotline_12345', external_ref: 'GD008', category_code: 'city.garbage',
  sla_class: 'general', urgency: 'normal', org_id: 5, org_name: '海发社区', grid_id: null, address: '', description: '路灯不亮',
  reported_at: '2026-11-22T01:30:00.000Z', state: 'verified', owner_org_id: 1, owner_org_name: '嵩屿街道', assignee_org_id: 5,
  assignee_org_name: '海发社区', assignee_name: '', assignee_user_id: null, respond_by: null, handle_by: '2099-11-30T10:00:00.000Z', overdue: false,
  due_soon: false, supervised_at: null, closed_at: null, version: 6, actions: ['feedback', 'callback'], location: null, reporter_name: '王先生',
  reporter_phone: '13800001111', photo_ids: [], related: '', duplicate_of: null, suspended_since: null, suspended_minutes: 0,
  outcome: '', score: null, reopen_count: 0, mark_kind: '', whistles: [], callback_due: '2099-11-25T01:00:00.000Z', merged: [], merged_into: null,
  flow: [flow(1, 'accept', { from_state: 'accepted', to_state: 'accepted' })],
  ...over,
});

const router = () => createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
const click = (id: string) => (document.querySelector(`[data-testid="${id}"]`) as HTMLElement).click();

describe('the call-back form', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('is apart from the other steps; not reached sends no verdict; reached sends verdict and satisfaction', async () => {
    setActivePinia(createPinia());
    useSessionStore().set({
      user: { id: 3, username: 'op', display_name: '话务员', member_id: null }, csrf_token: 'tok', mfa: 'none',
      permissions: ['event_read', 'event_write'],
      grants: [{ id: 9, role: 'org_admin', role_name: '组织管理员', org_id: 1, org_name: '嵩屿街道', permissions: ['event_read', 'event_write'] }],
    });
    const posted: Record<string, unknown>[] = [];
    let answer = detail();
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const url = String(input);
        if (url.startsWith('/api/v1/events/8/actions')) {
          const body = JSON.parse(String(init.body));
          posted.push(body);
          answer = body.reached
            ? detail({ state: 'rated', version: 8, actions: [], outcome: 'resolved', score: 4,
              flow: [...answer.flow, flow(3, 'callback', { to_state: 'rated', reached: true, outcome: 'resolved', score: 4 })] })
            : detail({ version: 7, flow: [...answer.flow, flow(2, 'callback', { reached: false, note: '无人接听' })] });
          return json(200, answer);
        }
        if (url.startsWith('/api/v1/events/8')) return json(200, answer);
        if (url.startsWith('/api/v1/event-categories')) return json(200, { items: [] });
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(EventDetailView, { props: { id: 8 }, global: { plugins: [i18n, router()] }, attachTo: document.body });
    await flushPromises();
    expect(document.querySelector('[data-testid="event-action-callback"]')).toBeNull();  // not among the step buttons
    expect(document.querySelector('[data-testid="event-action-feedback"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="event-callback-due"]')!.textContent).toContain('回访期限');

    click('event-callback-reached-no');
    await flushPromises();
    expect(document.querySelector('[data-testid="event-callback-outcome"]')).toBeNull();
    click('event-callback-submit');
    await flushPromises();
    expect(posted[0]).toEqual({ version: 6, action: 'callback', note: '', reached: false });
    expect(document.querySelector('[data-testid="event-flow-callback"]')!.textContent).toContain('回访：未联系上');

    click('event-callback-reached-yes');
    await flushPromises();
    click('event-callback-outcome-resolved');
    (document.querySelectorAll('[data-testid="event-callback-score"] .el-rate__item')[3] as HTMLElement).click();
    await flushPromises();
    click('event-callback-submit');
    await flushPromises();
    expect(posted[1]).toEqual({ version: 7, action: 'callback', note: '', reached: true, outcome: 'resolved', score: 4 });
    expect(document.querySelector('[data-testid="event-state"]')!.textContent).toBe('已评价');
    expect(document.querySelector('[data-testid="event-timeline"]')!.textContent).toContain('已解决 · 满意度 4 分');
    expect(document.querySelector('[data-testid="event-callback-form"]')).toBeNull();
  });
});
