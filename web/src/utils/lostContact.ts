// The search form for a lost-contact member: what is sent (trimmed), and the checks that can be made before
// sending (the server checks again and names each field).
import type { LostContactInput, LostContactMethod } from '@/api/lostContact';

export interface LostContactForm {
  on: string;
  method: LostContactMethod | '';
  searched_by: string;
  result: string;
  found: boolean;
}

export const blankLostContactForm = (today: string): LostContactForm => ({ on: today, method: '', searched_by: '', result: '', found: false });

export function lostContactPayload(form: LostContactForm): LostContactInput {
  return {
    on: form.on,
    method: form.method as LostContactMethod,
    searched_by: form.searched_by.trim(),
    result: form.result.trim(),
    found: form.found,
  };
}

const chars = (s: string) => [...s.trim()].length;

/** The fields that are surely wrong before sending: the i18n key for each (empty when none). */
export function lostContactFormErrors(form: LostContactForm, lostOn: string | null, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!form.on) out.on = 'lostContact.form.onRequired';
  else if (form.on > today) out.on = 'lostContact.form.onFuture';
  else if (lostOn && form.on < lostOn) out.on = 'lostContact.form.onBeforeLost';
  if (!form.method) out.method = 'lostContact.form.methodRequired';
  const by = chars(form.searched_by);
  if (by < 1 || by > 30) out.searched_by = 'lostContact.form.byRule';
  const result = chars(form.result);
  if (result < 1 || result > 500) out.result = 'lostContact.form.resultRule';
  return out;
}
