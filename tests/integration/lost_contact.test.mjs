// The search for lost-contact members over HTTP (domain.md §2.4, §2.5; seed 004 "党组织找党员"; issue 4): the branch
// tags a member lost contact, records its search — refused for a member not lost, entries listed newest first —
// and may stop party status on the lost-contact ground only after a search; a "found" entry restores contact and
// clears the tag. The member sees the views and entries under 谁查看了我的信息; a sibling branch sees nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';

describe('lost-contact searches (gen --scale=test)', () => {
  let srv, cast, sec, sibling, lostId, otherId;

  const daysAgo = (n) => new Date(Date.now() + 8 * 3600e3 - n * 86400e3).toISOString().slice(0, 10);
  const entry = (extra = {}) => ({ on: daysAgo(20), method: 'phone', searched_by: '支部书记李某',
    result: '拨打原手机号，已停机', ...extra });

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    const { tree, B, admin } = cast;
    sec = cast.actors.secretary.client;
    const community = tree.get(B).parent_id;
    const account = await createUser(srv, admin, { username: 'sibling_secretary', display_name: '邻支部书记',
      role: 'branch_secretary', org_id: tree.get(community).children.find((id) => id !== B) });
    sibling = await login(srv, account);
    lostId = cast.actors.member.member_id;  // the member can then read 谁查看了我的信息
    const members = await sec.all(`/api/v1/members?org_id=${B}`);
    otherId = members.find((m) => m.id !== lostId).id;
  });
  after(() => srv && srv.stop());

  const tagLost = async (id, on) => {
    const cur = await sec.get(`/api/v1/members/${id}`);
    const r = await sec.request('PUT', `/api/v1/members/${id}`, { json: { version: cur.json.version, education: cur.json.education,
      work_unit: cur.json.work_unit, occupation: cur.json.occupation, skills: cur.json.skills,
      tags: [...cur.json.tags.filter((t) => t !== 'lost_contact'), 'lost_contact'], floating_to: cur.json.floating_to,
      lost_contact_on: on } });
    assert.equal(r.status, 200, r.toString());
    return r.json;
  };

  test('a search is refused for a member who is not lost contact, saying what to do', async () => {
    const r = await sec.post(`/api/v1/members/${otherId}/lost-contact-searches`, entry());
    assert.equal(r.status, 422, r.toString());
    assert.match(r.error.message, /请先在“编辑”中勾选“失联党员”/);
    const list = await sec.get(`/api/v1/members/${otherId}/lost-contact-searches`);
    assert.equal(list.status, 200, list.toString());
    assert.equal(list.json.lost_contact, false);
    assert.deepEqual(list.json.entries, []);
    assert.deepEqual(list.json.actions, []);
  });

  test('§2.5: entries newest first; fields named; a stop is refused without a search, accepted after one', async () => {
    const lostOn = daysAgo(250);
    await tagLost(lostId, lostOn);
    let r = await sec.get(`/api/v1/members/${lostId}/lost-contact-searches`);
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.lost_contact, true);
    assert.equal(r.json.lost_contact_on, lostOn);
    assert.deepEqual(r.json.actions, ['add']);
    assert.equal(r.json.reminder.key, 'member.due.lost_contact_search');
    assert.match(r.json.reminder.message, /已失联满六个月，近 3 个月没有寻找记录/);  // the interval is the policy (issue 16)

    // Stopping party status on the lost-contact ground: refused without a search, the rule quoted.
    const stop = async () => {
      const cur = await sec.get(`/api/v1/members/${lostId}`);
      return sec.post(`/api/v1/members/${lostId}/status`, { version: cur.json.version, action: 'stop',
        ground: 'lost_contact', on: daysAgo(1), doc_ref: '支委会〔2026〕12号' });
    };
    r = await stop();
    assert.equal(r.status, 422, r.toString());
    assert.match(r.error.message, /应先组织寻找，寻找无果再作处理/);

    r = await sec.post(`/api/v1/members/${lostId}/lost-contact-searches`, entry({ method: 'email' }));
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['method']);
    r = await sec.post(`/api/v1/members/${lostId}/lost-contact-searches`, entry({ on: daysAgo(251), searched_by: '李'.repeat(31),
      result: 'x'.repeat(501) }));
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['on', 'searched_by', 'result']);
    assert.match(r.error.fields[0].message, /不能早于失去联系日期/);
    assert.match(r.error.fields[1].message, /寻找人/);
    r = await sec.post(`/api/v1/members/${lostId}/lost-contact-searches`, entry({ mystery: 1 }));
    assert.equal(r.status, 400, 'unknown fields are refused');
    assert.equal((await sibling.post(`/api/v1/members/${lostId}/lost-contact-searches`, entry())).status, 404);
    assert.equal((await sibling.get(`/api/v1/members/${lostId}/lost-contact-searches`)).status, 404);
    assert.equal((await cast.actors.member.client.post(`/api/v1/members/${lostId}/lost-contact-searches`, entry())).status, 403);

    r = await sec.post(`/api/v1/members/${lostId}/lost-contact-searches`, entry({ on: daysAgo(200), method: 'visit', searched_by: '委员王某',
      result: '上门走访，邻居称已搬离' }));
    assert.equal(r.status, 201, r.toString());
    r = await sec.post(`/api/v1/members/${lostId}/lost-contact-searches`, entry());
    assert.equal(r.status, 201, r.toString());
    assert.equal(r.json.contact_restored, false);
    assert.deepEqual(r.json.entries.map((e) => e.on), [daysAgo(20), daysAgo(200)]);
    assert.equal(r.json.entries[0].method, 'phone');
    assert.equal(r.json.entries[0].recorded_by, cast.actors.secretary.display_name);
    assert.equal(r.json.reminder, null);

    r = await stop();
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.status, 'stopped');
  });

  test('a found entry restores contact: the tag and the day are cleared, later entries refused', async () => {
    const r = await sec.post(`/api/v1/members/${lostId}/lost-contact-searches`, entry({ on: daysAgo(0), method: 'relatives',
      result: '经其亲属联系上本人，已恢复联系', found: true }));
    assert.equal(r.status, 201, r.toString());
    assert.equal(r.json.contact_restored, true);
    assert.equal(r.json.lost_contact, false);
    assert.deepEqual(r.json.actions, []);
    assert.equal(r.json.entries[0].found, true);
    const m = await sec.get(`/api/v1/members/${lostId}`);
    assert.ok(!m.json.tags.includes('lost_contact'));
    assert.equal(m.json.lost_contact_on, null);
    assert.equal(m.json.version, r.json.member_version);
    assert.equal((await sec.post(`/api/v1/members/${lostId}/lost-contact-searches`, entry())).status, 422);
  });

  test('谁查看了我的信息: the member sees the views and the entries', async () => {
    const r = await cast.actors.member.client.get('/api/v1/me/views?limit=100');
    assert.equal(r.status, 200, r.toString());
    const actions = r.json.items.map((x) => x.action);
    assert.ok(actions.includes('search.view'), actions.join(','));
    assert.ok(actions.includes('search.add'), actions.join(','));
  });
});
