// Open311 GeoReport v2 over HTTP on gen --scale=test, both engines (issue 17 "Open interfaces"; domain.md §7 event
// entity and "residents' data … masked"; docs/api.md "Open311"): services, a service's definition, requests and one
// request as JSON and as XML (parsed by a real XML parser, saxes, and checked), a POST form-encoded with a good, a
// wrong and a revoked api key, a place outside the jurisdiction or the key's subtree (400 naming lat/long), missing
// parameters (400 naming each), an unknown jurisdiction (404), the spec's filters, and no resident's data in any
// public answer while the staff see the phone on the event.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startServer, ROOT } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { Client } from './lib/client.mjs';

// saxes: the strict XML parser jsdom uses (web/node_modules, installed by scripts/web-build's npm ci).
const { SaxesParser } = createRequire(`${ROOT}/web/package.json`)('saxes');

/** A well-formed XML document (or a throw) as { name, children: [...], text }. */
function parseXml(text) {
  const parser = new SaxesParser();
  const stack = [{ name: '#document', children: [], text: '' }];
  parser.on('opentag', (t) => { const n = { name: t.name, children: [], text: '' }; stack.at(-1).children.push(n); stack.push(n); });
  parser.on('text', (s) => { stack.at(-1).text += s; });
  parser.on('closetag', () => { stack.pop(); });
  parser.on('error', (e) => { throw e; });
  parser.write(text).close();
  assert.equal(stack[0].children.length, 1, 'one root element');
  return stack[0].children[0];
}
const child = (n, name) => n.children.find((c) => c.name === name);
const rect = (x0, y0, x1, y1) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const PHONE = '13912349876';

