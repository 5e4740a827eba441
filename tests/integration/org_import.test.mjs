// Org import over HTTP (issue 4: "Import members and orgs from .xlsx and .csv in the shapes offices already use"):
// a community committee's roll of its orgs — a title row, everyday column names, GB18030 as Excel saves CSV in
// China, a row naming a row above as its parent — previews row by row, writes nothing until committed, sets up the
// good rows (each with its history line), and the whole import is undone within 7 days; a secretary imports no
// orgs and another community's committee sees nothing of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';
import { createUser, login } from './lib/client.mjs';
import { gb18030, postFile } from './lib/sheets.mjs';

describe('org import (gen --scale=test)', () => {
  let srv, cast, committee, community, importId;

  const sheet = gb18030([
    '海发社区党组织设置情况表,,,,',
    '序号,党组织名称,组织类型,上级组织,成立时间,批准文号',
    '1,海发社区第二党总支,党总支,,2021-03-01,海发社委〔2021〕2号',
    '2,海景小区党支部,支部,海发社区第二党总支,2021年3月1日,',
    '3,楼栋党小组,党小组,,,',
    '',
  ].join('\r\n'));

  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
    community = cast.tree.get(cast.B).parent_id;
    committee = await login(srv, await createUser(srv, cast.admin, { username: 'roll_admin', display_name: '社区党委管理员',
      role: 'org_admin', org_id: community }));
  });
  after(() => srv && srv.stop());

  const children = async (org) => (await cast.city.get(`/api/v1/orgs/${org}/children`)).json.items;

  test('preview names each row; the commit sets up the good ones under the right parents; the undo is whole', async () => {
    const p = await postFile(committee, `/api/v1/imports/orgs/preview?org_id=${community}`, sheet);
    assert.equal(p.status, 200, p.toString());
    assert.equal(p.json.header_row, 2);
    assert.deepEqual(p.json.rows.map((r) => `${r.row}:${r.action}`), ['3:create', '4:create', '5:error']);
    assert.equal(p.json.rows[1].parent_name, '海发社区第二党总支');
    assert.match(p.json.rows[2].errors[0].message, /^组织类别“党小组”不是党组织类别/);
    assert.equal(p.json.rows[2].errors[0].column, '组织类别');
    assert.ok(!(await children(community)).some((o) => o.name === '海发社区第二党总支'), 'a preview writes nothing');

    const c = await postFile(committee, `/api/v1/imports/orgs?org_id=${community}&file_name=${encodeURIComponent('组织.csv')}`, sheet);
    assert.equal(c.status, 201, c.toString());
    importId = c.json.id;
    assert.equal(c.json.kind, 'orgs');
    const general = (await children(community)).find((o) => o.name === '海发社区第二党总支');
    assert.ok(general);
    assert.equal(general.org_type, 'general_branch');
    assert.equal(general.valid_from, '2021-03-01');
    assert.deepEqual((await children(general.id)).map((o) => o.name), ['海景小区党支部']);
    const h = await cast.city.get(`/api/v1/orgs/${general.id}/history`);
    assert.equal(h.json.items[0].event, 'created');
    assert.equal(h.json.items[0].approval_doc, '海发社委〔2021〕2号');
    const list = await committee.get('/api/v1/imports/orgs');
    assert.deepEqual(list.json.items.map((x) => x.id), [importId]);
    assert.equal((await committee.get('/api/v1/imports')).json.items.length, 0, 'member imports are listed apart');

    const u = await committee.post(`/api/v1/imports/${importId}/undo`);
    assert.equal(u.status, 200, u.toString());
    assert.equal(u.json.state, 'undone');
    assert.ok(!(await children(community)).some((o) => o.name === '海发社区第二党总支'), 'gone from the tree of today');
  });

  test('a branch secretary imports no orgs; another community sees nothing of this one', async () => {
    const r = await postFile(cast.actors.secretary.client, `/api/v1/imports/orgs/preview?org_id=${cast.B}`, sheet);
    assert.equal(r.status, 403, r.toString());
    const other = cast.tree.get(cast.S1).children.find((id) => id !== community);
    const outsider = await login(srv, await createUser(srv, cast.admin, { username: 'other_admin', display_name: '外社区管理员',
      role: 'org_admin', org_id: other }));
    assert.equal((await outsider.get('/api/v1/imports/orgs')).json.items.length, 0);
    assert.equal((await outsider.post(`/api/v1/imports/${importId}/undo`)).status, 404);
    assert.equal((await postFile(outsider, `/api/v1/imports/orgs/preview?org_id=${community}`, sheet)).status, 404);
  });
});
