// Narrowed roles over HTTP on gen --scale=test (issue 17 "Roles and access"; domain.md §7.1 grid worker / grid head,
// §7.3 街乡吹哨、部门报到; security.md A1 404 out of scope, D2 masking): a grid worker sees only its grids' events
// (404 on another grid's), takes the handler's steps on an event of its grid dispatched to its community, and reads
// its grids but never writes them; a department liaison sees only what was whistled to its department, reports
// (报到) and sees the reporter's phone masked; a unit liaison only its unit's whistles; a branch secretary reads the
// grids of its community. Grants of these roles name their grids / unit, and the granting admin must cover them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

const rect = (x, y) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] });

describe('roles: grid workers and liaisons see only their part (gen --scale=test)', () => {
  let srv, cast, C1, C2, D2street, street, gA, gB, gOther, worker, dept, unitL, big, unitId, otherUnitId;
  const events = {};
  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    street = cast.actors.street_admin.client;
    C1 = cast.C1;
    C2 = cast.tree.get(cast.S1).children.find((id) => id !== C1);
    const D2 = cast.tree.root.children[1];
    D2street = cast.tree.get(D2).children[0];  // the "functional department" whistled to (an org of the tree)
    const grid = async (org, seq, x) => {
      const r = await cast.city.post('/api/v1/grids', { org_id: org, code: `${String(350000001000 + org).padStart(12, '0')}${seq}`,
        name: `网格${org}-${seq}`, households: 400, residents: 1000, boundary: rect(x, 24.5), valid_from: '2025-01-01' });
      assert.equal(r.status, 201, r.toString());
      return r.json.id;
    };
    gA = await grid(C1, '001', 118.0);
    gB = await grid(C1, '002', 118.01);
    gOther = await grid(C2, '001', 118.02);
    // an overlay of the street with two member units
    let r = await street.post('/api/v1/overlays', { host_org_id: cast.S1, kind: 'big_working_committee', name: '街道大工委',
      founded_on: '2020-01-01' });
    assert.equal(r.status, 201, r.toString());
    big = r.json.id;
    const unit = async (name) => {
      const u = await street.post(`/api/v1/overlays/${big}/units`, { name, unit_type: 'soe', joined_on: '2020-03-01' });
      assert.equal(u.status, 201, u.toString());
      return u.json.id;
    };
    unitId = await unit('供电公司');
    otherUnitId = await unit('自来水公司');
    worker = await login(srv, await createUser(srv, cast.admin, { username: 'grid_worker_a', display_name: '网格员甲',
      role: 'grid_worker', org_id: C1, grid_ids: [gA] }));
    dept = await login(srv, await createUser(srv, cast.admin, { username: 'dept_liaison', display_name: '部门联络员',
      role: 'dept_liaison', org_id: D2street }));
    unitL = await login(srv, await createUser(srv, cast.admin, { username: 'unit_liaison', display_name: '单位联络员',
      role: 'unit_liaison', org_id: cast.S1, overlay_unit_id: unitId }));
    const make = async (name, org, gridId) => {
      const e = await street.post('/api/v1/events', { channel: 'hotline_12345', category_code: 'facility.street_light', org_id: org,
        ...(gridId ? { grid_id: gridId } : {}), description: `${name}：路灯不亮`, reporter_name: '张先生',
        reporter_phone: '13900001111', handle_by: '2099-01-12 18:00' });
      assert.equal(e.status, 201, e.toString());
      events[name] = e.json.id;
    };
    await make('inA', C1, gA);
    await make('inB', C1, gB);
    await make('noGrid', C1, null);
    await make('inOther', C2, gOther);
  });
  after(() => srv && srv.stop());

  test('a grant of these roles names grids of its community, or one member unit of a hosted overlay', async () => {
    const bad = async (body, field) => {
      const r = await cast.admin.post('/api/v1/users', { username: `bad_${field}_${Math.random().toString(36).slice(2, 8)}`,
        display_name: '错误授权', ...body });
      assert.equal(r.status, 400, r.toString());
      assert.deepEqual(r.fieldNames(), [field]);
    };
    await bad({ role: 'grid_worker', org_id: C1 }, 'grid_ids');                       // no grid
    await bad({ role: 'grid_worker', org_id: C1, grid_ids: [gOther] }, 'grid_ids');   // another community's grid
    await bad({ role: 'grid_worker', org_id: cast.B, grid_ids: [gA] }, 'org_id');     // a branch has no grids
    await bad({ role: 'org_admin', org_id: C1, grid_ids: [gA] }, 'grid_ids');         // only grid roles name grids
    await bad({ role: 'unit_liaison', org_id: cast.S1 }, 'overlay_unit_id');
    await bad({ role: 'unit_liaison', org_id: C1, overlay_unit_id: unitId }, 'overlay_unit_id');  // not the host
    // the session and the user view carry the narrowing
    const who = (await worker.get('/api/v1/auth/session')).json;
    assert.deepEqual(who.grants[0].grid_ids, [gA]);
    assert.deepEqual(who.permissions, ['org_read', 'event_read', 'event_write']);
    const u = (await unitL.get('/api/v1/auth/session')).json;
    assert.equal(u.grants[0].overlay_unit_id, unitId);
    assert.equal(u.grants[0].overlay_unit_name, '供电公司');
    // rule 3: an act on the grid worker needs the actor's scope to cover its community (404 from a sibling street's admin)
    const other = await login(srv, await createUser(srv, cast.admin, { username: 'sibling_sys', display_name: '邻街系统管理员',
      role: 'sys_admin', org_id: cast.tree.get(cast.D1).children[1] }));
    const r = await other.get(`/api/v1/users/${who.user.id}`);
    assert.equal(r.status, 404, r.toString());
    assert.equal((await cast.actors.street_sys.client.get(`/api/v1/users/${who.user.id}`)).status, 200);
    // an event may not name a grid of another community
    const e = await street.post('/api/v1/events', { channel: 'hotline_12345', category_code: 'facility.street_light', org_id: C1,
      grid_id: gOther, description: '错网格' });
    assert.equal(e.status, 400, e.toString());
    assert.deepEqual(e.fieldNames(), ['grid_id']);
  });

  test('a grid worker sees only its grids\' events, 404 on another grid\'s, and handles what its community was given', async () => {
    const ids = (await worker.get('/api/v1/events')).json.items.map((e) => e.id);
    assert.deepEqual(ids, [events.inA]);
    assert.deepEqual((await worker.get('/api/v1/events?queue=grid')).json.items.map((e) => e.id), [events.inA]);
    for (const name of ['inB', 'noGrid', 'inOther']) {
      const r = await worker.get(`/api/v1/events/${events[name]}`);
      assert.equal(r.status, 404, `${name}: ${r}`);
    }
    let ev = (await worker.get(`/api/v1/events/${events.inA}`)).json;
    assert.deepEqual(ev.actions, []);  // accepted by the street: nothing for the grid yet
    assert.equal(ev.reporter_phone, '139****1111');
    // the street dispatches it to the community: the grid worker takes the handler's steps
    let r = await street.post(`/api/v1/events/${events.inA}/actions`, { version: ev.version, action: 'dispatch',
      assignee_org_id: C1, deadline: '2099-01-10 18:00' });
    assert.equal(r.status, 200, r.toString());
    ev = (await worker.get(`/api/v1/events/${events.inA}`)).json;
    assert.ok(ev.actions.includes('start'), JSON.stringify(ev.actions));
    assert.equal(ev.reporter_phone, '13900001111', 'the handler calls back');
    r = await worker.post(`/api/v1/events/${events.inA}/actions`, { version: ev.version, action: 'start' });
    assert.equal(r.status, 200, r.toString());
    r = await worker.post(`/api/v1/events/${events.inB}/actions`, { version: 1, action: 'start' });
    assert.equal(r.status, 404, r.toString());
    // it registers nothing outside its grids' scope, and manages no members
    assert.equal((await worker.get(`/api/v1/members?org_id=${C1}`)).status, 403);
  });

  test('a grid worker reads its grids, not the others, and never writes the registry', async () => {
    const list = (await worker.get('/api/v1/grids')).json.items.map((g) => g.id);
    assert.deepEqual(list, [gA]);
    assert.equal((await worker.get(`/api/v1/grids/${gA}`)).status, 200);
    assert.equal((await worker.get(`/api/v1/grids/${gB}`)).status, 404);
    const r = await worker.request('PUT', `/api/v1/grids/${gA}`, { json: { version: 1, name: '改名' } });
    assert.equal(r.status, 403, r.toString());
  });

  test('a branch secretary reads the grids of its community, read only', async () => {
    const sec = cast.actors.secretary.client;  // branch B of C1
    const list = (await sec.get('/api/v1/grids')).json.items.map((g) => g.id).sort((a, b) => a - b);
    assert.deepEqual(list, [gA, gB].sort((a, b) => a - b));
    assert.equal((await sec.get(`/api/v1/grids/${gA}`)).status, 200);
    assert.equal((await sec.get(`/api/v1/grids/${gOther}`)).status, 404);
    const r = await sec.request('PUT', `/api/v1/grids/${gA}`, { json: { version: 1, name: '改名' } });
    assert.equal(r.status, 403, r.toString());
  });

  test('a department liaison sees only what was whistled to it, reports, and reads the phone masked', async () => {
    assert.deepEqual((await dept.get('/api/v1/events')).json.items, []);
    assert.equal((await dept.get(`/api/v1/events/${events.inB}`)).status, 404);
    // the street dispatches inB to C1; the community whistles to the department
    let ev = (await street.get(`/api/v1/events/${events.inB}`)).json;
    let r = await street.post(`/api/v1/events/${events.inB}/actions`, { version: ev.version, action: 'dispatch',
      assignee_org_id: C1, deadline: '2099-01-10 18:00' });
    assert.equal(r.status, 200, r.toString());
    r = await street.post(`/api/v1/events/${events.inB}/actions`, { version: r.json.version, action: 'whistle',
      target_kind: 'org', target_org_id: D2street, reason: '需部门执法' });
    assert.equal(r.status, 200, r.toString());
    const whistleId = r.json.whistles[0].id;
    const queue = (await dept.get('/api/v1/events?queue=whistled&whistle_state=open')).json.items;
    assert.deepEqual(queue.map((e) => e.id), [events.inB]);
    assert.equal(queue[0].whistles.length, 1);
    assert.deepEqual((await dept.get('/api/v1/events')).json.items.map((e) => e.id), [events.inB]);
    ev = (await dept.get(`/api/v1/events/${events.inB}`)).json;
    assert.equal(ev.reporter_phone, '139****1111', 'a liaison reads the phone masked');
    assert.deepEqual(ev.actions, ['report']);
    for (const name of ['inA', 'noGrid', 'inOther'])
      assert.equal((await dept.get(`/api/v1/events/${events[name]}`)).status, 404, name);
    r = await dept.post(`/api/v1/events/${events.inB}/actions`, { version: ev.version, action: 'start' });
    assert.equal(r.status, 403, r.toString());
    r = await dept.post(`/api/v1/events/${events.inB}/actions`, { version: ev.version, action: 'report', whistle_id: whistleId,
      note: '执法队员已到现场' });
    assert.equal(r.status, 200, r.toString());
    assert.ok(r.json.whistles[0].reported_at);
    assert.deepEqual((await dept.get('/api/v1/events?queue=whistled&whistle_state=open')).json.items, []);
    assert.deepEqual((await dept.get('/api/v1/events?queue=whistled&whistle_state=reported')).json.items.map((e) => e.id),
      [events.inB]);
    // the unit liaison saw none of it
    assert.equal((await unitL.get(`/api/v1/events/${events.inB}`)).status, 404);
  });

  test('a unit liaison sees only its own unit\'s whistles', async () => {
    // the street whistles noGrid to the other unit, then to the liaison's unit
    let ev = (await street.get(`/api/v1/events/${events.noGrid}`)).json;
    let r = await street.post(`/api/v1/events/${events.noGrid}/actions`, { version: ev.version, action: 'dispatch',
      assignee_org_id: C1, deadline: '2099-01-10 18:00' });
    assert.equal(r.status, 200, r.toString());
    r = await street.post(`/api/v1/events/${events.noGrid}/actions`, { version: r.json.version, action: 'whistle',
      target_kind: 'overlay_unit', overlay_id: big, overlay_unit_id: otherUnitId, reason: '需供水协同' });
    assert.equal(r.status, 200, r.toString());
    assert.equal((await unitL.get(`/api/v1/events/${events.noGrid}`)).status, 404, 'another unit\'s whistle');
    assert.deepEqual((await unitL.get('/api/v1/events')).json.items, []);
    r = await street.post(`/api/v1/events/${events.noGrid}/actions`, { version: r.json.version, action: 'whistle',
      target_kind: 'overlay_unit', overlay_id: big, overlay_unit_id: unitId, reason: '需供电协同' });
    assert.equal(r.status, 200, r.toString());
    const mine = r.json.whistles.find((w) => w.overlay_unit_id === unitId);
    const queue = (await unitL.get('/api/v1/events?queue=whistled')).json.items;
    assert.deepEqual(queue.map((e) => e.id), [events.noGrid]);
    assert.deepEqual(queue[0].whistles.map((w) => w.id), [mine.id], 'only its own unit\'s whistle');
    ev = (await unitL.get(`/api/v1/events/${events.noGrid}`)).json;
    // the other unit's whistle may not be reported by this liaison
    const theirs = ev.whistles.find((w) => w.overlay_unit_id === otherUnitId);
    r = await unitL.post(`/api/v1/events/${events.noGrid}/actions`, { version: ev.version, action: 'report', whistle_id: theirs.id });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['whistle_id']);
    r = await unitL.post(`/api/v1/events/${events.noGrid}/actions`, { version: ev.version, action: 'report', whistle_id: mine.id,
      note: '抢修人员已到' });
    assert.equal(r.status, 200, r.toString());
    // the flow row names the unit's liaison acting for the host org of its grant
    const last = r.json.flow[r.json.flow.length - 1];
    assert.equal(last.action, 'report');
    assert.equal(last.actor_org_id, cast.S1);
    // the street and its subtree's other events stay unseen
    for (const name of ['inA', 'inB', 'inOther'])
      assert.equal((await unitL.get(`/api/v1/events/${events[name]}`)).status, 404, name);
  });
});
