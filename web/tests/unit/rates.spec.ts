// 事件指标 board (issue 17 "Rates and boards"; domain.md §7.4): honest figures — a rate with a zero denominator is
// "—", never 0 %; each rate's numerator/denominator is on hover and its formula (the policy in force) in the
// header's tooltip; dismissals are counted and listed; the trend chart draws months with gaps where no figure.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { configureClient, resetClient } from '@/api/http';
import { chartValue, formatHours, formatRate, rateCounts, type RatesBoard, type RatesRow } from '@/api/rates';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import EventRatesView from '@/views/event/EventRatesView.vue';
import { json } from './helpers';

const setOption = vi.fn();
vi.mock('echarts/core', () => ({
  use: () => undefined,
  init: () => ({ setOption, resize: () => undefined, dispose: () => undefined }),
}));
vi.mock('echarts/charts', () => ({ LineChart: {} }));
vi.mock('echarts/components', () => ({ GridComponent: {}, LegendComponent: {}, TooltipComponent: {} }));
vi.mock('echarts/renderers', () => ({ CanvasRenderer: {} }));

const none = { num: 0, den: 0, value: null };
function row(key: string, label: string, over: Partial<RatesRow> = {}): RatesRow {
  return {
    key, label, events: 4, response: { num: 3, den: 4, value: 0.75 }, on_time: { num: 1, den: 3, value: 0.333 },
    resolution: { num: 2, den: 2, value: 1 }, satisfaction: none, reopen: { num: 0, den: 2, value: 0 },
    whistle: { num: 1, den: 4, value: 0.25 }, done: 2, average_handling_hours: 30.5,
    dismissed: { not_our_duty: 1, unreasonable: 0 }, merged: 0, ...over,
  };
}
const board: RatesBoard = {
  org: { id: 3, name: '一街道' }, from: '2026-01-01', to: '2026-06-30', group_by: 'month',
  formula: { on: '2026-06-30', 'rates.response_step': 'handler', 'rates.on_time_step': 'handle', 'rates.dismissed': 'against',
    'rates.partly': 'not_resolved', 'rates.satisfied_min_score': 3, 'rates.handling_time': 'working' },
  rows: [row('2026-05', '2026-05'), row('2026-06', '2026-06', { response: none })],
  total: row('total', 'total', { events: 8 }),
  dismissed: [{ id: 41, number: 'SJ2026-000041', mark_kind: 'not_our_duty', org_name: '甲社区', category_code: 'city.garbage' }],
  unloaded_years: [],
};

describe('rate formatting', () => {
  it('shows a zero denominator as "—", never 0 %, and 0 of n as 0.0%', () => {
    expect(formatRate(none)).toBe('—');
    expect(formatRate({ num: 0, den: 5, value: 0 })).toBe('0.0%');
    expect(formatRate({ num: 17, den: 20, value: 0.85 })).toBe('85.0%');
    expect(rateCounts({ num: 17, den: 20, value: 0.85 })).toBe('17 / 20');
    expect(formatHours(null, '小时')).toBe('—');
    expect(formatHours(30.46, '小时')).toBe('30.5 小时');
    expect(chartValue(none)).toBeNull();
    expect(chartValue({ num: 1, den: 3, value: 0.333 })).toBe(33.3);
  });
});

describe('EventRatesView', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('asks for the grant org by month, shows counts and formulas, lists dismissals and draws the trend', async () => {
    setActivePinia(createPinia());
    useSessionStore().set({
      user: { id: 2, username: 's', display_name: '街道管理员', member_id: null }, csrf_token: 'tok', mfa: 'none',
      permissions: ['event_read'],
      grants: [{ id: 9, role: 'org_admin', role_name: '组织管理员', org_id: 3, org_name: '一街道', permissions: ['event_read'] }],
    });
    const urls: string[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL) => {
        const url = String(input);
        urls.push(url);
        return url.startsWith('/api/v1/event-rates') ? json(200, board) : json(200, { items: [] });
      }) as typeof fetch,
    });
    mount(EventRatesView, { global: { plugins: [i18n], stubs: { RouterLink: { template: '<a><slot /></a>' } } }, attachTo: document.body });
    await flushPromises();
    expect(urls.find((u) => u.startsWith('/api/v1/event-rates'))).toMatch(/^\/api\/v1\/event-rates\?org_id=3&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}&group_by=month$/);
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)!.textContent!.trim();
    expect(text('rates-response-2026-05')).toBe('75.0%');
    expect(text('rates-response-2026-06')).toBe('—');
    expect(text('rates-satisfaction-__total')).toBe('—');
    expect(text('rates-reopen-2026-05')).toBe('0.0%');
    expect(text('rates-row-__total')).toBe('合计');
    expect(text('rates-formula-on')).toContain('2026-06-30');
    expect(text('rates-formula-on')).toContain('不能靠标记改善比率');
    expect(text('rates-dismissed')).toContain('SJ2026-000041');
    expect(text('rates-dismissed')).toContain('不属于职责');
    // the trend: one line per rate, a gap (null) where a month has no figure
    const option = setOption.mock.calls[setOption.mock.calls.length - 1][0];
    expect(option.xAxis.data).toEqual(['2026-05', '2026-06']);
    expect(option.series).toHaveLength(6);
    expect(option.series[0].data).toEqual([75, null]);
  }, 30_000);
});
