// Grid import over HTTP (issue 17 "Grids": import from GeoJSON and from a zipped Shapefile through GDAL, preview
// then commit as the registry imports; "Bad input": a self-intersecting polygon, a GeoJSON in another CRS, a
// Shapefile with a broken .dbf; "Done when": the GeoJSON and Shapefile imports work on files made by GDAL). Every
// file here is written by GDAL's ogr2ogr during the test: a GeoJSON, a zipped Shapefile with a GBK .dbf and no
// .cpg, one in EPSG:3857, one with its .dbf cut short, one with a bow-tie polygon; the export is imported back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

const PREFIX = '350000001001';
const sq = (x0, y0, x1, y1) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
const feature = (props, coordinates) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates } });
const collection = (features) => JSON.stringify({ type: 'FeatureCollection', features });
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

let dir;
function ok(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r;
}
/** A GeoJSON written by ogr2ogr from `source` (features as a FeatureCollection text), with extra ogr2ogr args. */
function gdalGeoJson(name, source, args = []) {
  const src = path.join(dir, `${name}.src.geojson`), out = path.join(dir, `${name}.geojson`);
  writeFileSync(src, source);
  ok('ogr2ogr', ['-f', 'GeoJSON', out, src, ...args]);
  return readFileSync(out);
}
/** A zipped Shapefile written by ogr2ogr: GBK attribute table, its .cpg removed (as offices send them). */
function gdalShapefile(name, source, { cutDbf = false } = {}) {
  const src = path.join(dir, `${name}.src.geojson`), folder = path.join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(src, source);
  ok('ogr2ogr', ['-f', 'ESRI Shapefile', path.join(folder, 'wangge.shp'), src, '-lco', 'ENCODING=CP936']);
  unlinkSync(path.join(folder, 'wangge.cpg'));
  if (cutDbf) { const dbf = path.join(folder, 'wangge.dbf'); truncateSync(dbf, statSync(dbf).size - 40); }
  const zip = path.join(dir, `${name}.zip`);
  ok('zip', ['-q', '-r', zip, '.'], { cwd: folder });
  return readFileSync(zip);
}