describe('Open311 GeoReport v2 (gen --scale=test)', () => {
  let srv, cast, street, C1, C2, key, client;
  const post = (fields, { path = '/open311/v2/requests.json', query = '' } = {}) =>
    client.request('POST', `${path}${query}`, { body: new URLSearchParams(fields).toString(), headers: FORM });
  const good = (over = {}) => ({ api_key: key, jurisdiction_id: '350000009009', service_code: 'facility.street_light',
    lat: '24.505', long: '118.005', description: `3 号楼路灯不亮，电话 ${PHONE}`, first_name: '阿姨', last_name: '王',
    email: 'wang@example.com', phone: PHONE, ...over });
  const descriptions = (r) => r.json.map((e) => e.description).join(' | ');

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    street = cast.actors.street_admin.client;
    C1 = cast.tree.get(cast.S1).children[0];
    C2 = cast.tree.get(cast.S1).children[1];
    for (const [org, code, x] of [[C1, '350000009009001', 118.0], [C2, '350000009010001', 118.1]]) {
      const g = await street.post('/api/v1/grids', { org_id: org, code, name: `开放网格${code.slice(-4)}`, households: 400,
        boundary: rect(x, 24.5, x + 0.01, 24.51), valid_from: '2025-01-01' });
      assert.equal(g.status, 201, g.toString());
    }
    const k = await street.post('/api/v1/open311/keys', { org_id: C1, client_name: '社区小程序' });
    assert.equal(k.status, 201, k.toString());
    key = k.json.api_key;
    assert.match(key, /^o311_[\w-]{32}$/);
    client = new Client(srv.url);  // no session: the interface is public
  });
  after(() => srv && srv.stop());

  test('services: the leaf categories as JSON and XML; a definition; an unknown one 404 in the spec\'s shape', async () => {
    const j = await client.get('/open311/v2/services.json');
    assert.equal(j.status, 200, j.toString());
    const light = j.json.find((s) => s.service_code === 'facility.street_light');
    assert.deepEqual(light, { service_code: 'facility.street_light', service_name: '路灯损坏', description: 'Broken street light',
      metadata: false, type: 'realtime', keywords: '', group: light.group });
    assert.ok(light.group.length > 0, 'the top category names the group');
    assert.ok(!j.json.some((s) => !s.service_code.includes('.')), 'only leaves');
    const x = await client.get('/open311/v2/services.xml');
    assert.equal(x.status, 200);
    assert.match(x.headers['content-type'], /^application\/xml/);
    const doc = parseXml(x.text);
    assert.equal(doc.name, 'services');
    assert.equal(doc.children.length, j.json.length);
    const lightXml = doc.children.find((s) => child(s, 'service_code').text === 'facility.street_light');
    assert.equal(child(lightXml, 'service_name').text, '路灯损坏');
    assert.equal(child(lightXml, 'metadata').text, 'false');
    const d = await client.get('/open311/v2/services/facility.street_light.xml');
    const def = parseXml(d.text);
    assert.equal(def.name, 'service_definition');
    assert.equal(child(def, 'service_code').text, 'facility.street_light');
    const none = await client.get('/open311/v2/services/no.such.json');
    assert.equal(none.status, 404);
    assert.equal(none.json[0].code, 404);
    assert.match(none.json[0].description, /service_code/);
    const noneXml = parseXml((await client.get('/open311/v2/services/no.such.xml')).text);
    assert.equal(noneXml.name, 'errors');
    assert.equal(child(child(noneXml, 'error'), 'code').text, '404');
    assert.equal((await client.get('/open311/v2/services.json?jurisdiction_id=999999999')).status, 404);
  });

  test('a post with a good key enters as open311 in its grid; the public answers show no resident\'s data', async () => {
    const r = await post(good());
    assert.equal(r.status, 200, r.toString());
    const id = r.json[0].service_request_id;
    assert.match(id, /^\d+$/);
    assert.match(r.json[0].service_notice, /^SJ\d{4}-\d{6}/);
    const one = await client.get(`/open311/v2/requests/${id}.json`);
    assert.equal(one.status, 200, one.toString());
    const q = one.json[0];
    assert.equal(q.status, 'open');
    assert.equal(q.service_code, 'facility.street_light');
    assert.equal(q.service_name, '路灯损坏');
    assert.equal(q.agency_responsible, cast.tree.get(C1).name, 'the accepting community until dispatched');
    assert.match(q.requested_datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.ok(Math.abs(Date.parse(q.requested_datetime) - Date.now()) < 600_000, 'the offset is right');
    assert.equal(q.lat, 24.505);
    assert.equal(q.long, 118.005);
    // PII: no name, phone or email; the phone typed into the description is masked.
    assert.ok(!one.text.includes(PHONE) && !one.text.includes('wang@') && !one.text.includes('王阿姨'), one.text);
    assert.match(q.description, /139\*{4}9876/);
    const staff = await street.get(`/api/v1/events/${id}`);
    assert.equal(staff.json.channel, 'open311');
    assert.equal(staff.json.reporter_phone, PHONE, 'the staff see the phone');
    assert.equal(staff.json.owner_org_id, C1);
    const x = parseXml((await client.get(`/open311/v2/requests.xml?service_request_id=${id}`)).text);
    assert.equal(x.name, 'service_requests');
    assert.equal(x.children.length, 1);
    assert.equal(child(x.children[0], 'service_request_id').text, id);
    assert.equal(child(x.children[0], 'status').text, 'open');
    assert.ok(!JSON.stringify(x).includes(PHONE));
    // The key's use shows in the admin's list (masked, never the key).
    const keys = await street.get('/api/v1/open311/keys');
    const mine = keys.json.items.find((k) => k.name === '社区小程序');
    assert.equal(mine.masked_key, `o311_…${key.slice(-4)}`);
    assert.ok(mine.last_used_at);
    assert.ok(!keys.text.includes(key));
  });

  test('jurisdiction_id and api_key in the query string, as clients send them; an address in a community', async () => {
    const { api_key: apiKey, jurisdiction_id: j, ...rest } = good({ lat: '', long: '', address_string: '开放路 8 号' });
    const r = await post(rest, { query: `?api_key=${apiKey}&jurisdiction_id=${j}` });
    assert.equal(r.status, 200, r.toString());
    const one = await client.get(`/open311/v2/requests/${r.json[0].service_request_id}.json?jurisdiction_id=350000009`);
    assert.equal(one.json[0].address, '开放路 8 号');
    assert.equal(one.json[0].lat, null);
    // The other community is not its jurisdiction.
    assert.equal((await client.get(`/open311/v2/requests/${r.json[0].service_request_id}.json?jurisdiction_id=350000009010`)).status, 404);
  });

  test('keys: missing, wrong and revoked keys are 403; other communities\' places and missing parameters 400', async () => {
    let r = await post(good({ api_key: '' }));
    assert.equal(r.status, 403, r.toString());
    assert.deepEqual(r.json.map((e) => e.code), [403]);
    assert.match(descriptions(r), /api_key/);
    r = await post(good({ api_key: `o311_${'x'.repeat(32)}` }));
    assert.equal(r.status, 403);
    // A place in the other community's grid: outside the jurisdiction, then outside the key's subtree.
    r = await post(good({ long: '118.105' }));
    assert.equal(r.status, 400, r.toString());
    assert.equal(r.json.length, 2);
    assert.match(r.json[0].description, /lat/);
    assert.match(r.json[1].description, /long/);
    r = await post(good({ long: '118.105', jurisdiction_id: '350000009' }));
    assert.equal(r.status, 400);
    assert.match(descriptions(r), /密钥/);
    r = await post(good({ jurisdiction_id: '350000009999' }));
    assert.equal(r.status, 404, r.toString());
    assert.match(descriptions(r), /jurisdiction_id/);
    r = await post({ api_key: key });
    assert.equal(r.status, 400);
    assert.deepEqual(r.json.map((e) => e.code), [400, 400, 400, 400]);
    for (const name of ['service_code', 'lat', 'long', '诉求内容']) assert.match(descriptions(r), new RegExp(name));
    r = await post(good({ colour: 'red' }));
    assert.equal(r.status, 400);
    assert.match(descriptions(r), /colour/);
    r = await client.request('POST', '/open311/v2/requests.json', { json: good() });
    assert.equal(r.status, 415, 'a JSON body is not the spec\'s form');
    assert.equal(r.json[0].code, 415);
    // Revoked: the same key is refused from then on.
    const k = await street.post('/api/v1/open311/keys', { org_id: C1, client_name: '将吊销' });
    assert.equal((await post(good({ api_key: k.json.api_key }))).status, 200);
    assert.equal((await street.post(`/api/v1/open311/keys/${k.json.key.id}/revoke`)).status, 200);
    r = await post(good({ api_key: k.json.api_key }));
    assert.equal(r.status, 403);
    const x = parseXml((await post(good({ api_key: k.json.api_key }), { path: '/open311/v2/requests.xml' })).text);
    assert.equal(x.name, 'errors');
    assert.equal(child(child(x, 'error'), 'code').text, '403');
    assert.equal((await street.post(`/api/v1/open311/keys/${k.json.key.id}/revoke`)).status, 409);
  });

  test('filters: status, service_code, dates, ids; bad values 400 naming them', async () => {
    const r = await post(good({ service_code: 'city.garbage', description: '垃圾满溢' }));
    assert.equal(r.status, 200, r.toString());
    const id = r.json[0].service_request_id;
    const all = await client.get('/open311/v2/requests.json?jurisdiction_id=350000009');
    assert.ok(all.json.some((q) => q.service_request_id === id));
    assert.ok(all.json.every((q) => q.status === 'open'));
    assert.deepEqual((await client.get('/open311/v2/requests.json?status=closed&jurisdiction_id=350000009')).json, []);
    const garbage = await client.get('/open311/v2/requests.json?service_code=city.garbage');
    assert.deepEqual(garbage.json.map((q) => q.service_request_id), [id]);
    const later = new Date(Date.now() + 3600_000).toISOString();
    assert.deepEqual((await client.get(`/open311/v2/requests.json?start_date=${later}`)).json, []);
    const ids = await client.get(`/open311/v2/requests.json?service_request_id=${id},999999&status=closed`);
    assert.deepEqual(ids.json.map((q) => q.service_request_id), [id], 'ids override the other filters');
    let bad = await client.get('/open311/v2/requests.json?status=shut');
    assert.equal(bad.status, 400);
    assert.match(bad.json[0].description, /status/);
    bad = await client.get('/open311/v2/requests.json?start_date=yesterday');
    assert.equal(bad.status, 400);
    assert.match(bad.json[0].description, /start_date/);
    assert.equal((await client.get('/open311/v2/requests.json?service_request_id=a,b')).status, 400);
    assert.equal((await client.get('/open311/v2/requests/999999.json')).status, 404);
    assert.equal((await client.get('/open311/v2/requests.txt')).status, 404, 'only .json and .xml');
  });
});
