// Browser storage: only lx.locale and lx.elder, never anything else (security test D4).
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { PREF_KEYS, readPref, writePref } from '@/utils/prefs';
import { useUiStore } from '@/stores/ui';
import { useSessionStore } from '@/stores/session';
import { nextTick } from 'vue';

describe('preferences in localStorage', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    setActivePinia(createPinia());
  });

  it('allows only the two lx.* keys', () => {
    expect([...PREF_KEYS]).toEqual(['lx.locale', 'lx.elder']);
    expect(() => writePref('token' as never, 'x')).toThrow();
    expect(() => readPref('user' as never)).toThrow();
  });

  it('keeps the language and elder mode, and nothing else', async () => {
    const ui = useUiStore();
    ui.setLocale('en');
    ui.elder = true;
    await nextTick();
    expect(readPref('lx.locale')).toBe('en');
    expect(readPref('lx.elder')).toBe('1');
    expect(document.documentElement.classList.contains('lx-elder')).toBe(true);
    ui.elder = false;
    await nextTick();
    expect(readPref('lx.elder')).toBeNull();
    ui.setLocale('zh-CN');
  });

  it('never writes the session to storage', () => {
    const s = useSessionStore();
    s.set({
      user: { id: 1, username: 'admin', display_name: '系统管理员', member_id: null },
      csrf_token: 'secret-token',
      mfa: 'ok',
      grants: [],
      permissions: [],
    });
    expect(sessionStorage.length).toBe(0);
    for (let i = 0; i < localStorage.length; i++) expect(localStorage.key(i)).toMatch(/^lx\./);
    const dump = JSON.stringify({ ...localStorage });
    expect(dump).not.toContain('secret-token');
    expect(dump).not.toContain('admin');
  });
});
