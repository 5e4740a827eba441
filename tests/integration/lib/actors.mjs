// The cast of the access-matrix tests on `gen --scale=test` (root 中共测试市委员会 → 2 districts → 2 streets
// → 2 communities → 2 branches): one user per role and org level, created by the root sys_admin through
// the API (the member's account opened by the city admin from the member's record: a sys_admin never links an
// account to a member) and logged in once each.
import assert from 'node:assert/strict';
import { createUser, login, loginAdmin, openMemberAccount } from './client.mjs';
import { loadTree } from './tree.mjs';

/** What each role may do (docs/api.md "Roles"; the permissions the server's policy grants). */
export const PERMS = {
  sys_admin: ['org_read', 'user_read', 'user_manage'],
  sec_admin: ['org_read', 'user_read', 'user_unlock'],
  audit_admin: ['org_read', 'audit_read'],
  org_admin: ['org_read', 'org_write', 'member_read', 'member_write', 'member_reveal', 'transfer_issue', 'event_read', 'event_write'],
  branch_secretary: ['org_read', 'member_read', 'member_write', 'member_reveal', 'event_read', 'event_write'],
  member: [],
  // narrowed (issue 17; tests/integration/roles.test.mjs): over their grids or what was whistled to them only
  grid_worker: ['org_read', 'event_read', 'event_write'],
  grid_leader: ['org_read', 'event_read', 'event_write'],
  dept_liaison: ['event_read', 'event_write'],
  unit_liaison: ['event_read', 'event_write'],
};

export async function setupCast(srv) {
  const { client: admin, account: adminAccount } = await loginAdmin(srv);
  const tree = await loadTree(admin);
  const root = tree.root.id;
  const D1 = tree.root.children[0];
  const S1 = tree.get(D1).children[0];
  const C1 = tree.get(S1).children[0];
  const B = tree.get(C1).children[0];

  // A reader of the whole tree, to find member ids for targets (a sys_admin never sees members).
  const cityAccount = await createUser(srv, admin, { username: 'city_admin', display_name: '市委管理员', role: 'org_admin', org_id: root });
  const city = await login(srv, cityAccount);
  const firstMember = async (orgId) => {
    const r = await city.get(`/api/v1/members?org_id=${orgId}&limit=1`);
    assert.equal(r.status, 200, r.toString());
    return r.json.items[0];
  };
  const memberOfB = await firstMember(B);

  const specs = [
    { name: 'district_admin', display_name: '区委管理员', role: 'org_admin', org: D1 },
    { name: 'street_admin', display_name: '街道管理员', role: 'org_admin', org: S1 },
    { name: 'secretary', display_name: '支部书记', role: 'branch_secretary', org: B },
    { name: 'member', display_name: memberOfB.name, role: 'member', org: B, member_id: memberOfB.id },
    { name: 'auditor', display_name: '审计管理员', role: 'audit_admin', org: root },
    { name: 'district_sec', display_name: '区安全管理员', role: 'sec_admin', org: D1 },
    { name: 'street_sys', display_name: '街道系统管理员', role: 'sys_admin', org: S1 },
  ];
  const actors = {
    sys_root: { name: 'sys_root', role: 'sys_admin', org: root, account: adminAccount, client: admin },
    city_admin: { name: 'city_admin', role: 'org_admin', org: root, account: cityAccount, client: city },
  };
  for (const s of specs) {
    const account = s.member_id ? await openMemberAccount(srv, city, s.member_id, s.name)
      : await createUser(srv, admin, { username: s.name, display_name: s.display_name, role: s.role, org_id: s.org });
    actors[s.name] = { ...s, account, client: await login(srv, account) };
  }
  return { admin, adminAccount, tree, root, D1, S1, C1, B, city, firstMember, memberOfB, actors };
}
