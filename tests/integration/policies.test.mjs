// The policy store over HTTP (issue 16 "Policy store"; design.md: each local rule is a row with an effective date and
// an org-subtree scope): a street's change from a future date holds for its communities from that date only, a
// community's own value overrides its street's below it, a change in the past is refused naming valid_from, a
// branch may not set rules (422), another street's admin cannot reach the street (404), bad values name their
// field, readers see can_edit false, and each change is one audit row policy.set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

const KEY = 'lost_contact.search_every_months';
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const plusDays = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);

describe('policy store (gen --scale=test)', () => {
  let srv, cast, street, community, otherStreetAdmin, C2, S2;
  const made = [];  // ids of the changes that succeeded, each one audit row

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    street = cast.actors.street_admin.client;
    C2 = cast.tree.get(cast.S1).children.find((id) => id !== cast.C1);
    S2 = cast.tree.get(cast.D1).children.find((id) => id !== cast.S1);
    community = await login(srv, await createUser(srv, cast.admin, { username: 'community_admin', display_name: '社区党委管理员',
      role: 'org_admin', org_id: cast.C1 }));
    otherStreetAdmin = await login(srv, await createUser(srv, cast.admin, { username: 'other_street_admin',
      display_name: '另一街道管理员', role: 'org_admin', org_id: S2 }));
  });
  after(() => srv && srv.stop());

  const item = async (client, org, asOf) => {
    const r = await client.get(`/api/v1/orgs/${org}/policies${asOf ? `?as_of=${asOf}` : ''}`);
    assert.equal(r.status, 200, r.toString());
    return { list: r.json, it: r.json.items.find((i) => i.key === KEY) };
  };
  const set = async (client, org, body) => client.post(`/api/v1/orgs/${org}/policies`, { key: KEY, ...body });
  const fieldsOf = (r) => (r.json?.error?.fields ?? []).map((f) => f.field);

  test('every key is listed with its default; a reader sees the street\'s rules but may not change them', async () => {
    const { list, it } = await item(cast.actors.secretary.client, cast.B);
    assert.equal(list.org.id, cast.B);
    assert.equal(list.as_of, today());
    assert.equal(list.can_edit, false, 'a branch secretary reads only');
    assert.ok(list.items.length >= 5, 'the catalogue');
    assert.equal(it.kind, 'int');
    assert.equal(it.value, it.default);
    assert.equal(it.in_force, null, 'no row: the national default');
    assert.deepEqual(it.pending, []);
    assert.equal((await item(street, cast.S1)).list.can_edit, true, 'the street committee\'s org admin may change');
    assert.equal((await item(street, cast.B)).list.can_edit, false, 'nobody sets rules on a branch');
  });

  test('a street\'s change from a future date holds for its communities from that date only', async () => {
    const { it: spec } = await item(street, cast.S1);
    const value = spec.default === spec.max ? spec.default - 1 : spec.default + 1;
    const from = plusDays(today(), 10);
    const r = await set(street, cast.S1, { value, valid_from: from, doc: '测街工委〔2026〕1号' });
    assert.equal(r.status, 201, r.toString());
    made.push(r.json.id);
    // before the date: the old rule, with the change shown as pending
    const now = (await item(street, cast.C1)).it;
    assert.equal(now.value, spec.default);
    assert.equal(now.pending.length, 1);
    assert.equal(now.pending[0].valid_from, from);
    assert.equal(now.pending[0].value, value);
    assert.equal((await item(street, cast.C1, plusDays(from, -1))).it.value, spec.default, 'the day before');
    // from the date: the street's value, for the community and the branch below it
    for (const org of [cast.S1, cast.C1, cast.B, C2]) {
      const got = (await item(street, org, from)).it;
      assert.equal(got.value, value, `org ${org} on ${from}`);
      assert.equal(got.in_force.org.id, cast.S1);
      assert.equal(got.in_force.doc, '测街工委〔2026〕1号');
      assert.equal(got.in_force.valid_from, from);
    }
    // another street is not touched
    assert.equal((await item(cast.city, S2, from)).it.value, spec.default);
  });

  test('a community\'s own value overrides its street\'s for it and the orgs below it', async () => {
    const { it: spec } = await item(street, cast.S1);
    const own = spec.min;
    const r = await set(community, cast.C1, { value: own, valid_from: today(), doc: '测社党委〔2026〕2号' });
    assert.equal(r.status, 201, r.toString());
    made.push(r.json.id);
    const far = plusDays(today(), 30);
    for (const org of [cast.C1, cast.B]) {
      const got = (await item(street, org, far)).it;
      assert.equal(got.value, own, `the most specific subtree holds for ${org}`);
      assert.equal(got.in_force.org.id, cast.C1);
    }
    assert.notEqual((await item(street, C2, far)).it.value, own, 'a sibling community keeps the street\'s value');
    const h = await community.get(`/api/v1/orgs/${cast.C1}/policies/history?key=${KEY}`);
    assert.equal(h.status, 200, h.toString());
    assert.equal(h.json.policy.key, KEY);
    assert.deepEqual(h.json.items.map((s) => s.org.id).sort(), [cast.S1, cast.C1].sort(), 'the street\'s row and its own');
  });

  test('a pending change replaced before it starts stays in the history as withdrawn', async () => {
    const first = plusDays(today(), 20);
    let r = await set(street, cast.S1, { value: 2, valid_from: first, doc: '测街工委〔2026〕3号' });
    assert.equal(r.status, 201, r.toString());
    made.push(r.json.id);
    r = await set(street, cast.S1, { value: 3, valid_from: plusDays(today(), 5), doc: '测街工委〔2026〕4号' });
    assert.equal(r.status, 201, r.toString());
    made.push(r.json.id);
    const h = await street.get(`/api/v1/orgs/${cast.S1}/policies/history?key=${KEY}`);
    assert.equal(h.status, 200, h.toString());
    const dates = h.json.items.map((s) => s.valid_from);
    assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    assert.ok(h.json.items.some((s) => s.withdrawn), JSON.stringify(h.json.items));
    const live = h.json.items.filter((s) => !s.withdrawn);
    assert.ok(live.every((s, i) => i === live.length - 1 || s.valid_to === live[i + 1].valid_from), 'one rule a day');
  });

  test('the past is refused naming valid_from; bad values, dates and documents name their field', async () => {
    const { it: spec } = await item(street, cast.S1);
    const cases = [
      [{ value: spec.min, valid_from: plusDays(today(), -1), doc: '文号' }, 'valid_from'],
      [{ value: spec.min, valid_from: '2026/13/01', doc: '文号' }, 'valid_from'],
      [{ value: spec.max + 1, valid_from: today(), doc: '文号' }, 'value'],
      [{ value: spec.min - 1, valid_from: today(), doc: '文号' }, 'value'],
      [{ value: 'six', valid_from: today(), doc: '文号' }, 'value'],
      [{ value: spec.min, valid_from: today(), doc: '' }, 'doc'],
      [{ value: spec.min, valid_from: today(), doc: '号'.repeat(101) }, 'doc'],
    ];
    for (const [body, field] of cases) {
      const r = await set(street, cast.S1, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.toString()}`);
      assert.ok(fieldsOf(r).includes(field), `${JSON.stringify(body)} names ${field}: ${r.toString()}`);
      // Named as a policy's date (生效日期), not as another area's valid_from (任职日期): the catalogue had both.
      if (field === 'valid_from') assert.match(r.error.fields.find((f) => f.field === field).message, /^生效日期/);
    }
    const unknown = await street.post(`/api/v1/orgs/${cast.S1}/policies`, { key: 'no.such_key', value: 1, valid_from: today(), doc: '文号' });
    assert.equal(unknown.status, 400, unknown.toString());
    assert.ok(fieldsOf(unknown).includes('key'), unknown.toString());
    const choice = (await item(street, cast.S1)).list.items.find((i) => i.kind === 'choice');
    if (choice) {
      const r = await street.post(`/api/v1/orgs/${cast.S1}/policies`, { key: choice.key, value: 'no_such_choice', valid_from: today(), doc: '文号' });
      assert.equal(r.status, 400, r.toString());
      assert.ok(fieldsOf(r).includes('value'), r.toString());
    }
  });

  test('a branch gets 422, another street\'s admin 404, a branch secretary 403', async () => {
    const b = await set(street, cast.B, { value: 3, valid_from: today(), doc: '文号' });
    assert.equal(b.status, 422, b.toString());
    for (const r of [await set(otherStreetAdmin, cast.S1, { value: 3, valid_from: today(), doc: '文号' }),
      await otherStreetAdmin.get(`/api/v1/orgs/${cast.S1}/policies`),
      await otherStreetAdmin.get(`/api/v1/orgs/${cast.C1}/policies/history?key=${KEY}`)]) {
      assert.equal(r.status, 404, r.toString());
    }
    const sec = await set(cast.actors.secretary.client, cast.B, { value: 3, valid_from: today(), doc: '文号' });
    assert.equal(sec.status, 403, sec.toString());
  });

  test('each change is one audit row policy.set on the policy row', async () => {
    const r = await cast.actors.auditor.client.get('/api/v1/audit?action=policy.set&limit=50');
    assert.equal(r.status, 200, r.toString());
    assert.deepEqual(r.json.items.map((e) => e.object_id).sort(), made.map(String).sort());
    for (const e of r.json.items) assert.equal(e.object_type, 'policy');
  });
});
