// The import page end to end against a fake server: the file goes to preview with the user's org, the
// preview's confirm imports the same file under its name, ③ shows the result, 导入记录 reloads, 再导入一个文件
// goes back to ① keeping the org, and an undo the server refuses (409) names the changed rows.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { configureClient, resetClient } from '@/api/http';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import ImportView from '@/views/member/ImportView.vue';
import { json } from './helpers';

const counts = { create: 3, update: 0, unchanged: 0, error: 0 };
const imported = {
  id: 11, org: { id: 7, name: '第一党支部' }, file_name: '党员名单.csv', by: '测试支部书记', at: Date.UTC(2026, 10, 23, 2),
  counts, state: 'committed', undo_until: Date.UTC(2026, 10, 30, 2), can_undo: true,
};
const preview = {
  org: { id: 7, name: '第一党支部' }, header_row: 2, columns: [], ignored_columns: ['序号'], counts,
  rows: [1, 2, 3].map((i) => ({
    row: i + 2, action: 'create', name: `验导${i}`, id_number: '99**************1X', org_name: '第一党支部', changes: [], errors: [], notes: [],
  })),
};

function server(undo: () => Response = () => json(200, { ...imported, state: 'undone', can_undo: false }),
  commit: () => Response = () => json(201, imported)) {
  const calls: { method: string; url: string; body: unknown; type: string | null }[] = [];
  let listed: unknown[] = [];
  const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    calls.push({ method, url, body: init.body, type: new Headers(init.headers).get('content-type') });
    if (url.startsWith('/api/v1/orgs/roots')) return json(200, { items: [{ id: 7, name: '第一党支部', child_count: 0, org_type: 'branch' }] });
    if (url.startsWith('/api/v1/imports/preview')) return json(200, preview);
    if (method === 'POST' && url.startsWith('/api/v1/imports?')) {
      listed = [imported];
      return commit();
    }
    if (method === 'POST' && /\/imports\/\d+\/undo$/.test(url)) return undo();
    if (url.startsWith('/api/v1/imports')) return json(200, { items: listed });
    return json(404, { error: { code: 'not_found', message: 'no' } });
  }) as typeof fetch;
  return { fn, calls };
}

const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 20));
  await flushPromises();
};

function signedIn() {
  setActivePinia(createPinia());
  useSessionStore().set({
    user: { id: 2, username: 'secretary1', display_name: '测试支部书记', member_id: null },
    csrf_token: 'tok', mfa: 'none', permissions: ['org_read', 'member_read', 'member_reveal', 'member_write'],
    grants: [{ id: 5, role: 'branch_secretary', role_name: '支部书记', org_id: 7, org_name: '第一党支部', permissions: ['org_read', 'member_read', 'member_reveal', 'member_write'] }],
  });
}

function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'member-list', component: { template: '<div />' } }] });
  return mount(ImportView, { global: { plugins: [i18n, router] }, attachTo: document.body });
}

/** Click a button of the open message box. */
async function answerBox(text: string) {
  await settle();
  const btn = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.trim() === text);
  expect(btn, `message box button ${text}`).toBeTruthy();
  btn!.click();
  await settle();
}

