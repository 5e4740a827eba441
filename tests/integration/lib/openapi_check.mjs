// Issue 16 "Each shape once": every JSON answer the integration suite receives is checked against the
// schema docs/openapi.yaml gives for its route, method and status code. lib/client.mjs calls
// checkAnswer() on each response, so a field the server drops, renames or retypes fails the test that saw
// it, with the path, the status and Ajv's errors.
//
// The document is OpenAPI 3.0 (nullable, example, format int64 …); toJsonSchema() turns a schema into the
// JSON Schema draft-07 Ajv reads. Ajv and ajv-formats are devDependencies of web/ and resolved from there.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseYaml } from './yaml.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const requireWeb = createRequire(path.join(ROOT, 'web/package.json'));

function load(name) {
  try {
    return requireWeb(name);
  } catch (e) {
    throw new Error(`${name} is not installed: run \`npm install\` in web/ (the integration suite checks answers against docs/openapi.yaml with it): ${e.message}`);
  }
}

const DOC_ID = 'lianxin-openapi';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
// OpenAPI keywords that are annotations only (JSON Schema has no such keyword).
const DROP = new Set(['nullable', 'example', 'discriminator', 'xml', 'externalDocs']);

/** An OpenAPI 3.0 schema object as a draft-07 JSON Schema; $refs point into the document registered as DOC_ID. */
export function toJsonSchema(s) {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (DROP.has(k) || k.startsWith('x-')) continue;
    if (k === '$ref') out.$ref = v.replace(/^#\/components\/schemas\//, `${DOC_ID}#/definitions/`);
    else if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v).map(([n, p]) => [n, toJsonSchema(p)]));
    else if (k === 'enum' || k === 'required' || k === 'default') out[k] = v;
    else out[k] = toJsonSchema(v);
  }
  if (s.nullable !== true) return out;
  if (out.type !== undefined && out.$ref === undefined) {
    out.type = [].concat(out.type, 'null');
    if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: 'null' }, out] };
}

function makeAjv(doc) {
  // Loaded here, not at import: lib/client.mjs (and tests/fault through it) import this file for every test.
  const Ajv = load('ajv').default;
  const addFormats = load('ajv-formats').default;
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
  ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  ajv.addFormat('binary', true);
  const definitions = Object.fromEntries(Object.entries(doc.components.schemas).map(([n, s]) => [n, toJsonSchema(s)]));
  ajv.addSchema({ $id: DOC_ID, definitions });
  return ajv;
}

function templateRegex(template, params) {
  const intParams = new Set(params.filter((p) => p.in === 'path' && p.schema && p.schema.type === 'integer').map((p) => p.name));
  const body = template.split(/(\{[a-z_]+\})/).map((part) => {
    const m = /^\{([a-z_]+)\}$/.exec(part);
    if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    return intParams.has(m[1]) ? '[0-9]+' : '[^/]+';
  }).join('');
  return new RegExp(`^${body}$`);
}

