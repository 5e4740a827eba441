// Who is signed in. Lives in memory only: a reload asks the server again (GET /auth/session), which also
// hands back the CSRF token. Nothing here is ever written to browser storage.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '@/api/auth';
import { isApiError } from '@/api/http';
import type { Grant, Permission, Session } from '@/api/types';

export const useSessionStore = defineStore('session', () => {
  const session = ref<Session | null>(null);
  const loaded = ref(false);
  const currentGrantId = ref<number | null>(null);
  let probing: Promise<void> | null = null;

  const user = computed(() => session.value?.user ?? null);
  const csrfToken = computed(() => session.value?.csrf_token ?? null);
  // What the server says the user holds on at least one org; pages and buttons follow it (the server decides on
  // every call: this is presentation only, and the web keeps no copy of the role table).
  const permissions = computed<Permission[]>(() => session.value?.permissions ?? []);
  const grants = computed<Grant[]>(() => session.value?.grants ?? []);
  const needsMfa = computed(() => session.value?.mfa === 'enroll' || session.value?.mfa === 'verify');
  const signedIn = computed(() => !!session.value && !needsMfa.value);
  const currentGrant = computed<Grant | null>(
    () => grants.value.find((g) => g.id === currentGrantId.value) ?? grants.value[0] ?? null,
  );

  function set(s: Session | null): void {
    session.value = s;
    loaded.value = true;
    if (!s || !s.grants?.some((g) => g.id === currentGrantId.value)) currentGrantId.value = s?.grants?.[0]?.id ?? null;
  }

  function clear(): void {
    set(null);
  }

  /** Ask the server who we are (once per page load unless forced). A 401 just means "nobody". */
  async function load(force = false): Promise<void> {
    if (loaded.value && !force) return;
    if (!probing) {
      probing = (async () => {
        try {
          set(await authApi.session());
        } catch (e) {
          if (isApiError(e) && (e.status === 401 || e.status === 404)) set(null);
          else {
            loaded.value = true; // server unreachable: show login, which reports the error on submit
            session.value = null;
          }
        } finally {
          probing = null;
        }
      })();
    }
    await probing;
  }

  async function login(username: string, password: string): Promise<Session> {
    const s = await authApi.login(username, password);
    set(s);
    return s;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      clear();
    }
  }

  /** Whether the user holds `p` on some org; true for no permission (a page any signed-in user may open). */
  function holds(p: Permission | null | undefined): boolean {
    return !p || permissions.value.includes(p);
  }

  /** The grant of the top bar when it holds `p`, else the first grant that does. */
  function grantHolding(p: Permission): Grant | null {
    return [currentGrant.value, ...grants.value].find((g) => g?.permissions?.includes(p)) ?? null;
  }

  function selectGrant(id: number): void {
    if (grants.value.some((g) => g.id === id)) currentGrantId.value = id;
  }

  return {
    session, loaded, user, csrfToken, permissions, grants, needsMfa, signedIn, currentGrant, currentGrantId,
    set, clear, load, login, logout, holds, grantHolding, selectGrant,
  };
});
