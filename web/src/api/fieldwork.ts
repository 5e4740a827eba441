// 日巡 patrols, 民情面对面 sessions and 大走访 household visits (docs/api.md "Patrols and visits"; issue 17).
import { http } from './http';
import type { components } from './openapi';
import type { ListPage } from './types';

type Schemas = components['schemas'];
export type FieldworkItem = Schemas['FieldworkItem'];
export type FieldworkItemInput = Schemas['FieldworkItemInput'];
export type PatrolSummary = Schemas['PatrolSummary'];
export type PatrolDetail = Schemas['PatrolDetail'];
export type PatrolInput = Schemas['PatrolInput'];
export type PatrolDuty = Schemas['PatrolDuty'];
export type PatrolDutyGrid = Schemas['PatrolDutyGrid'];
export type RaiseInput = Schemas['RaiseInput'];
export type VisitClear = Schemas['VisitClear'];
export type HouseholdVisitSummary = Schemas['HouseholdVisitSummary'];
export type HouseholdVisitDetail = Schemas['HouseholdVisitDetail'];
export type HouseholdVisitInput = Schemas['HouseholdVisitInput'];
export type VisitSessionSummary = Schemas['VisitSessionSummary'];
export type VisitSessionDetail = Schemas['VisitSessionDetail'];
export type VisitSessionInput = Schemas['VisitSessionInput'];
export type EventOrigin = Schemas['EventOrigin'];
export type ClearAnswer = 'yes' | 'no' | 'unknown';

interface ListQuery {
  grid_id?: number | null;
  org_id?: number | null;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string | null;
}
const listQuery = (q: ListQuery) => ({
  grid_id: q.grid_id || undefined, org_id: q.org_id || undefined, from: q.from || undefined, to: q.to || undefined,
  limit: q.limit, cursor: q.cursor,
});

export const patrolApi = {
  list: (q: ListQuery & { worker_user_id?: number | null }) =>
    http.get<ListPage<PatrolSummary>>('/patrols', { ...listQuery(q), worker_user_id: q.worker_user_id || undefined }),
  start: (input: PatrolInput) => http.post<{ id: number }>('/patrols', input),
  get: (id: number) => http.get<PatrolDetail>(`/patrols/${id}`),
  update: (id: number, input: { version: number; end_time?: string; route?: string; note?: string }) =>
    http.put<PatrolDetail>(`/patrols/${id}`, input),
  addFinding: (id: number, input: FieldworkItemInput) => http.post<{ seq: number }>(`/patrols/${id}/findings`, input),
  raise: (id: number, seq: number, input: RaiseInput = {}) =>
    http.post<{ event_id: number }>(`/patrols/${id}/findings/${seq}/event`, input),
  duty: (q: { org_id?: number | null; as_of?: string }) =>
    http.get<PatrolDuty>('/patrols/duty', { org_id: q.org_id || undefined, as_of: q.as_of || undefined }),
  origin: (eventId: number) => http.get<EventOrigin>(`/events/${eventId}/origin`),
};

export const visitApi = {
  clears: () => http.get<{ items: VisitClear[] }>('/visit-clears'),
  list: (q: ListQuery) => http.get<ListPage<HouseholdVisitSummary>>('/visits', listQuery(q)),
  record: (input: HouseholdVisitInput) => http.post<{ id: number }>('/visits', input),
  get: (id: number) => http.get<HouseholdVisitDetail>(`/visits/${id}`),
  raise: (id: number, seq: number, input: RaiseInput = {}) =>
    http.post<{ event_id: number }>(`/visits/${id}/needs/${seq}/event`, input),
  sessions: (q: ListQuery) => http.get<ListPage<VisitSessionSummary>>('/visit-sessions', listQuery(q)),
  recordSession: (input: VisitSessionInput) => http.post<{ id: number }>('/visit-sessions', input),
  session: (id: number) => http.get<VisitSessionDetail>(`/visit-sessions/${id}`),
  raiseProblem: (id: number, seq: number, input: RaiseInput = {}) =>
    http.post<{ event_id: number }>(`/visit-sessions/${id}/problems/${seq}/event`, input),
};

/** Every page of a list (a roster prints all of a grid's visits). */
export async function allPages<T>(fetch: (cursor: string | null) => Promise<ListPage<T>>, cap = 20): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < cap; i++) {
    const page: ListPage<T> = await fetch(cursor);
    out.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return out;
}

/** Today in Asia/Shanghai as YYYY-MM-DD, and the time as HH:MM. */
export function shanghaiNow(now = new Date()): { day: string; time: string } {
  const s = new Date(now.getTime() + 8 * 3600e3).toISOString();
  return { day: s.slice(0, 10), time: s.slice(11, 16) };
}
