// Toasts for actions outside forms. Error toasts name the request id so users can report it.
import { isApiError } from '@/api/http';
import { t } from '@/i18n';
import { errorText } from './useFieldErrors';

export function notifyError(e: unknown): void {
  // 401 and 403 mfa_required are handled by navigation; a toast would only add noise.
  if (isApiError(e) && (e.status === 401 || e.code === 'mfa_required')) return;
  let text = errorText(e);
  if (isApiError(e) && e.requestId && e.status >= 500) text += ` (${t('errors.requestId', { id: e.requestId })})`;
  ElMessage({ type: 'error', message: text, showClose: true, duration: 6000 });
}

export function notifyOk(message: string): void {
  ElMessage({ type: 'success', message });
}

/** A one-click action (end a post, close a group): run it, say 操作成功 and reload, or toast the error. */
export function actionThenReload(reload: () => Promise<void>) {
  return async (action: () => Promise<unknown>): Promise<void> => {
    try {
      await action();
      notifyOk(t('common.done'));
      await reload();
    } catch (e) {
      notifyError(e);
    }
  };
}
