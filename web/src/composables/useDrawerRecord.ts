// A drawer that shows one record by id: loads it each time the drawer opens (or the id changes while open),
// and closes the drawer with a message when it cannot be read.
import { ref, watch, type Ref } from 'vue';
import { notifyError } from './notify';

export function useDrawerRecord<T>(open: Ref<boolean>, id: () => number | null, load: (id: number) => Promise<T>) {
  const record = ref<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  watch(
    () => [open.value, id()] as const,
    async ([isOpen, key]) => {
      if (!isOpen || key == null) return;
      record.value = null;
      loading.value = true;
      try {
        record.value = await load(key);
      } catch (e) {
        open.value = false;
        notifyError(e);
      } finally {
        loading.value = false;
      }
    },
    { immediate: true },
  );
  return { record, loading };
}
