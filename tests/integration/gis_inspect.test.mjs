// `lianxin gis inspect` on files made by GDAL's ogr2ogr at test time (issue 17 "Grids": the GeoJSON and
// Shapefile imports work on files made by GDAL; GBK attribute tables without a .cpg keep their Chinese names;
// a CRS other than WGS-84/CGCS2000 is refused with a message). No server: the command reads the file only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, unlinkSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ROOT } from './lib/server.mjs';

const SOURCE = path.join(ROOT, 'tests/fixtures/gis/grids.geojson');
let dir;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw r.error;
  return r;
}

function ok(cmd, args, opts) {
  const r = run(cmd, args, opts);
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r;
}

// A zipped Shapefile as an office sends it: the parts inside a folder, GBK, optionally without its .cpg.
function shapefileZip(name, ogrArgs, { dropCpg = false } = {}) {
  const folder = path.join(dir, name, '网格边界');
  mkdirSync(folder, { recursive: true });
  ok('ogr2ogr', ['-f', 'ESRI Shapefile', path.join(folder, 'grids.shp'), SOURCE, '-nlt', 'MULTIPOLYGON', ...ogrArgs]);
  if (dropCpg) unlinkSync(path.join(folder, 'grids.cpg'));
  const zip = path.join(dir, `${name}.zip`);
  ok('zip', ['-q', '-r', zip, '网格边界'], { cwd: path.join(dir, name) });
  return zip;
}

before(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'lxgis-')); });
after(() => { if (!process.env.LIANXIN_KEEP_TMP) rmSync(dir, { recursive: true, force: true }); });

// toolchain.md §10: ogr2ogr -lco ENCODING=CP936, .cpg deleted — 锋领网格一 must survive.
test('a GBK Shapefile without .cpg, zipped in a folder, keeps its Chinese attributes', () => {
  const zip = shapefileZip('gbk', ['-lco', 'ENCODING=CP936'], { dropCpg: true });
  const out = JSON.parse(ok(BIN, ['gis', 'inspect', zip, '--json']).stdout);
  assert.equal(out.format, 'ESRI Shapefile');
  assert.equal(out.crs, 'EPSG:4326');
  assert.equal(out.encoding, 'CP936');
  assert.equal(out.features, 2);
  assert.deepEqual(out.fields, ['name', 'code', 'households', '社区']);
  assert.equal(out.first.name, '锋领网格一');
  assert.equal(out.first['社区'], '海发社区');
  assert.equal(out.first.code, '350205001001001');
  const text = ok(BIN, ['gis', 'inspect', zip]).stdout;
  assert.match(text, /features \/ 要素: 2/);
  assert.match(text, /name: 锋领网格一/);
});

test('a CGCS2000 GeoJSON is read; what lianxin writes, ogrinfo reads back', () => {
  const file = path.join(dir, 'cgcs2000.geojson');
  ok('ogr2ogr', ['-f', 'GeoJSON', file, SOURCE, '-a_srs', 'EPSG:4490', '-lco', 'RFC7946=NO']);
  const exported = path.join(dir, 'export.geojson');
  const out = JSON.parse(ok(BIN, ['gis', 'inspect', file, '--json', '--geojson', exported]).stdout);
  assert.equal(out.crs, 'EPSG:4490');
  assert.equal(out.features, 2);
  assert.ok(existsSync(exported));
  const info = ok('ogrinfo', ['-ro', '-al', exported]).stdout;
  assert.match(info, /Feature Count: 2/);
  assert.match(info, /name \(String\) = 锋领网格一/);
  assert.match(info, /MULTIPOLYGON/);
});

test('Web Mercator and Gauss-Kruger files are refused naming the CRS, in Chinese and English', () => {
  const mercator = shapefileZip('mercator', ['-lco', 'ENCODING=UTF-8', '-t_srs', 'EPSG:3857']);
  let r = run(BIN, ['gis', 'inspect', mercator]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--file: gis\.crs\.unsupported/);
  assert.match(r.stderr, /文件的坐标系为 EPSG:3857/);
  assert.match(r.stderr, /File is in EPSG:3857/);
  const gk = path.join(dir, 'gk.geojson');
  ok('ogr2ogr', ['-f', 'GeoJSON', gk, SOURCE, '-t_srs', 'EPSG:4547', '-lco', 'RFC7946=NO']);
  r = run(BIN, ['gis', 'inspect', gk, '--json']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /EPSG:4547/);
  assert.equal(r.stdout, '');
});

test('a file that is neither GeoJSON nor a zip is refused, not crashed on', () => {
  const r = run(BIN, ['gis', 'inspect', path.join(ROOT, 'README.md')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /gis\.file_format/);
});

// An uploaded file must not make the server fetch a URL (SSRF): GDAL fetches the href of a linked "crs".
test('a GeoJSON whose crs links to a URL makes no request', async () => {
  const seen = [];
  const server = http.createServer((req, res) => { seen.push(req.url); res.end('GEOGCS["x"]'); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const file = path.join(dir, 'link.geojson');
  writeFileSync(file, JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'link', properties: { href: `http://127.0.0.1:${server.address().port}/crs.wkt`, type: 'ogcwkt' } },
    features: [{ type: 'Feature', properties: { name: '锋领网格一' },
      geometry: { type: 'Polygon', coordinates: [[[118.05, 24.45], [118.06, 24.45], [118.06, 24.46], [118.05, 24.45]]] } }],
  }));
  const child = spawn(BIN, ['gis', 'inspect', file, '--json']);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  server.close();
  assert.equal(code, 0);
  assert.deepEqual(seen, []);
});
