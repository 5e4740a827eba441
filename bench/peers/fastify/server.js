'use strict';
// G1 peer for bench/run: fastify + better-sqlite3, GET /api/v1/members/:id from the same SQLite file as lianxin.
// It does LESS than lianxin: no session, no scope check, no decryption (the encrypted id_number/phone columns
// are answered as fixed masked strings), no audit write. Same shape of JSON and the same two lookups
// (member by id, then its org's name). Read-only connection; one Node process (Node's usual deployment
// unit for a benchmark like this; see bench/README.md).
// Usage: node server.js --db PATH --port P
const Fastify = require('fastify');
const Database = require('better-sqlite3');

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const dbPath = arg('--db');
const port = Number(arg('--port', '18280'));
if (!dbPath) { console.error('usage: node server.js --db PATH --port P'); process.exit(2); }

const db = new Database(dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const getMember = db.prepare(
  'SELECT id, org_id, name, sex, ethnicity, birth_date, education, category, status, join_date, ' +
  'conversion_date, work_unit, address, tags FROM members WHERE id = ?');
const getOrgName = db.prepare('SELECT name FROM orgs WHERE id = ?');

function maskAddress(a) {
  const cps = Array.from(a);
  return cps.slice(0, 6).join('') + (cps.length > 6 ? '****' : '');
}
function partyAge(m, today) {
  if (m.category !== 'full' || !m.conversion_date) return null;
  const [y, mo, d] = m.conversion_date.split('-').map(Number);
  let years = today.y - y;
  if (today.m < mo || (today.m === mo && today.d < d)) years -= 1;
  return years < 0 ? 0 : years;
}
function todayShanghai() {
  const t = new Date(Date.now() + 8 * 3600 * 1000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ ok: true }));
app.get('/api/v1/members/:id', async (req, reply) => {
  const id = Number(req.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) {
    reply.code(400);
    return { error: { code: 'invalid_argument', message: 'id', fields: [] } };
  }
  const m = getMember.get(id);
  if (!m) {
    reply.code(404);
    return { error: { code: 'not_found', message: 'member', fields: [] } };
  }
  const org = getOrgName.get(m.org_id);
  return {
    id: m.id,
    org_id: m.org_id,
    org_name: org ? org.name : '',
    name: m.name,
    sex: m.sex,
    ethnicity: m.ethnicity,
    birth_date: m.birth_date,
    id_number: '35**************X',  // fixed: the peer cannot decrypt id_number_enc
    phone: '138****0000',            // fixed: the peer cannot decrypt phone_enc
    education: m.education,
    category: m.category,
    status: m.status,
    join_date: m.join_date,
    conversion_date: m.conversion_date,
    party_age: partyAge(m, todayShanghai()),
    work_unit: m.work_unit,
    address: maskAddress(m.address),
    tags: m.tags ? m.tags.split(',').filter(Boolean) : [],
  };
});

function stop() { app.close().then(() => { db.close(); process.exit(0); }); }
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
app.listen({ host: '127.0.0.1', port }).then(() => {
  console.log(`peer fastify+better-sqlite3 listening on 127.0.0.1:${port} db=${dbPath}`);
}).catch((e) => { console.error(e); process.exit(1); });
