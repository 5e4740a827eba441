// The development pipeline over HTTP (domain.md §2; issue 4): an application in branch B taken to full
// member by its secretary, the registry it writes, rules refused with the rule quoted, bad input named by
// field, and a sibling branch's secretary kept out by every route, body field and list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';
import { syntheticId } from './lib/ids.mjs';

describe('development pipeline (gen --scale=test)', () => {
  let srv, cast, sec, sibling, members, caseId;

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    sec = cast.actors.secretary.client;
    const { tree, B } = cast;
    const siblingBranch = tree.get(tree.get(B).parent_id).children.find((id) => id !== B);
    const account = await createUser(srv, cast.admin, { username: 'sibling_sec', display_name: '邻支部书记',
      role: 'branch_secretary', org_id: siblingBranch });
    sibling = { client: await login(srv, account), org: siblingBranch };
    members = (await sec.all(`/api/v1/members?org_id=${B}`));
  });
  after(() => srv && srv.stop());

  // domain.md §2.2 row 13: the electorate is the branch's full members with voting rights on the meeting date.
  const electorateOn = (on) => members.filter((m) => m.org_id === cast.B && m.category === 'full' && m.status === 'normal'
    && (!m.conversion_date || m.conversion_date <= on)).length;
  const sponsorsOn = (on) => members.filter((m) => m.category === 'full' && m.conversion_date && m.conversion_date <= on)
    .slice(0, 2).map((m) => m.id);

  const step = async (client, id, body) => {
    const current = await client.get(`/api/v1/development-cases/${id}`);
    assert.equal(current.status, 200, current.toString());
    return client.post(`/api/v1/development-cases/${id}/steps`, { version: current.json.version, ...body });
  };

  test('§2.1–§2.3: application → activist → target → probationary → full; the registry follows', async () => {
    const made = await sec.post('/api/v1/development-cases', { org_id: cast.B, name: '陈晓明', sex: 'male',
      id_number: syntheticId('19950312', 31), phone: '13900001111', education: '大学本科', work_unit: '海沧区某公司',
      applied_on: '2023-01-10', body: '小区党支部' });
    assert.equal(made.status, 201, made.toString());
    caseId = made.json.id;
    let view = await sec.get(`/api/v1/development-cases/${caseId}`);
    assert.equal(view.json.stage, 'applicant');
    assert.equal(view.json.id_number.replace(/[^*]/g, '').length > 0, true, 'masked');
    assert.equal(view.json.reminders[0].key, 'admission.due.talk');
    assert.equal(view.json.reminders[0].overdue, true);
    assert.match(view.json.reminders[0].message, /一个月内派人谈话（2023-02-10 前）/);

    const sponsors = sponsorsOn('2024-06-01');
    assert.equal(sponsors.length, 2, 'the test branch has two full members to sponsor');
    const steps = [
      { kind: 'talk', on: '2023-01-20' },
      { kind: 'activist', on: '2023-03-01', people: [sponsors[0]], body: '支部委员会' },
      { kind: 'target', on: '2024-03-05', body: '支部委员会' },
      { kind: 'political_review', on: '2024-04-01' },
      { kind: 'training', on: '2024-04-10', training_days: 3, training_hours: 24 },
      { kind: 'pre_review', on: '2024-05-01', body: '街道党工委' },
      { kind: 'admission_meeting', on: '2024-06-01', people: sponsors, body: '支部大会',
        vote: { present: electorateOn('2024-06-01'), yes: electorateOn('2024-06-01') } },
      { kind: 'admission_approval', on: '2024-07-15', body: '街道党工委', doc_ref: '嵩工委〔2024〕8号' },
    ];
    for (const s of steps) {
      const r = await step(sec, caseId, s);
      assert.equal(r.status, 201, `${s.kind}: ${r.toString()}`);
      view = r;
    }
    assert.equal(view.json.stage, 'probationary');
    const meeting = view.json.steps.find((s) => s.kind === 'admission_meeting');
    assert.equal(meeting.vote.electorate, electorateOn('2024-06-01'), 'counted from the registry');
    assert.deepEqual(meeting.people.map((p) => p.member_id), sponsors);
    assert.ok(meeting.people.every((p) => p.name), 'sponsors shown by name');
    assert.equal(view.json.facts.join_date, '2024-06-01');
    assert.equal(view.json.facts.probation_end, '2025-06-01');
    const memberId = view.json.member_id;
    assert.ok(memberId, 'approval created the registry record');
    let member = await sec.get(`/api/v1/members/${memberId}`);
    assert.equal(member.json.category, 'probationary');
    assert.equal(member.json.join_date, '2024-06-01');
    assert.equal(member.json.party_age, null, 'probationary members have no party age');

    const early = await step(sec, caseId, { kind: 'conversion_meeting', on: '2025-05-30', vote: { present: 1, yes: 1 } });
    assert.equal(early.status, 422, early.toString());
    assert.match(early.error.message, /预备期为一年.*2025-06-01/);
    const n = electorateOn('2025-06-20');
    assert.equal((await step(sec, caseId, { kind: 'conversion_meeting', on: '2025-06-20', decision: 'convert',
      vote: { present: n, yes: n } })).status, 201);
    const full = await step(sec, caseId, { kind: 'conversion_approval', on: '2025-08-01' });
    assert.equal(full.status, 201, full.toString());
    assert.equal(full.json.stage, 'full');
    assert.equal(full.json.facts.conversion_date, '2025-06-01', 'the probation end, not the meeting or approval');
    member = await sec.get(`/api/v1/members/${memberId}`);
    assert.equal(member.json.category, 'full');
    assert.equal(member.json.conversion_date, '2025-06-01');
    assert.equal(member.json.party_age, 1);
  });

  test('rules are refused with the rule quoted, and nothing changes', async () => {
    const made = await sec.post('/api/v1/development-cases', { org_id: cast.B, name: '林申请', sex: 'female',
      id_number: syntheticId('19990808', 42), applied_on: '2025-09-01' });
    assert.equal(made.status, 201, made.toString());
    const id = made.json.id;
    let r = await step(sec, id, { kind: 'activist', on: '2025-09-20', people: [sponsorsOn('2025-01-01')[0]] });
    assert.equal(r.status, 422);
    assert.match(r.error.message, /确定入党积极分子前，须先登记党组织派人谈话/);
    assert.equal((await step(sec, id, { kind: 'talk', on: '2025-09-10' })).status, 201);
    assert.equal((await step(sec, id, { kind: 'activist', on: '2025-09-20', people: [sponsorsOn('2025-01-01')[0]] })).status, 201);
    r = await step(sec, id, { kind: 'target', on: '2026-03-01' });
    assert.equal(r.status, 422);
    assert.match(r.error.message, /一年以上培养教育和考察.*最早可于 2026-09-20/);
    const young = await sec.post('/api/v1/development-cases', { org_id: cast.B, name: '少年', sex: 'male',
      id_number: syntheticId('20100101', 51), applied_on: '2026-01-01' });
    assert.equal(young.status, 422);
    assert.match(young.error.message, /申请入党须年满十八岁.*申请之日年龄为 16 岁/);
    const view = await sec.get(`/api/v1/development-cases/${id}`);
    assert.equal(view.json.stage, 'activist');
    assert.equal(view.json.steps.length, 3);
    const dup = await sec.post('/api/v1/development-cases', { org_id: cast.B, name: '重复', sex: 'female',
      id_number: syntheticId('19990808', 42), applied_on: '2025-09-01' });
    assert.equal(dup.status, 409);
    assert.deepEqual(dup.fieldNames(), ['id_number']);
  });

  test('bad input names the field; wrong content type is 415', async () => {
    const cases = [
      [{ version: 1, kind: 'talk', on: '2025-13-01' }, ['on']],
      [{ version: 1, kind: 'skip', on: '2025-10-01' }, ['kind']],
      [{ version: 1, kind: 'activist', on: '2025-10-01', people: ['x'] }, ['people[0]']],
      [{ version: 1, kind: 'activist', on: '2025-10-01', people: [1, 2, 3] }, ['people']],
      [{ version: 1, kind: 'admission_meeting', on: '2025-10-01', vote: { present: 3, electorate: 3 } }, ['vote.electorate']],
      [{ version: 1, kind: 'admission_meeting', on: '2025-10-01', vote: { present: -1 } }, ['vote.present']],
      [{ version: 1, kind: 'talk', on: '2025-10-01', higher_approval: 'yes' }, ['higher_approval']],
      [{ version: '1', kind: 'talk', on: '2025-10-01' }, ['version']],
      [{ version: 1, kind: 'talk', on: '2025-10-01', stage: 'full' }, ['stage']],
    ];
    for (const [body, fields] of cases) {
      const r = await sec.post(`/api/v1/development-cases/${caseId}/steps`, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.toString()}`);
      assert.deepEqual(r.fieldNames(), fields, JSON.stringify(body));
    }
    const create = await sec.post('/api/v1/development-cases', { org_id: cast.B, name: '', sex: 'x', id_number: '123',
      phone: '555', applied_on: 'yesterday' });
    assert.equal(create.status, 400);
    assert.deepEqual(create.fieldNames().sort(), ['applied_on', 'id_number', 'name', 'phone', 'sex'].sort());
    assert.match(create.error.fields.find((f) => f.field === 'phone').message, /联系电话应为 11 位手机号/);
    const r = await sec.request('POST', `/api/v1/development-cases/${caseId}/steps`, { body: 'kind=talk',
      headers: { 'Content-Type': 'text/plain' } });
    assert.equal(r.status, 415);
  });

  test('member search filters: category, status and age band; bad values name the parameter', async () => {
    const all = await sec.all(`/api/v1/members?org_id=${cast.B}`);
    const full = await sec.all(`/api/v1/members?org_id=${cast.B}&category=full`);
    const probationary = await sec.all(`/api/v1/members?org_id=${cast.B}&category=probationary`);
    assert.ok(full.length > 0 && full.every((m) => m.category === 'full'));
    assert.ok(probationary.every((m) => m.category === 'probationary'));
    assert.equal(full.length + probationary.length, all.length, 'the two categories partition the list');
    const today = new Date().toISOString().slice(0, 10);
    const young = await sec.all(`/api/v1/members?org_id=${cast.B}&age_max=35`);
    const ageOn = (birth) => { const [y, m, d] = birth.split('-').map(Number); const [ty, tm, td] = today.split('-').map(Number);
      return ty - y - ((tm < m || (tm === m && td < d)) ? 1 : 0); };
    assert.ok(young.every((m) => ageOn(m.birth_date) <= 35), 'all 35 or younger');
    const old = await sec.all(`/api/v1/members?org_id=${cast.B}&age_min=61&status=normal`);
    assert.ok(old.every((m) => ageOn(m.birth_date) >= 61 && m.status === 'normal'));
    assert.ok(young.length + old.length <= all.length);
    for (const [query, field] of [['category=activist', 'category'], ['status=gone', 'status'], ['age_min=-3', 'age_min'],
      ['age_min=70&age_max=60', 'age_max']]) {
      const r = await sec.get(`/api/v1/members?org_id=${cast.B}&${query}`);
      assert.equal(r.status, 400, `${query}: ${r.toString()}`);
      assert.deepEqual(r.fieldNames(), [field], query);
    }
  });

  test('a sibling branch secretary cannot see or change B\'s cases by any route, body field or list', async () => {
    const c = sibling.client;
    assert.equal((await c.get(`/api/v1/development-cases/${caseId}`)).status, 404);
    assert.equal((await c.post(`/api/v1/development-cases/${caseId}/steps`, { version: 1, kind: 'talk', on: '2025-10-01' })).status, 404);
    const list = await c.all('/api/v1/development-cases');
    assert.ok(list.every((x) => x.org_id === sibling.org), 'only its own branch');
    assert.equal((await c.get(`/api/v1/development-cases?org_id=${cast.B}`)).status, 400);
    const into = await c.post('/api/v1/development-cases', { org_id: cast.B, name: '越界', sex: 'male',
      id_number: syntheticId('19900101', 61), applied_on: '2025-01-01' });
    assert.equal(into.status, 400);
    assert.deepEqual(into.fieldNames(), ['org_id']);
    // Its own case cannot name a member of B as a training contact.
    const own = await c.post('/api/v1/development-cases', { org_id: sibling.org, name: '本支部', sex: 'male',
      id_number: syntheticId('19900101', 63), applied_on: '2025-01-01' });
    assert.equal(own.status, 201, own.toString());
    assert.equal((await step(c, own.json.id, { kind: 'talk', on: '2025-01-15' })).status, 201);
    const r = await step(c, own.json.id, { kind: 'activist', on: '2025-02-01', people: [members[0].id] });
    assert.equal(r.status, 400);
    assert.deepEqual(r.fieldNames(), ['people[0]']);
  });
});
