import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, configureClient, fieldErrorMap, http, request, resetClient } from '@/api/http';
import { useFieldErrors } from '@/composables/useFieldErrors';
import { fakeFetch, json } from './helpers';

const TOKEN = 'csrf-abc';

describe('api client: headers', () => {
  let f: ReturnType<typeof fakeFetch>;
  beforeEach(() => {
    f = fakeFetch(json(200, { ok: true }));
    configureClient({ fetch: f.fn, csrfToken: () => TOKEN, locale: () => 'zh-CN' });
  });
  afterEach(() => resetClient());

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('sends X-CSRF-Token on %s', async (method) => {
    await request(method, '/users/1/grants/2');
    expect(f.calls[0].headers['x-csrf-token']).toBe(TOKEN);
  });

  it('never sends X-CSRF-Token on GET', async () => {
    await http.get('/orgs/roots');
    expect(f.calls[0].headers['x-csrf-token']).toBeUndefined();
  });

  it('sends no CSRF header when no session token is known', async () => {
    configureClient({ csrfToken: () => null });
    await http.post('/auth/login', { username: 'a', password: 'b' });
    expect(f.calls[0].headers['x-csrf-token']).toBeUndefined();
  });

  it('sends cookies same-origin only, the language, and JSON', async () => {
    configureClient({ locale: () => 'en' });
    await http.post('/users', { username: 'x' });
    const c = f.calls[0];
    expect(c.init.credentials).toBe('same-origin');
    expect(c.init.method).toBe('POST');
    expect(c.headers['accept-language']).toBe('en');
    expect(c.headers['content-type']).toBe('application/json');
    expect(c.init.body).toBe(JSON.stringify({ username: 'x' }));
    expect(c.url).toBe('/api/v1/users');
  });

  it('sends {} on a body-less POST and nothing on GET/DELETE', async () => {
    await http.post('/auth/logout');
    await http.get('/auth/session');
    await http.del('/users/1/grants/2');
    expect(f.calls[0].init.body).toBe('{}');
    expect(f.calls[1].init.body).toBeUndefined();
    expect(f.calls[2].init.body).toBeUndefined();
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/members', { org_id: 3, q: '张', cursor: null, limit: undefined, x: '' })).toBe(
      '/api/v1/members?org_id=3&q=%E5%BC%A0',
    );
  });
});

describe('api client: answers and errors', () => {
  afterEach(() => resetClient());

  it('returns parsed JSON, and undefined for 204', async () => {
    const f = fakeFetch(json(200, { items: [1], next_cursor: null }), json(204));
    configureClient({ fetch: f.fn });
    await expect(http.get('/x')).resolves.toEqual({ items: [1], next_cursor: null });
    await expect(http.post('/auth/logout')).resolves.toBeUndefined();
  });

  it('turns the error body into an ApiError with message, request id and fields', async () => {
    const body = {
      error: {
        code: 'invalid_argument',
        message: '请检查输入',
        request_id: 'r-1',
        fields: [
          { field: 'password', message: '密码长度应为 12–128 个字符' },
          { field: 'password', message: '第二条同字段消息' },
          { field: 'username', message: '用户名已存在' },
        ],
      },
    };
    const f = fakeFetch(json(400, body));
    configureClient({ fetch: f.fn });
    const err = (await http.post('/setup', {}).catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toBe('请检查输入');
    expect(err.requestId).toBe('r-1');
    expect(err.fieldMap).toEqual({ password: '密码长度应为 12–128 个字符', username: '用户名已存在' });
  });

  it('maps field errors onto form items and heads the form with the message', async () => {
    const f = fakeFetch(
      json(400, {
        error: {
          code: 'invalid_argument',
          message: '请按提示修改',
          fields: [
            { field: 'display_name', message: '姓名不能为空' },
            { field: 'org_id', message: '组织不存在' },
            { field: 'other', message: '其他问题' },
          ],
        },
      }),
    );
    configureClient({ fetch: f.fn });
    const form = useFieldErrors();
    const err = await http.post('/users', {}).catch((e) => e);
    expect(form.apply(err, ['username', 'display_name', 'org_id'])).toBe(true);
    expect(form.errors).toEqual({ display_name: '姓名不能为空', org_id: '组织不存在' });
    // a field the form has no item for is not lost: it joins the message
    expect(form.message.value).toBe('请按提示修改；其他问题');
    form.clear();
    expect(form.errors).toEqual({});
    expect(form.message.value).toBe('');
  });

  it('has no field errors for non-API errors', () => {
    expect(fieldErrorMap(new Error('x'))).toEqual({});
    expect(fieldErrorMap(null)).toEqual({});
  });

  it('falls back to a Chinese message when the body has none', async () => {
    const f = fakeFetch(new Response('<html>bad gateway</html>', { status: 502 }));
    configureClient({ fetch: f.fn });
    const err = (await http.get('/x').catch((e) => e)) as ApiError;
    expect(err.status).toBe(502);
    expect(err.code).toBe('internal');
    expect(err.message).toMatch(/服务器/);
  });

  it('reports a network failure as status 0', async () => {
    configureClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const err = (await http.get('/x').catch((e) => e)) as ApiError;
    expect(err.status).toBe(0);
    expect(err.code).toBe('network');
  });
});

describe('api client: 401 and mfa_required', () => {
  afterEach(() => resetClient());

  it('calls the login hook on 401 and still rejects', async () => {
    const onUnauthenticated = vi.fn();
    const f = fakeFetch(json(401, { error: { code: 'unauthenticated', message: '请先登录' } }));
    configureClient({ fetch: f.fn, onUnauthenticated });
    await expect(http.get('/users')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('leaves a 401 to the caller when asked (login form, session probe)', async () => {
    const onUnauthenticated = vi.fn();
    const f = fakeFetch(json(401, { error: { code: 'unauthenticated', message: '用户名或密码错误' } }));
    configureClient({ fetch: f.fn, onUnauthenticated });
    await expect(http.post('/auth/login', {}, { noAuthRedirect: true })).rejects.toMatchObject({ status: 401 });
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('calls the TOTP hook on 403 mfa_required only', async () => {
    const onMfaRequired = vi.fn();
    const f = fakeFetch(
      json(403, { error: { code: 'mfa_required', message: '请先完成双因素认证' } }),
      json(403, { error: { code: 'permission_denied', message: '无权限' } }),
    );
    configureClient({ fetch: f.fn, onMfaRequired });
    await expect(http.get('/users')).rejects.toMatchObject({ code: 'mfa_required' });
    await expect(http.get('/users')).rejects.toMatchObject({ code: 'permission_denied' });
    expect(onMfaRequired).toHaveBeenCalledTimes(1);
  });
});
