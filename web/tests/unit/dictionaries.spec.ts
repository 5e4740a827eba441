// Code lists and field specs from the server (issue 16 "Each shape once", bullet 2): useDictionaries fetches GET
// /dictionaries once for every caller and reads labels in the current language; the registry edit dialog takes its
// plain fields, their maxlength and the occupation and tag options from it (the web keeps no copy), and sends
// the registry fields back by name.
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, nextTick } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { configureClient, resetClient } from '@/api/http';
import type { Dictionaries } from '@/api/dictionaries';
import type { Member } from '@/api/types';
import { resetDictionaries, useDictionaries } from '@/composables/useDictionaries';
import { i18n } from '@/i18n';
import MemberEditDialog from '@/views/member/parts/MemberEditDialog.vue';
import { json } from './helpers';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const field = (name: string, zh: string, en: string, extra: Partial<Dictionaries['member_fields'][number]> = {}) => ({
  name, labels: L(zh, en), kind: 'text' as const, required: false, min_length: 0, max_length: 20, max_items: null,
  code_list: null, registry: false, ...extra,
});
// Deliberately not the server's numbers, so that a copy kept in the web would show.
const DICT: Dictionaries = {
  code_lists: [
    { id: 'occupation', labels: L('职业', 'Occupation'), codes: [{ code: 'worker', labels: L('工人', 'Worker') }, { code: 'farmer', labels: L('农牧渔民', 'Farmer') }] },
    { id: 'member_tag', labels: L('人员属性', 'Attributes'), codes: [{ code: 'retired', labels: L('离退休', 'Retired') }] },
  ],
  member_fields: [
    field('education', '学历', 'Education', { max_length: 7, registry: true }),
    field('occupation', '职业', 'Occupation', { kind: 'code', max_length: null, code_list: 'occupation', registry: true }),
    field('phone', '联系电话', 'Phone', { kind: 'phone', max_length: 13 }),
    field('address', '居住地址', 'Address', { max_length: 99 }),
    field('skills', '特长', 'Skills', { kind: 'text_list', max_items: 3 }),
  ],
};

function serve(urls: string[], bodies: unknown[]) {
  configureClient({
    fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      urls.push(`${init.method ?? 'GET'} ${url}`);
      if (url === '/api/v1/dictionaries') return json(200, DICT);
      if (url.startsWith('/api/v1/members/5') && init.method === 'PUT') {
        bodies.push(JSON.parse(String(init.body)));
        return json(200, { id: 5 });
      }
      return json(404, { error: { code: 'not_found', message: 'no' } });
    }) as typeof fetch,
  });
}

afterEach(() => {
  resetClient();
  resetDictionaries();
  i18n.global.locale.value = 'zh-CN';
  document.body.innerHTML = '';
});

describe('useDictionaries', () => {
  it('fetches once for every caller and labels in the current language', async () => {
    const urls: string[] = [];
    serve(urls, []);
    let a!: ReturnType<typeof useDictionaries>, b!: ReturnType<typeof useDictionaries>;
    const Probe = defineComponent({ setup() { a = useDictionaries(); b = useDictionaries(); return () => null; } });
    mount(Probe, { global: { plugins: [i18n] } });
    await Promise.all([a.load(), b.load(), a.load()]);
    await a.load();
    expect(urls).toEqual(['GET /api/v1/dictionaries']);
    expect(a.maxLength('education')).toBe(7);
    expect(a.maxItems('skills')).toBe(3);
    expect(a.registryFields.value.map((f) => f.name)).toEqual(['education', 'occupation']);
    expect(a.options('occupation')).toEqual([{ value: 'worker', label: '工人' }, { value: 'farmer', label: '农牧渔民' }]);
    expect(a.codeLabel('occupation', 'farmer')).toBe('农牧渔民');
    expect(a.codeLabel('occupation', 'astronaut')).toBe('astronaut');
    expect(a.codeLabel('occupation', '')).toBe('—');
    i18n.global.locale.value = 'en';
    await nextTick();
    expect(b.codeLabel('occupation', 'farmer')).toBe('Farmer');
    expect(b.fieldLabel('education')).toBe('Education');
  });
});

describe('MemberEditDialog', () => {
  it('renders the registry fields from the specs and sends them back by name', async () => {
    const urls: string[] = [];
    const bodies: unknown[] = [];
    serve(urls, bodies);
    const member = { id: 5, version: 3, education: '大学', occupation: 'worker', work_unit: 'X', skills: [], tags: [] } as unknown as Member;
    const w = mount(MemberEditDialog, { props: { modelValue: false, member }, global: { plugins: [i18n] }, attachTo: document.body });
    await w.setProps({ modelValue: true });
    await flushPromises();
    const education = document.querySelector('[data-testid="member-edit-education"] input') as HTMLInputElement
      ?? document.querySelector('input[data-testid="member-edit-education"]') as HTMLInputElement;
    expect(education.value).toBe('大学');
    expect(education.getAttribute('maxlength')).toBe('7');
    const dialog = document.querySelector('[data-testid="member-edit-dialog"]')!.textContent!;
    expect(dialog).toContain('学历');
    expect(dialog).toContain('职业');
    expect(dialog).toContain('离退休');  // the tag options from the code list
    expect(document.querySelector('[data-testid="member-edit-tag-retired"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="member-edit-tag-floating"]')).toBeNull();  // no copy of the list
    (document.querySelector('[data-testid="member-edit-submit"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(bodies).toEqual([{ version: 3, education: '大学', occupation: 'worker', skills: [], tags: [], floating_to: '', lost_contact_on: '' }]);
    expect(urls.filter((u) => u.endsWith('/dictionaries'))).toHaveLength(1);
  });
});
