// 党员账号 in the member drawer (issue 15 defect 2): the member's org opens the account from the record and gets the
// one-time link to hand over; once opened the section says so and offers a new link; without a write action the
// section only tells whether there is an account. The web never sends a member_id to /users any more.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { configureClient, resetClient } from '@/api/http';
import { i18n } from '@/i18n';
import AccountSection from '@/views/member/account/AccountSection.vue';
import { fakeFetch, json } from './helpers';

const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 20));
  await flushPromises();
};
const el = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
/** The <input> of an el-input (the test id lands on the input itself). */
const inputOf = (id: string) => {
  const node = el(id)!;
  return (node.tagName === 'INPUT' ? node : node.querySelector('input')!) as HTMLInputElement;
};
const account = { id: 41, username: 'zhang.a', status: 'pending', created_at: '2026-11-23T00:00:00.000Z' };

describe('AccountSection', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('opens the account with a user name and shows the one-time link', async () => {
    const f = fakeFetch(json(200, { member_id: 7, account: null, actions: ['open'] }),
      json(201, { member_id: 7, account, actions: ['reset'], setup_link: '/#/setup?token=abc' }));
    configureClient({ fetch: f.fn });
    const w = mount(AccountSection, { props: { memberId: 7 }, global: { plugins: [i18n] }, attachTo: document.body });
    await settle();
    expect(f.calls[0].url).toBe('/api/v1/members/7/account');
    expect(el('account-none')?.textContent).toContain('尚未开通账号');
    await w.get('[data-testid="account-open"]').trigger('click');
    await settle();
    const input = inputOf('account-username-input');
    input.value = 'Bad Name';
    input.dispatchEvent(new Event('input'));
    el('account-submit')!.click();
    await settle();
    expect(f.calls).toHaveLength(1);  // refused before sending
    input.value = 'zhang.a';
    input.dispatchEvent(new Event('input'));
    el('account-submit')!.click();
    await settle();
    expect(f.calls[1].url).toBe('/api/v1/members/7/account');
    expect(f.calls[1].init.method).toBe('POST');
    expect(JSON.parse(String(f.calls[1].init.body))).toEqual({ username: 'zhang.a' });
    expect(inputOf('setup-link').value).toMatch(/\/#\/setup\?token=abc$/);
    expect(el('account-username')?.textContent).toBe('zhang.a');
    expect(el('account-reset')).not.toBeNull();
    w.unmount();
  });

  it('says 已开通账号 and offers nothing to a reader', async () => {
    const f = fakeFetch(json(200, { member_id: 7, account: { ...account, status: 'active' }, actions: [] }));
    configureClient({ fetch: f.fn });
    const w = mount(AccountSection, { props: { memberId: 7 }, global: { plugins: [i18n] }, attachTo: document.body });
    await settle();
    expect(el('account-opened')?.textContent).toContain('已开通账号');
    expect(el('account-open')).toBeNull();
    expect(el('account-reset')).toBeNull();
    w.unmount();
  });

  it('asks before a new link and shows it', async () => {
    const f = fakeFetch(json(200, { member_id: 7, account, actions: ['reset'] }),
      json(200, { member_id: 7, account, actions: ['reset'], setup_link: '/#/setup?token=new' }));
    configureClient({ fetch: f.fn });
    const w = mount(AccountSection, { props: { memberId: 7 }, global: { plugins: [i18n] }, attachTo: document.body });
    await settle();
    await w.get('[data-testid="account-reset"]').trigger('click');
    await settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('之前发出的链接将立即失效');
    [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.trim() === '确定')!.click();
    await settle();
    expect(f.calls[1].url).toBe('/api/v1/members/7/account/reset');
    expect(inputOf('setup-link').value).toMatch(/token=new$/);
    w.unmount();
  });
});
