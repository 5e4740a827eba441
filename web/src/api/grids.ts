// Grids (docs/api.md "Grids"): list, one, create, edit, redraw, history, the grid of a point, the GeoJSON export
// and the map's tile configuration.
import { download, http } from './http';
import type { components } from './openapi';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];

export type Grid = Schemas['Grid'];
export type GridBoundary = Schemas['GridBoundary'];
export type GridList = Schemas['GridList'];
export type GridTeamEntry = Schemas['GridTeamEntry'];
export type GridPerson = Schemas['GridPerson'];
export type GeoJsonGeometry = Schemas['GeoJsonGeometry'];
export type TeamRole = GridTeamEntry['role'];
export type PostKind = NonNullable<GridTeamEntry['post']>;

export const TEAM_ROLES: TeamRole[] = ['worker', 'member', 'volunteer'];
export const POST_KINDS: PostKind[] = ['regular', 'specialty', 'emergency'];

export interface GridMapConfig {
  tile_url: string;
  tile_crs: 'wgs84' | 'gcj02';
  attribution: string;
}

export interface GridInput {
  name: string;
  households: number;
  residents: number;
  buildings: string[];
  leader?: GridPerson;
  covering_org_id?: number;
  covering_group_id?: number;
  note?: string;
  team: GridTeamEntry[];
}

export const gridApi = {
  list: (q: { org_id?: number | null; as_of?: string } = {}) =>
    http.get<GridList>('/grids', { org_id: q.org_id ?? undefined, as_of: q.as_of || undefined }),
  get: (id: number) => http.get<Grid>(`/grids/${id}`),
  create: (orgId: number, code: string, input: GridInput, boundary?: GeoJsonGeometry, validFrom?: string) =>
    http.post<{ id: number }>('/grids', { org_id: orgId, code, ...input, boundary, valid_from: validFrom || undefined }),
  update: (id: number, version: number, input: GridInput) => http.put<Grid>(`/grids/${id}`, { version, ...input }),
  redraw: (id: number, boundary: GeoJsonGeometry, validFrom?: string) =>
    http.post<Grid>(`/grids/${id}/boundary`, { boundary, valid_from: validFrom || undefined }),
  history: (id: number) => http.get<{ items: GridBoundary[] }>(`/grids/${id}/history`),
  locate: (lng: number, lat: number, asOf?: string) =>
    http.get<{ items: Grid[]; on: string }>('/grids/locate', { lng, lat, as_of: asOf || undefined }),
  map: () => http.get<GridMapConfig>('/grids/map'),
  exportFile: (orgId: number | null) => download('/grids/export', { org_id: orgId ?? undefined }),
};
