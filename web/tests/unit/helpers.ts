// A fake fetch that records each call and answers from a queue.
export interface Call {
  url: string;
  init: RequestInit;
  headers: Record<string, string>;
}

export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204) return new Response(null, { status });
  return new Response(body === undefined ? '' : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function fakeFetch(...answers: (Response | (() => Response))[]) {
  const calls: Call[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k.toLowerCase()] = v));
    calls.push({ url: String(input), init, headers });
    const next = answers.length > 1 ? answers.shift()! : answers[0];
    if (!next) throw new TypeError('no answer queued');
    return typeof next === 'function' ? next() : next.clone();
  };
  return { fn: fn as typeof fetch, calls };
}
