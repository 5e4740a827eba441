// One field spec per member field, served and documented once (issue 16 "Each shape once", bullet 2): GET
// /api/v1/dictionaries gives every code list with zh-CN and en labels and the member field specs; the member
// schemas of docs/openapi.yaml carry exactly the specs' maxLength and enum (a new field or a changed limit that
// is not documented fails here); the registry edit checks a field by its spec and names it in both languages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { Client } from './lib/client.mjs';
import { parseYaml } from './lib/yaml.mjs';

const doc = parseYaml(readFileSync(path.join(ROOT, 'docs/openapi.yaml'), 'utf8'));
const schemas = doc.components.schemas;
// The request bodies that carry member fields, and the record the server answers with.
const REQUESTS = ['RegisterMember', 'MemberEdit', 'IncomingTransferRequest', 'DevelopmentCaseRequest'];
const SIZED = new Set(['text', 'phone', 'id_number']);

describe('dictionaries and member field specs (gen --scale=test)', () => {
  let srv, cast, dict, spec, codes;

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    const r = await cast.actors.secretary.client.get('/api/v1/dictionaries');
    assert.equal(r.status, 200, r.toString());
    dict = r.json;
    spec = new Map(dict.member_fields.map((f) => [f.name, f]));
    codes = new Map(dict.code_lists.map((l) => [l.id, l.codes.map((c) => c.code)]));
  });
  after(() => srv && srv.stop());

  // Issue 16 note 2 "Not done": `lianxin dictionaries --json` prints what the route serves, made by the same
  // function (http/json/dictionary_dto.cpp), with no database.
  test('lianxin dictionaries --json prints exactly what GET /api/v1/dictionaries serves', () => {
    const r = srv.cli('dictionaries', '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), dict);
  });

  test('every code list has both languages\' labels; every code field names a served list', async () => {
    assert.ok(dict.code_lists.length >= 5);
    for (const l of dict.code_lists) {
      assert.ok(l.labels['zh-CN'] && l.labels.en, l.id);
      assert.ok(l.codes.length > 0, l.id);
      for (const c of l.codes) assert.ok(c.labels['zh-CN'] && c.labels.en, `${l.id}.${c.code}`);
    }
    for (const f of dict.member_fields) {
      assert.ok(f.labels['zh-CN'] && f.labels.en, f.name);
      if (f.kind === 'code' || f.kind === 'codes') assert.ok(codes.has(f.code_list), `${f.name} → ${f.code_list}`);
    }
    assert.deepEqual(codes.get('occupation').slice(0, 2), ['worker', 'farmer']);
    assert.equal(spec.get('education').max_length, 20);
    // Any signed-in user reads them (a member too); nobody else.
    const member = await cast.actors.member.client.get('/api/v1/dictionaries');
    assert.equal(member.status, 200);
    assert.equal((await new Client(srv.url).get('/api/v1/dictionaries')).status, 401);
  });

  test('docs/openapi.yaml: the member schemas carry the specs\' maxLength and enum', () => {
    const enumOf = (list, optional) => [...(optional ? [''] : []), ...codes.get(list)];
    const check = (schemaName, request) => {
      for (const [name, prop] of Object.entries(schemas[schemaName].properties)) {
        const f = spec.get(name);
        if (!f) continue;
        const where = `${schemaName}.${name}`;
        if (request && SIZED.has(f.kind)) assert.equal(prop.maxLength, f.max_length, `${where} maxLength`);
        if (f.kind === 'code' && prop.enum) {
          const optional = prop.enum.includes('');
          assert.deepEqual(prop.enum, enumOf(f.code_list, optional), `${where} enum`);
        }
        if (f.kind === 'codes') assert.deepEqual(prop.items.enum, codes.get(f.code_list), `${where} items enum`);
        if (f.kind === 'text_list' && prop.type === 'array') {
          assert.equal(prop.maxItems, f.max_items, `${where} maxItems`);
          if (request) assert.equal(prop.items.maxLength, f.max_length, `${where} items maxLength`);
        }
      }
    };
    for (const s of REQUESTS) check(s, true);
    check('Member', false);
    // A registry field is edited through MemberEdit and answered in Member: both document it.
    for (const f of dict.member_fields.filter((x) => x.registry)) {
      assert.ok(schemas.MemberEdit.properties[f.name], `MemberEdit.${f.name} is documented`);
      assert.ok(schemas.Member.properties[f.name], `Member.${f.name} is documented`);
      if (f.kind === 'code') assert.ok(schemas.MemberEdit.properties[f.name].enum, `MemberEdit.${f.name} has its enum`);
    }
  });

  test('the registry edit checks each registry field by its spec and names it in both languages', async () => {
    const sec = cast.actors.secretary.client;
    const m = (await sec.get(`/api/v1/members/${cast.memberOfB.id}`)).json;
    for (const f of dict.member_fields.filter((x) => x.registry)) assert.ok(f.name in m, `Member answer has ${f.name}`);
    const body = { version: m.version, education: 'x'.repeat(spec.get('education').max_length + 1), occupation: 'astronaut' };
    for (const [lang, label] of [['zh-CN', spec.get('occupation').labels['zh-CN']], ['en', spec.get('occupation').labels.en]]) {
      const r = await sec.request('PUT', `/api/v1/members/${m.id}`, { json: body, headers: { 'Accept-Language': lang } });
      assert.equal(r.status, 400, r.toString());
      const byField = Object.fromEntries(r.json.error.fields.map((x) => [x.field, x.message]));
      assert.deepEqual(Object.keys(byField).sort(), ['education', 'occupation']);
      assert.ok(byField.occupation.includes(label), byField.occupation);
      assert.ok(byField.education.includes(String(spec.get('education').max_length)), byField.education);
    }
    const ok = await sec.request('PUT', `/api/v1/members/${m.id}`, { json: { version: m.version, education: m.education, occupation: 'worker' } });
    assert.equal(ok.status, 200, ok.toString());
    assert.equal(ok.json.occupation, 'worker');
  });
});
