// Durability (issue: "kill -9 of the server under a write load loses no acknowledged write", 50
// iterations; security.md H1). A client creates users as fast as the server acknowledges them; the server
// is killed with SIGKILL at a random moment 0.1–0.9 s into the load; after a restart every acknowledged
// user must exist, `lianxin check` must pass (integrity_check, foreign_key_check, audit chain), and the
// rows written without an acknowledgement are at most the requests that were in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { api, check, demoWithAdmin, freePort, startServer, stopServer } from './lib.mjs';

const ITERATIONS = Number(process.env.LIANXIN_KILL9_ITERATIONS ?? 50);
const CONCURRENCY = 4;

const dir = mkdtempSync(path.join(os.tmpdir(), 'lxkill9-'));
// The load writes as fast as four clients can, far above one session's request budget (limits.*, issue 15
// defect 9): the budgets are turned off (0) so that every write reaches the database and can be lost or not.
const env = { ...process.env, LIANXIN_SECURITY_KEY_FILE: path.join(dir, 'lx.key'), LIANXIN_SERVER_COOKIE_SECURE: 'false',
  LIANXIN_LIMITS_SESSION_READS_PER_MINUTE: '0', LIANXIN_LIMITS_SESSION_WRITES_PER_MINUTE: '0',
  LIANXIN_LIMITS_ADDRESS_READS_PER_MINUTE: '0', LIANXIN_LIMITS_ADDRESS_WRITES_PER_MINUTE: '0' };
const db = `sqlite:${path.join(dir, 'lx.db')}`;

test('kill -9 under a write load loses no acknowledged write (50 iterations)', async () => {
  try {
    let { server, base, session } = await demoWithAdmin(db, env);
    let port;
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
            r = await api(base, 'POST', '/users', { username, display_name: '压力测试', role: 'branch_secretary', org_id: 2 }, session);
          } catch { stop = true; }  // the connection died with the server
          inFlight.delete(username);
          if (!r) continue;
          if (r.status === 201) acked.add(username);
          else if (r.status !== 503) unexpected.push(`${r.status} ${JSON.stringify(r.json)}`);
        }
      };
      const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 800));
      await stopServer(server, 'SIGKILL');
      stop = true;
      await Promise.all(workers);

      port = await freePort();
      server = await startServer(db, env, port);
      base = `http://127.0.0.1:${port}/api/v1`;
    }
    // Every acknowledged user is there after 50 crashes (the session survived the restarts too).
    const names = new Set();
    let cursor = null;
    do {
      const r = await api(base, 'GET', `/users?limit=200${cursor ? `&cursor=${cursor}` : ''}`, null, session);
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
    await stopServer(server);
    const checked = check(db, env);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    assert.match(checked.stdout, /integrity_check: ok/);
    assert.match(checked.stdout, /audit chain \/ 审计日志链: ok/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
