// Durability (issue: "kill -9 of the server under a write load loses no acknowledged write", 50
// iterations; security.md H1). A client creates users as fast as the server acknowledges them; the server
// is killed with SIGKILL at a random moment 0.1–0.9 s into the load; after a restart every acknowledged
// user must exist, `lianxin check` must pass (integrity_check, foreign_key_check, audit chain), and the
// rows written without an acknowledgement are at most the requests that were in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';

const ROOT = path.resolve(new URL('.', import.meta.url).pathname, '../..');
const BIN = path.join(ROOT, 'build/lianxin');
const ITERATIONS = Number(process.env.LIANXIN_KILL9_ITERATIONS ?? 50);
const CONCURRENCY = 4;

const dir = mkdtempSync(path.join(os.tmpdir(), 'lxkill9-'));
const env = { ...process.env, LIANXIN_SECURITY_KEY_FILE: path.join(dir, 'lx.key'), LIANXIN_SERVER_COOKIE_SECURE: 'false' };
const db = `sqlite:${path.join(dir, 'lx.db')}`;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function startServer(port) {
  const child = spawn(BIN, ['--db', db, '--port', String(port), 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; if (out.includes('serving')) resolve(child); });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

function totp(secret, step) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', key).update(msg).digest();
  const o = h[h.length - 1] & 15;
  return String(((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000)).padStart(6, '0');
}

async function api(base, method, p, body, cookie, csrf) {
  const headers = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(base + p, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}

test('kill -9 under a write load loses no acknowledged write (50 iterations)', async () => {
  try {
    const demo = spawnSync(BIN, ['--db', db, 'demo', '--no-serve'], { env, encoding: 'utf8' });
    assert.equal(demo.status, 0, demo.stderr);
    const token = demo.stdout.match(/#\/setup\?token=([A-Za-z0-9_-]+)/)[1];
    let port = await freePort();
    let server = await startServer(port);
    let base = `http://127.0.0.1:${port}/api/v1`;
    const password = 'Kill9-durability-2026';
    assert.equal((await api(base, 'POST', '/setup', { token, username: 'admin', display_name: '管理员', password })).status, 201);
    const login = await api(base, 'POST', '/auth/login', { username: 'admin', password });
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const csrf = login.json.csrf_token;
    const { json: enrol } = await api(base, 'POST', '/auth/totp/enroll', {}, cookie, csrf);
    const step = Math.floor(Date.now() / 30000);
    assert.equal((await api(base, 'POST', '/auth/totp/verify', { code: totp(enrol.secret, step) }, cookie, csrf)).status, 200);

    const acked = new Set();
    const unexpected = [];
    let attempted = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      let stop = false;
      const inFlight = new Set();
      const worker = async (w) => {
        for (let n = 0; !stop; n++) {
          const username = `k${i}w${w}n${n}`;
          inFlight.add(username);
          attempted++;
          let r = null;
          try {
            r = await api(base, 'POST', '/users', { username, display_name: '压力测试', role: 'branch_secretary', org_id: 2 }, cookie, csrf);
          } catch { stop = true; }  // the connection died with the server
          inFlight.delete(username);
          if (!r) continue;
          if (r.status === 201) acked.add(username);
          else if (r.status !== 503) unexpected.push(`${r.status} ${JSON.stringify(r.json)}`);
        }
      };
      const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 800));
      server.kill('SIGKILL');
      await new Promise((r) => server.on('exit', r));
      stop = true;
      await Promise.all(workers);

      port = await freePort();
      server = await startServer(port);
      base = `http://127.0.0.1:${port}/api/v1`;
    }
    // Every acknowledged user is there after 50 crashes (the session survived the restarts too).
    const names = new Set();
    let cursor = null;
    do {
      const r = await api(base, 'GET', `/users?limit=200${cursor ? `&cursor=${cursor}` : ''}`, null, cookie);
      assert.equal(r.status, 200);
      for (const u of r.json.items) names.add(u.username);
      cursor = r.json.next_cursor;
    } while (cursor);
    assert.deepEqual(unexpected, [], 'every answer under load is 201 or 503');
    const lost = [...acked].filter((u) => !names.has(u));
    assert.deepEqual(lost, [], `acknowledged but lost: ${lost.length}`);
    const unacked = [...names].filter((u) => u.startsWith('k') && !acked.has(u)).length;
    assert.ok(unacked <= ITERATIONS * CONCURRENCY, `rows without acknowledgement: ${unacked}`);
    assert.ok(acked.size > ITERATIONS, `the load wrote too little to prove anything: ${acked.size} of ${attempted}`);
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    const check = spawnSync(BIN, ['--db', db, 'check'], { env, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /integrity_check: ok/);
    assert.match(check.stdout, /audit chain \/ 审计日志链: ok/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
