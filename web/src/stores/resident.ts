// A resident verified by a one-time code (issue 17): the phone and the token, in memory only for this page's
// life (security.md D4: nothing in browser storage); a reload asks for a new code.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

export const useResidentStore = defineStore('resident', () => {
  const phone = ref('');
  const token = ref<string | null>(null);
  const expiresAt = ref(0);
  const verified = computed(() => !!token.value && expiresAt.value > Date.now());

  function set(p: string, t: string, until: number): void {
    phone.value = p;
    token.value = t;
    expiresAt.value = until;
  }
  function clear(): void {
    phone.value = '';
    token.value = null;
    expiresAt.value = 0;
  }
  return { phone, token, expiresAt, verified, set, clear };
});
