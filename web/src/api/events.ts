// Events of grid governance and their closed loop (docs/api.md "Events", domain.md §7.2–7.4).
import { http } from './http';
import type { components } from './openapi';
import type { ListPage } from './types';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];
export type EventSummary = Schemas['EventSummary'];
export type EventDetail = Schemas['EventDetail'];
export type EventState = Schemas['EventState'];
export type EventActionName = Schemas['EventActionName'];
export type EventFlowEntry = Schemas['EventFlowEntry'];
export type EventWhistle = Schemas['EventWhistle'];
export type EventCategory = Schemas['EventCategory'];
export type EventInput = Schemas['EventInput'];
export type EventActionInput = Schemas['EventAction'];
export type EventQueue = 'all' | 'mine' | 'due_soon' | 'overdue' | 'grid' | 'whistled' | 'supervised';
export type EventBoard = Schemas['EventBoard'];
/** queue=whistled: the liaison's whistles open (not reported), reported (not closed) or closed (issue 17). */
export type WhistleState = 'open' | 'reported' | 'closed';

export const eventApi = {
  categories: () => http.get<{ items: EventCategory[] }>('/event-categories'),
  list: (q: { queue?: EventQueue; state?: string; category?: string; limit?: number; cursor?: string | null;
    whistle_state?: WhistleState | '' }) =>
    http.get<ListPage<EventSummary>>('/events', {
      queue: q.queue, state: q.state || undefined, category: q.category || undefined, limit: q.limit, cursor: q.cursor,
      whistle_state: q.whistle_state || undefined,
    }),
  get: (id: number) => http.get<EventDetail>(`/events/${id}`),
  create: (input: EventInput) => http.post<{ id: number }>('/events', input),
  act: (id: number, input: EventActionInput) => http.post<EventDetail>(`/events/${id}/actions`, input),
  /** 督办看板 of a street or district (issue 17 "Pages"). */
  board: (orgId: number) => http.get<EventBoard>('/event-board', { org_id: orgId }),
};

/** The leaves of the dictionary under their top category, for a cascader. */
export function categoryTree(cats: EventCategory[], locale: string) {
  const name = (c: EventCategory) => (locale === 'en' ? c.name_en : c.name_zh);
  return cats.filter((c) => !c.parent_code).map((top) => ({
    value: top.code,
    label: name(top),
    children: cats.filter((c) => c.parent_code === top.code).map((c) => ({ value: c.code, label: name(c) })),
  }));
}

/** A category's name by its code ("市容环境 / 垃圾堆放"). */
export function categoryName(cats: EventCategory[], code: string, locale: string): string {
  const leaf = cats.find((c) => c.code === code);
  if (!leaf) return code;
  const name = (c: EventCategory) => (locale === 'en' ? c.name_en : c.name_zh);
  const top = cats.find((c) => c.code === leaf.parent_code);
  return top ? `${name(top)} / ${name(leaf)}` : name(leaf);
}
