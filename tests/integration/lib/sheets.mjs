// Member sheets for the import and export tests (docs/api.md "Import and export"): CSV files as offices keep
// them (a title row above the header, UTF-8 or GB18030), a small RFC 4180 reader for exported CSV, and the
// request helpers for the file routes (the body is the file itself, application/octet-stream).
import { spawnSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';

export const OCTET = { 'Content-Type': 'application/octet-stream' };
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HEADER = ['序号', '姓名', '公民身份号码', '联系电话', '入党日期', '转正日期', '特长', '所在党支部'];
export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const cell = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/**
 * A CSV sheet: a title row, then the header, then one line per person
 * ({name, id_number, phone, join_date, conversion_date, skills, org}). Returns UTF-8 text.
 */
export function memberCsv(people, { title = '党员信息采集表', header = HEADER } = {}) {
  const lines = [];
  if (title !== null) lines.push(cell(title));
  lines.push(header.map(cell).join(','));
  people.forEach((p, k) => {
    lines.push([k + 1, p.name, p.id_number, p.phone ?? '', p.join_date ?? '2005-07-01', p.conversion_date ?? '2006-07-01',
      p.skills ?? '', p.org ?? ''].map(cell).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}

/** UTF-8 text → GB18030 bytes, as Excel saves a CSV on a Chinese Windows (Node cannot encode GB18030). */
export function gb18030(text) {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });
  assert.equal(r.status, 0, `iconv: ${r.stderr}`);
  return r.stdout;
}

/** Parses CSV (RFC 4180: quoted cells, doubled quotes, CRLF) into rows of cells; a leading BOM is dropped. */
export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [], cur = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cur); cur = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cur); rows.push(row); row = []; cur = '';
    } else cur += ch;
  }
  if (cur !== '' || row.length) { row.push(cur); rows.push(row); }
  return rows;
}

/** An exported member sheet as {watermark, header, members: [{姓名: …, …}]}. */
export function readExport(text) {
  const [mark, header, ...rest] = parseCsv(text);
  return { watermark: mark[0], header, members: rest.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]]))) };
}

/** POSTs a file to a file route as application/octet-stream (or the given content type). */
export function postFile(client, path, bytes, { contentType = 'application/octet-stream', headers = {} } = {}) {
  return client.request('POST', path, { body: bytes, headers: { 'Content-Type': contentType, ...headers } });
}

/** A full ID number as it would appear in clear (the synthetic ones start with 99). */
export const FULL_ID = /(?<![\d*])99\d{15}[\dX](?!\d)/;

/** The entries of a zip file (an .xlsx) as a Map of name → bytes (stored or deflated entries). */
export function unzip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'zip: no end of central directory');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let k = 0; k < entries; k++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'zip: central directory entry');
    const method = buf.readUInt16LE(p + 10), size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    assert.ok(method === 0 || method === 8, `zip: method ${method}`);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** All text of an .xlsx (worksheets and shared strings), XML entities decoded. */
export function xlsxText(buf) {
  const parts = [];
  for (const [name, data] of unzip(buf)) if (/^xl\/(worksheets\/.*|sharedStrings)\.xml$/.test(name)) parts.push(data.toString('utf8'));
  return parts.join('\n').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Any 18-character ID number in clear (17 digits and a check character). */
export const ANY_FULL_ID = /(?<![\d*])\d{17}[\dX](?![\dX])/;
