// Transfers over HTTP (domain.md §5; issue 4): a member of branch B moves to a branch of another community.
// The branch requests, its committee issues the letter, the receiving committee sees only the minimal fields,
// accepts into one of its branches and returns the receipt; counts as of the day before still place the
// member in B. Rules are refused with the rule quoted; the other side's steps are refused; a sibling branch
// sees nothing of it by any route.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

describe('transfers (gen --scale=test)', () => {
  let srv, cast, sec, sendingCommittee, receivingCommittee, sibling, memberId, toCommunity, toBranch, transferId;

  const daysAgo = (n) => new Date(Date.now() + 8 * 3600e3 - n * 86400e3).toISOString().slice(0, 10);

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    const { tree, B, admin } = cast;
    sec = cast.actors.secretary.client;
    const community = tree.get(B).parent_id;
    const street = tree.get(community).parent_id;
    toCommunity = tree.get(street).children.find((id) => id !== community);
    toBranch = tree.get(toCommunity).children[0];
    const user = async (username, role, org) =>
      login(srv, await createUser(srv, admin, { username, display_name: username, role, org_id: org }));
    sendingCommittee = await user('from_committee', 'org_admin', community);
    receivingCommittee = await user('to_committee', 'org_admin', toCommunity);
    const siblingBranch = tree.get(community).children.find((id) => id !== B);
    sibling = await user('sibling_secretary', 'branch_secretary', siblingBranch);
    const members = await sec.all(`/api/v1/members?org_id=${B}`);
    memberId = members.find((m) => m.id !== cast.actors.member.member_id).id;
  });
  after(() => srv && srv.stop());

  const act = async (client, body) => {
    const current = await client.get(`/api/v1/transfers/${transferId}`);
    assert.equal(current.status, 200, current.toString());
    return client.post(`/api/v1/transfers/${transferId}/actions`, { version: current.json.version, ...body });
  };
  const fullCount = async (org, asOf) => {
    const r = await cast.city.get(`/api/v1/orgs/${org}/committee?as_of=${asOf}`);
    assert.equal(r.status, 200, r.toString());
    return r.json.headcount.full;
  };

  test('§5: request → letter → minimal view → accept and place → receipt; the affiliation moves that day', async () => {
    const dest = await sec.get(`/api/v1/transfers/destinations?q=${encodeURIComponent(cast.tree.get(toCommunity).name)}`);
    assert.equal(dest.status, 200, dest.toString());
    assert.ok(dest.json.items.some((d) => d.id === toCommunity), 'the receiving community is found by name');

    const made = await sec.post('/api/v1/transfers', { kind: 'within', member_id: memberId, to_org_id: toCommunity,
      reason: '迁居至对方社区', on: daysAgo(20) });
    assert.equal(made.status, 201, made.toString());
    transferId = made.json.id;

    // The branch cannot issue: the committee does (403, the other side's / a committee's step).
    let r = await act(sec, { action: 'issue', on: daysAgo(19), letter: { serial: '2026-031', valid_days: 30, dues_paid_to: daysAgo(19).slice(0, 7) } });
    assert.equal(r.status, 403, r.toString());
    // §5.2: the validity is at most 3 months by default.
    r = await act(sendingCommittee, { action: 'issue', on: daysAgo(19), letter: { serial: '2026-031', valid_days: 120, dues_paid_to: daysAgo(19).slice(0, 7) } });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['letter.valid_days']);
    assert.match(r.error.fields[0].message, /应为 1–90 天.*政策参数“介绍信有效期上限”/);  // the bound is the policy (issue 16)
    r = await act(sendingCommittee, { action: 'issue', on: daysAgo(19), letter: { serial: '2026-031', valid_days: 30, dues_paid_to: daysAgo(19).slice(0, 7) } });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.state, 'issued');
    assert.equal(r.json.reminders[0].key, 'transfer.due.letter_expires');

    // The receiving committee sees the minimal fields only.
    const seen = await receivingCommittee.get(`/api/v1/transfers/${transferId}`);
    assert.equal(seen.status, 200, seen.toString());
    assert.equal(seen.json.minimal, true);
    assert.equal(seen.json.birth_date, null);
    assert.equal(seen.json.join_date, null);
    assert.equal(seen.json.member_id, null);
    assert.ok(seen.json.age > 0);
    assert.deepEqual(seen.json.actions, ['accept', 'refuse']);
    const inbox = await receivingCommittee.get('/api/v1/transfers?direction=in&open=true');
    assert.ok(inbox.json.items.some((t) => t.id === transferId));
    // ...and cannot open the member yet: the sender is responsible until acceptance.
    assert.equal((await receivingCommittee.get(`/api/v1/members/${memberId}`)).status, 404);

    // Placing outside the receiving org is refused naming org_id.
    r = await act(receivingCommittee, { action: 'accept', on: daysAgo(10), org_id: cast.B });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['org_id']);
    const before = { from: await fullCount(cast.B, daysAgo(11)), to: await fullCount(toBranch, daysAgo(11)) };
    r = await act(receivingCommittee, { action: 'accept', on: daysAgo(10), org_id: toBranch });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.state, 'accepted');
    assert.equal(r.json.minimal, false);
    assert.equal(r.json.reminders[0].key, 'transfer.due.receipt');
    assert.match(r.json.reminders[0].message, /接收后 1 个月内/);  // the period is the policy transfer.receipt_within_months (issue 16)

    // Effective dating: the day before, the member still counted in B; from the day of acceptance, in toBranch.
    assert.equal(await fullCount(cast.B, daysAgo(11)), before.from);
    assert.equal(await fullCount(toBranch, daysAgo(11)), before.to);
    assert.equal(await fullCount(cast.B, daysAgo(10)), before.from - 1);
    assert.equal(await fullCount(toBranch, daysAgo(10)), before.to + 1);
    assert.equal((await receivingCommittee.get(`/api/v1/members/${memberId}`)).status, 200);
    assert.equal((await sec.get(`/api/v1/members/${memberId}`)).status, 404, 'the sending branch no longer sees the record');

    r = await act(receivingCommittee, { action: 'receipt', on: daysAgo(5) });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.state, 'closed');
    assert.deepEqual(r.json.events.map((e) => e.action), ['request', 'issue', 'accept', 'receipt']);
    const fromSide = await sec.get(`/api/v1/transfers/${transferId}`);
    assert.equal(fromSide.json.state, 'closed', 'the sending side sees the state too');
  });

  test('rules are quoted: a step out of order, an expired letter, a refusal without reason', async () => {
    const members = await sec.all(`/api/v1/members?org_id=${cast.B}`);
    const other = members.find((m) => m.id !== memberId && m.id !== cast.actors.member.member_id);
    const made = await sec.post('/api/v1/transfers', { kind: 'within', member_id: other.id, to_org_id: toCommunity,
      reason: '工作调动', on: daysAgo(60) });
    assert.equal(made.status, 201, made.toString());
    transferId = made.json.id;
    let r = await act(receivingCommittee, { action: 'accept', on: daysAgo(59), org_id: toBranch });
    assert.equal(r.status, 422, r.toString());
    assert.match(r.error.message, /“已申请”的转接不能“接收”/);
    r = await act(sendingCommittee, { action: 'issue', on: daysAgo(58), letter: { serial: '2026-040', valid_days: 10, dues_paid_to: daysAgo(58).slice(0, 7) } });
    assert.equal(r.status, 200, r.toString());
    r = await act(receivingCommittee, { action: 'accept', on: daysAgo(30), org_id: toBranch });
    assert.equal(r.status, 422, r.toString());
    assert.match(r.error.message, /介绍信已于 .* 过期/);
    r = await act(receivingCommittee, { action: 'refuse', on: daysAgo(30) });
    assert.equal(r.status, 400, r.toString());
    assert.match(r.error.fields[0].message, /不得无故拒绝/);
    r = await act(receivingCommittee, { action: 'refuse', on: daysAgo(30), reason: '介绍信已过期，请重新开具' });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.state, 'refused');
    assert.equal((await sec.get(`/api/v1/members/${other.id}`)).status, 200, 'the member stays where they were');
  });

  test('a sibling branch sees nothing of the transfers by any route', async () => {
    assert.equal((await sibling.get(`/api/v1/transfers/${transferId}`)).status, 404);
    for (const direction of ['out', 'in']) {
      const list = await sibling.get(`/api/v1/transfers?direction=${direction}`);
      assert.equal(list.status, 200, list.toString());
      assert.deepEqual(list.json.items, []);
    }
    const r = await sibling.post(`/api/v1/transfers/${transferId}/actions`, { version: 1, action: 'cancel', on: daysAgo(1), reason: '越权撤回' });
    assert.equal(r.status, 404, r.toString());
    const foreign = await sibling.post('/api/v1/transfers', { kind: 'out', member_id: memberId, to_org_name: '某地党委', reason: '越权', on: daysAgo(1) });
    assert.equal(foreign.status, 400, foreign.toString());
    assert.deepEqual(foreign.fieldNames(), ['member_id']);
    const narrowed = await sibling.get(`/api/v1/transfers?direction=out&org_id=${cast.B}`);
    assert.equal(narrowed.status, 400, narrowed.toString());
    assert.deepEqual(narrowed.fieldNames(), ['org_id']);
  });
});
