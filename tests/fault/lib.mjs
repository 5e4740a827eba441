// Helpers for the fault tests: a server on a free loopback port, a first admin with TOTP, JSON calls.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { totp } from '../integration/lib/client.mjs';

export const ROOT = path.resolve(new URL('.', import.meta.url).pathname, '../..');
export const BIN = path.join(ROOT, 'build/lianxin');

export function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export function startServer(db, env, port) {
  const child = spawn(BIN, ['--db', db, '--port', String(port), 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; if (out.includes('serving')) resolve(child); });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

export function stopServer(child, signal = 'SIGTERM') {
  return new Promise((resolve) => { child.on('exit', resolve); child.kill(signal); });
}

export async function api(base, method, p, body, session = {}) {
  const headers = { 'content-type': 'application/json' };
  if (session.cookie) headers.cookie = session.cookie;
  if (session.csrf) headers['x-csrf-token'] = session.csrf;
  const res = await fetch(base + p, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}

// Loads the demo street, spends the first-admin link and completes TOTP; returns the session.
export async function demoWithAdmin(db, env) {
  const demo = spawnSync(BIN, ['--db', db, 'demo', '--no-serve'], { env, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(demo.stderr);
  const token = demo.stdout.match(/#\/setup\?token=([A-Za-z0-9_-]+)/)[1];
  const port = await freePort();
  const server = await startServer(db, env, port);
  const base = `http://127.0.0.1:${port}/api/v1`;
  try {  // a failed sign-in stops the server, so that it holds no file of the test's directory
    const password = 'Fault-tests-2026-pass';
    await api(base, 'POST', '/setup', { token, username: 'admin', display_name: '管理员', password });
    const login = await api(base, 'POST', '/auth/login', { username: 'admin', password });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.json)}`);
    const session = { cookie: login.headers.get('set-cookie').split(';')[0], csrf: login.json.csrf_token };
    const { json: enrol } = await api(base, 'POST', '/auth/totp/enroll', {}, session);
    const verify = await api(base, 'POST', '/auth/totp/verify', { code: totp(enrol.secret, Math.floor(Date.now() / 30000)) }, session);
    if (verify.status !== 200) throw new Error(`totp: ${JSON.stringify(verify.json)}`);
    return { server, base, session, port };
  } catch (e) {
    await stopServer(server);
    throw e;
  }
}

export function check(db, env) {
  return spawnSync(BIN, ['--db', db, 'check'], { env, encoding: 'utf8' });
}
