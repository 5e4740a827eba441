// Import and export of the member registry (docs/api.md "Import and export"): a preview that writes nothing,
// the import of the same file, the imports of the caller's scope with their undo, the template, and the
// registry as a file with the list's filters.
import { buildUrl, download, http, type DownloadedFile, type Query } from './http';
import type { QueryOf, Schemas } from './types';

export type ImportCounts = Schemas['ImportCounts'];
/** One problem (error) or remark (note) of a row: the field, the sheet's own column header, the message. */
export type ImportIssue = Schemas['ImportProblem'];
export type ImportRow = Schemas['ImportRow'];
export type ImportAction = ImportRow['action'];
export type ImportPreview = Schemas['ImportPreview'];
export type Import = Schemas['Import'];
/** The commit's answer: the import with the rows not written because the ID number is already registered where
 *  the preview could not say (issue 15 defect 3). */
export type CommittedImport = Schemas['CommittedImport'];
/** What the done step shows: the committed import, or the same import once undone (no conflicts then). */
export type ImportOutcome = Import & Partial<Pick<CommittedImport, 'conflicts'>>;
/** One row of an org sheet as the server decided it. */
export type OrgImportPreview = Schemas['OrgImportPreview'];
export type OrgImportRow = OrgImportPreview['rows'][number];

type ExportQuery = QueryOf<'exportMembers'>;
export type FileFormat = NonNullable<ExportQuery['format']>;

/** The member list's filters, without paging: those the export takes (docs/openapi.yaml exportMembers). */
export type MemberFilters = Omit<ExportQuery, 'format' | 'full' | 'reason'>;

/** A full export states its reason (4–100 characters, as for a reveal); the server records it. */
function exportQuery(filters: MemberFilters, format: FileFormat, full: boolean, reason?: string): Query {
  const query: ExportQuery = { ...filters, format, full: full ? 'true' : undefined, reason: full && reason ? reason : undefined };
  return query;
}

export const importApi = {
  /** Reads the file and says what an import would do; writes nothing. */
  preview: (orgId: number, file: Blob) =>
    http.post<ImportPreview>('/imports/preview', file, { query: { org_id: orgId } satisfies QueryOf<'previewImport'> }),
  /** Writes the rows the preview shows as create or update, in one transaction. */
  commit: (orgId: number, file: Blob, fileName: string) =>
    http.post<CommittedImport>('/imports', file, {
      query: { org_id: orgId, file_name: fileName } satisfies QueryOf<'commitImport'>,
    }),
  list: (orgId?: number | null) =>
    http.get<Schemas['ImportList']>('/imports', { org_id: orgId } satisfies QueryOf<'listImports'>),
  undo: (id: number) => http.post<Import>(`/imports/${id}/undo`),
  templateUrl: (format: FileFormat) => buildUrl('/imports/template', { format }),
  template: (format: FileFormat): Promise<DownloadedFile> => download('/imports/template', { format }),
};

export const orgImportApi = {
  preview: (orgId: number, file: Blob) =>
    http.post<OrgImportPreview>('/imports/orgs/preview', file, {
      query: { org_id: orgId } satisfies QueryOf<'previewOrgImport'>,
    }),
  commit: (orgId: number, file: Blob, fileName: string) =>
    http.post<Import>('/imports/orgs', file, { query: { org_id: orgId, file_name: fileName } satisfies QueryOf<'commitOrgImport'> }),
  list: () => http.get<Schemas['ImportList']>('/imports/orgs'),
  template: (format: FileFormat): Promise<DownloadedFile> => download('/imports/orgs/template', { format }),
};

export const exportApi = {
  membersUrl: (filters: MemberFilters, format: FileFormat, full = false, reason?: string) =>
    buildUrl('/members/export', exportQuery(filters, format, full, reason)),
  members: (filters: MemberFilters, format: FileFormat, full = false, reason?: string): Promise<DownloadedFile> =>
    download('/members/export', exportQuery(filters, format, full, reason)),
};
