// Bad input of every kind gets a clear 4xx naming the field and changes nothing (issue "bad input";
// security.md A7 mass assignment, C1 SQL metacharacters, C4 error hygiene, C7 content type and method
// strictness, C8 forced browsing, G3 path traversal on static files). Runs on the demo street.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { Client, assertNoLeak, createUser, login, loginAdmin, strongPassword } from './lib/client.mjs';

describe('bad input: 4xx naming the field, nothing changed (demo street)', () => {
  let srv, admin, city, auditor, pending;
  const seen = [];  // every response, for the C4 hygiene scan at the end
  const track = (r) => { seen.push(r); return r; };

  // The state that must never change: users with their status and grants.
  const snapshot = async () => JSON.stringify((await admin.all('/api/v1/users')).map((u) =>
    [u.id, u.username, u.display_name, u.status, u.member_id, u.grants.map((g) => [g.role, g.org_id])]));
  let baseline;
  const unchanged = async (what) => assert.equal(await snapshot(), baseline, `${what}: the users changed`);

  const expect400 = (r, field) => {
    track(r);
    assert.equal(r.status, 400, r.toString());
    assert.equal(r.error.code, 'invalid_argument');
    assert.ok(r.error.message, 'a message');
    assert.ok(r.error.request_id, 'a request id');
    if (field) {
      const f = r.error.fields.find((x) => x.field === field);
      assert.ok(f, `field ${field} expected: ${r.text}`);
      assert.ok(f.message && f.message.length > 1, 'the field has a message');
    }
  };

  before(async () => {
    srv = await startServer({ dataset: 'demo' });
    ({ client: admin } = await loginAdmin(srv));
    city = await login(srv, await createUser(srv, admin, { username: 'city', role: 'org_admin', org_id: 1 }));
    auditor = await login(srv, await createUser(srv, admin, { username: 'auditor', role: 'audit_admin', org_id: 1 }));
    pending = await createUser(srv, admin, { username: 'pendinguser', role: 'branch_secretary', org_id: 3 },
      { activate: false });
    baseline = await snapshot();
  });
  after(() => srv && srv.stop());

  const raw = (path, body, headers = {}) =>
    admin.request('POST', path, { body, headers: { 'Content-Type': 'application/json', ...headers } });

  test('malformed JSON → 400 invalid_argument', async () => {
    const bodies = ['{"username":', '{', 'nul', '[1,2]', '"text"', '42', '{"a":1}{"b":2}', "{'username':'x'}",
      '{"username":"a",}', '{"org_id":NaN}', '{"username":"a" "b"}', '\u0000'];
    for (const b of bodies) {
      expect400(await raw('/api/v1/users', b));
      expect400(await admin.request('POST', '/api/v1/auth/login', { body: b, headers: { 'Content-Type': 'application/json' } }));
    }
    await unchanged('malformed JSON');
  });

  test('wrong types and missing fields name the field', async () => {
    const good = { username: 'typed', display_name: '类型', role: 'branch_secretary', org_id: 3 };
    const cases = [
      [{ ...good, username: 123 }, 'username'],
      [{ ...good, username: ['typed'] }, 'username'],
      [{ ...good, display_name: { a: 1 } }, 'display_name'],
      [{ ...good, org_id: '3' }, 'org_id'],
      [{ ...good, org_id: 3.5 }, 'org_id'],
      [{ ...good, org_id: 1e300 }, 'org_id'],
      [{ ...good, member_id: true }, 'member_id'],
      [{ ...good, role: null }, 'role'],
      [{ username: 'typed', display_name: '类型', role: 'branch_secretary' }, 'org_id'],
      [{ ...good, role: 'superuser' }, 'role'],
      [{ ...good, username: "a' OR '1'='1" }, 'username'],
      [{ ...good, username: 'x'.repeat(65) }, 'username'],
      [{ ...good, display_name: 'a\u0000b' }, 'display_name'],
      [{ ...good, display_name: 'line\nbreak' }, 'display_name'],
      [{ ...good, display_name: '' }, 'display_name'],
      [{ ...good, org_id: 999999 }, 'org_id'],
      [{ ...good, org_id: -3 }, 'org_id'],
    ];
    for (const [body, field] of cases) expect400(await admin.post('/api/v1/users', body), field);
    expect400(await raw('/api/v1/users', '{"username":"typed","display_name":"x","role":"member","org_id":99999999999999999999999}'), 'org_id');
    expect400(await new Client(srv.url).post('/api/v1/auth/login', { username: 7, password: 'x' }), 'username');
    expect400(await new Client(srv.url).post('/api/v1/setup', { token: pending.setupToken, password: 123456789012 }), 'password');
    await unchanged('wrong types');
  });

  test('A7 mass assignment: unknown fields are refused by name (role on set-up, status on create user)', async () => {
    const pub = new Client(srv.url);
    const pw = strongPassword();
    const setup = await pub.post('/api/v1/setup', { token: pending.setupToken, password: pw, role: 'sys_admin' });
    expect400(setup, 'role');
    assert.equal((await pub.get(`/api/v1/setup?token=${pending.setupToken}`)).status, 200, 'the link is not spent');
    const good = { username: 'massive', display_name: '批量', role: 'branch_secretary', org_id: 3 };
    for (const extra of [{ status: 'active' }, { id: 1 }, { grants: [{ role: 'sys_admin', org_id: 1 }] },
      { password: pw }, { password_hash: 'x' }, { mfa_enrolled: true }, { verified: true }]) {
      const r = await admin.post('/api/v1/users', { ...good, ...extra });
      expect400(r, Object.keys(extra)[0]);
    }
    expect400(await raw('/api/v1/users', JSON.stringify(good).replace('{', '{"__proto__":{"admin":true},')), '__proto__');
    expect400(await admin.post('/api/v1/users/2/grants', { role: 'org_admin', org_id: 3, user_id: 1 }), 'user_id');
    expect400(await pub.post('/api/v1/auth/login', { username: 'sysadmin', password: 'x', remember: true }), 'remember');
    await unchanged('mass assignment');
  });

  test('A7: routes that take no body refuse a body with fields (disable with {"status":"active"})', async () => {
    const target = (await admin.get('/api/v1/users?q=pendinguser')).json.items[0];
    const r = track(await admin.post(`/api/v1/users/${target.id}/disable`, { status: 'active', reason: 'x' }));
    try {
      assert.equal(r.status, 400, `A7: extra fields on a write route must be refused: ${r}`);
      await unchanged('a body on a body-less route');
    } finally {
      if (r.status === 204) await admin.post(`/api/v1/users/${target.id}/enable`);  // keep the later tests independent
    }
  });

  test('oversized bodies → 413; a huge body never takes the server down', async () => {
    const big = '{"username":"' + 'a'.repeat(1024 * 1024) + '"}';
    for (const path of ['/api/v1/users', '/api/v1/auth/login', '/api/v1/setup']) {
      const r = track(await raw(path, big));
      assert.equal(r.status, 413, r.toString());
      assert.equal(r.error.code, 'payload_too_large');
    }
    let r = null;
    try { r = await raw('/api/v1/auth/login', Buffer.alloc(8 * 1024 * 1024, 0x61)); } catch { /* closed: fine */ }
    if (r) assert.equal(r.status, 413, r.toString());
    assert.equal((await admin.get('/healthz')).status, 200, 'the server survives');
    await unchanged('oversized body');
  });

  test('bad UTF-8 and broken escapes in a JSON string → 400', async () => {
    const around = (bytes) => Buffer.concat([Buffer.from('{"username":"ab'), Buffer.from(bytes),
      Buffer.from('cd","display_name":"x","role":"member","org_id":3}')]);
    for (const bytes of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe4, 0xb8], [0xf8, 0x88, 0x80, 0x80, 0x80]])
      expect400(await raw('/api/v1/users', around(bytes)));
    expect400(await raw('/api/v1/users', '{"username":"\\ud800","display_name":"x","role":"member","org_id":3}'));
    expect400(await raw('/api/v1/users', '{"username":"\\x41","display_name":"x","role":"member","org_id":3}'));
    await unchanged('bad UTF-8');
  });

  test('JSON nested 10 000 deep → 400 and the server survives', async () => {
    expect400(await raw('/api/v1/users', '['.repeat(10000) + ']'.repeat(10000)));
    expect400(await raw('/api/v1/users', '{"a":'.repeat(10000) + '1' + '}'.repeat(10000)));
    expect400(await raw('/api/v1/auth/login', '{"username":' + '['.repeat(100000)));
    assert.equal((await admin.get('/healthz')).status, 200);
    await unchanged('deep JSON');
  });

  const METACHARS = ["' OR 1=1 --", "' OR '1'='1", '%', '%%', '_', '%_%', '\\', '"; DROP TABLE users; --'];

  test('C1: GET /users?q= treats SQL and LIKE metacharacters as text (no extra rows)', async () => {
    const all = await admin.all('/api/v1/users');
    const containing = (s) => all.filter((u) => u.username.includes(s) || u.display_name.includes(s)).length;
    for (const q of METACHARS) {
      const r = track(await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`));
      assert.equal(r.status, 200, r.toString());
      assert.equal(r.json.items.length, containing(q), `GET /users?q=${q} must match "${q}" literally`);
    }
  });

  test('C1: GET /members?q= treats SQL and LIKE metacharacters as text (no rows)', async () => {
    for (const q of METACHARS) {
      const m = track(await city.get(`/api/v1/members?q=${encodeURIComponent(q)}`));
      assert.equal(m.status, 200, m.toString());
      assert.equal(m.json.items.length, 0, `GET /members?q=${q} must match no member`);
    }
  });

  test('C1: GET /audit?actor= treats SQL and LIKE metacharacters as text (no extra rows)', async () => {
    for (const q of METACHARS) {
      const a = track(await auditor.get(`/api/v1/audit?actor=${encodeURIComponent(q)}`));
      assert.equal(a.status, 200, a.toString());
      const wrong = a.json.items.filter((e) => !e.actor_name.includes(q)).length;
      assert.equal(wrong, 0, `GET /audit?actor=${q} returned rows whose actor does not contain "${q}"`);
    }
  });

  test('C1: names with SQL metacharacters are stored and found as text', async () => {
    const name = "'; DROP TABLE users; -- %_";
    const made = await admin.post('/api/v1/users', { username: 'o.brien', display_name: name, role: 'member', org_id: 3 });
    assert.equal(made.status, 201, made.toString());
    baseline = await snapshot();
    assert.equal((await admin.get(`/api/v1/users/${made.json.user.id}`)).json.display_name, name, 'stored as text');
    const found = await admin.get(`/api/v1/users?q=${encodeURIComponent("DROP TABLE")}`);
    assert.deepEqual(found.json.items.map((u) => u.username), ['o.brien']);
  });

  test('G3/C8: path traversal and forced browsing on static files → 404/400, never file contents', async () => {
    const ok = await admin.get('/index.html');
    assert.equal(ok.status, 200, 'positive control: the web app is served');
    assert.match(ok.headers['content-type'], /^text\/html/);
    const paths = ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/.git/config', '/assets/..%2f..%2fCMakeLists.txt',
      '//etc/passwd', '/index.html%00.png', '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cetc%5cpasswd',
      '/%252e%252e/etc/passwd', '/assets/../../CMakeLists.txt', '/./index.html', '/CMakeLists.txt', '/lx.db',
      '/data/lianxin.db', '/.env', '/index.html.bak', '/index.html~', '/.index.html.swp', '/actuator/health',
      '/druid/index.html', '/etc/passwd', '/proc/self/environ', '/assets/', '/%2fetc%2fpasswd', '/..', '/.',
      '/api/v1/../../etc/passwd', '/assets/%c0%ae%c0%ae/CMakeLists.txt', '/index.html/', '/INDEX.HTML'];
    for (const p of paths) {
      const r = track(await admin.get(p));
      assert.ok(r.status === 404 || r.status === 400, `${p} → ${r.status}`);
      assert.doesNotMatch(r.text, /root:.*:0:0|\[core\]|cmake_minimum_required|SQLite format|LIANXIN_/, `${p} leaked a file`);
    }
  });

  test('C7: wrong methods → 405 with an Allow header; nothing changes', async () => {
    const cases = [['DELETE', '/api/v1/auth/login', ['POST']], ['PUT', '/api/v1/users', ['GET', 'HEAD', 'POST']],
      ['PATCH', '/api/v1/users/1', ['GET', 'HEAD']], ['DELETE', '/api/v1/orgs/1', ['GET', 'HEAD']],
      ['POST', '/healthz', ['GET', 'HEAD']], ['GET', '/api/v1/auth/logout', ['POST']], ['OPTIONS', '/api/v1/users', ['GET', 'HEAD', 'POST']],
      ['POST', '/index.html', ['GET', 'HEAD']], ['DELETE', '/api/v1/users/1/grants', ['POST']]];
    for (const [method, path, allow] of cases) {
      const r = track(await admin.request(method, path, { json: { username: 'viaput', display_name: 'x', role: 'member', org_id: 3 } }));
      assert.equal(r.status, 405, r.toString());
      const got = (r.headers.allow || '').split(',').map((s) => s.trim()).filter(Boolean).sort();
      assert.deepEqual(got, [...allow].sort(), `${method} ${path}: Allow`);
    }
    await unchanged('wrong methods');
  });

  test('C7: wrong content type on JSON routes → 415; nothing changes', async () => {
    const body = JSON.stringify({ username: 'viatext', display_name: 'x', role: 'member', org_id: 3 });
    // Regression: 'application/jsonx' passed as JSON because only the prefix was compared.
    for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json',
      'application/jsonx', 'application/json-patch+json', null]) {
      const headers = ct ? { 'Content-Type': ct } : {};
      const r = track(await admin.request('POST', '/api/v1/users', { body, headers }));
      assert.equal(r.status, 415, `${ct}: ${r}`);
      const l = track(await new Client(srv.url).request('POST', '/api/v1/auth/login',
        { body: '{"username":"sysadmin","password":"x"}', headers }));
      assert.equal(l.status, 415, `login with ${ct}: ${l}`);
    }
    const okType = await admin.request('POST', '/api/v1/users', { body: body.replace('viatext', 'viajson'),
      headers: { 'Content-Type': 'Application/JSON; charset=UTF-8' } });
    assert.equal(okType.status, 201, 'a JSON type with parameters is fine');
    await admin.post(`/api/v1/users/${okType.json.user.id}/disable`);
    baseline = await snapshot();
  });

  test('query parameters out of range → 400 naming the field', async () => {
    const cases = [
      [city, '/api/v1/members?limit=0', 'limit'], [city, '/api/v1/members?limit=9999', 'limit'],
      [city, '/api/v1/members?limit=-1', 'limit'], [city, '/api/v1/members?limit=abc', 'limit'],
      [city, '/api/v1/members?limit=1e3', 'limit'], [city, '/api/v1/members?limit=99999999999999999999999', 'limit'],
      [city, '/api/v1/members?cursor=-1', 'cursor'], [city, '/api/v1/members?cursor=abc', 'cursor'],
      [city, '/api/v1/members?cursor=99999999999999999999', 'cursor'], [city, '/api/v1/members?org_id=-5', 'org_id'],
      [city, '/api/v1/members?org_id=1.5', 'org_id'], [city, `/api/v1/members?q=${encodeURIComponent('张'.repeat(30))}`, 'q'],
      [city, '/api/v1/orgs/roots?as_of=2024-02-30', 'as_of'], [city, '/api/v1/orgs/1?as_of=2024-13-01', 'as_of'],
      [city, '/api/v1/orgs/1/children?as_of=yesterday', 'as_of'], [city, '/api/v1/orgs/1?as_of=2023-02-29', 'as_of'],
      [admin, '/api/v1/users?limit=0', 'limit'], [admin, '/api/v1/users?cursor=-1', 'cursor'],
      [auditor, '/api/v1/audit?from=2024-02-30', 'from'], [auditor, '/api/v1/audit?to=x', 'to'],
      [auditor, '/api/v1/audit?limit=201', 'limit'], [city, '/api/v1/me/views?limit=0', 'limit'],
    ];
    for (const [c, path, field] of cases) expect400(await c.get(path), field);
    for (const path of ['/api/v1/members/-1', '/api/v1/members/99999999999999999999', '/api/v1/members/0',
      '/api/v1/members/999999999999999999', '/api/v1/orgs/1e3', '/api/v1/orgs/0x1']) {
      const r = track(await city.get(path));
      assert.equal(r.status, 404, r.toString());
    }
    assert.equal(track(await city.get('/api/v1/orgs/roots?as_of=2024-02-29')).status, 200, 'a leap day is a date');
  });

  test('C4: no answer in this file leaks SQL, driver, file path or stack text; the audit chain is intact', async () => {
    assert.ok(seen.length > 100);
    for (const r of seen) assertNoLeak(r);
    const v = await auditor.get('/api/v1/audit/verify');
    assert.equal(v.status, 200);
    assert.equal(v.json.ok, true, v.text);
    await unchanged('the whole file');
  });
});