describe('grid import from GDAL-made files (gen --scale=test)', () => {
  let srv, cast, committee, community;
  const base = [
    feature({ 网格编码: `${PREFIX}001`, 网格名称: '锋领网格一', 户数: 420, 人口: 1100 }, sq(119.50, 25.50, 119.51, 25.51)),
    feature({ 网格编码: `${PREFIX}002`, 网格名称: '锋领网格二', 户数: 380, 人口: 990 }, sq(119.51, 25.50, 119.52, 25.51)),
  ];
  const url = (what, q = '') => `/api/v1/grids/import${what}?org_id=${community}&file_name=${encodeURIComponent('网格.zip')}${q}`;
  const send = (what, bytes, q) => committee.request('POST', url(what, q), { body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
  const grids = async () => (await committee.get(`/api/v1/grids?org_id=${community}`)).json.items;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lxgridimport-'));
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    community = cast.tree.get(cast.B).parent_id;
    committee = await login(srv, await createUser(srv, cast.admin, { username: 'grid_importer', display_name: '社区网格导入员',
      role: 'org_admin', org_id: community }));
  });
  after(() => { if (srv) srv.stop(); if (dir) rmSync(dir, { recursive: true, force: true }); });

  test('a GeoJSON made by ogr2ogr previews feature by feature, then commits both grids', async () => {
    const file = gdalGeoJson('first', collection(base));
    const p = await send('/preview', file);
    assert.equal(p.status, 200, p.toString());
    assert.deepEqual(p.json.mapping, { code: '网格编码', name: '网格名称', households: '户数', residents: '人口', buildings: null, community: null });
    assert.deepEqual(p.json.counts, { create: 2, redraw: 0, update: 0, unchanged: 0, error: 0 });
    assert.equal(p.json.features[0].name, '锋领网格一');
    assert.equal(p.json.features[0].community.id, community);
    assert.equal(p.json.features[0].geometry.type, 'Polygon');
    assert.ok(p.json.features[0].area_m2 > 1.0e6);
    assert.equal((await grids()).length, 0, 'the preview writes nothing');
    const c = await send('', file, '&valid_from=2025-01-01');
    assert.equal(c.status, 201, c.toString());
    assert.deepEqual(c.json.counts, { create: 2, redraw: 0, update: 0, unchanged: 0 });
    const list = await grids();
    assert.deepEqual(list.map((g) => [g.code, g.name, g.households, g.residents]),
      [[`${PREFIX}001`, '锋领网格一', 420, 1100], [`${PREFIX}002`, '锋领网格二', 380, 990]]);
    assert.equal(list[0].boundary.valid_from, '2025-01-01');
  });

  test('a zipped Shapefile with a GBK .dbf and no .cpg: Chinese names intact, a redraw keeps history, an overlap warns', async () => {
    const file = gdalShapefile('gbk', collection([
      feature({ 网格编码: `${PREFIX}001`, 网格名称: '锋领网格一', 户数: 420, 人口: 1100 }, sq(119.50, 25.50, 119.51, 25.512)),
      base[1],
      feature({ 网格编码: `${PREFIX}003`, 网格名称: '海发新村网格', 户数: 120, 人口: 300 }, sq(119.519, 25.50, 119.53, 25.51)),
    ]));
    const p = await send('/preview', file, `&valid_from=${today()}`);
    assert.equal(p.status, 200, p.toString());
    assert.equal(p.json.format, 'ESRI Shapefile');
    assert.equal(p.json.encoding, 'CP936');
    assert.deepEqual(p.json.features.map((f) => f.action), ['redraw', 'unchanged', 'create']);
    assert.equal(p.json.features[2].name, '海发新村网格');
    assert.deepEqual(p.json.features[0].changes, ['boundary']);
    // Overlaps with neighbours and size rules are warnings (domain.md §7.1), never refusals.
    const keys = p.json.features[2].warnings.map((w) => w.key);
    assert.ok(keys.includes('grid.overlap') && keys.includes('grid.households_outside'), JSON.stringify(keys));
    const c = await send('', file, `&valid_from=${today()}`);
    assert.equal(c.status, 201, c.toString());
    assert.deepEqual(c.json.counts, { create: 1, redraw: 1, update: 0, unchanged: 1 });
    const first = (await grids()).find((g) => g.code === `${PREFIX}001`);
    const history = await committee.get(`/api/v1/grids/${first.id}/history`);
    assert.deepEqual(history.json.items.map((v) => [v.valid_from, v.valid_to]), [['2025-01-01', today()], [today(), null]]);
  });

  test('the export imports back unchanged (round trip)', async () => {
    const exported = await committee.get(`/api/v1/grids/export?org_id=${community}`);
    assert.equal(exported.status, 200);
    const p = await send('/preview', exported.raw);
    assert.equal(p.status, 200, p.toString());
    assert.equal(p.json.mapping.code, 'code');
    assert.deepEqual(p.json.counts, { create: 0, redraw: 0, update: 0, unchanged: 3, error: 0 });
    const c = await send('', exported.raw);
    assert.equal(c.status, 422, c.toString());
  });

  test('a GeoJSON in EPSG:3857 is refused naming the CRS', async () => {
    const file = gdalGeoJson('mercator', collection(base), ['-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:3857']);
    const p = await send('/preview', file);
    assert.equal(p.status, 400, p.toString());
    assert.equal(p.error.fields[0].field, 'file');
    assert.match(p.error.fields[0].message, /EPSG:3857/);
  });

  test('a Shapefile whose .dbf is cut short is refused naming the part', async () => {
    const p = await send('/preview', gdalShapefile('cut', collection(base), { cutDbf: true }));
    assert.equal(p.status, 400, p.toString());
    assert.equal(p.error.fields[0].field, 'file');
    assert.match(p.error.fields[0].message, /wangge\.dbf/);
  });

  test('a self-intersecting polygon is an invalid feature; the commit writes nothing at all', async () => {
    const before = await grids();
    const file = gdalGeoJson('bow', collection([
      feature({ 网格编码: `${PREFIX}004`, 网格名称: '第四网格', 户数: 400 }, sq(119.53, 25.50, 119.54, 25.51)),
      feature({ 网格编码: `${PREFIX}005`, 网格名称: '蝴蝶网格', 户数: 400 },
        [[[119.54, 25.50], [119.55, 25.51], [119.55, 25.50], [119.54, 25.51], [119.54, 25.50]]]),
    ]));
    const p = await send('/preview', file);
    assert.equal(p.status, 200, p.toString());
    assert.deepEqual(p.json.features.map((f) => f.action), ['create', 'error']);
    assert.equal(p.json.features[1].errors[0].field, 'boundary');
    assert.match(p.json.features[1].errors[0].key, /^grid\.boundary\.(self_intersection|invalid)$/);
    const c = await send('', file);
    assert.equal(c.status, 400, c.toString());
    assert.match(c.error.message, /1/);
    assert.equal(c.error.fields[0].field, 'features[2].boundary');
    assert.equal((await grids()).length, before.length, 'all or nothing: feature 1 was not written either');
  });

  test('columns the guess does not know are mapped by the user', async () => {
    const file = gdalGeoJson('odd', collection([
      feature({ BIANMA: `${PREFIX}006`, MINGCHENG: '第六网格', ZHUHU: 350 }, sq(119.56, 25.50, 119.57, 25.51)),
    ]));
    const guessed = await send('/preview', file);
    assert.equal(guessed.status, 400, guessed.toString());
    assert.deepEqual(guessed.error.fields.map((f) => f.field), ['mapping.code', 'mapping.name']);
    const mapped = await send('/preview', file, '&map_code=BIANMA&map_name=MINGCHENG&map_households=ZHUHU');
    assert.equal(mapped.status, 200, mapped.toString());
    assert.equal(mapped.json.features[0].action, 'create');
    assert.equal(mapped.json.features[0].households, 350);
  });
});
