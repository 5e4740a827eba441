// The value in force today of one policy key for an org (docs/api.md "Policies"), so that a hint quotes the local
// rule instead of a figure copied into the web app (issue 16: messages take the figure as a parameter). null until
// read, or when the org is unknown or the read fails (the server checks the rule either way).
import { ref, watch, type Ref } from 'vue';
import { policyApi } from '@/api/policies';

export function usePolicyValue(orgId: () => number | null | undefined, key: string): Ref<number | null> {
  const value = ref<number | null>(null);
  watch(orgId, async (id) => {
    value.value = null;
    if (id == null) return;
    try {
      const item = (await policyApi.list(id)).items.find((i) => i.key === key);
      value.value = typeof item?.value === 'number' ? item.value : null;
    } catch {
      value.value = null;
    }
  }, { immediate: true });
  return value;
}
