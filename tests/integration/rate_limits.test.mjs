// Request budgets (issue 15 defect 9; docs/api.md "Request budgets", README limits.*) and the import preview's
// budget of ID numbers (issue 15 defect 3), on a server configured with tiny budgets through the environment:
// a burst over a budget answers 429 with Retry-After and the usual JSON error body (zh-CN, en), and another
// session, another address or another actor is not affected. Counts, never durations: the budgets refill by one
// a minute (an hour for previews), far slower than the bursts here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { Client, createUser, login, loginAdmin } from './lib/client.mjs';
import { syntheticId } from './lib/ids.mjs';
import { memberCsv, postFile } from './lib/sheets.mjs';

const SESSION_WRITES = 10, SESSION_READS = 20, ADDRESS_READS = 60, PREVIEW_ROWS = 3;

/** A 429 of a spent budget: Retry-After in whole seconds and the error body of docs/api-errors.md. */
function assertLimited(r, key = /频繁/) {
  assert.equal(r.status, 429, r.toString());
  assert.match(String(r.headers['retry-after']), /^[1-9]\d*$/, 'Retry-After in seconds');
  assert.equal(r.error.code, 'too_many_requests');
  assert.match(r.error.message, key);
  assert.ok(r.error.request_id, 'the request id');
  assert.deepEqual(r.error.fields, []);
}

describe('request budgets (tiny limits via LIANXIN_LIMITS_*)', () => {
  let srv, admin, branch, accounts;

  before(async () => {
    srv = await startServer({
      dataset: 'test',
      env: {
        LIANXIN_LIMITS_SESSION_WRITES_PER_MINUTE: '1', LIANXIN_LIMITS_SESSION_WRITE_BURST: String(SESSION_WRITES),
        LIANXIN_LIMITS_SESSION_READS_PER_MINUTE: '1', LIANXIN_LIMITS_SESSION_READ_BURST: String(SESSION_READS),
        LIANXIN_LIMITS_ADDRESS_READS_PER_MINUTE: '1', LIANXIN_LIMITS_ADDRESS_READ_BURST: String(ADDRESS_READS),
        LIANXIN_LIMITS_IMPORT_PREVIEW_ROWS_PER_HOUR: '1', LIANXIN_LIMITS_IMPORT_PREVIEW_ROW_BURST: String(PREVIEW_ROWS),
      },
    });
    ({ client: admin } = await loginAdmin(srv));
    const q = srv.sql("SELECT id FROM orgs WHERE org_type = 'branch' ORDER BY id LIMIT 1");
    assert.equal(q.status, 0, q.stderr);
    branch = Number(q.stdout.trim());
    accounts = {};
    for (const name of ['sec_a', 'sec_b', 'sec_c']) {
      accounts[name] = await createUser(srv, admin, { username: name, display_name: name, role: 'branch_secretary', org_id: branch });
    }
  });
  after(() => srv && srv.stop());

  test('a session\'s writes: the burst passes, the next answers 429; its reads and another session go on', async () => {
    const a = await login(srv, accounts.sec_a, { localAddress: '127.0.0.2' });
    const b = await login(srv, accounts.sec_b, { localAddress: '127.0.0.2' });
    // An invalid body still spends a write: the budget comes before the handler.
    const statuses = [];
    for (let i = 0; i < SESSION_WRITES + 2; i++) statuses.push((await a.post('/api/v1/members', {})).status);
    assert.deepEqual(statuses, [...Array(SESSION_WRITES).fill(400), 429, 429]);
    assertLimited(await a.post('/api/v1/members', {}));
    const en = await a.post('/api/v1/members', {}, { headers: { 'Accept-Language': 'en' } });
    assertLimited(en, /Too many requests/);
    assert.equal((await a.get('/api/v1/auth/session')).status, 200, 'reads have their own budget');
    assert.equal((await b.post('/api/v1/members', {})).status, 400, 'another session from the same address is not affected');
  });

  test('a session\'s reads: the burst passes, then 429', async () => {
    const c = await login(srv, accounts.sec_c, { localAddress: '127.0.0.5' });
    let ok = 0, limited = null;
    for (let i = 0; i < SESSION_READS + 5 && !limited; i++) {
      const r = await c.get('/api/v1/auth/session');
      if (r.status === 200) ok++;
      else limited = r;
    }
    assert.equal(ok, SESSION_READS);
    assertLimited(limited);
  });

  test('an address: the burst passes, then 429, also without a session; another address is not affected', async () => {
    const flood = new Client(srv.url, { localAddress: '127.0.0.3' });
    let ok = 0, limited = null;
    for (let i = 0; i < ADDRESS_READS + 5 && !limited; i++) {
      const r = await flood.get('/healthz');
      if (r.status === 200) ok++;
      else limited = r;
    }
    assert.equal(ok, ADDRESS_READS);
    assertLimited(limited);
    assertLimited(await flood.get('/api/v1/auth/session'));
    const other = new Client(srv.url, { localAddress: '127.0.0.4' });
    assert.equal((await other.get('/healthz')).status, 200);
  });

  test('issue 15 defect 3: an actor\'s previews check at most the budget of ID numbers; another actor goes on', async () => {
    const sheet = Buffer.from(memberCsv([0, 1, 2].map((k) => ({ name: `限额${k}`, id_number: syntheticId('19800101', 600 + 2 * k) }))));
    const a = await login(srv, accounts.sec_a, { localAddress: '127.0.0.6' });
    const b = await login(srv, accounts.sec_b, { localAddress: '127.0.0.6' });
    const first = await postFile(a, `/api/v1/imports/preview?org_id=${branch}`, sheet);
    assert.equal(first.status, 200, first.toString());
    assert.equal(first.json.rows.length, PREVIEW_ROWS);
    const again = await postFile(a, `/api/v1/imports/preview?org_id=${branch}`, sheet);
    assertLimited(again, /身份证号码过多/);
    assert.ok(Number(again.headers['retry-after']) > 60, 'an hour\'s budget refills slowly');
    const other = await postFile(b, `/api/v1/imports/preview?org_id=${branch}`, sheet);
    assert.equal(other.status, 200, `another actor: ${other}`);
  });
});
