// 日巡 patrols, 民情面对面 sessions and 大走访 household visits over HTTP (issue 17 "Events and their intake": grid
// workers on patrol, visits; seeds 000, 002, 003) on gen --scale=test: a patrol of a grid with a finding and its
// photo; the finding raised as an event in one step (channel patrol, the grid's place, the finding's text and
// photos), linked both ways (the finding names the event, the event's origin the patrol) and never raised twice;
// the log per grid and per worker; the duty list of grids short of patrol.per_grid_per_working_day on a day and in
// its week; a household visit with the 六清楚 and a need raised (channel visit), residents masked in the roster and
// shown to the recorder; a session with registry members and problems; every bad field named; another community
// reads none of it (404, as for an id that does not exist).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';
import { halvesPng } from './lib/images.mjs';
import { OCTET } from './lib/sheets.mjs';

const rect = (x0, y0, x1, y1) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const put = (client, path, json) => client.request('PUT', path, { json });

describe('patrols and visits (gen --scale=test)', () => {
  let srv, cast, community, other, worker, outsider, gridA, gridB, photo;

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    community = cast.tree.get(cast.B).parent_id;
    other = cast.tree.get(cast.S1).children.find((id) => id !== community);
    worker = await login(srv, await createUser(srv, cast.admin, { username: 'patrol_worker', display_name: '李网格员',
      role: 'org_admin', org_id: community }));
    outsider = await login(srv, await createUser(srv, cast.admin, { username: 'patrol_outsider', display_name: '外社区',
      role: 'org_admin', org_id: other }));
    const grid = async (seq, x) => {
      const r = await worker.post('/api/v1/grids', { org_id: community, code: `350000009001${seq}`, name: `巡查网格${seq}`,
        households: 400, buildings: ['1号楼', '2号楼'], boundary: rect(x, 24.5, x + 0.01, 24.51), valid_from: '2025-01-01' });
      assert.equal(r.status, 201, r.toString());
      return r.json.id;
    };
    gridA = await grid('001', 119.0);
    gridB = await grid('002', 119.02);
    const up = await worker.request('POST', '/api/v1/photos', { body: halvesPng(32, 24), headers: OCTET });
    assert.equal(up.status, 201, up.toString());
    photo = up.json.photo_id;
  });
  after(() => srv && srv.stop());

  test('a patrol with a finding; the finding becomes an event in one step, linked both ways, once', async () => {
    let r = await worker.post('/api/v1/patrols', { grid_id: gridA, day: '2026-11-25', start_time: '08:30', route: '海虹路—海发路' });
    assert.equal(r.status, 201, r.toString());
    const id = r.json.id;
    r = await worker.post(`/api/v1/patrols/${id}/findings`, { text: '海虹路 12 号门口井盖缺失', photo_ids: [photo],
      location: { lng: 119.005, lat: 24.505 }, category_code: 'facility.manhole' });
    assert.equal(r.status, 201, r.toString());
    assert.equal(r.json.seq, 1);
    r = await worker.post(`/api/v1/patrols/${id}/findings`, { text: '楼道堆放杂物' });
    assert.equal(r.json.seq, 2);
    // 上报为事件: one tap, the category proposed with the finding.
    r = await worker.post(`/api/v1/patrols/${id}/findings/1/event`, {});
    assert.equal(r.status, 201, r.toString());
    const eventId = r.json.event_id;
    const ev = (await worker.get(`/api/v1/events/${eventId}`)).json;
    assert.equal(ev.channel, 'patrol');
    assert.equal(ev.grid_id, gridA);
    assert.equal(ev.org_id, community);
    assert.equal(ev.category_code, 'facility.manhole');
    assert.equal(ev.description, '海虹路 12 号门口井盖缺失');
    assert.deepEqual(ev.photo_ids, [photo]);
    assert.deepEqual(ev.location, { lng: 119.005, lat: 24.505 });
    // Both ways: the finding names its event; the event's origin names the patrol and the finding.
    const p = (await worker.get(`/api/v1/patrols/${id}`)).json;
    assert.equal(p.findings[0].event_id, eventId);
    assert.equal(p.findings[0].event_number, ev.number);
    assert.equal(p.findings[1].event_id, null);
    const origin = await worker.get(`/api/v1/events/${eventId}/origin`);
    assert.equal(origin.status, 200, origin.toString());
    assert.deepEqual(origin.json.origin, { kind: 'patrol', record_id: id, seq: 1, day: '2026-11-25' });
    // Never twice; a finding without a category asks for one (the field named).
    r = await worker.post(`/api/v1/patrols/${id}/findings/1/event`, {});
    assert.equal(r.status, 409, r.toString());
    assert.match(r.error.message, new RegExp(ev.number));
    r = await worker.post(`/api/v1/patrols/${id}/findings/2/event`, {});
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['category_code']);
    r = await worker.post(`/api/v1/patrols/${id}/findings/2/event`, { category_code: 'city.garbage' });
    assert.equal(r.status, 201, r.toString());
    r = await worker.post(`/api/v1/patrols/${id}/findings/9/event`, { category_code: 'city.garbage' });
    assert.equal(r.status, 404, r.toString());
    // End the patrol; a stale version is refused.
    r = await put(worker, `/api/v1/patrols/${id}`, { version: p.version, end_time: '10:05', route: '海虹路—海发路—海翔路' });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.end_time, '10:05');
    r = await put(worker, `/api/v1/patrols/${id}`, { version: p.version, end_time: '10:10' });
    assert.equal(r.status, 409, r.toString());
    // An event of another channel has no origin.
    const plain = await worker.post('/api/v1/events', { channel: 'hotline_12345', category_code: 'city.garbage',
      org_id: community, description: '热线：垃圾未清运' });
    assert.equal((await worker.get(`/api/v1/events/${plain.json.id}/origin`)).json.origin, null);
  });

  test('bad input: each field is named (issue 17 "Bad input")', async () => {
    let r = await worker.post('/api/v1/patrols', { grid_id: gridA, day: '2099-01-01', start_time: '8点', end_time: '25:00' });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames().sort(), ['day', 'end_time', 'start_time']);
    assert.match(r.error.fields.find((f) => f.field === 'start_time').message, /开始时间应为“时:分”/);
    r = await worker.post('/api/v1/patrols', { grid_id: 999999, start_time: '08:00' });
    assert.deepEqual(r.fieldNames(), ['grid_id']);
    const id = (await worker.post('/api/v1/patrols', { grid_id: gridB, day: '2026-11-20', start_time: '14:00' })).json.id;
    r = await worker.post(`/api/v1/patrols/${id}/findings`, { text: 'x', photo_ids: ['f'.repeat(64), 'nope'],
      location: { lng: 500, lat: 24.5 } });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames().sort(), ['location.lng', 'photo_ids[0]', 'photo_ids[1]', 'text']);
    r = await worker.post(`/api/v1/patrols/${id}/findings`, { text: '路灯不亮', extra: 1 });
    assert.deepEqual(r.fieldNames(), ['extra']);
  });

  test('the log per grid and per worker; the duty list names grids short of their patrols (a list of grids)', async () => {
    const byGrid = (await worker.get(`/api/v1/patrols?grid_id=${gridA}`)).json.items;
    assert.ok(byGrid.length >= 1 && byGrid.every((p) => p.grid_id === gridA));
    assert.equal(byGrid[0].findings_count, 2);
    const me = (await worker.get('/api/v1/auth/session')).json.user.id;
    const mine = (await worker.get(`/api/v1/patrols?worker_user_id=${me}&from=2026-11-20&to=2026-11-25`)).json.items;
    assert.ok(mine.length >= 2 && mine.every((p) => p.worker_user_id === me));
    // Wednesday 2026-11-25: grid A was patrolled that day (not Monday or Tuesday); grid B not at all that week.
    const duty = await worker.get(`/api/v1/patrols/duty?org_id=${community}&as_of=2026-11-25`);
    assert.equal(duty.status, 200, duty.toString());
    assert.equal(duty.json.week_from, '2026-11-23');
    assert.equal(duty.json.working_day, true);
    const a = duty.json.items.find((g) => g.grid_id === gridA);
    const b = duty.json.items.find((g) => g.grid_id === gridB);
    assert.deepEqual([a.expected, a.today, a.short_today, a.short_days], [1, 1, false, ['2026-11-23', '2026-11-24']]);
    assert.deepEqual([b.today, b.short_today, b.short_days], [0, true, ['2026-11-23', '2026-11-24', '2026-11-25']]);
    assert.ok(duty.json.items.every((g) => !('worker_name' in g)), 'grids, never people');
    // On a Saturday nothing is due.
    const sat = (await worker.get(`/api/v1/patrols/duty?org_id=${community}&as_of=2026-11-28`)).json;
    assert.equal(sat.working_day, false);
    assert.ok(sat.items.every((g) => !g.short_today));
  });

  test('a 大走访 visit with the 六清楚 and a need raised; residents masked in the roster, shown to the recorder', async () => {
    const clears = (await worker.get('/api/v1/visit-clears')).json.items;
    assert.deepEqual(clears.map((c) => c.name_zh), ['低保困难户', '残疾人', '下岗职工', '空巢老人', '社区党员', '流动人口']);
    let r = await worker.post('/api/v1/visits', { grid_id: gridA, day: '2026-11-24', building: '1号楼', door: '2单元301',
      resident_name: '张秀英', resident_phone: '13912345678', clears: { empty_nest: 'yes', disabled: 'no', floating: 'no' },
      needs: [{ text: '独居老人希望每周有人上门助餐', category_code: 'service.elderly' }, { text: '楼道扶手松动' }] });
    assert.equal(r.status, 201, r.toString());
    const id = r.json.id;
    const list = (await worker.get(`/api/v1/visits?grid_id=${gridA}`)).json.items;
    const row = list.find((v) => v.id === id);
    assert.equal(row.resident_name, '张**');
    assert.equal(row.resident_phone, '139****5678');
    assert.equal(row.clears, null, 'the answers are not in the roster');
    assert.deepEqual(row.clears_known, ['disabled', 'empty_nest', 'floating']);
    const full = (await worker.get(`/api/v1/visits/${id}`)).json;
    assert.equal(full.resident_name, '张秀英');
    assert.equal(full.resident_phone, '13912345678');
    assert.equal(full.clears.empty_nest, 'yes');
    assert.equal(full.clears.low_income, 'unknown');
    r = await worker.post(`/api/v1/visits/${id}/needs/1/event`, {});
    assert.equal(r.status, 201, r.toString());
    const ev = (await worker.get(`/api/v1/events/${r.json.event_id}`)).json;
    assert.equal(ev.channel, 'visit');
    assert.equal(ev.grid_id, gridA);
    assert.equal(ev.address, '1号楼 2单元301');
    assert.equal((await worker.get(`/api/v1/events/${ev.id}/origin`)).json.origin.kind, 'visit');
    assert.equal((await worker.get(`/api/v1/visits/${id}`)).json.needs[0].event_id, ev.id);
    // Bad input names each field; an unknown 六清楚 code is refused by name.
    r = await worker.post('/api/v1/visits', { grid_id: gridA, building: '', clears: { pets: 'yes' } });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames().sort(), ['building', 'clears.pets']);
    r = await worker.post('/api/v1/visits', { grid_id: gridA, building: '1号楼', resident_phone: '123',
      clears: { disabled: 'maybe' }, needs: [{ text: 'x' }] });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames().sort(), ['clears.disabled', 'needs[0].text', 'resident_phone']);
  });

  test('a 民情面对面 session with registry members and problems; a problem raised (channel visit)', async () => {
    const members = (await worker.get(`/api/v1/members?org_id=${cast.B}&limit=2`)).json.items;
    let r = await worker.post('/api/v1/visit-sessions', { org_id: community, day: '2026-11-21', place: '社区民情面对面工作室',
      topic: '小区停车', member_ids: members.map((m) => m.id), residents_count: 23, residents_text: '居民代表、物业经理',
      problems: [{ text: '夜间停车占用消防通道', category_code: 'safety.fire' }, { text: '健身器材损坏', category_code: 'facility.fitness' }] });
    assert.equal(r.status, 201, r.toString());
    const id = r.json.id;
    r = await worker.post(`/api/v1/visit-sessions/${id}/problems/2/event`, { urgency: 'normal' });
    assert.equal(r.status, 201, r.toString());
    const ev = (await worker.get(`/api/v1/events/${r.json.event_id}`)).json;
    assert.equal(ev.channel, 'visit');
    assert.equal(ev.category_code, 'facility.fitness');
    const s = (await worker.get(`/api/v1/visit-sessions/${id}`)).json;
    assert.deepEqual(s.members.map((m) => m.member_id), members.map((m) => m.id));
    assert.equal(s.members[0].name, members[0].name);
    assert.deepEqual([s.problems[0].event_id, s.problems[1].event_id], [null, ev.id]);
    assert.equal(s.raised_count, 1);
    assert.deepEqual((await worker.get(`/api/v1/events/${ev.id}/origin`)).json.origin,
      { kind: 'session', record_id: id, seq: 2, day: '2026-11-21' });
    // A member of another community is not an attendee here; the org must be in scope.
    const foreign = (await outsider.get(`/api/v1/members?org_id=${other}&limit=1`)).json.items[0];
    r = await worker.post('/api/v1/visit-sessions', { org_id: community, place: '工作室', member_ids: [foreign.id] });
    assert.deepEqual(r.fieldNames(), ['member_ids[0]']);
    r = await worker.post('/api/v1/visit-sessions', { org_id: other, place: '工作室' });
    assert.deepEqual(r.fieldNames(), ['org_id']);
  });

  test('another community reads none of it: 404 as for an id that does not exist; its grid is a field error', async () => {
    const p = (await worker.get(`/api/v1/patrols?grid_id=${gridA}`)).json.items[0];
    const v = (await worker.get(`/api/v1/visits?grid_id=${gridA}`)).json.items[0];
    const s = (await worker.get(`/api/v1/visit-sessions?org_id=${community}`)).json.items[0];
    for (const path of [`/api/v1/patrols/${p.id}`, `/api/v1/visits/${v.id}`, `/api/v1/visit-sessions/${s.id}`]) {
      const r = await outsider.get(path);
      assert.equal(r.status, 404, r.toString());
      const ghost = await outsider.get(path.replace(/\d+$/, '999999'));
      assert.equal(r.error.message, ghost.error.message);
    }
    for (const path of [`/api/v1/patrols/${p.id}/findings/1/event`, `/api/v1/visits/${v.id}/needs/2/event`,
      `/api/v1/visit-sessions/${s.id}/problems/1/event`]) {
      const r = await outsider.post(path, { category_code: 'city.garbage' });
      assert.equal(r.status, 404, r.toString());
    }
    assert.equal((await outsider.post(`/api/v1/patrols/${p.id}/findings`, { text: '外社区的发现' })).status, 404);
    let r = await outsider.post('/api/v1/patrols', { grid_id: gridA, start_time: '09:00' });
    assert.deepEqual(r.fieldNames(), ['grid_id']);
    r = await outsider.get(`/api/v1/patrols?grid_id=${gridA}`);
    assert.deepEqual(r.json.items, []);
    r = await outsider.get(`/api/v1/patrols/duty?org_id=${community}`);
    assert.equal(r.status, 404, r.toString());
    assert.ok(!(await outsider.get('/api/v1/patrols/duty')).json.items.some((g) => g.grid_id === gridA));
  });
});
