// Grid import (docs/api.md "Grids › Import"): a GeoJSON file or zipped Shapefile previewed feature by feature,
// then committed all or nothing. The mapping names, per grid field, the file's attribute ("" = none).
import { http } from './http';

export const IMPORT_FIELDS = ['code', 'name', 'households', 'residents', 'buildings', 'community'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type GridMapping = Record<ImportField, string | null>;

export interface GridImportFeature {
  feature: number;
  action: 'create' | 'redraw' | 'update' | 'unchanged' | 'error';
  code: string;
  name: string;
  households: number | null;
  residents: number | null;
  buildings: string[];
  grid_id: number | null;
  community: { id: number; name: string } | null;
  geometry: { type: string; coordinates: unknown[] } | null;
  area_m2: number;
  changes: string[];
  errors: { field: string; key: string; message: string }[];
  warnings: { key: string; message: string }[];
}

export interface GridImportPreview {
  org: { id: number; name: string };
  format: string;
  crs: string;
  encoding: string;
  attributes: string[];
  mapping: GridMapping;
  valid_from: string;
  counts: { create: number; redraw: number; update: number; unchanged: number; error: number };
  features: GridImportFeature[];
  warnings: { key: string; message: string }[];
}

function query(orgId: number, fileName: string, mapping: Partial<GridMapping>, validFrom: string) {
  const q: Record<string, string | number> = { org_id: orgId, file_name: fileName };
  if (validFrom) q.valid_from = validFrom;
  for (const [field, attribute] of Object.entries(mapping)) q[`map_${field}`] = attribute ?? '';
  return q;
}

export const gridImportApi = {
  preview: (orgId: number, file: File, mapping: Partial<GridMapping> = {}, validFrom = '') =>
    http.post<GridImportPreview>('/grids/import/preview', file, { query: query(orgId, file.name, mapping, validFrom) }),
  commit: (orgId: number, file: File, mapping: Partial<GridMapping>, validFrom: string) =>
    http.post<{ valid_from: string; counts: Record<string, number>; grid_ids: number[] }>('/grids/import', file, {
      query: query(orgId, file.name, mapping, validFrom),
    }),
};
