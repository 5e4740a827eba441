// Import and export of the member registry (docs/api.md "Import and export"): a preview that writes nothing,
// the import of the same file, the imports of the caller's scope with their undo, the template, and the
// registry as a file with the list's filters.
import { buildUrl, download, http, type DownloadedFile, type Query } from './http';
import type { MemberQuery } from './members';

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

/** The registry fields a column can fill (the keys of `imports.fields` in the catalogue). */
export const IMPORT_FIELDS = [
  'name', 'sex', 'ethnicity', 'birth_date', 'id_number', 'phone', 'education', 'join_date', 'conversion_date',
  'category', 'work_unit', 'address', 'skills', 'org',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number] | string;

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  error: number;
}

/** One problem (error) or remark (note) of a row: the field, the sheet's own column header, the message. */
export interface ImportIssue {
  field: ImportField;
  column: string;
  message: string;
}

export interface ImportRow {
  /** The sheet's row number, as the user sees it in Excel. */
  row: number;
  action: ImportAction;
  name: string;
  /** Masked by the server. */
  id_number: string;
  org_name: string;
  /** The fields an `update` writes. */
  changes: ImportField[];
  errors: ImportIssue[];
  notes: ImportIssue[];
}

export interface ImportPreview {
  org: { id: number; name: string };
  header_row: number;
  columns: { header: string; field: ImportField }[];
  ignored_columns: string[];
  counts: ImportCounts;
  rows: ImportRow[];
}

export interface Import {
  id: number;
  kind?: 'members' | 'orgs';
  org: { id: number; name: string };
  file_name: string;
  /** Who imported (the contract names it only; a name, or an object with one). */
  by: string | { id?: number; name?: string; display_name?: string } | null;
  /** UTC epoch milliseconds. */
  at: number;
  counts: ImportCounts;
  state: 'committed' | 'undone';
  /** UTC epoch milliseconds. */
  undo_until: number;
  can_undo: boolean;
  /** The commit's answer only: rows not written because the ID number is already registered where the
   *  preview could not say (issue 15 defect 3); the message says neither where nor as what. */
  conflicts?: ImportRow[];
}

export type FileFormat = 'xlsx' | 'csv';

/** The member list's filters, without paging. */
export type MemberFilters = Omit<MemberQuery, 'limit' | 'cursor'> & { status?: string };

/** A full export states its reason (4–100 characters, as for a reveal); the server records it. */
function exportQuery(filters: MemberFilters, format: FileFormat, full: boolean, reason?: string): Query {
  return { ...filters, format, full: full ? 'true' : undefined, reason: full && reason ? reason : undefined };
}

export const importApi = {
  /** Reads the file and says what an import would do; writes nothing. */
  preview: (orgId: number, file: Blob) => http.post<ImportPreview>('/imports/preview', file, { query: { org_id: orgId } }),
  /** Writes the rows the preview shows as create or update, in one transaction. */
  commit: (orgId: number, file: Blob, fileName: string) =>
    http.post<Import>('/imports', file, { query: { org_id: orgId, file_name: fileName } }),
  list: (orgId?: number | null) => http.get<{ items: Import[] }>('/imports', { org_id: orgId ?? undefined }),
  undo: (id: number) => http.post<Import>(`/imports/${id}/undo`),
  templateUrl: (format: FileFormat) => buildUrl('/imports/template', { format }),
  template: (format: FileFormat): Promise<DownloadedFile> => download('/imports/template', { format }),
};

/** One row of an org sheet as the server decided it. */
export interface OrgImportRow {
  row: number;
  action: 'create' | 'unchanged' | 'error';
  name: string;
  org_type: string;
  parent_name: string;
  errors: ImportIssue[];
}

export interface OrgImportPreview {
  org: { id: number; name: string };
  header_row: number;
  columns: { header: string; field: string }[];
  ignored_columns: string[];
  counts: ImportCounts;
  rows: OrgImportRow[];
}

export const orgImportApi = {
  preview: (orgId: number, file: Blob) => http.post<OrgImportPreview>('/imports/orgs/preview', file, { query: { org_id: orgId } }),
  commit: (orgId: number, file: Blob, fileName: string) =>
    http.post<Import>('/imports/orgs', file, { query: { org_id: orgId, file_name: fileName } }),
  list: () => http.get<{ items: Import[] }>('/imports/orgs'),
  template: (format: FileFormat): Promise<DownloadedFile> => download('/imports/orgs/template', { format }),
};

export const exportApi = {
  membersUrl: (filters: MemberFilters, format: FileFormat, full = false, reason?: string) =>
    buildUrl('/members/export', exportQuery(filters, format, full, reason)),
  members: (filters: MemberFilters, format: FileFormat, full = false, reason?: string): Promise<DownloadedFile> =>
    download('/members/export', exportQuery(filters, format, full, reason)),
};
