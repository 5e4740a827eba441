// Response headers over the whole route table and the static web app (security.md C6 header set, C7/C8
// method strictness and banners): CSP without 'unsafe-inline' for scripts and with frame-ancestors 'none',
// nosniff, Referrer-Policy, no version in Server, Cache-Control: no-store on /api; HEAD works on every GET
// route; an unknown /api path is a JSON 404.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BACKEND, routeTable, startServer } from './lib/server.mjs';
import { Client, loginAdmin } from './lib/client.mjs';

function parseCsp(value) {
  const out = {};
  for (const part of value.split(';').map((s) => s.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    out[name.toLowerCase()] = sources;
  }
  return out;
}

function checkHeaders(r, { api }) {
  const where = `${r.method} ${r.path} (${r.status})`;
  const h = r.headers;
  assert.ok(h['content-security-policy'], `${where}: Content-Security-Policy`);
  const csp = parseCsp(h['content-security-policy']);
  const script = csp['script-src'] || csp['default-src'];
  assert.ok(script, `${where}: script-src or default-src`);
  assert.ok(!script.includes("'unsafe-inline'"), `${where}: script-src without 'unsafe-inline'`);
  assert.ok(!script.includes("'unsafe-eval'"), `${where}: script-src without 'unsafe-eval'`);
  assert.ok(!script.includes('*') && !script.includes('data:'), `${where}: no wildcard or data: scripts`);
  assert.deepEqual(csp['frame-ancestors'], ["'none'"], `${where}: frame-ancestors 'none'`);
  assert.deepEqual(csp['object-src'], ["'none'"], `${where}: object-src 'none'`);
  assert.equal(h['x-content-type-options'], 'nosniff', `${where}: nosniff`);
  assert.ok(h['referrer-policy'], `${where}: Referrer-Policy`);
  assert.match(h['referrer-policy'], /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  if (h.server !== undefined) {
    assert.doesNotMatch(h.server, /\d/, `${where}: no version in Server (${h.server})`);
    assert.doesNotMatch(h.server, /restinio|asio|boost/i, `${where}: no framework banner`);
  }
  assert.equal(h['x-powered-by'], undefined, `${where}: no X-Powered-By`);
  assert.ok(h['x-request-id'], `${where}: X-Request-Id`);
  if (api) assert.match(h['cache-control'] || '', /no-store/, `${where}: Cache-Control no-store`);
}

const fill = (pattern) => pattern.replace(/:[a-z_]+/g, '1');
// Routes whose 2xx answer is a file (docs/api.md "Import and export"): an attachment, never sniffed or cached.
const FILE_ROUTES = new Set(['/api/v1/imports/template', '/api/v1/imports/orgs/template', '/api/v1/members/export',
  '/api/v1/grids/export', '/api/v1/hotline-imports/template']);
const FILE_TYPES = /^(application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|text\/csv; charset=utf-8|application\/geo\+json; charset=utf-8)$/;

describe('headers on every route (security.md C6, C7)', () => {
  let srv, admin;
  const routes = routeTable();
  before(async () => {
    srv = await startServer({ dataset: 'test' });
    ({ client: admin } = await loginAdmin(srv));
  });
  after(() => srv && srv.stop());

  test('the route table is not empty and every path is under /api/v1 or a health probe', () => {
    assert.ok(routes.length >= 29, `${routes.length} routes`);
    for (const r of routes) assert.match(r.path, /^(\/api\/v1\/|\/open311\/v2\/|\/healthz$|\/readyz$)/);
  });

  test('every route, as admin and anonymous, carries the security header set', async () => {
    const anon = new Client(srv.url);
    for (const route of routes) {
      const path = fill(route.path) + (route.path === '/api/v1/setup' && route.method === 'GET' ? '?token=x' : '');
      if (route.method === 'GET') {
        const r = await admin.get(path);
        assert.ok(r.status < 500, r.toString());
        checkHeaders(r, { api: true });
        if (r.status < 300 && FILE_ROUTES.has(route.path)) {
          assert.match(r.headers['content-type'], FILE_TYPES, `${route.path}: a file`);
          assert.match(r.headers['content-disposition'] || '', /^attachment; /, `${route.path}: an attachment`);
        } else if (r.status < 300 || r.status >= 400) {
          assert.match(r.headers['content-type'], /^application\/json/, r.toString());
        }
      }
      // Unsafe routes are called anonymously (401, or 400/404 on public ones): error answers need the headers too.
      const a = await anon.request(route.method, path);
      assert.ok(a.status >= 200 && a.status < 500, a.toString());
      if (route.access !== 'public') assert.equal(a.status, 401, `${route.method} ${route.path} anonymous: ${a}`);
      checkHeaders(a, { api: true });
    }
  });

  test('HEAD on every GET route answers like GET without a body', async () => {
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const path = fill(route.path);
      const g = await admin.get(path);
      const h = await admin.head(path);
      assert.equal(h.status, g.status, `HEAD ${path}: ${h.status} vs GET ${g.status}`);
      assert.equal(h.raw.length, 0, `HEAD ${path} has no body`);
      assert.equal(h.headers['content-type'], g.headers['content-type'], `HEAD ${path}: same Content-Type`);
      checkHeaders(h, { api: true });
    }
  });

  test('static files carry the header set (and are not no-store); HEAD works', async () => {
    const index = await admin.get('/');
    assert.equal(index.status, 200);
    assert.match(index.headers['content-type'], /^text\/html/);
    checkHeaders(index, { api: false });
    const asset = /src="(?:\.?\/)?(assets\/[^"]+\.js)"/.exec(index.text);
    assert.ok(asset, 'index.html references a script under assets/');
    const js = await admin.get('/' + asset[1]);
    assert.equal(js.status, 200);
    assert.match(js.headers['content-type'], /^text\/javascript/);
    checkHeaders(js, { api: false });
    const head = await admin.head('/index.html');
    assert.equal(head.status, 200);
    assert.equal(head.raw.length, 0);
    checkHeaders(head, { api: false });
    const missing = await admin.get('/no-such-file.js');
    assert.equal(missing.status, 404);
    checkHeaders(missing, { api: false });
  });

  test('inline scripts in index.html would be blocked by the CSP: the page has none', async () => {
    const index = await admin.get('/index.html');
    const inline = [...index.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) =>
      !/\bsrc=/.test(attrs) && body.trim() !== '');
    assert.equal(inline.length, 0, 'no inline <script> blocks');
    assert.doesNotMatch(index.text, /\son[a-z]+=/i, 'no inline event handlers');
  });

  test('unknown /api paths and URL variants → JSON 404 not_found (also for anonymous callers)', async () => {
    const anon = new Client(srv.url);
    const paths = ['/api/v1/nope', '/api/v2/users', '/api/v1/users/abc', '/api/v1/users/1/grants/x', '/API/v1/users',
      '/api/v1//users', '/api/v1/users/', '/api/v1/users/1/', '/api/v1/orgs/roots/', '/api/v1/users.json',
      '/api/v1/users;x=1', '/api/v1/users/1/grants/1/x', '/api/', '/api', '/api/v1/Users', '/healthz/'];
    for (const c of [admin, anon]) {
      for (const p of paths) {
        const r = await c.get(p);
        assert.equal(r.status, 404, r.toString());
        assert.match(r.headers['content-type'], /^application\/json/, p);
        assert.equal(r.error.code, 'not_found', p);
        checkHeaders(r, { api: p.startsWith('/api/') });
      }
    }
  });

  test('health probes answer without a session (on the backend asked for)', async () => {
    assert.match(srv.logs(), BACKEND === 'postgres' ? /serving:.*\(postgres/ : /serving:.*\(sqlite\)/, 'the server runs on LIANXIN_BACKEND');
    const anon = new Client(srv.url);
    const h = await anon.get('/healthz');
    assert.equal(h.status, 200);
    assert.deepEqual(h.json, { status: 'ok' });
    const r = await anon.get('/readyz');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { status: 'ready' });
  });
});
