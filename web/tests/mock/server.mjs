// A small in-memory stand-in for the lianxin server, written from docs/api.md, for front-end work and
// for trying the Playwright tests before the C++ server exists. NOT the product: no persistence, no
// real password hashing. Serves web/dist with the same CSP the real server sends.
//
//   node tests/mock/server.mjs            # PORT=18080 by default; prints LIANXIN_SETUP_LINK
import { createServer } from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.env.PORT ?? 18080);
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// ---------- data ----------
const orgs = [
  [1, null, '嵩屿街道党工委', 'street_working_committee', 'street', '嵩屿街道', '2010-03-01'],
  [2, 1, '海虹社区党委', 'grassroots_committee', 'community', '海虹社区', '2012-05-01'],
  [3, 1, '鳌冠社区党委', 'grassroots_committee', 'community', '鳌冠社区', '2012-05-01'],
  [4, 1, '东渡社区党委', 'grassroots_committee', 'community', '东渡社区', '2013-07-01'],
  [21, 2, '海虹社区第一党支部', 'branch', 'compound', '海虹花园', '2014-01-01'],
  [22, 2, '海虹社区第二党支部', 'branch', 'compound', '海景苑', '2014-01-01'],
  [31, 3, '鳌冠社区联合党支部', 'joint_branch', 'compound', '鳌冠小区', '2015-01-01'],
  [41, 4, '东渡社区退休党员党支部', 'branch', null, null, '2016-01-01'],
].map(([id, parent_id, name, org_type, kind, place, valid_from]) => ({
  id, parent_id, name, short_name: null, org_type, place: kind ? { kind, name: place } : null, valid_from, valid_to: null,
}));
const TYPE_ZH = { street_working_committee: '街道党工委', grassroots_committee: '党委', branch: '党支部', joint_branch: '联合党支部' };
const surnames = '陈林黄张李王吴刘蔡杨'.split('');
const given = ['海燕', '建国', '秀英', '志强', '丽华', '伟', '芳', '明', '静', '军', '红梅', '晓东'];
const members = [];
let mid = 100;
for (const org of orgs.filter((o) => ['branch', 'joint_branch'].includes(o.org_type))) {
  for (let i = 0; i < 7; i++) {
    const probationary = i === 6;
    const year = 1970 + ((mid * 7) % 30);
    members.push({
      id: ++mid, org_id: org.id, name: surnames[mid % 10] + given[mid % 12], sex: mid % 2 ? 'male' : 'female',
      ethnicity: '汉族', birth_date: `${year}-0${(mid % 9) + 1}-1${mid % 9}`, id_number: `3502051${year}0${(mid % 9) + 1}1${mid % 9}${String(mid).padStart(3, '0')}X`.slice(0, 18),
      phone: `138${String(10000000 + mid * 7919).slice(0, 8)}`, education: '大学本科',
      category: probationary ? 'probationary' : 'full', status: 'normal', join_date: probationary ? '2026-07-01' : `${2000 + (mid % 20)}-07-01`,
      conversion_date: probationary ? null : `${2001 + (mid % 20)}-07-01`, party_age: probationary ? null : 2026 - (2001 + (mid % 20)) - 1,
      work_unit: '厦门市海沧区某单位', address: '海沧区嵩屿街道某小区', tags: [mid % 3 ? 'in_service' : 'retired'],
    });
  }
}
const orgById = (id) => orgs.find((o) => o.id === Number(id));
const childrenOf = (id) => orgs.filter((o) => o.parent_id === id).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
const subtree = (id) => [id, ...childrenOf(id).flatMap((c) => subtree(c.id))];
const orgJson = (o) => ({
  ...o, org_type_name: TYPE_ZH[o.org_type] ?? o.org_type, child_count: childrenOf(o.id).length,
  member_count: members.filter((m) => subtree(o.id).includes(m.org_id) && m.status === 'normal').length,
});
const ROLES = [
  ['sys_admin', '系统管理员', 'System administrator', true], ['sec_admin', '安全管理员', 'Security administrator', true],
  ['audit_admin', '审计管理员', 'Audit administrator', true], ['org_admin', '组织部/党（工）委管理员', 'Organization administrator', false],
  ['branch_secretary', '支部书记', 'Branch secretary', false], ['member', '党员', 'Party member', false],
].map(([role, name_zh, name_en, admin]) => ({ role, name_zh, name_en, admin }));
const AREAS = {
  sys_admin: ['org', 'users', 'me'], sec_admin: ['users', 'security', 'me'], audit_admin: ['audit', 'me'],
  org_admin: ['org', 'member', 'me'], branch_secretary: ['member', 'me'], member: ['me'],
};
const ORDER = ['org', 'member', 'life', 'dues', 'service', 'grid', 'assess', 'map', 'users', 'security', 'audit', 'me'];

