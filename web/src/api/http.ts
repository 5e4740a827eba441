// The one place that talks HTTP to the lianxin server (docs/api.md).
//
// - fetch with credentials 'same-origin': the session is the HttpOnly cookie, never a token in JS storage.
// - X-CSRF-Token on POST/PUT/PATCH/DELETE only; the token is kept in memory by the session store.
// - Accept-Language follows the chosen UI language, so server messages come back in it.
// - 401 → the app's "go to login" hook; 403 mfa_required → the "go to TOTP" hook. Both still throw, so
//   callers stop what they were doing.
// - Every failure becomes an ApiError carrying the server's message, request id and field errors.
// - A Blob body (an uploaded file) goes as it is, `application/octet-stream`; anything else as JSON.
// - `download` fetches a file (export, template) so that a refusal arrives as an ApiError, not a JSON page.
import type { ErrorBody, FieldError } from './types';
import { t } from '@/i18n';
import { fileNameFromDisposition } from '@/utils/download';

export const API_BASE = '/api/v1';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  /** JSON-encoded, except a Blob (or File), which is sent raw as application/octet-stream. */
  body?: unknown;
  /** Leave a 401 to the caller (login form, session probe) instead of going to the login page. */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
  /** A resident's token (POST /public/codes/verify): sent as `Authorization: Bearer …`; no session cookie needed. */
  bearer?: string;
}

export interface ClientHooks {
  csrfToken: () => string | null;
  locale: () => string;
  onUnauthenticated: () => void;
  onMfaRequired: () => void;
  fetch: typeof fetch;
}

const defaultHooks = (): ClientHooks => ({
  csrfToken: () => null,
  locale: () => 'zh-CN',
  onUnauthenticated: () => {},
  onMfaRequired: () => {},
  fetch: (...args) => globalThis.fetch(...args),
});

let hooks: ClientHooks = defaultHooks();

/** Wire the client to the app (session store, i18n, router). Tests call it with fakes. */
export function configureClient(h: Partial<ClientHooks>): void {
  hooks = { ...hooks, ...h };
}

export function resetClient(): void {
  hooks = defaultHooks();
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly fields: FieldError[];
  /** Sheet row numbers an error names (import.undo_changed); empty for other errors. */
  readonly rows: number[];

  constructor(status: number, code: string, message: string, requestId: string | null, fields: FieldError[], rows: number[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.fields = fields;
    this.rows = rows;
  }

  /** field name → message, the first message of each field. */
  get fieldMap(): Record<string, string> {
    return fieldErrorMap(this);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Field errors of any thrown value as a map for `<el-form-item :error="errors.x">`. */
export function fieldErrorMap(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const f of e.fields) {
    if (f && typeof f.field === 'string' && typeof f.message === 'string' && !(f.field in out)) {
      out[f.field] = f.message;
    }
  }
  return out;
}

export function buildUrl(path: string, query?: Query): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  let url = `${API_BASE}${p}`;
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue;
      qs.append(k, String(v));
    }
    const s = qs.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  return url;
}

function fallbackMessage(status: number): string {
  switch (status) {
    case 401:
      return t('errors.unauthenticated');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 429:
      return t('errors.tooMany');
    default:
      return status >= 500 ? t('errors.server') : t('errors.generic', { status });
  }
}

function codeForStatus(status: number): string {
  const m: Record<number, string> = {
    400: 'invalid_argument', 401: 'unauthenticated', 403: 'permission_denied', 404: 'not_found',
    405: 'method', 409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type',
    422: 'failed_precondition', 429: 'too_many_requests', 503: 'unavailable',
  };
  return m[status] ?? (status >= 500 ? 'internal' : 'unknown');
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    const text = await res.text();
    body = text ? (JSON.parse(text) as Partial<ErrorBody>) : null;
  } catch {
    body = null;
  }
  const e = body && typeof body === 'object' ? body.error : undefined;
  const code = typeof e?.code === 'string' && e.code ? e.code : codeForStatus(res.status);
  const message = typeof e?.message === 'string' && e.message ? e.message : fallbackMessage(res.status);
  const requestId = (typeof e?.request_id === 'string' && e.request_id) || res.headers.get('X-Request-Id') || null;
  const fields = Array.isArray(e?.fields) ? e!.fields!.filter((f) => f && typeof f.field === 'string') : [];
  const rows = Array.isArray(e?.rows) ? e!.rows!.filter((r): r is number => Number.isInteger(r)) : [];
  return new ApiError(res.status, code, message, requestId, fields, rows);
}

export function isMfaRequired(e: ApiError): boolean {
  return e.status === 403 && e.code === 'mfa_required';
}

/** Send one request; any non-2xx answer becomes a thrown ApiError (after the 401 / MFA hooks). */
async function send(method: Method, path: string, opts: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': hooks.locale(),
  };
  let body: BodyInit | undefined;
  // A body-less POST/PUT/PATCH still sends `{}` as JSON, so a server that insists on
  // application/json for unsafe methods (415 otherwise) is satisfied.
  const payload = opts.body === undefined && method !== 'GET' && method !== 'DELETE' ? {} : opts.body;
  if (payload instanceof Blob) {
    headers['Content-Type'] = 'application/octet-stream';
    body = payload;
  } else if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(payload);
  }
  if (UNSAFE.has(method)) {
    const token = hooks.csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (opts.bearer) headers.Authorization = `Bearer ${opts.bearer}`;

  let res: Response;
  try {
    res = await hooks.fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', t('errors.network'), null, []);
  }

  if (!res.ok) {
    const err = await toApiError(res);
    if (err.status === 401 && !opts.noAuthRedirect) hooks.onUnauthenticated();
    else if (isMfaRequired(err)) hooks.onMfaRequired();
    throw err;
  }
  return res;
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts, 'application/json');
  if (res.status === 204 || res.status === 205) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, 'bad_response', t('errors.generic', { status: res.status }), null, []);
  }
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition (`filename*=UTF-8''…` preferred), or null when the server named none. */
  fileName: string | null;
}

/** GET a file. A refusal (403, 422 …) throws the usual ApiError, so the page can show its message. */
export async function download(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<DownloadedFile> {
  const res = await send('GET', path, { ...opts, query }, '*/*');
  const blob = await res.blob();
  return { blob, fileName: fileNameFromDisposition(res.headers.get('Content-Disposition')) };
}

export const http = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
  del: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
};
