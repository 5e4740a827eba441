// Reorganizations over HTTP (issue 4: "Reorganizations (split, merge, rename, move) keep history, and a preview
// shows what changes before it is committed"; domain.md §1.1, §1.2). The street moves a branch from one of its
// communities to the other: the preview says what will change and writes nothing; after the commit the tree as
// of the day before still has the branch where it was, with its members, and from that day a new version stands
// under the other community with the members, the secretary's role and its history. A rename shows the old name
// as of earlier days; merge, split and a blocked dissolve; a community cannot reorganize itself nor reach outside
// its subtree through the body.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

describe('reorganizations (gen --scale=test)', () => {
  let srv, cast, street, community, otherCommunity, B, B2, communityAdmin;
  const daysAgo = (n) => new Date(Date.now() + 8 * 3600e3 - n * 86400e3).toISOString().slice(0, 10);
  const DOC = '海嵩党工〔2026〕21号';

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    const { tree, admin } = cast;
    B = cast.B;
    community = tree.get(B).parent_id;
    B2 = tree.get(community).children.find((id) => id !== B);
    otherCommunity = tree.get(cast.S1).children.find((id) => id !== community);
    street = cast.actors.street_admin.client;
    communityAdmin = await login(srv, await createUser(srv, admin, { username: 'community_admin', display_name: '社区党委管理员',
      role: 'org_admin', org_id: community }));
  });
  after(() => srv && srv.stop());

  const children = async (org, asOf) => {
    const r = await cast.city.get(`/api/v1/orgs/${org}/children${asOf ? `?as_of=${asOf}` : ''}`);
    assert.equal(r.status, 200, r.toString());
    return r.json.items;
  };

  test('move: the preview writes nothing; the day before keeps the old tree; members, roles and history follow', async () => {
    const members = (await cast.city.all(`/api/v1/members?org_id=${B}`)).length;
    assert.ok(members > 0);
    const body = { kind: 'move', on: daysAgo(3), approval_doc: DOC, org_id: B, new_parent_id: otherCommunity };
    const p = await street.post('/api/v1/reorganizations/preview', body);
    assert.equal(p.status, 200, p.toString());
    assert.equal(p.json.can_commit, true, p.text);
    assert.equal(p.json.counts.members_moved, members);
    assert.equal(p.json.counts.grants_moved, 2, 'the branch secretary\'s role and the member\'s own account');
    assert.equal(p.json.created[0].parent_name, cast.tree.get(otherCommunity).name);
    assert.equal(p.json.created[0].new_version, true);
    assert.deepEqual(p.json.closed.map((c) => c.id), [B]);
    assert.ok((await children(community)).some((o) => o.id === B), 'a preview changes nothing');

    const done = await street.post('/api/v1/reorganizations', body);
    assert.equal(done.status, 201, done.toString());
    const moved = done.json.created_ids[0];

    const before = await children(community, daysAgo(4));
    const old = before.find((o) => o.id === B);
    assert.ok(old, 'the tree of the day before still has the branch under its community');
    assert.equal(old.member_count, members);
    assert.ok(!(await children(community)).some((o) => o.id === B), 'closed from the day');
    const now = (await children(otherCommunity)).find((o) => o.id === moved);
    assert.ok(now, 'the new version stands under the other community');
    assert.equal(now.name, cast.tree.get(B).name);
    assert.equal(now.member_count, members);
    assert.equal((await cast.city.all(`/api/v1/members?org_id=${moved}`)).length, members);

    // The secretary's role follows the branch: the new version is theirs, the old community is not.
    const sec = cast.actors.secretary.client;
    assert.equal((await sec.get(`/api/v1/orgs/${moved}`)).status, 200);
    assert.equal((await sec.get(`/api/v1/members?org_id=${moved}&limit=5`)).status, 200);
    assert.equal((await sec.get(`/api/v1/orgs/${B2}`)).status, 404);

    const h = await cast.city.get(`/api/v1/orgs/${moved}/history`);
    assert.equal(h.status, 200, h.toString());
    assert.deepEqual(h.json.items.map((e) => e.event), ['moved_in', 'moved_out']);
    assert.equal(h.json.items[0].approval_doc, DOC);
    assert.equal(h.json.items[0].other_org.id, B);
    const list = await street.get('/api/v1/reorganizations');
    assert.equal(list.json.items[0].kind, 'move');
    B = moved;
  });

  test('rename: in place, and the tree of an earlier day shows the old name', async () => {
    const oldName = cast.tree.get(B2).name;
    const r = await street.post('/api/v1/reorganizations', { kind: 'rename', on: daysAgo(2), approval_doc: DOC, org_id: B2,
      spec: { name: '绿苑社区第一党支部', place_kind: 'compound', place_name: '绿苑小区' } });
    assert.equal(r.status, 201, r.toString());
    assert.equal((await children(community, daysAgo(3))).find((o) => o.id === B2).name, oldName);
    const now = (await children(community)).find((o) => o.id === B2);
    assert.equal(now.name, '绿苑社区第一党支部');
    assert.deepEqual(now.place, { kind: 'compound', name: '绿苑小区' });
  });

  test('who decides: a community reorganizes the branches below it, not itself, and nothing outside through the body', async () => {
    let r = await communityAdmin.post('/api/v1/reorganizations', { kind: 'rename', on: daysAgo(1), approval_doc: DOC,
      org_id: community, spec: { name: '改名的社区党委' } });
    assert.equal(r.status, 403, r.toString());
    assert.match(r.error.message, /由上级党组织决定/);
    r = await communityAdmin.post('/api/v1/reorganizations/preview', { kind: 'move', on: daysAgo(1), approval_doc: DOC,
      org_id: B2, new_parent_id: otherCommunity });
    assert.equal(r.status, 404, r.toString());
    r = await communityAdmin.post('/api/v1/reorganizations', { kind: 'merge', on: daysAgo(1), approval_doc: DOC,
      org_id: B2, merged: [B] });
    assert.equal(r.status, 404, r.toString());
    assert.equal((await cast.city.get(`/api/v1/orgs/${B}`)).json.valid_to, null, 'nothing closed');
    r = await cast.actors.secretary.client.post('/api/v1/reorganizations/preview', { kind: 'create', on: daysAgo(1),
      approval_doc: DOC, org_id: B, spec: { name: '支部下的组织', type: 'branch' } });
    assert.equal(r.status, 403, r.toString());
  });

  test('a branch cannot hold orgs; bad input names the field in Chinese', async () => {
    let r = await communityAdmin.post('/api/v1/reorganizations/preview', { kind: 'create', on: daysAgo(1), approval_doc: DOC,
      org_id: B2, spec: { name: '楼栋党支部', type: 'branch' } });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['spec.type']);
    assert.match(r.error.fields[0].message, /党支部下不设党组织/);
    r = await communityAdmin.post('/api/v1/reorganizations', { kind: 'create', on: '2099-01-01', approval_doc: '', org_id: community,
      spec: { name: '新', type: 'branch', extra: 1 } });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames().sort(), ['spec.extra']);
    r = await communityAdmin.post('/api/v1/reorganizations', { kind: 'create', on: '2099-01-01', approval_doc: '', org_id: community,
      spec: { name: '新', type: 'branch' } });
    assert.deepEqual(r.fieldNames().sort(), ['approval_doc', 'on', 'spec.name']);
    assert.match(r.error.fields.find((f) => f.field === 'spec.name').message, /^组织名称/);
    assert.match(r.error.fields.find((f) => f.field === 'on').message, /不能晚于今天/);
  });

  test('split, merge and a blocked dissolve: members go where the decision says, the rules are quoted', async () => {
    const members = await communityAdmin.all(`/api/v1/members?org_id=${B2}`);
    const chosen = members.slice(0, 2).map((m) => m.id);
    let r = await communityAdmin.post('/api/v1/reorganizations/preview', { kind: 'split', on: daysAgo(1), approval_doc: DOC,
      org_id: B2, spec: { name: '绿苑社区第二党支部' }, member_ids: chosen });
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.after.length, 2);
    assert.ok(r.json.after[1].warnings.some((w) => w.key === 'org.rule.branch_min_full' && /正式党员三人以上/.test(w.message)),
      JSON.stringify(r.json.after[1]));
    r = await communityAdmin.post('/api/v1/reorganizations', { kind: 'split', on: daysAgo(1), approval_doc: DOC,
      org_id: B2, spec: { name: '绿苑社区第二党支部' }, member_ids: chosen });
    assert.equal(r.status, 201, r.toString());
    const split = r.json.created_ids[0];
    assert.deepEqual((await communityAdmin.all(`/api/v1/members?org_id=${split}`)).map((m) => m.id).sort(), [...chosen].sort());

    r = await communityAdmin.post('/api/v1/reorganizations', { kind: 'dissolve', on: daysAgo(0), approval_doc: DOC, org_id: split });
    assert.equal(r.status, 422, r.toString());
    assert.match(r.error.fields[0].message, /还有 2 名党员/);

    r = await communityAdmin.post('/api/v1/reorganizations', { kind: 'merge', on: daysAgo(0), approval_doc: DOC, org_id: B2,
      merged: [split] });
    assert.equal(r.status, 201, r.toString());
    assert.equal((await communityAdmin.all(`/api/v1/members?org_id=${B2}`)).length, members.length);
    assert.ok(!(await children(community)).some((o) => o.id === split), 'the merged branch closed');
    const h = await cast.city.get(`/api/v1/orgs/${split}/history`);
    assert.deepEqual(h.json.items.map((e) => e.event), ['merged_into', 'split_off']);
  });
});
