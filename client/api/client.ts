import type { z } from 'zod';
import type { ErrorIssue } from '../../shared/errors';

/** An API error as the envelope describes it; `issues` carry field paths for forms. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
  }

  /** The message of the issue on `path`, for a form field. */
  fieldError(path: string): string | undefined {
    return this.issues.find((i) => i.path === path)?.message;
  }
}

let csrfToken: string | null = null;
/** Set from the login and /auth/me responses; sent on every state-changing request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

let language = 'vi';
export function setApiLanguage(lang: string) {
  language = lang;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Parse the JSON response with this contract. */
  schema?: z.ZodType;
  signal?: AbortSignal;
}

/** Calls the API under /api/v1, parses the answer with the shared contract, throws ApiError. */
export async function api<S extends z.ZodType>(path: string, opts: RequestOptions & { schema: S }): Promise<z.infer<S>>;
export async function api<T = unknown>(path: string, opts?: RequestOptions): Promise<T>;
export async function api<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': language, ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api/v1${path}`, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'UNKNOWN', e.message ?? res.statusText, e.issues ?? [], data);
  }
  return (opts.schema ? opts.schema.parse(data) : data) as T;
}

/** Builds a query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
}