/** The path the router sees: no query or fragment, percent-escapes decoded (/api/v1/%75sers is /users). */
function routePath(raw) {
  const p = raw.split(/[?#]/)[0];
  try { return decodeURIComponent(p); } catch { return p; }
}

export class AnswerChecker {
  constructor(docPath = path.join(ROOT, 'docs/openapi.yaml')) {
    this.doc = parseYaml(readFileSync(docPath, 'utf8'));
    this.ajv = makeAjv(this.doc);
    this.cache = new Map();
    this.routes = [];
    for (const [template, item] of Object.entries(this.doc.paths)) {
      const shared = item.parameters || [];
      for (const m of Object.keys(item)) {
        if (!METHODS.includes(m)) continue;
        const op = item[m];
        const params = [...shared, ...(op.parameters || [])].map((p) => this.deref(p));
        this.routes.push({ template, method: m.toUpperCase(), regex: templateRegex(template, params), op,
          literal: !template.includes('{') });
      }
    }
    // A literal path (/members/export) wins over a template that could also match it (/members/{key}).
    this.routes.sort((a, b) => Number(b.literal) - Number(a.literal));
  }

  deref(x) {
    if (!x || !x.$ref) return x;
    let node = this.doc;
    for (const part of x.$ref.slice(2).split('/')) node = node[part];
    return this.deref(node);
  }

  /** The property schemas an object schema declares, through $ref, allOf, anyOf and oneOf; null when it is open. */
  declared(schema) {
    const s = this.deref(schema);
    if (!s || typeof s !== 'object') return new Map();
    if (s.additionalProperties !== undefined && s.additionalProperties !== false) return null;
    const out = new Map();
    for (const [k, v] of Object.entries(s.properties || {})) out.set(k, [v]);
    for (const part of [...(s.allOf || []), ...(s.anyOf || []), ...(s.oneOf || [])]) {
      const more = this.declared(part);
      if (more === null) return null;
      for (const [k, v] of more) out.set(k, [...(out.get(k) || []), ...v]);
    }
    return out;
  }

  /** Paths of the properties of `value` that `schema` does not declare (docs/openapi.yaml is the whole shape). */
  undeclared(schema, value, at = '') {
    const s = this.deref(schema);
    if (!s || value === null || typeof value !== 'object') return [];
    if (Array.isArray(value)) {
      const items = s.items || (s.allOf || []).map((x) => this.deref(x).items).find(Boolean);
      return items ? value.flatMap((v, i) => this.undeclared(items, v, `${at}/${i}`)) : [];
    }
    const props = this.declared(s);
    if (props === null || props.size === 0) return [];
    const out = [];
    for (const [k, v] of Object.entries(value)) {
      if (!props.has(k)) out.push(`${at}/${k}`);
      else for (const sub of props.get(k)) out.push(...this.undeclared(sub, v, `${at}/${k}`));
    }
    return [...new Set(out)];
  }

  validator(key, schema) {
    if (!this.cache.has(key)) this.cache.set(key, this.ajv.compile(toJsonSchema(schema)));
    return this.cache.get(key);
  }

  /** The schema docs/openapi.yaml gives this answer, or a string saying why there is none. */
  schemaFor(method, rawPath, status) {
    const p = routePath(rawPath);
    const route = this.routes.find((r) => r.method === method && r.regex.test(p));
    if (!route) {
      // No such route (404), or the path exists for other methods (405): the common error body.
      if (status === 404 || status === 405 || status === 400 || status === 429)
        return { key: 'Error', schema: { $ref: '#/components/schemas/Error' }, where: `no route (${status})` };
      return `${method} ${p} matches no operation of docs/openapi.yaml, yet answered ${status}`;
    }
    const where = `${route.method} ${route.template} ${status}`;
    const responses = route.op.responses || {};
    let resp = responses[String(status)];
    // info.description: any API route may answer 429 once a request budget is spent.
    if (!resp && status === 429) resp = this.doc.components.responses.TooManyRequests;
    if (!resp) return `${where}: status ${status} is not described (described: ${Object.keys(responses).join(', ')})`;
    resp = this.deref(resp);
    const media = resp.content && resp.content['application/json'];
    if (!media || !media.schema) return `${where}: answered JSON but the document describes no application/json body`;
    return { key: where, schema: media.schema, where };
  }

  /** null when `res` (a lib/client.mjs Res) fits the document, else a message. */
  problem(res) {
    const type = String(res.headers['content-type'] || '');
    if (res.method === 'HEAD' || !/^application\/json\b/.test(type) || !res.raw.length) return null;
    const found = this.schemaFor(res.method, res.path, res.status);
    if (typeof found === 'string') return found;
    let body;
    try { body = JSON.parse(res.raw.toString('utf8')); } catch { return `${found.where}: the body is not JSON`; }
    const validate = this.validator(found.key, found.schema);
    if (validate(body)) {
      const extra = this.undeclared(found.schema, body);
      if (!extra.length) return null;
      return `${res.method} ${res.path} → ${res.status}: properties docs/openapi.yaml does not declare (${found.where}): ${extra.slice(0, 12).join(', ')}\nbody: ${res.raw.toString('utf8').slice(0, 400)}`;
    }
    const errors = validate.errors.slice(0, 12).map((e) => `  ${e.instancePath || '/'} ${e.message}${e.params && e.params.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`);
    return `${res.method} ${res.path} → ${res.status} does not match docs/openapi.yaml (${found.where}):\n${errors.join('\n')}\nbody: ${res.raw.toString('utf8').slice(0, 400)}`;
  }
}

let shared = null;
/** Throws when the answer does not fit docs/openapi.yaml (issue 16). */
export function checkAnswer(res) {
  if (process.env.LIANXIN_OPENAPI_CHECK === '0') return;
  shared ||= new AnswerChecker();
  const msg = shared.problem(res);
  if (msg) throw new Error(`OpenAPI: ${msg}`);
}
