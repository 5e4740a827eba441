// A resident's intake over HTTP (issue 17 "Events and their intake" and "Bad input"; security.md B2, D8, E3, G1,
// G2, G3): the phone's one-time code through the sink sender (GET /dev/sent-codes), a guessed code locked after
// otp.max_tries, a flood from one number refused with 429 and the figure, the resident token acting only as its
// phone; photos checked by content, a 20000×20000 PNG bomb refused from its header, EXIF GPS stripped and the
// orientation kept, stored by the SHA-256 of the re-encoded bytes and served with caching headers. Both engines.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BACKEND, startServer } from './lib/server.mjs';
import { Client, loginAdmin } from './lib/client.mjs';
import { bombPng, exifApp1, halvesPng, jpegSize, withSegment } from './lib/images.mjs';

const OCTET = { 'Content-Type': 'application/octet-stream' };
const PHONE = '13912345678';

describe('resident intake: one-time codes and photos', () => {
  let srv, admin;
  before(async () => {
    srv = await startServer({ dataset: 'empty', env: { LIANXIN_OTP_SENDER: 'sink' } });
    ({ client: admin } = await loginAdmin(srv));
  });
  after(() => srv && srv.stop());

  /** The code the sink received last for `phone`. */
  const lastCode = async (phone) => {
    const r = await new Client(srv.url).get(`/api/v1/dev/sent-codes?phone=${phone}`);
    assert.equal(r.status, 200, r.toString());
    const text = r.json.items.at(-1).text;
    return /(\d{6})/.exec(text)[1];
  };
  /** A resident client verified for `phone` (a fresh address each time, so that the per-address limit stays out). */
  const resident = async (phone, ip = '127.0.0.1') => {
    const c = new Client(srv.url, { localAddress: ip });
    let r = await c.post('/api/v1/public/codes', { phone });
    assert.equal(r.status, 202, r.toString());
    r = await c.post('/api/v1/public/codes/verify', { phone, code: await lastCode(phone) });
    assert.equal(r.status, 201, r.toString());
    assert.match(r.json.token, /^r\./);
    c.bearer = r.json.token;
    return c;
  };
  const upload = (client, bytes) => client.request('POST', '/api/v1/photos', { body: bytes, headers: OCTET });

  test('a code confirms the phone: wrong codes say how many tries are left, the right one gives a token', async () => {
    const c = new Client(srv.url);
    let r = await c.post('/api/v1/public/codes', { phone: '+86 139-1234-5678' });
    assert.equal(r.status, 202, r.toString());
    const code = await lastCode(PHONE);
    const wrong = code === '000000' ? '000001' : '000000';
    r = await c.post('/api/v1/public/codes/verify', { phone: PHONE, code: wrong });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['code']);
    assert.match(r.error.fields[0].message, /4/, 'tries left, in the message');
    r = await c.post('/api/v1/public/codes/verify', { phone: PHONE, code });
    assert.equal(r.status, 201, r.toString());
    assert.ok(r.json.expires_at > Date.now());
    r = await c.post('/api/v1/public/codes/verify', { phone: PHONE, code });
    assert.equal(r.status, 400, 'a code is spent once');
    // Fields are named, in both languages.
    r = await new Client(srv.url, { lang: 'en' }).post('/api/v1/public/codes/verify', { phone: '123', code: 'x' });
    assert.equal(r.status, 400);
    assert.deepEqual(r.fieldNames(), ['phone', 'code']);
    assert.match(r.error.fields[0].message, /11-digit/);
    r = await new Client(srv.url).post('/api/v1/public/codes', { phone: '123' });
    assert.deepEqual(r.fieldNames(), ['phone']);
    assert.match(r.error.fields[0].message, /11 位/);
  });

  // Issue 17 "Bad input": a resident code guessed many times.
  test('a guessed code is locked after otp.max_tries (5): then even the right code is refused', async () => {
    const phone = '13900000001';
    const c = new Client(srv.url);
    assert.equal((await c.post('/api/v1/public/codes', { phone })).status, 202);
    const code = await lastCode(phone);
    const wrong = code === '999999' ? '999998' : '999999';
    for (let i = 1; i <= 4; i++) {
      const r = await c.post('/api/v1/public/codes/verify', { phone, code: wrong });
      assert.equal(r.status, 400, `try ${i}: ${r}`);
    }
    let r = await c.post('/api/v1/public/codes/verify', { phone, code: wrong });
    assert.equal(r.status, 429, `the fifth wrong try locks: ${r}`);
    r = await c.post('/api/v1/public/codes/verify', { phone, code });
    assert.equal(r.status, 429, r.toString());
    assert.deepEqual(r.fieldNames(), ['code']);
    assert.match(r.error.message, /5/);
  });

  // Issue 17 "Bad input": a report flood from one number.
  test('a flood from one number: the sixth code of the hour is refused with 429, the figure and Retry-After', async () => {
    const phone = '13900000002';
    for (let i = 0; i < 5; i++) {
      const r = await new Client(srv.url, { localAddress: `127.0.1.${i + 1}` }).post('/api/v1/public/codes', { phone });
      assert.equal(r.status, 202, r.toString());
    }
    const r = await new Client(srv.url, { localAddress: '127.0.1.9', lang: 'en' }).post('/api/v1/public/codes', { phone });
    assert.equal(r.status, 429, r.toString());
    assert.equal(r.error.code, 'too_many_requests');
    assert.match(r.error.message, /At most 5 codes an hour/);
    assert.deepEqual(r.fieldNames(), ['phone']);
    assert.ok(Number(r.headers['retry-after']) > 3000, `Retry-After ${r.headers['retry-after']}`);
    const sent = await new Client(srv.url).get(`/api/v1/dev/sent-codes?phone=${phone}`);
    assert.equal(sent.json.items.length, 5, 'nothing sent for the refused request');
  });

  test('photos: not an image, too large in pixels (a bomb of a few KB), none at all — refused naming photo', async () => {
    for (const bytes of [Buffer.from('GIF89a\x01\x00\x01\x00'), Buffer.from('<svg onload="alert(1)"/>'), Buffer.from('%PDF-1.4')]) {
      const r = await upload(admin, bytes);
      assert.equal(r.status, 400, r.toString());
      assert.deepEqual(r.fieldNames(), ['photo']);
    }
    const bomb = bombPng();
    assert.ok(bomb.length < 200_000, `${bomb.length} bytes`);
    const r = await upload(admin, bomb);
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.fieldNames(), ['photo']);
    assert.match(r.error.fields[0].message, /20000×20000/);
    assert.equal((await admin.get('/healthz')).status, 200, 'the server is fine');
    assert.equal((await upload(new Client(srv.url), halvesPng(8, 8))).status, 401, 'no session, no token: 401');
  });

  // security.md D8: EXIF (GPS) in, none out; the orientation is kept. G3: stored under its hash, not a name.
  test('a JPEG with EXIF GPS is re-encoded without it, turned upright, and named by its SHA-256', async () => {
    let r = await upload(admin, halvesPng(40, 20));
    assert.equal(r.status, 201, r.toString());
    assert.deepEqual([r.json.width, r.json.height], [40, 20]);
    const plain = (await admin.get(`/api/v1/photos/${r.json.photo_id}`)).raw;
    assert.equal(createHash('sha256').update(plain).digest('hex'), r.json.photo_id);
    const tagged = withSegment(plain, exifApp1(6));
    assert.ok(tagged.includes('Exif'));
    r = await upload(admin, tagged);
    assert.equal(r.status, 201, r.toString());
    assert.match(r.json.photo_id, /^[0-9a-f]{64}$/);
    assert.deepEqual([r.json.width, r.json.height], [20, 40], 'orientation 6: turned a quarter clockwise');
    const got = await admin.get(`/api/v1/photos/${r.json.photo_id}`);
    assert.equal(got.status, 200);
    assert.equal(got.headers['content-type'], 'image/jpeg');
    assert.equal(createHash('sha256').update(got.raw).digest('hex'), r.json.photo_id);
    assert.ok(!got.raw.includes('Exif'), 'no EXIF');
    assert.ok(!got.raw.includes(Buffer.from([0xff, 0xe1])), 'no APP1 segment at all');
    assert.deepEqual(jpegSize(got.raw), { width: 20, height: 40 });
    // Caching: immutable for this user only; the ETag is the id, and a revalidation is 304.
    assert.match(got.headers['cache-control'], /private/);
    assert.match(got.headers['cache-control'], /immutable/);
    assert.equal(got.headers.etag, `"${r.json.photo_id}"`);
    assert.equal(got.headers['x-content-type-options'], 'nosniff');
    const again = await admin.get(`/api/v1/photos/${r.json.photo_id}`, { headers: { 'If-None-Match': got.headers.etag } });
    assert.equal(again.status, 304);
    // The same photo again is the same id.
    assert.equal((await upload(admin, tagged)).json.photo_id, r.json.photo_id);
    assert.equal((await admin.get(`/api/v1/photos/${'0'.repeat(64)}`)).status, 404);
    assert.equal((await admin.get('/api/v1/photos/../../etc/passwd')).status, 404);
  });

  // Staff read a photo on no event only with event_read (issue 17 loop: photos are read by who may read their event;
  // the access matrix shows an event reader's 200). The system administrator manages accounts, not residents' photos.
  test('a resident uploads with the token and reads only their own photos; the system administrator does not', async () => {
    const a = await resident('13900000003', '127.0.2.1');
    const b = await resident('13900000004', '127.0.2.2');
    const r = await upload(a, halvesPng(30, 30));
    assert.equal(r.status, 201, r.toString());
    const id = r.json.photo_id;
    assert.equal((await a.get(`/api/v1/photos/${id}`)).status, 200);
    const other = await b.get(`/api/v1/photos/${id}`);
    assert.equal(other.status, 404, 'another resident: as if it did not exist');
    assert.equal((await admin.get(`/api/v1/photos/${id}`)).status, 404, 'no event_read: as if it did not exist');
    // A resident token is not a staff session.
    assert.equal((await a.get('/api/v1/auth/session')).status, 401);
    const forged = new Client(srv.url);
    forged.bearer = 'r.forged-token';
    assert.equal((await forged.get(`/api/v1/photos/${id}`)).status, 401);
  });

  // Issue 17 brief: killing the server mid-write loses no acknowledged photo and leaves no half one (one transaction).
  test('SIGKILL during uploads: every acknowledged photo is there, whole, after the restart', async () => {
    const acked = [];
    let stop = false;
    const load = (async () => {
      for (let i = 0; !stop && i < 400; i++) {
        try {
          const r = await upload(admin, halvesPng(20 + (i % 50), 10 + (i % 7)));
          if (r.status === 201) acked.push(r.json.photo_id);
        } catch { return; }  // the connection died with the server
      }
    })();
    while (acked.length < 5) await new Promise((res) => setTimeout(res, 20));
    process.kill(srv.pid, 'SIGKILL');
    stop = true;
    await load;
    await srv.restart();  // the session is in the database: the admin's cookie goes on working
    assert.ok(acked.length >= 5);
    for (const id of acked) {
      const r = await admin.get(`/api/v1/photos/${id}`);
      assert.equal(r.status, 200, `acknowledged photo ${id} lost`);
      assert.equal(createHash('sha256').update(r.raw).digest('hex'), id, 'whole: its bytes hash to its id');
    }
  });

  test('the limits a report page needs are public', async () => {
    const r = await new Client(srv.url).get('/api/v1/public/intake');
    assert.equal(r.status, 200, r.toString());
    assert.equal(r.json.photos_max, 6);
    assert.equal(r.json.photo_max_edge, 2048);
    assert.equal(r.json.code_digits, 6);
  });

  // security.md E3, F1: no phone number in the log, and (SQLite) none in the clear in the database file.
  test('phone numbers are in no log line and not in the clear in the database', async () => {
    assert.ok(!srv.logs().includes(PHONE), 'E3: the phone is in no log line');
    if (BACKEND === 'sqlite') {
      const file = readFileSync(path.join(srv.dir, 'lx.db'));
      assert.ok(!file.includes(PHONE), 'F1: the phone is encrypted at rest');
    }
  });
});
