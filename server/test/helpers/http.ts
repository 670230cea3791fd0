import type { Result } from '../../../shared/index.js';
import { checkAnswer } from './contract.js';

export interface HttpResult<T> {
  status: number;
  body: Result<T>;
}

/** fetch with an optional session cookie; returns status and the parsed envelope, checked against the route's response schema. */
export async function request<T>(
  url: string,
  method: string,
  path: string,
  opts: { cookie?: string; json?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<T> & { setCookie: string | null }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | undefined;
  if (opts.json !== undefined) body = JSON.stringify(opts.json);
  if (opts.rawBody !== undefined) body = opts.rawBody;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, { method, headers, ...(body === undefined ? {} : { body }) });
  const parsed: unknown = await res.json();
  // Every answer a test reads through here is held to the shared contract (response schemas, coded errors).
  checkAnswer(method, path, parsed);
  return { status: res.status, body: parsed as Result<T>, setCookie: res.headers.get('set-cookie') };
}

/** Logs in over HTTP and returns the `anor.sid=…` cookie pair. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const r = await request<unknown>(url, 'POST', '/api/auth/login', { json: { username, password } });
  if (!r.body.ok || !r.setCookie) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.setCookie.split(';')[0] ?? '';
}

/** The data of a successful call, or a thrown error naming the code. */
export async function data<T>(url: string, method: string, path: string, opts: { cookie?: string; json?: unknown } = {}): Promise<T> {
  const r = await request<T>(url, method, path, opts);
  if (!r.body.ok) throw new Error(`${method} ${path}: ${r.status} ${r.body.error.code} ${r.body.error.message}`);
  return r.body.data;
}
