// security.md A1: every route of `lianxin routes` × every role × org relation (own, child, parent, sibling,
// other district) against `gen --scale=test`, with exact expected statuses: 2xx only where the role holds
// the permission and the target lies in its subtree; 403 where the role never holds the permission; 404
// for objects (orgs, users, members, grants in the path) outside the subtree. Ids in bodies and filters
// out of scope answer 400 naming the field (org_id), with the same "does not exist or is outside your
// scope" message as a nonexistent id. A meta-test fails when a route lacks a matrix entry.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { routeTable, startServer } from './lib/server.mjs';
import { PERMS, setupCast } from './lib/actors.mjs';
import { createUser, login, strongPassword } from './lib/client.mjs';
import { syntheticId } from './lib/ids.mjs';
import { FULL_ID, OCTET, XLSX_TYPE, memberCsv, readExport } from './lib/sheets.mjs';
import { halvesPng } from './lib/images.mjs';

let strangers = 0;
let photoId = null;  // a photo the city admin uploaded (before)
let applicants = 0;
let arrivals = 0;
/** A letter from outside addressed to org T, for a person no other test uses. */
const incoming = (T) => {
  arrivals += 1;
  return { to_org_id: T, from_org_name: '外省某县某乡党委', name: `转入${arrivals}`, sex: 'female',
    id_number: syntheticId(`1979${String(1 + (arrivals % 12)).padStart(2, '0')}20`, 2 * arrivals), category: 'full',
    join_date: '2001-07-01', conversion_date: '2002-07-01', on: '2026-02-03',
    letter: { serial: `外-${arrivals}`, issued_on: '2026-02-01', valid_days: 30, dues_paid_to: '2026-01' } };
};
let posts = 0;
let units = 0;
/** A new application for org T with an ID number no other test uses. */
const application = (T) => {
  applicants += 1;
  return { org_id: T, name: `申请人${applicants}`, sex: 'male', id_number: syntheticId(`1985${String(1 + (applicants % 12)).padStart(2, '0')}15`, 2 * applicants + 1),
    applied_on: '2026-01-05' };
};

let imported = 0;
let orgSheets = 0;
/** An org sheet with one new functional branch of a name no other walk uses (its parent: the import's org). */
let hotlineRefs = 0;
/** A hotline work-order sheet of one row, its 工单编号 new at each call. */
const hotlineSheet = () => Buffer.from(`工单编号,来电时间,诉求内容,类别\r\nGD-MX-${++hotlineRefs},2026-11-20 09:30,矩阵：路灯不亮,路灯损坏\r\n`);
const orgSheet = () => {
  orgSheets += 1;
  return Buffer.from(`组织名称,组织类别\r\n矩阵导入功能型党支部${orgSheets},功能型党支部\r\n`);
};
/** A sheet with one new person placed by name in branch `branchName` (an ID number no other test uses). */
const importSheet = (branchName) => {
  imported += 1;
  return Buffer.from(memberCsv([{ name: `导入${'甲乙丙丁戊己庚辛壬癸'[imported % 10]}${imported}`,
    id_number: syntheticId(`1975${String(1 + (imported % 12)).padStart(2, '0')}10`, 2 * imported), phone: '13700000000',
    org: branchName }]));
};

const BRANCH_TYPES = new Set(['branch', 'joint_branch', 'functional_branch']);
const can = (actor, p) => PERMS[actor.role].includes(p);
// The permission a route needs is the one of its row in the route table (`lianxin routes`, c.perm; issue 16 "Each
// shape once"), not a copy here: a route whose row names a weaker permission than its use case checks answers 403
// where the matrix expects the use case to run, and one whose row is stronger denies what the matrix allows.
/** Status for a route needing its permission on a target: 403 without it, else allowed or `outside`. */
const scoped = (allowed, outside = 404) => (a, inScope, c) => (!can(a, c.perm) ? 403 : inScope ? allowed : outside);
const always = (status) => () => status;
/** For grid routes: the target's grid lies in community c.gridOrg, which decides the scope. */
const gridScoped = (allowed) => (a, _inScope, c) => (!can(a, c.perm) ? 403 : c.tree.inSubtree(c.gridOrg, c.actor.org) ? allowed : 404);
/** Reading a grid: also a branch secretary of a branch inside the grid's community (issue 17, read only). */
const gridReadable = (allowed) => (a, _inScope, c) => (!can(a, c.perm) ? 403
  : c.tree.inSubtree(c.gridOrg, c.actor.org) || (a.role === 'branch_secretary' && c.tree.inSubtree(c.actor.org, c.gridOrg)) ? allowed : 404);
const CAN_SEE = (c, org) => c.tree.inSubtree(org, c.actor.org);
let gridCodes = 0;
/** A GeoJSON of one grid for the import routes; `bow`: its polygon crosses itself. */
const gridFile = (bow) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature',
  properties: { code: '350000009999001', name: '矩阵导入网格' }, geometry: { type: 'Polygon', coordinates: [bow
    ? [[117.5, 23.5], [117.501, 23.501], [117.501, 23.5], [117.5, 23.501], [117.5, 23.5]]
    : [[117.5, 23.5], [117.501, 23.5], [117.501, 23.501], [117.5, 23.501], [117.5, 23.5]]] } }] });
/** A small square of its own for community C (n: which one), far from the grids of other tests. */
const gridSquare = (C, n) => {
  const x = 118 + (C % 100) * 0.01 + n * 0.0001;
  const y = 24 + Math.floor(C / 100) * 0.01;
  return { type: 'Polygon', coordinates: [[[x, y], [x + 0.00005, y], [x + 0.00005, y + 0.00005], [x, y + 0.00005], [x, y]]] };
};
const onlyWith = (allowed = 200) => (a, _inScope, c) => (can(a, c.perm) ? allowed : 403);