const users = new Map(); // id → user
const tokens = new Map(); // setup token → { purpose, userId|null, used }
const sessions = new Map(); // sid → { userId, csrf, mfa }
const audit = [];
const views = []; // { memberId, at, viewer_name, viewer_org, action }
let uid = 0;
let gid = 0;
const now = () => new Date().toISOString();
const firstToken = randomBytes(16).toString('hex');
tokens.set(firstToken, { purpose: 'first_admin', userId: null, used: false, exp: Date.now() + 86400e3 });

function log(actor, action, object_type, object_id, result = 'ok', ip = '127.0.0.1') {
  audit.unshift({
    id: audit.length + 1, at: now(), actor_id: actor?.id ?? null, actor_name: actor?.display_name ?? null,
    actor_org: actor?.grants?.[0]?.org_name ?? null, ip, action, object_type, object_id, result, request_id: randomBytes(6).toString('hex'),
  });
}

// ---------- helpers ----------
class HttpError extends Error {
  constructor(status, code, message, fields = []) { super(message); Object.assign(this, { status, code, fields }); }
}
const bad = (fields, message = '请按提示修改') => new HttpError(400, 'invalid_argument', message, fields);
const publicUser = (u) => ({
  id: u.id, username: u.username, display_name: u.display_name, status: u.status, locked: u.locked,
  mfa_enrolled: !!u.totp, member_id: u.member_id ?? null, grants: u.grants, created_at: u.created_at,
});
const isAdmin = (u) => u.grants.some((g) => ROLES.find((r) => r.role === g.role)?.admin);
function sessionJson(s) {
  const u = users.get(s.userId);
  const areas = new Set(u.grants.flatMap((g) => AREAS[g.role] ?? []));
  return {
    user: { id: u.id, username: u.username, display_name: u.display_name, member_id: u.member_id ?? null },
    csrf_token: s.csrf, mfa: s.mfa, grants: u.grants, areas: ORDER.filter((a) => areas.has(a)),
  };
}
function scopeOf(u, role) {
  return u.grants.filter((g) => !role || [].concat(role).includes(g.role)).flatMap((g) => subtree(g.org_id));
}
function b32(buf) {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0, out = '';
  for (const b of buf) { value = (value << 8) | b; bits += 8; while (bits >= 5) { out += A[(value >>> (bits - 5)) & 31]; bits -= 5; } }
  if (bits > 0) out += A[(value << (5 - bits)) & 31];
  return out;
}
function totpAt(key, step) {
  const msg = Buffer.alloc(8); msg.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(msg).digest(); const o = mac[19] & 15;
  return String((((mac[o] & 127) << 24) | (mac[o + 1] << 16) | (mac[o + 2] << 8) | mac[o + 3]) % 1e6).padStart(6, '0');
}
function checkPassword(pw, username) {
  const n = [...(pw ?? '')].length;
  if (n < 12 || n > 128) return '密码长度应为 12–128 个字符';
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  if (['password1234', '123456789012'].includes(pw)) return '这是常见的已泄露密码，请换一个';
  return null;
}
function page(items, q) {
  const limit = Math.min(Math.max(Number(q.get('limit') ?? 50) || 50, 1), 200);
  const start = Number(q.get('cursor') ?? 0) || 0;
  const slice = items.slice(start, start + limit);
  return { items: slice, next_cursor: start + limit < items.length ? String(start + limit) : null };
}
function mask(m, self) {
  return { ...m, org_name: orgById(m.org_id).name, id_number: m.id_number.slice(0, 2) + '*'.repeat(13) + m.id_number.slice(-3),
    phone: self ? m.phone : `${m.phone.slice(0, 3)}****${m.phone.slice(7)}` };
}

