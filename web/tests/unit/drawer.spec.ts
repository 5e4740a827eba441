// The drawer loader: loads when the drawer opens, again when the id changes, and closes on a failed load.
import { describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { useDrawerRecord } from '@/composables/useDrawerRecord';

vi.mock('@/composables/notify', () => ({ notifyError: vi.fn() }));

const settle = async () => {
  await nextTick();
  await new Promise((r) => setTimeout(r, 0));
};

describe('useDrawerRecord', () => {
  it('loads on open and on a new id, not while closed', async () => {
    const open = ref(false);
    const id = ref<number | null>(1);
    const load = vi.fn(async (n: number) => ({ n }));
    const { record, loading } = useDrawerRecord(open, () => id.value, load);
    await settle();
    expect(load).not.toHaveBeenCalled();
    open.value = true;
    await settle();
    expect(record.value).toEqual({ n: 1 });
    expect(loading.value).toBe(false);
    id.value = 2;
    await settle();
    expect(record.value).toEqual({ n: 2 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('closes the drawer when the record cannot be read', async () => {
    const open = ref(true);
    const { record } = useDrawerRecord(open, () => 7, async () => {
      throw new Error('not found');
    });
    await settle();
    expect(open.value).toBe(false);
    expect(record.value).toBeNull();
  });
});
