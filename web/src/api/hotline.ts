// The hotline channel (docs/api.md "Hotline work orders"; issue 17): the import of 12345 / 81890 work orders — a
// preview that writes nothing, the commit of the same file, the template. The call-back (回访) is a step of the
// loop (eventApi.act with action "callback").
import { download, http, type DownloadedFile } from './http';
import type { QueryOf, Schemas } from './types';

export type HotlineChannel = 'hotline_12345' | 'hotline_81890';
export type HotlineImportPreview = Schemas['HotlineImportPreview'];
export type HotlineImportRow = Schemas['HotlineImportRow'];

export const hotlineApi = {
  /** Reads the file and says what an import would do, row by row; writes nothing. */
  preview: (orgId: number, channel: HotlineChannel, file: Blob) =>
    http.post<HotlineImportPreview>('/hotline-imports/preview', file, {
      query: { org_id: orgId, channel } satisfies QueryOf<'previewHotlineImport'>,
    }),
  /** Registers the rows the preview shows as create, in one transaction; re-running the file changes nothing. */
  commit: (orgId: number, channel: HotlineChannel, file: Blob, fileName: string) =>
    http.post<HotlineImportPreview>('/hotline-imports', file, {
      query: { org_id: orgId, channel, file_name: fileName } satisfies QueryOf<'commitHotlineImport'>,
    }),
  template: (): Promise<DownloadedFile> => download('/hotline-imports/template', { format: 'xlsx' }),
};