// target: none (once per actor) | org | user | member (once per relation; ids taken from the target org).
const MATRIX = {
  'GET /healthz': { target: 'none', expect: always(200) },
  'GET /readyz': { target: 'none', expect: always(200) },
  'GET /api/v1/setup': { target: 'none', query: () => '?token=not-a-real-token', expect: always(404) },
  'POST /api/v1/setup': { target: 'none', body: () => ({ token: 'not-a-real-token', password: strongPassword() }),
    expect: always(404) },
  // A new name each time: five failures of one name from one address make the next try wait (429).
  'POST /api/v1/auth/login': { target: 'none', body: () => ({ username: `nobody-at-all-${++strangers}`, password: 'Wrong-password-1' }),
    expect: always(401) },
  'POST /api/v1/auth/logout': { target: 'none', last: true, expect: always(204) },
  'GET /api/v1/auth/session': { target: 'none', expect: always(200),
    check: (r, c) => assert.equal(r.json.user.username, c.actor.account.username) },
  'POST /api/v1/auth/totp/enroll': { target: 'none', expect: always(422) },  // mfa is none or ok: nothing to enrol
  'POST /api/v1/auth/totp/verify': { target: 'none', body: () => ({ code: '000000' }), expect: always(422) },
  'POST /api/v1/auth/password': { target: 'none', body: () => ({ old_password: 'not-the-password', new_password: strongPassword() }),
    expect: always(400) },
  // A resident's intake (issue 17). The code routes are public, like the log-in: the matrix server has no code
  // sender configured (otp.sender none), so a request answers 503 for every caller and the dev outbox is 404.
  'POST /api/v1/public/codes': { target: 'none', body: () => ({ phone: '13900009999' }), expect: always(503) },
  'POST /api/v1/public/codes/verify': { target: 'none', body: () => ({ phone: '13900009999', code: '000000' }),
    expect: always(400), check: (r) => assert.deepEqual(r.fieldNames(), ['code']), checkErrors: true },
  'GET /api/v1/public/intake': { target: 'none', expect: always(200), check: (r) => assert.equal(r.json.photos_max, 6) },
  'GET /api/v1/dev/sent-codes': { target: 'none', expect: always(404) },
  // Photos: any signed-in user uploads; a photo on no event (this one, the city admin's) is read by its uploader and
  // by staff holding event_read, 404 to the rest; one on an event only with the event (loop.test.mjs).
  'POST /api/v1/photos': { target: 'none', file: () => halvesPng(16, 16), expect: always(201),
    check: (r) => assert.match(r.json.photo_id, /^[0-9a-f]{64}$/) },
  'GET /api/v1/photos/:photo_id': { target: 'none', expect: (a) => (a.name === 'city_admin' || can(a, 'event_read') ? 200 : 404),
    check: (r) => assert.equal(r.headers['content-type'], 'image/jpeg') },
  // A resident's own events (issue 17): only a resident's bearer token opens them — a staff session is 401
  // (auth.resident_token) whatever its role; resident_events.test.mjs walks them as residents. The follow link is
  // public: an unknown token is 404 for everyone.
  'GET /api/v1/public/event-categories': { target: 'none', expect: always(401) },
  'GET /api/v1/public/places': { target: 'none', expect: always(401) },
  'POST /api/v1/public/events': { target: 'none', body: () => ({ category_code: 'city.garbage', description: '矩阵' }),
    expect: always(401) },
  'GET /api/v1/public/events': { target: 'none', expect: always(401) },
  'POST /api/v1/public/events/:id/confirm': { target: 'event', body: () => ({ outcome: 'resolved', score: 5 }),
    expect: always(401) },
  'GET /api/v1/public/follow/:follow_token': { target: 'none', expect: always(404) },
  // Open311 GeoReport v2 (issue 17 "Open interfaces"): public for every caller, answered in the spec's shapes (an
  // array; errors as [{code, description}]), never with a resident's data; a post needs an api key (403 without a
  // valid one, whoever calls). The admin's keys: org_write on the key's org (a filter or body org outside: 400 org_id).
  'GET /open311/v2/services.:format': { target: 'none', expect: always(200),
    check: (r) => assert.ok(r.json.some((s) => s.service_code === 'facility.street_light')) },
  'GET /open311/v2/services/:service_code.:format': { target: 'none', expect: always(200),
    check: (r) => assert.deepEqual(r.json, { service_code: 'facility.street_light', attributes: [] }) },
  'GET /open311/v2/requests.:format': { target: 'none', expect: always(200), check: (r) => {
    assert.ok(Array.isArray(r.json), r.text);
    for (const q of r.json) assert.deepEqual(Object.keys(q).filter((k) => /phone|email|name$/.test(k) && k !== 'service_name'), []);
  } },
  'POST /open311/v2/requests.:format': { target: 'none', form: () => 'api_key=o311_not-a-key&service_code=x', expect: always(403),
    checkErrors: true, check: (r) => assert.deepEqual(r.json.map((e) => e.code), [403]) },
  'GET /open311/v2/requests/:id.:format': { target: 'event', expect: always(200), check: (r, c) => {
    assert.equal(r.json.length, 1);
    assert.equal(r.json[0].service_request_id, String(c.eventId));
    assert.equal(r.json[0].reporter_phone, undefined);
  } },
  'GET /api/v1/open311/keys': { target: 'org', query: (c) => `?org_id=${c.T}`, expect: scoped(200, 400),
    check: (r) => assert.ok(r.json.items.every((k) => /^o311_…/.test(k.masked_key) && !('key_hash' in k))) },
  'POST /api/v1/open311/keys': { target: 'org', expect: scoped(201, 400), body: (c) => ({ org_id: c.T, client_name: '矩阵客户端' }),
    check: (r) => assert.match(r.json.api_key, /^o311_[\w-]{32}$/) },
  'POST /api/v1/open311/keys/:id/revoke': { target: 'org', expect: scoped(200),
    before: async (c) => { c.keyId = await c.freshOpen311Key(c.T); },
    check: (r) => assert.ok(r.json.key.revoked_at) },
  // six roles on org subtrees and four narrowed ones (grid worker, grid leader, department and unit liaisons: issue 17)
  'GET /api/v1/roles': { target: 'none', expect: always(200), check: (r) => assert.equal(r.json.items.length, 10) },
  // The code lists and field specs are the same for every signed-in user (issue 16 "Each shape once").
  'GET /api/v1/dictionaries': { target: 'none', expect: always(200), check: (r) => assert.ok(r.json.code_lists.length > 0) },
  'GET /api/v1/orgs/roots': { target: 'none', expect: onlyWith(),
    check: (r, c) => assert.deepEqual(r.json.items.map((o) => o.id), [c.actor.org]) },
  'GET /api/v1/orgs/:id/children': { target: 'org', expect: scoped(200),
    check: (r, c) => assert.deepEqual(r.json.items.map((o) => o.id).sort(), [...c.tree.get(c.T).children].sort()) },
  'GET /api/v1/orgs/:id': { target: 'org', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.id, c.T);
    assert.deepEqual(r.json.ancestors.map((a) => a.id), c.tree.get(c.T).chain.slice(0, -1)
      .filter((id) => c.tree.inSubtree(id, c.actor.org)), 'the breadcrumb holds only ancestors in scope');
  } },
  'GET /api/v1/orgs/:id/committee': { target: 'org', expect: scoped(200),
    check: (r, c) => { assert.equal(r.json.org_id, c.T); assert.ok(Array.isArray(r.json.warnings)); } },
  // Without a filing number the rule refuses (422) for a writer in scope; nothing is appointed.
  'POST /api/v1/orgs/:id/posts': { target: 'org', expect: scoped(422),
    body: (c) => ({ member_id: c.memberId, post: 'member', valid_from: '2026-01-01' }) },
  // Each walk ends a post of its own, [day k, day k+1): the walks never overlap; a post left by a denied
  // walk is ended by the city admin afterwards.
  'POST /api/v1/orgs/:id/posts/:post_id/end': { target: 'org', expect: scoped(204),
    body: (c) => ({ on: c.postEnd }),
    before: async (c) => { Object.assign(c, await c.freshPost(c.T, c.memberId)); },
    after: async (r, c) => {
      if (r.status !== 204) await c.endPost(c.T, c.postId, c.postEnd);
    } },
  'GET /api/v1/orgs/:id/electorate': { target: 'org', query: () => '?as_of=2026-01-01', expect: scoped(200),
    check: (r, c) => { assert.equal(r.json.org_id, c.T); assert.ok(Number.isInteger(r.json.electorate)); } },
  'GET /api/v1/orgs/:id/history': { target: 'org', expect: scoped(200),
    check: (r) => assert.ok(Array.isArray(r.json.items)) },
  // The policy store (issue 16): read with org_read in the subtree; a change needs org_write on a committee. The change
  // is dated in the past, so a writer in scope reaches the rule (400 naming valid_from; a branch 422) and nothing is set.
  'GET /api/v1/orgs/:id/policies': { target: 'org', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.org.id, c.T);
    assert.equal(r.json.can_edit, can(c.actor, 'org_write') && !BRANCH_TYPES.has(c.tree.get(c.T).org_type));
    assert.ok(r.json.items.some((i) => i.key === 'lost_contact.search_every_months'));
  } },
  'GET /api/v1/orgs/:id/policies/history': { target: 'org', query: () => '?key=lost_contact.search_every_months',
    ghost: () => '/api/v1/orgs/999999/policies/history?key=lost_contact.search_every_months',
    expect: scoped(200), check: (r) => {
      assert.equal(r.json.policy.key, 'lost_contact.search_every_months');
      assert.ok(Array.isArray(r.json.items));
    } },
  'POST /api/v1/orgs/:id/policies': { target: 'org',
    expect: (a, inScope, c) => scoped(BRANCH_TYPES.has(c.tree.get(c.T).org_type) ? 422 : 400)(a, inScope, c),
    body: () => ({ key: 'lost_contact.search_every_months', value: 3, valid_from: '2026-01-01', doc: '矩阵〔2026〕1号' }),
    checkErrors: true, check: (r) => {
      if (r.status === 400) assert.deepEqual(r.error.fields.map((f) => f.field), ['valid_from'], r.text);
    } },
  // The working-day calendar (issue 17 "SLA"): read with org_read anywhere; a load needs org_write on a top-level org
  // (the calendar holds for every org). The body's row lies in another year, so the top org's admin reaches the row
  // check (400 naming csv[1].date) and nothing is written; any other writer is refused 403.
  'GET /api/v1/calendar': { target: 'none', query: () => '?year=2026', expect: onlyWith(200), check: (r, c) => {
    assert.equal(r.json.year, 2026);
    assert.ok(r.json.days.some((d) => d.date === '2026-02-14' && d.kind === 'workday'));
    assert.equal(r.json.can_edit, can(c.actor, 'org_write') && c.actor.org === c.tree.root.id);
  } },
  'PUT /api/v1/calendar/:year': { target: 'none', body: () => ({ source: '矩阵〔2026〕1号', csv: '2030-01-01,holiday,元旦\n' }),
    expect: (a, _inScope, c) => (!can(a, c.perm) ? 403 : a.org === c.tree.root.id ? 400 : 403),
    checkErrors: true, check: (r) => {
      if (r.status === 400) assert.deepEqual(r.fieldNames(), ['csv[1].date'], r.text);
    } },
  // Reorganizations (docs/api.md): org_write on the deciding org. A create under T is decided by T itself: the
  // preview answers in scope (a new, empty branch: the sizing rule is quoted) and writes nothing.
  'POST /api/v1/reorganizations/preview': { target: 'org', expect: scoped(200),
    body: (c) => ({ kind: 'create', on: '2026-01-10', approval_doc: '矩阵〔2026〕1号', org_id: c.T,
      spec: { name: '矩阵功能型党支部', type: 'functional_branch' } }),
    check: (r) => {
      assert.equal(r.json.created[0].name, '矩阵功能型党支部');
      assert.equal(r.json.after[0].warnings[0].key, 'org.rule.branch_min_full');
      assert.equal(r.json.can_commit, true);
    } },
  // Dissolving T is decided by T's parent: the actor's own org answers 403 (the higher org decides); a child in
  // scope reaches the blockers (422: it still has members or orgs below it) and nothing changes; out of scope
  // 404. An org outside the scope named in the body (a move of the child under it) is 404 as well (A2).
  'POST /api/v1/reorganizations': { target: 'org',
    expect: (a, inScope, c) => (!can(a, c.perm) ? 403 : !inScope ? 404 : c.rel === 'own' ? 403 : 422),
    body: (c) => ({ kind: 'dissolve', on: '2026-01-10', approval_doc: '矩阵〔2026〕2号', org_id: c.T }),
    checkErrors: true, check: async (r, c) => {
      if (r.status === 403 && can(c.actor, 'org_write')) return assert.match(r.error.message, /上级党组织决定/);
      if (r.status !== 422) return;
      assert.match(r.error.message, /请先处理/);
      assert.ok(r.fieldNames().every((f) => f.startsWith('blockers[')), r.text);
      const rel = c.tree.relations(c.actor.org);
      const outside = rel.other ?? rel.sibling ?? rel.parent;
      if (!outside) return;
      const moved = await c.client.post('/api/v1/reorganizations', { kind: 'move', on: '2026-01-10',
        approval_doc: '矩阵〔2026〕3号', org_id: c.T, new_parent_id: outside });
      assert.equal(moved.status, 404, moved.toString());
      const still = await c.client.get(`/api/v1/orgs/${c.T}`);
      assert.equal(still.json.valid_to ?? null, null, 'nothing closed');
    } },
  // Service positions: read by org_read on the running org or an org below it (the parent's centre serves the
  // actor: 200 for the parent relation too); written by org_write on the running org. A stale version reaches 409.
  'GET /api/v1/positions': { target: 'org', query: (c) => `?org_id=${c.T}`, expect: scoped(200, 400),
    checkErrors: true, check: (r, c) => {
      if (r.status === 400) return assert.deepEqual(r.fieldNames(), ['org_id']);
      if (r.status !== 200) return;
      assert.ok(r.json.items.some((p) => p.id === c.positionId), `the position of ${c.T} is listed`);
      for (const p of r.json.items) assert.ok(c.tree.inSubtree(p.org.id, c.T), `position ${p.id} outside ${c.T}`);
    } },
  'POST /api/v1/positions': { target: 'org', expect: scoped(201),
    body: (c) => ({ org_id: c.T, level: 'community_centre', name: '矩阵党群服务中心', address: '矩阵路1号' }) },
  'GET /api/v1/positions/:id': { target: 'position',
    expect: (a, inScope, c) => (!can(a, c.perm) ? 403 : inScope || c.rel === 'parent' ? 200 : 404),
    check: (r, c) => assert.equal(r.json.id, c.positionId) },
  'PUT /api/v1/positions/:id': { target: 'position', expect: scoped(409),
    body: () => ({ version: 999999, level: 'community_centre', name: '矩阵党群服务中心', address: '矩阵路2号' }) },
  'POST /api/v1/positions/:id/close': { target: 'position', expect: scoped(409),
    body: () => ({ version: 999999, on: '2026-01-10' }) },
  // Grids (issue 17): each target org's grid lies in its community (T itself, the community above it, or the first one
  // below it: c.gridOrg); read with org_read, written with org_write, both on that community. A stale version reaches
  // 409; a redraw from a day before the grid's boundary began reaches 400 naming valid_from (nothing changes).
  'GET /api/v1/grids': { target: 'org', query: (c) => `?org_id=${c.T}`, expect: scoped(200),
    ghost: () => '/api/v1/grids?org_id=999999', check: (r, c) => {
    for (const g of r.json.items) assert.ok(c.tree.inSubtree(g.org.id, c.T), `grid ${g.id} outside ${c.T}`);
    if (c.tree.inSubtree(c.gridOrg, c.T)) assert.ok(r.json.items.some((g) => g.id === c.gridId), `the grid of ${c.T} is listed`);
  } },
  'POST /api/v1/grids': { target: 'org', expect: gridScoped(201),
    body: (c) => ({ org_id: c.gridOrg, code: `${String(c.gridOrg).padStart(12, '0')}${String(100 + ++gridCodes).padStart(3, '0')}`,
      name: '矩阵网格', households: 400, boundary: gridSquare(c.gridOrg, gridCodes) }) },
  'GET /api/v1/grids/locate': { target: 'none', query: () => '?lng=118.0005&lat=24.0005&as_of=2025-01-01', expect: onlyWith(),
    check: (r, c) => {
      for (const g of r.json.items) assert.ok(CAN_SEE(c, g.org.id), `grid ${g.id} outside the actor's scope`);
    } },
  'GET /api/v1/grids/export': { target: 'org', query: (c) => `?org_id=${c.T}`, expect: scoped(200),
    ghost: () => '/api/v1/grids/export?org_id=999999',
    check: (r) => assert.equal(r.json.type, 'FeatureCollection') },
  'GET /api/v1/grids/map': { target: 'none', expect: onlyWith(), check: (r) => assert.equal(r.json.tile_crs, 'wgs84') },
  'GET /api/v1/grids/:id': { target: 'grid', expect: gridReadable(200), check: (r, c) => assert.equal(r.json.id, c.gridId) },
  'PUT /api/v1/grids/:id': { target: 'grid', expect: gridScoped(409), body: () => ({ version: 999999, name: '矩阵网格' }) },
  'POST /api/v1/grids/:id/boundary': { target: 'grid', expect: gridScoped(400),
    body: (c) => ({ boundary: gridSquare(c.gridOrg, 0), valid_from: '2020-01-01' }),
    check: (r) => r.status === 400 && assert.deepEqual(r.fieldNames(), ['valid_from']), checkErrors: true },
  'GET /api/v1/grids/:id/history': { target: 'grid', expect: gridReadable(200), check: (r) => assert.equal(r.json.items.length, 1) },
  // Grid import (gridimport, issue 17 "Grids"): org_write on the target; the preview writes nothing; the commit of a
  // file holding a bow-tie polygon is refused whole (400, nothing written) for every actor allowed to try.
  'POST /api/v1/grids/import/preview': { target: 'org', query: (c) => `?org_id=${c.T}&file_name=m.geojson`,
    file: () => gridFile(false), expect: scoped(200), check: (r) => assert.equal(r.json.features.length, 1) },
  'POST /api/v1/grids/import': { target: 'org', query: (c) => `?org_id=${c.T}&file_name=m.geojson`,
    file: () => gridFile(true), expect: scoped(400) },
  'GET /api/v1/reorganizations': { target: 'none', expect: onlyWith(),
    check: (r) => assert.ok(Array.isArray(r.json.items)) },
  // Overlays (docs/api.md "Overlays"): org_read on the host to read, org_write to write; T's overlay (hosted at T) is
  // made by the city admin. Ids in bodies are scope-checked (A2): a head or a linked member from outside the actor's
  // member_read scope refuses the whole request (400 naming it) and changes nothing.
  'GET /api/v1/orgs/:id/overlay-counts': { target: 'org', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.org_id, c.T);
    assert.ok(r.json.total.overlays >= 1, 'T hosts an overlay');
    assert.deepEqual(r.json.items.map((x) => x.org_id).sort(), [...c.tree.get(c.T).children].sort());
  } },
  'GET /api/v1/overlays': { target: 'org', query: (c) => `?org_id=${c.T}`, expect: scoped(200, 400),
    checkErrors: true, check: (r, c) => {
      if (r.status === 400) return assert.deepEqual(r.fieldNames(), ['org_id']);
      if (r.status !== 200) return;
      assert.ok(r.json.items.some((o) => o.id === c.overlayId), `T's overlay is listed`);
      for (const o of r.json.items) assert.ok(c.tree.inSubtree(o.host_org.id, c.T), `overlay ${o.id} outside ${c.T}`);
    } },
  'POST /api/v1/overlays': { target: 'org', expect: scoped(201, 400),
    body: (c) => ({ host_org_id: c.T, kind: 'joint_meeting', name: `矩阵联席会议${c.rel}`, founded_on: '2020-01-01' }),
    checkErrors: true, check: (r) => { if (r.status === 400) assert.deepEqual(r.fieldNames(), ['host_org_id']); } },
  'GET /api/v1/overlays/:id': { target: 'overlay', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.id, c.overlayId);
    assert.equal(r.json.host_org.id, c.T);
    assert.equal(r.json.can_edit, can(c.actor, 'org_write'));
  } },
  // A stale version: a writer in scope reaches the version check (409) and nothing changes.
  'PUT /api/v1/overlays/:id': { target: 'overlay', expect: scoped(409),
    body: () => ({ version: 999999, kind: 'big_party_committee', name: '矩阵大党委', founded_on: '2020-01-01' }) },
  'POST /api/v1/overlays/:id/units': { target: 'overlay', expect: scoped(201),
    body: (c) => ({ name: `矩阵单位${++units}`, unit_type: 'school', joined_on: '2020-01-01', head_name: '矩阵',
      head_member_id: c.memberId }),
    check: async (r, c) => {
      const outside = c.outsideMember();
      if (!outside) return;
      const refused = await c.client.post(`/api/v1/overlays/${c.overlayId}/units`, { name: `矩阵单位${++units}`,
        unit_type: 'school', joined_on: '2020-01-01', head_name: '矩阵', head_member_id: outside });
      assert.equal(refused.status, 400, refused.toString());
      assert.deepEqual(refused.fieldNames(), ['head_member_id']);
    } },
  // Each walk ends a unit of its own, added by the city admin.
  'POST /api/v1/overlays/:id/units/:unit_id/end': { target: 'overlay', expect: scoped(204), body: () => ({}),
    before: async (c) => { c.unitId = await c.freshUnit(c.overlayId); } },
  'PUT /api/v1/overlays/:id/roster': { target: 'overlay', expect: scoped(409),
    body: () => ({ version: 999999, unit_ids: [], period_months: 1, start: '2026-01-01' }) },
  'GET /api/v1/overlays/:id/members': { target: 'overlay', expect: scoped(200), check: (r, c) => {
    assert.ok(r.json.items.some((m) => m.member_id === c.memberId), 'the member linked by the city admin');
    for (const m of r.json.items) assert.ok(c.tree.inSubtree(m.org_id, c.actor.org), `member ${m.member_id} outside the scope`);
  } },
  'POST /api/v1/overlays/:id/members': { target: 'overlay', expect: scoped(201),
    body: (c) => ({ member_ids: [c.memberId] }), check: async (r, c) => {
      assert.equal(r.json.linked + r.json.already, 1);
      const outside = c.outsideMember();
      if (!outside) return;
      const refused = await c.client.post(`/api/v1/overlays/${c.overlayId}/members`, { member_ids: [c.memberId, outside] });
      assert.equal(refused.status, 400, refused.toString());
      assert.deepEqual(refused.fieldNames(), ['member_ids[1]']);
      const seen = await c.city.get(`/api/v1/overlays/${c.overlayId}/members`);
      assert.ok(!seen.json.items.some((m) => m.member_id === outside), 'nothing of the refused request applied');
    } },
  // Each walk unlinks the member the city admin links just before.
  'DELETE /api/v1/overlays/:id/members/:member_id': { target: 'overlay', expect: scoped(204),
    before: async (c) => {
      const r = await c.city.post(`/api/v1/overlays/${c.overlayId}/members`, { member_ids: [c.memberId] });
      assert.equal(r.status, 201, r.toString());
    },
    after: async (r, c) => {
      if (r.status === 204) assert.equal((await c.city.post(`/api/v1/overlays/${c.overlayId}/members`, { member_ids: [c.memberId] })).status, 201);
    } },
  'GET /api/v1/users': { target: 'user', query: (c) => `?q=${c.user.username}&limit=200`, expect: onlyWith(),
    check: (r, c) => assert.equal(r.json.items.some((u) => u.id === c.user.id), c.inScope, 'listed iff in scope') },
  'POST /api/v1/users': { target: 'org', expect: scoped(201, 400),
    body: (c) => ({ username: `m_${c.actor.name}_${c.rel}`, display_name: '矩阵', role: 'branch_secretary', org_id: c.T }),
    checkErrors: true, check: (r) => { if (r.status === 400) assert.deepEqual(r.fieldNames(), ['org_id']); } },
  'GET /api/v1/users/:id': { target: 'user', expect: scoped(200),
    check: (r, c) => assert.equal(r.json.id, c.user.id) },
  'POST /api/v1/users/:id/grants': { target: 'user', expect: scoped(201),
    body: (c) => ({ role: 'org_admin', org_id: c.T }),
    after: async (r, c) => { if (r.status === 201) await c.removeGrant(c.user.id, r.json.id); } },
  'DELETE /api/v1/users/:id/grants/:grant_id': { target: 'user', expect: scoped(204),
    before: async (c) => { c.grantId = await c.addGrant(c.user.id, c.T); },
    after: async (r, c) => { if (r.status !== 204) await c.removeGrant(c.user.id, c.grantId); } },
  'POST /api/v1/users/:id/reset': { target: 'user', expect: scoped(200),
    check: (r) => { if (r.status === 200) assert.match(r.json.setup_link, /^\/#\/setup\?token=/); } },
  'POST /api/v1/users/:id/unlock': { target: 'user', expect: scoped(204) },
  'POST /api/v1/users/:id/disable': { target: 'user', expect: scoped(204) },
  'POST /api/v1/users/:id/enable': { target: 'user', expect: scoped(204),  // walked after disable
    after: async (r, c) => { await c.ensureEnabled(c.user.id); } },
  'GET /api/v1/members': { target: 'org', query: (c) => `?org_id=${c.T}&limit=200`, expect: scoped(200, 400),
    checkErrors: true, check: (r, c) => {
      if (r.status === 400) return assert.deepEqual(r.fieldNames(), ['org_id']);
      if (r.status !== 200) return;
      assert.ok(r.json.items.length > 0, 'members listed');
      for (const m of r.json.items) assert.ok(c.tree.inSubtree(m.org_id, c.T), `member ${m.id} outside ${c.T}`);
    } },
  // Registering by hand: a writer in scope registers a new person into T's last branch (201); outside 404.
  'POST /api/v1/members': { target: 'org', expect: scoped(201),
    body: (c) => {
      imported += 1;
      return { org_id: c.tree.lastLeaf(c.T), name: `登记${imported}`, sex: '男',
        id_number: syntheticId(`1976${String(1 + (imported % 12)).padStart(2, '0')}11`, 2 * imported + 1), join_date: '2001-07-01',
        conversion_date: '2002-07-01' };
    },
    check: (r) => assert.ok(Number.isInteger(r.json.id)) },
  'GET /api/v1/members/:id': { target: 'member', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.id, c.memberId);
    assert.match(r.json.id_number, /\*/, 'masked');
  } },
  'GET /api/v1/development-cases': { target: 'org', query: (c) => `?org_id=${c.T}&limit=200`,
    expect: scoped(200, 400), checkErrors: true, check: (r, c) => {
      if (r.status === 400) return assert.deepEqual(r.fieldNames(), ['org_id']);
      if (r.status !== 200) return;
      assert.ok(r.json.items.some((x) => x.id === c.developmentCaseId), 'the case of the target org is listed');
      for (const x of r.json.items) assert.ok(c.tree.inSubtree(x.org_id, c.T), `case ${x.id} outside ${c.T}`);
    } },
  'POST /api/v1/development-cases': { target: 'org', expect: scoped(201, 400), body: (c) => application(c.T),
    checkErrors: true, check: (r) => { if (r.status === 400) assert.deepEqual(r.fieldNames(), ['org_id']); } },
  'GET /api/v1/development-cases/:id': { target: 'candidate', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.id, c.developmentCaseId);
    assert.match(r.json.id_number, /\*/, 'masked');
  } },
  // An applicant cannot become a development target directly: a writer in scope reaches the rule (422) and
  // the case never changes, so every walk finds it at version 1.
  'POST /api/v1/development-cases/:id/steps': { target: 'candidate', expect: scoped(422),
    body: () => ({ version: 1, kind: 'target', on: '2026-02-01' }),
    check: (r) => {
      assert.equal(r.error.code, 'failed_precondition');
      assert.match(r.error.message, /“入党申请人”阶段不能登记“确定为发展对象”/);
    } },
  // A stale version: a writer in scope reaches the version check (409) and nothing changes.
  'PUT /api/v1/members/:id': { target: 'member', expect: scoped(409),
    body: () => ({ version: 999999, skills: ['矩阵'] }) },
  'POST /api/v1/members/:id/status': { target: 'member', expect: scoped(409),
    body: () => ({ version: 999999, action: 'stop', ground: 'settled_abroad', on: '2026-02-01', doc_ref: '矩阵〔2026〕1号' }) },
  // Members' accounts (issue 15 defect 2): read with member_read on the member's org, opened and reset with
  // member_write. Every target member already has an account (opened by the city admin before the walks), so a
  // writer in scope reaches the one-account rule (409) and nothing is created; a reset gives a new link.
  'GET /api/v1/members/:id/account': { target: 'member', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.member_id, c.memberId);
    assert.ok(r.json.account && r.json.account.id > 0, 'the account opened before the walks');
    assert.deepEqual(r.json.actions, can(c.actor, 'member_write') ? ['reset'] : []);
  } },
  'POST /api/v1/members/:id/account': { target: 'member', expect: scoped(409),
    body: (c) => ({ username: `acc_${c.actor.name}_${c.rel}` }),
    check: (r) => assert.match(r.error.message, /已开通账号/) },
  'POST /api/v1/members/:id/account/reset': { target: 'member', expect: scoped(200),
    check: (r, c) => {
      assert.equal(r.json.member_id, c.memberId);
      assert.match(r.json.setup_link, /^\/#\/setup\?token=/);
    } },
  'POST /api/v1/members/:id/reveal': { target: 'member', expect: scoped(200),
    body: () => ({ reason: '通知参加主题党日' }), check: (r, c) => {
      assert.equal(r.json.id, c.memberId);
      assert.match(r.json.id_number, /^\d{17}[\dX]$/, 'the full ID number');
    } },
  'GET /api/v1/transfers': { target: 'org', query: (c) => `?direction=out&org_id=${c.T}&limit=200`,
    expect: scoped(200, 400), checkErrors: true, check: (r, c) => {
      if (r.status === 400) return assert.deepEqual(r.fieldNames(), ['org_id']);
      if (r.status !== 200) return;
      assert.ok(r.json.items.some((x) => x.id === c.transferId), 'the transfer of the target org is listed');
      for (const x of r.json.items) assert.ok(c.tree.inSubtree(x.from_org_id, c.T), `transfer ${x.id} outside ${c.T}`);
    } },
  // The target member already has an open transfer: a writer in scope reaches that conflict (409), nothing
  // is created; a member outside the scope is named as member_id (400).
  'POST /api/v1/transfers': { target: 'org', expect: scoped(409, 400),
    body: (c) => ({ kind: 'out', member_id: c.memberId, to_org_name: '外省某县某乡党委', reason: '外出务工', on: '2026-02-01' }),
    checkErrors: true, check: (r) => { if (r.status !== 403) assert.deepEqual(r.fieldNames(), ['member_id']); } },
  'POST /api/v1/transfers/incoming': { target: 'org', expect: scoped(201, 400),
    body: (c) => incoming(c.T), checkErrors: true,
    check: (r) => { if (r.status === 400) assert.deepEqual(r.fieldNames(), ['to_org_id']); } },
  'GET /api/v1/transfers/destinations': { target: 'none', query: () => '?q=%E6%94%AF%E9%83%A8', expect: onlyWith(),
    check: (r) => { for (const d of r.json.items) assert.deepEqual(Object.keys(d).sort(), ['id', 'name', 'org_type', 'parent_name']); } },
  'GET /api/v1/transfers/:id': { target: 'transfer', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.id, c.transferId);
    assert.equal(r.json.id_number, undefined, 'no ID number in a transfer');
  } },
  // A requested transfer out cannot take a receipt yet: a writer in scope reaches the rule (422).
  'POST /api/v1/transfers/:id/actions': { target: 'transfer', expect: scoped(422),
    body: () => ({ version: 1, action: 'receipt', on: '2026-02-01' }),
    check: (r) => assert.match(r.error.message, /“已申请”的转接不能“登记回执”/) },
  // Party groups (党小组, domain.md §1.1): read with member_read on the branch, formed and changed with member_write;
  // each target org's last branch has a group led by the target member. A committee holds no groups (422 for a
  // writer in scope). Covered units: org_write on a joint branch (the test set has none: 422 for a writer in scope).
  'GET /api/v1/orgs/:id/groups': { target: 'org', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.org_id, c.T);
    assert.ok(Array.isArray(r.json.groups) && Array.isArray(r.json.units));
  } },
  'POST /api/v1/orgs/:id/groups': { target: 'org',
    expect: (a, inScope, c) => scoped(BRANCH_TYPES.has(c.tree.get(c.T).org_type) ? 201 : 422)(a, inScope, c),
    body: () => ({ name: '矩阵党小组', scope: 'building', scope_name: '1号楼' }) },
  'PUT /api/v1/groups/:id': { target: 'group', expect: scoped(409),
    body: () => ({ version: 999999, name: '矩阵党小组', scope: 'building' }) },
  'PUT /api/v1/groups/:id/members': { target: 'group', expect: scoped(409),
    body: (c) => ({ version: 999999, member_ids: [c.memberId] }) },
  'POST /api/v1/groups/:id/close': { target: 'group', expect: scoped(409),
    body: () => ({ version: 999999, on: '2026-01-10' }) },
  'POST /api/v1/orgs/:id/units': { target: 'org', expect: scoped(422),
    body: () => ({ name: '矩阵覆盖单位', unit_type: 'other' }) },
  'POST /api/v1/orgs/:id/units/:unit_id/end': { target: 'org', expect: scoped(404),
    before: (c) => { c.unitId = 999999; }, body: () => ({ on: '2026-01-10' }) },
  // The search for lost-contact members (domain.md §2.5): read with member_read on the member's org; the target
  // members are not tagged lost contact, so a writer in scope reaches the rule (422) and nothing is written.
  'GET /api/v1/members/:id/lost-contact-searches': { target: 'member', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.member_id, c.memberId);
    assert.ok(Array.isArray(r.json.entries));
  } },
  'POST /api/v1/members/:id/lost-contact-searches': { target: 'member', expect: scoped(422),
    body: () => ({ on: '2026-01-10', method: 'phone', searched_by: '矩阵书记', result: '矩阵寻找记录' }),
    check: (r) => assert.match(r.error.message, /未标记为失联党员/) },
  // The floating-member register (domain.md §5.3): each target member has an open record naming a participating
  // org outside this system. Read by member_read on the member's org; written by member_write; a second record is a
  // conflict (409) and a stale version too, so nothing changes.
  'GET /api/v1/members/:id/floating': { target: 'member', expect: scoped(200), check: (r, c) => {
    assert.equal(r.json.current.id, c.floatingId);
    assert.match(r.json.current.phone, /\*/, 'the phone at the destination is masked');
  } },
  'POST /api/v1/members/:id/floating': { target: 'member', expect: scoped(409),
    body: () => ({ left_on: '2026-01-10', reason: 'work', province: '浙江省', city: '宁波市', county: '鄞州区' }) },
  'PUT /api/v1/floating/:id': { target: 'floating', expect: scoped(409),
    body: () => ({ version: 999999, left_on: '2026-01-10', reason: 'work', province: '浙江省', city: '宁波市', county: '鄞州区' }) },
  'POST /api/v1/floating/:id/reports': { target: 'floating', expect: scoped(201),
    body: () => ({ kind: 'contact', on: '2026-01-15', text: '矩阵联系记录' }) },
  'POST /api/v1/floating/:id/return': { target: 'floating', expect: scoped(409),
    body: () => ({ version: 999999, returned_on: '2026-01-20' }) },
  'GET /api/v1/orgs/:id/floating-out': { target: 'org', expect: scoped(200), check: (r, c) => {
    assert.ok(r.json.items.some((x) => x.id === c.floatingId), 'the record of the target member is listed');
  } },
  'GET /api/v1/orgs/:id/floating-in': { target: 'org', expect: scoped(200),
    check: (r) => { for (const x of r.json.items) assert.equal(x.minimal, x.side.outflow === false); } },
  // Imports (docs/api.md "Import and export"): member_write on org_id; an org outside the subtree is 404. The sheet
  // places one new person by name in T's last branch.
  'POST /api/v1/imports/preview': { target: 'org', query: (c) => `?org_id=${c.T}`, file: (c) => importSheet(c.branchName(c.T)),
    expect: scoped(200), check: (r, c) => {
      assert.equal(r.json.org.id, c.T);
      assert.deepEqual(r.json.counts, { create: 1, update: 0, unchanged: 0, error: 0 }, JSON.stringify(r.json.rows));
      assert.equal(r.json.rows[0].org_name, c.branchName(c.T));
      assert.match(r.json.rows[0].id_number, /\*/, 'masked');
    } },
  // A writer in scope imports (201); the city admin undoes it afterwards, so the registry stays as generated.
  'POST /api/v1/imports': { target: 'org', query: (c) => `?org_id=${c.T}&file_name=matrix.csv`,
    file: (c) => importSheet(c.branchName(c.T)), expect: scoped(201),
    check: (r, c) => {
      assert.equal(r.json.org.id, c.T);
      assert.deepEqual(r.json.counts, { create: 1, update: 0, unchanged: 0, error: 0 });
      assert.equal(r.json.state, 'committed');
      assert.equal(r.json.can_undo, true);
    },
    after: async (r, c) => { if (r.status === 201) await c.undoImport(r.json.id); } },
  // Listed: imports into T's subtree only (the one made into T among them); without org_id, the actor's scope only.
  'GET /api/v1/imports': { target: 'org', query: (c) => `?org_id=${c.T}`, ghost: () => '/api/v1/imports?org_id=999999',
    expect: scoped(200), check: async (r, c) => {
      assert.ok(r.json.items.some((x) => x.id === c.importId), `the import into ${c.T} is listed`);
      for (const x of r.json.items) assert.ok(c.tree.inSubtree(x.org.id, c.T), `import ${x.id} outside ${c.T}`);
      const all = await c.client.get('/api/v1/imports');
      assert.equal(all.status, 200, all.toString());
      for (const x of all.json.items) assert.ok(c.tree.inSubtree(x.org.id, c.actor.org), `import ${x.id} outside the scope`);
    } },
  // The empty template holds no data: any signed-in user gets it (the route checks no permission).
  'GET /api/v1/imports/template': { target: 'none', query: () => '?format=xlsx', expect: always(200), check: (r) => {
    assert.equal(r.headers['content-type'], XLSX_TYPE);
    assert.equal(r.raw.subarray(0, 2).toString('latin1'), 'PK');
  } },
  // Each walk undoes an import of its own, made into T by the city admin; one left by a denied walk is undone
  // by the city admin afterwards.
  'POST /api/v1/imports/:id/undo': { target: 'import', expect: scoped(200),
    before: async (c) => { c.importId = await c.freshImport(c.T); },
    check: (r, c) => { assert.equal(r.json.id, c.importId); assert.equal(r.json.state, 'undone'); assert.equal(r.json.can_undo, false); },
    after: async (r, c) => { if (r.status !== 200) await c.undoImport(c.importId); } },
  // Org imports: org_write on org_id. The sheet sets up one functional branch under T; a commit is undone at once.
  'POST /api/v1/imports/orgs/preview': { target: 'org', query: (c) => `?org_id=${c.T}`, file: () => orgSheet(),
    expect: scoped(200), check: (r, c) => {
      assert.equal(r.json.org.id, c.T);
      assert.deepEqual(r.json.counts, { create: 1, update: 0, unchanged: 0, error: 0 }, JSON.stringify(r.json.rows));
    } },
  'POST /api/v1/imports/orgs': { target: 'org', query: (c) => `?org_id=${c.T}&file_name=orgs.csv`, file: () => orgSheet(),
    expect: scoped(201), check: (r) => assert.equal(r.json.kind, 'orgs'),
    after: async (r, c) => { if (r.status === 201) await c.undoImport(r.json.id); } },
  'GET /api/v1/imports/orgs': { target: 'org', query: (c) => `?org_id=${c.T}`, ghost: () => '/api/v1/imports/orgs?org_id=999999',
    expect: scoped(200), check: (r, c) => {
      for (const x of r.json.items) assert.ok(c.tree.inSubtree(x.org.id, c.T), `import ${x.id} outside ${c.T}`);
    } },
  'GET /api/v1/imports/orgs/template': { target: 'none', query: () => '?format=csv', expect: always(200),
    check: (r) => assert.match(r.text, /组织名称/) },
  // The export takes the list's filters: an org_id outside the scope is named (400) like GET /members.
  'GET /api/v1/members/export': { target: 'org', query: (c) => `?org_id=${c.T}&format=csv`, expect: scoped(200, 400),
    checkErrors: true, check: async (r, c) => {
      if (r.status === 400) return assert.deepEqual(r.fieldNames(), ['org_id']);
      if (r.status !== 200) return;
      assert.match(r.headers['content-type'], /^text\/csv/);
      const sheet = readExport(r.text);
      assert.match(sheet.watermark, /脱敏导出/);
      assert.ok(sheet.members.length > 0, 'members exported');
      const names = new Set([...c.tree.nodes.values()].filter((o) => c.tree.inSubtree(o.id, c.T)).map((o) => o.name));
      for (const m of sheet.members) assert.ok(names.has(m['所在党组织']), `${m['所在党组织']} outside ${c.T}`);
      assert.doesNotMatch(r.text, FULL_ID, 'masked');
      // full=true needs member_reveal, which every member_read role here holds, and a stated reason (issue 15
      // defect 6: 400 naming reason without one).
      const bare = await c.client.get(`/api/v1/members/export?org_id=${c.T}&format=csv&full=true`);
      assert.equal(bare.status, can(c.actor, 'member_reveal') ? 400 : 403, bare.toString());
      if (bare.status === 400) assert.deepEqual(bare.fieldNames(), ['reason']);
      const full = await c.client.get(`/api/v1/members/export?org_id=${c.T}&format=csv&full=true&reason=${encodeURIComponent('访问矩阵核对')}`);
      assert.equal(full.status, can(c.actor, 'member_reveal') ? 200 : 403, full.toString());
      if (full.status === 200) assert.match(full.text, FULL_ID, 'full');
    } },
  'GET /api/v1/me': { target: 'none', expect: always(200),
    check: (r, c) => assert.equal(r.json.member ? r.json.member.id : null, c.actor.member_id || null) },
  'GET /api/v1/me/views': { target: 'none', expect: always(200) },
  'GET /api/v1/audit': { target: 'none', expect: onlyWith() },
  'GET /api/v1/audit/verify': { target: 'none', expect: onlyWith(), check: (r) => assert.equal(r.json.ok, true) },
  // Events (issue 17): event_read over the event's place (each target org has one, registered by the city admin),
  // event_write to register one in the subtree (an org outside it is a field error) and to take a step; verify on a
  // fresh event is refused by the loop's table naming the state (422) for a writer who sees it.
  'GET /api/v1/event-categories': { target: 'none', expect: onlyWith(), check: (r) => assert.ok(r.json.items.length >= 20) },
  'GET /api/v1/events': { target: 'none', expect: onlyWith(), check: (r) => assert.ok(Array.isArray(r.json.items)) },
  'POST /api/v1/events': { target: 'org', expect: scoped(201, 400),
    body: (c) => ({ channel: 'hotline_12345', category_code: 'city.garbage', org_id: c.T, description: '矩阵：楼下垃圾堆放' }),
    checkErrors: true, check: (r) => { if (r.status === 400) assert.deepEqual(r.error.fields.map((f) => f.field), ['org_id']); } },
  'GET /api/v1/events/:id': { target: 'event', expect: scoped(200), check: (r, c) => assert.equal(r.json.id, c.eventId) },
  // The hotline import (issue 17): event_write over the community the work orders are placed at (404 outside); each
  // walk imports a work order of its own number, so the commit creates it (a number imported before is skipped).
  'POST /api/v1/hotline-imports/preview': { target: 'org', query: (c) => `?org_id=${c.T}&channel=hotline_12345`,
    file: () => hotlineSheet(), expect: scoped(200), check: (r, c) => {
      if (r.status !== 200) return;
      assert.equal(r.json.org.id, c.T);
      assert.deepEqual(r.json.counts, { create: 1, skip: 0, error: 0 }, JSON.stringify(r.json.rows));
    } },
  'POST /api/v1/hotline-imports': { target: 'org', query: (c) => `?org_id=${c.T}&channel=hotline_12345&file_name=gd.csv`,
    file: () => hotlineSheet(), expect: scoped(201), check: (r) => {
      if (r.status === 201) assert.ok(Number.isInteger(r.json.rows[0].event_id));
    } },
  'GET /api/v1/hotline-imports/template': { target: 'none', query: () => '?format=csv', expect: always(200),
    check: (r) => assert.match(r.text, /工单编号/) },
  'POST /api/v1/events/:id/actions': { target: 'event', expect: scoped(422), body: () => ({ version: 1, action: 'verify' }),
    checkErrors: true, check: (r) => { if (r.status === 422) assert.match(r.error.message, /当前状态为“已受理”/); } },
  // Duplicates (issue 17 "Duplicates"): the candidates of an event by event_read where it is seen; the intake form's by
  // event_write on the place (outside: a field error naming org_id); a merge into itself is refused naming primary_id
  // for whoever sees the event; the people of the event's org for a writer of that org.
  'GET /api/v1/events/:id/duplicates': { target: 'event', expect: scoped(200),
    check: (r) => { if (r.status === 200) { assert.equal(r.json.distance_metres, 100); assert.ok(Array.isArray(r.json.items)); } } },
  'GET /api/v1/event-duplicates': { target: 'org', expect: scoped(200, 400),
    query: (c) => `?category_code=city.garbage&org_id=${c.T}&lng=118.3&lat=24.3`, checkErrors: true,
    check: (r) => { if (r.status === 400) assert.deepEqual(r.error.fields.map((f) => f.field), ['org_id']); } },
  'POST /api/v1/events/:id/merge': { target: 'event', expect: scoped(400),
    body: (c) => ({ version: 1, primary_id: c.eventId, reason: '矩阵：同一问题' }), checkErrors: true,
    check: (r) => { if (r.status === 400) assert.deepEqual(r.error.fields.map((f) => f.field), ['primary_id']); } },
  'GET /api/v1/events/:id/assignees': { target: 'event', query: (c) => `?org_id=${c.T}`, expect: scoped(200),
    ghost: (c) => `/api/v1/events/999999/assignees?org_id=${c.T}`,
    check: (r) => { if (r.status === 200) assert.ok(Array.isArray(r.json.items)); } },
  // Rates board (issue 17 "Rates and boards"): event_read over the org whose events are counted (404 outside).
  'GET /api/v1/event-rates': { target: 'org', query: (c) => `?org_id=${c.T}&group_by=street`, expect: scoped(200),
    check: (r, c) => {
      if (r.status !== 200) return;
      assert.equal(r.json.org.id, c.T);
      assert.equal(r.json.group_by, 'street');
      assert.ok(Array.isArray(r.json.rows) && r.json.total);
    } },
  'GET /api/v1/event-rates/export': { target: 'org', query: (c) => `?org_id=${c.T}&group_by=month`, expect: scoped(200) },
  // 督办看板 (issue 17 "Pages"): event_read over the street or district whose events it lists (404 outside).
  'GET /api/v1/event-board': { target: 'org', query: (c) => `?org_id=${c.T}`, expect: scoped(200),
    ghost: () => '/api/v1/event-board?org_id=999999',
    check: (r, c) => {
      if (r.status !== 200) return;
      assert.equal(r.json.org.id, c.T);
      for (const k of ['overdue', 'supervised', 'late_whistles', 'marked']) assert.ok(Array.isArray(r.json[k]), k);
    } },
  // 日巡 patrols and visits (issue 17, visits part): event_read to read, event_write to record where the record lies —
  // a patrol and a household visit in their grid's community, a session in its org. A grid or an org outside the
  // scope in a body is a field error (400); each target's item was raised already, so a raise in scope answers 409.
  'GET /api/v1/patrols': { target: 'none', expect: onlyWith(), check: (r) => assert.ok(Array.isArray(r.json.items)) },
  'POST /api/v1/patrols': { target: 'grid', expect: (a, _i, c) => (!can(a, c.perm) ? 403 : CAN_SEE(c, c.gridOrg) ? 201 : 400),
    body: (c) => ({ grid_id: c.gridId, start_time: '08:00' }), checkErrors: true,
    check: (r) => { if (r.status === 400) assert.deepEqual(r.error.fields.map((f) => f.field), ['grid_id']); } },
  'GET /api/v1/patrols/duty': { target: 'org', query: (c) => `?org_id=${c.T}`, expect: scoped(200),
    ghost: () => '/api/v1/patrols/duty?org_id=999999', check: (r) => assert.ok(Array.isArray(r.json.items)) },
  'GET /api/v1/patrols/:id': { target: 'patrol', expect: gridScoped(200), check: (r, c) => assert.equal(r.json.id, c.patrolId) },
  'PUT /api/v1/patrols/:id': { target: 'patrol', expect: gridScoped(409), body: () => ({ version: 999999, end_time: '09:00' }) },
  'POST /api/v1/patrols/:id/findings': { target: 'patrol', expect: gridScoped(201), body: () => ({ text: '矩阵：路灯不亮' }) },
  'POST /api/v1/patrols/:id/findings/:seq/event': { target: 'patrol', expect: gridScoped(409), body: () => ({ category_code: 'city.garbage' }) },
  'GET /api/v1/events/:id/origin': { target: 'event', expect: scoped(200), check: (r) => assert.equal(r.json.origin, null) },
  'GET /api/v1/visit-clears': { target: 'none', expect: onlyWith(), check: (r) => assert.equal(r.json.items.length, 6) },
  'GET /api/v1/visits': { target: 'none', expect: onlyWith(), check: (r) => assert.ok(Array.isArray(r.json.items)) },
  'POST /api/v1/visits': { target: 'grid', expect: (a, _i, c) => (!can(a, c.perm) ? 403 : CAN_SEE(c, c.gridOrg) ? 201 : 400),
    body: (c) => ({ grid_id: c.gridId, building: '矩阵楼' }), checkErrors: true,
    check: (r) => { if (r.status === 400) assert.deepEqual(r.error.fields.map((f) => f.field), ['grid_id']); } },
  'GET /api/v1/visits/:id': { target: 'visit', expect: gridScoped(200), check: (r, c) => assert.equal(r.json.id, c.visitId) },
  'POST /api/v1/visits/:id/needs/:seq/event': { target: 'visit', expect: gridScoped(409), body: () => ({}) },
  'GET /api/v1/visit-sessions': { target: 'none', expect: onlyWith(), check: (r) => assert.ok(Array.isArray(r.json.items)) },
  'POST /api/v1/visit-sessions': { target: 'org', expect: scoped(201, 400), body: (c) => ({ org_id: c.T, place: '矩阵工作室' }),
    checkErrors: true, check: (r) => { if (r.status === 400) assert.deepEqual(r.error.fields.map((f) => f.field), ['org_id']); } },
  'GET /api/v1/visit-sessions/:id': { target: 'session', expect: scoped(200), check: (r, c) => assert.equal(r.json.id, c.sessionId) },
  'POST /api/v1/visit-sessions/:id/problems/:seq/event': { target: 'session', expect: scoped(409), body: () => ({}) },
};

