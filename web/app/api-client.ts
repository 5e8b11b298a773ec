// The one way the web app talks to the server: JSON over fetch, same-origin cookies, and the CSRF
// token from GET /api/v1/session sent on every request that changes state.

export const API_BASE = '/api/v1';

/** A failed request, carrying the server's `{"error":{"code","message","field"}}` when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  /** The whole parsed error body, for answers that carry more than the error (an import's row report). */
  readonly body: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    field: string | null = null,
    body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
  }
}

let csrfToken: string | null = null;

/** Called whenever the server hands out a token: session load, login, logout, setup, set password. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
}

/** A body sent as it is (a CSV file's text) instead of as JSON. */
export class TextBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

/** Reads an error body into an ApiError; bodies that are not the error shape get a generic code. */
export function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, field } = error as Record<string, unknown>;
      return new ApiError(
        status,
        typeof code === 'string' ? code : `http-${status}`,
        typeof message === 'string' ? message : '',
        typeof field === 'string' && field !== '' ? field : null,
        body,
      );
    }
  }
  return new ApiError(status, status === 429 ? 'rate-limited' : `http-${status}`, '');
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = body instanceof TextBody ? body : null;
  if (method !== 'GET') {
    headers['content-type'] = raw ? raw.contentType : 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : raw ? raw.text : JSON.stringify(body ?? {}),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', '');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null; // not JSON: a proxy page or a crash; the status decides below
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** POSTs text as it is, e.g. a CSV file with `text/csv`; the CSRF token goes along as usual. */
  postText: <T>(path: string, text: string, contentType: string, options?: RequestOptions) =>
    request<T>('POST', path, new TextBody(text, contentType), options),
};

/** True when the error comes from an aborted request (a page left or a newer search typed). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
