// The import wizard's pure helpers (how a preview row is explained, which counts the buttons use), the file
// name of a download, the upload and download paths of the API client, and who sees the full export.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, configureClient, download, http, resetClient } from '@/api/http';
import { exportApi, importApi, type ImportRow } from '@/api/imports';
import { i18n, t, te } from '@/i18n';
import { fileNameFromDisposition } from '@/utils/download';
import {
  actionTag, changesText, fieldLabel, importable, importerName, isSheetFile, issueText, joinList, KNOWN_HEADERS,
  millisToIso, rowDetail, skipped, uploadName, visibleRows,
} from '@/utils/imports';
import { fakeFetch, json } from './helpers';

const row = (over: Partial<ImportRow>): ImportRow => ({
  row: 4, action: 'create', name: '张三', id_number: '35**************3X', org_name: '第一党支部',
  changes: [], errors: [], notes: [], ...over,
});

describe('Content-Disposition file names', () => {
  it.each([
    [`attachment; filename*=UTF-8''%E5%85%9A%E5%91%98%E5%90%8D%E5%86%8C.xlsx`, '党员名册.xlsx'],
    [`attachment; filename="members.xlsx"; filename*=UTF-8''%E5%85%9A%E5%91%98.csv`, '党员.csv'],
    [`attachment; filename*=utf-8'zh-CN'%E6%A8%A1%E6%9D%BF.xlsx`, '模板.xlsx'],
    [`attachment; filename="a \\"b\\"; c.xlsx"`, 'a "b"; c.xlsx'],
    ['attachment; filename=plain.csv', 'plain.csv'],
    [`attachment; FILENAME*=ISO-8859-1''caf%E9.csv`, 'café.csv'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\\\x\\\\y.xlsx"', 'y.xlsx'],
  ])('%s → %s', (header, name) => {
    expect(fileNameFromDisposition(header)).toBe(name);
  });

  it('falls back to filename when filename* cannot be decoded, and gives null for none', () => {
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E5%ZZ; filename="x.xlsx"`)).toBe('x.xlsx');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition('attachment; filename=".."')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('')).toBeNull();
  });
});

describe('preview rows', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('labels fields with the sheet headers, and unknown fields by their key', () => {
    expect(fieldLabel('id_number', t, te)).toBe('公民身份号码');
    expect(fieldLabel('phone', t, te)).toBe('联系电话');
    expect(fieldLabel('org', t, te)).toBe('所在党组织');
    expect(fieldLabel('mystery', t, te)).toBe('mystery');
  });

  it('names an error by the column of the file, or by the field when the column is unknown', () => {
    expect(issueText({ field: 'id_number', column: '身份证号', message: '校验码不正确' }, t, te)).toBe('身份证号：校验码不正确');
    expect(issueText({ field: 'id_number', column: '', message: '不能为空' }, t, te)).toBe('公民身份号码：不能为空');
  });

  it('lists the fields an update writes', () => {
    expect(changesText(['phone', 'skills'], t, te)).toBe('将更新：联系电话、特长');
    expect(changesText([], t, te)).toBe('');
    // A registry field the import reads from the field spec (学位) is named by the spec's label (issue 16 note 2).
    expect(changesText(['degree'], t, te)).toBe('将更新：degree');
    expect(changesText(['phone', 'degree'], t, te, (f) => (f === 'degree' ? '学位' : f))).toBe('将更新：联系电话、学位');
    i18n.global.locale.value = 'en';
    expect(changesText(['phone', 'skills'], t, te)).toBe('Will update: phone, skills');
  });

  it('explains a row: errors, notes, and changes only for an update', () => {
    const d = rowDetail(
      row({
        action: 'update',
        changes: ['phone'],
        notes: [{ field: 'join_date', column: '入党时间', message: '与名册不同（名册：2001-07-01），不会修改' }],
      }),
      t,
      te,
    );
    expect(d).toEqual({ errors: [], notes: ['入党时间：与名册不同（名册：2001-07-01），不会修改'], changes: '将更新：联系电话' });
    const e = rowDetail(row({ action: 'error', changes: ['phone'], errors: [{ field: 'id_number', column: '公民身份号码', message: '校验码不正确' }] }), t, te);
    expect(e.errors).toEqual(['公民身份号码：校验码不正确']);
    expect(e.changes).toBe('');
  });

  it('tags each action in its colour', () => {
    expect(['create', 'update', 'unchanged', 'error', 'other'].map(actionTag)).toEqual(['success', 'warning', 'info', 'danger', 'info']);
  });

  it('counts what an import writes and what it skips, and filters the error rows', () => {
    const c = { create: 3, update: 2, unchanged: 4, error: 1 };
    expect(importable(c)).toBe(5);
    expect(skipped(c)).toBe(5);
    expect(importable({ create: 0, update: 0, unchanged: 4, error: 1 })).toBe(0);
    const rows = [row({ row: 3 }), row({ row: 4, action: 'error' }), row({ row: 5, action: 'unchanged' })];
    expect(visibleRows(rows, true).map((r) => r.row)).toEqual([4]);
    expect(visibleRows(rows, false).map((r) => r.row)).toEqual([3, 4, 5]);
  });

  it('takes .xlsx and .csv files only, and records the bare file name', () => {
    expect(['a.xlsx', 'B.CSV', '党员名单.csv '].map(isSheetFile)).toEqual([true, true, true]);
    expect(['a.xls', 'a.xlsx.exe', '', null].map(isSheetFile)).toEqual([false, false, false, false]);
    expect(uploadName({ name: 'C:\\fakepath\\党员名单.csv' })).toBe('党员名单.csv');
    expect(uploadName(null)).toBe('import.xlsx');
  });

  it('reads the importer and the instants the history shows', () => {
    expect(importerName('测试支部书记')).toBe('测试支部书记');
    expect(importerName(null)).toBe('');
    expect(millisToIso(Date.UTC(2026, 10, 23, 3, 4, 5))).toBe('2026-11-23T03:04:05.000Z');
    expect(millisToIso('1700000000000')).toBe(new Date(1700000000000).toISOString());
    expect(millisToIso(null)).toBe('');
    expect(millisToIso('nonsense')).toBe('');
  });

  it('lists the recognized columns in the UI language', () => {
    expect(joinList(KNOWN_HEADERS.slice(0, 3), t)).toBe('姓名、性别、民族');
    expect(t('imports.columns', { names: joinList(KNOWN_HEADERS, t) })).toContain('公民身份号码');
  });
});

describe('api client: files', () => {
  afterEach(() => resetClient());

  it('sends a file raw as application/octet-stream, with the CSRF header and the query', async () => {
    const f = fakeFetch(json(200, { counts: { create: 1, update: 0, unchanged: 0, error: 0 }, rows: [] }));
    configureClient({ fetch: f.fn, csrfToken: () => 'tok' });
    const file = new File(['序号,姓名\n'], '党员名单.csv', { type: 'text/csv' });
    await importApi.preview(7, file);
    const c = f.calls[0];
    expect(c.url).toBe('/api/v1/imports/preview?org_id=7');
    expect(c.init.method).toBe('POST');
    expect(c.headers['content-type']).toBe('application/octet-stream');
    expect(c.headers['x-csrf-token']).toBe('tok');
    expect(c.init.body).toBe(file);
  });

  it('names the file on import, and still sends JSON bodies as JSON', async () => {
    const f = fakeFetch(json(201, { id: 1 }));
    configureClient({ fetch: f.fn });
    await importApi.commit(7, new Blob(['x']), '党员名单.csv');
    await http.post('/imports/1/undo');
    expect(f.calls[0].url).toBe(`/api/v1/imports?org_id=7&file_name=${encodeURIComponent('党员名单.csv')}`);
    expect(f.calls[1].headers['content-type']).toBe('application/json');
    expect(f.calls[1].init.body).toBe('{}');
  });

  it('builds the template and export addresses with the list filters', () => {
    expect(importApi.templateUrl('xlsx')).toBe('/api/v1/imports/template?format=xlsx');
    expect(exportApi.membersUrl({ org_id: 5, q: '张', category: undefined, skill: '电工' }, 'csv')).toBe(
      `/api/v1/members/export?org_id=5&q=${encodeURIComponent('张')}&skill=${encodeURIComponent('电工')}&format=csv`,
    );
    expect(exportApi.membersUrl({}, 'xlsx', true)).toBe('/api/v1/members/export?format=xlsx&full=true');
  });

  it('downloads a file with its name from Content-Disposition', async () => {
    const f = fakeFetch(
      new Response('PK…', {
        status: 200,
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="members.xlsx"; filename*=UTF-8''%E5%85%9A%E5%91%98%E5%90%8D%E5%86%8C.xlsx`,
        },
      }),
    );
    configureClient({ fetch: f.fn });
    const got = await exportApi.members({ org_id: 5 }, 'xlsx');
    expect(got.fileName).toBe('党员名册.xlsx');
    expect(await got.blob.text()).toBe('PK…');
    expect(f.calls[0].headers.accept).toBe('*/*');
    expect(f.calls[0].headers['x-csrf-token']).toBeUndefined();
  });

  it('turns a refused download into an ApiError with the server message', async () => {
    const f = fakeFetch(json(422, { error: { code: 'failed_precondition', message: '导出超过 50000 行，请缩小查询范围' } }));
    configureClient({ fetch: f.fn });
    const err = (await download('/members/export', { format: 'xlsx' }).catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(422);
    expect(err.message).toBe('导出超过 50000 行，请缩小查询范围');
  });

  it('carries the rows an undo conflict names', async () => {
    const f = fakeFetch(
      json(409, { error: { code: 'conflict', message: '导入后已有党员信息变动，不能撤销', rows: [5, 9, 'x'] } }),
      json(409, { error: { code: 'conflict', message: '版本已变' } }),
    );
    configureClient({ fetch: f.fn });
    const e1 = (await importApi.undo(3).catch((e) => e)) as ApiError;
    expect(e1.status).toBe(409);
    expect(e1.rows).toEqual([5, 9]);
    const e2 = (await importApi.undo(3).catch((e) => e)) as ApiError;
    expect(e2.rows).toEqual([]);
  });
});
