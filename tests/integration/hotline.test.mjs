// The hotline channel over HTTP on gen --scale=test (issue 17 "Events and their intake": an import of 12345 / 81890
// work orders from .xlsx/.csv as the platforms export them, idempotent by 工单编号; "Bad input": a repeated 工单编号
// gets a clear error naming the field, nothing half-written; "The closed loop": "Hotline events get a call-back
// (回访) record"; domain.md §7 "call-back records 'contacted in time? resolved? satisfied?'"). The street imports
// an .xlsx built here — a title row, the platform's own column names, a repeated 工单编号, an unknown 类别, a bad
// date and an Excel serial time — previews it (nothing written), commits the good rows (办理时限 kept as the
// deadline), re-imports it (nothing changes), then fixes the sheet and imports the rest. The call-back: not
// reached keeps the state, "not resolved" reopens to the same handler, "resolved" closes with the satisfaction.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { XLSX_TYPE, gb18030, postFile, xlsxText } from './lib/sheets.mjs';
import { xlsx } from './lib/xlsx.mjs';

const HEADER = ['序号', '工单编号', '来电时间', '来电内容', '事发地址', '诉求类别', '办理时限', '来电人', '联系电话'];
const TITLE = ['12345市民服务热线工单导出（海沧区）'];
const GOOD = [
  [1, 'GD-HL-001', '2026-11-20 09:30', '海发路路灯连续三晚不亮', '海发路 1 号', '路灯损坏', '2099-12-31 18:00', '王先生', '13800001111'],
  // an Excel serial time (46083.395833 = 2026-03-02 09:30) and "top/leaf" as the category
  [2, 'GD-HL-002', 46083.395833, '小区门口垃圾无人清运', '海发路 2 号', '市容环境/垃圾堆放', '', '', ''],
];
const BAD = [
  [3, 'GD-HL-003', '2026-11-21 10:00', '井盖缺失', '海发路 3 号', '井盖缺失', '', '', ''],
  [4, 'GD-HL-004', '2026-11-21 11:00', '夜间施工噪声', '海发路 4 号', '噪声污染', '', '', ''],
  [5, 'GD-HL-003', '2026-11-22 10:00', '井盖还是没有补上', '海发路 3 号', '井盖缺失', '', '', ''],
  [6, 'GD-HL-005', '2026-02-30 09:00', '健身器材损坏', '海发路 5 号', '健身器材损坏', '', '', ''],
];

