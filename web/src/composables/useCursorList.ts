// A list paged by the server's cursor (docs/api.md "Lists"): the first page replaces the rows, "load
// more" appends the next one. Errors are shown with notifyError; the flags drive the table's spinners and
// its empty text.
import { ref, type Ref } from 'vue';
import { notifyError } from '@/composables/notify';

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

export function useCursorList<T>(load: (cursor: string | undefined) => Promise<Page<T>>) {
  const rows = ref([]) as Ref<T[]>;
  const cursor = ref<string | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const searched = ref(false);

  async function fetchPage(more: boolean) {
    const flag = more ? loadingMore : loading;
    flag.value = true;
    try {
      const res = await load(more ? cursor.value ?? undefined : undefined);
      rows.value = more ? [...rows.value, ...res.items] : res.items;
      cursor.value = res.next_cursor ?? null;
      searched.value = true;
    } catch (e) {
      notifyError(e);
    } finally {
      flag.value = false;
    }
  }

  return { rows, cursor, loading, loadingMore, searched, fetchPage };
}
