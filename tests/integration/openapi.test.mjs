// design.md §5: "Every route is described in a checked-in OpenAPI document that a test compares with the
// route table." Compares docs/openapi.yaml with `lianxin routes` (":id" ↔ "{id}") and checks the document's
// shape: path parameters declared, JSON bodies where the route takes one, each route's permission (x-permission), public routes without security,
// every $ref resolvable, error answers using the Error schema. No server needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, routeTable } from './lib/server.mjs';
import { parseYaml } from './lib/yaml.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const doc = parseYaml(readFileSync(path.join(ROOT, 'docs/openapi.yaml'), 'utf8'));
const routes = routeTable();
const toOpenApi = (p) => p.replace(/:([a-z_]+)/g, '{$1}');

function operations() {
  const out = [];
  for (const [p, item] of Object.entries(doc.paths))
    for (const m of Object.keys(item)) if (METHODS.includes(m)) out.push({ path: p, method: m.toUpperCase(), item, op: item[m] });
  return out;
}

function resolve(ref) {
  assert.match(ref, /^#\//, `only local refs: ${ref}`);
  let node = doc;
  for (const part of ref.slice(2).split('/')) {
    assert.ok(node && Object.prototype.hasOwnProperty.call(node, part), `unresolvable $ref ${ref}`);
    node = node[part];
  }
  return node;
}
const deref = (x) => (x && x.$ref ? resolve(x.$ref) : x);

test('openapi.yaml is OpenAPI 3.0.3 with info, paths and components', () => {
  assert.equal(doc.openapi, '3.0.3');
  assert.ok(doc.info && doc.info.title && doc.info.version);
  assert.ok(doc.paths && Object.keys(doc.paths).length > 0);
  assert.ok(doc.components && doc.components.schemas && doc.components.securitySchemes);
});

test('design §5: the (method, path) set of openapi.yaml equals the route table of `lianxin routes`', () => {
  const documented = new Set(operations().map((o) => `${o.method} ${o.path}`));
  const served = new Set(routes.map((r) => `${r.method} ${toOpenApi(r.path)}`));
  const undocumented = [...served].filter((k) => !documented.has(k));
  const phantom = [...documented].filter((k) => !served.has(k));
  assert.deepEqual(undocumented, [], `routes missing from docs/openapi.yaml: ${undocumented.join(', ')}`);
  assert.deepEqual(phantom, [], `operations in docs/openapi.yaml that the server does not serve: ${phantom.join(', ')}`);
});

test('every operation has a summary, a unique operationId, tags and a 2xx response', () => {
  const ids = new Set();
  for (const { path: p, method, op } of operations()) {
    const where = `${method} ${p}`;
    assert.ok(op.summary && op.summary.length > 3, `${where}: summary`);
    assert.ok(op.operationId, `${where}: operationId`);
    assert.ok(!ids.has(op.operationId), `${where}: duplicate operationId ${op.operationId}`);
    ids.add(op.operationId);
    assert.ok(Array.isArray(op.tags) && op.tags.length, `${where}: tags`);
    const codes = Object.keys(op.responses || {});
    assert.ok(codes.some((c) => /^2\d\d$/.test(c)), `${where}: a 2xx response`);
    for (const c of codes) assert.match(c, /^[1-5]\d\d$/, `${where}: response code ${c}`);
  }
});

test('path parameters are declared (in: path, required) and match the path template', () => {
  for (const { path: p, method, item, op } of operations()) {
    const params = [...(item.parameters || []), ...(op.parameters || [])].map(deref);
    const declared = params.filter((x) => x.in === 'path').map((x) => x.name).sort();
    const template = [...p.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(declared, template, `${method} ${p}: path parameters`);
    for (const x of params) {
      assert.ok(x.name && x.in && x.schema, `${method} ${p}: parameter needs name, in, schema`);
      if (x.in === 'path') assert.equal(x.required, true, `${method} ${p}: path parameter ${x.name} is required`);
    }
  }
});

test('routes that take a JSON body or a file document it; others document none', () => {
  for (const r of routes) {
    const op = doc.paths[toOpenApi(r.path)][r.method.toLowerCase()];
    const where = `${r.method} ${r.path}`;
    if (r.body === 'json') {
      assert.ok(op.requestBody, `${where}: requestBody`);
      const schema = deref(op.requestBody.content['application/json'].schema);
      assert.equal(schema.type, 'object', `${where}: a JSON object body`);
      assert.equal(schema.additionalProperties, false, `${where}: unknown fields are refused (security.md A7)`);
    } else if (r.body === 'file') {
      assert.ok(op.requestBody && op.requestBody.content['application/octet-stream'], `${where}: a file body`);
    } else if (r.body === 'form') {  // Open311's POST (issue 17 "Open interfaces")
      assert.ok(op.requestBody && op.requestBody.content['application/x-www-form-urlencoded'], `${where}: a form body`);
    } else {
      assert.equal(op.requestBody, undefined, `${where}: no requestBody`);
    }
  }
});

// Issue 16 "Each shape once": the route table carries each route's permission; the document names it as
// x-permission on every operation (none where any caller, any session or any signed-in user may call it).
test('every operation names the permission of its route (x-permission)', () => {
  const known = new Set(doc.components.schemas.Permission.enum);
  for (const r of routes) {
    const op = doc.paths[toOpenApi(r.path)][r.method.toLowerCase()];
    const where = `${r.method} ${r.path}`;
    assert.equal(op['x-permission'], r.permission ?? 'none', `${where}: x-permission`);
    if (r.permission) {
      assert.ok(known.has(r.permission), `${where}: ${r.permission} is a Permission`);
      assert.equal(r.access, 'authenticated', `${where}: a permission needs a signed-in caller`);
      assert.ok(op.responses['403'], `${where}: documents 403`);
    }
  }
});

test('public routes are marked security: []; the others inherit the session schemes', () => {
  assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['bearerAuth', 'cookieAuth']);
  for (const r of routes) {
    const op = doc.paths[toOpenApi(r.path)][r.method.toLowerCase()];
    if (r.access === 'public') assert.deepEqual(op.security, [], `${r.method} ${r.path}: security []`);
    else {
      assert.equal(op.security, undefined, `${r.method} ${r.path}: needs a session`);
      assert.ok(op.responses['401'], `${r.method} ${r.path}: documents 401`);
      if (r.method !== 'GET') {
        const names = (op.parameters || []).map(deref).map((x) => x.name);
        assert.ok(names.includes('X-CSRF-Token'), `${r.method} ${r.path}: documents X-CSRF-Token`);
      }
    }
  }
});

test('every $ref resolves and every error response uses the Error schema', () => {
  const walk = (node, where) => {
    if (Array.isArray(node)) return node.forEach((x, k) => walk(x, `${where}/${k}`));
    if (!node || typeof node !== 'object') return;
    if (node.$ref) resolve(node.$ref);
    for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
  };
  walk(doc, '#');
  for (const { path: p, method, op } of operations()) {
    for (const [code, resp] of Object.entries(op.responses)) {
      if (!/^[45]/.test(code)) continue;
      const schema = deref(resp).content['application/json'].schema;
      // Open311 answers its errors in the spec's shape, [{code, description}] (issue 17 "Open interfaces").
      const shape = p.startsWith('/open311/') ? 'Open311Errors' : 'Error';
      assert.equal(schema.$ref, `#/components/schemas/${shape}`, `${method} ${p} ${code}: ${shape} schema`);
    }
  }
});
