// Scope beyond the URL (security.md A2: ids inside bodies; A3: aggregates and search; D2: masking in lists)
// and the org contract of docs/api.md, on `gen --scale=test`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser } from './lib/client.mjs';

describe('A2/A3: scope of ids in bodies, searches and counts (gen --scale=test)', () => {
  let srv, cast, snapshot;

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    // Users with grants and status, as the root sys_admin sees them: the state A2 requests must not change.
    snapshot = async () => JSON.stringify((await cast.admin.all('/api/v1/users')).map((u) =>
      [u.id, u.username, u.status, u.member_id, u.grants.map((g) => [g.id, g.role, g.org_id])]));
  });
  after(() => srv && srv.stop());

  test('A2: POST /users with an org_id or member_id outside the actor\'s subtree is refused; nothing changes', async () => {
    const { actors, tree, S1, B, firstMember } = cast;
    const sys = actors.street_sys.client;  // sys_admin on street S1
    const rel = tree.relations(S1);
    const before = await snapshot();
    const outside = [rel.sibling, rel.parent, rel.other, tree.root.id, 999999];
    for (const org of outside) {
      const r = await sys.post('/api/v1/users', { username: `a2_org_${org}`, display_name: 'A2', role: 'org_admin', org_id: org });
      assert.equal(r.status, 400, r.toString());
      assert.deepEqual(r.fieldNames(), ['org_id'], r.text);
    }
    // The same message for an existing org outside the scope and for no org at all: existence is not confirmed.
    const a = await sys.post('/api/v1/users', { username: 'a2_same', display_name: 'A2', role: 'org_admin', org_id: rel.sibling });
    const b = await sys.post('/api/v1/users', { username: 'a2_same', display_name: 'A2', role: 'org_admin', org_id: 999999 });
    assert.deepEqual(a.error.fields, b.error.fields);
    // member_id is refused wherever the member is (issue 15 defect 2: a sys_admin never links an account to a member;
    // the member's org opens it from the record): another district, a sibling branch, a sibling street, none, and
    // a member of the granted org itself.
    const sibBranch = tree.get(tree.get(B).parent_id).children.find((id) => id !== B);
    const cases = [[B, (await firstMember(tree.lastLeaf(rel.other))).id], [B, (await firstMember(sibBranch)).id],
      [S1, (await firstMember(tree.lastLeaf(rel.sibling))).id], [B, 99999999], [B, (await firstMember(B)).id]];
    for (const [org, member] of cases) {
      const r = await sys.post('/api/v1/users', { username: `a2_m_${member}`, display_name: 'A2', role: 'member', org_id: org, member_id: member });
      assert.equal(r.status, 400, r.toString());
      assert.deepEqual(r.fieldNames(), ['member_id'], r.text);
    }
    assert.equal(await snapshot(), before, 'A2: no state change');
    const ok = await sys.post('/api/v1/users', { username: 'a2_member_ok', display_name: 'A2', role: 'member', org_id: B });
    assert.equal(ok.status, 201, 'positive control: the same user without member_id');
  });

  test('A2: grants on orgs outside the scope, to users outside it, or revoking their grants are refused', async () => {
    const { actors, admin, tree, S1 } = cast;
    const sys = actors.street_sys.client;
    const rel = tree.relations(S1);
    const inside = await createUser(srv, admin, { username: 'a2_inside', role: 'branch_secretary', org_id: rel.child }, { activate: false });
    const outsider = await createUser(srv, admin, { username: 'a2_outside', role: 'branch_secretary', org_id: rel.sibling }, { activate: false });
    const before = await snapshot();
    for (const org of [rel.sibling, rel.parent, rel.other, tree.root.id]) {
      for (const role of ['org_admin', 'sys_admin']) {
        const r = await sys.post(`/api/v1/users/${inside.id}/grants`, { role, org_id: org });
        assert.equal(r.status, 400, r.toString());
        assert.deepEqual(r.fieldNames(), ['org_id']);
      }
    }
    const r = await sys.post(`/api/v1/users/${outsider.id}/grants`, { role: 'org_admin', org_id: S1 });
    assert.equal(r.status, 404, 'a user outside the scope is not found, even with an org inside');
    const foreignGrant = outsider.user.grants[0].id;
    const d1 = await sys.del(`/api/v1/users/${inside.id}/grants/${foreignGrant}`);
    assert.equal(d1.status, 404, `a grant id of another user through an in-scope user: ${d1}`);
    const d2 = await sys.del(`/api/v1/users/${outsider.id}/grants/${foreignGrant}`);
    assert.equal(d2.status, 404);
    for (const action of ['reset', 'disable', 'enable']) {
      assert.equal((await sys.post(`/api/v1/users/${outsider.id}/${action}`)).status, 404, action);
    }
    const self = await admin.post(`/api/v1/users/${(await admin.get('/api/v1/auth/session')).json.user.id}/grants`,
      { role: 'org_admin', org_id: S1 });
    assert.equal(self.status, 403, 'nobody grants roles to itself');
    const mixed = await admin.post(`/api/v1/users/${actors.street_sys.account.id}/grants`, { role: 'audit_admin', org_id: S1 });
    assert.equal(mixed.status, 400, 'the three admin roles are exclusive on one user');
    assert.deepEqual(mixed.fieldNames(), ['role']);
    assert.equal(await snapshot(), before, 'A2: no state change');
  });

  test('A3: a name that exists only in a sibling branch (or another district) gives 0 results to a branch secretary', async () => {
    const { actors, tree, B, city } = cast;
    const sec = actors.secretary.client;
    const own = await city.all(`/api/v1/members?org_id=${B}`);
    const sib = tree.get(tree.get(B).parent_id).children.find((id) => id !== B);
    const far = tree.lastLeaf(tree.relations(B).other);
    let probes = 0;
    for (const org of [sib, far]) {
      for (const m of await city.all(`/api/v1/members?org_id=${org}`)) {
        if (own.some((o) => o.name.startsWith(m.name))) continue;  // the search is by name prefix
        const r = await sec.get(`/api/v1/members?q=${encodeURIComponent(m.name)}`);
        assert.equal(r.status, 200, r.toString());
        assert.deepEqual(r.json.items, [], `A3: ${m.name} of org ${org} leaked to the secretary of ${B}`);
        probes++;
        if (probes % 3 === 0) break;
      }
    }
    assert.ok(probes >= 2, 'probed at least two outside names');
    const mine = await sec.get(`/api/v1/members?q=${encodeURIComponent(own[0].name)}`);
    assert.ok(mine.json.items.some((m) => m.id === own[0].id), 'positive control: an own member is found');
    assert.ok(mine.json.items.every((m) => m.org_id === B));
  });

  test('A3: member_count equals what the same actor can list (normal members), for secretary, street and district admins', async () => {
    const { actors, tree } = cast;
    for (const name of ['secretary', 'street_admin', 'district_admin', 'city_admin']) {
      const { client, org } = actors[name];
      const o = await client.get(`/api/v1/orgs/${org}`);
      assert.equal(o.status, 200);
      const listed = await client.all(`/api/v1/members?org_id=${org}`);
      const all = await client.all('/api/v1/members');
      assert.equal(all.length, listed.length, `${name}: the unfiltered list is the own subtree`);
      const normal = listed.filter((m) => m.status === 'normal').length;
      assert.equal(o.json.member_count, normal, `${name}: member_count of org ${org} vs listed normal members`);
      assert.equal(o.json.child_count, tree.get(org).children.length, `${name}: child_count`);
      const kids = await client.get(`/api/v1/orgs/${org}/children`);
      for (const k of kids.json.items) {
        const n = (await client.all(`/api/v1/members?org_id=${k.id}`)).filter((m) => m.status === 'normal').length;
        assert.equal(k.member_count, n, `${name}: member_count of child ${k.id}`);
      }
      const ids = new Set(listed.map((m) => m.id));
      assert.equal(ids.size, listed.length, `${name}: paging returns no duplicates`);
      for (const m of listed) assert.ok(tree.inSubtree(m.org_id, org), `${name}: member ${m.id} outside the subtree`);
    }
  });

  test('D2: lists and details are masked for office roles (no full ID number, phone or address)', async () => {
    const { actors } = cast;
    for (const name of ['secretary', 'street_admin', 'city_admin']) {
      const c = actors[name].client;
      const list = await c.get('/api/v1/members?limit=200');
      const one = await c.get(`/api/v1/members/${list.json.items[0].id}`);
      for (const r of [list, one]) {
        assert.doesNotMatch(r.text, /\d{17}[\dX]/, `${name}: a full ID number in ${r.path}`);
        assert.doesNotMatch(r.text, /(?<!\d)1\d{10}(?!\d)/, `${name}: a full phone number in ${r.path}`);
      }
      for (const m of list.json.items) {
        assert.match(m.id_number, /^\d{2}\*+[\dX]{3}$/, 'id_number masked as 35**********123');
        if (m.phone) assert.match(m.phone, /^\d{3}\*{4}\d{4}$/, 'phone masked as 138****1234');
      }
    }
    const me = await actors.member.client.get('/api/v1/me');
    assert.equal(me.status, 200);
    assert.match(me.json.member.phone, /^1\d{10}$/, 'a member sees the own phone in full');
  });

  test('api.md: GET /users?org_id= lists only users with a grant in that subtree; outside the scope → 400 org_id', async () => {
    const { admin, actors, tree, S1, B } = cast;
    const all = await admin.all('/api/v1/users');
    for (const org of [S1, B]) {
      const want = all.filter((u) => u.grants.some((g) => tree.inSubtree(g.org_id, org))).map((u) => u.id).sort();
      const got = (await admin.all(`/api/v1/users?org_id=${org}`)).map((u) => u.id).sort();
      assert.ok(want.length < all.length, 'the filter has something to remove');
      assert.deepEqual(got, want, `GET /users?org_id=${org}`);
    }
    const r = await actors.street_sys.client.get(`/api/v1/users?org_id=${tree.relations(S1).sibling}`);
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['org_id']);
  });

  test('api.md: GET /orgs/{id}/children lists children in the order they were set up (id)', async () => {
    // Offices list their communities and branches in their own (setup) order; a code-point sort of Chinese
    // names means nothing to a reader, so the contract is creation order.
    const { admin, tree } = cast;
    for (const o of tree.nodes.values()) {
      if (o.children.length < 2) continue;
      const ids = (await admin.get(`/api/v1/orgs/${o.id}/children`)).json.items.map((x) => x.id);
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b), `children of ${o.id} out of setup order`);
    }
  });
});