// ---------- routes ----------
async function api(req, res, url, body) {
  const p = url.pathname.replace(/^\/api\/v1/, '');
  const q = url.searchParams;
  const m = req.method;
  const sid = /(?:^|;\s*)lx_sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const sess = sid ? sessions.get(sid) : null;
  const me = sess ? users.get(sess.userId) : null;

  if (m !== 'GET' && sess && req.headers['x-csrf-token'] !== sess.csrf) throw new HttpError(403, 'permission_denied', 'CSRF 校验失败');

  // --- public ---
  if (p === '/setup' && m === 'GET') {
    const t = tokens.get(q.get('token') ?? '');
    if (!t || t.used || t.exp < Date.now()) throw new HttpError(404, 'not_found', '设置链接无效、已使用或已过期');
    return [200, { valid: true, purpose: t.purpose, username_hint: t.userId ? users.get(t.userId).username : 'admin' }];
  }
  if (p === '/setup' && m === 'POST') {
    const t = tokens.get(body.token ?? '');
    if (!t || t.used || t.exp < Date.now()) throw new HttpError(404, 'not_found', '设置链接无效、已使用或已过期');
    let u;
    if (t.purpose === 'first_admin') {
      const f = [];
      if (!body.username) f.push({ field: 'username', message: '请输入用户名' });
      if (!body.display_name) f.push({ field: 'display_name', message: '请输入姓名' });
      const pe = checkPassword(body.password, body.username);
      if (pe) f.push({ field: 'password', message: pe });
      if (f.length) throw bad(f);
      u = { id: ++uid, username: body.username, display_name: body.display_name, status: 'active', locked: false, failures: [],
        grants: [{ id: ++gid, role: 'sys_admin', role_name: '系统管理员', org_id: 1, org_name: orgById(1).name }], created_at: now() };
      users.set(u.id, u);
    } else {
      u = users.get(t.userId);
      const pe = checkPassword(body.password, u.username);
      if (pe) throw bad([{ field: 'password', message: pe }]);
      u.status = u.status === 'pending' ? 'active' : u.status;
    }
    u.password = body.password;
    t.used = true;
    log(u, 'auth.setup', 'user', u.id);
    return [201, { username: u.username }];
  }
  if (p === '/auth/login' && m === 'POST') {
    const u = [...users.values()].find((x) => x.username === body.username);
    if (u) u.failures = u.failures.filter((x) => x > Date.now() - 15 * 60e3);
    if (u && (u.locked || u.failures.length >= 5)) { u.locked = true; throw new HttpError(429, 'too_many_requests', '登录失败次数过多，账号已锁定 30 分钟'); }
    if (!u || u.password !== body.password || u.status === 'disabled') {
      u?.failures.push(Date.now());
      log(u ?? null, 'auth.login', 'user', u?.id ?? null, 'failure');
      throw new HttpError(401, 'unauthenticated', '用户名或密码错误');
    }
    const s = { userId: u.id, csrf: randomBytes(16).toString('hex'), mfa: isAdmin(u) ? (u.totp ? 'verify' : 'enroll') : 'none' };
    const id = randomBytes(16).toString('hex');
    sessions.set(id, s);
    res.setHeader('Set-Cookie', `lx_sid=${id}; HttpOnly; SameSite=Strict; Path=/`);
    log(u, 'auth.login', 'user', u.id);
    return [200, sessionJson(s)];
  }
  if (!sess) throw new HttpError(401, 'unauthenticated', '请先登录');
  if (p === '/auth/logout' && m === 'POST') {
    sessions.delete(sid);
    res.setHeader('Set-Cookie', 'lx_sid=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    return [204];
  }
  if (p === '/auth/session' && m === 'GET') return [200, sessionJson(sess)];
  if (p === '/auth/totp/enroll' && m === 'POST') {
    if (sess.mfa !== 'enroll') throw new HttpError(422, 'failed_precondition', '已绑定动态口令');
    sess.pending = randomBytes(20);
    const secret = b32(sess.pending);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21" shape-rendering="crispEdges"><rect width="21" height="21" fill="#fff"/>${
      [...secret].map((c, i) => (c.charCodeAt(0) % 2 ? `<rect x="${i % 21}" y="${Math.floor(i / 21) * 3 + (i % 5)}" width="1" height="1"/>` : '')).join('')
    }<rect x="0" y="0" width="7" height="7" fill="none" stroke="#000"/><text x="10" y="20" font-size="2">连心</text></svg>`;
    return [200, { secret, otpauth_uri: `otpauth://totp/lianxin:${me.username}?secret=${secret}&issuer=lianxin`, qr_svg: svg }];
  }
  if (p === '/auth/totp/verify' && m === 'POST') {
    const key = sess.mfa === 'enroll' ? sess.pending : me.totp;
    const step = Math.floor(Date.now() / 30e3);
    const ok = key && [step - 1, step, step + 1].find((s) => totpAt(key, s) === body.code && s > (me.lastStep ?? -1));
    if (!ok) throw bad([{ field: 'code', message: '动态口令不正确或已使用，请输入验证器上的新口令' }], '动态口令不正确');
    me.lastStep = ok;
    if (sess.mfa === 'enroll') me.totp = sess.pending;
    sess.mfa = 'ok';
    log(me, 'auth.totp', 'user', me.id);
    return [200, sessionJson(sess)];
  }
  if (sess.mfa === 'enroll' || sess.mfa === 'verify') throw new HttpError(403, 'mfa_required', '请先完成双因素认证');
  if (p === '/auth/password' && m === 'POST') {
    if (body.old_password !== me.password) throw bad([{ field: 'old_password', message: '原密码不正确' }]);
    const pe = checkPassword(body.new_password, me.username);
    if (pe) throw bad([{ field: 'new_password', message: pe }]);
    me.password = body.new_password;
    return [204];
  }
  if (p === '/roles' && m === 'GET') return [200, { items: ROLES }];

  // --- orgs ---
  const orgScope = scopeOf(me, ['sys_admin', 'org_admin', 'branch_secretary', 'sec_admin', 'audit_admin']);
  if (p === '/orgs/roots' && m === 'GET') {
    const roots = me.grants.map((g) => orgById(g.org_id)).filter((o, i, a) => o && a.indexOf(o) === i && !a.some((x) => x !== o && subtree(x.id).includes(o.id)));
    return [200, { items: roots.map(orgJson) }];
  }
  let mm = /^\/orgs\/(\d+)(\/children)?$/.exec(p);
  if (mm && m === 'GET') {
    const id = Number(mm[1]);
    if (!orgScope.includes(id)) throw new HttpError(404, 'not_found', '组织不存在');
    if (mm[2]) return [200, { items: childrenOf(id).map(orgJson) }];
    const anc = [];
    for (let o = orgById(id); o.parent_id; ) { o = orgById(o.parent_id); if (orgScope.includes(o.id)) anc.unshift({ id: o.id, name: o.name }); }
    return [200, { ...orgJson(orgById(id)), ancestors: anc }];
  }

  // --- users ---
  const may = (...roles) => { if (!me.grants.some((g) => roles.includes(g.role))) throw new HttpError(403, 'permission_denied', '无权限'); };
  if (p === '/users' && m === 'GET') {
    may('sys_admin', 'sec_admin');
    const term = (q.get('q') ?? '').toLowerCase();
    const list = [...users.values()].filter((u) => !term || u.username.toLowerCase().includes(term) || u.display_name.toLowerCase().includes(term));
    return [200, page(list.map(publicUser), q)];
  }
  if (p === '/users' && m === 'POST') {
    may('sys_admin');
    const f = [];
    if (!/^[a-z][a-z0-9_]{2,31}$/.test(body.username ?? '')) f.push({ field: 'username', message: '用户名应为 3–32 位小写字母、数字或下划线，以字母开头' });
    else if ([...users.values()].some((u) => u.username === body.username)) f.push({ field: 'username', message: '用户名已存在' });
    if (!body.display_name) f.push({ field: 'display_name', message: '请输入姓名' });
    if (!ROLES.some((r) => r.role === body.role)) f.push({ field: 'role', message: '请选择角色' });
    if (!scopeOf(me, 'sys_admin').includes(Number(body.org_id))) f.push({ field: 'org_id', message: '组织不在你的管理范围内' });
    if (f.length) throw bad(f);
    const u = { id: ++uid, username: body.username, display_name: body.display_name, status: 'pending', locked: false, failures: [],
      member_id: body.member_id ?? null, created_at: now(),
      grants: [{ id: ++gid, role: body.role, role_name: ROLES.find((r) => r.role === body.role).name_zh, org_id: Number(body.org_id), org_name: orgById(body.org_id).name }] };
    users.set(u.id, u);
    const t = randomBytes(16).toString('hex');
    tokens.set(t, { purpose: 'user_password', userId: u.id, used: false, exp: Date.now() + 86400e3 });
    log(me, 'user.create', 'user', u.id);
    return [201, { user: publicUser(u), setup_link: `/#/setup?token=${t}` }];
  }
  mm = /^\/users\/(\d+)(?:\/(grants|reset|unlock|disable|enable)(?:\/(\d+))?)?$/.exec(p);
  if (mm) {
    const u = users.get(Number(mm[1]));
    if (!u) throw new HttpError(404, 'not_found', '用户不存在');
    const act = mm[2];
    if (!act && m === 'GET') { may('sys_admin', 'sec_admin'); return [200, publicUser(u)]; }
    if (act === 'grants' && m === 'POST' && !mm[3]) {
      may('sys_admin');
      const adminRoles = ['sys_admin', 'sec_admin', 'audit_admin'];
      if (adminRoles.includes(body.role) && u.grants.some((g) => adminRoles.includes(g.role) && g.role !== body.role)) {
        throw new HttpError(409, 'conflict', '三个管理员角色不能授予同一个用户', [{ field: 'role', message: '与该用户已有的管理员角色互斥' }]);
      }
      if (!orgById(body.org_id)) throw bad([{ field: 'org_id', message: '请选择组织' }]);
      const g = { id: ++gid, role: body.role, role_name: ROLES.find((r) => r.role === body.role)?.name_zh ?? body.role, org_id: Number(body.org_id), org_name: orgById(body.org_id).name };
      u.grants.push(g);
      log(me, 'grant.create', 'user', u.id);
      return [201, g];
    }
    if (act === 'grants' && m === 'DELETE' && mm[3]) { may('sys_admin'); u.grants = u.grants.filter((g) => g.id !== Number(mm[3])); return [204]; }
    if (act === 'reset' && m === 'POST') {
      may('sys_admin');
      const t = randomBytes(16).toString('hex');
      tokens.set(t, { purpose: 'user_password', userId: u.id, used: false, exp: Date.now() + 86400e3 });
      return [200, { setup_link: `/#/setup?token=${t}` }];
    }
    if (act === 'unlock' && m === 'POST') { may('sec_admin', 'sys_admin'); u.locked = false; u.failures = []; return [204]; }
    if (act === 'disable' && m === 'POST') { may('sys_admin'); u.status = 'disabled'; return [204]; }
    if (act === 'enable' && m === 'POST') { may('sys_admin'); u.status = 'active'; return [204]; }
  }

  // --- members ---
  if (p === '/members' && m === 'GET') {
    may('org_admin', 'branch_secretary');
    const scope = scopeOf(me, ['org_admin', 'branch_secretary']);
    const org = q.get('org_id');
    const term = q.get('q') ?? '';
    const list = members.filter((x) => scope.includes(x.org_id) && (!org || subtree(Number(org)).includes(x.org_id)) && (!term || x.name.includes(term)));
    return [200, page(list.map((x) => mask(x, false)), q)];
  }
  mm = /^\/members\/(\d+)$/.exec(p);
  if (mm && m === 'GET') {
    may('org_admin', 'branch_secretary');
    const x = members.find((y) => y.id === Number(mm[1]));
    if (!x || !scopeOf(me, ['org_admin', 'branch_secretary']).includes(x.org_id)) throw new HttpError(404, 'not_found', '党员不存在');
    views.unshift({ memberId: x.id, at: now(), viewer_name: me.display_name, viewer_org: me.grants[0]?.org_name ?? '', action: 'member.read' });
    log(me, 'member.read', 'member', x.id);
    return [200, mask(x, false)];
  }
  if (p === '/me' && m === 'GET') {
    const x = members.find((y) => y.id === me.member_id);
    return [200, { user: sessionJson(sess).user, member: x ? mask(x, true) : null }];
  }
  if (p === '/me/views' && m === 'GET') {
    const mine = views.filter((v) => v.memberId === me.member_id);
    return [200, page(mine.map((v) => ({ at: v.at, viewer_name: v.viewer_name, viewer_org: v.viewer_org, action: v.action })), q)];
  }

  // --- audit ---
  if (p === '/audit' && m === 'GET') {
    may('audit_admin');
    const a = q.get('action'), who = q.get('actor'), from = q.get('from'), to = q.get('to');
    const list = audit.filter((e) => (!a || e.action.includes(a)) && (!who || (e.actor_name ?? '').includes(who)) &&
      (!from || e.at.slice(0, 10) >= from) && (!to || e.at.slice(0, 10) <= to));
    return [200, page(list, q)];
  }
  if (p === '/audit/verify' && m === 'GET') { may('audit_admin'); return [200, { ok: true, rows: audit.length }]; }

  throw new HttpError(404, 'not_found', '没有这个接口');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2' };

const server = createServer(async (req, res) => {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  try {
    if (url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
    if (url.pathname.startsWith('/api/v1/')) {
      let body = {};
      const chunks = [];
      for await (const c of req) chunks.push(c);
      if (chunks.length) body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      res.setHeader('Cache-Control', 'no-store');
      const [status, json] = await api(req, res, url, body);
      return send(res, status, json);
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(DIST, rel === '/' ? 'index.html' : rel);
    if (!file.startsWith(DIST)) file = join(DIST, 'index.html');
    try { if (!(await stat(file)).isFile()) file = join(DIST, 'index.html'); } catch { file = join(DIST, 'index.html'); }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  } catch (e) {
    if (e instanceof HttpError) {
      return send(res, e.status, { error: { code: e.code, message: e.message, request_id: randomBytes(6).toString('hex'), fields: e.fields } });
    }
    console.error(e);
    send(res, 500, { error: { code: 'internal', message: '服务器内部错误', request_id: 'x' } });
  }
});

function send(res, status, json) {
  if (status === 204 || json === undefined) { res.writeHead(status); return res.end(); }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(json));
}

server.listen(PORT, '127.0.0.1', () => {
  console.log(`mock lianxin on http://127.0.0.1:${PORT}`);
  console.log(`LIANXIN_SETUP_LINK=http://127.0.0.1:${PORT}/#/setup?token=${firstToken}`);
});
