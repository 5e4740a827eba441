// HTTP client for the integration tests: node:http (so that paths go out exactly as written, e.g.
// "/../etc/passwd", and a source address can be chosen), a cookie jar, the CSRF header on unsafe methods,
// JSON helpers, the check of every JSON answer against docs/openapi.yaml (lib/openapi_check.mjs), RFC 6238
// TOTP, and account helpers (first admin, users through set-up links, logins with the second factor).
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import assert from 'node:assert/strict';
import { checkAnswer } from './openapi_check.mjs';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class Client {
  constructor(baseUrl, { localAddress, lang } = {}) {
    this.base = new URL(baseUrl);
    this.localAddress = localAddress;
    this.lang = lang;
    this.cookies = new Map();
    this.csrf = null;
    this.bearer = null;
    this.session = null;
    this.last = null;
  }

  /**
   * request('POST', '/api/v1/users', { json: {...} })
   * options: json (object, sent as application/json), body (string|Buffer, sent raw), headers,
   * csrf (false = omit, string = send that value), cookies (false = send none).
   */
  request(method, path, opts = {}) {
    const headers = { ...(opts.headers || {}) };
    let body = null;
    if (opts.json !== undefined) {
      body = Buffer.from(JSON.stringify(opts.json));
      if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';
    } else if (opts.body !== undefined) {
      body = Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
    }
    if (body) headers['Content-Length'] = String(body.length);
    if (this.lang && !hasHeader(headers, 'accept-language')) headers['Accept-Language'] = this.lang;
    if (this.bearer && !hasHeader(headers, 'authorization')) headers.Authorization = `Bearer ${this.bearer}`;
    if (opts.cookies !== false && this.cookies.size && !hasHeader(headers, 'cookie'))
      headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (UNSAFE.has(method) && opts.csrf !== false && !hasHeader(headers, 'x-csrf-token')) {
      const token = typeof opts.csrf === 'string' ? opts.csrf : this.csrf;
      if (token) headers['X-CSRF-Token'] = token;
    }
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: this.base.hostname,
        port: this.base.port,
        method,
        path,
        headers,
        localAddress: this.localAddress,
        agent: false,
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const r = new Res(res.statusCode, res.headers, Buffer.concat(chunks), method, path);
          try { checkAnswer(r); } catch (e) { reject(e); return; }
          this.absorb(r);
          this.last = r;
          resolve(r);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  }

  get(path, opts) { return this.request('GET', path, opts); }
  head(path, opts) { return this.request('HEAD', path, opts); }
  post(path, json, opts = {}) { return this.request('POST', path, json === undefined ? opts : { ...opts, json }); }
  del(path, opts) { return this.request('DELETE', path, opts); }

  absorb(r) {
    for (const line of r.setCookies) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq), value = pair.slice(eq + 1);
      const gone = !value || attrs.some((a) => /^max-age=0$/i.test(a));
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const j = r.json;
    if (j && typeof j === 'object' && typeof j.csrf_token === 'string') {
      this.csrf = j.csrf_token;
      this.session = j;
    }
  }

  /** The session cookie's value (lx_sid or __Host-lx_sid). */
  get sessionToken() {
    for (const [k, v] of this.cookies) if (/lx_sid$/.test(k)) return v;
    return null;
  }

  /** GETs every page of a list route and returns all items. */
  async all(path, limit = 200) {
    const items = [];
    let cursor = null;
    for (let i = 0; i < 10000; i++) {
      const sep = path.includes('?') ? '&' : '?';
      const r = await this.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(r.status, 200, `${path}: ${r.text}`);
      items.push(...r.json.items);
      cursor = r.json.next_cursor;
      if (!cursor) return items;
    }
    throw new Error('pagination did not end');
  }
}

export class Res {
  constructor(status, headers, raw, method, path) {
    this.status = status;
    this.headers = headers;
    this.raw = raw;
    this.method = method;
    this.path = path;
  }
  get text() { return this.raw.toString('utf8'); }
  get json() {
    if (this._json === undefined) {
      try { this._json = this.raw.length ? JSON.parse(this.text) : null; } catch { this._json = null; }
    }
    return this._json;
  }
  get setCookies() {
    const v = this.headers['set-cookie'];
    return v ? (Array.isArray(v) ? v : [v]) : [];
  }
  get error() { return this.json && this.json.error; }
  fieldNames() { return ((this.error && this.error.fields) || []).map((f) => f.field); }
  toString() { return `${this.method} ${this.path} → ${this.status} ${this.text.slice(0, 300)}`; }
}

function hasHeader(h, name) { return Object.keys(h).some((k) => k.toLowerCase() === name); }

// ---- TOTP (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits) -------------------------------------------------

