// Duplicate events over HTTP on gen --scale=test, both engines (issue 17 "Duplicates": "a new event near an open one
// of the same category (distance and time window are policy) is offered as 'same problem?' across channels; a merge
// keeps every reporter informed"; domain.md §7 "duplicates link", §7.2 "duplicate demands merged"; docs/api.md
// "Duplicates"): a resident's report and a hotline operator's form of the same problem find each other — the form
// before it is saved —; the owner merges the resident's into the hotline event; the resident's follow link then
// shows the hotline event, whose confirmation and rating the resident gives; the rates count the problem once; the
// refusals name the field; 分派 names a grid worker of the event's grid, who sees it under "mine", and nobody else.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { Client, createUser, login } from './lib/client.mjs';

const rect = (x0, y0, x1, y1) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const P = { lng: 118.305, lat: 24.805 };        // inside the grid below
const NEAR = { lng: 118.305, lat: 24.8053 };    // about 33 m north
const FAR = { lng: 118.3065, lat: 24.805 };     // about 150 m east

describe('duplicates: same problem? across channels, merge, the resident follows the primary (gen --scale=test)', () => {
  let srv, cast, community, committee, gridId, worker, workerId;
  before(async () => {
    srv = await startServer({ dataset: 'test', env: { LIANXIN_OTP_SENDER: 'sink' } });
    cast = await setupCast(srv);
    community = cast.tree.get(cast.B).parent_id;
    committee = await login(srv, await createUser(srv, cast.admin, { username: 'dupes_community_admin',
      display_name: '社区管理员', role: 'org_admin', org_id: community }));
    const g = await committee.post('/api/v1/grids', { org_id: community, code: '350000001038001', name: '重复事件网格',
      households: 400, residents: 1000, boundary: rect(118.3, 24.8, 118.31, 24.81), valid_from: '2025-01-01' });
    assert.equal(g.status, 201, g.toString());
    gridId = g.json.id;
    const account = await createUser(srv, cast.admin, { username: 'dupes_grid_worker', display_name: '网格员小陈',
      role: 'grid_worker', org_id: community, grid_ids: [gridId] });
    workerId = account.id;
    worker = await login(srv, account);
  });
  after(() => srv && srv.stop());

  const resident = async (phone, ip) => {
    const c = new Client(srv.url, { localAddress: `127.0.0.${ip}` });
    assert.equal((await c.post('/api/v1/public/codes', { phone })).status, 202);
    const sent = await c.get(`/api/v1/dev/sent-codes?phone=${phone}`);
    const code = /(\d{6})/.exec(sent.json.items.at(-1).text)[1];
    const r = await c.post('/api/v1/public/codes/verify', { phone, code });
    assert.equal(r.status, 201, r.toString());
    c.bearer = r.json.token;
    return c;
  };
  const board = async () => {
    const r = await committee.get(`/api/v1/event-rates?org_id=${community}&group_by=community`);
    assert.equal(r.status, 200, r.toString());
    return r.json.total;
  };

  test('a resident and a hotline report of one problem: offered, merged, and the resident confirms the primary', async () => {
    const before = await board();
    const me = await resident('13912380001', 61);
    const rep = await me.post('/api/v1/public/events', { category_code: 'facility.road', description: '小区东门路面塌陷一个坑',
      reporter_name: '陈阿姨', location: P });
    assert.equal(rep.status, 201, rep.toString());
    const residentId = rep.json.id;
    // the operator's form, before saving: already reported?
    const q = `category_code=facility.road&org_id=${community}&lng=${NEAR.lng}&lat=${NEAR.lat}`;
    let probe = await committee.get(`/api/v1/event-duplicates?${q}`);
    assert.equal(probe.status, 200, probe.toString());
    assert.equal(probe.json.distance_metres, 100, 'the national default of event.duplicate_distance_metres');
    assert.equal(probe.json.window_days, 7);
    const hit = probe.json.items.find((i) => i.id === residentId);
    assert.ok(hit, 'the resident’s report is offered to the hotline form');
    assert.equal(hit.channel, 'resident');
    assert.ok(hit.distance_metres >= 30 && hit.distance_metres <= 37, `distance ${hit.distance_metres}`);
    probe = await committee.get(`/api/v1/event-duplicates?category_code=facility.road&org_id=${community}&lng=${FAR.lng}&lat=${FAR.lat}`);
    assert.ok(!probe.json.items.some((i) => i.id === residentId), '150 m away is beyond the distance');
    probe = await committee.get(`/api/v1/event-duplicates?category_code=facility.street_light&org_id=${community}&lng=${NEAR.lng}&lat=${NEAR.lat}`);
    assert.ok(!probe.json.items.some((i) => i.id === residentId), 'another category is another problem');
    // saved anyway as the hotline's work order: each offers the other
    const h = await committee.post('/api/v1/events', { channel: 'hotline_12345', external_ref: 'GD2026038001',
      category_code: 'facility.road', org_id: community, location: NEAR, description: '东门路面塌陷，车辆难行',
      reporter_name: '李先生', reporter_phone: '13800138038' });
    assert.equal(h.status, 201, h.toString());
    const hotlineId = h.json.id;
    const dups = await committee.get(`/api/v1/events/${residentId}/duplicates`);
    assert.equal(dups.status, 200, dups.toString());
    assert.deepEqual(dups.json.items.map((i) => i.id), [hotlineId]);
    assert.equal(dups.json.can_merge, true);
    // the refusals name the field
    let ev = (await committee.get(`/api/v1/events/${residentId}`)).json;
    let m = await committee.post(`/api/v1/events/${residentId}/merge`, { version: ev.version, primary_id: residentId, reason: '同一问题' });
    assert.equal(m.status, 400, m.toString());
    assert.deepEqual(m.fieldNames(), ['primary_id']);
    assert.match(m.error.fields[0].message, /自己/);
    const light = await committee.post('/api/v1/events', { channel: 'hotline_12345', category_code: 'facility.street_light',
      org_id: community, location: P, description: '东门路灯不亮' });
    m = await committee.post(`/api/v1/events/${residentId}/merge`, { version: ev.version, primary_id: light.json.id, reason: '同一问题' });
    assert.equal(m.status, 400, m.toString());
    assert.match(m.error.fields[0].message, /主事件.*同一分类/);
    // merged: a flow row on both, the resident's reporters listed on the primary
    m = await committee.post(`/api/v1/events/${residentId}/merge`, { version: ev.version, primary_id: hotlineId,
      reason: '与12345工单为同一处路面塌陷' });
    assert.equal(m.status, 200, m.toString());
    assert.equal(m.json.state, 'dismissed');
    assert.equal(m.json.mark_kind, 'duplicate');
    assert.equal(m.json.merged_into.id, hotlineId);
    assert.equal(m.json.flow.at(-1).action, 'merge');
    assert.equal(m.json.flow.at(-1).reason, '与12345工单为同一处路面塌陷');
    const hot = (await committee.get(`/api/v1/events/${hotlineId}`)).json;
    assert.deepEqual(hot.merged.map((x) => x.id), [residentId]);
    assert.equal(hot.merged[0].reporter_name, '陈阿姨');
    assert.equal(hot.flow.at(-1).action, 'merged_in');
    m = await committee.post(`/api/v1/events/${light.json.id}/merge`, { version: 1, primary_id: residentId, reason: '同一问题' });
    assert.equal(m.status, 400, m.toString());
    assert.match(m.error.fields[0].message, /已合并/);
    // the resident's link follows the primary
    const link = new Client(srv.url);
    let f = await link.get(`/api/v1/public/follow/${rep.json.follow_token}`);
    assert.equal(f.status, 200, f.toString());
    assert.equal(f.json.id, hotlineId);
    assert.equal(f.json.merged_number, rep.json.number);
    assert.equal(f.json.can_confirm, false);
    assert.ok(!JSON.stringify(f.json).includes('李先生'), 'not the other reporter');
    const mine = await me.get('/api/v1/public/events');
    assert.equal(mine.json.items.find((e) => e.id === residentId).merged, true);
    // the primary handled to its feedback step; the resident confirms it as its reporter
    ev = hot;
    const step = async (client, action, extra = {}) => {
      const r = await client.post(`/api/v1/events/${hotlineId}/actions`, { version: ev.version, action, ...extra });
      assert.equal(r.status, 200, `${action}: ${r.toString()}`);
      ev = r.json;
    };
    const branch = cast.actors.secretary.client;
    await step(committee, 'dispatch', { assignee_org_id: cast.B });
    await step(branch, 'start');
    await step(branch, 'handle', { note: '已回填路面' });
    await step(committee, 'verify');
    await step(committee, 'feedback', { note: '路面已修复，已告知两位反映人' });
    f = await link.get(`/api/v1/public/follow/${rep.json.follow_token}`);
    assert.equal(f.json.can_confirm, true);
    assert.equal(f.json.result, '路面已修复，已告知两位反映人');
    const stranger = await resident('13912380002', 62);
    let c = await stranger.post(`/api/v1/public/events/${hotlineId}/confirm`, { outcome: 'resolved', score: 5 });
    assert.equal(c.status, 404, c.toString());
    c = await me.post(`/api/v1/public/events/${hotlineId}/confirm`, { outcome: 'resolved', score: 5 });
    assert.equal(c.status, 200, c.toString());
    assert.equal(c.json.state, 'rated');
    // the rates: two reports, one problem, one solved
    const after = await board();
    assert.equal(after.merged - before.merged, 1);
    assert.equal(after.events - before.events, 2, 'the hotline event and the street light; the merged one is not an event');
    assert.equal(after.resolution.num - before.resolution.num, 1);
    assert.equal(after.resolution.den - before.resolution.den, 1);
    const rates = await committee.get(`/api/v1/event-rates?org_id=${community}&group_by=community`);
    assert.ok(rates.json.dismissed.some((d) => d.id === residentId && d.mark_kind === 'duplicate'), 'listed, never silent');
  });

  test('分派 names a grid worker of the event’s grid, who sees it under mine; a person outside is refused', async () => {
    const e = await committee.post('/api/v1/events', { channel: 'hotline_12345', category_code: 'city.garbage',
      org_id: community, grid_id: gridId, location: P, description: '网格内垃圾堆放' });
    assert.equal(e.status, 201, e.toString());
    const id = e.json.id;
    const people = await committee.get(`/api/v1/events/${id}/assignees?org_id=${community}`);
    assert.equal(people.status, 200, people.toString());
    assert.ok(people.json.items.some((u) => u.id === workerId && u.roles.includes('grid_worker')));
    const outsider = cast.actors.secretary.account.id;  // a branch secretary, not of the community itself
    assert.ok(!people.json.items.some((u) => u.id === outsider));
    let r = await committee.post(`/api/v1/events/${id}/actions`, { version: 1, action: 'dispatch', assignee_org_id: community,
      assignee_user_id: outsider });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['assignee_user_id']);
    assert.match(r.error.fields[0].message, /承办人/);
    r = await committee.post(`/api/v1/events/${id}/actions`, { version: 1, action: 'dispatch', assignee_org_id: community,
      assignee_user_id: workerId });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.assignee_user_id, workerId);
    assert.equal(r.json.assignee_name, '网格员小陈');
    const mine = await worker.get('/api/v1/events?queue=mine');
    assert.equal(mine.status, 200, mine.toString());
    assert.ok(mine.json.items.some((x) => x.id === id), 'in the grid worker’s own queue');
    const start = await worker.post(`/api/v1/events/${id}/actions`, { version: r.json.version, action: 'start' });
    assert.equal(start.status, 200, start.toString());
  });

  test('a grid worker reports in one step in its own grid, and is offered the open event nearby', async () => {
    const q = `category_code=city.garbage&org_id=${community}&lng=${NEAR.lng}&lat=${NEAR.lat}`;
    // the probe takes event_write on the place: a grid worker holds it only over its grids, named by grid_id
    let probe = await worker.get(`/api/v1/event-duplicates?${q}`);
    assert.equal(probe.status, 400, probe.toString());
    assert.deepEqual(probe.fieldNames(), ['org_id']);
    probe = await worker.get(`/api/v1/event-duplicates?${q}&grid_id=${gridId}`);
    assert.equal(probe.status, 200, probe.toString());
    assert.ok(probe.json.items.length >= 1, 'already reported? before saving');
    const r = await worker.post('/api/v1/events', { channel: 'patrol', category_code: 'city.garbage', org_id: community,
      grid_id: gridId, location: NEAR, description: '巡查发现垃圾堆放' });
    assert.equal(r.status, 201, r.toString());
    const d = await worker.get(`/api/v1/events/${r.json.id}/duplicates`);
    assert.equal(d.status, 200, d.toString());
    assert.ok(d.json.items.length >= 1, 'the event dispatched to this worker is near');
    const other = await worker.post('/api/v1/events', { channel: 'patrol', category_code: 'city.garbage', org_id: community,
      description: '没有网格' });
    assert.equal(other.status, 400, other.toString());
    assert.deepEqual(other.fieldNames(), ['org_id']);
  });
});
