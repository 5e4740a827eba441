// A resident's phone check and photo picker (issue 17 "Events and their intake"): number → code → verified with the
// token kept in memory only; the server's field errors and its 429 (a flood, a locked code) shown as it says them;
// photos uploaded as picked, at most event.photos_max, a refusal shown on its photo.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { configureClient, resetClient } from '@/api/http';
import { i18n } from '@/i18n';
import { useResidentStore } from '@/stores/resident';
import PhoneVerify from '@/components/intake/PhoneVerify.vue';
import PhotoPicker from '@/components/intake/PhotoPicker.vue';
import { fakeFetch, json } from './helpers';

const mountIt = <T>(c: T, props: Record<string, unknown> = {}) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mount(c as any, { props, global: { plugins: [i18n] } });

/** The <input> of an el-input marked data-test=name (Element Plus puts the attribute on the input itself). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const inp = (w: any, name: string) => {
  const el = w.find(`[data-test=${name}]`);
  return el.element.tagName === 'INPUT' ? el : el.find('input');
};

const bad = (status: number, code: string, message: string, fields: { field: string; message: string }[] = []) =>
  json(status, { error: { code, message, request_id: 'r1', fields } });

beforeEach(() => {
  setActivePinia(createPinia());
  i18n.global.locale.value = 'zh-CN';
});
afterEach(() => {
  resetClient();
  document.body.innerHTML = '';
});

describe('PhoneVerify', () => {
  it('sends the code, shows the demo outbox, verifies, and keeps the token in memory only', async () => {
    const f = fakeFetch(
      json(202, { sent: true }),
      json(200, { items: [{ phone: '13912345678', text: '【连心】您的验证码是 012345，10 分钟内有效。', at: 1 }] }),
      json(201, { token: 'r.abc', expires_at: Date.now() + 3600e3 }),
    );
    configureClient({ fetch: f.fn });
    const w = mountIt(PhoneVerify);
    await inp(w, 'phone').setValue('13912345678');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(f.calls[0].url).toBe('/api/v1/public/codes');
    expect(JSON.parse(String(f.calls[0].init.body))).toEqual({ phone: '13912345678' });
    expect(w.find('[data-test=demo-code]').text()).toContain('012345');
    expect(w.text()).toContain('139****5678');
    await inp(w, 'code').setValue('012345');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(JSON.parse(String(f.calls[2].init.body))).toEqual({ phone: '13912345678', code: '012345' });
    expect(w.emitted('verified')?.[0]?.[0]).toMatchObject({ token: 'r.abc' });
    expect(useResidentStore().verified).toBe(true);
    expect(w.find('[data-test=verified]').exists()).toBe(true);
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  it('shows a wrong code under its field and a flood refusal as the server words it', async () => {
    const f = fakeFetch(
      bad(429, 'too_many_requests', '该手机号一小时内最多获取 5 次验证码，请 3590 秒后再试',
        [{ field: 'phone', message: '该手机号一小时内最多获取 5 次验证码，请 3590 秒后再试' }]),
    );
    configureClient({ fetch: f.fn });
    const w = mountIt(PhoneVerify);
    await inp(w, 'phone').setValue('13912345678');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(w.find('[data-test=phone-error]').text()).toContain('最多获取 5 次');
    expect(w.find('[data-test=code-error]').exists()).toBe(false);
    expect(w.find('[data-test=verify]').exists()).toBe(false);

    const g = fakeFetch(
      json(202, { sent: true }),
      json(404, { error: { code: 'not_found', message: '请求的地址不存在', request_id: 'r', fields: [] } }),
      bad(400, 'invalid_argument', '请求有误', [{ field: 'code', message: '验证码不正确，还可尝试 4 次' }]),
    );
    configureClient({ fetch: g.fn });
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(w.find('[data-test=demo-code]').exists()).toBe(false);
    await inp(w, 'code').setValue('000000');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(w.find('[data-test=code-error]').text()).toBe('验证码不正确，还可尝试 4 次');
    expect(useResidentStore().verified).toBe(false);
  });
});

describe('PhotoPicker', () => {
  beforeEach(() => {
    let n = 0;
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => `blob:${++n}`, revokeObjectURL: () => {} }));
  });

  const pick = async (w: ReturnType<typeof mountIt>, files: File[]) => {
    const input = w.find('[data-test=file]').element as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    await w.find('[data-test=file]').trigger('change');
    await flushPromises();
  };
  const file = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff])], name, { type: 'image/jpeg' });

  it('uploads each photo with the resident token, up to the limit, and shows a refusal on its photo', async () => {
    useResidentStore().set('13912345678', 'r.tok', Date.now() + 3600e3);
    const f = fakeFetch(
      json(201, { photo_id: 'a'.repeat(64), width: 10, height: 10, bytes: 100 }),
      bad(400, 'invalid_argument', '请求有误', [{ field: 'photo', message: '照片不是图片：只接收 JPEG、PNG 或 WebP 照片' }]),
    );
    configureClient({ fetch: f.fn });
    const w = mountIt(PhotoPicker, { modelValue: [], max: 2 });
    await pick(w, [file('a.jpg'), file('b.gif'), file('c.jpg')]);
    expect(f.calls.length).toBe(2);
    expect(f.calls[0].url).toBe('/api/v1/photos');
    expect(f.calls[0].headers.authorization).toBe('Bearer r.tok');
    expect(f.calls[0].headers['content-type']).toBe('application/octet-stream');
    expect(w.findAll('[data-test=photo]').length).toBe(2);
    expect(w.find('[data-test=photo-error]').text()).toContain('只接收 JPEG');
    expect(w.emitted('update:modelValue')?.at(-1)?.[0]).toEqual(['a'.repeat(64)]);
    expect(w.find('[data-test=add]').exists()).toBe(false);
    expect(w.find('[data-test=full]').text()).toContain('2');
    await w.findAll('[data-test=remove]')[1].trigger('click');
    expect(w.find('[data-test=add]').exists()).toBe(true);
  });

  it('reads the limit from the server when none is given', async () => {
    const f = fakeFetch(json(200, { photos_max: 6, photo_max_bytes: 8388608, photo_max_pixels: 25000000, photo_max_edge: 2048, code_digits: 6 }));
    configureClient({ fetch: f.fn });
    const w = mountIt(PhotoPicker, { modelValue: [] });
    await flushPromises();
    expect(f.calls[0].url).toBe('/api/v1/public/intake');
    expect(w.text()).toContain('0 / 6');
  });
});
