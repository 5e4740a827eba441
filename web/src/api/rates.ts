// The rates board (docs/api.md "Event rates"): the rates of an org's events per group, and the same as .xlsx.
import { download, http, type DownloadedFile } from './http';
import type { QueryOf, Schemas } from './types';

export type RatesBoard = Schemas['RatesBoard'];
export type RatesRow = Schemas['RatesRow'];
export type Rate = Schemas['Rate'];
export type RatesQuery = QueryOf<'getEventRates'>;
export type GroupBy = NonNullable<RatesQuery['group_by']>;
export const GROUPINGS: GroupBy[] = ['month', 'street', 'community', 'grid', 'department', 'whistled', 'category'];
export const RATE_KEYS = ['response', 'on_time', 'resolution', 'satisfaction', 'reopen', 'whistle'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export const ratesApi = {
  board: (q: RatesQuery) => http.get<RatesBoard>('/event-rates', q),
  export: (q: RatesQuery): Promise<DownloadedFile> => download('/event-rates/export', q),
};

/** A rate as the board shows it: "85.0%", or "—" when its denominator is 0 (never 0 %). */
export function formatRate(r: Rate): string {
  if (r.den === 0 || r.value === null || r.value === undefined) return '—';
  return `${(r.value * 100).toFixed(1)}%`;
}

/** Its counts, for the hover: "17 / 20". */
export function rateCounts(r: Rate): string {
  return `${r.num} / ${r.den}`;
}

/** Hours as "12.5 h" / "12.5 小时", or "—". */
export function formatHours(h: number | null | undefined, unit: string): string {
  return h === null || h === undefined ? '—' : `${h.toFixed(1)} ${unit}`;
}

/** The percentage points of a rate for a chart: null (a gap) when there is no figure. */
export function chartValue(r: Rate): number | null {
  return r.den === 0 || r.value === null || r.value === undefined ? null : Math.round(r.value * 1000) / 10;
}
