// A locked or full database gives 503 with Retry-After, never a crash (issue: foundation, "Bad input and
// faults"; security.md H3 disk full, H5(b) an external writer holding the lock). After the cause is gone
// the same server answers again without a restart, and nothing is half-written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { api, check, demoWithAdmin, stopServer } from './lib.mjs';

function envFor(dir) {
  return { ...process.env, LIANXIN_SECURITY_KEY_FILE: path.join(dir, 'lx.key'), LIANXIN_SERVER_COOKIE_SECURE: 'false',
    LIANXIN_DATABASE_BUSY_TIMEOUT_MS: '1000' };
}

test('a database locked by another writer answers 503 with Retry-After, then recovers', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxbusy-'));
  const env = envFor(dir);
  const file = path.join(dir, 'lx.db');
  const db = `sqlite:${file}`;
  const { server, base, session } = await demoWithAdmin(db, env);
  try {
    const holder = spawn('sqlite3', [file], { stdio: ['pipe', 'pipe', 'pipe'] });
    holder.stdin.write('BEGIN IMMEDIATE;\nSELECT 1;\n');
    await new Promise((r) => holder.stdout.once('data', r));  // the lock is held once it answered

    const blocked = await api(base, 'POST', '/users', { username: 'busy1', display_name: '甲', role: 'branch_secretary', org_id: 2 }, session);
    assert.equal(blocked.status, 503);
    assert.ok(blocked.headers.get('retry-after'));
    assert.equal(blocked.json.error.code, 'unavailable');
    const read = await api(base, 'GET', '/orgs/roots', null, session);  // readers see the last snapshot
    assert.equal(read.status, 200);

    holder.stdin.end('ROLLBACK;\n.quit\n');
    await new Promise((r) => holder.on('exit', r));
    const after = await api(base, 'POST', '/users', { username: 'busy1', display_name: '甲', role: 'branch_secretary', org_id: 2 }, session);
    assert.equal(after.status, 201, JSON.stringify(after.json));
  } finally {
    await stopServer(server);
    const checked = check(db, env);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a full disk answers 503, never 500 or a crash, and writes resume once space is freed', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxfull-'));
  const mnt = path.join(dir, 'mnt');
  mkdirSync(mnt);
  // A small tmpfs is the disk (root in this sandbox may mount; security.md H3). It is made room for the demo
  // first, then shrunk to what the demo uses plus 1 MiB, so that it fills whatever the demo's size.
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mnt], { encoding: 'utf8' });
  assert.equal(mount.status, 0, `cannot mount a tmpfs for the disk-full test: ${mount.stderr}`);
  const env = envFor(mnt);
  const db = `sqlite:${path.join(mnt, 'lx.db')}`;
  let server;
  try {
    const started = await demoWithAdmin(db, env);
    server = started.server;
    const { base, session } = started;
    const usedKb = Number(spawnSync('df', ['-k', '--output=used', mnt], { encoding: 'utf8' }).stdout.trim().split('\n').pop());
    const shrink = spawnSync('mount', ['-o', `remount,size=${usedKb + 1024}k`, mnt], { encoding: 'utf8' });
    assert.equal(shrink.status, 0, `cannot shrink the tmpfs: ${shrink.stderr}`);
    const statuses = new Map();
    let n = 0;
    for (; n < 5000; n++) {
      const r = await api(base, 'POST', '/users', { username: `full${n}`, display_name: '满'.repeat(50), role: 'branch_secretary', org_id: 2 }, session);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 503) {
        assert.ok(r.headers.get('retry-after'));
        break;
      }
      assert.equal(r.status, 201, `unexpected ${r.status}: ${JSON.stringify(r.json)}`);
    }
    assert.ok(statuses.get(503) >= 1, `the disk never filled: ${JSON.stringify([...statuses])}`);
    assert.equal((await fetch(base.replace('/api/v1', '/healthz'))).status, 200);  // still alive

    spawnSync('mount', ['-o', 'remount,size=64m', mnt]);
    let resumed = null;
    for (let i = 0; i < 20 && !resumed; i++) {
      const r = await api(base, 'POST', '/users', { username: `after${i}`, display_name: '恢复', role: 'branch_secretary', org_id: 2 }, session);
      if (r.status === 201) resumed = r;
      else assert.equal(r.status, 503);
    }
    assert.ok(resumed, 'writes did not resume after space was freed');
  } finally {
    if (server) await stopServer(server);
    const checked = check(db, env);
    spawnSync('umount', [mnt]);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  }
});
