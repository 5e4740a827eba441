// Connects the API client to the session store and the router: CSRF token and language go out with
// every call; a 401 sends the user to the login page (remembering where they were), a 403
// mfa_required to the second-factor page.
import type { Router } from 'vue-router';
import { configureClient } from '@/api/http';
import { currentLocale } from '@/i18n';
import type { useSessionStore } from '@/stores/session';

type SessionStore = ReturnType<typeof useSessionStore>;

export function wireClient(router: Router, session: SessionStore): void {
  configureClient({
    csrfToken: () => session.csrfToken,
    locale: () => currentLocale(),
    onUnauthenticated: () => {
      session.clear();
      const here = router.currentRoute.value;
      if (here.meta.public) return;
      const redirect = here.fullPath && here.fullPath !== '/' ? here.fullPath : undefined;
      void router.replace({ name: 'login', query: redirect ? { redirect } : {} });
    },
    onMfaRequired: () => {
      // the server says the second factor is still missing: refresh our view of the session and go there
      void session.load(true).finally(() => router.replace({ name: 'totp' }));
    },
  });
}
