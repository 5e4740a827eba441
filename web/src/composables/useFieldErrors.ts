// Maps an API error onto a form: each `fields[]` entry lands on the el-form-item of the same prop
// (`<el-form-item prop="password" :error="errors.password">`), and the message heads the form.
import { reactive, ref } from 'vue';
import { ApiError, fieldErrorMap, isApiError } from '@/api/http';
import { t } from '@/i18n';

export function errorText(e: unknown): string {
  if (isApiError(e)) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return t('errors.generic', { status: '?' });
}

export function useFieldErrors() {
  const errors = reactive<Record<string, string>>({});
  const message = ref('');

  function clear(): void {
    for (const k of Object.keys(errors)) delete errors[k];
    message.value = '';
  }

  /** Show `e` on the form. Returns true if it was an API error the form could show. */
  function apply(e: unknown, formFields?: readonly string[]): boolean {
    clear();
    if (!(e instanceof ApiError)) {
      message.value = errorText(e);
      return false;
    }
    const map = fieldErrorMap(e);
    const unknown: string[] = [];
    for (const [field, msg] of Object.entries(map)) {
      if (!formFields || formFields.includes(field)) errors[field] = msg;
      else unknown.push(msg);
    }
    message.value = [e.message, ...unknown].filter(Boolean).join('；');
    return true;
  }

  return { errors, message, clear, apply };
}
