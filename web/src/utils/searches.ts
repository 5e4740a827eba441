// The search form for a lost-contact member: what is sent (trimmed), and the checks that can be made before
// sending (the server checks again and names each field).
import type { SearchInput, SearchMethod } from '@/api/searches';

export interface SearchForm {
  on: string;
  method: SearchMethod | '';
  searched_by: string;
  result: string;
  found: boolean;
}

export const blankSearchForm = (today: string): SearchForm => ({ on: today, method: '', searched_by: '', result: '', found: false });

export function searchPayload(form: SearchForm): SearchInput {
  return {
    on: form.on,
    method: form.method as SearchMethod,
    searched_by: form.searched_by.trim(),
    result: form.result.trim(),
    found: form.found,
  };
}

const chars = (s: string) => [...s.trim()].length;

/** The fields that are surely wrong before sending: the i18n key for each (empty when none). */
export function searchFormErrors(form: SearchForm, lostOn: string | null, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!form.on) out.on = 'searches.form.onRequired';
  else if (form.on > today) out.on = 'searches.form.onFuture';
  else if (lostOn && form.on < lostOn) out.on = 'searches.form.onBeforeLost';
  if (!form.method) out.method = 'searches.form.methodRequired';
  const by = chars(form.searched_by);
  if (by < 1 || by > 30) out.searched_by = 'searches.form.byRule';
  const result = chars(form.result);
  if (result < 1 || result > 500) out.result = 'searches.form.resultRule';
  return out;
}
