// 导出 on 党员名册: masked files for everyone in the area, the full file only for the roles that may reveal
// and only after the audit notice is confirmed; the list's filters go with the request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { configureClient, resetClient } from '@/api/http';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import MemberExport from '@/views/member/parts/MemberExport.vue';
import type { Permission, RoleCode } from '@/api/types';
import { fakeFetch } from './helpers';

const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 20));
  await flushPromises();
};

// The session as the server sends it for a grant of `role` holding `permissions`.
function signedIn(role: RoleCode, permissions: Permission[]) {
  setActivePinia(createPinia());
  useSessionStore().set({
    user: { id: 2, username: 'u', display_name: 'U', member_id: null },
    csrf_token: 'tok', mfa: 'none', permissions,
    grants: [{ id: 5, role, role_name: role, org_id: 7, org_name: '第一党支部', permissions }],
  });
}

const file = () =>
  new Response('data', { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''%E5%90%8D%E5%86%8C.xlsx` } });

const item = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('MemberExport', () => {
  let saved: string[];
  beforeEach(() => {
    saved = [];
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('exports the masked list with the filters', async () => {
    signedIn('branch_secretary', ['org_read', 'member_read', 'member_reveal', 'member_write']);
    const f = fakeFetch(file());
    configureClient({ fetch: f.fn });
    const w = mount(MemberExport, { props: { filters: () => ({ org_id: 7, q: '张' }) }, global: { plugins: [i18n] }, attachTo: document.body });
    await w.get('[data-testid="member-export"]').trigger('click');
    await settle();
    item('member-export-csv')!.click();
    await settle();
    expect(f.calls[0].url).toBe(`/api/v1/members/export?org_id=7&q=${encodeURIComponent('张')}&format=csv`);
    expect(saved).toEqual(['名册.xlsx']);
    w.unmount();
  });

  // Issue 15 defect 6: the full export states a reason (4–100 characters, as for a reveal), sent with it.
  it('asks for a reason before the full export, and offers it only to roles that may reveal', async () => {
    signedIn('branch_secretary', ['org_read', 'member_read', 'member_reveal', 'member_write']);
    const f = fakeFetch(file());
    configureClient({ fetch: f.fn });
    const w = mount(MemberExport, { props: { filters: () => ({}) }, global: { plugins: [i18n] }, attachTo: document.body });
    await w.get('[data-testid="member-export"]').trigger('click');
    await settle();
    item('member-export-full')!.click();
    await settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('记入审计日志');
    const input = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    expect(input).toBeTruthy();
    const go = () => [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.trim() === '确认导出')!.click();
    input.value = '看看';
    input.dispatchEvent(new Event('input'));
    await settle();
    go();
    await settle();
    expect(f.calls).toHaveLength(0);  // too short: the box stays open
    expect(document.querySelector('.el-message-box')?.textContent).toContain('原因需为 4–100 个字');
    input.value = '报送上级党委年度统计';
    input.dispatchEvent(new Event('input'));
    await settle();
    go();
    await settle();
    expect(f.calls[0].url).toBe(`/api/v1/members/export?format=xlsx&full=true&reason=${encodeURIComponent('报送上级党委年度统计')}`);
    w.unmount();

    signedIn('sys_admin', ['org_read', 'user_read', 'user_manage']);
    const v = mount(MemberExport, { props: { filters: () => ({}) }, global: { plugins: [i18n] }, attachTo: document.body });
    await v.get('[data-testid="member-export"]').trigger('click');
    await settle();
    expect(item('member-export-xlsx')).toBeTruthy();
    expect(item('member-export-full')).toBeNull();
    v.unmount();
  });
});
