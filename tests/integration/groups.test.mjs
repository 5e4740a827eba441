// Party groups and covered units over HTTP (issue 4; domain.md §1.1, §1.2): a branch secretary forms a 党小组 with
// its leader and members, a member moves between groups, bad input names each field in Chinese, a sibling branch
// neither sees nor changes the groups, and a joint branch's committee records the units it covers, with the
// committee panel's warning from the sixth (§1.2 "联合党支部覆盖单位一般不超过5个").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

describe('party groups and covered units (gen --scale=test)', () => {
  let srv, cast, sec, members;
  const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    sec = cast.actors.secretary.client;
    members = await sec.all(`/api/v1/members?org_id=${cast.B}`);
    assert.ok(members.length >= 3, `branch B has ${members.length} members`);
  });
  after(() => srv && srv.stop());

  test('a branch forms groups; a member is in one group at a time', async () => {
    const [a, b, c] = members;
    let r = await sec.post(`/api/v1/orgs/${cast.B}/groups`, { name: '1号楼党小组', scope: 'building', scope_name: '1号楼',
      leader_member_id: a.id, member_ids: [b.id] });
    assert.equal(r.status, 201, r.toString());
    const first = r.json.id;
    r = await sec.post(`/api/v1/orgs/${cast.B}/groups`, { name: '2号楼党小组', scope: 'building', leader_member_id: c.id });
    assert.equal(r.status, 201, r.toString());
    const second = r.json.id;
    let view = await sec.get(`/api/v1/orgs/${cast.B}/groups`);
    assert.equal(view.status, 200, view.toString());
    assert.equal(view.json.may_hold_groups, true);
    assert.equal(view.json.can_edit_groups, true);
    const one = view.json.groups.find((g) => g.id === first);
    assert.equal(one.leader.id, a.id);
    assert.deepEqual(one.members.map((m) => m.id).sort(), [a.id, b.id].sort());

    // b moves to the second group.
    const two = view.json.groups.find((g) => g.id === second);
    r = await sec.request('PUT', `/api/v1/groups/${second}/members`, { json: { version: two.version, member_ids: [c.id, b.id] } });
    assert.equal(r.status, 204, r.toString());
    view = await sec.get(`/api/v1/orgs/${cast.B}/groups`);
    assert.deepEqual(view.json.groups.find((g) => g.id === first).members.map((m) => m.id), [a.id]);
    // Yesterday there were no groups (as of a date).
    const yesterday = new Date(Date.now() + 8 * 3600e3 - 86400e3).toISOString().slice(0, 10);
    assert.deepEqual((await sec.get(`/api/v1/orgs/${cast.B}/groups?as_of=${yesterday}`)).json.groups, []);
  });

  test('bad input names each field in Chinese; the leader stays in the group', async () => {
    const outsider = (await cast.firstMember(cast.tree.get(cast.tree.get(cast.B).parent_id).children.find((id) => id !== cast.B)));
    let r = await sec.post(`/api/v1/orgs/${cast.B}/groups`, { name: '组', scope: 'tower', leader_member_id: outsider.id });
    assert.equal(r.status, 400, r.toString());
    const msg = (f) => r.error.fields.find((x) => x.field === f)?.message;
    assert.match(msg('name'), /^党小组名称应为 2–30 个/);
    assert.match(msg('scope'), /^请选择党小组的设置范围/);
    r = await sec.post(`/api/v1/orgs/${cast.B}/groups`, { name: '3号楼党小组', scope: 'building', leader_member_id: outsider.id });
    assert.equal(r.status, 400, r.toString());
    assert.match(r.error.fields[0].message, /^党小组组长：该党员不是本支部的在册党员/);
    r = await sec.post(`/api/v1/orgs/${cast.B}/groups`, { name: '3号楼党小组', scope: 'building', member_ids: [members[1].id, outsider.id] });
    assert.equal(r.status, 400, r.toString());
    assert.equal(r.error.fields[0].field, 'member_ids[1]');
    assert.match(r.error.fields[0].message, /^小组成员：该党员不是本支部的在册党员/);
    // members[2] leads the second group: a member leads one group at a time.
    r = await sec.post(`/api/v1/orgs/${cast.B}/groups`, { name: '3号楼党小组', scope: 'building', member_ids: [members[2].id] });
    assert.equal(r.status, 400, r.toString());
    assert.match(r.error.fields[0].message, /^小组成员：该党员是“2号楼党小组”的组长/);
    const group = (await sec.get(`/api/v1/orgs/${cast.B}/groups`)).json.groups[0];
    r = await sec.request('PUT', `/api/v1/groups/${group.id}/members`, { json: { version: group.version, member_ids: [] } });
    assert.equal(r.status, 400, r.toString());
    assert.match(r.error.fields[0].message, /是本小组组长，不能移出/);
    // A committee holds no groups.
    const community = cast.tree.get(cast.B).parent_id;
    r = await cast.actors.street_admin.client.post(`/api/v1/orgs/${community}/groups`, { name: '社区党小组', scope: 'other' });
    assert.equal(r.status, 422, r.toString());
    assert.match(r.error.message, /党小组设在党支部之下/);
  });

  test('a sibling branch neither sees nor changes the groups', async () => {
    const sibling = cast.tree.get(cast.tree.get(cast.B).parent_id).children.find((id) => id !== cast.B);
    const other = await login(srv, await createUser(srv, cast.admin, { username: 'sibling_secretary', display_name: '邻支部书记',
      role: 'branch_secretary', org_id: sibling }));
    const group = (await sec.get(`/api/v1/orgs/${cast.B}/groups`)).json.groups[0];
    assert.equal((await other.get(`/api/v1/orgs/${cast.B}/groups`)).status, 404);
    const r = await other.request('PUT', `/api/v1/groups/${group.id}`, { json: { version: group.version, name: '改名', scope: 'other' } });
    assert.equal(r.status, 404, r.toString());
    assert.equal((await sec.get(`/api/v1/orgs/${cast.B}/groups`)).json.groups[0].name, group.name);
  });

  test('a joint branch records the units it covers; the sixth shows the §1.2 warning', async () => {
    const street = cast.actors.street_admin.client;
    const community = cast.tree.get(cast.B).parent_id;
    const made = await street.post('/api/v1/reorganizations', { kind: 'create', on: today(), approval_doc: '海嵩党工〔2026〕41号',
      org_id: community, spec: { name: '海发楼宇联合党支部', type: 'joint_branch' } });
    assert.equal(made.status, 201, made.toString());
    const joint = made.json.created_ids[0];
    const bad = await street.post(`/api/v1/orgs/${joint}/units`, { name: '某某公司', unit_type: 'non_public_enterprise',
      uscc: '91350200MA2XXXXXX1' });
    assert.equal(bad.status, 400, bad.toString());
    assert.match(bad.error.fields[0].message, /^统一社会信用代码应为 18 位/);
    const ids = [];
    for (let i = 1; i <= 6; i++) {
      const r = await street.post(`/api/v1/orgs/${joint}/units`, { name: `某某科技有限公司${i}`, unit_type: 'non_public_enterprise' });
      assert.equal(r.status, 201, r.toString());
      ids.push(r.json.id);
    }
    const groups = await street.get(`/api/v1/orgs/${joint}/groups`);
    assert.ok(groups.json.warnings.some((w) => w.key === 'org.rule.joint_branch_units'), 'the units panel warns too');
    let committee = await street.get(`/api/v1/orgs/${joint}/committee`);
    assert.equal(committee.json.covered_units, 6);
    assert.ok(committee.json.warnings.some((w) => w.key === 'org.rule.joint_branch_units' && /一般不超过五个/.test(w.message)));
    const end = await street.post(`/api/v1/orgs/${joint}/units/${ids[0]}/end`, { on: today() });
    assert.equal(end.status, 204, end.toString());
    committee = await street.get(`/api/v1/orgs/${joint}/committee`);
    assert.ok(!committee.json.warnings.some((w) => w.key === 'org.rule.joint_branch_units'));
    assert.equal((await street.get(`/api/v1/orgs/${joint}/groups`)).json.units.length, 5);
    // A branch secretary holds no org_write; a plain branch covers no units.
    assert.equal((await sec.post(`/api/v1/orgs/${cast.B}/units`, { name: '某单位', unit_type: 'other' })).status, 403);
    assert.equal((await street.post(`/api/v1/orgs/${cast.B}/units`, { name: '某单位', unit_type: 'other' })).status, 422);
  });
});
