// Undo one import, after a confirm that says what undoing does. A 409 import.undo_changed (a member changed
// since: edited, transferred, a post, a decision) is shown with the server's message and the sheet rows it
// names; other refusals (422 import.undo_expired …) as the usual error toast.
import { h, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { importApi, type Import } from '@/api/imports';
import { isApiError } from '@/api/http';
import { notifyError, notifyOk } from '@/composables/notify';
import { joinList } from '@/utils/imports';

export function useImportUndo() {
  const { t } = useI18n();
  const undoing = ref<number | null>(null);

  async function undo(imp: Import): Promise<Import | null> {
    try {
      await ElMessageBox.confirm(
        t('imports.undoConfirm', { create: imp.counts.create, update: imp.counts.update, file: imp.file_name }),
        t('imports.undoTitle'),
        { type: 'warning', confirmButtonText: t('imports.undoShort'), cancelButtonText: t('common.cancel') },
      );
    } catch {
      return null; // cancelled
    }
    undoing.value = imp.id;
    try {
      const done = await importApi.undo(imp.id);
      notifyOk(t('imports.undone'));
      return done;
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        const lines = [h('p', e.message)];
        if (e.rows.length) lines.push(h('p', { 'data-testid': 'import-undo-rows' }, t('imports.undoChangedRows', { rows: joinList(e.rows, t) })));
        await ElMessageBox.alert(h('div', lines), t('imports.undoTitle'), {
          type: 'error',
          confirmButtonText: t('common.close'),
          customClass: 'lx-undo-refused',
        }).catch(() => undefined);
      } else {
        notifyError(e);
      }
      return null;
    } finally {
      undoing.value = null;
    }
  }

  return { undo, undoing };
}
