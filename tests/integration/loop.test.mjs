// Closing the loop over HTTP (issue 17 "The closed loop", "SLA", "Pages"; domain.md §7 "What the software must
// enforce": "automatic supervision (督办) on breach", "Closure requires evidence (after-photo / reply) and
// verification by someone other than the handler"): 办结 needs the after photos the policy event.after_photos_min
// asks, uploaded by the handler; those photos are read only by whoever may read the event; a manual 督办 is the
// level above's; the supervision board (督办看板) lists the events marked for review and refuses an org outside the
// reader's scope. (The server's sweep on breach needs a clock the test moves: src/app/event/loop_test.cpp.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';
import { halvesPng } from './lib/images.mjs';

const OCTET = { 'Content-Type': 'application/octet-stream' };
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

describe('closing the loop: after photos, 督办 and the board (gen --scale=test)', () => {
  let srv, cast, street, secretary, sibling;
  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    street = cast.actors.street_admin.client;
    secretary = cast.actors.secretary.client;
    // a secretary of the other branch of the same community: event_read, but not over B's events
    const other = cast.tree.get(cast.C1).children.find((id) => id !== cast.B);
    sibling = await login(srv, await createUser(srv, cast.admin, { username: 'loop_sibling', display_name: '邻支部书记',
      role: 'branch_secretary', org_id: other }));
  });
  after(() => srv && srv.stop());

  /** A hotline event in B registered by the street, dispatched to B and started by B's secretary. */
  const started = async (description) => {
    let r = await street.post('/api/v1/events', { channel: 'hotline_12345', category_code: 'city.garbage', org_id: cast.B,
      description });
    assert.equal(r.status, 201, r.toString());
    const id = r.json.id;
    let ev = (await street.get(`/api/v1/events/${id}`)).json;
    r = await street.post(`/api/v1/events/${id}/actions`, { version: ev.version, action: 'dispatch', assignee_org_id: cast.B,
      deadline: '2099-01-10 18:00' });
    assert.equal(r.status, 200, r.toString());
    r = await secretary.post(`/api/v1/events/${id}/actions`, { version: r.json.version, action: 'start' });
    assert.equal(r.status, 200, r.toString());
    ev = r.json;
    return ev;
  };

  test('办结 needs the policy’s after photos, uploaded by the handler; they are read only with the event', async () => {
    const set = await street.post(`/api/v1/orgs/${cast.S1}/policies`, { key: 'event.after_photos_min', value: '1',
      valid_from: today(), doc: '测街工委〔2026〕7号' });
    assert.equal(set.status, 201, set.toString());
    const ev = await started('小区门口垃圾堆放三天无人清理');
    let r = await secretary.post(`/api/v1/events/${ev.id}/actions`, { version: ev.version, action: 'handle', note: '已清运' });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['photo_ids']);
    assert.match(r.error.fields[0].message, /至少 1 张处置后照片/);
    // a photo the street uploaded is not the handler's evidence
    const foreign = await street.request('POST', '/api/v1/photos', { body: halvesPng(20, 20), headers: OCTET });
    assert.equal(foreign.status, 201, foreign.toString());
    r = await secretary.post(`/api/v1/events/${ev.id}/actions`, { version: ev.version, action: 'handle', note: '已清运',
      photo_ids: [foreign.json.photo_id] });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['photo_ids[0]']);
    // the handler's own photo, through the same pipeline as a resident's (checked, re-encoded, by hash)
    const up = await secretary.request('POST', '/api/v1/photos', { body: halvesPng(32, 24), headers: OCTET });
    assert.equal(up.status, 201, up.toString());
    const photo = up.json.photo_id;
    r = await secretary.post(`/api/v1/events/${ev.id}/actions`, { version: ev.version, action: 'handle', note: '已清运',
      photo_ids: [photo] });
    assert.equal(r.status, 200, r.toString());
    assert.deepEqual(r.json.flow.at(-1).photo_ids, [photo]);
    // the handler may not verify their own handling; the street (the level above's org) verifies
    assert.ok(!r.json.actions.includes('verify'));
    assert.equal((await secretary.post(`/api/v1/events/${ev.id}/actions`, { version: r.json.version, action: 'verify' })).status, 403);
    // readable by the street, which sees the event; 404 to a reader who does not, and to one without event_read
    assert.equal((await street.get(`/api/v1/photos/${photo}`)).status, 200);
    assert.equal((await secretary.get(`/api/v1/photos/${photo}`)).status, 200);
    assert.equal((await sibling.get(`/api/v1/photos/${photo}`)).status, 404);
    assert.equal((await cast.actors.auditor.client.get(`/api/v1/photos/${photo}`)).status, 404);
    const back = await street.post(`/api/v1/orgs/${cast.S1}/policies`, { key: 'event.after_photos_min', value: '0',
      valid_from: today(), doc: '测街工委〔2026〕8号' });
    assert.equal(back.status, 201, back.toString());
  });

  test('a manual 督办 is the level above’s, with a note; the handler may not press itself', async () => {
    const ev = await started('路灯不亮已经一周');
    let r = await secretary.post(`/api/v1/events/${ev.id}/actions`, { version: ev.version, action: 'supervise', note: '请尽快' });
    assert.equal(r.status, 403, r.toString());
    r = await street.post(`/api/v1/events/${ev.id}/actions`, { version: ev.version, action: 'supervise' });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['note']);
    r = await street.post(`/api/v1/events/${ev.id}/actions`, { version: ev.version, action: 'supervise', note: '请于今日内处置完毕' });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.state, 'in_progress', '督办 keeps the state');
    assert.ok(r.json.supervised_at);
    const q = await street.get('/api/v1/events?queue=supervised');
    assert.equal(q.status, 200, q.toString());
    assert.ok(q.json.items.some((e) => e.id === ev.id));
    const board = await street.get(`/api/v1/event-board?org_id=${cast.S1}`);
    assert.equal(board.status, 200, board.toString());
    assert.ok(board.json.supervised.some((e) => e.id === ev.id && e.supervised_hours === 0));
  });

  test('the board lists marks awaiting review and refuses an org outside the scope', async () => {
    const ev = await started('诉求超出政策范围');
    const r = await secretary.post(`/api/v1/events/${ev.id}/actions`, { version: ev.version, action: 'mark',
      mark_kind: 'unreasonable', reason: '诉求超出政策范围', note: '已核实并留存材料' });
    assert.equal(r.status, 200, r.toString());
    const board = await street.get(`/api/v1/event-board?org_id=${cast.S1}`);
    assert.equal(board.status, 200, board.toString());
    const marked = board.json.marked.find((e) => e.id === ev.id);
    assert.ok(marked, 'listed, never silent');
    assert.equal(marked.mark_kind, 'unreasonable');
    assert.equal(board.json.org.id, cast.S1);
    // the district reads its street's board; a branch secretary may not read the street's
    assert.equal((await cast.actors.district_admin.client.get(`/api/v1/event-board?org_id=${cast.S1}`)).status, 200);
    assert.equal((await secretary.get(`/api/v1/event-board?org_id=${cast.S1}`)).status, 404);
    const bad = await street.get('/api/v1/event-board?org_id=abc');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.fieldNames(), ['org_id']);
  });
});
