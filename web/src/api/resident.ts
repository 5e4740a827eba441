// A resident's own events (docs/api.md "Residents' events", issue 17): as the bearer of the token from
// /public/codes/verify (stores/resident.ts, memory only), except the follow link, which needs no code.
import { http } from './http';
import type { EventCategory } from './events';

export interface ResidentCommunity {
  org_id: number;
  name: string;
}
export interface ResidentGridFeature {
  type: 'Feature';
  id: string;
  geometry: { type: string; coordinates: unknown[] };
  properties: { grid_id: number; name: string; org_id: number; org_name: string };
}
export interface ResidentPlaces {
  communities: ResidentCommunity[];
  grids: { type: 'FeatureCollection'; features: ResidentGridFeature[] };
  map: { tile_url: string; tile_crs: string; attribution: string };
}
export interface ResidentReportInput {
  category_code: string;
  description: string;
  reporter_name?: string;
  address?: string;
  location?: { lng: number; lat: number };
  org_id?: number;
  photo_ids: string[];
}
export interface ReportReceipt {
  id: number;
  number: string;
  follow_token: string;
  org_name: string;
  grid_name: string;
}
export interface ResidentEvent {
  id: number;
  number: string;
  category_code: string;
  org_name: string;
  address: string;
  description: string;
  photo_count: number;
  reported_at: string;
  state: string;
  closed_at: string | null;
  outcome: string;
  score: number;
  follow_token?: string;
  merged?: boolean;  // merged into another event (issue 17 "Duplicates"): its link shows that one
}
export interface FollowStep {
  action: string;
  state: string;
  at: string;
}
export interface FollowedEvent extends ResidentEvent {
  grid_name: string;
  steps: FollowStep[];
  result: string;
  result_at: string | null;
  can_confirm: boolean;
  merged_number?: string | null;  // the resident's own event, merged into the one shown
}
export type Outcome = 'resolved' | 'partly' | 'not_resolved';

const as = (bearer: string) => ({ bearer, noAuthRedirect: true });

export const residentApi = {
  categories: (bearer: string) =>
    http.get<{ items: EventCategory[] }>('/public/event-categories', undefined, as(bearer)),
  places: (bearer: string) => http.get<ResidentPlaces>('/public/places', undefined, as(bearer)),
  report: (bearer: string, input: ResidentReportInput) =>
    http.post<ReportReceipt>('/public/events', input, as(bearer)),
  mine: (bearer: string) => http.get<{ items: ResidentEvent[] }>('/public/events', undefined, as(bearer)),
  follow: (token: string) =>
    http.get<FollowedEvent>(`/public/follow/${encodeURIComponent(token)}`, undefined, { noAuthRedirect: true }),
  confirm: (bearer: string, id: number, outcome: Outcome, score: number, comment = '') =>
    http.post<FollowedEvent>(`/public/events/${id}/confirm`, { outcome, score, comment }, as(bearer)),
};
