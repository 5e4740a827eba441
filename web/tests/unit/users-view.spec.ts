// 用户与角色: the buttons follow the permissions the server says the user holds (issue 16 "the web's copy of the
// role table goes"): a security administrator (user_read, user_unlock) may unlock a locked account but sees no
// create, reset, enable or disable; a system administrator (user_manage) sees them. The server still decides.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { configureClient, resetClient } from '@/api/http';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import UsersView from '@/views/users/UsersView.vue';
import { json } from './helpers';

const user = (id: number, locked: boolean) => ({
  id, username: `u${id}`, display_name: `用户${id}`, member_id: null, status: 'active', locked, mfa_enrolled: false,
  created_at: '2026-12-01T08:00:00Z', grants: [{ id: 10 + id, role: 'branch_secretary', role_name: '支部书记', org_id: 5,
    org_name: '第一支部', permissions: ['org_read', 'member_read'] }],
});

function mountAs(role: string, permissions: string[]) {
  setActivePinia(createPinia());
  useSessionStore().set({
    user: { id: 1, username: role, display_name: role, member_id: null }, csrf_token: 'tok', mfa: 'ok', permissions,
    grants: [{ id: 1, role, role_name: role, org_id: 1, org_name: '测试街道党工委', permissions }],
  } as never);
  configureClient({
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.startsWith('/api/v1/users')) return json(200, { items: [user(7, false), user(8, true)], next_cursor: null });
      if (url.startsWith('/api/v1/roles')) return json(200, { items: [] });
      return json(404, { error: { code: 'not_found', message: 'no', request_id: 'r' } });
    }) as typeof fetch,
  });
  mount(UsersView, { global: { plugins: [i18n] }, attachTo: document.body });
}

describe('UsersView', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('shows a security administrator only the unlock of a locked account', async () => {
    mountAs('sec_admin', ['org_read', 'user_read', 'user_unlock']);
    await flushPromises();
    expect(document.body.textContent).toContain('用户8');
    expect(document.querySelector('[data-testid="users-create"]')).toBeNull();
    expect(document.querySelector('[data-testid="user-more-7"]')).toBeNull();
    expect(document.querySelector('[data-testid="user-more-8"]')).not.toBeNull();
  });

  it('shows a system administrator create and the actions of every account', async () => {
    mountAs('sys_admin', ['org_read', 'user_read', 'user_manage']);
    await flushPromises();
    expect(document.querySelector('[data-testid="users-create"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="user-more-7"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="user-more-8"]')).not.toBeNull();
  });
});
