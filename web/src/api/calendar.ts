// Working-day calendar (docs/api.md "Working-day calendar"): a year's holidays and adjusted working days, and
// loading a year from the State Council notice as CSV rows "date,kind,name".
import { http } from './http';
import type { CalendarYear } from './types';

export const calendarApi = {
  get: (year: number) => http.get<CalendarYear>('/calendar', { year }),
  load: (year: number, source: string, csv: string) =>
    http.put<{ year: number; days: number }>(`/calendar/${year}`, { source, csv }),
};
