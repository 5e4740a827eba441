// Party-mass service positions over HTTP (issue 4; domain.md §10.2): a community committee registers its 党群服务中心
// with coordinates, weekly hours and services; the branch below sees it (it serves the branch) and a branch of
// another community does not; bad input names each field in Chinese; a move of the community's branch to another
// community hands its 党群之家 over with it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

describe('service positions (gen --scale=test)', () => {
  let srv, cast, committee, community, otherCommunity, centreId;
  const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const ALL_WEEK = ['08:00-12:00', '14:00-24:00'];

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    community = cast.tree.get(cast.B).parent_id;
    otherCommunity = cast.tree.get(cast.S1).children.find((id) => id !== community);
    committee = await login(srv, await createUser(srv, cast.admin, { username: 'centre_admin', display_name: '社区党委管理员',
      role: 'org_admin', org_id: community }));
  });
  after(() => srv && srv.stop());

  test('the committee registers its centre; the branch below sees it, another community\'s branch does not', async () => {
    const hours = { mon: ALL_WEEK, tue: ALL_WEEK, wed: ALL_WEEK, thu: ALL_WEEK, fri: ALL_WEEK, sat: ['09:00-17:00'] };
    const r = await committee.post('/api/v1/positions', { org_id: community, level: 'community_centre', name: '海发社区党群服务中心',
      address: '厦门市海沧区海虹路1号', lat: 24.4798, lng: 118.0357, area_m2: 2000, phone: '0592-6012345', hours,
      services: ['party_affairs', 'transfer', 'floating'] });
    assert.equal(r.status, 201, r.toString());
    centreId = r.json.id;
    const got = await cast.actors.secretary.client.get(`/api/v1/positions/${centreId}`);
    assert.equal(got.status, 200, got.toString());
    assert.deepEqual(got.json.hours.mon, ALL_WEEK);
    assert.deepEqual(got.json.hours.sun, []);
    assert.deepEqual(got.json.point, { lat: 24.4798, lng: 118.0357 });
    assert.equal(got.json.org.id, community);
    assert.equal(typeof got.json.open_now, 'boolean');
    const listed = await cast.actors.secretary.client.get('/api/v1/positions');
    assert.ok(listed.json.items.some((p) => p.id === centreId), 'the branch is served by its community\'s centre');

    const outsider = await login(srv, await createUser(srv, cast.admin, { username: 'far_secretary', display_name: '外社区书记',
      role: 'branch_secretary', org_id: cast.tree.get(otherCommunity).children[0] }));
    assert.equal((await outsider.get(`/api/v1/positions/${centreId}`)).status, 404);
    assert.ok(!(await outsider.get('/api/v1/positions')).json.items.some((p) => p.id === centreId));
  });

  test('bad input names each field in Chinese', async () => {
    const r = await committee.post('/api/v1/positions', { org_id: community, level: 'community_centre', name: '站', address: '路',
      lat: 51.5, lng: -0.12, hours: { wed: ['18:00-09:00'] }, services: ['karaoke'] });
    assert.equal(r.status, 400, r.toString());
    const msg = (f) => r.error.fields.find((x) => x.field === f)?.message;
    assert.match(msg('name'), /^阵地名称应为 2–60 个字符/);
    assert.match(msg('hours.wed[0]'), /^周三开放时间应写成“08:30-12:00”/);
    assert.match(msg('lng'), /^经度不在我国境内/);
    assert.match(msg('services[0]'), /服务项目不在服务项目目录中/);
  });

  test('a moved branch hands its 党群之家 over to the new version', async () => {
    const home = await committee.post('/api/v1/positions', { org_id: cast.B, level: 'compound_home', name: '绿苑小区党群之家',
      address: '绿苑小区3号楼' });
    assert.equal(home.status, 201, home.toString());
    const street = cast.actors.street_admin.client;
    const moved = await street.post('/api/v1/reorganizations', { kind: 'move', on: today(), approval_doc: '海嵩党工〔2026〕30号',
      org_id: cast.B, new_parent_id: otherCommunity });
    assert.equal(moved.status, 201, moved.toString());
    assert.equal(moved.json.counts.positions_moved, 1);
    const after = await street.get(`/api/v1/positions/${home.json.id}`);
    assert.equal(after.json.org.id, moved.json.created_ids[0]);
  });
});
