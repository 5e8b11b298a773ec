import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfToken, toApiError } from './api-client.ts';

function respond(status: number, body: unknown) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sentHeaders(fetchMock: ReturnType<typeof respond>): Record<string, string> {
  return (fetchMock.mock.calls[0]?.[1]?.headers ?? {}) as Record<string, string>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('API client', () => {
  it('sends the CSRF token and a JSON body on requests that change state', async () => {
    setCsrfToken('token-123');
    const fetchMock = respond(201, { reference: 'J-1' });
    await api.post('/join-applications', { fullName: 'Ana' });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/join-applications');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"fullName":"Ana"}');
    expect(sentHeaders(fetchMock)['x-csrf-token']).toBe('token-123');
    expect(sentHeaders(fetchMock)['content-type']).toBe('application/json');
  });

  it('sends no CSRF token and no body on reads', async () => {
    setCsrfToken('token-123');
    const fetchMock = respond(200, { councils: [] });
    await api.get('/councils?q=mina');
    expect(sentHeaders(fetchMock)['x-csrf-token']).toBeUndefined();
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBeUndefined();
    expect(fetchMock.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
  });

  it('sends an empty JSON object when a state-changing request has no body', async () => {
    const fetchMock = respond(200, { application: {} });
    await api.post('/join-applications/x/contacted');
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{}');
  });

  it('sends a CSV file as it is, with its content type and the CSRF token', async () => {
    setCsrfToken('token-123');
    const fetchMock = respond(200, { imported: 2, rejected: 0, rows: [] });
    const csv = 'key,name\nk1,"Junta, Villa"\n';
    await api.postText('/councils/import?parentId=p', csv, 'text/csv');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/councils/import?parentId=p');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(csv);
    expect(sentHeaders(fetchMock)['content-type']).toBe('text/csv');
    expect(sentHeaders(fetchMock)['x-csrf-token']).toBe('token-123');
  });

  it('sends a JSON body with PUT', async () => {
    setCsrfToken('token-123');
    const fetchMock = respond(204, undefined);
    await api.put('/councils/c/parent', { parentId: null });
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('PUT');
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{"parentId":null}');
    expect(sentHeaders(fetchMock)['x-csrf-token']).toBe('token-123');
  });

  it('keeps the whole error body, so a rejected import still shows its row report', async () => {
    const body = {
      error: { code: 'import-rejected', message: '1 row(s) rejected', field: 'kind' },
      imported: 0,
      rejected: 1,
      rows: [{ line: 3, status: 'rejected', field: 'kind', reason: 'kind must be one of …' }],
    };
    respond(422, body);
    const error = await api.postText('/councils/import', 'x', 'text/csv').catch((cause: unknown) => cause);
    expect(error).toMatchObject({ status: 422, code: 'import-rejected', field: 'kind', body });
  });

  it('answers undefined for 204 No Content', async () => {
    respond(204, undefined);
    await expect(api.delete('/session')).resolves.toBeUndefined();
  });

  it('throws the server error with its code, message and field', async () => {
    respond(400, { error: { code: 'invalid', message: 'Email is not valid', field: 'email' } });
    const error = await api.post('/join-applications', {}).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid',
      message: 'Email is not valid',
      field: 'email',
    });
  });

  it('turns a network failure into the network error code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(api.get('/session')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('names bodies that are not the error shape by their status', () => {
    expect(toApiError(500, '<html>')).toMatchObject({ code: 'http-500', field: null });
    expect(toApiError(429, null).code).toBe('rate-limited');
    expect(
      toApiError(404, { error: { code: 'not-found', message: 'No such council', field: '' } }).field,
    ).toBeNull();
  });
});
