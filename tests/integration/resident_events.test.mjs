// A resident's own events over HTTP on gen --scale=test, both engines (issue 17 "Events and their intake" first
// bullet, "The closed loop" — the resident confirms and rates, "not resolved" reopens to the same handler —, "Bad
// input" — a report flood from one number —, "Pages"; domain.md §7; docs/api.md "Residents' events"): a resident
// verified by a code reports at a point, which finds its grid and community; the follow link works without the code
// and shows no staff names; another resident's event is 404; a wrong state is refused naming it; every field error
// names its field; the sixth report of a day is 429; `lianxin events purge` blanks residents' data past retention.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { Client, createUser, login } from './lib/client.mjs';
import { halvesPng } from './lib/images.mjs';

const rect = (x0, y0, x1, y1) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const OCTET = { 'Content-Type': 'application/octet-stream' };

describe('residents’ events: report, mine, follow, confirm (gen --scale=test)', () => {
  let srv, cast, community, committee, rated, ip = 10;
  before(async () => {
    srv = await startServer({ dataset: 'test', env: { LIANXIN_OTP_SENDER: 'sink' } });
    cast = await setupCast(srv);
    community = cast.tree.get(cast.B).parent_id;
    committee = await login(srv, await createUser(srv, cast.admin, { username: 'resident_grid_admin',
      display_name: '社区管理员', role: 'org_admin', org_id: community }));
    const g = await committee.post('/api/v1/grids', { org_id: community, code: '350000001001001', name: '第一网格',
      households: 400, residents: 1000, boundary: rect(118.0, 24.5, 118.01, 24.51), valid_from: '2025-01-01' });
    assert.equal(g.status, 201, g.toString());
  });
  after(() => srv && srv.stop());

  /** A resident client verified for `phone` (a fresh source address, so that the per-address code limit stays out). */
  const resident = async (phone) => {
    const c = new Client(srv.url, { localAddress: `127.0.0.${ip++}` });
    assert.equal((await c.post('/api/v1/public/codes', { phone })).status, 202);
    const sent = await c.get(`/api/v1/dev/sent-codes?phone=${phone}`);
    const code = /(\d{6})/.exec(sent.json.items.at(-1).text)[1];
    const r = await c.post('/api/v1/public/codes/verify', { phone, code });
    assert.equal(r.status, 201, r.toString());
    c.bearer = r.json.token;
    return c;
  };
  const atPoint = (over = {}) => ({ category_code: 'facility.street_light', description: '3 号楼门口路灯不亮三天了',
    reporter_name: '王阿姨', location: { lng: 118.005, lat: 24.505 }, ...over });

  test('a report at a point finds its grid and community; mine lists it; the follow link needs no code', async () => {
    const me = await resident('13912340001');
    const cats = await me.get('/api/v1/public/event-categories');
    assert.equal(cats.status, 200, cats.toString());
    assert.ok(cats.json.items.some((c) => c.code === 'facility.street_light'));
    const places = await me.get('/api/v1/public/places');
    assert.equal(places.status, 200, places.toString());
    assert.ok(places.json.communities.some((c) => c.org_id === community));
    assert.equal(places.json.grids.features[0].properties.name, '第一网格');
    assert.ok(!JSON.stringify(places.json).includes('phone'), 'no team or phone on the public map');
    const photo = await me.request('POST', '/api/v1/photos', { body: halvesPng(20, 20), headers: OCTET });
    assert.equal(photo.status, 201, photo.toString());
    const r = await me.post('/api/v1/public/events', atPoint({ photo_ids: [photo.json.photo_id] }));
    assert.equal(r.status, 201, r.toString());
    assert.equal(r.json.grid_name, '第一网格');
    assert.match(r.json.follow_token, /^[A-Za-z0-9_-]{32}$/);
    const mine = await me.get('/api/v1/public/events');
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.json.items.map((e) => e.id), [r.json.id]);
    assert.equal(mine.json.items[0].follow_token, r.json.follow_token);
    const other = await resident('13912340002');
    assert.deepEqual((await other.get('/api/v1/public/events')).json.items, []);
    // Staff see a resident-channel event accepted by the community, with the phone.
    const staff = (await committee.get(`/api/v1/events/${r.json.id}`)).json;
    assert.equal(staff.channel, 'resident');
    assert.equal(staff.owner_org_id, community);
    assert.equal(staff.reporter_phone, '13912340001');
    assert.equal(staff.photo_ids[0], photo.json.photo_id);
    const f = await new Client(srv.url).get(`/api/v1/public/follow/${r.json.follow_token}`);
    assert.equal(f.status, 200, f.toString());
    assert.equal(f.json.state, 'accepted');
    assert.equal(f.json.can_confirm, false);
    assert.deepEqual(f.json.steps.map((s) => s.action), ['accept']);
    assert.ok(!('reporter_phone' in f.json) && !('reporter_name' in f.json));
    assert.equal((await new Client(srv.url).get('/api/v1/public/follow/not-a-real-token')).status, 404);
  });

  test('each bad field is named; the place needs a point or a community and an address', async () => {
    const me = await resident('13912340003');
    let r = await me.post('/api/v1/public/events', { category_code: 'facility', description: 'x' });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['org_id', 'category_code', 'description']);
    r = await me.post('/api/v1/public/events', atPoint({ location: { lng: 100, lat: 30 } }));
    assert.deepEqual(r.fieldNames(), ['location']);
    assert.match(r.error.fields[0].message, /不在任何网格内/);
    r = await me.post('/api/v1/public/events', atPoint({ location: undefined, org_id: community }));
    assert.deepEqual(r.fieldNames(), ['address']);
    r = await me.post('/api/v1/public/events', atPoint({ location: undefined, org_id: cast.B, address: '海发路 1 号' }));
    assert.deepEqual(r.fieldNames(), ['org_id']);
    r = await me.post('/api/v1/public/events', atPoint({ photo_ids: ['a'.repeat(64)] }));
    assert.deepEqual(r.fieldNames(), ['photo_ids[0]']);
    r = await me.post('/api/v1/public/events', atPoint({ photo_ids: Array(7).fill('b'.repeat(64)) }));
    assert.deepEqual(r.fieldNames(), ['photo_ids']);
    r = await me.post('/api/v1/public/events', atPoint({ extra: 1 }));
    assert.deepEqual(r.fieldNames(), ['extra']);
    r = await new Client(srv.url, { lang: 'en' }).post('/api/v1/public/events', atPoint());
    assert.equal(r.status, 401, 'no token, no report');
    assert.deepEqual((await me.get('/api/v1/public/events')).json.items, [], 'nothing half-written');
    r = await me.post('/api/v1/public/events', atPoint({ location: undefined, org_id: community, address: '海发路 1 号' }));
    assert.equal(r.status, 201, r.toString());
  });

  // Issue 17 "Bad input": a report flood from one number (event.resident_reports_per_day, 5).
  test('the sixth report of a day from one number is refused with 429 naming the phone and the figure', async () => {
    const me = await resident('13912340004');
    for (let i = 0; i < 5; i++) assert.equal((await me.post('/api/v1/public/events', atPoint())).status, 201);
    const r = await me.post('/api/v1/public/events', atPoint());
    assert.equal(r.status, 429, r.toString());
    assert.deepEqual(r.fieldNames(), ['phone']);
    assert.match(r.error.fields[0].message, /今天已上报 5 件/);
    assert.equal((await me.get('/api/v1/public/events')).json.items.length, 5);
  });

  test('confirm: the wrong state is named, another resident gets 404, not resolved reopens, resolved rates', async () => {
    const me = await resident('13912340005');
    const r = await me.post('/api/v1/public/events', atPoint());
    const id = r.json.id;
    let c = await me.post(`/api/v1/public/events/${id}/confirm`, { outcome: 'resolved', score: 5 });
    assert.equal(c.status, 422, c.toString());
    assert.match(c.error.message, /已受理/);
    const branch = cast.actors.secretary.client;
    let ev = (await committee.get(`/api/v1/events/${id}`)).json;
    const step = async (client, action, extra = {}) => {
      const res = await client.post(`/api/v1/events/${id}/actions`, { version: ev.version, action, ...extra });
      assert.equal(res.status, 200, `${action}: ${res.toString()}`);
      ev = res.json;
    };
    const toFeedback = async (first) => {
      if (first) {
        await step(committee, 'dispatch', { assignee_org_id: cast.B, assignee_name: '网格员小李' });
        await step(branch, 'start');
      }
      await step(branch, 'handle', { note: '已更换灯泡，恢复照明' });
      await step(committee, 'verify');
      await step(committee, 'feedback', { note: '路灯已修好，谢谢您的反映' });
    };
    await toFeedback(true);
    const other = await resident('13912340006');
    c = await other.post(`/api/v1/public/events/${id}/confirm`, { outcome: 'resolved', score: 5 });
    assert.equal(c.status, 404, c.toString());
    c = await me.post(`/api/v1/public/events/${id}/confirm`, { outcome: 'maybe', score: 9 });
    assert.equal(c.status, 400, c.toString());
    assert.deepEqual(c.fieldNames(), ['outcome', 'score']);
    const f = await new Client(srv.url).get(`/api/v1/public/follow/${r.json.follow_token}`);
    assert.equal(f.json.can_confirm, true);
    assert.equal(f.json.result, '路灯已修好，谢谢您的反映');
    assert.ok(!JSON.stringify(f.json).includes('网格员小李'), 'no staff names');
    c = await me.post(`/api/v1/public/events/${id}/confirm`, { outcome: 'not_resolved', score: 2, comment: '晚上还是不亮' });
    assert.equal(c.status, 200, c.toString());
    assert.equal(c.json.state, 'in_progress');
    ev = (await committee.get(`/api/v1/events/${id}`)).json;
    assert.equal(ev.assignee_org_id, cast.B, 'the same handler');
    await toFeedback(false);
    c = await me.post(`/api/v1/public/events/${id}/confirm`, { outcome: 'resolved', score: 5 });
    assert.equal(c.status, 200, c.toString());
    assert.equal(c.json.state, 'rated');
    assert.equal(c.json.score, 5);
    assert.deepEqual(c.json.steps.slice(-2).map((s) => s.action), ['feedback', 'rate']);
    rated = { id, token: r.json.follow_token, me };
  });

  // Residents' data is kept for the event only (event.resident_data_retention_days, 180 after closure).
  test('`lianxin events purge` blanks name, phone and follow link past retention; the event and its figures stay', async () => {
    let out = srv.cli('events', 'purge');
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /已清除 0 个事件/, 'closed today: kept');
    const sql = srv.sql(`UPDATE events SET closed_at = closed_at - ${181 * 86400000} WHERE id = ${rated.id}`);
    assert.equal(sql.status, 0, sql.stderr);
    out = srv.cli('events', 'purge');
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /已清除 1 个事件/);
    assert.equal((await new Client(srv.url).get(`/api/v1/public/follow/${rated.token}`)).status, 404);
    assert.ok(!(await rated.me.get('/api/v1/public/events')).json.items.some((e) => e.id === rated.id));
    const ev = (await committee.get(`/api/v1/events/${rated.id}`)).json;
    assert.equal(ev.reporter_name, '');
    assert.equal(ev.reporter_phone, '');
    assert.equal(ev.state, 'rated');
    assert.equal(ev.score, 5);
    assert.equal(ev.outcome, 'resolved');
    assert.equal(ev.description, '3 号楼门口路灯不亮三天了');
  });
});
