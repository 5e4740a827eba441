// Row-level security on PostgreSQL (security.md A6; issue 15 "Second fence on PostgreSQL"): the live server
// connects as a role that is neither a superuser nor BYPASSRLS and owns nothing, and that role, asking with
// raw SQL and no scope, sees no member rows. The scoped behaviour of each flow is the rest of the suite; the
// policies themselves are checked in src/storage/testing/rls_postgres_test.cpp. SQLite: skipped.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BACKEND, startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';

const asServer = (srv, sql) => spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', srv.serveUrl, '-c', sql],
  { encoding: 'utf8' });

describe('A6: row-level security backs the scope on PostgreSQL (gen --scale=test)', { skip: BACKEND !== 'postgres' }, () => {
  let srv, cast;

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
  });
  after(() => srv && srv.stop());

  test('the server\'s connections are a non-superuser role without BYPASSRLS that owns no table', async () => {
    // A request first, so that the pool's connections are certainly open.
    assert.equal((await cast.admin.get('/api/v1/orgs/roots')).status, 200);
    const r = srv.sql(`SELECT DISTINCT r.rolname, r.rolsuper, r.rolbypassrls,
        (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace)
      FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
      WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()`);
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').filter(Boolean).map((l) => l.split('|'));
    assert.ok(rows.length >= 1, 'the server holds connections to its database');
    for (const [role, sup, bypass, owned] of rows) {
      assert.equal(sup, 'f', `${role} is a superuser`);
      assert.equal(bypass, 'f', `${role} has BYPASSRLS`);
      assert.equal(owned, '0', `${role} owns tables (owners skip policies unless forced)`);
    }
  });

  test('a raw SELECT as the server\'s role with no scope returns 0 rows; the system scope sees them', () => {
    const all = srv.sql('SELECT count(*) FROM members');
    assert.equal(all.status, 0, all.stderr);
    assert.ok(Number(all.stdout) > 0, 'the data set has members');
    for (const table of ['members', 'candidates', 'transfers', 'affiliation_history', 'member_status_changes']) {
      const r = asServer(srv, `SELECT count(*) FROM ${table}`);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), '0', table);
    }
    const scoped = asServer(srv, "SET lianxin.scope = '*'; SELECT count(*) FROM members");
    assert.equal(scoped.stdout.trim(), all.stdout.trim());
  });
});
