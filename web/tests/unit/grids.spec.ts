// 网格 helpers and page (issue 17 "Grids"; domain.md §7.1): a pasted boundary is read as a GeoJSON Polygon/MultiPolygon,
// the team counts as 1+1+N, the next code follows the community's prefix, Leaflet rings are [lat, lng] (shifted only for
// GCJ-02 tiles); the page lists the grids, shows the selected one's warnings and team, and a redraw sends the pasted
// geometry and shows the server's error under the boundary field.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { configureClient, resetClient } from '@/api/http';
import type { Grid } from '@/api/grids';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import { leafletRings, nextCode, parseBoundary, teamFormula, teamInOrder } from '@/utils/grids';
import GridsView from '@/views/grid/GridsView.vue';
import { json } from './helpers';

// Leaflet needs a laid-out DOM; the page's map is a component of its own, stubbed here.
vi.mock('@/views/grid/parts/GridMap.vue', () => ({ default: { name: 'GridMap', props: ['grids', 'selected', 'config'], template: '<div data-testid="grid-map" />' } }));

const square = { type: 'Polygon' as const, coordinates: [[[118.0, 24.5], [118.01, 24.5], [118.01, 24.51], [118.0, 24.51], [118.0, 24.5]]] };
const grid = (over: Partial<Grid> = {}): Grid => ({
  id: 1, org: { id: 5, name: '中共海发社区委员会' }, code: '350205001001001', name: '海发社区第一网格', households: 293, residents: 791,
  buildings: ['绿苑小区1号楼'], leader: { member_id: null, user_id: null, name: '陈志明', phone: '0592-66' },
  covering: { org_id: 7, group_id: null, name: '绿苑小区党支部' }, note: '',
  team: [{ role: 'volunteer', post: 'emergency', name: '赵志愿者', member_id: null, user_id: null, phone: '', note: '防汛' },
    { role: 'worker', post: '', name: '李网格员', member_id: null, user_id: null, phone: '0592-68', note: '' },
    { role: 'member', post: 'regular', name: '王党员', member_id: null, user_id: null, phone: '', note: '' }],
  boundary: { id: 11, geometry: square, bbox: [118.0, 24.5, 118.01, 24.51], area_m2: 1125000, valid_from: '2025-07-01', valid_to: null },
  warnings: [{ key: 'grid.households_outside', message: '网格有 293 户，不在本地规定的 300–500 户之间，可考虑调整网格划分' }],
  can_edit: true, version: 1, ...over,
});

describe('grid helpers', () => {
  it('reads a pasted Polygon, a Feature or a one-feature collection, and refuses other text', () => {
    expect(parseBoundary(JSON.stringify(square))).toEqual({ ok: true, geometry: square });
    expect(parseBoundary(JSON.stringify({ type: 'Feature', properties: {}, geometry: square }))).toEqual({ ok: true, geometry: square });
    expect(parseBoundary(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square }] })))
      .toEqual({ ok: true, geometry: square });
    expect(parseBoundary('{"type":"Point","coordinates":[118,24]}')).toEqual({ ok: false, reason: 'type' });
    expect(parseBoundary('not json')).toEqual({ ok: false, reason: 'json' });
  });

  it('orders and counts the 1+1+N team; the next code keeps the community prefix', () => {
    const g = grid();
    expect(teamInOrder(g.team).map((m) => m.role)).toEqual(['worker', 'member', 'volunteer']);
    expect(teamFormula(g.team)).toBe('1+1+1');
    expect(nextCode([g, grid({ id: 2, code: '350205001001002' })])).toBe('350205001001003');
    expect(nextCode([])).toBe('');
  });

  it('gives Leaflet [lat, lng] rings, shifted only for GCJ-02 tiles', () => {
    expect(leafletRings(square, false)[0][0][0]).toEqual([24.5, 118.0]);
    const shifted = leafletRings(square, true)[0][0][0];
    expect(shifted[1]).toBeGreaterThan(118.003); // the GCJ-02 offset in Fujian is a few hundred metres east
  });
});

describe('GridsView', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('lists the grids, shows the selected grid\'s warning and team, and a redraw names the boundary error', async () => {
    setActivePinia(createPinia());
    useSessionStore().set({
      user: { id: 3, username: 'committee_a', display_name: '海发社区党委管理员', member_id: null },
      csrf_token: 'tok', mfa: 'none', permissions: ['org_read', 'org_write'],
      grants: [{ id: 9, role: 'org_admin', role_name: '组织管理员', org_id: 5, org_name: '中共海发社区委员会', permissions: ['org_read', 'org_write'] }],
    });
    const bodies: string[] = [];
    configureClient({
      fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const url = String(input);
        if (url.startsWith('/api/v1/grids/1/boundary')) {
          bodies.push(String(init.body));
          return json(400, { error: { code: 'invalid_argument', message: '请求内容有误，请检查标出的字段', request_id: 'r',
            fields: [{ field: 'boundary', message: '网格边界自相交，请修改后再提交' }] } });
        }
        if (url.startsWith('/api/v1/grids/map')) return json(200, { tile_url: '', tile_crs: 'wgs84', attribution: '' });
        if (url.startsWith('/api/v1/grids/1/history'))
          return json(200, { items: [{ ...grid().boundary, id: 10, valid_from: '2021-03-01', valid_to: '2025-07-01' }, grid().boundary] });
        if (url.startsWith('/api/v1/grids')) return json(200, { items: [grid(), grid({ id: 2, code: '350205001001002', name: '海发社区第二网格', warnings: [] })], warnings: [], on: '2026-12-07' });
        if (url.startsWith('/api/v1/orgs/roots')) return json(200, { items: [] });
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }) as typeof fetch,
    });
    mount(GridsView, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    const table = document.querySelector('[data-testid="grid-table"]')!;
    expect(table.textContent).toContain('海发社区第一网格');
    expect(table.textContent).toContain('海发社区第二网格');
    expect(document.querySelector('[data-testid="grid-map-note"]')!.textContent).toContain('未配置底图');
    const detail = document.querySelector('[data-testid="grid-detail"]')!;
    expect(detail.textContent).toContain('293 户，不在本地规定的 300–500 户之间');
    const team = document.querySelector('[data-testid="grid-team"]')!.textContent!;
    expect(team.indexOf('李网格员')).toBeLessThan(team.indexOf('赵志愿者'));
    expect(team).toContain('应急岗');

    (document.querySelector('[data-testid="grid-history"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(document.querySelector('[data-testid="grid-history-table"]')!.textContent).toContain('2021-03-01');

    (document.querySelector('[data-testid="grid-redraw"]') as HTMLButtonElement).click();
    await flushPromises();
    const area = document.querySelector('[data-testid="grid-boundary"]') as HTMLTextAreaElement;
    area.value = 'oops';
    area.dispatchEvent(new Event('input'));
    (document.querySelector('[data-testid="grid-save"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(bodies).toHaveLength(0); // not JSON: said on the page, nothing sent
    expect(document.querySelector('[data-testid="grid-boundary-error"]')!.textContent).toContain('不是有效的 JSON');
    area.value = JSON.stringify(square);
    area.dispatchEvent(new Event('input'));
    (document.querySelector('[data-testid="grid-save"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(JSON.parse(bodies[0]).boundary).toEqual(square);
    expect(document.querySelector('[data-testid="grid-boundary-error"]')!.textContent).toContain('网格边界自相交');
  }, 60_000); // mounting Element Plus on a loaded 2-core machine
});
