// The rates board over HTTP on gen --scale=test (issue 17 "Rates and boards"; domain.md §7.4): the street's row moves
// as events close through the loop — a resolved one rated 5 and a 不合理诉求 dismissed by the level above, which is
// listed and counts against the resolution and satisfaction rates (it never improves them); an org outside the
// reader's scope is refused (404), bad parameters are named, and the .xlsx export is a workbook. The SQL figures
// equal the raw recomputation on both databases in src/storage/testing/rates_conformance_test.cpp.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';

describe('event rates over HTTP (gen --scale=test)', () => {
  let srv, cast;
  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
  });
  after(() => srv && srv.stop());

  const rowOf = (board, orgId) => board.rows.find((r) => r.key === String(orgId));

  test('the street board moves as events are rated and dismissed; dismissals are listed and count against', async () => {
    const district = cast.actors.district_admin.client;
    const street = cast.actors.street_admin.client;
    const community = cast.actors.secretary.client;
    const { B, D1, S1 } = cast;
    const board = async () => {
      const r = await district.get(`/api/v1/event-rates?org_id=${D1}&group_by=street`);
      assert.equal(r.status, 200, r.toString());
      return r.json;
    };
    const before0 = await board();
    const base = rowOf(before0, S1) ?? { events: 0, resolution: { num: 0, den: 0 }, satisfaction: { num: 0, den: 0 } };
    assert.equal(before0.formula['rates.dismissed'], 'against', 'the default of domain.md §7.4 as the policy holds it');
    const walk = async (steps) => {
      let r = await street.post('/api/v1/events', { channel: 'hotline_12345', category_code: 'city.garbage', org_id: B,
        description: '楼下垃圾堆放多日无人清理' });
      assert.equal(r.status, 201, r.toString());
      const id = r.json.id;
      let ev = (await street.get(`/api/v1/events/${id}`)).json;
      for (const [client, action, extra] of steps) {
        r = await client.post(`/api/v1/events/${id}/actions`, { version: ev.version, action, ...extra });
        assert.equal(r.status, 200, `${action}: ${r.toString()}`);
        ev = r.json;
      }
      return ev;
    };
    const dispatch = [street, 'dispatch', { assignee_org_id: B, deadline: '2099-01-10 18:00' }];
    await walk([dispatch, [community, 'start', {}], [community, 'handle', { note: '已清运' }], [street, 'verify', {}],
      [street, 'feedback', { note: '已电话告知' }], [street, 'rate', { outcome: 'resolved', score: 5 }]]);
    const dismissed = await walk([dispatch, [community, 'mark', { mark_kind: 'unreasonable', reason: '诉求超出政策范围',
      note: '已核实并留存材料' }], [street, 'confirm_mark', { reason: '同意' }]]);
    assert.equal(dismissed.state, 'dismissed');
    const after1 = await board();
    const row = rowOf(after1, S1);
    assert.ok(row, 'the street has its row');
    assert.equal(row.events, base.events + 2);
    assert.equal(row.resolution.num, base.resolution.num + 1);
    assert.equal(row.resolution.den, base.resolution.den + 2, 'the dismissal stands in the denominator');
    assert.equal(row.satisfaction.den, base.satisfaction.den + 2);
    assert.equal(row.dismissed.unreasonable >= 1, true);
    assert.ok(after1.dismissed.some((d) => d.id === dismissed.id && d.mark_kind === 'unreasonable'), 'listed, never silent');
    assert.equal(after1.total.events, after1.rows.reduce((n, r) => n + r.events, 0));
    // A rate without a denominator has no value (the page shows "—").
    for (const r of after1.rows) for (const k of ['response', 'on_time', 'resolution', 'satisfaction', 'reopen', 'whistle'])
      if (r[k].den === 0) assert.equal(r[k].value, null, `${r.key} ${k}`);
    // By month: this month holds both events once.
    const months = (await district.get(`/api/v1/event-rates?org_id=${D1}&group_by=month`)).json;
    assert.ok(months.rows.length >= 1);
    assert.equal(months.total.events, after1.total.events);
  });

  test('an org outside the reader\'s scope is refused; bad parameters are named', async () => {
    const { D1, S1 } = cast;
    let r = await cast.actors.street_admin.client.get(`/api/v1/event-rates?org_id=${D1}`);
    assert.equal(r.status, 404, r.toString());
    r = await cast.actors.secretary.client.get(`/api/v1/event-rates?org_id=${S1}`);
    assert.equal(r.status, 404, r.toString());
    r = await cast.actors.member.client.get(`/api/v1/event-rates?org_id=${S1}`);
    assert.equal(r.status, 403, r.toString());
    r = await cast.actors.street_admin.client.get(`/api/v1/event-rates?org_id=${S1}&group_by=person&from=2026-05-01&to=2026-04-01`);
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames().sort(), ['group_by']);
    r = await cast.actors.street_admin.client.get(`/api/v1/event-rates?org_id=${S1}&from=2026-05-01&to=2026-04-01`);
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['to']);
    r = await cast.actors.street_admin.client.get(`/api/v1/event-rates?org_id=${S1}&from=2020-01-01&to=2026-04-01`);
    assert.deepEqual(r.fieldNames(), ['to'], 'at most 1096 days');
  });

  test('the .xlsx export is a workbook with the board', async () => {
    const r = await cast.actors.street_admin.client.get(`/api/v1/event-rates/export?org_id=${cast.S1}&group_by=community`);
    assert.equal(r.status, 200, r.toString());
    assert.match(r.headers['content-type'], /spreadsheetml/);
    assert.equal(r.raw.subarray(0, 2).toString(), 'PK');
    assert.match(r.headers['content-disposition'], /event-rates-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx/);
  });
});