describe('ImportView', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('previews, imports and goes back to ① keeping the org', async () => {
    signedIn();
    const s = server();
    configureClient({ fetch: s.fn, csrfToken: () => 'tok' });
    const w = mountView();
    await settle();
    expect(w.get('[data-testid="import-history"]').text()).toContain('还没有导入记录');

    const input = w.get('[data-testid="import-file"]');
    const file = new File(['XX社区党员名册\n序号,姓名\n'], '党员名单.csv', { type: 'text/csv' });
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
    await input.trigger('change');
    await settle();
    const pv = s.calls.find((c) => c.url.startsWith('/api/v1/imports/preview'))!;
    expect(pv.url).toBe('/api/v1/imports/preview?org_id=7');
    expect(pv.type).toBe('application/octet-stream');
    expect(pv.body).toBe(file);
    expect(w.get('[data-testid="import-count-create"]').text()).toBe('新增 3');

    await w.get('[data-testid="import-commit"]').trigger('click');
    await settle();
    const commit = s.calls.find((c) => c.method === 'POST' && c.url.startsWith('/api/v1/imports?'))!;
    expect(commit.url).toBe(`/api/v1/imports?org_id=7&file_name=${encodeURIComponent('党员名单.csv')}`);
    expect(commit.body).toBe(file);
    expect(w.get('[data-testid="import-result"]').text()).toContain('新增 3 名');
    expect(w.get('[data-testid="import-history"]').text()).toContain('党员名单.csv');
    expect(w.get('[data-testid="import-history"]').text()).toContain('已导入');
    expect(w.findAll('[data-testid="import-undo"]')).toHaveLength(1);

    await w.get('[data-testid="import-again"]').trigger('click');
    await settle();
    expect(w.find('[data-testid="import-file"]').exists()).toBe(true);
    expect(w.get('[data-testid="import-org"]').text()).toContain('第一党支部');
    w.unmount();
  });

  it('undoes from the result after a confirm, and names the changed rows when the server refuses', async () => {
    signedIn();
    const s = server(() => json(409, { error: { code: 'conflict', message: '导入后党员信息已有变动，不能撤销', rows: [5, 9] } }));
    configureClient({ fetch: s.fn, csrfToken: () => 'tok' });
    const w = mountView();
    await settle();
    const input = w.get('[data-testid="import-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], '党员名单.csv')], configurable: true });
    await input.trigger('change');
    await settle();
    await w.get('[data-testid="import-commit"]').trigger('click');
    await settle();

    // from 导入记录
    await w.get('[data-testid="import-undo"]').trigger('click');
    await settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('新增的 3 名党员将从名册中删除');
    await answerBox('撤销');
    const undo = s.calls.find((c) => c.url === '/api/v1/imports/11/undo')!;
    expect(undo.method).toBe('POST');
    expect(document.body.textContent).toContain('导入后党员信息已有变动，不能撤销');
    expect(document.querySelector('[data-testid="import-undo-rows"]')?.textContent).toBe('导入后有变动的行：第 5、9 行');
    w.unmount();
  });

  // Issue 15 defect 3: a row registered where the preview could not say is refused by the import, per row.
  it('names the rows the import refused as already registered, and the rows of a 422 when nothing was left', async () => {
    signedIn();
    const message = '该身份证号码已在册，不能重复登记；如需转入，请办理组织关系转接';
    const conflict = { ...preview.rows[1], action: 'error', org_name: '', errors: [{ field: 'id_number', column: '公民身份号码', message }] };
    let answer = () => json(201, { ...imported, counts: { create: 2, update: 0, unchanged: 0, error: 1 }, conflicts: [conflict] });
    const s = server(undefined, () => answer());
    configureClient({ fetch: s.fn, csrfToken: () => 'tok' });
    const w = mountView();
    await settle();
    const choose = async () => {
      const input = w.get('[data-testid="import-file"]');
      Object.defineProperty(input.element, 'files', { value: [new File(['x'], '党员名单.csv')], configurable: true });
      await input.trigger('change');
      await settle();
    };
    await choose();
    await w.get('[data-testid="import-commit"]').trigger('click');
    await settle();
    expect(w.get('[data-testid="import-conflicts"]').text()).toContain('以下 1 行未导入');
    expect(w.get('[data-testid="import-conflict"]').text()).toBe(`第 4 行 验导2（99**************1X）：${message}`);

    answer = () => json(422, { error: { code: 'failed_precondition', message: '没有可导入的行：请先改正有错误的行',
      fields: [{ field: 'rows[4].id_number', message }] } });
    await w.get('[data-testid="import-again"]').trigger('click');
    await settle();
    await choose();
    await w.get('[data-testid="import-commit"]').trigger('click');
    await settle();
    expect(document.querySelector('[data-testid="import-refused-row"]')?.textContent).toBe(`第 4 行：${message}`);
    w.unmount();
  });
});
