// ② 预览 as the user sees it: the counts, the 说明 of an error row, the confirm button's count, and the
// note that rows with errors are left out.
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import type { ImportPreview } from '@/api/imports';
import PreviewStep from '@/views/member/import/PreviewStep.vue';

const preview = (over: Partial<ImportPreview['counts']> = {}, rows?: ImportPreview['rows']): ImportPreview => ({
  org: { id: 7, name: '第一党支部' },
  header_row: 2,
  columns: [{ header: '姓名', field: 'name' }],
  ignored_columns: ['序号'],
  counts: { create: 2, update: 1, unchanged: 0, error: 1, ...over },
  rows: rows ?? [
    { row: 3, action: 'create', name: '张三', id_number: '99**************1X', org_name: '第一党支部', changes: [], errors: [], notes: [] },
    { row: 4, action: 'update', name: '李四', id_number: '99**************23', org_name: '第一党支部', changes: ['phone', 'skills'], errors: [], notes: [] },
    {
      row: 5, action: 'error', name: '王五', id_number: '99**************45', org_name: '第一党支部', changes: [],
      errors: [{ field: 'id_number', column: '公民身份号码', message: '校验码不正确' }], notes: [],
    },
  ],
});

const mountPreview = (p: ImportPreview) =>
  mount(PreviewStep, { props: { preview: p, fileName: '党员名单.csv', busy: false }, global: { plugins: [i18n] }, attachTo: document.body });

// el-table lays its columns out after mounting.
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 20));
};

describe('PreviewStep', () => {
  it('shows the counts, the ignored columns and each row explained', async () => {
    const w = mountPreview(preview());
    await settle();
    expect(w.get('[data-testid="import-count-create"]').text()).toBe('新增 2');
    expect(w.get('[data-testid="import-count-error"]').text()).toBe('有错误 1');
    expect(w.get('[data-testid="import-ignored"]').text()).toContain('序号');
    expect(w.get('[data-testid="import-row-detail-5"]').text()).toBe('公民身份号码：校验码不正确');
    expect(w.get('[data-testid="import-row-detail-4"]').text()).toBe('将更新：联系电话、特长');
    const commit = w.get('[data-testid="import-commit"]');
    expect(commit.text()).toBe('确认导入 3 条');
    expect(commit.attributes('disabled')).toBeUndefined();
    expect(w.get('[data-testid="import-errors-skipped"]').text()).toBe('有错误的 1 行不会导入，可改正文件后重新导入');
    await commit.trigger('click');
    await w.get('[data-testid="import-back"]').trigger('click');
    expect(w.emitted('commit')).toHaveLength(1);
    expect(w.emitted('back')).toHaveLength(1);
    w.unmount();
  });

  it('keeps the confirm button disabled when nothing would be written', async () => {
    const w = mountPreview(preview({ create: 0, update: 0, unchanged: 2, error: 1 }, []));
    await settle();
    expect(w.get('[data-testid="import-commit"]').attributes('disabled')).toBeDefined();
    expect(w.find('[data-testid="import-nothing"]').exists()).toBe(true);
    w.unmount();
  });
});
