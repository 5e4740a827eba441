// Overlays over HTTP (issue 4 "Organizations": "overlays that never change statutory affiliation: 大工委 / 大党委 /
// 联合党委 / 红盟 alliances and 共建单位, with member units, their heads as part-time members, a convenor that rotates
// on a configured schedule, and the count of overlay members per community"; domain.md §1.4, §1.6, §5.4). The
// street sets up its 大工委 with member units convening monthly in turn: the detail names today's convenor and the
// next handover, a unit leaving hands its turn on. A community runs its own 大党委 and cannot see the street's; its
// joint committee links members for dual identity without moving them, and a member outside its scope in the body
// refuses the whole request. The counts per community add up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { Client, createUser, login } from './lib/client.mjs';

/** YYYY-MM-DD in Asia/Shanghai, `months` from the first day of this month. */
const monthStart = (months) => {
  const now = new Date(Date.now() + 8 * 3600e3);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
};

describe('overlays (gen --scale=test)', () => {
  let srv, cast, street, S1, C1, C2, B, communityAdmin, big, units;

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    ({ S1, C1, B } = cast);
    C2 = cast.tree.get(S1).children.find((id) => id !== C1);
    street = cast.actors.street_admin.client;
    communityAdmin = await login(srv, await createUser(srv, cast.admin, { username: 'overlay_community',
      display_name: '社区大党委管理员', role: 'org_admin', org_id: C1 }));
  });
  after(() => srv && srv.stop());

  const put = (client, path, json) => client.request('PUT', path, { json });

  test('the street\'s 大工委: units with their heads convene in turn; the detail names today\'s convenor', async () => {
    let r = await street.post('/api/v1/overlays', { host_org_id: S1, kind: 'big_working_committee', name: '街道大工委',
      founded_on: '2018-03-01', meeting_period_months: 6 });
    assert.equal(r.status, 201, r.toString());
    big = r.json.id;
    units = [];
    for (const [name, type, head] of [['某某小学', 'school', '林某某'], ['某某医院', 'hospital', '陈某某'],
      ['某某派出所', 'police', '王某某'], ['某某科技有限公司', 'non_public_enterprise', '']]) {
      r = await street.post(`/api/v1/overlays/${big}/units`, { name, unit_type: type, joined_on: '2018-03-01',
        head_name: head, head_post: head ? '党组织书记' : '' });
      assert.equal(r.status, 201, r.toString());
      units.push(r.json.id);
    }
    const d = await street.get(`/api/v1/overlays/${big}`);
    assert.equal(d.status, 200, d.toString());
    assert.equal(d.json.convenor, null, 'no rotation configured yet');
    // Monthly turns from the first day of the month two months ago: the third unit convenes this month.
    r = await put(street, `/api/v1/overlays/${big}/roster`, { version: d.json.version, unit_ids: units,
      period_months: 1, start: monthStart(-2) });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.convenor.unit_id, units[2]);
    assert.equal(r.json.convenor.name, '某某派出所');
    assert.equal(r.json.next_handover, monthStart(1));
    assert.equal(r.json.turns[0].current, true);
    assert.equal(r.json.turns[1].name, '某某科技有限公司');
    assert.equal(r.json.turns[2].unit_id, units[0], 'after the last comes the first again');
    assert.deepEqual(r.json.counts, { units: 4, part_time_members: 3, linked_members: 0 });
    assert.equal(r.json.units[3].two_new, true, 'a non-public enterprise is a two-new organization');
    assert.equal(r.json.units[0].head.name, '林某某');
    assert.equal(r.json.units[3].head, null);
    assert.equal(r.json.can_edit, true);
    assert.equal(r.json.meeting.key, 'overlay.due.meeting');
    assert.equal(r.json.meeting.overdue, true, 'no joint meeting recorded since 2018 with a half-yearly period');
    assert.match(r.json.meeting.message, /联席会议应于/);

    // The convenor leaves: the next in order takes over the rest of the turn, the handover day stays.
    r = await street.post(`/api/v1/overlays/${big}/units/${units[2]}/end`, {});
    assert.equal(r.status, 204, r.toString());
    const after = await street.get(`/api/v1/overlays/${big}`);
    assert.equal(after.json.convenor.unit_id, units[3]);
    assert.equal(after.json.next_handover, monthStart(1));
    assert.deepEqual(after.json.rotation.order, [units[3], units[0], units[1]]);
    assert.equal(after.json.units.find((u) => u.id === units[2]).left_on !== null, true);
    r = await street.post(`/api/v1/overlays/${big}/units/${units[2]}/end`, {});
    assert.equal(r.status, 400, r.toString());
    assert.match(r.error.fields[0].message, /已于 .* 退出/);
  });

  test('a community runs its own 大党委 and sees neither the street\'s nor another community\'s', async () => {
    let r = await communityAdmin.post('/api/v1/overlays', { host_org_id: C1, kind: 'big_party_committee',
      name: '社区大党委', founded_on: '2019-01-01' });
    assert.equal(r.status, 201, r.toString());
    const own = r.json.id;
    r = await communityAdmin.post('/api/v1/overlays', { host_org_id: C2, kind: 'big_party_committee', name: '别的社区大党委',
      founded_on: '2019-01-01' });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['host_org_id']);
    assert.match(r.error.fields[0].message, /^牵头党组织不存在或不在您的管理范围内/);
    const hidden = await communityAdmin.get(`/api/v1/overlays/${big}`);
    assert.equal(hidden.status, 404, hidden.toString());
    const ghost = await communityAdmin.get('/api/v1/overlays/999999');
    assert.equal(hidden.json.error.message, ghost.json.error.message, 'out of scope reads like nonexistent');
    const list = await communityAdmin.get('/api/v1/overlays');
    assert.deepEqual(list.json.items.map((o) => o.id), [own]);
    const all = await street.get('/api/v1/overlays');
    assert.deepEqual(all.json.items.map((o) => o.id), [big, own], 'the street sees both, by host');
    r = await cast.actors.secretary.client.post('/api/v1/overlays', { host_org_id: B, kind: 'joint_committee',
      name: '支部联合党委', founded_on: '2019-01-01' });
    assert.equal(r.status, 403, 'a branch secretary holds no org_write');
    // Field errors name the field in Chinese; the USCC's check character is verified (GB 32100-2015).
    r = await communityAdmin.post(`/api/v1/overlays/${own}/units`, { name: '', unit_type: 'school', uscc: '12990000400000001X',
      joined_on: '2018-12-31' });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['name', 'uscc', 'joined_on']);
    assert.match(r.error.fields[1].message, /统一社会信用代码.*校验码/);
    assert.match(r.error.fields[2].message, /^加入日期不能早于成立日期 2019-01-01/);
    r = await communityAdmin.post(`/api/v1/overlays/${own}/units`, { name: '某某物业服务有限公司', unit_type: 'property_company',
      uscc: '91990000ma0000001b', joined_on: '2019-01-01', head_name: '赵某某', head_post: '项目经理', extra: 1 });
    assert.deepEqual(r.fieldNames(), ['extra'], 'unknown fields are refused (A7)');
  });

  test('dual identity: linked members keep their formal branch; one member out of scope refuses the whole request', async () => {
    let r = await communityAdmin.post('/api/v1/overlays', { host_org_id: C1, kind: 'joint_committee',
      name: '社区联合党委（非建制性）', founded_on: '2012-10-01' });
    assert.equal(r.status, 201, r.toString());
    const joint = r.json.id;
    const inside = await cast.firstMember(B);
    const outside = await cast.firstMember(cast.tree.get(C2).children[0]);
    r = await communityAdmin.post(`/api/v1/overlays/${joint}/members`, { member_ids: [inside.id, outside.id] });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['member_ids[1]']);
    assert.match(r.error.fields[0].message, /整批未登记/);
    assert.equal((await communityAdmin.get(`/api/v1/overlays/${joint}`)).json.counts.linked_members, 0, 'nothing applied');

    const before = await cast.city.get(`/api/v1/members/${outside.id}`);
    r = await street.post(`/api/v1/overlays/${joint}/members`, { member_ids: [inside.id, outside.id] });
    assert.equal(r.status, 201, r.toString());
    assert.deepEqual(r.json, { linked: 2, already: 0 });
    const afterLink = await cast.city.get(`/api/v1/members/${outside.id}`);
    assert.equal(afterLink.json.org_id, before.json.org_id, 'the formal branch does not change');
    assert.deepEqual(afterLink.json.affiliations, before.json.affiliations);
    assert.equal(afterLink.json.version, before.json.version);

    const seen = await communityAdmin.get(`/api/v1/overlays/${joint}/members`);
    assert.equal(seen.status, 200, seen.toString());
    assert.deepEqual(seen.json.items.map((m) => m.member_id), [inside.id]);
    assert.equal(seen.json.items[0].org_id, B);
    assert.equal(seen.json.outside_scope, 1, 'the other community\'s member is only counted (A3)');
    r = await communityAdmin.del(`/api/v1/overlays/${joint}/members/${outside.id}`);
    assert.equal(r.status, 404, 'a member outside the scope cannot be unlinked by the community');
    r = await communityAdmin.del(`/api/v1/overlays/${joint}/members/${inside.id}`);
    assert.equal(r.status, 204, r.toString());
    assert.equal((await street.get(`/api/v1/overlays/${joint}`)).json.counts.linked_members, 1);
  });

  test('counts per community, aggregated over the overlays\' hosts', async () => {
    const r = await street.get(`/api/v1/orgs/${S1}/overlay-counts`);
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.aggregates, 'overlay_host');
    assert.deepEqual(r.json.total, { overlays: 3, units: 3, part_time_members: 2, linked_members: 1 });
    const c1 = r.json.items.find((x) => x.org_id === C1);
    const c2 = r.json.items.find((x) => x.org_id === C2);
    assert.deepEqual({ ...c1, org_id: undefined, org_name: undefined },
      { overlays: 2, units: 0, part_time_members: 0, linked_members: 1, org_id: undefined, org_name: undefined });
    assert.equal(c2.overlays, 0);
    const denied = await communityAdmin.get(`/api/v1/orgs/${S1}/overlay-counts`);
    assert.equal(denied.status, 404);
    const en = new Client(srv.url, { lang: 'en' });
    en.cookies = communityAdmin.cookies;
    en.csrf = communityAdmin.csrf;
    const bad = await en.post('/api/v1/overlays', { host_org_id: C1, kind: 'committee', name: 'x', founded_on: '2019-01-01' });
    assert.equal(bad.status, 400);
    assert.match(bad.error.fields[0].message, /Choose the kind/);
  });
});
