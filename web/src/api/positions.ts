// Party-mass service positions (docs/api.md "Service positions").
import { http } from './http';
import type { components } from './openapi';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];

export type PositionLevel = Position['level'];
export const POSITION_LEVELS: PositionLevel[] = ['street_centre', 'community_centre', 'compound_home', 'district_centre'];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WeeklyHours = Partial<Record<Weekday, string[]>>;

export const SERVICES = [
  'party_affairs', 'transfer', 'dues', 'education', 'floating', 'dual_report', 'volunteer', 'government', 'legal', 'grid',
  'elderly', 'youth', 'culture', 'employment',
] as const;

export type Position = Schemas['Position'];

export interface PositionInput {
  level: PositionLevel;
  name: string;
  address: string;
  lat?: number;
  lng?: number;
  area_m2?: number;
  phone?: string;
  note?: string;
  hours: WeeklyHours;
  services: string[];
}

export const positionApi = {
  list: (q: { org_id?: number | null; level?: string | null } = {}) =>
    http.get<{ items: Position[] }>('/positions', { org_id: q.org_id ?? undefined, level: q.level || undefined }),
  get: (id: number) => http.get<Position>(`/positions/${id}`),
  create: (orgId: number, input: PositionInput) => http.post<{ id: number }>('/positions', { org_id: orgId, ...input }),
  update: (id: number, version: number, input: PositionInput) => http.put<Position>(`/positions/${id}`, { version, ...input }),
  close: (id: number, version: number, on: string) => http.post<void>(`/positions/${id}/close`, { version, on }),
};
