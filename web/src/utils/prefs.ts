// Browser storage holds display preferences only. These two keys are the whole list (security test D4):
// never user data, tokens or anything personal. Session state lives in memory (Pinia) and in the
// HttpOnly cookie the server sets.

export const PREF_KEYS = ['lx.locale', 'lx.elder'] as const;
export type PrefKey = (typeof PREF_KEYS)[number];

function store(): Storage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null; // storage disabled by the browser
  }
}

export function readPref(key: PrefKey): string | null {
  if (!PREF_KEYS.includes(key)) throw new Error(`not a preference key: ${key}`);
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writePref(key: PrefKey, value: string | null): void {
  if (!PREF_KEYS.includes(key)) throw new Error(`not a preference key: ${key}`);
  try {
    const s = store();
    if (!s) return;
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
  } catch {
    // quota or privacy mode: a preference is not worth an error
  }
}
