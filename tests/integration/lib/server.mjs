// Test harness: one fresh `lianxin serve` per test file on a free loopback port, with its own temp dir,
// key file and database (a SQLite file, or a new PostgreSQL database when LIANXIN_BACKEND=postgres; the
// runner is then wrapped in scripts/pg, which exports LIANXIN_PG_ADMIN, LIANXIN_TEST_PG (the owner role),
// LIANXIN_TEST_PG_APP (the server's role) and LIANXIN_PG_GRANTS).
//
//   const srv = await startServer({ dataset: 'test' });   // 'test' (gen --scale=test) | 'demo' | 'empty'
//   after(() => srv.stop());
//   srv.url, srv.setupToken, srv.logs(), srv.cli('check'), srv.restart(), srv.sql('UPDATE ...')
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = process.env.LIANXIN_BIN || path.join(ROOT, 'build/lianxin');
export const STATIC_DIR = path.join(ROOT, 'web/dist');
export const BACKEND = process.env.LIANXIN_BACKEND || 'sqlite';

const live = new Set();
const liveDirs = new Set();
// Last resort if a test file dies without running its after() hooks (uncaught error, EPIPE after the
// runner went away, a signal): no server may outlive the test process.
function killAll() {
  for (const child of live) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
  live.clear();
  if (!process.env.LIANXIN_KEEP_TMP) for (const d of liveDirs) rmSync(d, { recursive: true, force: true });
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => { killAll(); process.kill(process.pid, sig); });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The route table as printed by `lianxin routes`. */
export function routeTable() {
  let r;
  for (let attempt = 0; attempt < 5; attempt++) {
    r = spawnSync(BIN, ['routes'], { encoding: 'utf8' });
    if (r.status === 0) return JSON.parse(r.stdout);
    // The binary may be mid-rebuild by a colleague (run.sh uses a private copy to avoid that).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
  throw new Error(`lianxin routes failed (${r.status}, ${r.signal}): ${r.stderr} ${r.error || ''}`);
}

// The same server and role as `base` (a libpq URL), on database `dbname`.
function pgUrlFor(dbname, base = process.env.LIANXIN_TEST_PG) {
  if (!base) throw new Error('LIANXIN_BACKEND=postgres needs LIANXIN_TEST_PG (run through scripts/pg)');
  // WHATWG URL cannot hold "postgresql://user@/db?host=/socket/dir": swap the database name textually.
  const m = /^(postgres(?:ql)?:\/\/[^/?]*\/)([^?]*)(.*)$/.exec(base);
  if (!m) throw new Error(`cannot read the database name in LIANXIN_TEST_PG=${base}`);
  return m[1] + dbname + m[3];
}

function psql(url, sql) {
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', url, '-c', sql], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI once against this database; returns {status, stdout, stderr}. */
function runCli(env, dbUrl, args) {
  const r = spawnSync(BIN, ['--db', dbUrl, ...args], { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout || '', stderr: r.stderr || '' };
}

async function startServerUnguarded(opts, undo) {
  const { dataset = 'test', cookieSecure = false, env: extraEnv = {}, staticDir = STATIC_DIR } = opts;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lxit-'));
  liveDirs.add(dir);
  undo.push(() => { rmSync(dir, { recursive: true, force: true }); liveDirs.delete(dir); });
  const env = { ...process.env, LIANXIN_SECURITY_KEY_FILE: path.join(dir, 'lx.key'), ...extraEnv };
  for (const k of Object.keys(env)) {
    // A developer's own configuration must not leak into the test server.
    if (/^LIANXIN_(SERVER|DATABASE|LIMITS|LOG|OTP)_/.test(k) && !(k in extraEnv)) delete env[k];
  }
  if (!cookieSecure) env.LIANXIN_SERVER_COOKIE_SECURE = 'false';

  // PostgreSQL (scripts/pg; security.md A6): the preparing CLI and srv.cli() run as the database's owner role,
  // `serve` as the app role that owns nothing (row-level security holds for both), srv.sql() as the superuser.
  let dbUrl, serveUrl, adminUrl, pgDb = null;
  if (BACKEND === 'postgres') {
    pgDb = 'lx_' + randomBytes(6).toString('hex');
    const owner = process.env.LIANXIN_PG_OWNER;
    const r = psql(process.env.LIANXIN_PG_ADMIN, `CREATE DATABASE ${pgDb}${owner ? ` OWNER ${owner}` : ''}`);
    if (r.status !== 0) throw new Error(`CREATE DATABASE failed: ${r.stderr}`);
    undo.push(() => psql(process.env.LIANXIN_PG_ADMIN, `DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`));
    adminUrl = pgUrlFor(pgDb, process.env.LIANXIN_PG_ADMIN);
    if (process.env.LIANXIN_PG_GRANTS) {
      const g = psql(adminUrl, process.env.LIANXIN_PG_GRANTS);
      if (g.status !== 0) throw new Error(`granting the app role failed: ${g.stderr}`);
    }
    dbUrl = pgUrlFor(pgDb);
    serveUrl = pgUrlFor(pgDb, process.env.LIANXIN_TEST_PG_APP || process.env.LIANXIN_TEST_PG);
  } else {
    dbUrl = 'sqlite:' + path.join(dir, 'lx.db');
    serveUrl = dbUrl;
    adminUrl = dbUrl;
  }

  const prepLog = [];
  const prep = (args) => {
    const r = runCli(env, dbUrl, args);
    prepLog.push(r.stdout, r.stderr);
    if (r.status !== 0) throw new Error(`lianxin ${args.join(' ')} failed (${r.status}): ${r.stdout}${r.stderr}`);
    return r.stdout;
  };
  let out;
  if (dataset === 'demo') out = prep(['demo', '--no-serve']);
  else if (dataset === 'test') { prep(['gen', '--scale=test']); out = prep(['init']); }
  else out = prep(['init', '--org-name', '中共测试街道工作委员会', '--org-type', 'street_working_committee']);
  const m = /#\/setup\?token=([A-Za-z0-9_-]+)/.exec(out);
  const setupToken = m ? m[1] : null;

  const logChunks = [];
  let child = null, port = 0;

  // restart() keeps the port when it can, so that clients made before it go on working.
  async function launch(preferred = 0) {
    for (let attempt = 0; attempt < 5; attempt++) {
      port = attempt === 0 && preferred ? preferred : await freePort();
      const args = ['--db', serveUrl, '--port', String(port), '--static', staticDir, 'serve'];
      const c = spawn(BIN, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      live.add(c);
      const started = await new Promise((resolve) => {
        let seen = '';
        const onData = (d) => {
          seen += d.toString();
          if (seen.includes('serving:')) resolve(true);
        };
        c.stdout.on('data', (d) => { logChunks.push(d.toString()); onData(d); });
        c.stderr.on('data', (d) => { logChunks.push(d.toString()); });
        c.on('exit', () => resolve(false));
      });
      if (started) { child = c; return; }
      live.delete(c);
      if (!/cannot listen/.test(logChunks.join(''))) break;
    }
    throw new Error(`lianxin serve did not start:\n${logChunks.join('')}`);
  }

  async function stopChild() {
    if (!child) return null;
    const c = child;
    child = null;
    if (c.exitCode !== null || c.signalCode !== null) { live.delete(c); return c.exitCode; }
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => c.kill('SIGKILL'), 20000);  // a hung server must not hang the suite
      c.on('exit', (codeValue) => { clearTimeout(timer); resolve(codeValue); });
      c.kill('SIGTERM');
    });
    live.delete(c);
    return code;
  }

  await launch();
  let stopped = false;
  const srv = {
    backend: BACKEND,
    dir,
    dbUrl,
    /** The URL `serve` connects with (PostgreSQL: the app role, which owns nothing; SQLite: dbUrl). */
    serveUrl,
    setupToken,
    get port() { return port; },
    get url() { return `http://127.0.0.1:${port}`; },
    get pid() { return child ? child.pid : null; },
    /** Everything the serve process(es) wrote to stdout and stderr so far. */
    logs: () => logChunks.join(''),
    /** Output of the preparing commands (demo/gen/init); they print the set-up link by design. */
    prepLogs: () => prepLog.join(''),
    /** Graceful stop (SIGTERM); resolves to the exit code. The database is kept for restart(). */
    halt: () => stopChild(),
    restart: async () => { await stopChild(); await launch(port); },
    cli: (...args) => runCli(env, dbUrl, args),
    /** Raw SQL against the database (sqlite3 CLI, or psql as the superuser, which sees every row); returns {status, stdout, stderr}. */
    sql: (statement) => {
      if (BACKEND === 'postgres') return psql(adminUrl, statement);
      const r = spawnSync('sqlite3', ['-bail', dbUrl.slice('sqlite:'.length), statement], { encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    /** Stops the server and removes its directory and database. Safe to call twice. */
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const code = await stopChild();
      if (pgDb) psql(process.env.LIANXIN_PG_ADMIN, `DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`);
      if (!process.env.LIANXIN_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
      liveDirs.delete(dir);
      return code;
    },
  };
  return srv;
}

/** startServer() that leaves nothing behind (directory, database) when it fails half-way. */
export async function startServer(opts = {}) {
  const undo = [];
  try {
    return await startServerUnguarded(opts, undo);
  } catch (e) {
    for (const f of undo.reverse()) {
      try { f(); } catch { /* best effort */ }
    }
    throw e;
  }
}
