// Set-up links and authentication against a live server: security.md B1–B8, docs/api.md "First set-up and
// authentication", CSRF (docs/api.md Conventions) and E3 log hygiene for the secrets used here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { Client, createUser, currentStep, login, nextCode, setupFirstAdmin, strongPassword, totp } from './lib/client.mjs';

const LOGIN = '/api/v1/auth/login';
const withoutRequestId = (r) => {
  const j = structuredClone(r.json);
  delete j.error.request_id;
  return JSON.stringify(j);
};

describe('set-up links and authentication (security.md B1–B5, B8)', () => {
  let srv, admin, adminAccount, auditor, secadmin;
  const secrets = [];  // everything that must never reach the server's log (E3)

  before(async () => { srv = await startServer({ dataset: 'test' }); secrets.push(srv.setupToken); });
  after(() => srv && srv.stop());

  test('B8: a fresh install has no default accounts (admin/admin, admin/123456, root/root → 401)', async () => {
    const c = new Client(srv.url);
    for (const [username, password] of [['admin', 'admin'], ['admin', '123456'], ['root', 'root'], ['root', '123456'],
      ['sysadmin', 'sysadmin']]) {
      const r = await c.post(LOGIN, { username, password });
      assert.equal(r.status, 401, r.toString());
      assert.equal(r.error.code, 'unauthenticated');
      assert.equal(r.setCookies.length, 0, 'no cookie for a failed login');
    }
  });

  test('B8: the first-admin link can be inspected; unknown or missing tokens are 404', async () => {
    const c = new Client(srv.url);
    const ok = await c.get(`/api/v1/setup?token=${srv.setupToken}`);
    assert.equal(ok.status, 200, ok.toString());
    assert.deepEqual(ok.json, { valid: true, purpose: 'first_admin', username_hint: null });
    for (const q of ['?token=nope', '?token=' + 'A'.repeat(43), '', '?token=', '?token=' + 'x'.repeat(500)]) {
      const r = await c.get(`/api/v1/setup${q}`);
      assert.equal(r.status, 404, r.toString());
      assert.equal(r.error.code, 'not_found');
    }
    const spend = await c.post('/api/v1/setup', { token: 'unknown-token', username: 'x1234', display_name: 'x',
      password: strongPassword() });
    assert.equal(spend.status, 404, spend.toString());
  });

  test('B1: the first-admin link refuses weak passwords with field "password" and does not spend the link', async () => {
    const c = new Client(srv.url);
    const base = { token: srv.setupToken, username: 'sysadmin', display_name: '系统管理员' };
    const refused = {
      '11 characters': 'Kx7#mQ2$vL9',
      '129 characters': 'Zq8!kP3@wN6#'.repeat(11).slice(0, 129),
      '11 Chinese characters': '我的密码是连心党建平台',
      'a breached password': 'password1234',
      'one character repeated': 'aaaaaaaaaaaaaaaa',
      'the user name inside': 'my-SYSADMIN-pass-2024',
    };
    for (const [what, password] of Object.entries(refused)) {
      const r = await c.post('/api/v1/setup', { ...base, password });
      assert.equal(r.status, 400, `${what}: ${r}`);
      assert.equal(r.error.code, 'invalid_argument');
      const f = r.error.fields.find((x) => x.field === 'password');
      assert.ok(f, `${what}: field password expected in ${r.text}`);
      assert.match(f.message, /密码/, `${what}: the Chinese message names 密码`);
    }
    const en = await new Client(srv.url, { lang: 'en' }).post('/api/v1/setup', { ...base, password: 'short' });
    assert.match(en.error.fields[0].message, /Password/, 'Accept-Language: en gives English messages');
    const still = await c.get(`/api/v1/setup?token=${srv.setupToken}`);
    assert.equal(still.status, 200, 'refused attempts do not spend the link');
  });

  test('B8: the first-admin link is single use (201 once, then 404 for GET and POST)', async () => {
    adminAccount = await setupFirstAdmin(srv);
    secrets.push(adminAccount.password);
    const c = new Client(srv.url);
    assert.equal((await c.get(`/api/v1/setup?token=${srv.setupToken}`)).status, 404);
    const again = await c.post('/api/v1/setup', { token: srv.setupToken, username: 'second', display_name: '二',
      password: strongPassword() });
    assert.equal(again.status, 404, again.toString());
    admin = await login(srv, adminAccount);
    secrets.push(admin.sessionToken, adminAccount.totpSecret);
  });

  test('B1: user set-up links accept 12, 64 and 128 characters, Chinese and emoji, without truncation', async () => {
    const accepted = {
      pw12: 'Kx7#mQ2$vL9p',
      pw64: 'Zq8!kP3@wN6#'.repeat(6).slice(0, 64),
      pw128: 'Hy5%tR1^bM4&'.repeat(11).slice(0, 128),
      pwzh: '我的密码是连心党建平台啊',
      pwzh128: '党建引领基层治理'.repeat(16),
      pwemoji: '🔐🌸🚀🎉🍀🐼🌙🐉🎋🏮🧧🥮',
    };
    for (const [username, password] of Object.entries(accepted)) {
      const u = await createUser(srv, admin, { username, role: 'branch_secretary', org_id: 5 }, { activate: false });
      const info = await new Client(srv.url).get(`/api/v1/setup?token=${u.setupToken}`);
      assert.deepEqual(info.json, { valid: true, purpose: 'user_password', username_hint: username });
      if ([...password].length === 128) {
        const tooLong = await new Client(srv.url).post('/api/v1/setup', { token: u.setupToken, password: password + 'x' });
        assert.equal(tooLong.status, 400, `${username}: 129 characters refused`);
        assert.deepEqual(tooLong.fieldNames(), ['password']);
      }
      const r = await new Client(srv.url).post('/api/v1/setup', { token: u.setupToken, password });
      assert.equal(r.status, 201, `${username}: ${r}`);
      assert.deepEqual(r.json, { username });
      secrets.push(password, u.setupToken);
      const ok = await new Client(srv.url).post(LOGIN, { username, password });
      assert.equal(ok.status, 200, `${username} logs in with the password it set`);
      const chars = [...password];
      const prefix = chars.slice(0, chars.length - 1).join('');
      const cut = await new Client(srv.url).post(LOGIN, { username, password: prefix });
      assert.equal(cut.status, 401, `${username}: a prefix must not log in (no truncation)`);
      const reuse = await new Client(srv.url).post('/api/v1/setup', { token: u.setupToken, password });
      assert.equal(reuse.status, 404, 'a password link is single use');
    }
  });

  // Issue 15 defect 8: issuing a link revokes every earlier link of the user; a spent link stays spent.
  test('B8: a newer set-up link revokes the older ones (creation link, then reset links)', async () => {
    const u = await createUser(srv, admin, { username: 'relinked', role: 'branch_secretary', org_id: 5 }, { activate: false });
    const link = async () => {
      const r = await admin.post(`/api/v1/users/${u.id}/reset`);
      assert.equal(r.status, 200, r.toString());
      const token = /token=([A-Za-z0-9_-]+)/.exec(r.json.setup_link)[1];
      secrets.push(token);
      return token;
    };
    const live = async (token) => (await new Client(srv.url).get(`/api/v1/setup?token=${token}`)).status;
    secrets.push(u.setupToken);
    const first = await link();
    assert.equal(await live(u.setupToken), 404, 'the creation link ended with the reset');
    const password = strongPassword('L');
    secrets.push(password);
    const old = await new Client(srv.url).post('/api/v1/setup', { token: u.setupToken, password });
    assert.equal(old.status, 404, old.toString());
    const second = await link();
    assert.equal(await live(first), 404, 'the first reset link ended with the second');
    assert.equal((await new Client(srv.url).post('/api/v1/setup', { token: first, password })).status, 404);
    assert.equal(await live(second), 200);
    assert.equal((await new Client(srv.url).post('/api/v1/setup', { token: second, password })).status, 201);
    assert.equal(await live(second), 404, 'spent');
    assert.equal((await new Client(srv.url).post(LOGIN, { username: 'relinked', password })).status, 200);
  });

  test('B5: admin routes before the second factor → 403 mfa_required; wrong and replayed codes → 400 field code', async () => {
    const acc = await createUser(srv, admin, { username: 'auditor', display_name: '审计员', role: 'audit_admin', org_id: 1 });
    secrets.push(acc.password);
    const c = new Client(srv.url);
    const r = await c.post(LOGIN, { username: acc.username, password: acc.password });
    assert.equal(r.json.mfa, 'enroll');
    for (const path of ['/api/v1/audit', '/api/v1/users', '/api/v1/orgs/roots', '/api/v1/me', '/api/v1/roles']) {
      const d = await c.get(path);
      assert.equal(d.status, 403, d.toString());
      assert.equal(d.error.code, 'mfa_required', path);
    }
    assert.equal((await c.get('/api/v1/auth/session')).status, 200, 'the session route stays open');
    const e = await c.post('/api/v1/auth/totp/enroll');
    assert.equal(e.status, 200, e.toString());
    assert.match(e.json.secret, /^[A-Z2-7]{16,}=*$/);
    assert.match(e.json.otpauth_uri, /^otpauth:\/\/totp\//);
    assert.match(e.json.qr_svg, /^<svg/);
    acc.totpSecret = e.json.secret;
    secrets.push(acc.totpSecret);
    const step = currentStep();
    const near = new Set([-2, -1, 0, 1, 2].map((d) => totp(acc.totpSecret, step + d)));
    let wrong = 100000;
    while (near.has(String(wrong))) wrong++;
    for (const code of [String(wrong), 'abcdef', '12345', '']) {
      const w = await c.post('/api/v1/auth/totp/verify', { code });
      assert.equal(w.status, 400, `${code}: ${w}`);
      assert.deepEqual(w.fieldNames(), ['code']);
    }
    assert.equal((await c.get('/api/v1/audit')).status, 403, 'still gated after wrong codes');
    const code = await nextCode(acc);
    const ok = await c.post('/api/v1/auth/totp/verify', { code });
    assert.equal(ok.status, 200, ok.toString());
    assert.equal(ok.json.mfa, 'ok');
    assert.equal((await c.get('/api/v1/audit')).status, 200);
    // A second login: the code just used is refused (replay), the next step's code works.
    const c2 = new Client(srv.url);
    assert.equal((await c2.post(LOGIN, { username: acc.username, password: acc.password })).json.mfa, 'verify');
    const replay = await c2.post('/api/v1/auth/totp/verify', { code });
    assert.equal(replay.status, 400, replay.toString());
    assert.deepEqual(replay.fieldNames(), ['code']);
    const ok2 = await c2.post('/api/v1/auth/totp/verify', { code: await nextCode(acc) });
    assert.equal(ok2.status, 200, ok2.toString());
    auditor = c2;
    const rows = await auditor.all('/api/v1/audit?action=auth.totp');
    assert.ok(rows.some((x) => x.object_id === String(acc.id) && x.result === 'replayed'), 'B5: the replay is logged');
  });

  test('B2 + issue 15 defect 7: failures slow one name down at one address only; known and unknown names alike; audited', async () => {
    const acc = await createUser(srv, admin, { username: 'locky', role: 'branch_secretary', org_id: 6 });
    secrets.push(acc.password);
    // The stranger guesses from another loopback address than the owner's (127.0.0.1).
    const stranger = new Client(srv.url, { localAddress: '127.0.0.3' });
    const runs = {};
    for (const name of ['locky', 'nobody-is-called-this']) {
      const seq = [];
      for (let i = 1; i <= 5; i++) seq.push(await stranger.post(LOGIN, { username: name, password: `wrong-password-${i}` }));
      // The sixth try waits — even with the right password.
      seq.push(await stranger.post(LOGIN, { username: name, password: name === 'locky' ? acc.password : 'Wrong-password-6' }));
      runs[name] = seq;
    }
    for (const [name, seq] of Object.entries(runs)) {
      assert.deepEqual(seq.map((r) => r.status), [401, 401, 401, 401, 401, 429], name);
      const last = seq[5];
      assert.equal(last.error.code, 'too_many_requests');
      assert.equal(last.headers['retry-after'], '30', 'the first wait is 30 s (security.login_first_delay_seconds)');
      assert.match(last.error.message, /30 秒后再试/);
      assert.equal(last.setCookies.length, 0);
    }
    // Regression (defect 7): an account answered 429 where an unknown name answered 401; now alike.
    assert.equal(withoutRequestId(runs.locky[5]), withoutRequestId(runs['nobody-is-called-this'][5]));
    // Regression (defect 7): the owner was locked out for 30 minutes; from their own address they sign in.
    const owner = new Client(srv.url);
    assert.equal((await owner.post(LOGIN, { username: 'locky', password: acc.password })).status, 200);
    const u = await admin.get(`/api/v1/users/${acc.id}`);
    assert.equal(u.json.locked, true, 'GET /users/:id shows that the name is being slowed down');
    const rows = (await auditor.all('/api/v1/audit?actor=locky')).filter((x) => x.object_id === String(acc.id));
    const denied = rows.filter((x) => x.action === 'auth.login' && x.result === 'denied');
    assert.equal(denied.length, 5, 'each failure is audited');
    assert.equal(rows.filter((x) => x.action === 'auth.throttle').length, 1, 'the start of the wait is audited (the alert)');
    assert.equal(rows.filter((x) => x.action === 'auth.login' && x.result === 'throttled').length, 1);
    // A security administrator lifts the wait (api.md: unlock is sec_admin's).
    const sec = await createUser(srv, admin, { username: 'secadmin', role: 'sec_admin', org_id: 1 });
    secrets.push(sec.password);
    secadmin = await login(srv, sec);
    assert.equal((await admin.post(`/api/v1/users/${acc.id}/unlock`)).status, 403, 'sys_admin may not unlock');
    const un = await secadmin.post(`/api/v1/users/${acc.id}/unlock`);
    assert.equal(un.status, 204, un.toString());
    assert.equal((await admin.get(`/api/v1/users/${acc.id}`)).json.locked, false);
    assert.equal((await stranger.post(LOGIN, { username: 'locky', password: acc.password })).status, 200);
  });

  test('B3: unknown user, wrong password, pending and disabled users get identical answers', async () => {
    const known = await createUser(srv, admin, { username: 'known', role: 'branch_secretary', org_id: 5 });
    const pending = await createUser(srv, admin, { username: 'pending', role: 'branch_secretary', org_id: 5 },
      { activate: false });
    const disabled = await createUser(srv, admin, { username: 'disabled', role: 'branch_secretary', org_id: 5 });
    secrets.push(known.password, disabled.password, pending.setupToken);
    assert.equal((await admin.post(`/api/v1/users/${disabled.id}/disable`)).status, 204);
    const c = new Client(srv.url);
    const answers = [
      await c.post(LOGIN, { username: 'nobody-here', password: 'Wrong-password-1' }),
      await c.post(LOGIN, { username: 'known', password: 'Wrong-password-1' }),
      await c.post(LOGIN, { username: 'pending', password: 'Wrong-password-1' }),
      await c.post(LOGIN, { username: 'disabled', password: disabled.password }),
      await c.post(LOGIN, { username: 'Known', password: known.password }),
    ];
    const first = answers[0];
    assert.equal(first.status, 401);
    for (const r of answers) {
      assert.equal(r.status, first.status, r.toString());
      assert.equal(withoutRequestId(r), withoutRequestId(first), 'the body differs only in request_id');
      assert.equal(r.headers['content-type'], first.headers['content-type']);
    }
  });

  test('B4: logout ends the session (old cookie → 401); each login gets a new session id; password change ends other sessions', async () => {
    const acc = await createUser(srv, admin, { username: 'sessions', role: 'branch_secretary', org_id: 5 });
    const a = await login(srv, acc);
    const b = await login(srv, acc);
    assert.notEqual(a.sessionToken, b.sessionToken, 'a new session id at every login');
    assert.ok(a.sessionToken.length >= 22, 'B6: at least 128 bits of token');
    const oldToken = b.sessionToken;
    const out = await b.post('/api/v1/auth/logout');
    assert.equal(out.status, 204, out.toString());
    assert.ok(out.setCookies.some((s) => /^lx_sid=;/.test(s) && /Max-Age=0/i.test(s)), 'the cookie is cleared');
    const replay = new Client(srv.url);
    replay.cookies.set('lx_sid', oldToken);
    const r = await replay.get('/api/v1/auth/session');
    assert.equal(r.status, 401, r.toString());
    assert.equal(r.error.code, 'unauthenticated');
    const viaBearer = new Client(srv.url);
    viaBearer.bearer = oldToken;
    assert.equal((await viaBearer.get('/api/v1/me')).status, 401, 'nor as a bearer token');
    // Changing the password ends the other sessions and keeps this one.
    const c = await login(srv, acc);
    const newPassword = strongPassword('N');
    secrets.push(acc.password, newPassword, a.sessionToken, c.sessionToken);
    const wrongOld = await c.post('/api/v1/auth/password', { old_password: 'not-it-at-all', new_password: newPassword });
    assert.equal(wrongOld.status, 400);
    assert.deepEqual(wrongOld.fieldNames(), ['old_password']);
    const weak = await c.post('/api/v1/auth/password', { old_password: acc.password, new_password: 'short' });
    assert.deepEqual(weak.fieldNames(), ['new_password']);
    assert.equal((await c.post('/api/v1/auth/password', { old_password: acc.password, new_password: newPassword })).status, 204);
    assert.equal((await c.get('/api/v1/me')).status, 200, 'the changing session goes on');
    assert.equal((await a.get('/api/v1/me')).status, 401, 'other sessions end');
    assert.equal((await new Client(srv.url).post(LOGIN, { username: 'sessions', password: acc.password })).status, 401);
    assert.equal((await new Client(srv.url).post(LOGIN, { username: 'sessions', password: newPassword })).status, 200);
  });

  test('CSRF: a cookie-authenticated POST without or with a wrong X-CSRF-Token → 403 and nothing changes', async () => {
    const before = (await admin.all('/api/v1/users')).length;
    const body = { username: 'csrfvictim', display_name: 'CSRF', role: 'branch_secretary', org_id: 5 };
    for (const csrf of [false, 'wrong-token', '', admin.csrf.slice(0, -1)]) {
      const r = await admin.request('POST', '/api/v1/users', { json: body, csrf,
        headers: csrf === '' ? { 'X-CSRF-Token': '' } : {} });
      assert.equal(r.status, 403, `csrf=${JSON.stringify(csrf)}: ${r}`);
      assert.equal(r.error.code, 'permission_denied');
    }
    const lo = await admin.request('POST', '/api/v1/auth/logout', { csrf: false });
    assert.equal(lo.status, 403, 'logout needs the token too');
    assert.equal((await admin.get('/api/v1/auth/session')).status, 200, 'the session survived');
    assert.equal((await admin.all('/api/v1/users')).length, before, 'no user was created');
    assert.equal((await admin.get('/api/v1/users?q=csrfvictim')).json.items.length, 0);
    // Machine clients: a bearer token needs no CSRF header (api.md Conventions).
    const m = await login(srv, { username: 'known', password: (await resetAndSet(srv, admin, 'known', secrets)) });
    const bearer = new Client(srv.url);
    bearer.bearer = m.sessionToken;
    assert.equal((await bearer.get('/api/v1/auth/session')).status, 200);
    assert.equal((await bearer.post('/api/v1/auth/logout')).status, 204);
    assert.equal((await m.get('/api/v1/me')).status, 401);
  });

  test('E3: the server log holds no password, session token, TOTP secret or set-up token used here', () => {
    const log = srv.logs();
    assert.ok(log.length > 0);
    for (const s of secrets.filter(Boolean)) assert.ok(!log.includes(s), `E3: the log contains a secret (${s.slice(0, 4)}…)`);
  });
});

async function resetAndSet(srv, admin, username, secrets) {
  const u = (await admin.get(`/api/v1/users?q=${username}`)).json.items.find((x) => x.username === username);
  const r = await admin.post(`/api/v1/users/${u.id}/reset`);
  assert.equal(r.status, 200, r.toString());
  const token = /token=([A-Za-z0-9_-]+)/.exec(r.json.setup_link)[1];
  const password = strongPassword('R');
  assert.equal((await new Client(srv.url).post('/api/v1/setup', { token, password })).status, 201);
  secrets.push(token, password);
  return password;
}

describe('B6: session cookie quality with the default cookie_secure=true', () => {
  let srv;
  before(async () => { srv = await startServer({ dataset: 'empty', cookieSecure: true }); });
  after(() => srv && srv.stop());

  test('Set-Cookie: __Host-lx_sid, Path=/, HttpOnly, SameSite=Strict, Secure, no Domain; ≥128-bit unique tokens', async () => {
    const acc = await setupFirstAdmin(srv);
    const tokens = new Set();
    for (let i = 0; i < 4; i++) {
      const c = new Client(srv.url);
      const r = await c.post(LOGIN, { username: acc.username, password: acc.password });
      assert.equal(r.status, 200, r.toString());
      assert.equal(r.setCookies.length, 1);
      const [pair, ...attrs] = r.setCookies[0].split(';').map((s) => s.trim());
      const m = /^__Host-lx_sid=([A-Za-z0-9_-]+)$/.exec(pair);
      assert.ok(m, `cookie name and value: ${pair}`);
      assert.ok(m[1].length >= 22, 'at least 128 bits');
      tokens.add(m[1]);
      const lower = attrs.map((a) => a.toLowerCase());
      assert.ok(lower.includes('path=/'));
      assert.ok(lower.includes('httponly'));
      assert.ok(lower.includes('samesite=strict'));
      assert.ok(lower.includes('secure'));
      assert.ok(!lower.some((a) => a.startsWith('domain=')), '__Host- cookies carry no Domain');
      assert.equal((await c.get('/api/v1/auth/session')).status, 200, 'the __Host- cookie authenticates');
      const plain = new Client(srv.url);
      plain.cookies.set('lx_sid', m[1]);
      assert.equal((await plain.get('/api/v1/auth/session')).status, 401, 'the unprefixed name is not accepted');
    }
    assert.equal(tokens.size, 4, 'no duplicate session ids');
  });
});

describe('B7: admin source restriction (LIANXIN_SERVER_ADMIN_ALLOW=127.0.0.1)', () => {
  let srv;
  before(async () => { srv = await startServer({ dataset: 'test', env: { LIANXIN_SERVER_ADMIN_ALLOW: '127.0.0.1' } }); });
  after(() => srv && srv.stop());

  test('admin routes answer 403 from 127.0.0.2 and 200 from 127.0.0.1; non-admins are not restricted', async () => {
    const acc = await setupFirstAdmin(srv);
    const admin = await login(srv, acc);
    const member = await login(srv, await createUser(srv, admin, { username: 'secretary', role: 'branch_secretary', org_id: 5 }));
    const from2 = (c) => {
      const x = new Client(srv.url, { localAddress: '127.0.0.2' });
      x.cookies = new Map(c.cookies);
      x.csrf = c.csrf;
      return x;
    };
    assert.equal((await admin.get('/api/v1/users')).status, 200, 'admin from .1');
    for (const path of ['/api/v1/users', '/api/v1/orgs/roots', '/api/v1/auth/session']) {
      const r = await from2(admin).get(path);
      assert.equal(r.status, 403, `${path} as admin from .2: ${r}`);
    }
    const create = await from2(admin).post('/api/v1/users', { username: 'from2', display_name: 'x', role: 'member', org_id: 5 });
    assert.equal(create.status, 403);
    assert.equal((await admin.get('/api/v1/users?q=from2')).json.items.length, 0, 'nothing created from .2');
    const ok = await from2(member).get('/api/v1/orgs/roots');
    assert.equal(ok.status, 200, `non-admin from .2: ${ok}`);
    const pre = new Client(srv.url, { localAddress: '127.0.0.2' });
    const li = await pre.post(LOGIN, { username: acc.username, password: acc.password });
    assert.equal(li.status, 200, 'the public login answers');
    const v = await pre.post('/api/v1/auth/totp/verify', { code: totp(acc.totpSecret, currentStep() + 1) });
    assert.equal(v.status, 403, 'but an admin cannot complete the second factor from .2');
  });
});