describe('hotline: work-order import and call-back (gen --scale=test)', () => {
  let srv, cast, street, B;
  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    street = cast.actors.street_admin.client;
    B = cast.B;
  });
  after(() => srv && srv.stop());

  const preview = (file, channel = 'hotline_12345') =>
    postFile(street, `/api/v1/hotline-imports/preview?org_id=${B}&channel=${channel}`, file);
  const commit = (file, channel = 'hotline_12345') =>
    postFile(street, `/api/v1/hotline-imports?org_id=${B}&channel=${channel}&file_name=${encodeURIComponent('工单.xlsx')}`, file);
  const hotlineEvents = async () => (await street.get('/api/v1/events?queue=all&limit=200')).json.items
    .filter((e) => e.channel === 'hotline_12345' && e.external_ref.startsWith('GD-HL-'));

  test('preview names every bad row by its column; the commit writes the good ones; a re-import changes nothing', async () => {
    const sheet = xlsx([TITLE, HEADER, ...GOOD, ...BAD]);
    const p = await preview(sheet);
    assert.equal(p.status, 200, p.toString());
    assert.equal(p.json.header_row, 2);
    assert.deepEqual(p.json.rows.map((r) => `${r.row}:${r.action}`), ['3:create', '4:create', '5:error', '6:error', '7:error', '8:error']);
    assert.deepEqual(p.json.counts, { create: 2, skip: 0, error: 4 });
    const err = (row) => p.json.rows.find((r) => r.row === row).errors;
    // A 工单编号 repeated inside the sheet: both rows refused, each naming the other.
    assert.equal(err(5)[0].column, '工单编号');
    assert.match(err(5)[0].message, /^工单编号“GD-HL-003”与第 7 行重复/);
    assert.match(err(7)[0].message, /^工单编号“GD-HL-003”与第 5 行重复/);
    assert.equal(err(6)[0].column, '类别');
    assert.match(err(6)[0].message, /^类别“噪声污染”不在事件分类中/);
    assert.equal(err(8)[0].column, '来电时间');
    assert.match(err(8)[0].message, /^来电时间“2026-02-30 09:00”不是有效的时间/);
    assert.equal(p.json.rows[1].reported_at, '2026-03-02T01:30:00.000Z', 'the Excel serial is 09:30 in Shanghai');
    assert.equal(p.json.rows[1].category_code, 'city.garbage');
    assert.deepEqual(await hotlineEvents(), [], 'a preview writes nothing');

    const c = await commit(sheet);
    assert.equal(c.status, 201, c.toString());
    assert.deepEqual(c.json.counts, { create: 2, skip: 0, error: 4 });
    const firstId = c.json.rows[0].event_id;
    const ev = (await street.get(`/api/v1/events/${firstId}`)).json;
    assert.equal(ev.channel, 'hotline_12345');
    assert.equal(ev.external_ref, 'GD-HL-001');
    assert.equal(ev.category_code, 'facility.street_light');
    assert.equal(ev.reported_at, '2026-11-20T01:30:00.000Z');
    assert.equal(ev.handle_by, '2099-12-31T10:00:00.000Z', 'the platform\'s 办理时限 is the deadline');
    assert.equal(ev.reporter_phone, '13800001111');
    assert.equal(ev.state, 'accepted');
    assert.equal((await hotlineEvents()).length, 2);

    // The same file again: every good row was imported before — skipped — and nothing is written.
    const again = await commit(sheet);
    assert.equal(again.status, 200, again.toString());
    assert.deepEqual(again.json.counts, { create: 0, skip: 2, error: 4 });
    assert.equal(again.json.rows[0].action, 'skip');
    assert.match(again.json.rows[0].notes[0].message, /^工单编号“GD-HL-001”已导入，跳过/);
    assert.equal((await hotlineEvents()).length, 2);

    // The office fixes the sheet (one row per number, a known category, a real date) and imports it again as CSV
    // saved by Excel on a Chinese Windows (GB18030): only the fixed rows are new.
    const fixed = [TITLE, HEADER, ...GOOD, BAD[0], [4, 'GD-HL-004', '2026-11-21 11:00', '夜间施工噪声', '海发路 4 号', '噪音扰民', '', '', ''],
      [6, 'GD-HL-005', '2026-11-20 09:00', '健身器材损坏', '海发路 5 号', '健身器材损坏', '2026-11-27', '', '']];
    const csv = gb18030(fixed.map((r) => r.join(',')).join('\r\n') + '\r\n');
    const f = await commit(csv);
    assert.equal(f.status, 201, f.toString());
    assert.deepEqual(f.json.rows.map((r) => `${r.row}:${r.action}`), ['3:skip', '4:skip', '5:create', '6:create', '7:create']);
    const late = (await street.get(`/api/v1/events/${f.json.rows[4].event_id}`)).json;
    assert.equal(late.handle_by, '2026-11-27T15:59:59.000Z', '办理时限 given as a day is the end of that day');
    assert.equal((await hotlineEvents()).length, 5);
    // The same numbers on the other hotline are other work orders.
    const other = await preview(csv, 'hotline_81890');
    assert.deepEqual(other.json.counts, { create: 5, skip: 0, error: 0 });
  });

  test('bad requests are named: the channel, a sheet without 工单编号, an empty file; the template', async () => {
    const sheet = xlsx([HEADER, GOOD[0]]);
    let r = await preview(sheet, 'hotline_110');
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['channel']);
    r = await preview(xlsx([['来电时间', '诉求内容', '类别', '地址'], ['2026-11-20 09:30', '路灯不亮', '路灯损坏', '']]));
    assert.equal(r.status, 400, r.toString());
    assert.match(r.error.message, /工单编号/);
    r = await preview(Buffer.alloc(0));
    assert.equal(r.status, 400, r.toString());
    r = await street.get('/api/v1/hotline-imports/template');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], XLSX_TYPE);
    assert.match(xlsxText(r.raw), /工单编号/);
    assert.match(xlsxText(r.raw), /办理时限/);
  });

  test('回访: not reached keeps the state; not resolved reopens to the same handler; resolved closes with the score', async () => {
    const handler = cast.actors.secretary.client;
    let r = await street.post('/api/v1/events', { channel: 'hotline_81890', external_ref: 'GD-CB-1', category_code: 'facility.road',
      org_id: B, description: '人行道地砖松动', reporter_phone: '13800002222', reported_at: '2026-11-20 09:30' });
    assert.equal(r.status, 201, r.toString());
    const id = r.json.id;
    let ev = (await street.get(`/api/v1/events/${id}`)).json;
    const step = async (client, action, extra = {}, status = 200) => {
      const res = await client.post(`/api/v1/events/${id}/actions`, { version: ev.version, action, ...extra });
      assert.equal(res.status, status, `${action}: ${res.toString()}`);
      if (status === 200) ev = res.json;
      return res;
    };
    assert.equal(ev.callback_due, null, 'not handled yet');
    await step(street, 'dispatch', { assignee_org_id: B, deadline: '2099-01-10 18:00' });
    await step(handler, 'start');
    await step(handler, 'handle', { note: '已重新铺设地砖' });
    const handledAt = Date.parse(ev.flow.at(-1).at);
    assert.equal(Date.parse(ev.callback_due) - handledAt, 3 * 86400000, 'due 3 days after 办结 (event.callback_due_days)');
    await step(street, 'verify');
    assert.ok(ev.actions.includes('callback'), ev.actions.join());
    // Only the dispatcher (the operator's org) calls back; a reached resident must give the verdict and score.
    r = await step(handler, 'callback', { reached: true, outcome: 'resolved', score: 5 }, 403);
    r = await step(street, 'callback', { reached: true }, 400);
    assert.deepEqual(r.fieldNames().sort(), ['outcome', 'score']);
    r = await step(street, 'callback', {}, 400);
    assert.deepEqual(r.fieldNames(), ['reached']);
    assert.match(r.error.fields[0].message, /请选择是否联系上来电人/);
    await step(street, 'callback', { reached: false, note: '两次拨打无人接听' });
    assert.equal(ev.state, 'verified');
    let last = ev.flow.at(-1);
    assert.deepEqual([last.action, last.reached, last.outcome, last.score], ['callback', false, '', null]);
    assert.equal(last.deadline, ev.callback_due, 'the row keeps when the call-back was due');
    await step(street, 'callback', { reached: true, outcome: 'not_resolved', score: 2, note: '居民反映仍有松动' });
    assert.equal(ev.state, 'in_progress');
    assert.equal(ev.assignee_org_id, B, 'reopened to the same handler');
    assert.equal(ev.reopen_count, 1);
    last = ev.flow.at(-1);
    assert.deepEqual([last.reached, last.outcome, last.score, last.to_state], [true, 'not_resolved', 2, 'in_progress']);
    await step(handler, 'handle', { note: '更换地砖并压实' });
    await step(street, 'verify');
    await step(street, 'callback', { reached: true, outcome: 'resolved', score: 4 });
    assert.equal(ev.state, 'rated');
    assert.equal(ev.outcome, 'resolved');
    assert.equal(ev.score, 4);
    assert.ok(ev.closed_at);
    await step(street, 'callback', { reached: true, outcome: 'resolved', score: 5 }, 422);
    // A resident's own report is confirmed by the resident: no call-back is offered for other channels.
    r = await street.post('/api/v1/events', { channel: 'patrol', category_code: 'facility.road', org_id: B, description: '巡查发现路面破损' });
    assert.equal(r.status, 201, r.toString());
    const patrol = (await street.get(`/api/v1/events/${r.json.id}`)).json;
    assert.equal(patrol.callback_due, null);
  });
});
