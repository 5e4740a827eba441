// Graceful stop on SIGTERM (toolchain.md §4: RESTinio itself ignores SIGTERM, the app drains): requests in
// flight when the signal arrives finish with their real answer, later ones get 503 + Retry-After, the
// process exits 0, and every acknowledged write is there after the restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { api, check, demoWithAdmin, freePort, startServer, stopServer } from './lib.mjs';

test('SIGTERM drains: in-flight requests finish, the process exits 0, nothing acknowledged is lost', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxterm-'));
  const env = { ...process.env, LIANXIN_SECURITY_KEY_FILE: path.join(dir, 'lx.key'), LIANXIN_SERVER_COOKIE_SECURE: 'false' };
  const db = `sqlite:${path.join(dir, 'lx.db')}`;
  try {
    const { server, base, session } = await demoWithAdmin(db, env);
    // Logins cost an Argon2 hash each (~30 ms), so a burst of them is still running when the signal comes.
    const burst = Array.from({ length: 24 }, (_, i) =>
      api(base, 'POST', i % 2 ? '/auth/login' : '/users',
        i % 2 ? { username: 'admin', password: 'wrong-password-xx' }
          : { username: `term${i}`, display_name: '停机', role: 'branch_secretary', org_id: 2 },
        i % 2 ? {} : session).catch((e) => ({ status: 'connection-error', error: String(e) })));
    await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
    server.kill('SIGTERM');
    const answers = await Promise.all(burst);
    const { code, signal } = await exited;
    assert.equal(signal, null);
    assert.equal(code, 0, 'graceful stop exits 0');
    for (const a of answers) assert.ok([200, 201, 401, 429, 503].includes(a.status), `answer: ${JSON.stringify(a)}`);

    const acked = answers.map((a, i) => (a.status === 201 ? `term${i}` : null)).filter(Boolean);
    const port = await freePort();
    const again = await startServer(db, env, port);
    const list = await api(`http://127.0.0.1:${port}/api/v1`, 'GET', '/users?q=term&limit=200', null, session);
    assert.equal(list.status, 200);
    const names = new Set(list.json.items.map((u) => u.username));
    for (const u of acked) assert.ok(names.has(u), `acknowledged ${u} is missing`);
    await stopServer(again);
    assert.equal(check(db, env).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
