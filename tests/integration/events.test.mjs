// Events over HTTP on gen --scale=test (issue 17 "Events and their intake" — the hotline form — and "The closed loop";
// domain.md §7.2–7.4): the street registers a hotline call and dispatches it to a community; the community handles
// it; the handler cannot verify it; the street verifies, gives feedback; the resident says "not resolved" and it
// reopens to the same community; then resolved and rated 5. A step the state does not allow is refused naming the
// state, in Chinese and English; a whistle takes its report time from the policy; the handler and the accepting org read the
// phone in full, another reader masked; queues filter; every answer matches docs/openapi.yaml (the client checks it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';

describe('events: the closed loop over HTTP (gen --scale=test)', () => {
  let srv, cast;
  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
  });
  after(() => srv && srv.stop());

  test('hotline → dispatch → handle → verify → feedback → not resolved → reopen → resolved and rated', async () => {
    const street = cast.actors.street_admin.client;
    const community = cast.actors.secretary.client;  // the branch B under the street: the assignee here
    const { B } = cast;
    const cats = await street.get('/api/v1/event-categories');
    assert.equal(cats.status, 200, cats.toString());
    const utility = cats.json.items.find((c) => c.code === 'utility.water');
    assert.equal(utility.sla_class, 'utility');
    let r = await street.post('/api/v1/events', { channel: 'hotline_12345', external_ref: 'GD-E2E-1', category_code: 'city.garbage',
      org_id: B, description: '小区门口垃圾堆放三天无人清理', address: '海沧大道 88 号', reporter_name: '王女士',
      reporter_phone: '13800001234', reported_at: '2026-01-05 09:30', handle_by: '2099-01-12 18:00' });
    assert.equal(r.status, 201, r.toString());
    const id = r.json.id;
    r = await street.post('/api/v1/events', { channel: 'hotline_12345', external_ref: 'GD-E2E-1', category_code: 'city.garbage',
      org_id: B, description: '同一工单再次导入' });
    assert.equal(r.status, 409, r.toString());
    assert.deepEqual(r.fieldNames(), ['external_ref']);
    let ev = (await street.get(`/api/v1/events/${id}`)).json;
    assert.match(ev.number, /^SJ2026-\d{6}$/);
    assert.deepEqual(ev.actions, ['dispatch']);
    // A step the state does not allow: refused naming the state (zh and en).
    r = await street.post(`/api/v1/events/${id}/actions`, { version: ev.version, action: 'verify' });
    assert.equal(r.status, 422, r.toString());
    assert.match(r.error.message, /当前状态为“已受理”，不能执行“核查通过”/);
    r = await street.request('POST', `/api/v1/events/${id}/actions`, { json: { version: ev.version, action: 'verify' },
      headers: { 'Accept-Language': 'en' } });
    assert.match(r.error.message, /“accepted”/);
    const step = async (client, action, extra = {}, status = 200) => {
      const res = await client.post(`/api/v1/events/${id}/actions`, { version: ev.version, action, ...extra });
      assert.equal(res.status, status, `${action}: ${res.toString()}`);
      if (status === 200) ev = res.json;
      return res;
    };
    // Before it is assigned to B, B (where it happened) reads the phone masked; the street that accepted it in full.
    assert.equal((await community.get(`/api/v1/events/${id}`)).json.reporter_phone, '138****1234');
    assert.equal(ev.reporter_phone, '13800001234');
    await step(street, 'dispatch', { assignee_org_id: B, assignee_name: '网格员小李', deadline: '2099-01-10 18:00' });
    assert.equal(ev.state, 'dispatched');
    assert.equal((await community.get(`/api/v1/events/${id}`)).json.reporter_phone, '13800001234', 'the handler calls back');
    // The community's queue holds it; the street's "mine" does not.
    const mine = (await community.get('/api/v1/events?queue=mine')).json.items.map((e) => e.id);
    assert.ok(mine.includes(id));
    assert.ok(!(await street.get('/api/v1/events?queue=mine')).json.items.some((e) => e.id === id));
    await step(community, 'start');
    await step(community, 'whistle', { target_kind: 'org', target_org_id: cast.S1, reason: '需城管执法协同' });
    assert.equal(ev.whistles[0].report_within_minutes, 30);
    await step(community, 'handle', { note: '已联系环卫清运，现场已清理' });
    // 办结人 ≠ 核查人: the secretary who handled it holds no grant above B, the street verifies.
    await step(street, 'verify');
    await step(street, 'feedback', { note: '已电话告知处理结果' });
    await step(street, 'reopen', { outcome: 'not_resolved', score: 2 });
    assert.equal(ev.state, 'in_progress');
    assert.equal(ev.assignee_org_id, B);
    await step(community, 'handle', { note: '再次清运并设置围挡' });
    await step(street, 'verify');
    await step(street, 'feedback', { note: '再次回访' });
    await step(street, 'rate', { outcome: 'resolved', score: 5 });
    assert.equal(ev.state, 'rated');
    assert.equal(ev.score, 5);
    // 事不完、人不撤 holds until here; now the department's part may close.
    await step(community, 'close_whistle', { whistle_id: ev.whistles[0].id, note: '撤离' });
    assert.ok(ev.whistles[0].closed_at);
    assert.deepEqual(ev.flow.map((f) => f.action), ['accept', 'dispatch', 'start', 'whistle', 'handle', 'verify', 'feedback',
      'reopen', 'handle', 'verify', 'feedback', 'rate', 'close_whistle']);
    const rated = (await street.get('/api/v1/events?state=rated')).json.items.map((e) => e.id);
    assert.ok(rated.includes(id));
  });

  test('the handler may not verify their own handling; a member holds no event permission', async () => {
    const sec = cast.actors.secretary.client;
    const { B } = cast;
    let r = await sec.post('/api/v1/events', { channel: 'hotline_81890', category_code: 'facility.street_light', org_id: B,
      description: '路灯不亮' });
    assert.equal(r.status, 201, r.toString());
    const id = r.json.id;
    let ev = (await sec.get(`/api/v1/events/${id}`)).json;
    for (const [action, extra] of [['dispatch', { assignee_org_id: B, deadline: '2099-01-10 18:00' }], ['start', {}],
      ['handle', { note: '已更换灯泡' }]]) {
      r = await sec.post(`/api/v1/events/${id}/actions`, { version: ev.version, action, ...extra });
      assert.equal(r.status, 200, r.toString());
      ev = r.json;
    }
    assert.ok(!ev.actions.includes('verify'));
    r = await sec.post(`/api/v1/events/${id}/actions`, { version: ev.version, action: 'verify' });
    assert.equal(r.status, 403, r.toString());
    r = await cast.actors.member.client.get('/api/v1/events');
    assert.equal(r.status, 403, r.toString());
  });

  test('every field of the hotline form is named when wrong', async () => {
    const r = await cast.actors.street_admin.client.post('/api/v1/events', { channel: 'fax', category_code: 'city', org_id: cast.B,
      description: 'x', reporter_phone: '123', reported_at: '昨天', handle_by: '2026-13-01 10:00' });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames().sort(), ['category_code', 'channel', 'description', 'handle_by', 'reported_at', 'reporter_phone']);
  });
});
