// The app wiring: a 401 on any call sends the user to the login page, remembering the page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { wireClient } from '@/app/wire';
import { configureClient, http, resetClient } from '@/api/http';
import { useSessionStore } from '@/stores/session';
import { fakeFetch, json } from './helpers';

const Empty = { template: '<div />' };

function makeRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: Empty, meta: { public: true } },
      { path: '/totp', name: 'totp', component: Empty },
      { path: '/system/users', name: 'users', component: Empty },
      { path: '/', name: 'home', component: Empty },
    ],
  });
}

const session = {
  user: { id: 1, username: 'admin', display_name: '系统管理员', member_id: null },
  csrf_token: 'tok-1',
  mfa: 'ok' as const,
  grants: [],
  permissions: ['org_read' as const, 'user_read' as const, 'user_manage' as const],
};

describe('wireClient', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => resetClient());

  it('sends the session CSRF token and goes to login on 401', async () => {
    const router = makeRouter();
    await router.push('/system/users?q=x');
    const store = useSessionStore();
    store.set(session);
    wireClient(router, store);
    const f = fakeFetch(json(200, {}), json(401, { error: { code: 'unauthenticated', message: '登录已失效' } }));
    configureClient({ fetch: f.fn });

    await http.post('/users', { username: 'u' });
    expect(f.calls[0].headers['x-csrf-token']).toBe('tok-1');

    await expect(http.get('/users')).rejects.toMatchObject({ status: 401 });
    await new Promise((r) => setTimeout(r, 0));
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/system/users?q=x');
    expect(store.session).toBeNull();
  });

  it('goes to the TOTP page on 403 mfa_required', async () => {
    const router = makeRouter();
    await router.push('/');
    const store = useSessionStore();
    store.set({ ...session, mfa: 'ok' });
    wireClient(router, store);
    const f = fakeFetch(
      json(403, { error: { code: 'mfa_required', message: '需要双因素认证' } }),
      json(200, { ...session, mfa: 'verify' }),
    );
    configureClient({ fetch: f.fn });
    await expect(http.get('/users')).rejects.toMatchObject({ code: 'mfa_required' });
    await new Promise((r) => setTimeout(r, 10));
    expect(router.currentRoute.value.name).toBe('totp');
    expect(store.session?.mfa).toBe('verify');
  });
});
