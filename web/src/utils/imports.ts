// Pure helpers of the import wizard and its history: which files are taken, how a preview row is explained
// (errors "列名：message", notes, "将更新：联系电话、特长"), and the counts the buttons and tags show.
import type { Import, ImportAction, ImportCounts, ImportIssue, ImportRow } from '@/api/imports';

type T = (key: string, params?: Record<string, unknown>) => string;
type Te = (key: string) => boolean;

/** The column headers the server recognizes (docs/api.md; synonyms are accepted too). Files carry these
 *  Chinese headers whatever the UI language. */
export const KNOWN_HEADERS = [
  '姓名', '性别', '民族', '出生日期', '公民身份号码', '联系电话', '学历', '入党日期', '转正日期', '人员类别', '工作单位',
  '家庭住址', '特长', '所在党组织',
] as const;

/** The `accept` of the file input. */
export const SHEET_ACCEPT = '.xlsx,.csv';

export function isSheetFile(name: string | null | undefined): boolean {
  return !!name && /\.(xlsx|csv)$/i.test(name.trim());
}

export type TagType = 'success' | 'warning' | 'info' | 'danger' | 'primary';

export const ACTION_TAG: Record<ImportAction, TagType> = {
  create: 'success',
  update: 'warning',
  unchanged: 'info',
  error: 'danger',
};

export function actionTag(a: string): TagType {
  return ACTION_TAG[a as ImportAction] ?? 'info';
}

/** A list in the UI language: 联系电话、特长 / phone, skills. */
export function joinList(items: readonly (string | number)[], t: T): string {
  return items.join(t('imports.listSep'));
}

/** A field's label from the member field specs (useDictionaries().fieldLabel), for fields the catalogue lacks. */
export type SpecLabel = (field: string) => string;

/**
 * The label of a registry field (`phone` → 联系电话): the catalogue's import label, else the field spec's (a
 * registry field the import reads from the spec, 学位 …), else the key itself.
 */
export function fieldLabel(field: string, t: T, te: Te, spec?: SpecLabel): string {
  const key = `imports.fields.${field}`;
  return te(key) ? t(key) : spec ? spec(field) : field;
}

/** "列名：message" — the sheet's own header when the server names it, else the field's label. */
export function issueText(issue: ImportIssue, t: T, te: Te, spec?: SpecLabel): string {
  const column = issue.column?.trim() || fieldLabel(issue.field, t, te, spec);
  return t('imports.issue', { column, message: issue.message });
}

/** "将更新：联系电话、特长", or '' when the row changes nothing. */
export function changesText(changes: readonly string[] | null | undefined, t: T, te: Te, spec?: SpecLabel): string {
  if (!changes?.length) return '';
  return t('imports.willUpdate', { names: joinList(changes.map((f) => fieldLabel(f, t, te, spec)), t) });
}

export interface RowDetail {
  errors: string[];
  notes: string[];
  changes: string;
}

/** What the 说明 column of a preview row shows: errors (red), notes (grey), the fields an update writes. */
export function rowDetail(
  row: Pick<ImportRow, 'errors' | 'notes' | 'changes' | 'action'>, t: T, te: Te, spec?: SpecLabel,
): RowDetail {
  return {
    errors: (row.errors ?? []).map((i) => issueText(i, t, te, spec)),
    notes: (row.notes ?? []).map((i) => issueText(i, t, te, spec)),
    changes: row.action === 'update' ? changesText(row.changes, t, te, spec) : '',
  };
}

/** Rows the import would write. */
export const importable = (c: ImportCounts): number => (c.create ?? 0) + (c.update ?? 0);
/** Rows an import leaves alone: unchanged and erroneous. */
export const skipped = (c: ImportCounts): number => (c.unchanged ?? 0) + (c.error ?? 0);

export function visibleRows<R extends Pick<ImportRow, 'action'>>(rows: readonly R[], onlyErrors: boolean): R[] {
  return onlyErrors ? rows.filter((r) => r.action === 'error') : [...rows];
}

/** The importer's display name as the server sends it (docs/openapi.yaml Import.by); '' for none. */
export function importerName(by: Import['by'] | null | undefined): string {
  return by ?? '';
}

/** UTC epoch milliseconds as an ISO instant for the date formatters ('' for nothing). */
export function millisToIso(ms: number | string | null | undefined): string {
  if (ms === null || ms === undefined || ms === '') return '';
  const n = typeof ms === 'number' ? ms : /^\d+$/.test(ms) ? Number(ms) : NaN;
  const d = Number.isFinite(n) ? new Date(n) : new Date(String(ms));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** The file name an import is recorded under: the chosen file's, never a path. */
export function uploadName(file: { name?: string } | null | undefined, fallback = 'import.xlsx'): string {
  const n = file?.name?.split(/[/\\]/).pop()?.trim();
  return n || fallback;
}
