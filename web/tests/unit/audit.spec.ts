// 审计日志 (issue 15 defects 4 and 5): each row shows the org of the object acted on (under which it is filed) beside
// the actor's org, and a check of the chain says what `lianxin check` says: the checkpoint read, and the first bad
// row or the missing tail.
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { configureClient, resetClient } from '@/api/http';
import type { AuditEntry, AuditVerify } from '@/api/types';
import { i18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import AuditView from '@/views/audit/AuditView.vue';
import { json } from './helpers';

const reveal: AuditEntry = {
  id: 41, at: '2026-12-07T06:00:00Z', actor_id: 3, actor_name: '街道管理员', actor_org: '中共嵩屿街道工作委员会',
  object_org_id: 12, object_org: '第一党支部', ip: '127.0.0.1', action: 'member.reveal', object_type: 'member',
  object_id: '77', result: 'ok', request_id: 'r1',
};

function mountWith(verify: AuditVerify) {
  setActivePinia(createPinia());
  useSessionStore().set({
    user: { id: 5, username: 'auditor', display_name: '社区审计员', member_id: null },
    csrf_token: 'tok', mfa: 'none', permissions: ['org_read', 'audit_read'],
    grants: [{ id: 9, role: 'audit_admin', role_name: '审计管理员', org_id: 10, org_name: '中共海发社区委员会', permissions: ['org_read', 'audit_read'] }],
  });
  configureClient({
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.startsWith('/api/v1/audit/verify')) return json(200, verify);
      if (url.startsWith('/api/v1/audit')) return json(200, { items: [reveal], next_cursor: null });
      return json(404, { error: { code: 'not_found', message: 'no' } });
    }) as typeof fetch,
  });
  return mount(AuditView, { global: { plugins: [i18n] }, attachTo: document.body });
}

describe('AuditView', () => {
  afterEach(() => {
    resetClient();
    document.body.innerHTML = '';
  });

  it('shows the object\'s org of each row beside the actor\'s', async () => {
    const w = mountWith({ ok: true, rows: 41, last_id: 41, legacy_rows: 0, checkpoint: null, checkpoint_invalid: false });
    await flushPromises();
    expect(document.querySelector('[data-testid="audit-object-org"]')?.textContent).toBe('第一党支部');
    expect(document.querySelector('[data-testid="audit-table"]')?.textContent).toContain('中共嵩屿街道工作委员会');
    w.unmount();
  });

  it('names the missing tail from the checkpoint', async () => {
    const w = mountWith({
      ok: false, rows: 37, last_id: 37, legacy_rows: 0, checkpoint: { head_id: 40, at: '2026-12-07T06:00:05Z' },
      checkpoint_invalid: false, first_broken_id: 38, problem: 'missing_tail',
    });
    await flushPromises();
    (document.querySelector('[data-testid="audit-verify"]') as HTMLButtonElement).click();
    await flushPromises();
    const text = document.querySelector('[data-testid="audit-verify-result"]')?.textContent ?? '';
    expect(text).toContain('第 37 号之后的记录缺失');
    expect(text).toContain('记录到第 40 号');
    w.unmount();
  });

  it('names a row that fails its MAC', async () => {
    const w = mountWith({
      ok: false, rows: 12, last_id: 12, legacy_rows: 0, checkpoint: { head_id: 40, at: '2026-12-07T06:00:05Z' },
      checkpoint_invalid: false, first_broken_id: 13, problem: 'mac',
    });
    await flushPromises();
    (document.querySelector('[data-testid="audit-verify"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(document.querySelector('[data-testid="audit-verify-result"]')?.textContent).toContain('第 13 号记录的校验码不符');
    w.unmount();
  });
});
