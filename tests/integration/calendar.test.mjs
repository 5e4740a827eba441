// The working-day calendar over HTTP and the CLI (issue 17 "SLA": holidays and 调休 as data per year, the State
// Council notice; calendar.md has 2025 and 2026, an admin loads the next): the seeded 2026 year is served with its
// 调休 Saturdays; the city (top org) admin loads 2027 from CSV and reads it back; a street admin may not (403,
// the calendar holds for every org); bad rows are refused naming row and field with nothing written; each load
// is one audit row calendar.load; `lianxin calendar load FILE` (CSV and JSON) and `calendar show YEAR --json`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';

const CSV_2027 = 'date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节\n2027-02-07,workday,春节\n2027-02-11,holiday,春节\n';

describe('working-day calendar (gen --scale=test)', () => {
  let srv, cast, city, street;
  const put = (client, year, json) => client.request('PUT', `/api/v1/calendar/${year}`, { json });

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    city = cast.city;
    street = cast.actors.street_admin.client;
  });
  after(() => srv && srv.stop());

  test('the seeded 2026 calendar lists the Spring Festival and its adjusted Saturdays; readers may not edit', async () => {
    const r = await cast.actors.secretary.client.get('/api/v1/calendar?year=2026');
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.year, 2026);
    assert.equal(r.json.can_edit, false);
    assert.deepEqual(r.json.loaded_years, [2025, 2026]);
    const kind = Object.fromEntries(r.json.days.map((d) => [d.date, d.kind]));
    assert.equal(kind['2026-02-14'], 'workday', '调休 Saturday before 春节');
    assert.equal(kind['2026-02-28'], 'workday');
    assert.equal(kind['2026-02-16'], 'holiday');
    assert.equal(kind['2026-10-10'], 'workday');
    assert.equal(r.json.days.filter((d) => d.kind === 'holiday').length, 33);
    assert.equal(r.json.days.filter((d) => d.kind === 'workday').length, 6);
    const none = await city.get('/api/v1/calendar?year=2028');
    assert.equal(none.status, 200, none.toString());
    assert.equal(none.json.loaded, null, 'a year not loaded says so');
    assert.equal(none.json.can_edit, true, 'the top org\'s admin may load');
    const bad = await city.get('/api/v1/calendar?year=20x6');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.fieldNames(), ['year']);
  });

  test('the top org\'s admin loads 2027 from CSV; a street admin may not', async () => {
    let r = await put(street, 2027, { source: '国办发明电〔2026〕1号', csv: CSV_2027 });
    assert.equal(r.status, 403, r.toString());
    r = await put(city, 2027, { source: '国办发明电〔2026〕1号', csv: CSV_2027 });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.days, 4);
    r = await street.get('/api/v1/calendar?year=2027');
    assert.equal(r.json.loaded.source, '国办发明电〔2026〕1号');
    assert.equal(r.json.loaded.loaded_by, '市委管理员');
    assert.deepEqual(r.json.days.map((d) => `${d.date} ${d.kind}`),
      ['2027-01-01 holiday', '2027-02-06 workday', '2027-02-07 workday', '2027-02-11 holiday']);
  });

  test('bad rows are refused naming their row and field, and nothing is written', async () => {
    const csv = '2027-01-01,holiday,元旦\n2026-12-31,holiday,x\n2027-01-01,workday,元旦\n2027-03-03,workday,\n2027-04-01,off,\n';
    const r = await put(city, 2027, { source: '错误通知', csv });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['csv[2].date', 'csv[3].date', 'csv[4].kind', 'csv[5].kind']);
    assert.match(r.json.error.fields[0].message, /第 2 行/);
    assert.match(r.json.error.fields[1].message, /与第 1 行重复/);
    const noSource = await put(city, 2027, { source: '', csv: CSV_2027 });
    assert.equal(noSource.status, 400);
    assert.deepEqual(noSource.fieldNames(), ['source']);
    const year = await put(city, 1999, { source: 'x', csv: '' });
    assert.equal(year.status, 400);
    assert.deepEqual(year.fieldNames(), ['year']);
    const after = await city.get('/api/v1/calendar?year=2027');
    assert.equal(after.json.loaded.source, '国办发明电〔2026〕1号', 'the loaded year is untouched');
    assert.equal(after.json.days.length, 4);
  });

  test('each load is one audit row calendar.load filed under the top org', async () => {
    const r = await cast.actors.auditor.client.get('/api/v1/audit?action=calendar.load&limit=50');
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.items.length, 1, 'refused loads write nothing');
    assert.equal(r.json.items[0].object_id, '2027');
  });

  test('the CLI loads a year from CSV or JSON and shows it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lxcal-'));
    try {
      const json = path.join(dir, '2028.json');
      fs.writeFileSync(json, JSON.stringify({ year: 2028, source: '国办发明电〔2027〕1号',
        days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }, { date: '2028-01-29', kind: 'workday', name: '春节' }] }));
      let r = srv.cli('calendar', 'load', json);
      assert.equal(r.status, 0, r.stderr);
      r = srv.cli('calendar', 'show', '2028', '--json');
      assert.equal(r.status, 0, r.stderr);
      const shown = JSON.parse(r.stdout);
      assert.equal(shown.loaded, true);
      assert.equal(shown.source, '国办发明电〔2027〕1号');
      assert.deepEqual(shown.days.map((d) => d.kind), ['holiday', 'workday']);
      const csv = path.join(dir, 'bad.csv');
      fs.writeFileSync(csv, '2029-01-01,holiday,元旦\n2029-01-02,holiday,元旦\n2029-01-01,workday,\n');
      r = srv.cli('calendar', 'load', csv, '--source', '坏文件');
      assert.notEqual(r.status, 0);
      assert.match(r.stderr + r.stdout, /csv\[3\]\.date/);
      r = srv.cli('calendar', 'show', '2029', '--json');
      assert.equal(JSON.parse(r.stdout).loaded, false, 'nothing half-written');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
