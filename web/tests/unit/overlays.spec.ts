// 区域化党建 (domain.md §1.4): the roster as the dialog edits it, who takes over next, the two-new default (§9), and
// the rotation panel as a community secretary reads it — this turn's convenor highlighted with the handover.
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import type { OverlayDetail, OverlayUnit, Turn } from '@/api/overlays';
import { activeUnits, defaultTwoNew, lastDay, moveItem, nextTurn, rosterOrder } from '@/utils/overlays';
import RotationPanel from '@/views/org/parts/RotationPanel.vue';

const unit = (id: number, name: string, left_on: string | null = null): OverlayUnit => ({
  id, name, unit_type: 'school', uscc: '', address: '', two_new: false, joined_on: '2018-03-01', left_on,
  head: { name: '林某某', post: '校长', member_id: null }, roster_pos: null,
});
const turn = (unit_id: number, name: string, from: string, until: string, current = false): Turn => ({ unit_id, name, from, until, current });

const detail = (over: Partial<OverlayDetail> = {}): OverlayDetail => ({
  id: 1, kind: 'big_working_committee', name: '嵩屿街道大党工委', host_org: { id: 1, name: '嵩屿街道党工委' },
  founded_on: '2018-03-01', meeting_period_months: 6, last_meeting_on: null, meeting: null, note: '',
  counts: { units: 3, part_time_members: 3, linked_members: 0 },
  rotation: { period_months: 1, start: '2026-01-01', order: [2, 1] },
  convenor: { unit_id: 2, name: '某某医院', from: '2026-11-01', until: '2026-12-01' },
  next_handover: '2026-12-01', can_edit: true, version: 3,
  units: [unit(1, '某某小学'), unit(2, '某某医院'), unit(3, '某某派出所'), unit(4, '某某物业', '2025-01-01')],
  turns: [turn(2, '某某医院', '2026-11-01', '2026-12-01', true), turn(1, '某某小学', '2026-12-01', '2027-01-01')],
  ...over,
});

describe('overlay helpers', () => {
  it('orders the roster first, then the units not in it; units that left are out', () => {
    expect(rosterOrder(detail()).map((u) => u.id)).toEqual([2, 1, 3]);
    expect(activeUnits(detail().units).map((u) => u.id)).toEqual([1, 2, 3]);
  });

  it('moves a unit up or down, never past either end', () => {
    expect(moveItem([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });

  it('names who takes over: the turn after the current one, or the first before the start', () => {
    expect(nextTurn(detail().turns)?.name).toBe('某某小学');
    expect(nextTurn([turn(5, '甲', '2027-01-01', '2027-02-01')])?.unit_id).toBe(5);
    expect(nextTurn([])).toBeNull();
  });

  it('gives a turn\'s last day and the two-new default', () => {
    expect(lastDay('2026-12-01')).toBe('2026-11-30');
    expect(lastDay('2027-03-01')).toBe('2027-02-28');
    expect(defaultTwoNew('non_public_enterprise')).toBe(true);
    expect(defaultTwoNew('social_org')).toBe(true);
    expect(defaultTwoNew('police')).toBe(false);
  });
});

describe('RotationPanel', () => {
  const mountPanel = (d: OverlayDetail) =>
    mount(RotationPanel, { props: { detail: d }, global: { plugins: [i18n] }, attachTo: document.body });

  it('highlights this turn\'s convenor with its dates and the handover', async () => {
    const w = mountPanel(detail());
    await flushPromises();
    expect(w.get('[data-testid="overlay-convenor-name"]').text()).toBe('某某医院');
    expect(w.get('[data-testid="overlay-convenor"]').text()).toContain('2026-11-01 至 2026-11-30');
    expect(w.get('[data-testid="overlay-handover"]').text()).toBe('下次交接2026-12-01 由“某某小学”接任');
    await w.get('[data-testid="overlay-roster-edit"]').trigger('click');
    expect(w.emitted('edit')).toHaveLength(1);
    w.unmount();
  });

  it('says when nothing is set, and offers no editing to readers', async () => {
    const w = mountPanel(detail({ convenor: null, next_handover: null, turns: [], can_edit: false,
      rotation: { period_months: 0, start: null, order: [] } }));
    await flushPromises();
    expect(w.find('[data-testid="overlay-convenor"]').exists()).toBe(false);
    expect(w.get('[data-testid="overlay-no-rotation"]').text()).toContain('尚未设置轮值顺序');
    expect(w.find('[data-testid="overlay-roster-edit"]').exists()).toBe(false);
    w.unmount();
  });

  it('announces a rotation that has not begun', async () => {
    const w = mountPanel(detail({ convenor: null, next_handover: '2027-01-01',
      turns: [turn(3, '某某派出所', '2027-01-01', '2027-02-01')] }));
    await flushPromises();
    expect(w.get('[data-testid="overlay-not-started"]').text()).toContain('轮值将于 2027-01-01 开始，第一期由“某某派出所”牵头');
    w.unmount();
  });
});
