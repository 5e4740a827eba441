// Grids over HTTP (issue 17 "Grids"; domain.md §7.1): a community committee creates grids with a GeoJSON boundary,
// its 1+1+N team and the covering branch; size, team and overlap rules are warnings; a polygon that crosses itself,
// one with too many vertices or one in another CRS is refused naming `boundary`; a redraw keeps the old boundary, so
// the grid of a point on an old day is found by the old boundary; the export is a FeatureCollection; a branch of
// another community sees none of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

// A counter-clockwise lng/lat rectangle as GeoJSON (RFC 7946).
const rect = (x0, y0, x1, y1) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

describe('grids (gen --scale=test)', () => {
  let srv, cast, committee, community, otherCommunity, gridId, prefix;

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    community = cast.tree.get(cast.B).parent_id;
    otherCommunity = cast.tree.get(cast.S1).children.find((id) => id !== community);
    committee = await login(srv, await createUser(srv, cast.admin, { username: 'grid_admin', display_name: '社区网格管理员',
      role: 'org_admin', org_id: community }));
    prefix = '350000001001';
  });
  after(() => srv && srv.stop());

  const body = (over = {}) => ({ org_id: community, code: `${prefix}001`, name: '第一网格', households: 620, residents: 1500,
    buildings: ['1号楼', '2号楼'], leader: { name: '陈网格长', phone: '0592-6612345' }, covering_org_id: cast.B,
    team: [{ role: 'worker', name: '李网格员', phone: '0592-6811111' }, { role: 'member', post: 'regular', name: '王党员' },
      { role: 'volunteer', post: 'emergency', name: '赵志愿者', note: '防汛' }],
    boundary: rect(118.0, 24.5, 118.01, 24.51), valid_from: '2025-01-01', ...over });

  test('the committee creates a grid; its boundary, area, team and the size warning come back', async () => {
    const r = await committee.post('/api/v1/grids', body());
    assert.equal(r.status, 201, r.toString());
    gridId = r.json.id;
    const g = await committee.get(`/api/v1/grids/${gridId}`);
    assert.equal(g.status, 200, g.toString());
    assert.equal(g.json.code, `${prefix}001`);
    assert.equal(g.json.org.id, community);
    assert.equal(g.json.team.length, 3);
    assert.equal(g.json.team[2].post, 'emergency');
    assert.equal(g.json.covering.org_id, cast.B);
    assert.equal(g.json.boundary.geometry.type, 'Polygon');
    assert.equal(g.json.boundary.valid_from, '2025-01-01');
    assert.ok(g.json.boundary.area_m2 > 1.11e6 && g.json.boundary.area_m2 < 1.14e6, `${g.json.boundary.area_m2}`);
    // domain.md §7.1 [LOCAL] 300–500 households: a warning quoting the figures, never a refusal.
    const size = g.json.warnings.find((w) => w.key === 'grid.households_outside');
    assert.ok(size, JSON.stringify(g.json.warnings));
    assert.match(size.message, /620 户.*300–500/);
  });

  test('bad boundaries and codes are refused naming the field', async () => {
    const bow = await committee.post('/api/v1/grids', body({ code: `${prefix}009`,
      boundary: { type: 'Polygon', coordinates: [[[118.0, 24.0], [118.01, 24.01], [118.01, 24.0], [118.0, 24.01], [118.0, 24.0]]] } }));
    assert.equal(bow.status, 400, bow.toString());
    assert.equal(bow.error.fields[0].field, 'boundary');
    assert.match(bow.error.fields[0].message, /自相交/);
    // A circle of 10 001 vertices: more than grid.boundary_max_vertices (10 000), refused before any geometry.
    const ring = Array.from({ length: 10001 }, (_, i) => [118.1 + 0.01 * Math.cos(i / 1600), 24.5 + 0.01 * Math.sin(i / 1600)]);
    const big = await committee.post('/api/v1/grids', body({ code: `${prefix}009`, boundary: { type: 'Polygon', coordinates: [ring] } }));
    assert.equal(big.status, 400, big.toString());
    assert.equal(big.error.fields[0].field, 'boundary');
    assert.match(big.error.fields[0].message, /10001 个顶点，超过上限 10000/);
    const crs = await committee.post('/api/v1/grids', body({ code: `${prefix}009`,
      boundary: { ...rect(500000, 2700000, 501000, 2701000), crs: { type: 'name', properties: { name: 'EPSG:4547' } } } }));
    assert.equal(crs.status, 400, crs.toString());
    assert.match(crs.error.fields[0].message, /WGS-84/);
    const code = await committee.post('/api/v1/grids', body({ code: '350000001002001' }));
    assert.equal(code.status, 400, code.toString());
    assert.deepEqual(code.error.fields.map((f) => f.field), ['code']);
    assert.match(code.error.fields[0].message, /前 12 位.*350000001001/);
    const taken = await committee.post('/api/v1/grids', body());
    assert.equal(taken.status, 400, taken.toString());
    assert.match(taken.error.fields[0].message, /已被使用/);
    const post = await committee.post('/api/v1/grids', body({ code: `${prefix}009`, team: [{ role: 'volunteer', name: '钱志愿者' }] }));
    assert.equal(post.status, 400, post.toString());
    assert.equal(post.error.fields[0].field, 'team[0].post');
    assert.match(post.error.fields[0].message, /常态岗、特长岗或应急岗/);
  });

  test('a redraw keeps the old boundary: the grid of a point on an old day is found by the old one', async () => {
    const redrawn = await committee.post(`/api/v1/grids/${gridId}/boundary`, { boundary: rect(118.005, 24.5, 118.02, 24.51) });
    assert.equal(redrawn.status, 200, redrawn.toString());
    assert.equal(redrawn.json.boundary.valid_from, today());
    const history = await committee.get(`/api/v1/grids/${gridId}/history`);
    assert.equal(history.json.items.length, 2);
    assert.equal(history.json.items[0].valid_to, today());
    const locate = (lng, lat, on) => committee.get(`/api/v1/grids/locate?lng=${lng}&lat=${lat}${on ? `&as_of=${on}` : ''}`);
    const old = await locate(118.002, 24.505, '2025-06-01');
    assert.equal(old.status, 200, old.toString());
    assert.deepEqual(old.json.items.map((g) => g.id), [gridId]);
    assert.equal(old.json.items[0].boundary.valid_from, '2025-01-01');
    assert.deepEqual((await locate(118.002, 24.505)).json.items, []);  // outside the redrawn grid today
    assert.deepEqual((await locate(118.015, 24.505)).json.items.map((g) => g.id), [gridId]);
    const before = await locate(118.002, 24.505, '2024-12-31');
    assert.deepEqual(before.json.items, []);  // before the grid's first boundary
    const bad = await committee.get('/api/v1/grids/locate?lng=200&lat=24.5');
    assert.equal(bad.status, 400, bad.toString());
    assert.equal(bad.error.fields[0].field, 'lng');
  });

  test('an overlapping neighbour is a warning on both; the list and the export show the community', async () => {
    const r = await committee.post('/api/v1/grids', body({ code: `${prefix}002`, name: '第二网格', households: 400,
      boundary: rect(118.019, 24.5, 118.03, 24.51) }));
    assert.equal(r.status, 201, r.toString());
    const g = await committee.get(`/api/v1/grids/${r.json.id}`);
    const overlap = g.json.warnings.find((w) => w.key === 'grid.overlap');
    assert.ok(overlap, JSON.stringify(g.json.warnings));
    assert.match(overlap.message, /重叠/);
    const list = await committee.get(`/api/v1/grids?org_id=${community}`);
    assert.equal(list.status, 200, list.toString());
    assert.equal(list.json.items.length, 2);
    assert.ok(list.json.warnings.some((w) => w.key === 'grid.overlap'));
    const exp = await committee.get(`/api/v1/grids/export?org_id=${community}`);
    assert.equal(exp.status, 200, exp.toString());
    assert.match(exp.headers['content-type'], /application\/geo\+json/);
    assert.equal(exp.json.type, 'FeatureCollection');
    assert.deepEqual(exp.json.features.map((f) => f.properties.code).sort(), [`${prefix}001`, `${prefix}002`]);
    assert.equal(exp.json.features[0].geometry.type, 'Polygon');
  });

  test('an edit replaces the team; a stale version is refused', async () => {
    const g = (await committee.get(`/api/v1/grids/${gridId}`)).json;
    const edit = { version: g.version, name: g.name, households: 450, residents: 1200, buildings: ['1号楼'],
      leader: { name: '陈网格长' }, covering_org_id: cast.B, team: [{ role: 'worker', name: '周网格员' }] };
    const r = await committee.request('PUT', `/api/v1/grids/${gridId}`, { json: edit });
    assert.equal(r.status, 200, r.toString());
    assert.deepEqual(r.json.team.map((t) => t.name), ['周网格员']);
    assert.ok(!r.json.warnings.some((w) => w.key === 'grid.households_outside'));
    const stale = await committee.request('PUT', `/api/v1/grids/${gridId}`, { json: edit });
    assert.equal(stale.status, 409, stale.toString());
  });

  test('a branch of another community sees none of it', async () => {
    const outsider = await login(srv, await createUser(srv, cast.admin, { username: 'grid_outsider', display_name: '外社区书记',
      role: 'branch_secretary', org_id: cast.tree.get(otherCommunity).children[0] }));
    assert.equal((await outsider.get(`/api/v1/grids/${gridId}`)).status, 404);
    assert.deepEqual((await outsider.get('/api/v1/grids')).json.items, []);
    assert.deepEqual((await outsider.get('/api/v1/grids/locate?lng=118.015&lat=24.505')).json.items, []);
    const map = await outsider.get('/api/v1/grids/map');
    assert.equal(map.status, 200, map.toString());
    assert.deepEqual(map.json, { tile_url: '', tile_crs: 'wgs84', attribution: '' });  // no tile server by default
  });
});
