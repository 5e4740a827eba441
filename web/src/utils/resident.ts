// The logic of a resident's phone pages (issue 17: /r/report, /r/mine, /r/e/:token), apart from the views so that it
// is tested (tests/unit/resident.spec.ts): the report's steps and what each needs, the two-level dictionary as
// groups, the place sent (a point, or the community picked and a typed address), the state a resident reads, the
// follow link, and a tapped point on GCJ-02 tiles brought back to WGS-84 (nothing sent is ever in GCJ-02).
import type { EventCategory } from '@/api/events';
import type { ResidentReportInput } from '@/api/resident';
import { type LngLat, wgs84ToGcj02 } from './gcj02';

export const REPORT_STEPS = ['phone', 'category', 'text', 'photos', 'place', 'send'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

export interface ReportDraft {
  category: string;
  description: string;
  name: string;
  photos: string[];
  point: LngLat | null;
  communityId: number | null;
  address: string;
}

export function emptyDraft(): ReportDraft {
  return { category: '', description: '', name: '', photos: [], point: null, communityId: null, address: '' };
}

/** What still keeps the resident on `step` (an i18n key under resident.need), or '' when they may go on. */
export function missing(step: ReportStep, d: ReportDraft, verified: boolean): string {
  switch (step) {
    case 'phone':
      return verified ? '' : 'phone';
    case 'category':
      return d.category ? '' : 'category';
    case 'text':
      return d.description.trim().length >= 2 ? '' : 'text';
    case 'place':
      if (d.point) return '';
      if (!d.communityId) return 'place';
      return d.address.trim() ? '' : 'address';
    default:
      return '';
  }
}

export function nextStep(step: ReportStep): ReportStep {
  const i = REPORT_STEPS.indexOf(step);
  return REPORT_STEPS[Math.min(i + 1, REPORT_STEPS.length - 1)];
}
export function prevStep(step: ReportStep): ReportStep {
  const i = REPORT_STEPS.indexOf(step);
  return REPORT_STEPS[Math.max(i - 1, 1)];
}

/** The step whose field the server named, so that the resident is taken back to it. */
export function stepOfField(field: string): ReportStep {
  if (field === 'category_code') return 'category';
  if (field === 'description' || field === 'reporter_name') return 'text';
  if (field.startsWith('photo_ids')) return 'photos';
  if (field === 'phone') return 'send';
  return 'place';
}

export interface CategoryGroup {
  code: string;
  name: string;
  leaves: { code: string; name: string }[];
}

/** Top categories with their leaves, in the server's order; names in the page's language. */
export function categoryGroups(items: EventCategory[], lang: string): CategoryGroup[] {
  const name = (c: EventCategory) => (lang === 'en' ? c.name_en : c.name_zh);
  const groups = items.filter((c) => !c.parent_code).map((c) => ({ code: c.code, name: name(c), leaves: [] as CategoryGroup['leaves'] }));
  for (const c of items) {
    const g = groups.find((x) => x.code === c.parent_code);
    if (g) g.leaves.push({ code: c.code, name: name(c) });
  }
  return groups.filter((g) => g.leaves.length > 0);
}

export function categoryName(items: EventCategory[], code: string, lang: string): string {
  const c = items.find((x) => x.code === code);
  return c ? (lang === 'en' ? c.name_en : c.name_zh) : code;
}

/** The body of POST /public/events: a point wins; without one, the community and the address. */
export function reportBody(d: ReportDraft): ResidentReportInput {
  const body: ResidentReportInput = { category_code: d.category, description: d.description.trim(), photo_ids: d.photos };
  if (d.name.trim()) body.reporter_name = d.name.trim();
  if (d.address.trim()) body.address = d.address.trim();
  if (d.point) body.location = { lng: round6(d.point.lng), lat: round6(d.point.lat) };
  else if (d.communityId) body.org_id = d.communityId;
  return body;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The states as a resident reads them: received, being handled, waiting for their answer, done. */
export function residentStage(state: string): 'received' | 'handling' | 'answer' | 'done' | 'closed' {
  if (state === 'accepted') return 'received';
  if (state === 'feedback') return 'answer';
  if (state === 'rated') return 'done';
  if (state === 'dismissed') return 'closed';
  return 'handling';
}

/** The follow page's address (what the resident keeps or shares with family). */
export function followUrl(token: string, origin: string): string {
  return `${origin.replace(/\/$/, '')}/r/e/${token}`;
}

/** A point tapped on GCJ-02 tiles, back to WGS-84 (the inverse by fixed-point iteration; ~1e-7° after 3 rounds). */
export function gcj02ToWgs84(p: LngLat): LngLat {
  let w = { ...p };
  for (let i = 0; i < 4; i++) {
    const g = wgs84ToGcj02(w);
    w = { lng: w.lng - (g.lng - p.lng), lat: w.lat - (g.lat - p.lat) };
  }
  return w;
}

/** The grid holding a point (ray casting over the outer rings of each polygon), for the page's "you are in …". */
export function gridAt(
  features: { geometry: { type: string; coordinates: unknown[] }; properties: { name: string; org_name: string; org_id: number } }[],
  p: LngLat,
): { name: string; org_name: string; org_id: number } | null {
  for (const f of features) {
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
    for (const rings of polys) if (rings[0] && inside(rings[0], p)) return f.properties;
  }
  return null;
}

function inside(ring: number[][], p: LngLat): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}
