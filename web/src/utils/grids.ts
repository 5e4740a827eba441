// Grids on the page: the pasted boundary read as GeoJSON before it is sent (the server decides validity), the
// team's order (1+1+N: workers, then members, then volunteers) and the rings Leaflet draws.
import type { GeoJsonGeometry, Grid, GridInput, GridTeamEntry } from '@/api/grids';
import { displayLatLng } from './gcj02';

export type PasteResult = { ok: true; geometry: GeoJsonGeometry } | { ok: false; reason: 'json' | 'type' };

/** A pasted text as a Polygon or MultiPolygon (a Feature or a FeatureCollection of one gives its geometry). */
export function parseBoundary(text: string): PasteResult {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  let g = v as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[]; coordinates?: unknown };
  if (g?.type === 'FeatureCollection' && Array.isArray(g.features) && g.features.length === 1) g = g.features[0] as typeof g;
  if (g?.type === 'Feature') g = g.geometry as typeof g;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) return { ok: false, reason: 'type' };
  return { ok: true, geometry: g as GeoJsonGeometry };
}

/** The polygons of a geometry as Leaflet's nested [lat, lng] rings, shifted to GCJ-02 when the tiles need it. */
export function leafletRings(geometry: { type: string; coordinates: unknown[] }, gcj: boolean): [number, number][][][] {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  return polygons.map((rings) => rings.map((ring) => ring.map((p) => displayLatLng(p, gcj))));
}

const ROLE_ORDER: Record<string, number> = { worker: 0, member: 1, volunteer: 2 };

/** The team in the order of the 1+1+N: grid workers, members, volunteers (a stable sort keeps the typed order). */
export function teamInOrder(team: GridTeamEntry[]): GridTeamEntry[] {
  return [...team].sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9));
}

/** How many of each role: "1+1+3". */
export function teamFormula(team: GridTeamEntry[]): string {
  const n = (r: string) => team.filter((t) => t.role === r).length;
  return `${n('worker')}+${n('member')}+${n('volunteer')}`;
}

/** The form of an existing grid (edits send every attribute and the whole team). */
export function inputOf(g: Grid): GridInput {
  return {
    name: g.name,
    households: g.households,
    residents: g.residents,
    buildings: [...g.buildings],
    leader: g.leader ? { name: g.leader.name, phone: g.leader.phone ?? '', member_id: g.leader.member_id ?? undefined } : undefined,
    covering_org_id: g.covering?.org_id ?? undefined,
    covering_group_id: g.covering?.group_id ?? undefined,
    note: g.note,
    team: g.team.map((t) => ({ role: t.role, post: t.post ?? '', name: t.name, phone: t.phone ?? '', note: t.note ?? '',
      member_id: t.member_id ?? undefined })),
  };
}

/** The 12-digit community prefix the grids of a list share ("" when none yet). */
export function communityPrefix(grids: Grid[]): string {
  return grids.length ? grids[0].code.slice(0, 12) : '';
}

/** The next free grid code of the community: its prefix and the lowest unused sequence. */
export function nextCode(grids: Grid[]): string {
  const prefix = communityPrefix(grids);
  if (!prefix) return '';
  const used = new Set(grids.map((g) => g.code.slice(12)));
  for (let n = 1; n < 1000; ++n) {
    const s = String(n).padStart(3, '0');
    if (!used.has(s)) return prefix + s;
  }
  return '';
}
