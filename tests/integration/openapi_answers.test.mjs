// Issue 16 "Each shape once": the integration runner checks every JSON answer against its OpenAPI schema
// (lib/openapi_check.mjs, called from lib/client.mjs). This file holds the check itself to account — it
// catches a missing, retyped or undeclared field, an undescribed status and a stray body on no route, and
// matches concrete URLs to their path templates — and keeps the document strict enough for that: every
// object a response describes declares its properties and lists the required ones. No server needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnswerChecker } from './lib/openapi_check.mjs';
import { Res } from './lib/client.mjs';

const checker = new AnswerChecker();
const JSON_TYPE = { 'content-type': 'application/json' };
const answer = (method, path, status, body, headers = JSON_TYPE) =>
  new Res(status, headers, Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), method, path);
const problem = (...args) => checker.problem(answer(...args));

const grant = { id: 3, role: 'org_admin', role_name: '组织管理员', org_id: 2, org_name: '海发社区党委', permissions: ['org_read'] };
const session = {
  user: { id: 1, username: 'admin', display_name: '系统管理员', member_id: null },
  csrf_token: 'tok', mfa: 'ok', grants: [grant], permissions: ['org_read'],
};
const error = (code) => ({ error: { code, message: 'x', request_id: 'r1', fields: [] } });

test('an answer that fits its operation passes', () => {
  assert.equal(problem('GET', '/api/v1/auth/session', 200, session), null);
  assert.equal(problem('GET', '/api/v1/users/12', 404, error('not_found')), null);
  assert.equal(problem('GET', '/healthz', 200, { status: 'ok' }), null);
});

test('a missing required property, a wrong type or a value outside the enum fails, naming path and status', () => {
  const { csrf_token: _drop, ...noToken } = session;
  const missing = problem('GET', '/api/v1/auth/session', 200, noToken);
  assert.match(missing, /GET \/api\/v1\/auth\/session → 200/);
  assert.match(missing, /GET \/api\/v1\/auth\/session 200/);
  assert.match(missing, /must have required property 'csrf_token'/);
  assert.match(problem('GET', '/api/v1/auth/session', 200, { ...session, user: { ...session.user, id: '1' } }), /\/user\/id must be integer/);
  assert.match(problem('GET', '/api/v1/auth/session', 200, { ...session, mfa: 'maybe' }), /\/mfa must be equal to one of the allowed values/);
  assert.match(problem('GET', '/api/v1/auth/session', 200, { ...session, grants: [{ ...grant, role_name: undefined }] }),
    /\/grants\/0 must have required property 'role_name'/);
});

test('a property the schema does not declare fails (the document is the whole shape)', () => {
  const msg = problem('GET', '/api/v1/auth/session', 200, { ...session, grants: [{ ...grant, secret: 1 }], extra: true });
  assert.match(msg, /does not declare/);
  assert.match(msg, /\/grants\/0\/secret/);
  assert.match(msg, /\/extra/);
});

test('a status the operation does not list fails; 429 is allowed everywhere with the Error body', () => {
  assert.match(problem('GET', '/api/v1/auth/session', 418, error('internal')), /status 418 is not described/);
  assert.equal(problem('GET', '/api/v1/auth/session', 429, error('too_many_requests')), null);
  assert.match(problem('GET', '/api/v1/auth/session', 429, { retry: 5 }), /must have required property 'error'/);
});

test('a path on no route must answer the Error body; non-JSON and HEAD answers are not checked', () => {
  assert.equal(problem('GET', '/api/v1/nowhere', 404, error('not_found')), null);
  assert.match(problem('GET', '/api/v1/nowhere', 404, { items: [] }), /must have required property 'error'/);
  assert.match(problem('GET', '/api/v1/nowhere', 200, { items: [] }), /matches no operation/);
  assert.equal(problem('GET', '/', 200, '<!doctype html>', { 'content-type': 'text/html' }), null);
  assert.equal(problem('HEAD', '/api/v1/auth/session', 200, ''), null);
});

test('concrete URLs find their template: literal paths first, integer ids digits only, query, fragment and escapes stripped', () => {
  const where = (m, p, s) => checker.schemaFor(m, p, s).where;
  assert.equal(where('GET', '/api/v1/members/export?format=csv', 400), 'GET /api/v1/members/export 400');
  assert.equal(where('GET', '/api/v1/members/42?x=1', 200), 'GET /api/v1/members/{id} 200');
  assert.equal(where('GET', '/api/v1/%75sers#x', 200), 'GET /api/v1/users 200');
  assert.equal(where('GET', '/api/v1/members/abc', 404), 'no route (404)');
});

test('every object a response describes declares its properties and lists the required ones (so the web types are exact)', () => {
  const { doc } = checker;
  const loose = [];
  const seen = new Set();
  const walk = (s, at) => {
    if (!s || typeof s !== 'object') return;
    if (s.$ref) {
      if (!seen.has(s.$ref)) { seen.add(s.$ref); walk(checker.deref(s), s.$ref); }
      return;
    }
    if (s.properties && !s.required) loose.push(`${at}: no required list`);
    const composed = s.allOf || s.anyOf || s.oneOf;
    if (s.type === 'object' && !s.properties && !composed && s.additionalProperties === undefined) loose.push(`${at}: no properties`);
    for (const [k, v] of Object.entries(s.properties || {})) walk(v, `${at}/properties/${k}`);
    if (s.items) walk(s.items, `${at}/items`);
    for (const key of ['allOf', 'anyOf', 'oneOf']) (s[key] || []).forEach((x, i) => walk(x, `${at}/${key}/${i}`));
  };
  for (const [p, item] of Object.entries(doc.paths))
    for (const [m, op] of Object.entries(item))
      for (const [code, r] of Object.entries((op && op.responses) || {})) {
        const media = (checker.deref(r).content || {})['application/json'];
        if (media) walk(media.schema, `${m.toUpperCase()} ${p} ${code}`);
      }
  assert.deepEqual(loose, [], 'response objects without properties or a required list');
});