const key = (r) => `${r.method} ${r.path}`;
const withoutRequestId = (r) => JSON.stringify({ ...r.json, error: { ...r.json.error, request_id: undefined } });

describe('A1 access matrix: every route × role × org relation (gen --scale=test)', () => {
  const routes = routeTable();
  let srv, cast, targets, city;

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    const { admin, tree } = cast;
    // The city admin's own walk ends with a logout: the helpers keep a session of their own.
    city = await login(srv, cast.actors.city_admin.account);
    const photo = await city.request('POST', '/api/v1/photos', { body: halvesPng(24, 24), headers: OCTET });
    assert.equal(photo.status, 201, photo.toString());
    photoId = photo.json.photo_id;
    // One pending user and one member per target org, made by the root sys_admin / found by the city admin.
    // The member comes from the org's last branch, so that a parent's member is never the actor's own.
    targets = new Map();
    const transferOf = new Map();
    const floatingOf = new Map();
    const groupOf = new Map();
    const orgs = new Set(Object.values(cast.actors).flatMap((a) => Object.values(tree.relations(a.org))));
    for (const T of orgs) {
      const r = await admin.post('/api/v1/users', { username: `target${T}`, display_name: `目标${T}`, role: 'branch_secretary', org_id: T });
      assert.equal(r.status, 201, r.toString());
      const made = await cast.city.post('/api/v1/development-cases', application(tree.lastLeaf(T)));
      assert.equal(made.status, 201, made.toString());
      const memberId = (await cast.firstMember(tree.lastLeaf(T))).id;
      if (!transferOf.has(memberId)) {  // orgs may share their last branch: one open transfer per member
        const transfer = await cast.city.post('/api/v1/transfers', { kind: 'out', member_id: memberId,
          to_org_name: '外省某县某乡党委', reason: '外出务工', on: '2026-01-20' });
        assert.equal(transfer.status, 201, transfer.toString());
        transferOf.set(memberId, transfer.json.id);
      }
      if (!floatingOf.has(memberId)) {
        const floating = await cast.city.post(`/api/v1/members/${memberId}/floating`, { left_on: '2026-01-05', reason: 'work',
          province: '广东省', city: '深圳市', county: '南山区', phone: '13900001111', participating_org_name: '深圳某园区流动党员党支部' });
        assert.equal(floating.status, 201, floating.toString());
        floatingOf.set(memberId, floating.json.id);
      }
      const event = await cast.city.post('/api/v1/events', { channel: 'hotline_12345', category_code: 'facility.street_light',
        org_id: T, description: `目标${T}路灯不亮`, reporter_phone: '13800001234' });
      assert.equal(event.status, 201, event.toString());
      const position = await cast.city.post('/api/v1/positions', { org_id: T, level: 'community_centre',
        name: `目标${T}党群服务中心`, address: '目标路1号' });
      assert.equal(position.status, 201, position.toString());
      targets.set(T, { user: r.json.user, memberId, developmentCaseId: made.json.id, transferId: transferOf.get(memberId),
        floatingId: floatingOf.get(memberId), positionId: position.json.id, eventId: event.json.id });
      if (!groupOf.has(memberId)) {  // orgs may share their last branch: one group led by its member
        const group = await cast.city.post(`/api/v1/orgs/${tree.lastLeaf(T)}/groups`, { name: `目标${T}党小组`,
          scope: 'building', leader_member_id: memberId });
        assert.equal(group.status, 201, group.toString());
        groupOf.set(memberId, group.json.id);
      }
      targets.get(T).groupId = groupOf.get(memberId);
    }
    // One grid in each target org's community (T, the community above it or the first below it), made by the city admin.
    const gridOf = new Map();
    const isCommunity = (id) => tree.get(id).place?.kind === 'community';
    for (const T of orgs) {
      let C = tree.get(T).chain.find(isCommunity);
      for (let id = T; !C && id; id = tree.get(id).children[0]) if (isCommunity(id)) C = id;
      assert.ok(C, `a community at, above or below ${T}`);
      if (!gridOf.has(C)) {
        const g = await cast.city.post('/api/v1/grids', { org_id: C, code: `${String(C).padStart(12, '0')}001`, name: `目标${C}网格`,
          households: 400, boundary: gridSquare(C, 0), valid_from: '2021-01-01' });
        assert.equal(g.status, 201, g.toString());
        gridOf.set(C, g.json.id);
      }
      Object.assign(targets.get(T), { gridId: gridOf.get(C), gridOrg: C });
    }
    // One patrol and one household visit per grid, one 民情面对面 session per target org (issue 17, visits part), made by
    // the city admin, each with its first item already raised as an event.
    const fieldworkOf = new Map();
    const raised = async (path, item) => {
      const r = await cast.city.post(path, {});
      assert.equal(r.status, 201, `${item}: ${r}`);
    };
    for (const T of orgs) {
      const { gridId } = targets.get(T);
      if (!fieldworkOf.has(gridId)) {
        const p = await cast.city.post('/api/v1/patrols', { grid_id: gridId, start_time: '08:00' });
        assert.equal(p.status, 201, p.toString());
        const f = await cast.city.post(`/api/v1/patrols/${p.json.id}/findings`, { text: '矩阵巡查发现', category_code: 'city.garbage' });
        assert.equal(f.status, 201, f.toString());
        await raised(`/api/v1/patrols/${p.json.id}/findings/1/event`, 'finding');
        const v = await cast.city.post('/api/v1/visits', { grid_id: gridId, building: '1号楼',
          needs: [{ text: '矩阵走访需求', category_code: 'city.garbage' }] });
        assert.equal(v.status, 201, v.toString());
        await raised(`/api/v1/visits/${v.json.id}/needs/1/event`, 'need');
        fieldworkOf.set(gridId, { patrolId: p.json.id, visitId: v.json.id });
      }
      const sess = await cast.city.post('/api/v1/visit-sessions', { org_id: T, place: '矩阵工作室',
        problems: [{ text: '矩阵问题', category_code: 'city.garbage' }] });
      assert.equal(sess.status, 201, sess.toString());
      await raised(`/api/v1/visit-sessions/${sess.json.id}/problems/1/event`, 'problem');
      Object.assign(targets.get(T), fieldworkOf.get(gridId), { sessionId: sess.json.id });
    }
    // Each target member has an account, opened by the city admin from the member's record (the cast's member
    // already has one).
    for (const memberId of new Set([...targets.values()].map((t) => t.memberId))) {
      const has = await city.get(`/api/v1/members/${memberId}/account`);
      assert.equal(has.status, 200, has.toString());
      if (has.json.account) continue;
      const opened = await city.post(`/api/v1/members/${memberId}/account`, { username: `member${memberId}` });
      assert.equal(opened.status, 201, opened.toString());
    }
    // One overlay hosted at each target org, with the target member linked for dual identity.
    for (const T of orgs) {
      const r = await city.post('/api/v1/overlays', { host_org_id: T, kind: 'big_party_committee', name: `矩阵大党委${T}`,
        founded_on: '2020-01-01' });
      assert.equal(r.status, 201, r.toString());
      const link = await city.post(`/api/v1/overlays/${r.json.id}/members`, { member_ids: [targets.get(T).memberId] });
      assert.equal(link.status, 201, link.toString());
      targets.get(T).overlayId = r.json.id;
    }
    // One import into each target org, undone at once (the list shows it; the registry is as generated).
    for (const T of orgs) {
      const importId = await freshImport(T);
      await undoImport(importId);
      targets.get(T).importId = importId;
    }
  });
  const branchName = (T) => cast.tree.get(cast.tree.lastLeaf(T)).name;
  /** The city admin imports one new person into T (placed in T's last branch); returns the import's id. */
  const freshImport = async (T) => {
    const r = await city.request('POST', `/api/v1/imports?org_id=${T}&file_name=fresh.csv`, { body: importSheet(branchName(T)),
      headers: OCTET });
    assert.equal(r.status, 201, r.toString());
    return r.json.id;
  };
  const undoImport = async (id) => {
    const r = await city.post(`/api/v1/imports/${id}/undo`);
    assert.equal(r.status, 200, r.toString());
  };
  after(() => srv && srv.stop());

  test('meta: every route of `lianxin routes` has a matrix entry, and every entry a route', () => {
    const table = new Set(routes.map(key));
    const missing = [...table].filter((k) => !MATRIX[k]);
    const stale = Object.keys(MATRIX).filter((k) => !table.has(k));
    assert.deepEqual(missing, [], `routes without a matrix entry: ${missing.join(', ')}`);
    assert.deepEqual(stale, [], `matrix entries without a route: ${stale.join(', ')}`);
  });

  // Issue 16 "Each shape once": the role table the matrix expects (PERMS, docs/api.md "Roles") is the server's.
  test('GET /roles lists for each role the permissions of docs/api.md "Roles"', async () => {
    const r = await cast.admin.get('/api/v1/roles');
    assert.equal(r.status, 200, r.toString());
    const served = Object.fromEntries(r.json.items.map((i) => [i.role, [...i.permissions].sort()]));
    assert.deepEqual(served, Object.fromEntries(Object.entries(PERMS).map(([k, v]) => [k, [...v].sort()])));
  });

  // Issue 16 "Each shape once": the pipeline's 403 gate reads the route table. A caller holding a route's
  // permission on no org is refused with the use case's own 403 before anything of the request is read: a body
  // with an unknown field, or a file that is no sheet, answers 403 and not 400.
  test('403 gate: a caller without the route\'s permission anywhere is refused before the request is read', async () => {
    const { actors } = cast;
    const callers = [['member', await login(srv, actors.member.account)], ['secretary', await login(srv, actors.secretary.account)],
      ['auditor', await login(srv, actors.auditor.account)]];
    const messages = new Set();
    let refused = 0;
    for (const route of routes.filter((x) => x.permission)) {
      const path = route.path.replace(/:[a-z_]+/g, '1');
      for (const [name, client] of callers) {
        if (can(actors[name], route.permission)) continue;
        const opts = route.method === 'GET' ? {} : route.body === 'file' ? { body: Buffer.from('not a sheet'), headers: OCTET }
          : { json: { not_a_field: true } };
        const r = await client.request(route.method, `${path}?org_id=not-a-number`, opts);
        assert.equal(r.status, 403, `${name} ${route.method} ${path}: ${r}`);
        assert.equal(r.error.code, 'permission_denied', r.text);
        messages.add(r.error.message);
        refused++;
      }
    }
    assert.ok(refused > routes.length, `${refused} refusals`);
    assert.equal(messages.size, 1, [...messages].join(' | '));
    for (const [, client] of callers) await client.post('/api/v1/auth/logout');
  });

  // Issue 15 defect 1: an administrative act on a user needs the actor's scope to cover EVERY grant of the user; a
  // view shows only the grants inside the viewer's scope. The target is a branch secretary in community C1 who is
  // also org_admin of the whole street S1. Run before the walks (they end each cast session with a logout).
  test('A1 mixed grants: admins of community C1 are refused every act on a user who also holds the street, act on a user wholly inside; admins of the street act', async () => {
    const { admin, actors, S1, C1, B } = cast;
    const target = await createUser(srv, admin, { username: 'mixed_target', display_name: '双重授权', role: 'branch_secretary', org_id: B });
    const streetGrant = await admin.post(`/api/v1/users/${target.id}/grants`, { role: 'org_admin', org_id: S1 });
    assert.equal(streetGrant.status, 201, streetGrant.toString());
    const branchGrant = target.user.grants[0].id;
    const sysC = await login(srv, await createUser(srv, admin, { username: 'mixed_sys_c1', role: 'sys_admin', org_id: C1 }));
    const secC = await login(srv, await createUser(srv, admin, { username: 'mixed_sec_c1', role: 'sec_admin', org_id: C1 }));
    const state = async () => JSON.stringify((await admin.get(`/api/v1/users/${target.id}`)).json);
    const before = await state();
    const u = `/api/v1/users/${target.id}`;
    const refused = [[sysC, 'POST', `${u}/reset`], [sysC, 'POST', `${u}/disable`], [sysC, 'POST', `${u}/enable`],
      [secC, 'POST', `${u}/unlock`], [sysC, 'POST', `${u}/grants`, { role: 'org_admin', org_id: B }],
      [sysC, 'DELETE', `${u}/grants/${branchGrant}`], [sysC, 'DELETE', `${u}/grants/${streetGrant.json.id}`]];
    for (const [client, method, path, json] of refused) {
      const r = await client.request(method, path, json ? { json } : {});
      assert.equal(r.status, 403, `${method} ${path}: ${r}`);
      assert.equal(r.error.code, 'permission_denied', r.text);
      assert.match(r.error.message, /管理范围之外/, r.text);
    }
    assert.equal(await state(), before, 'nothing changed');
    // The community admins see the user with its community grant only; the street's grant is not shown.
    for (const client of [sysC, secC]) {
      const one = await client.get(u);
      assert.equal(one.status, 200, one.toString());
      assert.deepEqual(one.json.grants.map((g) => [g.role, g.org_id]), [['branch_secretary', B]]);
      const list = await client.get('/api/v1/users?q=mixed_target');
      assert.deepEqual(list.json.items.map((x) => [x.id, x.grants.map((g) => g.org_id)]), [[target.id, [B]]]);
    }
    // A user wholly inside C1 (one grant, on branch B): the same community admins act on it.
    const inside = await createUser(srv, admin, { username: 'inside_c1', display_name: '社区内', role: 'branch_secretary', org_id: B });
    const ui = `/api/v1/users/${inside.id}`;
    const r1 = await sysC.post(`${ui}/reset`);
    assert.equal(r1.status, 200, r1.toString());
    assert.equal((await sysC.post(`${ui}/disable`)).status, 204);
    assert.equal((await sysC.post(`${ui}/enable`)).status, 204);
    assert.equal((await secC.post(`${ui}/unlock`)).status, 204);
    const gi = await sysC.post(`${ui}/grants`, { role: 'org_admin', org_id: B });
    assert.equal(gi.status, 201, gi.toString());
    assert.equal((await sysC.del(`${ui}/grants/${gi.json.id}`)).status, 204);
    // The street's sys_admin (and the district's sec_admin) cover both grants: they act.
    const street = actors.street_sys.client;
    assert.equal((await street.get(u)).json.grants.length, 2);
    const reset = await street.post(`${u}/reset`);
    assert.equal(reset.status, 200, reset.toString());
    assert.equal((await street.post(`${u}/disable`)).status, 204);
    assert.equal((await street.post(`${u}/enable`)).status, 204);
    assert.equal((await actors.district_sec.client.post(`${u}/unlock`)).status, 204);
    const g = await street.post(`${u}/grants`, { role: 'org_admin', org_id: C1 });
    assert.equal(g.status, 201, g.toString());
    assert.equal((await street.del(`${u}/grants/${g.json.id}`)).status, 204);
  });

  const ACTORS = ['secretary', 'member', 'street_admin', 'district_admin', 'city_admin', 'auditor', 'district_sec',
    'street_sys', 'sys_root'];
  for (const name of ACTORS) {
    test(`A1: ${name} × every route × {own, child, parent, sibling, other district}`, async () => {
      const { admin, tree } = cast;
      const actor = cast.actors[name];
      // The root sys_admin walks on a second session so that its helper session survives the logout entry.
      const client = name === 'sys_root' ? await login(srv, actor.account) : actor.client;
      const helpers = {
        tree,
        addGrant: async (uid, T) => {
          const g = await admin.post(`/api/v1/users/${uid}/grants`, { role: 'org_admin', org_id: T });
          assert.equal(g.status, 201, g.toString());
          return g.json.id;
        },
        // A committee post of member m on org T starting on a day no other walk uses.
        freshPost: async (T, m) => {
          posts += 1;
          const day = (n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
          const made = await city.post(`/api/v1/orgs/${T}/posts`, { member_id: m, post: 'member', valid_from: day(2 * posts),
            approval_doc: '备案〔2020〕1号' });
          assert.equal(made.status, 201, made.toString());
          return { postId: made.json.id, postEnd: day(2 * posts + 1) };
        },
        city,
        // A member unit added by the city admin to overlay o; returns its id.
        freshUnit: async (o) => {
          const r = await city.post(`/api/v1/overlays/${o}/units`, { name: `矩阵单位${++units}`, unit_type: 'other',
            joined_on: '2020-01-01' });
          assert.equal(r.status, 201, r.toString());
          return r.json.id;
        },
        // A member outside the actor's scope (from the other district), or null for actors over the whole tree.
        outsideMember: () => {
          const other = tree.relations(actor.org).other;
          return other ? targets.get(other).memberId : null;
        },
        endPost: async (T, pid, on) =>
          assert.equal((await city.post(`/api/v1/orgs/${T}/posts/${pid}/end`, { on })).status, 204),
        removeGrant: async (uid, gid) => assert.equal((await admin.del(`/api/v1/users/${uid}/grants/${gid}`)).status, 204),
        client,
        branchName,
        freshImport,
        undoImport,
        // A fresh Open311 key on org T, issued by the city admin (the revoke walk's target).
        freshOpen311Key: async (T) => {
          const r = await city.post('/api/v1/open311/keys', { org_id: T, client_name: '矩阵吊销' });
          assert.equal(r.status, 201, r.toString());
          return r.json.key.id;
        },
        ensureEnabled: async (uid) => {
          if ((await admin.get(`/api/v1/users/${uid}`)).json.status === 'disabled')
            assert.equal((await admin.post(`/api/v1/users/${uid}/enable`)).status, 204);
        },
      };
      const relations = Object.entries(tree.relations(actor.org));
      const problems = [];
      let calls = 0;
      const walk = async (route, entry) => {
        const rels = entry.target === 'none' ? [['-', null]] : relations;
        for (const [rel, T] of rels) {
          const inScope = T === null ? true : tree.inSubtree(T, actor.org);
          const t = T === null ? {} : targets.get(T);
          const c = { ...helpers, perm: route.permission, actor, rel, T, inScope, user: t.user, memberId: t.memberId, developmentCaseId: t.developmentCaseId,
            transferId: t.transferId, importId: t.importId, overlayId: t.overlayId, positionId: t.positionId,
            floatingId: t.floatingId, groupId: t.groupId, gridId: t.gridId, gridOrg: t.gridOrg, eventId: t.eventId,
            patrolId: t.patrolId, visitId: t.visitId, sessionId: t.sessionId };
          if (entry.before) await entry.before(c);
          const id = { org: T, user: t.user && t.user.id, member: t.memberId, candidate: t.developmentCaseId,
            transfer: t.transferId, import: c.importId, overlay: t.overlayId, position: t.positionId,
            floating: t.floatingId, group: t.groupId, grid: t.gridId, event: t.eventId,
            patrol: t.patrolId, visit: t.visitId, session: t.sessionId }[entry.target];
          const path = route.path.replace(':photo_id', String(photoId)).replace(':grant_id', String(c.grantId)).replace(':post_id', String(c.postId))
            .replace(':unit_id', String(c.unitId)).replace(':member_id', String(c.memberId))
            .replace(':year', '2031').replace(':seq', '1').replace(':follow_token', 'not-a-follow-token')
            .replace(':format', 'json').replace(':service_code', 'facility.street_light').replace('keys/:id', `keys/${c.keyId}`)
            .replace(':id', String(id));
          const full = path + (entry.query ? entry.query(c) : '');
          const opts = entry.body ? { json: entry.body(c) } : entry.file ? { body: entry.file(c), headers: OCTET }
            : entry.form ? { body: entry.form(c), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } } : {};
          const r = await client.request(route.method, full, opts);
          calls++;
          const want = entry.expect(actor, inScope, c);
          const label = `${route.method} ${full} [${rel}${T ? ` → org ${T}` : ''}]`;
          if (r.status !== want) {
            problems.push(`${label}: expected ${want}, got ${r.status} ${r.text.slice(0, 160)}`);
          } else {
            try {
              const open311 = route.path.startsWith('/open311/');  // the spec's error shape: checked by the entry
              if (r.status === 403 && !open311) assert.ok(['permission_denied'].includes(r.error.code), r.text);
              if (r.status === 404 && !open311) assert.equal(r.error.code, 'not_found', r.text);
              if (entry.check && (r.status < 300 || entry.checkErrors)) await entry.check(r, c);
              if (r.status === 404 && route.method === 'GET' && entry.target !== 'none') {
                // Uniform denial: out of scope reads exactly like "does not exist".
                const ghost = await client.get(entry.ghost ? entry.ghost(c) : route.path.replace(':id', '999999'));
                assert.equal(withoutRequestId(r), withoutRequestId(ghost), 'out of scope and nonexistent differ');
              }
            } catch (e) {
              problems.push(`${label}: ${e.message}`);
            }
          }
          if (entry.after) await entry.after(r, c);
        }
      };
      for (const route of routes) if (!MATRIX[key(route)].last) await walk(route, MATRIX[key(route)]);
      for (const route of routes) if (MATRIX[key(route)].last) await walk(route, MATRIX[key(route)]);
      assert.equal((await client.get('/api/v1/auth/session')).status, 401, 'after logout the session is gone');
      assert.ok(calls >= routes.length, `${calls} calls`);
      assert.deepEqual(problems, [], `${name} (${actor.role} on org ${actor.org}):\n${problems.join('\n')}`);
    });
  }

  test('A1 URL variants (router normalisation): no variant of a denied path answers 2xx', async () => {
    const { actors, D1 } = cast;
    const sec = await login(srv, actors.secretary.account);
    const variants = ['/api/v1/users/', '/api/v1//users', '/api/v1/./users', '/api/v1/%75sers', '/API/v1/users',
      '/api/v1/users%2f', '/api/v1/users?', '/api/v1/users#x', `/api/v1/orgs/${D1}/`, `/api/v1/orgs/0${D1}`,
      `/api/v1/orgs/%3${D1}`, `/api/v1/orgs/${cast.B}/../${D1}`, `/api/v1/orgs/${cast.B}%2f..%2f${D1}`,
      `/api/v1/orgs/${D1}.`, `/api/v1/orgs/+${D1}`, '/api/v1/audit/', '/api/v1/audit/verify/', '/api/v1/AUDIT'];
    for (const v of variants) {
      const r = await sec.get(v);
      assert.ok(r.status >= 400 && r.status < 500, `${v} → ${r.status} ${r.text.slice(0, 120)}`);
    }
  });
});
