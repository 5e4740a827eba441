// Display helpers. The server already masks ID numbers and phones by role; these helpers mask again
// whatever still looks whole (defence in depth), pass masked values through, and write "—" for nothing.
// Dates: business dates stay YYYY-MM-DD; instants (UTC) are shown in Asia/Shanghai time.

export const EMPTY = '—';
const TZ = 'Asia/Shanghai';

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Keep `head` leading and `tail` trailing characters, star the middle (length kept). */
export function maskMiddle(v: string, head: number, tail: number): string {
  const chars = Array.from(v);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** ID number as shown to staff: `35**************3X`. Already-masked values (any `*`) pass through. */
export function maskIdNumber(v: string | null | undefined): string {
  if (isBlank(v)) return EMPTY;
  const s = String(v).trim();
  if (s.includes('*')) return s;
  return maskMiddle(s, 2, 3);
}

/** Mobile number as shown to staff: `138****1234`. Already-masked values pass through. */
export function maskPhone(v: string | null | undefined): string {
  if (isBlank(v)) return EMPTY;
  const s = String(v).trim();
  if (s.includes('*')) return s;
  const digits = s.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1') && /^[\d\s-]+$/.test(s) && !s.startsWith('0')) {
    return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  }
  return maskMiddle(s, Math.min(3, Math.floor(s.length / 3)), Math.min(4, Math.floor(s.length / 3)));
}

export function orEmpty(v: string | number | null | undefined): string {
  return isBlank(v) ? EMPTY : String(v);
}

function shanghaiParts(d: Date): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const out: Record<string, string> = {};
  for (const p of parts) out[p.type] = p.value;
  return out;
}

/** `2026-11-23`. A business date passes through; an instant is turned into its Shanghai date. */
export function formatDate(v: string | null | undefined): string {
  if (isBlank(v)) return EMPTY;
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  const p = shanghaiParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `2026-11-23 11:04:05` in Shanghai time, from an ISO-8601 UTC instant. */
export function formatDateTime(v: string | null | undefined): string {
  if (isBlank(v)) return EMPTY;
  const d = new Date(String(v));
  if (Number.isNaN(d.getTime())) return String(v);
  const p = shanghaiParts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today's business date in Shanghai, `YYYY-MM-DD`. */
export function todayShanghai(now = new Date()): string {
  const p = shanghaiParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

type T = (key: string, params?: Record<string, unknown>) => string;

/** 党龄 N 年; probationary members (or no conversion date) have no party age yet. */
export function partyAgeText(
  m: { party_age?: number | null; category?: string | null },
  t: T,
): string {
  if (m.category === 'probationary' || m.party_age === null || m.party_age === undefined) {
    return m.category === 'probationary' ? t('member.noPartyAge') : EMPTY;
  }
  return t('member.partyAgeYears', { n: m.party_age });
}

/** One period of formal affiliation: "2020-01-01 至 2026-11-10", "2026-11-10 起", "入党起". */
export function periodText(a: { valid_from: string | null; valid_to: string | null }, t: T): string {
  const from = a.valid_from ? formatDate(a.valid_from) : t('me.fromJoining');
  if (a.valid_to) return t('me.period', { from, to: formatDate(a.valid_to) });
  return a.valid_from ? t('me.since', { from }) : t('me.fromJoining');
}

/** Label from a message group, or the raw code when the group has no entry for it. */
export function labelOf(
  group: string,
  code: string | null | undefined,
  t: T,
  te: (key: string) => boolean,
): string {
  if (isBlank(code)) return EMPTY;
  const key = `${group}.${String(code).replace(/\./g, '_')}`;
  return te(key) ? t(key) : String(code);
}

/** The full URL of a setup link the server returns as `/#/setup?token=…`. */
export function absoluteLink(link: string, origin: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  return origin.replace(/\/$/, '') + (link.startsWith('/') ? link : `/${link}`);
}

/** A span of minutes as the board says it: minutes under an hour, hours under a day, then days and hours. */
export function spanOf(minutes: number): { key: 'minutes' | 'hours' | 'days'; n: number; h: number } {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return { key: 'minutes', n: m, h: 0 };
  if (m < 1440) return { key: 'hours', n: Math.floor(m / 60), h: 0 };
  return { key: 'days', n: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) };
}
