// The router guard: login first, then the second factor, then only the pages whose permission the session holds
// (issue 16: the menu's permissions are the route table's, the web keeps no copy of the role table).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { RouteLocationNormalized } from 'vue-router';
import { guard } from '@/router';
import { useSessionStore } from '@/stores/session';
import { configureClient, resetClient } from '@/api/http';
import type { Session } from '@/api/types';
import { fakeFetch, json } from './helpers';

const to = (name: string, fullPath: string, meta: Record<string, unknown> = {}) =>
  ({ name, fullPath, path: fullPath, meta, query: {}, params: {}, hash: '', matched: [] }) as unknown as RouteLocationNormalized;

const base: Session = {
  user: { id: 2, username: 'secretary1', display_name: '支部书记', member_id: null },
  csrf_token: 't',
  mfa: 'none',
  grants: [],
  permissions: ['org_read', 'member_read', 'member_reveal', 'member_write'],
};

describe('router guard', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => resetClient());

  it('sends a visitor without a session to login, remembering the page', async () => {
    configureClient({ fetch: fakeFetch(json(401, { error: { code: 'unauthenticated', message: '' } })).fn });
    expect(await guard(to('users', '/system/users'))).toEqual({
      name: 'login',
      query: { redirect: '/system/users' },
    });
    expect(await guard(to('setup', '/setup?token=x', { public: true }))).toBe(true);
  });

  it('holds a user with a pending second factor on the TOTP page', async () => {
    useSessionStore().set({ ...base, mfa: 'enroll' });
    expect(await guard(to('home', '/'))).toEqual({ name: 'totp' });
    expect(await guard(to('totp', '/totp'))).toBe(true);
  });

  it('lets a user open only the pages whose permission the session holds', async () => {
    useSessionStore().set(base);
    expect(await guard(to('member-list', '/member/list'))).toBe(true);
    expect(await guard(to('users', '/system/users'))).toEqual({ name: 'forbidden' });
    expect(await guard(to('login', '/login', { public: true }))).toEqual({ name: 'home' });
    expect(await guard(to('org-import', '/org/import'))).toEqual({ name: 'forbidden' }); // org_write
    expect(await guard(to('me', '/me'))).toBe(true); // any signed-in user
  });

  it('follows what the server says, not the role names', async () => {
    useSessionStore().set({ ...base, grants: [{ id: 1, role: 'member', role_name: '党员', org_id: 1, org_name: 'x', permissions: [] }],
      permissions: ['audit_read'] });
    expect(await guard(to('audit', '/system/audit'))).toBe(true);
    expect(await guard(to('member-list', '/member/list'))).toEqual({ name: 'forbidden' });
  });
});
