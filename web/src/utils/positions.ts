// Pure helpers of 党群服务阵地: the weekly hours as a person types them per day ("08:30-12:00，14:30-18:00"), today's
// hours for the list, and the form's request body. The server checks every period and names the wrong one.
import type { Position, PositionInput, PositionLevel, Weekday, WeeklyHours } from '@/api/positions';
import { WEEKDAYS } from '@/api/positions';

/** "08:30-12:00，14:30-18:00" / "08:30-12:00 14:30-18:00" → ["08:30-12:00", "14:30-18:00"]; full-width marks and
 *  "～" or "至" between the times are read too. Empty → closed. */
export function parseDayText(text: string): string[] {
  return text
    .replace(/[：]/g, ':')
    .replace(/[～~—–至到]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .split(/[,，;；、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.replace(/^(\d):/, '0$1:').replace(/-(\d):/, '-0$1:'));
}

export function dayText(ranges: readonly string[] | undefined): string {
  return (ranges ?? []).join('，');
}

/** Monday = 0 in Asia/Shanghai (UTC+8), as the server counts. */
export function weekdayShanghai(now = new Date()): Weekday {
  const d = new Date(now.getTime() + 8 * 3600e3).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(d + 6) % 7];
}

/** Today's periods, or "" when closed today. */
export function todayHours(p: Pick<Position, 'hours'>, now = new Date()): string {
  return dayText(p.hours[weekdayShanghai(now)]);
}

export interface PositionForm {
  level: PositionLevel;
  name: string;
  address: string;
  lat: string;
  lng: string;
  area_m2: number | null;
  phone: string;
  note: string;
  days: Record<Weekday, string>;
  services: string[];
}

export function blankForm(level: PositionLevel = 'community_centre'): PositionForm {
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, ''])) as Record<Weekday, string>;
  return { level, name: '', address: '', lat: '', lng: '', area_m2: null, phone: '', note: '', days, services: [] };
}

export function formOf(p: Position): PositionForm {
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, dayText(p.hours[d])])) as Record<Weekday, string>;
  return {
    level: p.level, name: p.name, address: p.address, lat: p.point ? String(p.point.lat) : '',
    lng: p.point ? String(p.point.lng) : '', area_m2: p.area_m2, phone: p.phone, note: p.note, days,
    services: [...p.services],
  };
}

/** The request body: coordinates only when typed (a half-typed pair is sent as it is, so the server names it). */
export function inputOf(f: PositionForm): PositionInput {
  const hours: WeeklyHours = {};
  for (const d of WEEKDAYS) hours[d] = parseDayText(f.days[d]);
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));
  return {
    level: f.level, name: f.name.trim(), address: f.address.trim(), lat: num(f.lat), lng: num(f.lng),
    area_m2: f.area_m2 ?? 0, phone: f.phone.trim(), note: f.note.trim(), hours, services: [...f.services],
  };
}