export function base32Decode(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const out = [];
  for (const ch of s.replace(/=+$/, '').toUpperCase()) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`bad base32 character ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totp(secret, step) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const off = mac[mac.length - 1] & 0x0f;
  const n = ((mac[off] & 0x7f) << 24) | (mac[off + 1] << 16) | (mac[off + 2] << 8) | mac[off + 3];
  return String(n % 1000000).padStart(6, '0');
}

export const currentStep = () => Math.floor(Date.now() / 30000);

/**
 * The next code this admin may use: the server accepts steps now-1..now+1 but only above the last step
 * it accepted, so take max(now, last+1). Only a third login in one 30-s window has to wait.
 */
export async function nextCode(account) {
  let step = Math.max(currentStep(), (account.lastStep || 0) + 1);
  if (step > currentStep() + 1) {
    await new Promise((r) => setTimeout(r, (step - 1) * 30000 - Date.now() + 50));
    step = Math.max(currentStep(), (account.lastStep || 0) + 1);
  }
  account.lastStep = step;
  return totp(account.totpSecret, step);
}

// ---- accounts ---------------------------------------------------------------------------------------

export const ADMIN_ROLES = new Set(['sys_admin', 'sec_admin', 'audit_admin']);

export function strongPassword(tag = '') {
  return `Lx${tag}-${randomBytes(12).toString('base64url')}-9!`;
}

/** Spends the first-admin link of `srv`; returns the account of the root sys_admin. */
export async function setupFirstAdmin(srv, { username = 'sysadmin', display_name = '系统管理员' } = {}) {
  const password = strongPassword('A');
  const c = new Client(srv.url);
  const r = await c.post('/api/v1/setup', { token: srv.setupToken, username, display_name, password });
  assert.equal(r.status, 201, r.toString());
  return { username, display_name, password, admin: true, role: 'sys_admin' };
}

/**
 * Logs `account` in; for admin roles completes TOTP enrolment (first time) or verification.
 * Returns a Client whose session has mfa none|ok.
 */
export async function login(srv, account, { localAddress, lang } = {}) {
  const c = new Client(srv.url, { localAddress, lang });
  const r = await c.post('/api/v1/auth/login', { username: account.username, password: account.password });
  assert.equal(r.status, 200, `login ${account.username}: ${r}`);
  if (r.json.mfa === 'enroll') {
    const e = await c.post('/api/v1/auth/totp/enroll');
    assert.equal(e.status, 200, e.toString());
    account.totpSecret = e.json.secret;
  }
  if (r.json.mfa === 'enroll' || r.json.mfa === 'verify') {
    const v = await c.post('/api/v1/auth/totp/verify', { code: await nextCode(account) });
    assert.equal(v.status, 200, `totp ${account.username}: ${v}`);
    assert.equal(v.json.mfa, 'ok');
  }
  c.account = account;
  return c;
}

/** The brief's loginAdmin(): first-admin set-up + login + TOTP. Returns {client, account}. */
export async function loginAdmin(srv, opts) {
  const account = await setupFirstAdmin(srv, opts);
  const client = await login(srv, account);
  return { client, account };
}

/** Spends the set-up link `token` with `password` (unless activate is false); fills the account's password. */
async function activateAccount(srv, account, token, { password, activate }) {
  if (!activate) return account;
  const s = await new Client(srv.url).post('/api/v1/setup', { token, password });
  assert.equal(s.status, 201, `setup ${account.username}: ${s}`);
  account.password = password;
  return account;
}

const tokenOf = (link) => /token=([A-Za-z0-9_-]+)/.exec(link)[1];

/**
 * Creates a user through `admin` (POST /users) and sets its password through the returned set-up link.
 * Returns the account {id, username, password, role, org_id, setupToken}. A member's account is opened by the
 * member's org instead (openMemberAccount).
 */
export async function createUser(srv, admin, spec, { password = strongPassword('U'), activate = true } = {}) {
  const body = { username: spec.username, display_name: spec.display_name || spec.username, role: spec.role,
    org_id: spec.org_id };
  // narrowed grants (issue 17): a grid worker's grids, a unit liaison's member unit
  if (spec.grid_ids) body.grid_ids = spec.grid_ids;
  if (spec.overlay_unit_id) body.overlay_unit_id = spec.overlay_unit_id;
  const r = await admin.post('/api/v1/users', body);
  assert.equal(r.status, 201, `create ${spec.username}: ${r}`);
  const token = tokenOf(r.json.setup_link);
  const account = { ...body, id: r.json.user.id, user: r.json.user, setupToken: token,
    admin: ADMIN_ROLES.has(spec.role) };
  return activateAccount(srv, account, token, { password, activate });
}

/**
 * Opens the account of member `memberId` through `writer` (member_write on the member's org; POST
 * /members/{id}/account, issue 15 defect 2) and sets its password through the link. Returns the account
 * {id, username, password, role: 'member', member_id, setupToken}.
 */
export async function openMemberAccount(srv, writer, memberId, username, { password = strongPassword('M'), activate = true } = {}) {
  const r = await writer.post(`/api/v1/members/${memberId}/account`, { username });
  assert.equal(r.status, 201, `open account of member ${memberId}: ${r}`);
  const token = tokenOf(r.json.setup_link);
  const account = { username, role: 'member', member_id: memberId, id: r.json.account.id, setupToken: token, admin: false };
  return activateAccount(srv, account, token, { password, activate });
}

/** Strings that must never show up in an error body (security.md C4). */
export const LEAK_PATTERNS = [/SQLITE/i, /syntax error/i, /\bpq:/, /\/work\//, /\.cpp\b/, /\.hpp\b/, /std::/,
  /terminate called/, /nlohmann/, /Traceback/, /\bat 0x[0-9a-f]+/i, /ERROR: {2}/, /relation "/];

export function assertNoLeak(r) {
  for (const p of LEAK_PATTERNS) assert.doesNotMatch(r.text, p, `C4: ${r.method} ${r.path} leaks ${p}: ${r.text}`);
}
