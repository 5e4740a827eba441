// Audit trail against a live server (security.md E1 coverage and completeness, E2 tamper evidence, E3 log
// hygiene) and "谁查看了我的信息" (docs/api.md GET /me/views), on `gen --scale=test`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BACKEND, routeTable, startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { Client, createUser, login, nextCode, strongPassword } from './lib/client.mjs';
import { syntheticId } from './lib/ids.mjs';
import { memberCsv } from './lib/sheets.mjs';
import { halvesPng } from './lib/images.mjs';

const rid = (tag) => `e1-${tag.replace(/[^a-z0-9]/gi, '')}-${randomBytes(6).toString('hex')}`;

describe('audit: E1 coverage, /me/views, E2 tamper evidence, E3 log hygiene', () => {
  let srv, cast, auditor;
  const secrets = [];
  const clients = [];
  const covered = new Map();  // "METHOD /pattern" → action seen in the log
  let viewRowId = null;

  before(async () => {
    srv = await startServer({ dataset: 'test', env: { LIANXIN_OTP_SENDER: 'sink' } });
    cast = await setupCast(srv);
    auditor = cast.actors.auditor.client;
    secrets.push(srv.setupToken);
    for (const a of Object.values(cast.actors)) {
      secrets.push(a.account.password, a.account.totpSecret, a.account.setupToken);
      clients.push(a.client);
    }
  });
  after(() => srv && srv.stop());

  /** Finds the audit row written by the request with id `requestId` and checks its fields (E1). */
  async function row(action, requestId, expect) {
    const r = await auditor.get(`/api/v1/audit?action=${action}&limit=50`);
    assert.equal(r.status, 200, r.toString());
    const e = r.json.items.find((x) => x.request_id === requestId);
    assert.ok(e, `E1: no ${action} row with request id ${requestId}: ${JSON.stringify(r.json.items.slice(0, 3))}`);
    assert.ok(Number.isInteger(e.id) && e.id > 0);
    assert.match(e.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'UTC instant with milliseconds');
    assert.equal(e.ip, '127.0.0.1', 'source IP');
    assert.equal(e.action, action);
    for (const [k, v] of Object.entries(expect)) assert.deepEqual(e[k], v, `${action}.${k}`);
    return e;
  }

  /** Performs `method path` as `client` with a fresh request id and returns [response, requestId]. */
  async function act(client, method, path, json, tag) {
    const id = rid(tag);
    const r = await client.request(method, path, { json, headers: { 'X-Request-Id': id } });
    return [r, id];
  }
  /** POSTs a file (application/octet-stream) with a fresh request id; returns [response, requestId]. */
  async function actFile(client, path, bytes, tag) {
    const id = rid(tag);
    const r = await client.request('POST', path, { body: bytes, headers: { 'Content-Type': 'application/octet-stream', 'X-Request-Id': id } });
    return [r, id];
  }
  /** The stored detail of audit row `rowId` (the API does not show it): counts and hashes, never values. */
  function detailOf(rowId) {
    const q = srv.sql(`SELECT detail FROM audit_log WHERE id = ${rowId}`);
    assert.equal(q.status, 0, q.stderr);
    return q.stdout.trim();
  }

  test('E1: every state-changing route writes a complete audit row (actor, org, IP, action, object, result, request id)', async () => {
    const { admin, adminAccount, actors, S1, B, tree } = cast;
    const adminId = (await admin.get('/api/v1/auth/session')).json.user.id;
    const asAdmin = { actor_id: adminId, actor_name: adminAccount.display_name, actor_org: tree.root.name };
    const note = (route, action) => covered.set(route, action);

    let [r, id] = await act(admin, 'POST', '/api/v1/users', { username: 'audited', display_name: '被审计', role: 'branch_secretary', org_id: S1 }, 'create');
    assert.equal(r.status, 201, r.toString());
    const uid = r.json.user.id;
    const token = /token=([\w-]+)/.exec(r.json.setup_link)[1];
    await row('user.create', id, { ...asAdmin, object_type: 'user', object_id: String(uid), result: 'ok' });
    note('POST /api/v1/users', 'user.create');

    const password = strongPassword();
    secrets.push(token, password);
    [r, id] = await act(new Client(srv.url), 'POST', '/api/v1/setup', { token, password }, 'setup');
    assert.equal(r.status, 201);
    await row('setup.password', id, { actor_id: uid, object_id: String(uid), result: 'ok' });
    note('POST /api/v1/setup', 'setup.password');

    [r, id] = await act(admin, 'POST', `/api/v1/users/${uid}/grants`, { role: 'org_admin', org_id: S1 }, 'grant');
    assert.equal(r.status, 201);
    await row('user.grant', id, { ...asAdmin, object_type: 'user', object_id: String(uid) });
    note('POST /api/v1/users/:id/grants', 'user.grant');
    [r, id] = await act(admin, 'DELETE', `/api/v1/users/${uid}/grants/${r.json.id}`, undefined, 'revoke');
    assert.equal(r.status, 204);
    await row('user.revoke', id, { ...asAdmin, object_id: String(uid) });
    note('DELETE /api/v1/users/:id/grants/:grant_id', 'user.revoke');

    const u = new Client(srv.url);
    [r, id] = await act(u, 'POST', '/api/v1/auth/login', { username: 'audited', password }, 'login');
    assert.equal(r.status, 200);
    secrets.push(u.sessionToken, u.csrf);
    await row('auth.login', id, { actor_id: uid, actor_name: '被审计', actor_org: tree.get(S1).name, object_id: String(uid), result: 'ok' });
    note('POST /api/v1/auth/login', 'auth.login');
    [r, id] = await act(new Client(srv.url), 'POST', '/api/v1/auth/login', { username: 'audited', password: 'Wrong-password-9' }, 'fail');
    assert.equal(r.status, 401);
    await row('auth.login', id, { actor_id: uid, object_id: String(uid), result: 'denied' });

    const newPassword = strongPassword();
    secrets.push(newPassword);
    [r, id] = await act(u, 'POST', '/api/v1/auth/password', { old_password: password, new_password: newPassword }, 'pw');
    assert.equal(r.status, 204, r.toString());
    await row('auth.password_change', id, { actor_id: uid, object_id: String(uid) });
    note('POST /api/v1/auth/password', 'auth.password_change');

    [r, id] = await act(u, 'POST', '/api/v1/auth/logout', undefined, 'logout');
    assert.equal(r.status, 204);
    await row('auth.logout', id, { actor_id: uid, object_id: String(uid) });
    note('POST /api/v1/auth/logout', 'auth.logout');

    for (const [path, action, who] of [[`/api/v1/users/${uid}/reset`, 'user.reset', admin],
      [`/api/v1/users/${uid}/disable`, 'user.disable', admin], [`/api/v1/users/${uid}/enable`, 'user.enable', admin],
      [`/api/v1/users/${uid}/unlock`, 'user.unlock', actors.district_sec.client]]) {
      [r, id] = await act(who, 'POST', path, undefined, action);
      assert.ok(r.status === 200 || r.status === 204, r.toString());
      if (r.json && r.json.setup_link) secrets.push(/token=([\w-]+)/.exec(r.json.setup_link)[1]);
      await row(action, id, { actor_id: (await who.get('/api/v1/auth/session')).json.user.id, object_type: 'user', object_id: String(uid) });
      note(`POST ${path.replace(String(uid), ':id')}`, action);
    }

    // Second factor: enrolment and a later verification, each audited with the request's id.
    const acc = await createUser(srv, admin, { username: 'auditor2', display_name: '审计员二', role: 'audit_admin', org_id: tree.root.id });
    secrets.push(acc.password, acc.setupToken);
    const a2 = new Client(srv.url);
    assert.equal((await a2.post('/api/v1/auth/login', { username: acc.username, password: acc.password })).json.mfa, 'enroll');
    acc.totpSecret = (await a2.post('/api/v1/auth/totp/enroll')).json.secret;
    secrets.push(acc.totpSecret);
    [r, id] = await act(a2, 'POST', '/api/v1/auth/totp/verify', { code: await nextCode(acc) }, 'enroll');
    assert.equal(r.status, 200, r.toString());
    await row('auth.totp_enroll', id, { actor_id: acc.id, object_id: String(acc.id), result: 'ok' });
    note('POST /api/v1/auth/totp/enroll', 'auth.totp_enroll');
    const a3 = new Client(srv.url);
    await a3.post('/api/v1/auth/login', { username: acc.username, password: acc.password });
    [r, id] = await act(a3, 'POST', '/api/v1/auth/totp/verify', { code: '000000' === await nextCode(acc) ? '111111' : '000000' }, 'wrong');
    assert.equal(r.status, 400);
    await row('auth.totp', id, { actor_id: acc.id, result: 'denied' });
    note('POST /api/v1/auth/totp/verify', 'auth.totp');
    clients.push(a2, a3);

    // Reads of personal information and of the log itself are audited too.
    const sec = actors.secretary;
    [r, id] = await act(sec.client, 'GET', `/api/v1/members/${actors.member.member_id}`, undefined, 'view');
    assert.equal(r.status, 200);
    const view = await row('member.view', id, { actor_id: sec.account.id, actor_name: sec.display_name,
      actor_org: tree.get(B).name, object_type: 'member', object_id: String(actors.member.member_id) });
    viewRowId = view.id;
    note('GET /api/v1/members/:id', 'member.view');
    [r, id] = await act(sec.client, 'POST', `/api/v1/members/${actors.member.member_id}/reveal`, { reason: '通知参加主题党日' }, 'reveal');
    assert.equal(r.status, 200, r.toString());
    secrets.push(r.json.id_number, r.json.phone);
    await row('member.reveal', id, { actor_id: sec.account.id, object_type: 'member', object_id: String(actors.member.member_id) });
    note('POST /api/v1/members/:id/reveal', 'member.reveal');
    [r, id] = await act(sec.client, 'GET', `/api/v1/members?org_id=${B}`, undefined, 'list');
    await row('member.list', id, { actor_id: sec.account.id });
    note('GET /api/v1/members', 'member.list');
    // The development pipeline: an application, a step and a view of the case.
    [r, id] = await act(sec.client, 'POST', '/api/v1/development-cases', { org_id: B, name: '审计申请人', sex: 'female',
      id_number: syntheticId('19920202', 82), applied_on: '2026-01-05' }, 'apply');
    assert.equal(r.status, 201, r.toString());
    const caseId = r.json.id;
    await row('candidate.create', id, { actor_id: sec.account.id, object_type: 'candidate', object_id: String(caseId) });
    note('POST /api/v1/development-cases', 'candidate.create');
    [r, id] = await act(sec.client, 'POST', `/api/v1/development-cases/${caseId}/steps`, { version: 1, kind: 'talk', on: '2026-01-20' }, 'step');
    assert.equal(r.status, 201, r.toString());
    await row('candidate.step', id, { actor_id: sec.account.id, object_id: String(caseId) });
    note('POST /api/v1/development-cases/:id/steps', 'candidate.step');
    [r, id] = await act(sec.client, 'GET', `/api/v1/development-cases/${caseId}`, undefined, 'case');
    await row('candidate.view', id, { actor_id: sec.account.id, object_id: String(caseId) });
    note('GET /api/v1/development-cases/:id', 'candidate.view');
    [r, id] = await act(sec.client, 'GET', '/api/v1/development-cases', undefined, 'board');
    await row('candidate.list', id, { actor_id: sec.account.id });
    note('GET /api/v1/development-cases', 'candidate.list');
    // A registry edit: the audit row names the fields, never their values.
    const target = (await sec.client.get('/api/v1/members?limit=5')).json.items.filter((m) => m.id !== actors.member.member_id)[1];
    const current = await sec.client.get(`/api/v1/members/${target.id}`);
    [r, id] = await act(sec.client, 'PUT', `/api/v1/members/${target.id}`, { version: current.json.version,
      skills: ['电工'], phone: '13900004444' }, 'edit');
    assert.equal(r.status, 200, r.toString());
    assert.deepEqual(r.json.skills, ['电工']);
    await row('member.update', id, { actor_id: sec.account.id, object_type: 'member', object_id: String(target.id) });
    note('PUT /api/v1/members/:id', 'member.update');
    // A decision on party status, with its record.
    const settled = target;  // the member edited above (a test branch is small)
    const before = await sec.client.get(`/api/v1/members/${settled.id}`);
    [r, id] = await act(sec.client, 'POST', `/api/v1/members/${settled.id}/status`, { version: before.json.version,
      action: 'stop', ground: 'settled_abroad', on: '2026-01-25', doc_ref: '支委会〔2026〕9号' }, 'status');
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.status, 'stopped');
    assert.equal(r.json.status_changes[0].doc_ref, '支委会〔2026〕9号');
    await row('member.status', id, { actor_id: sec.account.id, object_type: 'member', object_id: String(settled.id) });
    note('POST /api/v1/members/:id/status', 'member.status');
    // A transfer out: requested by the branch, the letter issued by the street committee; a letter arriving.
    const others = (await sec.client.get('/api/v1/members?limit=5')).json.items.filter((m) => m.id !== actors.member.member_id);
    [r, id] = await act(sec.client, 'POST', '/api/v1/transfers', { kind: 'out', member_id: others[0].id,
      to_org_name: '外省某县某乡党委', reason: '外出务工', on: '2026-01-20' }, 'transfer');
    assert.equal(r.status, 201, r.toString());
    const transferId = r.json.id;
    await row('transfer.request', id, { actor_id: sec.account.id, object_type: 'transfer', object_id: String(transferId) });
    note('POST /api/v1/transfers', 'transfer.request');
    const street = actors.street_admin;
    [r, id] = await act(street.client, 'POST', `/api/v1/transfers/${transferId}/actions`, { version: 1, action: 'issue',
      on: '2026-01-21', letter: { serial: '审-1', valid_days: 30, dues_paid_to: '2026-01' } }, 'issue');
    assert.equal(r.status, 200, r.toString());
    await row('transfer.issue', id, { actor_id: street.account.id, object_id: String(transferId) });
    note('POST /api/v1/transfers/:id/actions', 'transfer.issue');
    [r, id] = await act(street.client, 'POST', '/api/v1/transfers/incoming', { to_org_id: S1, from_org_name: '外省某县某乡党委',
      name: '审计转入', sex: 'female', id_number: syntheticId('19800303', 84), category: 'full', join_date: '2005-07-01',
      on: '2026-01-22', letter: { serial: '外-审', issued_on: '2026-01-15', valid_days: 30, dues_paid_to: '2025-12' } }, 'incoming');
    assert.equal(r.status, 201, r.toString());
    await row('transfer.register', id, { actor_id: street.account.id, object_id: String(r.json.id) });
    note('POST /api/v1/transfers/incoming', 'transfer.register');
    // The floating-member register (domain.md §5.3): opened, edited, a contact note, the return — each audited
    // with the member as subject.
    const away = others[1];
    [r, id] = await act(sec.client, 'POST', `/api/v1/members/${away.id}/floating`, { left_on: '2026-01-05', reason: 'work',
      province: '广东省', city: '深圳市', county: '南山区', phone: '13900001111', participating_org_name: '深圳某园区流动党员党支部' },
    'floating');
    assert.equal(r.status, 201, r.toString());
    const floatingId = r.json.id;
    await row('floating.open', id, { actor_id: sec.account.id, object_type: 'floating', object_id: String(floatingId) });
    note('POST /api/v1/members/:id/floating', 'floating.open');
    [r, id] = await act(sec.client, 'PUT', `/api/v1/floating/${floatingId}`, { version: 1, left_on: '2026-01-05', reason: 'work',
      province: '广东省', city: '深圳市', county: '福田区' }, 'floating-edit');
    assert.equal(r.status, 200, r.toString());
    await row('floating.update', id, { actor_id: sec.account.id, object_id: String(floatingId) });
    note('PUT /api/v1/floating/:id', 'floating.update');
    [r, id] = await act(sec.client, 'POST', `/api/v1/floating/${floatingId}/reports`, { kind: 'contact', on: '2026-01-20',
      text: '电话联系，了解务工情况' }, 'floating-note');
    assert.equal(r.status, 201, r.toString());
    await row('floating.note', id, { actor_id: sec.account.id, object_id: String(floatingId) });
    note('POST /api/v1/floating/:id/reports', 'floating.note');
    [r, id] = await act(sec.client, 'POST', `/api/v1/floating/${floatingId}/return`, { version: 2, returned_on: '2026-01-28' },
      'floating-return');
    assert.equal(r.status, 200, r.toString());
    await row('floating.return', id, { actor_id: sec.account.id, object_id: String(floatingId) });
    note('POST /api/v1/floating/:id/return', 'floating.return');
    // The search for a lost-contact member (domain.md §2.5): tagged lost contact, then a search recorded — audited
    // with the member as subject (detail: the method only, never the text).
    const lostCur = (await sec.client.get(`/api/v1/members/${away.id}`)).json;
    r = await sec.client.request('PUT', `/api/v1/members/${away.id}`, { json: { version: lostCur.version, education: lostCur.education,
      work_unit: lostCur.work_unit, occupation: lostCur.occupation, skills: lostCur.skills, tags: ['lost_contact'],
      lost_contact_on: '2026-01-05' } });
    assert.equal(r.status, 200, r.toString());
    [r, id] = await act(sec.client, 'POST', `/api/v1/members/${away.id}/lost-contact-searches`, { on: '2026-01-21', method: 'visit',
      searched_by: '支部书记', result: '上门走访，邻居称已搬离' }, 'search');
    assert.equal(r.status, 201, r.toString());
    await row('search.add', id, { actor_id: sec.account.id, object_type: 'member', object_id: String(away.id) });
    note('POST /api/v1/members/:id/lost-contact-searches', 'search.add');
    // Events (issue 17): the hotline form's event and each step of its loop are audited under the event's place; the
    // detail (a resident's data) is audited as a read.
    [r, id] = await act(sec.client, 'POST', '/api/v1/events', { channel: 'hotline_12345', category_code: 'city.garbage', org_id: B,
      description: '楼下垃圾堆放多日', reporter_phone: '13800001234' }, 'event-create');
    assert.equal(r.status, 201, r.toString());
    const eventId = r.json.id;
    await row('event.create', id, { actor_id: sec.account.id, object_type: 'event', object_id: String(eventId) });
    note('POST /api/v1/events', 'event.create');
    [r, id] = await act(sec.client, 'POST', `/api/v1/events/${eventId}/actions`, { version: 1, action: 'dispatch', assignee_org_id: B,
      deadline: '2099-01-01 18:00' }, 'event-dispatch');
    assert.equal(r.status, 200, r.toString());
    await row('event.dispatch', id, { actor_id: sec.account.id, object_type: 'event', object_id: String(eventId) });
    note('POST /api/v1/events/:id/actions', 'event.dispatch');
    // The hotline import (issue 17): one event.create per new work order and one event.hotline_import with the counts
    // and the file's SHA-256, never its cells.
    const hotlineSheet = Buffer.from('工单编号,来电时间,诉求内容,类别\r\nGD-AUDIT-1,2026-11-20 09:30,路灯不亮,路灯损坏\r\n');
    [r, id] = await actFile(sec.client, `/api/v1/hotline-imports?org_id=${B}&channel=hotline_12345&file_name=gd.csv`, hotlineSheet,
      'hotline-import');
    assert.equal(r.status, 201, r.toString());
    const hl = await row('event.hotline_import', id, { actor_id: sec.account.id, object_type: 'org', object_id: String(B), result: 'ok' });
    assert.equal(detailOf(hl.id),
      `channel=hotline_12345,create=1,skip=0,error=0 sha256=${createHash('sha256').update(hotlineSheet).digest('hex')}`);
    await row('event.create', id, { actor_id: sec.account.id, object_type: 'event', object_id: String(r.json.rows[0].event_id) });
    note('POST /api/v1/hotline-imports', 'event.hotline_import');
    [r, id] = await act(sec.client, 'GET', `/api/v1/events/${eventId}`, undefined, 'event-view');
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.reporter_phone, '13800001234', 'the dispatcher sees the phone to call back');
    await row('event.view', id, { actor_id: sec.account.id, object_type: 'event', object_id: String(eventId) });
    // A second report of the same problem merged into the first (issue 17 "Duplicates"): audited on the duplicate.
    [r, id] = await act(sec.client, 'POST', '/api/v1/events', { channel: 'hotline_81890', category_code: 'city.garbage', org_id: B,
      description: '同一处垃圾堆放又有人反映' }, 'event-create-dup');
    assert.equal(r.status, 201, r.toString());
    const dupId = r.json.id;
    [r, id] = await act(sec.client, 'POST', `/api/v1/events/${dupId}/merge`, { version: 1, primary_id: eventId,
      reason: '与上一工单为同一问题' }, 'event-merge');
    assert.equal(r.status, 200, r.toString());
    await row('event.merge', id, { actor_id: sec.account.id, object_type: 'event', object_id: String(dupId) });
    note('POST /api/v1/events/:id/merge', 'event.merge');
    // Committee posts: appointed with the filing number, then ended.
    [r, id] = await act(sec.client, 'POST', `/api/v1/orgs/${B}/posts`, { member_id: actors.member.member_id,
      post: 'publicity', valid_from: '2026-01-10', approval_doc: '备案〔2026〕2号' }, 'appoint');
    assert.equal(r.status, 201, r.toString());
    const postId = r.json.id;
    await row('org.post.appoint', id, { actor_id: sec.account.id, object_type: 'org', object_id: String(B) });
    note('POST /api/v1/orgs/:id/posts', 'org.post.appoint');
    [r, id] = await act(sec.client, 'POST', `/api/v1/orgs/${B}/posts/${postId}/end`, { on: '2026-03-01' }, 'endpost');
    assert.equal(r.status, 204, r.toString());
    await row('org.post.end', id, { actor_id: sec.account.id, object_id: String(B) });
    note('POST /api/v1/orgs/:id/posts/:post_id/end', 'org.post.end');
    // Import and export (docs/api.md "Import and export"): the commit, its undo and the export are audited with
    // counts and the file's SHA-256, never the values. The preview writes nothing and is not audited.
    const importedId = syntheticId('19830404', 86);
    const sheet = Buffer.from(memberCsv([{ name: '审计导入', id_number: importedId, phone: '13900005555', org: tree.get(B).name }]));
    secrets.push(importedId, '13900005555');
    [r, id] = await actFile(sec.client, `/api/v1/imports?org_id=${B}&file_name=${encodeURIComponent('审计.csv')}`, sheet, 'import');
    assert.equal(r.status, 201, r.toString());
    const importId = r.json.id;
    let e = await row('member.import', id, { actor_id: sec.account.id, actor_name: sec.display_name, actor_org: tree.get(B).name,
      object_type: 'import', object_id: String(importId), result: 'ok' });
    const sha = createHash('sha256').update(sheet).digest('hex');
    assert.equal(detailOf(e.id), `create=1,update=0,unchanged=0,error=0 sha256=${sha}`);
    note('POST /api/v1/imports', 'member.import');
    [r, id] = await act(sec.client, 'POST', `/api/v1/imports/${importId}/undo`, undefined, 'undo');
    assert.equal(r.status, 200, r.toString());
    e = await row('member.import_undo', id, { actor_id: sec.account.id, object_type: 'import', object_id: String(importId), result: 'ok' });
    assert.equal(detailOf(e.id), 'rows=1');
    note('POST /api/v1/imports/:id/undo', 'member.import_undo');
    [r, id] = await act(sec.client, 'GET', `/api/v1/members/export?org_id=${B}&format=csv`, undefined, 'export');
    assert.equal(r.status, 200, r.toString());
    e = await row('member.export', id, { actor_id: sec.account.id, actor_org: tree.get(B).name, object_type: 'org',
      object_id: String(B), result: 'ok' });
    const count = r.text.trim().split('\r\n').length - 2;
    assert.equal(detailOf(e.id), `count=${count} full=0 format=csv sha256=${createHash('sha256').update(r.raw).digest('hex')}`);
    note('GET /api/v1/members/export', 'member.export');
    // Issue 15 defect 6: a full export keeps its reason, and each exported member gets a row pointing at it.
    [r, id] = await act(sec.client, 'GET', `/api/v1/members/export?org_id=${B}&full=true&reason=${encodeURIComponent('审计覆盖核对')}`,
      undefined, 'fullexport');
    assert.equal(r.status, 200, r.toString());
    e = await row('member.export', id, { actor_id: sec.account.id, object_id: String(B) });
    assert.match(detailOf(e.id), new RegExp(`^count=${count} full=1 format=xlsx sha256=[0-9a-f]{64} reason=审计覆盖核对$`));
    const perMember = srv.sql(`SELECT count(*), count(DISTINCT subject_member_id), min(detail), max(detail) FROM audit_log
      WHERE action = 'member.export_member' AND request_id = '${id}'`);
    assert.equal(perMember.status, 0, perMember.stderr);
    assert.deepEqual(perMember.stdout.trim().split('|'), [String(count), String(count), `export=${e.id} reason=审计覆盖核对`,
      `export=${e.id} reason=审计覆盖核对`]);

    // 登记党员 by hand in the secretary's branch.
    [r, id] = await act(sec.client, 'POST', '/api/v1/members', { org_id: B, name: '审计登记', sex: '男',
      id_number: syntheticId('19800412', 77), join_date: '2003-07-01', conversion_date: '2004-07-01', phone: '13877770000' }, 'register');
    assert.equal(r.status, 201, r.toString());
    e = await row('member.create', id, { actor_id: sec.account.id, object_type: 'member', object_id: String(r.json.id), result: 'ok' });
    assert.equal(detailOf(e.id), `org=${B}`);
    secrets.push(syntheticId('19800412', 77), '13877770000');
    note('POST /api/v1/members', 'member.create');
    const holder = r.json;
    // A member's account (issue 15 defect 2): opened from the record of the member just registered, by the branch,
    // then a new link — each audited as an act on the member (subject), never with the link.
    [r, id] = await act(sec.client, 'POST', `/api/v1/members/${holder.id}/account`, { username: 'audit.member' }, 'account');
    assert.equal(r.status, 201, r.toString());
    secrets.push(/token=([\w-]+)/.exec(r.json.setup_link)[1]);
    const opened = await row('member.account.open', id, { actor_id: sec.account.id, object_type: 'member',
      object_id: String(holder.id), result: 'ok' });
    assert.equal(detailOf(opened.id), `user=${r.json.account.id}`);
    note('POST /api/v1/members/:id/account', 'member.account.open');
    [r, id] = await act(sec.client, 'POST', `/api/v1/members/${holder.id}/account/reset`, undefined, 'account-reset');
    assert.equal(r.status, 200, r.toString());
    secrets.push(/token=([\w-]+)/.exec(r.json.setup_link)[1]);
    await row('member.account.reset', id, { actor_id: sec.account.id, object_type: 'member', object_id: String(holder.id) });
    note('POST /api/v1/members/:id/account/reset', 'member.account.reset');

    // A reorganization (组织调整): the street creates a branch under one of its communities.
    const streetAdmin = actors.street_admin;
    const C1 = tree.get(S1).children[0];
    [r, id] = await act(streetAdmin.client, 'POST', '/api/v1/reorganizations', { kind: 'create', on: '2026-01-10',
      approval_doc: '审计〔2026〕1号', org_id: C1, spec: { name: '审计功能型党支部', type: 'functional_branch' } }, 'reorg');
    assert.equal(r.status, 201, r.toString());
    e = await row('org.reorganize', id, { actor_id: streetAdmin.account.id, actor_org: tree.get(S1).name, object_type: 'org',
      object_id: String(C1), result: 'ok' });
    assert.match(detailOf(e.id), new RegExp(`^kind=create reorg=${r.json.id} created=1 closed=0 updated=0 members=0 `));
    note('POST /api/v1/reorganizations', 'org.reorganize');

    // Overlays (大工委 / 大党委): every write audited with ids and counts, never a name or a post.
    const asStreet = { actor_id: streetAdmin.account.id, object_type: 'overlay' };
    [r, id] = await act(streetAdmin.client, 'POST', '/api/v1/overlays', { host_org_id: S1, kind: 'big_working_committee',
      name: '审计大工委', founded_on: '2018-03-01' }, 'ovcreate');
    assert.equal(r.status, 201, r.toString());
    const overlay = r.json.id;
    e = await row('overlay.create', id, { ...asStreet, object_id: String(overlay), result: 'ok' });
    assert.equal(detailOf(e.id), `kind=big_working_committee host=${S1}`);
    note('POST /api/v1/overlays', 'overlay.create');
    [r, id] = await act(streetAdmin.client, 'PUT', `/api/v1/overlays/${overlay}`, { version: 1, kind: 'big_working_committee',
      name: '审计大工委', founded_on: '2018-03-01', meeting_period_months: 6 }, 'ovupdate');
    assert.equal(r.status, 200, r.toString());
    await row('overlay.update', id, { ...asStreet, object_id: String(overlay) });
    note('PUT /api/v1/overlays/:id', 'overlay.update');
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/overlays/${overlay}/units`, { name: '审计小学', unit_type: 'school',
      joined_on: '2018-03-01', head_name: '审计校长', head_post: '党支部书记' }, 'ovunit');
    assert.equal(r.status, 201, r.toString());
    const unit = r.json.id;
    e = await row('overlay.unit.add', id, { ...asStreet, object_id: String(overlay) });
    assert.equal(detailOf(e.id), `unit=${unit} type=school`, 'no name, no head in the audit detail');
    note('POST /api/v1/overlays/:id/units', 'overlay.unit.add');
    [r, id] = await act(streetAdmin.client, 'PUT', `/api/v1/overlays/${overlay}/roster`, { version: 2, unit_ids: [unit],
      period_months: 1, start: '2026-01-01' }, 'ovroster');
    assert.equal(r.status, 200, r.toString());
    e = await row('overlay.roster', id, { ...asStreet, object_id: String(overlay) });
    assert.equal(detailOf(e.id), 'units=1 period=1 start=2026-01-01');
    note('PUT /api/v1/overlays/:id/roster', 'overlay.roster');
    const linked = actors.member.member_id;
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/overlays/${overlay}/members`, { member_ids: [linked] }, 'ovlink');
    assert.equal(r.status, 201, r.toString());
    e = await row('overlay.link', id, { ...asStreet, object_id: String(overlay) });
    assert.equal(detailOf(e.id), 'linked=1 already=0');
    note('POST /api/v1/overlays/:id/members', 'overlay.link');
    [r, id] = await act(streetAdmin.client, 'GET', `/api/v1/overlays/${overlay}/members`, undefined, 'ovmembers');
    assert.equal(r.status, 200, r.toString());
    e = await row('overlay.members', id, { ...asStreet, object_id: String(overlay) });
    assert.equal(detailOf(e.id), 'count=1');
    note('GET /api/v1/overlays/:id/members', 'overlay.members');
    [r, id] = await act(streetAdmin.client, 'DELETE', `/api/v1/overlays/${overlay}/members/${linked}`, undefined, 'ovunlink');
    assert.equal(r.status, 204, r.toString());
    await row('overlay.unlink', id, { ...asStreet, object_id: String(overlay) });
    note('DELETE /api/v1/overlays/:id/members/:member_id', 'overlay.unlink');
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/overlays/${overlay}/units/${unit}/end`, {}, 'ovend');
    assert.equal(r.status, 204, r.toString());
    e = await row('overlay.unit.end', id, { ...asStreet, object_id: String(overlay) });
    assert.equal(detailOf(e.id), `unit=${unit}`);
    note('POST /api/v1/overlays/:id/units/:unit_id/end', 'overlay.unit.end');

    // An org import by the street's committee, then its undo.
    const orgSheet = Buffer.from('组织名称,组织类别,批复文号\r\n审计导入党支部,党支部,审计〔2026〕9号\r\n');
    [r, id] = await actFile(streetAdmin.client, `/api/v1/imports/orgs?org_id=${C1}&file_name=orgs.csv`, orgSheet, 'orgimport');
    assert.equal(r.status, 201, r.toString());
    e = await row('org.import', id, { actor_id: streetAdmin.account.id, object_type: 'import', object_id: String(r.json.id), result: 'ok' });
    assert.equal(detailOf(e.id), `create=1,update=0,unchanged=0,error=0 sha256=${createHash('sha256').update(orgSheet).digest('hex')}`);
    note('POST /api/v1/imports/orgs', 'org.import');
    const orgImportId = r.json.id;
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/imports/${orgImportId}/undo`, undefined, 'orgundo');
    assert.equal(r.status, 200, r.toString());
    await row('org.import_undo', id, { actor_id: streetAdmin.account.id, object_id: String(orgImportId), result: 'ok' });

    // A party-mass service position: registered, edited and closed by the street's committee.
    [r, id] = await act(streetAdmin.client, 'POST', '/api/v1/positions', { org_id: C1, level: 'community_centre',
      name: '审计社区党群服务中心', address: '审计路1号', hours: { mon: ['08:30-12:00'] }, services: ['transfer'] }, 'position');
    assert.equal(r.status, 201, r.toString());
    const positionId = r.json.id;
    e = await row('position.create', id, { actor_id: streetAdmin.account.id, object_type: 'position',
      object_id: String(positionId), result: 'ok' });
    assert.equal(detailOf(e.id), `org=${C1} level=community_centre`);
    note('POST /api/v1/positions', 'position.create');
    [r, id] = await act(streetAdmin.client, 'PUT', `/api/v1/positions/${positionId}`, { version: 1, level: 'community_centre',
      name: '审计社区党群服务中心', address: '审计路2号' }, 'position-edit');
    assert.equal(r.status, 200, r.toString());
    await row('position.update', id, { actor_id: streetAdmin.account.id, object_id: String(positionId), result: 'ok' });
    note('PUT /api/v1/positions/:id', 'position.update');
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/positions/${positionId}/close`, { version: 2, on: '2026-01-10' },
      'position-close');
    assert.equal(r.status, 400, r.toString());  // before it opened (today)
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/positions/${positionId}/close`,
      { version: 2, on: new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10) }, 'position-close');
    assert.equal(r.status, 204, r.toString());
    await row('position.close', id, { actor_id: streetAdmin.account.id, object_id: String(positionId), result: 'ok' });
    note('POST /api/v1/positions/:id/close', 'position.close');

    // A grid of community C1 (issue 17): created with its boundary, edited, redrawn — the code and dates, no names.
    const sq = (x) => ({ type: 'Polygon', coordinates: [[[x, 25], [x + 0.001, 25], [x + 0.001, 25.001], [x, 25.001], [x, 25]]] });
    [r, id] = await act(streetAdmin.client, 'POST', '/api/v1/grids', { org_id: C1, code: '350000009009001', name: '审计网格',
      households: 400, boundary: sq(119), valid_from: '2025-01-01' }, 'grid');
    assert.equal(r.status, 201, r.toString());
    const gridId = r.json.id;
    e = await row('grid.create', id, { actor_id: streetAdmin.account.id, object_type: 'grid', object_id: String(gridId), result: 'ok' });
    assert.equal(detailOf(e.id), 'code=350000009009001 from=2025-01-01');
    note('POST /api/v1/grids', 'grid.create');
    [r, id] = await act(streetAdmin.client, 'PUT', `/api/v1/grids/${gridId}`, { version: 1, name: '审计一号网格', households: 420,
      team: [{ role: 'worker', name: '审计网格员' }] }, 'grid-edit');
    assert.equal(r.status, 200, r.toString());
    await row('grid.update', id, { actor_id: streetAdmin.account.id, object_id: String(gridId), result: 'ok' });
    note('PUT /api/v1/grids/:id', 'grid.update');
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/grids/${gridId}/boundary`, { boundary: sq(119.0005) }, 'grid-redraw');
    assert.equal(r.status, 200, r.toString());
    e = await row('grid.redraw', id, { actor_id: streetAdmin.account.id, object_id: String(gridId), result: 'ok' });
    assert.match(detailOf(e.id), /^from=\d{4}-\d{2}-\d{2}$/);
    note('POST /api/v1/grids/:id/boundary', 'grid.redraw');
    // The grid import (gridimport): one grid.create per new grid and one grid.import for the file (counts, hash).
    const gridFile = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature',
      properties: { code: '350000009009002', name: '审计导入网格', households: 400 }, geometry: sq(119.002) }] });
    [r, id] = await actFile(streetAdmin.client, `/api/v1/grids/import?org_id=${C1}&file_name=a.geojson&valid_from=2025-01-01`,
      gridFile, 'grid-import');
    assert.equal(r.status, 201, r.toString());
    e = await row('grid.import', id, { actor_id: streetAdmin.account.id, object_type: 'org', object_id: String(C1), result: 'ok' });
    assert.match(detailOf(e.id), /^create=1 redraw=0 update=0 from=2025-01-01 sha256=[0-9a-f]{64}$/);
    e = await row('grid.create', id, { actor_id: streetAdmin.account.id, object_type: 'grid', object_id: String(r.json.grid_ids[0]) });
    assert.equal(detailOf(e.id), 'code=350000009009002 from=2025-01-01 import=1');
    note('POST /api/v1/grids/import', 'grid.import');

    // 日巡 and visits of that grid (issue 17; visits part): every write audited under the grid's community; raising an
    // item writes its own row beside event.create; the detail of a household visit (a resident's data) is an audited read.
    const asRecorder = { actor_id: streetAdmin.account.id, result: 'ok' };
    [r, id] = await act(streetAdmin.client, 'POST', '/api/v1/patrols', { grid_id: gridId, start_time: '08:00' }, 'patrol');
    assert.equal(r.status, 201, r.toString());
    const patrolId = r.json.id;
    await row('patrol.create', id, { ...asRecorder, object_type: 'patrol', object_id: String(patrolId), object_org_id: C1 });
    note('POST /api/v1/patrols', 'patrol.create');
    [r, id] = await act(streetAdmin.client, 'PUT', `/api/v1/patrols/${patrolId}`, { version: 1, end_time: '09:00' }, 'patrol-end');
    assert.equal(r.status, 200, r.toString());
    await row('patrol.update', id, { ...asRecorder, object_id: String(patrolId) });
    note('PUT /api/v1/patrols/:id', 'patrol.update');
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/patrols/${patrolId}/findings`, { text: '审计：路灯不亮',
      category_code: 'facility.street_light' }, 'patrol-finding');
    assert.equal(r.status, 201, r.toString());
    await row('patrol.finding', id, { ...asRecorder, object_id: `${patrolId}#1` });
    note('POST /api/v1/patrols/:id/findings', 'patrol.finding');
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/patrols/${patrolId}/findings/1/event`, {}, 'patrol-raise');
    assert.equal(r.status, 201, r.toString());
    await row('patrol.raise', id, { ...asRecorder, object_id: `${patrolId}#1` });
    await row('event.create', id, { ...asRecorder, object_type: 'event', object_id: String(r.json.event_id) });
    note('POST /api/v1/patrols/:id/findings/:seq/event', 'patrol.raise');
    secrets.push('13955556666');
    [r, id] = await act(streetAdmin.client, 'POST', '/api/v1/visits', { grid_id: gridId, building: '审计楼', door: '101',
      resident_name: '审计住户', resident_phone: '13955556666', clears: { disabled: 'yes' }, needs: [{ text: '审计：需要助餐', category_code: 'service.elderly' }] }, 'visit');
    assert.equal(r.status, 201, r.toString());
    const visitId = r.json.id;
    await row('visit.create', id, { ...asRecorder, object_type: 'visit', object_id: String(visitId) });
    note('POST /api/v1/visits', 'visit.create');
    [r, id] = await act(streetAdmin.client, 'GET', `/api/v1/visits/${visitId}`, undefined, 'visit-view');
    assert.equal(r.status, 200, r.toString());
    await row('visit.view', id, { ...asRecorder, object_type: 'visit', object_id: String(visitId) });
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/visits/${visitId}/needs/1/event`, {}, 'visit-raise');
    assert.equal(r.status, 201, r.toString());
    await row('visit.raise', id, { ...asRecorder, object_id: `${visitId}#1` });
    note('POST /api/v1/visits/:id/needs/:seq/event', 'visit.raise');
    [r, id] = await act(streetAdmin.client, 'POST', '/api/v1/visit-sessions', { org_id: C1, place: '审计工作室',
      problems: [{ text: '审计：健身器材损坏', category_code: 'facility.fitness' }] }, 'session');
    assert.equal(r.status, 201, r.toString());
    const sessionId = r.json.id;
    await row('visit_session.create', id, { ...asRecorder, object_type: 'visit_session', object_id: String(sessionId) });
    note('POST /api/v1/visit-sessions', 'visit_session.create');
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/visit-sessions/${sessionId}/problems/1/event`, {}, 'session-raise');
    assert.equal(r.status, 201, r.toString());
    await row('visit_session.raise', id, { ...asRecorder, object_id: `${sessionId}#1` });
    note('POST /api/v1/visit-sessions/:id/problems/:seq/event', 'visit_session.raise');

    // Party groups (党小组) of branch B: formed with its leader, renamed, members set, closed — ids and counts only.
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    const leader = actors.member.member_id;
    [r, id] = await act(sec.client, 'POST', `/api/v1/orgs/${B}/groups`, { name: '审计楼党小组', scope: 'building',
      scope_name: '审计楼', leader_member_id: leader }, 'group');
    assert.equal(r.status, 201, r.toString());
    const groupId = r.json.id;
    e = await row('group.create', id, { actor_id: sec.account.id, object_type: 'group', object_id: String(groupId) });
    assert.equal(detailOf(e.id), `org=${B} members=1`);
    note('POST /api/v1/orgs/:id/groups', 'group.create');
    [r, id] = await act(sec.client, 'PUT', `/api/v1/groups/${groupId}`, { version: 2, name: '审计一号楼党小组',
      scope: 'building', leader_member_id: leader }, 'group-edit');
    assert.equal(r.status, 204, r.toString());
    await row('group.update', id, { actor_id: sec.account.id, object_id: String(groupId) });
    note('PUT /api/v1/groups/:id', 'group.update');
    [r, id] = await act(sec.client, 'PUT', `/api/v1/groups/${groupId}/members`, { version: 3, member_ids: [leader] },
      'group-members');
    assert.equal(r.status, 204, r.toString());
    await row('group.members', id, { actor_id: sec.account.id, object_id: String(groupId) });
    note('PUT /api/v1/groups/:id/members', 'group.members');
    [r, id] = await act(sec.client, 'POST', `/api/v1/groups/${groupId}/close`, { version: 4, on: today }, 'group-close');
    assert.equal(r.status, 204, r.toString());
    await row('group.close', id, { actor_id: sec.account.id, object_id: String(groupId) });
    note('POST /api/v1/groups/:id/close', 'group.close');
    // A joint branch records a unit it covers, which later leaves.
    r = await streetAdmin.client.post('/api/v1/reorganizations', { kind: 'create', on: '2026-01-10',
      approval_doc: '审计〔2026〕3号', org_id: C1, spec: { name: '审计联合党支部', type: 'joint_branch' } });
    assert.equal(r.status, 201, r.toString());
    const joint = r.json.created_ids[0];
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/orgs/${joint}/units`, { name: '审计科技有限公司',
      unit_type: 'non_public_enterprise' }, 'unit');
    assert.equal(r.status, 201, r.toString());
    const unitId = r.json.id;
    e = await row('covered_unit.add', id, { actor_id: streetAdmin.account.id, object_type: 'org', object_id: String(joint) });
    assert.equal(detailOf(e.id), `unit=${unitId} units=1`);
    note('POST /api/v1/orgs/:id/units', 'covered_unit.add');
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/orgs/${joint}/units/${unitId}/end`, { on: today }, 'unit-end');
    assert.equal(r.status, 204, r.toString());
    await row('covered_unit.end', id, { actor_id: streetAdmin.account.id, object_id: String(joint) });
    note('POST /api/v1/orgs/:id/units/:unit_id/end', 'covered_unit.end');
    // A policy change (issue 16): from a future day, so no rule in force today moves; detail names key, value and date.
    const policyFrom = new Date(Date.now() + (8 * 3600e3) + 30 * 86400e3).toISOString().slice(0, 10);
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/orgs/${S1}/policies`, { key: 'lost_contact.search_every_months',
      value: 4, valid_from: policyFrom, doc: '审计〔2026〕16号' }, 'policy-set');
    assert.equal(r.status, 201, r.toString());
    e = await row('policy.set', id, { actor_id: streetAdmin.account.id, object_type: 'policy', object_id: String(r.json.id) });
    assert.match(detailOf(e.id), new RegExp(`key=lost_contact.search_every_months value=4 from=${policyFrom}`));
    note('POST /api/v1/orgs/:id/policies', 'policy.set');

    // A calendar load (issue 17 "SLA"): the top org's admin replaces a year; the detail counts the days, no names.
    [r, id] = await act(actors.city_admin.client, 'PUT', '/api/v1/calendar/2030', { source: '审计〔2026〕17号',
      csv: '2030-01-01,holiday,元旦\n2030-02-02,workday,春节\n' }, 'calendar-load');
    assert.equal(r.status, 200, r.toString());
    e = await row('calendar.load', id, { actor_id: actors.city_admin.account.id, object_type: 'calendar_year', object_id: '2030' });
    assert.match(detailOf(e.id), /holidays=1 workdays=1 new/);
    note('PUT /api/v1/calendar/:year', 'calendar.load');
    // A resident's intake (issue 17): a code sent, a wrong and a right try, a photo upload by a resident and by
    // staff. The rows name no phone: the object is the first bytes of the phone's keyed hash.
    const phone = '13900007777';
    secrets.push(phone);
    const resident = new Client(srv.url);
    [r, id] = await act(resident, 'POST', '/api/v1/public/codes', { phone }, 'otp-send');
    assert.equal(r.status, 202, r.toString());
    e = await row('otp.send', id, { object_type: 'phone', result: 'ok' });
    assert.ok(!JSON.stringify(e).includes(phone), 'no phone in the audit row');
    note('POST /api/v1/public/codes', 'otp.send');
    const sent = await resident.get(`/api/v1/dev/sent-codes?phone=${phone}`);
    const code = /(\d{6})/.exec(sent.json.items.at(-1).text)[1];
    [r, id] = await act(resident, 'POST', '/api/v1/public/codes/verify', { phone, code: code === '000000' ? '000001' : '000000' }, 'otp-wrong');
    assert.equal(r.status, 400, r.toString());
    await row('otp.verify', id, { object_type: 'phone', result: 'denied' });
    [r, id] = await act(resident, 'POST', '/api/v1/public/codes/verify', { phone, code }, 'otp-verify');
    assert.equal(r.status, 201, r.toString());
    await row('otp.verify', id, { object_type: 'phone', result: 'ok' });
    note('POST /api/v1/public/codes/verify', 'otp.verify');
    secrets.push(r.json.token);
    resident.bearer = r.json.token;
    [r, id] = await actFile(resident, '/api/v1/photos', halvesPng(12, 12), 'photo-resident');
    assert.equal(r.status, 201, r.toString());
    await row('photo.upload', id, { object_type: 'photo', object_id: r.json.photo_id });
    [r, id] = await actFile(sec.client, '/api/v1/photos', halvesPng(14, 14), 'photo-staff');
    assert.equal(r.status, 201, r.toString());
    await row('photo.upload', id, { actor_id: sec.account.id, object_type: 'photo', object_id: r.json.photo_id });
    note('POST /api/v1/photos', 'photo.upload');
    // A resident's own event (issue 17): the report and the confirmation are audited as the resident — no account,
    // no phone — on the event's community; staff take the steps between.
    [r, id] = await act(resident, 'POST', '/api/v1/public/events', { category_code: 'facility.street_light',
      description: '路灯不亮', org_id: C1, address: '审计路 1 号' }, 'resident-report');
    assert.equal(r.status, 201, r.toString());
    const residentEvent = r.json.id;
    secrets.push(r.json.follow_token);
    e = await row('event.report', id, { object_type: 'event', object_id: String(residentEvent) });
    assert.ok(!JSON.stringify(e).includes(phone), 'no phone in the audit row');
    note('POST /api/v1/public/events', 'event.report');
    let rev = 1;
    const staffStep = async (client, action, extra = {}) => {
      const res = await client.post(`/api/v1/events/${residentEvent}/actions`, { version: rev, action, ...extra });
      assert.equal(res.status, 200, `${action}: ${res}`);
      rev = res.json.version;
    };
    await staffStep(streetAdmin.client, 'dispatch', { assignee_org_id: B });
    await staffStep(sec.client, 'start');
    await staffStep(sec.client, 'handle', { note: '已修复' });
    await staffStep(streetAdmin.client, 'verify');
    await staffStep(streetAdmin.client, 'feedback', { note: '已修复，请确认' });
    [r, id] = await act(resident, 'POST', `/api/v1/public/events/${residentEvent}/confirm`, { outcome: 'resolved', score: 5 },
      'resident-confirm');
    assert.equal(r.status, 200, r.toString());
    await row('event.confirm', id, { object_type: 'event', object_id: String(residentEvent) });
    note('POST /api/v1/public/events/:id/confirm', 'event.confirm');

    // Open311 (issue 17 "Open interfaces"): the street admin issues a key on C1 (the key is shown once and never
    // logged), a client posts with it — audited as the key's client on the event's community —, and the key is revoked.
    [r, id] = await act(streetAdmin.client, 'POST', '/api/v1/open311/keys', { org_id: C1, client_name: '审计客户端' }, 'o311-key');
    assert.equal(r.status, 201, r.toString());
    const o311 = r.json;
    secrets.push(o311.api_key);
    await row('open311.key.issue', id, { actor_id: streetAdmin.account.id, object_type: 'open311_key', object_id: String(o311.key.id) });
    note('POST /api/v1/open311/keys', 'open311.key.issue');
    id = rid('o311-post');
    const form = new URLSearchParams({ api_key: o311.api_key, jurisdiction_id: '350000009009', service_code: 'facility.street_light',
      address_string: '审计路 2 号', description: '路灯不亮', phone: '13900001111' }).toString();
    r = await streetAdmin.client.request('POST', '/open311/v2/requests.json', { body: form,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Request-Id': id } });
    assert.equal(r.status, 200, r.toString());
    e = await row('event.open311', id, { object_type: 'event', object_id: r.json[0].service_request_id });
    assert.ok(!JSON.stringify(e).includes('13900001111'), 'no phone in the audit row');
    note('POST /open311/v2/requests.:format', 'event.open311');
    [r, id] = await act(streetAdmin.client, 'POST', `/api/v1/open311/keys/${o311.key.id}/revoke`, undefined, 'o311-revoke');
    assert.equal(r.status, 200, r.toString());
    await row('open311.key.revoke', id, { actor_id: streetAdmin.account.id, object_type: 'open311_key', object_id: String(o311.key.id) });
    note('POST /api/v1/open311/keys/:id/revoke', 'open311.key.revoke');

    [r, id] = await act(auditor, 'GET', '/api/v1/audit/verify', undefined, 'verify');
    assert.equal(r.json.ok, true, r.text);
    await row('audit.verify', id, { actor_id: actors.auditor.account.id, result: 'ok' });
    note('GET /api/v1/audit/verify', 'audit.verify');
    [r, id] = await act(auditor, 'GET', '/api/v1/audit?limit=1', undefined, 'read');
    await row('audit.read', id, { actor_id: actors.auditor.account.id });
    note('GET /api/v1/audit', 'audit.read');
  });

  // Unsafe routes that change nothing and read no record, each with the reason it writes no audit row.
  const UNAUDITED = {
    'POST /api/v1/imports/preview': 'checks the uploaded sheet and writes nothing (docs/api.md); the commit is audited',
    'POST /api/v1/reorganizations/preview': 'computes the plan from the structure and writes nothing; the commit is audited',
    'POST /api/v1/imports/orgs/preview': 'checks the uploaded org sheet and writes nothing; the commit is audited',
    'POST /api/v1/grids/import/preview': 'checks the uploaded GIS file and writes nothing; the commit is audited',
    'POST /api/v1/hotline-imports/preview': 'checks the uploaded work-order sheet and writes nothing; the commit is audited',
  };

  test('E1 meta: every unsafe route of `lianxin routes` was covered by an audited call above', () => {
    const unsafe = routeTable().filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    for (const k of Object.keys(UNAUDITED)) assert.ok(unsafe.includes(k), `stale UNAUDITED entry ${k}`);
    const missing = unsafe.filter((k) => !covered.has(k) && !UNAUDITED[k]);
    assert.deepEqual(missing, [], `unsafe routes without an E1 case: ${missing.join(', ')}`);
  });

  test('谁查看了我的信息: the member sees the secretary\'s view in GET /me/views', async () => {
    const { actors, tree, B } = cast;
    const r = await actors.member.client.get('/api/v1/me/views');
    assert.equal(r.status, 200, r.toString());
    // Changes to the record (here a committee post) are listed too; the view is among them.
    const v = r.json.items.find((x) => x.action === 'member.view');
    assert.ok(v, 'a view is listed');
    assert.equal(v.viewer_name, actors.secretary.display_name);
    assert.equal(v.viewer_org, tree.get(B).name);
    assert.equal(v.action, 'member.view');
    assert.match(v.at, /Z$/);
    // Issue 15 defect 2: opening the member's account is an act on the member's record, listed here too.
    const opened = r.json.items.find((x) => x.action === 'member.account.open');
    assert.ok(opened, 'the opening of the account is listed');
    assert.equal(opened.viewer_name, actors.city_admin.account.display_name);
    const other = await actors.secretary.client.get('/api/v1/me/views');
    assert.deepEqual(other.json.items, [], 'a user without a member record has no views');
    const me = await actors.member.client.get('/api/v1/me');
    secrets.push(me.json.member.id_number, me.json.member.phone);
    assert.match(me.json.member.id_number, /^99\d{15}[\dX]$/, 'the synthetic ID numbers start with 99');
  });

  test('E2: the log is append-only; a row changed behind the server breaks the chain at that row', async () => {
    assert.ok(viewRowId, 'E1 ran first');
    const check0 = srv.cli('check');
    assert.equal(check0.status, 0, `lianxin check before tampering: ${check0.stdout}${check0.stderr}`);
    assert.match(check0.stdout, /audit chain[^\n]*ok/);
    assert.equal(await srv.halt(), 0, 'graceful stop exits 0');
    const blocked = srv.sql(`UPDATE audit_log SET actor_name = 'x' WHERE id = ${viewRowId}`);
    assert.notEqual(blocked.status, 0, 'an UPDATE is refused while the append-only trigger is in place');
    assert.match(blocked.stderr, /append-only/);
    const del = srv.sql(`DELETE FROM audit_log WHERE id = ${viewRowId}`);
    assert.notEqual(del.status, 0, 'a DELETE is refused');
    const tamper = BACKEND === 'postgres'
      ? `ALTER TABLE audit_log DISABLE TRIGGER audit_no_change; UPDATE audit_log SET actor_name = '某人' WHERE id = ${viewRowId}`
      : `DROP TRIGGER audit_no_update; UPDATE audit_log SET actor_name = '某人' WHERE id = ${viewRowId}`;
    const t = srv.sql(tamper);
    assert.equal(t.status, 0, `tampering: ${t.stderr}`);
    const check = srv.cli('check');
    assert.equal(check.status, 1, `lianxin check exits 1: ${check.stdout}${check.stderr}`);
    assert.match(check.stdout, new RegExp(`id=${viewRowId}\\b`), `check names row ${viewRowId}: ${check.stdout}`);
    await srv.restart();
    const v = await auditor.get('/api/v1/audit/verify');  // sessions live in the database: no new login
    assert.equal(v.status, 200, v.toString());
    assert.equal(v.json.ok, false);
    assert.equal(v.json.first_broken_id, viewRowId);
    const rows = await auditor.get('/api/v1/audit?action=audit.verify&limit=1');
    assert.equal(rows.json.items[0].result, 'broken', 'the failed verification is itself audited');
  });

  test('E3: the server log holds no ID number, phone, password, session or set-up token, TOTP secret', () => {
    const log = srv.logs();
    assert.match(log, /serving/);
    assert.doesNotMatch(log, /(?<!\d)99\d{15}[\dX](?!\d)/, 'E3: a synthetic ID number in the log');
    assert.doesNotMatch(log, /(?<!\d)1\d{10}(?!\d)/, `E3: a phone number in the log: ${(log.match(/.{0,120}(?<!\d)1\d{10}(?!\d).{0,60}/) || [''])[0]}`);
    for (const c of clients) secrets.push(c.sessionToken, c.csrf);
    const found = secrets.filter((s) => typeof s === 'string' && s.length >= 6 && log.includes(s));
    assert.deepEqual(found.map((s) => `${s.slice(0, 4)}…`), [], 'E3: secrets in the log');
  });
});

// Issue 15 defects 4 and 5 (security.md E2): the chain is keyed (a MAC per row under a subkey of the key file) and
// its head is checkpointed outside the database, so that `lianxin check` names an edited row even when the chain
// was recomputed, and names a removed tail; rows are filed under the org of the object acted on.
describe('audit: keyed chain, head checkpoint, rows filed under the object\'s org', () => {
  let srv, cast;
  const COLS = ['id', 'at', 'actor_user_id', 'actor_name', 'actor_org_id', 'actor_org_path', 'ip', 'action', 'object_type',
    'object_id', 'result', 'request_id', 'subject_member_id', 'detail', 'prev_hash', 'hash'];

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
  });
  after(() => srv && srv.stop());

  const guardsOff = () => (BACKEND === 'postgres' ? 'ALTER TABLE audit_log DISABLE TRIGGER audit_no_change; '
    : 'DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; ');
  function sqlOk(statement) {
    const r = srv.sql(statement);
    assert.equal(r.status, 0, `${statement}: ${r.stderr}`);
    return r.stdout.trim();
  }
  /** The rows with id >= `from`, oldest first, as objects. */
  function rowsFrom(from) {
    const q = BACKEND === 'postgres'
      ? `SELECT coalesce(json_agg(json_build_object(${COLS.map((c) => `'${c}', ${c}`).join(', ')}) ORDER BY id), '[]') FROM audit_log WHERE id >= ${from}`
      : `SELECT json_group_array(json_object(${COLS.map((c) => `'${c}', ${c}`).join(', ')})) FROM (SELECT * FROM audit_log WHERE id >= ${from} ORDER BY id)`;
    return JSON.parse(sqlOk(q));
  }
  /** What passed the check before the fix: edit, then recompute the SHA-256 chain from that row on (the old scheme). */
  function rechainWithSha256(from, asPlain) {
    const field = (v) => { const s = String(v); return `${Buffer.byteLength(s)}:${s}|`; };
    let prev = sqlOk(`SELECT hash FROM audit_log WHERE id = ${from - 1}`);
    let script = guardsOff();
    for (const r of rowsFrom(from)) {
      const canonical = [...COLS.slice(0, 14).map((c) => r[c]), prev].map(field).join('');
      const hash = createHash('sha256').update(canonical).digest('hex');
      script += `UPDATE audit_log SET prev_hash = '${prev}', hash = '${hash}'${asPlain
        ? ", hash_kind = 'sha256', object_org_id = actor_org_id, object_org_path = actor_org_path" : ''} WHERE id = ${r.id}; `;
      prev = hash;
    }
    sqlOk(`${script}UPDATE audit_head SET hash = '${prev}' WHERE one = 1`);
  }

  test('defect 5: a community\'s auditor sees a reveal of its own member by the street admin; a sibling community\'s does not', async () => {
    const { admin, tree, S1, C1, B, actors, memberOfB } = cast;
    const C2 = tree.get(S1).children.find((id) => id !== C1);
    const own = await login(srv, await createUser(srv, admin, { username: 'audit_c1', display_name: '社区审计员', role: 'audit_admin', org_id: C1 }));
    const sibling = await login(srv, await createUser(srv, admin, { username: 'audit_c2', display_name: '邻社区审计员', role: 'audit_admin', org_id: C2 }));
    const id = rid('reveal5');
    const r = await actors.street_admin.client.request('POST', `/api/v1/members/${memberOfB.id}/reveal`,
      { json: { reason: '核对党员信息' }, headers: { 'X-Request-Id': id } });
    assert.equal(r.status, 200, r.toString());
    const seen = await own.get('/api/v1/audit?action=member.reveal&limit=50');
    assert.equal(seen.status, 200, seen.toString());
    const row = seen.json.items.find((x) => x.request_id === id);
    assert.ok(row, 'the community\'s auditor sees the reveal of its member');
    assert.equal(row.object_org, tree.get(B).name, 'filed under the member\'s org');
    assert.equal(row.object_org_id, B);
    assert.equal(row.actor_org, tree.get(S1).name, 'the actor\'s org is the second column');
    const other = await sibling.get('/api/v1/audit?action=member.reveal&limit=50');
    assert.equal(other.status, 200, other.toString());
    assert.equal(other.json.items.find((x) => x.request_id === id), undefined, 'the sibling community\'s auditor does not');
    // The street admin's own view of its street's log still holds it (the object lies in its subtree).
    const street = await login(srv, await createUser(srv, admin, { username: 'audit_s1', display_name: '街道审计员', role: 'audit_admin', org_id: S1 }));
    assert.ok((await street.get('/api/v1/audit?action=member.reveal&limit=50')).json.items.some((x) => x.request_id === id));
  });

  test('E2 (defect 4): deleting the last rows is named by `lianxin check` from the checkpoint; a restore is accepted once', async () => {
    assert.equal(await srv.halt(), 0, 'a graceful stop writes the last checkpoint');
    const before = srv.cli('check');
    assert.equal(before.status, 0, before.stdout + before.stderr);
    const m = /audit checkpoint[^\n]*: row (\d+) at (\S+)/.exec(before.stdout);
    assert.ok(m, `check prints the checkpoint it read: ${before.stdout}`);
    const head = Number(m[1]);
    assert.equal(String(head), sqlOk('SELECT max(id) FROM audit_log'), 'the checkpoint records the newest row');
    assert.match(before.stdout, /audit chain[^\n]*: ok, \d+ rows/);
    // Cut the tail and move audit_head back: the chain alone is consistent again, as before the fix.
    const keep = head - 3;
    sqlOk(`${guardsOff()}DELETE FROM audit_log WHERE id > ${keep}; UPDATE audit_head SET hash = (SELECT hash FROM audit_log WHERE id = ${keep}) WHERE one = 1`);
    const cut = srv.cli('check');
    assert.equal(cut.status, 1, cut.stdout + cut.stderr);
    assert.match(cut.stdout, new RegExp(`rows after ${keep} are missing: the checkpoint of ${m[2].replace(/[.]/g, '\\.')} records row ${head}`), cut.stdout);
    await srv.restart();
    const auditor = cast.actors.auditor.client;
    const v = await auditor.get('/api/v1/audit/verify');
    assert.equal(v.status, 200, v.toString());
    assert.equal(v.json.ok, false);
    assert.equal(v.json.problem, 'missing_tail');
    assert.equal(v.json.first_broken_id, keep + 1);
    assert.equal(v.json.checkpoint.head_id, head, 'the server did not move the checkpoint back over the cut');
    assert.equal(await srv.halt(), 0);
    assert.match(srv.logs(), /audit_checkpoint/, 'the server reported the problem in its log');
    // Restoring a backup looks the same: the operator accepts it once, which is itself audited.
    const accepted = srv.cli('check', '--accept-restore');
    assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
    assert.match(accepted.stdout, /restore recorded in the audit log/);
    const after = srv.cli('check');
    assert.equal(after.status, 0, after.stdout + after.stderr);
    await srv.restart();
    const rows = await auditor.get('/api/v1/audit?action=audit.restore&limit=5');
    assert.equal(rows.json.items.length, 1, rows.toString());
    const ok = await auditor.get('/api/v1/audit/verify');
    assert.equal(ok.json.ok, true, ok.text);
  });

  test('E2 (defect 4): a row edited and the chain recomputed with SHA-256 fails `lianxin check` at that row', async () => {
    const r = await cast.actors.secretary.client.get(`/api/v1/members/${cast.memberOfB.id}`);
    assert.equal(r.status, 200);
    assert.equal(await srv.halt(), 0);
    const target = Number(sqlOk("SELECT max(id) FROM audit_log WHERE action = 'member.view'"));
    sqlOk(`${guardsOff()}UPDATE audit_log SET actor_name = '某人' WHERE id = ${target}`);
    rechainWithSha256(target, false);
    let check = srv.cli('check');
    assert.equal(check.status, 1, check.stdout + check.stderr);
    assert.match(check.stdout, new RegExp(`audit row ${target} fails its MAC`), check.stdout);
    // Passed off as rows of the older, unkeyed version: a plain row after keyed ones.
    rechainWithSha256(target, true);
    check = srv.cli('check');
    assert.equal(check.status, 1, check.stdout + check.stderr);
    assert.match(check.stdout, new RegExp(`audit row ${target} has no MAC after keyed rows`), check.stdout);
    await srv.restart();
    const v = await cast.actors.auditor.client.get('/api/v1/audit/verify');
    assert.equal(v.json.ok, false);
    assert.equal(v.json.first_broken_id, target);
    assert.equal(v.json.problem, 'plain_after_mac');
  });
});

// Issue 15 defect 4 (security.md E2, docs/operations.md "Audit key and checkpoints"): audit rows survive
// `lianxin backup` / `lianxin restore` and still verify with the key; the restore, which puts the database behind
// the checkpoint, is accepted once and recorded as audit.restore, and the rows after the backup are not in it.
describe('audit: the keyed chain survives backup and restore', () => {
  let srv, cast;

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
  });
  after(() => srv && srv.stop());

  async function reveal(tag) {
    const id = rid(tag);
    const r = await cast.actors.street_admin.client.request('POST', `/api/v1/members/${cast.memberOfB.id}/reveal`,
      { json: { reason: '核对党员信息' }, headers: { 'X-Request-Id': id } });
    assert.equal(r.status, 200, r.toString());
    return id;
  }

  test('a restored backup verifies, its restore is recorded once, and the later rows are not in it', async () => {
    const kept = await reveal('beforebackup');
    assert.equal(await srv.halt(), 0);
    const file = path.join(srv.dir, BACKEND === 'postgres' ? 'backup.dump' : 'backup.db');
    const b = srv.cli('backup', '--out', file);
    assert.equal(b.status, 0, b.stdout + b.stderr);
    await srv.restart();
    const lost = await reveal('afterbackup');
    assert.equal(await srv.halt(), 0, 'the checkpoint now records rows the backup lacks');
    const head = Number(/: row (\d+) at/.exec(srv.cli('check').stdout)?.[1]);
    assert.ok(head > 0);
    // The database is lost; the backup is restored in its place.
    if (BACKEND !== 'postgres') for (const s of ['', '-wal', '-shm']) rmSync(srv.dbUrl.slice('sqlite:'.length) + s, { force: true });
    const restored = srv.cli('restore', '--from', file);
    assert.equal(restored.status, 0, restored.stdout + restored.stderr);
    assert.match(restored.stdout, /restore recorded in the audit log \(audit\.restore\); the old checkpoint is kept as \S+before-restore-\d+/);
    assert.ok(existsSync(path.join(srv.dir, 'audit-checkpoint')), 'a new checkpoint beside the key file');
    const check = srv.cli('check');
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /audit chain[^\n]*: ok, \d+ rows/);
    assert.equal(srv.cli('check', '--accept-restore').stdout.match(/nothing to accept/)?.length, 1, 'accepted once only');
    await srv.restart();
    const auditor = cast.actors.auditor.client;
    const reveals = await auditor.get('/api/v1/audit?action=member.reveal&limit=100');
    assert.equal(reveals.status, 200, reveals.toString());
    assert.ok(reveals.json.items.some((x) => x.request_id === kept), 'the rows of the backup are there');
    assert.ok(!reveals.json.items.some((x) => x.request_id === lost), 'the rows after the backup are not');
    const rows = await auditor.get('/api/v1/audit?action=audit.restore&limit=5');
    assert.equal(rows.json.items.length, 1, rows.toString());
    const v = await auditor.get('/api/v1/audit/verify');
    assert.equal(v.status, 200, v.toString());
    assert.equal(v.json.ok, true, v.text);
    assert.ok(v.json.checkpoint, 'the new checkpoint is read');
    assert.equal(v.json.checkpoint_invalid, false);
  });
});
