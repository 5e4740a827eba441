// The floating-member register over HTTP (domain.md §5.3, 一方隶属、双重管理; issue 4): the secretary of branch B
// registers a member as floating, taking part in a branch of another community. That branch's secretary sees the
// member under 流入党员 with the minimal fields only and notes participation, which the outflow side sees; the
// member's formal affiliation and the inflow branch's electorate do not change; the return closes the record and
// the registry tag follows. A sibling branch sees nothing; rules are refused with the rule quoted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

describe('floating members (gen --scale=test)', () => {
  let srv, cast, sec, inflowSecretary, inflowCommittee, sibling, memberId, toBranch, toCommunity, recordId;

  const daysAgo = (n) => new Date(Date.now() + 8 * 3600e3 - n * 86400e3).toISOString().slice(0, 10);
  const monthsAhead = (n) => {
    const d = new Date(Date.now() + 8 * 3600e3);
    d.setUTCMonth(d.getUTCMonth() + n);
    return d.toISOString().slice(0, 10);
  };

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
    inflowSecretary = await user('inflow_secretary', 'branch_secretary', toBranch);
    inflowCommittee = await user('inflow_committee', 'org_admin', toCommunity);
    sibling = await user('sibling_secretary', 'branch_secretary', tree.get(community).children.find((id) => id !== B));
    const members = await sec.all(`/api/v1/members?org_id=${B}`);
    memberId = members.find((m) => m.id !== cast.actors.member.member_id).id;
  });
  after(() => srv && srv.stop());

  const record = (extra = {}) => ({ left_on: daysAgo(40), reason: 'work', province: '广东省', city: '深圳市', county: '南山区',
    employer: '南山某电子厂', phone: '13900001111', expected_return: monthsAhead(3), certificate_no: '粤流2026-031',
    participating_org_id: toBranch, participating_since: daysAgo(30), ...extra });

  test('§5.3: the outflow branch registers; rules are quoted; the registry tag follows', async () => {
    // The certificate serves absences of up to six months, or members who cannot transfer yet.
    let r = await sec.post(`/api/v1/members/${memberId}/floating`, record({ expected_return: monthsAhead(8) }));
    assert.equal(r.status, 422, r.toString());
    assert.match(r.error.message, /流动党员活动证》用于外出 6 个月以内/);  // the period is the policy floating.certificate_max_months (issue 16)
    r = await sec.post(`/api/v1/members/${memberId}/floating`, record({ county: '' }));
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['county']);
    assert.match(r.error.fields[0].message, /县/);
    r = await sec.post(`/api/v1/members/${memberId}/floating`, record({ left_on: '2999-01-01' }));
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['left_on']);
    r = await sec.post(`/api/v1/members/${memberId}/floating`, record({ mystery: 1 }));
    assert.equal(r.status, 400, 'unknown fields are refused');

    r = await sec.post(`/api/v1/members/${memberId}/floating`, record());
    assert.equal(r.status, 201, r.toString());
    recordId = r.json.id;
    assert.equal(r.json.destination, '广东省 深圳市 南山区');
    assert.equal(r.json.phone, '139****1111');
    assert.equal(r.json.participating_org.org_id, toBranch);
    assert.deepEqual(r.json.actions, ['edit', 'report', 'contact', 'return']);
    assert.equal(r.json.reminders[0].key, 'floating.due.report');

    const m = await sec.get(`/api/v1/members/${memberId}`);
    assert.ok(m.json.tags.includes('floating'));
    assert.equal(m.json.floating_to, '广东省 深圳市 南山区');
    // The registry form cannot drop the tag while the record is open.
    r = await sec.request('PUT', `/api/v1/members/${memberId}`, { json: { version: m.json.version, tags: [] } });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['tags']);
    // One open record per member.
    r = await sec.post(`/api/v1/members/${memberId}/floating`, record());
    assert.equal(r.status, 409, r.toString());
  });

  test('一方隶属、双重管理: the inflow branch sees minimal fields and notes participation; the outflow side sees it', async () => {
    const list = await inflowSecretary.get(`/api/v1/orgs/${toBranch}/floating-in`);
    assert.equal(list.status, 200, list.toString());
    const seen = list.json.items.find((x) => x.id === recordId);
    assert.ok(seen, 'listed under 流入党员');
    assert.equal(seen.minimal, true);
    assert.deepEqual(Object.keys(seen).sort(), ['actions', 'age', 'category', 'certificate_no', 'id', 'minimal', 'name',
      'notes', 'open', 'org_name', 'participating_org', 'sex', 'side'].sort());
    assert.equal(seen.certificate_no, '粤流2026-031');
    assert.equal(seen.org_name, cast.tree.get(cast.B).name);
    assert.equal(seen.participating_org.since, daysAgo(30));
    assert.ok(!JSON.stringify(seen).includes('1111'), 'no phone');
    // The community committee above it sees the member too; its outflow list does not hold them.
    const committeeIn = await inflowCommittee.get(`/api/v1/orgs/${toCommunity}/floating-in`);
    assert.ok(committeeIn.json.items.some((x) => x.id === recordId));
    const committeeOut = await inflowCommittee.get(`/api/v1/orgs/${toCommunity}/floating-out`);
    assert.ok(!committeeOut.json.items.some((x) => x.id === recordId));
    // The member's record itself stays out of the inflow side's reach.
    assert.equal((await inflowSecretary.get(`/api/v1/members/${memberId}`)).status, 404);
    assert.equal((await inflowSecretary.get(`/api/v1/members/${memberId}/floating`)).status, 404);

    let r = await inflowSecretary.post(`/api/v1/floating/${recordId}/reports`, { kind: 'participation', on: daysAgo(10),
      text: '参加天心岛小区党支部主题党日活动' });
    assert.equal(r.status, 201, r.toString());
    assert.equal(r.json.minimal, true);
    r = await inflowSecretary.post(`/api/v1/floating/${recordId}/reports`, { kind: 'dues', on: daysAgo(9), text: '交纳本月党费' });
    assert.equal(r.status, 201, r.toString());
    // Reports and the return belong to the outflow branch.
    r = await inflowSecretary.post(`/api/v1/floating/${recordId}/reports`, { kind: 'report', on: daysAgo(9), text: '思想汇报' });
    assert.equal(r.status, 403, r.toString());
    assert.match(r.error.message, /流出地党支部办理/);
    r = await inflowSecretary.post(`/api/v1/floating/${recordId}/return`, { version: 1, returned_on: daysAgo(1) });
    assert.equal(r.status, 403, r.toString());

    const out = await sec.get(`/api/v1/members/${memberId}/floating`);
    assert.equal(out.status, 200, out.toString());
    assert.deepEqual(out.json.current.notes.map((n) => [n.kind, n.side]), [['participation', 'in'], ['dues', 'in']]);
    // No vote at the inflow org: the member is not in its electorate; the formal affiliation is unchanged.
    const electorate = await cast.city.get(`/api/v1/orgs/${toBranch}/electorate`);
    assert.equal(electorate.status, 200, electorate.toString());
    assert.ok(!JSON.stringify(electorate.json).includes(`"id":${memberId},`));
    assert.equal((await sec.get(`/api/v1/members/${memberId}`)).json.org_id, cast.B);
  });

  test('a sibling branch sees nothing of it', async () => {
    assert.equal((await sibling.get(`/api/v1/members/${memberId}/floating`)).status, 404);
    const r = await sibling.post(`/api/v1/floating/${recordId}/reports`, { kind: 'contact', on: daysAgo(1), text: '联系' });
    assert.equal(r.status, 404, r.toString());
    const own = await sibling.get(`/api/v1/orgs/${cast.tree.get(cast.B).parent_id}/floating-out`);
    assert.equal(own.status, 404, own.toString());
  });

  test('§5.3 "On return": the return closes the record and clears the registry tag', async () => {
    const current = await sec.get(`/api/v1/members/${memberId}/floating`);
    let r = await sec.post(`/api/v1/floating/${recordId}/return`, { version: current.json.current.version,
      returned_on: daysAgo(2), note: '交回流动党员活动证' });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.open, false);
    assert.equal(r.json.returned_on, daysAgo(2));
    const m = await sec.get(`/api/v1/members/${memberId}`);
    assert.ok(!m.json.tags.includes('floating'));
    assert.equal(m.json.floating_to, '');
    const list = await inflowSecretary.get(`/api/v1/orgs/${toBranch}/floating-in`);
    assert.ok(!list.json.items.some((x) => x.id === recordId), 'no longer under 流入党员');
    r = await sec.get(`/api/v1/members/${memberId}/floating`);
    assert.equal(r.json.current, null);
    assert.equal(r.json.past.length, 1);
    assert.deepEqual(r.json.actions, ['open']);
  });
});
