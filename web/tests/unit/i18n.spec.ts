// zh-CN and en must have exactly the same keys, the same {placeholders}, no empty text, and every
// message must compile (vue-i18n syntax: { } @ | are special).
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import zhCN from '@/i18n/zh-CN';
import en from '@/i18n/en';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

const zh = flatten(zhCN as unknown as Tree);
const eng = flatten(en as unknown as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has the same keys in zh-CN and en', () => {
    const zk = Object.keys(zh).sort();
    const ek = Object.keys(eng).sort();
    expect(zk.filter((k) => !(k in eng)), 'keys missing in en').toEqual([]);
    expect(ek.filter((k) => !(k in zh)), 'keys missing in zh-CN').toEqual([]);
    expect(zk.length).toBeGreaterThan(200);
  });

  it('has no empty message', () => {
    expect(Object.entries(zh).filter(([, v]) => !v.trim())).toEqual([]);
    expect(Object.entries(eng).filter(([, v]) => !v.trim())).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const diff = Object.keys(zh).filter((k) => placeholders(zh[k]).join() !== placeholders(eng[k] ?? '').join());
    expect(diff).toEqual([]);
  });

  it('keeps keys free of characters vue-i18n paths cannot address', () => {
    expect(Object.keys(zh).filter((k) => /[^A-Za-z0-9_.]/.test(k))).toEqual([]);
  });

  it('compiles every message in both languages', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } });
    const params = { n: 1, id: 7, name: 'x', username: 'x', status: 500, role: 'r', org: 'o', members: 3, children: 2 };
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale;
      const src = locale === 'en' ? eng : zh;
      for (const key of Object.keys(src)) {
        const out = i18n.global.t(key, params);
        expect(out, `${locale}:${key}`).not.toBe(key);
        expect(out, `${locale}:${key}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('writes the official terms exactly', () => {
    expect(zh['org.types.branch']).toBe('党支部');
    expect(zh['org.types.street_working_committee']).toBe('街道党工委');
    expect(zh['soon.life']).toContain('三会一课');
    expect(zh['menu.users']).toBe('用户与角色');
    expect(zh['users.linkNote']).toBe('请通过安全渠道交给本人，24 小时内有效，只能使用一次。');
    expect(zh['org.counts']).toBe('党员 {members} 名 · 下级组织 {children} 个');
  });
});
