// Member import and export over HTTP (docs/api.md "Import and export"; security.md A3, C5, D3, E1, E3) on
// `gen --scale=test`: a community org admin previews, commits and undoes a CSV with a title row and one broken
// row; wrong content types are 415, an empty body names file; a GB18030 file keeps its Chinese; a branch
// secretary imports into the own branch only (a sibling branch, by org_id or by name, and a sibling's member
// are refused), an update is undone to the earlier values, a member changed since blocks the undo; the export
// is masked and watermarked, neutralises formula cells, stays inside the subtree, is full only on request,
// and is audited with its count and hash only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';
import { syntheticId } from './lib/ids.mjs';
import { ANY_FULL_ID, BOM, HEADER, XLSX_TYPE, gb18030, memberCsv, parseCsv, postFile, readExport, xlsxText } from './lib/sheets.mjs';

const DAY = 86400000;
const CJK = /[\u4e00-\u9fff]/;
/** A valid ID number with its check character replaced by a wrong one. */
const brokenId = (id) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const names = (list) => list.map((m) => m.name).sort();

describe('member import and export (gen --scale=test)', () => {
  let srv, cast, community, communityAccount, sec, siblingSec, auditor, B, B2, C1, nameB, nameB2;
  const secrets = [];  // full ID numbers and phones that must never reach the server log (E3)

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    ({ B, C1 } = cast);
    B2 = cast.tree.get(C1).children.find((id) => id !== B);
    nameB = cast.tree.get(B).name;
    nameB2 = cast.tree.get(B2).name;
    communityAccount = await createUser(srv, cast.admin, { username: 'community_admin', display_name: '社区管理员',
      role: 'org_admin', org_id: C1 });
    community = await login(srv, communityAccount);
    sec = cast.actors.secretary.client;
    siblingSec = await login(srv, await createUser(srv, cast.admin, { username: 'sibling_secretary', display_name: '邻支部书记',
      role: 'branch_secretary', org_id: B2 }));
    auditor = cast.actors.auditor.client;
  });
  after(() => srv && srv.stop());

  const search = async (client, q) => {
    const r = await client.get(`/api/v1/members?q=${encodeURIComponent(q)}&limit=200`);
    assert.equal(r.status, 200, r.toString());
    return r.json.items;
  };
  const reveal = async (client, id) => {
    const r = await client.post(`/api/v1/members/${id}/reveal`, { reason: '核对导入数据' });
    assert.equal(r.status, 200, r.toString());
    secrets.push(r.json.id_number, r.json.phone);
    return r.json;
  };

  describe('as a community org admin', () => {
    const good1 = syntheticId('19800115', 501), good2 = syntheticId('19751203', 503), bad = brokenId(syntheticId('19880620', 502));
    let sheet, importId;

    before(() => {
      secrets.push(good1, good2, bad, '13800001111', '13800003333');
      sheet = Buffer.from(memberCsv([
        { name: '试导张明', id_number: good1, phone: '13800001111', skills: '电工', org: nameB },
        { name: '试导李芳', id_number: bad, phone: '13800002222', org: nameB2 },
        { name: '试导王强', id_number: good2, phone: '13800003333', org: nameB2 },
      ]));
    });

    test('preview: the header under a title row is found; one broken ID number is named in Chinese; nothing is written', async () => {
      const r = await postFile(community, `/api/v1/imports/preview?org_id=${C1}`, sheet);
      assert.equal(r.status, 200, r.toString());
      const p = r.json;
      assert.deepEqual(p.org, { id: C1, name: cast.tree.get(C1).name });
      assert.equal(p.header_row, 2, 'the title row above the header is skipped');
      assert.deepEqual(p.columns.map((c) => [c.header, c.field]), [['姓名', 'name'], ['公民身份号码', 'id_number'],
        ['联系电话', 'phone'], ['入党日期', 'join_date'], ['转正日期', 'conversion_date'], ['特长', 'skills'], ['所在党支部', 'org']]);
      assert.deepEqual(p.ignored_columns, [], '序号 is neither a field nor ignored');
      assert.deepEqual(p.counts, { create: 2, update: 0, unchanged: 0, error: 1 });
      assert.deepEqual(p.rows.map((x) => [x.row, x.action, x.name, x.org_name]), [[3, 'create', '试导张明', nameB],
        [4, 'error', '试导李芳', nameB2], [5, 'create', '试导王强', nameB2]]);
      const broken = p.rows[1];
      assert.equal(broken.errors.length, 1, JSON.stringify(broken.errors));
      assert.equal(broken.errors[0].field, 'id_number');
      assert.equal(broken.errors[0].column, '公民身份号码');
      assert.match(broken.errors[0].message, CJK, 'the message is Chinese');
      assert.match(broken.errors[0].message, /校验/);
      for (const x of p.rows) assert.match(x.id_number, /^\d{2}\*+[\dX]{3}$/, `row ${x.row} masked: ${x.id_number}`);
      assert.doesNotMatch(r.text, ANY_FULL_ID, 'no full ID number in the preview');
      assert.deepEqual(await search(community, '试导'), [], 'the preview writes nothing');
    });

    test('commit → 201 with the counts; the members are in the registry; the import is listed with can_undo', async () => {
      const r = await postFile(community, `/api/v1/imports?org_id=${C1}&file_name=${encodeURIComponent('党员信息采集表.csv')}`, sheet);
      assert.equal(r.status, 201, r.toString());
      const i = r.json;
      importId = i.id;
      assert.deepEqual(i.org, { id: C1, name: cast.tree.get(C1).name });
      assert.equal(i.file_name, '党员信息采集表.csv');
      assert.equal(i.by, '社区管理员');
      assert.deepEqual(i.counts, { create: 2, update: 0, unchanged: 0, error: 1 });
      assert.equal(i.state, 'committed');
      assert.equal(i.can_undo, true);
      assert.ok(Math.abs(i.at - Date.now()) < 60000, `at is now (UTC millis): ${i.at}`);
      assert.equal(i.undo_until - i.at, 7 * DAY);

      for (const [name, org] of [['试导张明', B], ['试导王强', B2]]) {
        const found = await search(community, name);
        assert.equal(found.length, 1, `${name} is registered`);
        assert.equal(found[0].org_id, org, `${name} placed by the 所在党支部 column`);
        assert.match(found[0].id_number, /\*/, 'masked');
        assert.match(found[0].phone, /\*/, 'masked');
      }
      assert.deepEqual(await search(community, '试导李芳'), [], 'the broken row is skipped');
      assert.deepEqual(names(await search(sec, '试导')), ['试导张明'], 'the branch sees its own new member only');

      for (const path of ['/api/v1/imports', `/api/v1/imports?org_id=${C1}`]) {
        const l = await community.get(path);
        assert.equal(l.status, 200, l.toString());
        assert.equal(l.json.items[0].id, importId, 'newest first');
        assert.equal(l.json.items[0].can_undo, true);
        assert.equal(l.json.items[0].state, 'committed');
      }
    });

    test('the same file again: its rows are unchanged and a commit has nothing to write (422)', async () => {
      const p = await postFile(community, `/api/v1/imports/preview?org_id=${C1}`, sheet);
      assert.equal(p.status, 200, p.toString());
      assert.deepEqual(p.json.counts, { create: 0, update: 0, unchanged: 2, error: 1 });
      const c = await postFile(community, `/api/v1/imports?org_id=${C1}&file_name=again.csv`, sheet);
      assert.equal(c.status, 422, c.toString());
      assert.equal(c.error.code, 'failed_precondition');
      assert.match(c.error.message, /没有可导入的行/);
    });

    test('undo → state undone and the members are gone; a second undo → 422', async () => {
      const r = await community.post(`/api/v1/imports/${importId}/undo`);
      assert.equal(r.status, 200, r.toString());
      assert.equal(r.json.id, importId);
      assert.equal(r.json.state, 'undone');
      assert.equal(r.json.can_undo, false);
      assert.deepEqual(await search(community, '试导'), [], 'the created members are deleted');
      const l = await community.get('/api/v1/imports');
      const listed = l.json.items.find((x) => x.id === importId);
      assert.equal(listed.state, 'undone');
      assert.equal(listed.can_undo, false);
      const again = await community.post(`/api/v1/imports/${importId}/undo`);
      assert.equal(again.status, 422, again.toString());
      assert.equal(again.error.code, 'failed_precondition');
      assert.match(again.error.message, /已经撤销/);
    });

    test('the file under any other content type → 415; an empty body → 400 naming file; missing parameters are named', async () => {
      const before = (await community.get('/api/v1/imports')).json.items.length;
      for (const path of [`/api/v1/imports/preview?org_id=${C1}`, `/api/v1/imports?org_id=${C1}&file_name=x.csv`]) {
        for (const contentType of ['application/json', 'text/csv', 'multipart/form-data; boundary=x', 'text/plain; charset=utf-8']) {
          const r = await postFile(community, path, sheet, { contentType });
          assert.equal(r.status, 415, `${contentType}: ${r}`);
          assert.equal(r.error.code, 'unsupported_media_type');
        }
        const none = await community.request('POST', path, { body: sheet });
        assert.equal(none.status, 415, `no Content-Type: ${none}`);
        const empty = await postFile(community, path, Buffer.alloc(0));
        assert.equal(empty.status, 400, empty.toString());
        assert.deepEqual(empty.fieldNames(), ['file']);
        assert.match(empty.error.fields[0].message, /请选择要导入的文件/);
      }
      let r = await postFile(community, '/api/v1/imports/preview', sheet);
      assert.equal(r.status, 400, r.toString());
      assert.deepEqual(r.fieldNames(), ['org_id']);
      r = await postFile(community, `/api/v1/imports?org_id=${C1}`, sheet);
      assert.equal(r.status, 400, r.toString());
      assert.deepEqual(r.fieldNames(), ['file_name']);
      r = await postFile(community, `/api/v1/imports/preview?org_id=${C1}`, Buffer.from('not,a,member\r\nsheet,at,all\r\n'));
      assert.equal(r.status, 400, r.toString());
      assert.match(r.error.message + JSON.stringify(r.error.fields), /表头|姓名/);
      assert.equal((await community.get('/api/v1/imports')).json.items.length, before, 'nothing was imported');
      assert.deepEqual(await search(community, '试导'), []);
    });

    test('a GB18030 CSV (as Excel saves it in China) keeps its Chinese names and branch names', async () => {
      const text = memberCsv([
        { name: '欧阳淑华', id_number: syntheticId('19700808', 506), org: nameB },
        { name: '刘䶮', id_number: syntheticId('19820202', 507), org: nameB2 },
      ], { title: '党员信息采集表（2026年）' });
      const bytes = gb18030(text);
      assert.notDeepEqual(bytes, Buffer.from(text, 'utf8'), 'really GB18030');
      assert.notEqual(bytes.toString('utf8'), text, 'not valid UTF-8 as it stands');
      const r = await postFile(community, `/api/v1/imports/preview?org_id=${C1}`, bytes);
      assert.equal(r.status, 200, r.toString());
      assert.equal(r.json.header_row, 2);
      assert.deepEqual(r.json.columns.map((c) => c.header), HEADER.slice(1));
      assert.deepEqual(r.json.rows.map((x) => [x.name, x.action, x.org_name]), [['欧阳淑华', 'create', nameB], ['刘䶮', 'create', nameB2]]);
      // A UTF-8 file with a BOM reads the same.
      const bom = await postFile(community, `/api/v1/imports/preview?org_id=${C1}`, Buffer.concat([BOM, Buffer.from(text)]));
      assert.equal(bom.status, 200, bom.toString());
      assert.deepEqual(bom.json.rows.map((x) => x.name), ['欧阳淑华', '刘䶮']);
    });

    test('the template: the recognized headers as .csv (UTF-8 with BOM) and .xlsx; an empty sheet imports nothing', async () => {
      const csv = await community.get('/api/v1/imports/template?format=csv');
      assert.equal(csv.status, 200, csv.toString());
      assert.match(csv.headers['content-type'], /^text\/csv/);
      assert.match(csv.headers['content-disposition'], /^attachment; /);
      assert.deepEqual(csv.raw.subarray(0, 3), BOM);
      const header = parseCsv(csv.text)[0];
      for (const h of ['姓名', '公民身份号码', '入党日期', '联系电话', '所在党组织']) assert.ok(header.includes(h), `template has ${h}`);
      const xlsx = await community.get('/api/v1/imports/template?format=xlsx');
      assert.equal(xlsx.status, 200);
      assert.equal(xlsx.headers['content-type'], XLSX_TYPE);
      assert.equal(xlsx.raw.subarray(0, 2).toString('latin1'), 'PK');
      assert.match(xlsxText(xlsx.raw), /公民身份号码/);
      const bad = await community.get('/api/v1/imports/template?format=pdf');
      assert.equal(bad.status, 400, bad.toString());
      assert.deepEqual(bad.fieldNames(), ['format']);
      const p = await postFile(community, `/api/v1/imports/preview?org_id=${C1}`, csv.raw);
      assert.equal(p.status, 200, p.toString());
      assert.deepEqual(p.json.counts, { create: 0, update: 0, unchanged: 0, error: 0 });
      const c = await postFile(community, `/api/v1/imports?org_id=${C1}&file_name=template.csv`, csv.raw);
      assert.equal(c.status, 422, c.toString());
    });
  });

  describe('as a branch secretary', () => {
    let ownMember, ownFull, siblingFull, importId, newId;

    before(async () => {
      // A full member of each branch (the member actor's own record is left alone).
      const own = await sec.all(`/api/v1/members?org_id=${B}`);
      ownMember = own.find((m) => m.id !== cast.actors.member.member_id && m.category === 'full');
      assert.ok(ownMember, 'a full member in B');
      ownFull = await reveal(sec, ownMember.id);
      const sib = await cast.city.all(`/api/v1/members?org_id=${B2}`);
      siblingFull = await reveal(cast.city, sib.find((m) => m.category === 'full').id);
      newId = syntheticId('19900909', 511);
      secrets.push(newId, '13912345678');
    });

    const secretarySheet = () => Buffer.from(memberCsv([
      { name: '试导赵敏', id_number: newId, phone: '13600001111', join_date: '2012-07-01', conversion_date: '2013-07-01', org: '' },
      { name: '试导孙浩', id_number: syntheticId('19910101', 513), join_date: '2012-07-01', conversion_date: '2013-07-01', org: nameB2 },
      { name: '试导邻居', id_number: siblingFull.id_number, join_date: siblingFull.join_date, conversion_date: siblingFull.conversion_date },
      { name: '试导改名', id_number: ownFull.id_number, phone: '13912345678', join_date: ownFull.join_date,
        conversion_date: ownFull.conversion_date || '' },
    ]));

    test('A1/A2: a sibling branch or the parent community as org_id → 404; nothing is written', async () => {
      for (const org of [B2, C1]) {
        for (const path of [`/api/v1/imports/preview?org_id=${org}`, `/api/v1/imports?org_id=${org}&file_name=x.csv`]) {
          const r = await postFile(sec, path, secretarySheet());
          assert.equal(r.status, 404, r.toString());
          assert.equal(r.error.code, 'not_found');
        }
        const l = await sec.get(`/api/v1/imports?org_id=${org}`);
        assert.equal(l.status, 404, l.toString());
      }
      assert.deepEqual(await search(cast.city, '试导'), []);
    });

    // Issue 15 defect 3 (membership oracle): the sibling's member lies outside the secretary's scope, so the
    // preview shows that row exactly like a new member; only the commit refuses it, never saying where.
    test('preview: a sibling branch by name is an error, a sibling\'s member looks new; an own member is an update of the phone', async () => {
      const r = await postFile(sec, `/api/v1/imports/preview?org_id=${B}`, secretarySheet());
      assert.equal(r.status, 200, r.toString());
      const [fresh, byName, neighbour, own] = r.json.rows;
      assert.equal(fresh.action, 'create');
      assert.equal(fresh.org_name, nameB, 'without the column a row goes to the branch itself');
      assert.equal(byName.action, 'error', 'a branch outside the subtree cannot be named');
      // column is the canonical name of the field (所在党组织), also when the sheet used a synonym (所在党支部).
      assert.deepEqual(byName.errors.map((e) => [e.field, e.column]), [['org', '所在党组织']]);
      assert.match(byName.errors[0].message, CJK);
      const { row: _f, name: _fn, id_number: _fi, ...freshRest } = fresh;
      const { row: _n, name: _nn, id_number: _ni, ...neighbourRest } = neighbour;
      assert.deepEqual(neighbourRest, freshRest, 'registered outside the scope looks like not registered');
      assert.equal(own.action, 'update');
      assert.deepEqual(own.changes, ['phone']);
      assert.equal(own.org_name, nameB);
      assert.deepEqual(own.notes.map((n) => [n.field, n.column]), [['name', '姓名']], 'a differing name is a note, not written');
      assert.deepEqual(r.json.counts, { create: 2, update: 1, unchanged: 0, error: 1 });
      assert.doesNotMatch(r.text, ANY_FULL_ID);
    });

    test('commit, listed in the own scope only; undo restores the earlier phone and deletes the new member', async () => {
      const r = await postFile(sec, `/api/v1/imports?org_id=${B}&file_name=branch.csv`, secretarySheet());
      assert.equal(r.status, 201, r.toString());
      importId = r.json.id;
      assert.deepEqual(r.json.counts, { create: 1, update: 1, unchanged: 0, error: 2 });
      // Issue 15 defect 3: the commit refuses the sibling's member per row, without where or as what.
      assert.deepEqual(r.json.conflicts.map((c) => [c.row, c.action, c.org_name]), [[5, 'error', '']]);
      assert.deepEqual(r.json.conflicts[0].errors.map((e) => e.field), ['id_number']);
      assert.equal(r.json.conflicts[0].errors[0].message, '该身份证号码已在册，不能重复登记；如需转入，请办理组织关系转接');
      assert.ok(!r.text.includes(nameB2), 'never which org');
      assert.doesNotMatch(r.text, ANY_FULL_ID);
      const alone = await postFile(sec, `/api/v1/imports?org_id=${B}&file_name=alone.csv`, Buffer.from(memberCsv([
        { name: '试导邻居', id_number: siblingFull.id_number, join_date: siblingFull.join_date, conversion_date: siblingFull.conversion_date }])));
      assert.equal(alone.status, 422, alone.toString());
      assert.deepEqual(alone.fieldNames(), ['rows[3].id_number'], 'nothing left to write: the refused row is named');
      const created = await search(sec, '试导赵敏');
      assert.equal(created.length, 1);
      assert.equal(created[0].org_id, B);
      const updated = await reveal(sec, ownMember.id);
      assert.equal(updated.phone, '13912345678', 'the phone is updated');
      assert.equal(updated.name, ownFull.name, 'the name is kept');
      const sibling = await reveal(cast.city, siblingFull.id);
      assert.equal(sibling.version, siblingFull.version, 'the sibling\'s member is untouched');

      const mine = await sec.get('/api/v1/imports');
      assert.deepEqual(mine.json.items.map((x) => x.id), [importId], 'the community\'s imports into C1 are not the branch\'s');
      const theirs = await siblingSec.get('/api/v1/imports');
      assert.equal(theirs.status, 200);
      assert.ok(!theirs.json.items.some((x) => x.id === importId), 'a sibling branch does not list it');
      const steal = await siblingSec.post(`/api/v1/imports/${importId}/undo`);
      assert.equal(steal.status, 404, steal.toString());
      const ghost = await siblingSec.post('/api/v1/imports/999999/undo');
      assert.equal(steal.text.replace(/"request_id":"[^"]*"/, ''), ghost.text.replace(/"request_id":"[^"]*"/, ''),
        'out of scope reads like nonexistent');
      assert.ok((await community.get('/api/v1/imports')).json.items.some((x) => x.id === importId), 'the community lists it');

      const u = await sec.post(`/api/v1/imports/${importId}/undo`);
      assert.equal(u.status, 200, u.toString());
      assert.equal(u.json.state, 'undone');
      assert.deepEqual(await search(sec, '试导赵敏'), []);
      const restored = await reveal(sec, ownMember.id);
      assert.equal(restored.phone, ownFull.phone, 'the earlier phone is back');
    });

    test('an import whose member changed since cannot be undone (409 naming the row); nothing is undone', async () => {
      const id = syntheticId('19920303', 515);
      secrets.push(id);
      const r = await postFile(sec, `/api/v1/imports?org_id=${B}&file_name=later.csv`,
        Buffer.from(memberCsv([{ name: '试导周全', id_number: id, phone: '13600002222', join_date: '2012-07-01', conversion_date: '2013-07-01' }])));
      assert.equal(r.status, 201, r.toString());
      const [m] = await search(sec, '试导周全');
      const cur = await sec.get(`/api/v1/members/${m.id}`);
      const e = await sec.request('PUT', `/api/v1/members/${m.id}`, { json: { version: cur.json.version, skills: ['摄影'] } });
      assert.equal(e.status, 200, e.toString());
      const u = await sec.post(`/api/v1/imports/${r.json.id}/undo`);
      assert.equal(u.status, 409, u.toString());
      assert.equal(u.error.code, 'conflict');
      assert.match(u.error.message, /第 3 行/);
      // docs/api.md "Import and export" (issue 16 note 2): the rows are also in `rows`, for the web to show.
      assert.deepEqual(u.json.error.rows, [3]);
      assert.equal((await search(sec, '试导周全')).length, 1, 'all or nothing');
    });
  });

  describe('export', () => {
    const formula = '=HYPERLINK("http://evil.example/","点此")';
    let c5Member, siblingOnlyNames, ownFullId;

    before(async () => {
      // C5: a work unit and a skill that a spreadsheet would run, set through the registry edit (the whole
      // editable set is sent; phone and address, left out, are kept).
      const own = await sec.all(`/api/v1/members?org_id=${B}`);
      c5Member = own.filter((m) => m.id !== cast.actors.member.member_id && !m.name.startsWith('试导')).at(-1);
      const cur = (await sec.get(`/api/v1/members/${c5Member.id}`)).json;
      const body = { version: cur.version, education: cur.education, work_unit: formula, occupation: cur.occupation,
        skills: ['-减压', ...cur.skills].slice(0, 5), tags: cur.tags };
      if (cur.floating_to) body.floating_to = cur.floating_to;
      if (cur.lost_contact_on) body.lost_contact_on = cur.lost_contact_on;
      const r = await sec.request('PUT', `/api/v1/members/${c5Member.id}`, { json: body });
      assert.equal(r.status, 200, r.toString());
      assert.equal(r.json.work_unit, formula);
      ownFullId = (await reveal(sec, c5Member.id)).id_number;
      const ownNames = new Set((await cast.city.all(`/api/v1/members?org_id=${B}`)).map((m) => m.name));
      siblingOnlyNames = (await cast.city.all(`/api/v1/members?org_id=${B2}`)).map((m) => m.name).filter((n) => !ownNames.has(n));
      assert.ok(siblingOnlyNames.length > 0, 'the sibling branch has members of its own names');
    });

    const exportAs = async (client, query, requestId) => {
      const r = await client.get(`/api/v1/members/export?${query}`, requestId ? { headers: { 'X-Request-Id': requestId } } : {});
      assert.equal(r.status, 200, r.toString());
      return r;
    };

    test('CSV: UTF-8 BOM, the watermark first, masked ID numbers and phones, formula cells prefixed with \'', async () => {
      const r = await exportAs(sec, 'format=csv');
      assert.equal(r.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(r.headers['content-disposition'], /^attachment; filename="members\.csv"; filename\*=UTF-8''/);
      assert.match(r.headers['cache-control'], /no-store/);
      assert.deepEqual(r.raw.subarray(0, 3), BOM, 'starts with a UTF-8 BOM');
      const firstLine = r.text.slice(1).split('\r\n')[0];
      assert.match(firstLine, /支部书记/, 'the watermark names the user');
      assert.match(firstLine, /脱敏导出/);
      const sheet = readExport(r.text);
      assert.equal(sheet.watermark, firstLine);
      assert.deepEqual(sheet.header.slice(0, 6), ['姓名', '性别', '民族', '出生日期', '公民身份号码', '联系电话']);
      const listed = await sec.all('/api/v1/members');
      assert.deepEqual(sheet.members.map((m) => m['姓名']).sort(), names(listed), 'the same members as the list');
      assert.match(sheet.watermark, new RegExp(`共 ${listed.length} 人`));
      assert.doesNotMatch(r.text, ANY_FULL_ID, 'no full ID number anywhere');
      for (const m of sheet.members) {
        assert.match(m['公民身份号码'], /^\d{2}\*+[\dX]{3}$/, `${m['姓名']}: ID number masked`);
        if (m['联系电话']) assert.match(m['联系电话'], /^\S{3}\*+\d{4}$/, `${m['姓名']}: phone masked`);
        assert.equal(m['所在党组织'], nameB, 'only the own branch');
      }
      const c5 = sheet.members.find((m) => m['工作单位'].includes('HYPERLINK'));
      assert.ok(c5, 'the member with the formula work unit is exported');
      assert.equal(c5['工作单位'], `'${formula}`, 'C5: a cell starting with = is prefixed with \'');
      assert.match(c5['特长'], /^'-减压/, 'C5: a cell starting with - is prefixed with \'');
      for (const n of siblingOnlyNames) assert.ok(!r.text.includes(n), `A3: ${n} of the sibling branch`);
    });

    test('xlsx: a zip (PK) with the watermark, masked and neutralised cells', async () => {
      const r = await exportAs(sec, 'format=xlsx');
      assert.equal(r.headers['content-type'], XLSX_TYPE);
      assert.equal(r.raw.subarray(0, 2).toString('latin1'), 'PK', 'the zip signature');
      const text = xlsxText(r.raw);
      assert.match(text, /脱敏导出/);
      assert.match(text, /支部书记/);
      assert.ok(text.includes(`'${formula}`), 'C5 in the xlsx too');
      assert.doesNotMatch(text, ANY_FULL_ID);
      for (const n of siblingOnlyNames) assert.ok(!text.includes(n), `A3: ${n} of the sibling branch`);
      const byDefault = await exportAs(sec, '');
      assert.equal(byDefault.headers['content-type'], XLSX_TYPE, 'xlsx is the default');
    });

    const REASON = encodeURIComponent('报送上级党委年度统计');

    // Issue 15 defect 6: a full export states a reason as a reveal does (4–100 characters).
    test('full=true needs a reason (400 naming reason), as a reveal does', async () => {
      for (const q of ['format=csv&full=true', `format=csv&full=true&reason=${encodeURIComponent('看看')}`]) {
        const r = await sec.get(`/api/v1/members/export?${q}`);
        assert.equal(r.status, 400, r.toString());
        assert.deepEqual(r.fieldNames(), ['reason']);
      }
    });

    test('full=true as a branch secretary: the own branch with full ID numbers, still nothing of the sibling', async () => {
      const r = await exportAs(sec, `format=csv&full=true&reason=${REASON}`);
      const sheet = readExport(r.text);
      assert.match(sheet.watermark, /完整信息导出/);
      assert.ok(r.text.includes(ownFullId), 'the full ID number');
      assert.equal(sheet.members.find((m) => m['公民身份号码'] === ownFullId)['工作单位'], `'${formula}`);
      for (const m of sheet.members) assert.equal(m['所在党组织'], nameB);
      for (const n of siblingOnlyNames) assert.ok(!r.text.includes(n), `A3: ${n} of the sibling branch`);
      const own = await exportAs(sec, `format=csv&full=true&org_id=${B}&reason=${REASON}`);
      assert.equal(readExport(own.text).members.length, sheet.members.length);
    });

    // Issue 15 defect 6: every member in a full export finds it, with the reason, under 谁查看了我的信息.
    test('a full export is in the view log of each member it holds, with its reason, pointing at the export', async () => {
      const requestId = `imp-full-${randomBytes(6).toString('hex')}`;
      const r = await exportAs(sec, `format=csv&full=true&org_id=${B}&reason=${encodeURIComponent('核对党费基数')}`, requestId);
      const count = readExport(r.text).members.length;
      const me = cast.actors.member;
      const views = await me.client.get('/api/v1/me/views?limit=5');
      assert.equal(views.status, 200, views.toString());
      const mine = views.json.items.find((v) => v.action === 'member.export_member');
      assert.ok(mine, `the member sees the export: ${views.text}`);
      assert.equal(mine.viewer_name, '支部书记');
      assert.equal(mine.reason, '核对党费基数');
      const exportRow = srv.sql(`SELECT id, detail FROM audit_log WHERE action = 'member.export' AND request_id = '${requestId}'`);
      assert.equal(exportRow.status, 0, exportRow.stderr);
      const [id, detail] = exportRow.stdout.trim().split('|');
      assert.match(detail, / reason=核对党费基数$/);
      const rows = srv.sql(`SELECT subject_member_id, detail FROM audit_log WHERE action = 'member.export_member' AND request_id = '${requestId}'`);
      assert.equal(rows.status, 0, rows.stderr);
      const lines = rows.stdout.trim().split('\n');
      assert.equal(lines.length, count, 'one row per exported member');
      for (const l of lines) assert.equal(l.split('|')[1], `export=${id} reason=核对党费基数`);
      assert.ok(lines.some((l) => Number(l.split('|')[0]) === me.member_id), 'the member\'s own row');
      const masked = await exportAs(sec, `format=csv&org_id=${B}`);
      assert.equal(masked.status, 200);
      const after = await me.client.get('/api/v1/me/views?limit=5');
      assert.equal(after.json.items.filter((v) => v.action === 'member.export_member').length,
        views.json.items.filter((v) => v.action === 'member.export_member').length, 'a masked export is not a view of the record');
    });

    test('filters and refusals: a sibling org_id is named (400), bad values are named, roles without member_read → 403', async () => {
      for (const q of [`org_id=${B2}`, `org_id=${B2}&full=true&reason=${REASON}`, `org_id=${C1}&format=csv`]) {
        const r = await sec.get(`/api/v1/members/export?${q}`);
        assert.equal(r.status, 400, r.toString());
        assert.deepEqual(r.fieldNames(), ['org_id']);
      }
      for (const [q, field] of [['format=pdf', 'format'], ['full=yes', 'full'], ['category=x', 'category']]) {
        const r = await sec.get(`/api/v1/members/export?${q}`);
        assert.equal(r.status, 400, r.toString());
        assert.deepEqual(r.fieldNames(), [field]);
      }
      const some = await exportAs(sec, `format=csv&q=${encodeURIComponent(c5Member.name)}`);
      assert.ok(readExport(some.text).members.every((m) => m['姓名'].startsWith(c5Member.name)), 'q narrows the export');
      for (const who of [cast.actors.member.client, auditor, cast.admin]) {
        const r = await who.get('/api/v1/members/export?format=csv');
        assert.equal(r.status, 403, r.toString());
      }
    });

    test('D3/E1: each export is audited as member.export with count and SHA-256, never the data', async () => {
      const requestId = `imp-export-${randomBytes(6).toString('hex')}`;
      const r = await exportAs(sec, `format=csv&org_id=${B}`, requestId);
      const a = await auditor.get('/api/v1/audit?action=member.export&limit=50');
      assert.equal(a.status, 200, a.toString());
      const row = a.json.items.find((x) => x.request_id === requestId);
      assert.ok(row, 'the export is audited');
      assert.equal(row.actor_name, '支部书记');
      assert.equal(row.object_type, 'org');
      assert.equal(row.object_id, String(B));
      assert.equal(row.result, 'ok');
      assert.ok(a.json.items.filter((x) => x.actor_name === '支部书记').length >= 5, 'every export of this file is there');
      assert.doesNotMatch(a.text, ANY_FULL_ID);
      const detail = srv.sql(`SELECT detail FROM audit_log WHERE id = ${row.id}`);
      assert.equal(detail.status, 0, detail.stderr);
      const count = readExport(r.text).members.length;
      const sha = createHash('sha256').update(r.raw).digest('hex');
      assert.equal(detail.stdout.trim(), `count=${count} full=0 format=csv sha256=${sha}`);
      const all = srv.sql("SELECT detail FROM audit_log WHERE action IN ('member.export', 'member.import', 'member.import_undo')");
      assert.equal(all.status, 0, all.stderr);
      const lines = all.stdout.trim().split('\n');
      assert.ok(lines.length >= 8, lines.join('\n'));
      for (const d of lines) {
        assert.match(d, /^(count=\d+ full=[01] format=(csv|xlsx)|create=\d+,update=\d+,unchanged=\d+,error=\d+(,registered=\d+)?|rows=\d+)( sha256=[0-9a-f]{64})?( reason=\S.*)?$/, d);
      }
      assert.ok(lines.some((d) => /full=1/.test(d)), 'the full export is marked');
    });
  });

  // docs/api.md: "A row whose ID number is already a member of the subtree [of org_id] is an update". Regression:
  // the community admin's import into branch B once updated a member of the sibling branch B2 and filed the import
  // under B, so B's secretary listed it and its undo wrote that B2 member (outside the secretary's scope, A1/A2).
  test('A2: an import into B never writes a member of the sibling branch, and B\'s secretary cannot undo one that did',
    async () => {
      const sib = (await cast.city.all(`/api/v1/members?org_id=${B2}`)).find((m) => m.category === 'full');
      const before = await reveal(community, sib.id);
      const sheet = Buffer.from(memberCsv([{ name: before.name, id_number: before.id_number, phone: '13911112222',
        join_date: before.join_date, conversion_date: before.conversion_date }]));
      secrets.push('13911112222');
      const p = await postFile(community, `/api/v1/imports/preview?org_id=${B}`, sheet);
      assert.equal(p.status, 200, p.toString());
      const c = await postFile(community, `/api/v1/imports?org_id=${B}&file_name=cross.csv`, sheet);
      if (c.status === 201) {
        const u = await sec.post(`/api/v1/imports/${c.json.id}/undo`);
        assert.notEqual(u.status, 200, `B's secretary undid a write to a member of ${B2}: ${u}`);
      }
      assert.equal((await reveal(community, sib.id)).phone, before.phone, `the member of ${B2} is not written by an import into ${B}`);
      assert.equal(p.json.rows[0].action, 'error', `a member of ${B2} is not an update of an import into ${B}: ${p.text}`);
    });

  test('E3: the server log holds none of the ID numbers and phones imported or exported here', () => {
    const log = srv.logs();
    assert.doesNotMatch(log, ANY_FULL_ID, 'an ID number in the log');
    const found = secrets.filter((s) => typeof s === 'string' && s.length >= 6 && log.includes(s));
    assert.deepEqual(found.map((s) => `${s.slice(0, 4)}…`), []);
  });
});
