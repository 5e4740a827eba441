// Duplicate events (可能是同一问题 / 合并) and the people an assignee org may name on 分派 / 转派 (docs/api.md
// "Duplicates"; issue 17).
import { http } from './http';
import type { components } from './openapi';

type Schemas = components['schemas'];
export type DuplicateList = Schemas['DuplicateList'];
export type DuplicateCandidate = DuplicateList['items'][number];
export type AssignableUser = Schemas['AssignableUsers']['items'][number];

export interface DuplicateProbe {
  category_code: string;
  org_id: number;
  grid_id?: number | null;
  lng?: number | null;
  lat?: number | null;
  reported_at?: string;
}

export const dupesApi = {
  forEvent: (id: number) => http.get<DuplicateList>(`/events/${id}/duplicates`),
  probe: (q: DuplicateProbe) =>
    http.get<DuplicateList>('/event-duplicates', {
      category_code: q.category_code, org_id: q.org_id, grid_id: q.grid_id ?? undefined,
      lng: q.lng ?? undefined, lat: q.lat ?? undefined, reported_at: q.reported_at || undefined,
    }),
  merge: (id: number, body: { version: number; primary_id: number; reason: string }) =>
    http.post<Schemas['EventDetail']>(`/events/${id}/merge`, body),
  assignees: (id: number, orgId: number) =>
    http.get<{ items: AssignableUser[] }>(`/events/${id}/assignees`, { org_id: orgId }),
};

/** "约 33 米" / "1.2 公里" — the distance as a person reads it. */
export function distanceText(metres: number, locale: string): string {
  if (metres >= 1000) return locale === 'en' ? `${(metres / 1000).toFixed(1)} km` : `${(metres / 1000).toFixed(1)} 公里`;
  return locale === 'en' ? `${metres} m` : `${metres} 米`;
}
