// A member picker's remote search: members whose name starts with the typed text, in the caller's scope
// (optionally under one org), each labelled "姓名（所在组织）". A failed search shows no options.
import { ref } from 'vue';
import { memberApi } from '@/api/members';

export interface MemberOption {
  id: number;
  label: string;
}

export function useMemberSearch(orgId: () => number | null | undefined = () => undefined) {
  const options = ref<MemberOption[]>([]);
  async function search(q: string): Promise<void> {
    try {
      const page = await memberApi.list({ org_id: orgId() ?? undefined, q: q.trim() || undefined, limit: 20 });
      options.value = page.items.map((m) => ({ id: m.id, label: `${m.name}（${m.org_name ?? ''}）` }));
    } catch {
      options.value = [];
    }
  }
  return { options, search };
}
