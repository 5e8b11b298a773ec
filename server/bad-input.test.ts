// Invariant 8: nothing a client sends causes a 500, a partial write, or a leak. Every route in the
// OpenAPI document receives malformed and hostile input, anonymous and signed in (as an administrator
// who is also an officer, so requests get past the rights checks to the validation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOffice } from './federation/index.ts';
import {
  buildCouncil,
  buildMember,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
} from './test-factories.ts';

let s: TestServer;
let routes: Array<{ method: string; path: string }>;
let signedIn: TestClient;
let anonymous: TestClient;
let councilId: string;

const BAD_IDS = [
  'not-a-uuid',
  "1' OR '1'='1",
  '00000000-0000-0000-0000-00000000000g',
  '%3Cscript%3E',
  'x'.repeat(5000),
];
const INJECTION = "'; DROP TABLE councils; --";
const HTML = '<img src=x onerror=alert(1)>';

const hostileBodies: Array<[string, string, string?]> = [
  ['invalid JSON', '{"fullName": "unterminated'],
  ['JSON null', 'null'],
  ['JSON array', '[1,2,3]'],
  ['JSON string', '"hello"'],
  ['JSON number', '12345'],
  ['empty object', '{}'],
  ['unknown field only', JSON.stringify({ isAdmin: true })],
  [
    'wrong types everywhere',
    JSON.stringify({
      name: 123,
      kind: ['mine'],
      territory: { a: 1 },
      councilId: 42,
      fullName: false,
      login: [],
      password: 7,
      reason: null,
      parentId: 'not-a-uuid',
      personId: {},
      office: 'king',
      token: 1,
    }),
  ],
  [
    'injection in ids and enums',
    JSON.stringify({
      name: HTML,
      kind: INJECTION,
      territory: HTML,
      councilId: INJECTION,
      fullName: HTML,
      parentId: INJECTION,
      personId: INJECTION,
      office: HTML,
      token: INJECTION,
      login: INJECTION,
      password: 'short',
      reason: '',
    }),
  ],
  [
    'huge strings',
    JSON.stringify({ name: 'x'.repeat(300_000), fullName: 'y'.repeat(300_000), reason: 'z'.repeat(300_000) }),
  ],
  ['deep nesting', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
  ['body over the limit', JSON.stringify({ fullName: 'x'.repeat(2 * 1024 * 1024) })],
  ['CSV sent as JSON content type', 'key,name\n1,2', 'application/json'],
  ['XML', '<?xml version="1.0"?><a/>', 'application/xml'],
];

function concrete(path: string, id: string) {
  return path.replace(/\{[^}]+\}|:[a-zA-Z]+/g, id);
}

beforeAll(async () => {
  s = await startTestServer();
  councilId = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const officer = await buildMember(s.db, councilId);
  await insertOffice(s.db, councilId, 'secretary', officer.personId);
  // The administrator also holds an office, so requests reach validation past every rights check.
  const { sql } = await import('kysely');
  await sql`update accounts set is_admin = true where person_id = ${officer.personId}`.execute(s.db);
  signedIn = await TestClient.signedIn(s.app, officer.login);
  anonymous = await TestClient.anonymous(s.app);
  const doc = s.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(async () => s.close());

function expectClientError(res: { statusCode: number; body: string }, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, what).toBe('string');
  expect(typeof body.error?.message, what).toBe('string');
}

describe('bad input on every route', () => {
  it('covers the whole API', () => {
    expect(routes.length).toBeGreaterThanOrEqual(18);
  });

  it('answers hostile bodies with a 4xx in the error shape and writes nothing', async () => {
    const before = await tableCounts(s.db);
    for (const client of [signedIn, anonymous]) {
      for (const { method, path } of routes.filter((r) => r.method !== 'GET')) {
        // DELETE /session has no body to validate (signing out always succeeds) and would end the session.
        if (method === 'DELETE' && path.endsWith('/session')) continue;
        for (const [label, payload, type] of hostileBodies) {
          const url = concrete(path, councilId);
          const res = await client.request(method as 'POST', url, payload, {
            'content-type': type ?? 'application/json',
          });
          expectClientError(res, `${method} ${url} with ${label}`);
        }
      }
    }
    expect(await tableCounts(s.db)).toEqual(before);
    expect((await signedIn.request('GET', '/api/v1/session')).json().person).not.toBeNull();
  });

  it('answers bad ids and bad query strings with a 4xx in the error shape', async () => {
    const before = await tableCounts(s.db);
    for (const { method, path } of routes.filter((r) => /\{|:/.test(r.path))) {
      for (const id of BAD_IDS) {
        const res = await signedIn.request(
          method as 'GET',
          concrete(path, encodeURIComponent(id)),
          method === 'GET' ? undefined : {},
        );
        expectClientError(res, `${method} ${path} with id ${id.slice(0, 30)}`);
      }
    }
    const queries = [
      '/api/v1/federation/tree?depth=abc',
      '/api/v1/federation/tree?depth=99',
      `/api/v1/federation/tree?root=${encodeURIComponent(INJECTION)}`,
      '/api/v1/federation/tree?unknown=1',
      `/api/v1/councils?q=${'x'.repeat(1000)}`,
      '/api/v1/councils?limit=-1',
      `/api/v1/councils/${councilId}/ledger?before=${encodeURIComponent(INJECTION)}`,
      `/api/v1/councils/${councilId}/join-applications?status=${encodeURIComponent(HTML)}`,
      `/api/v1/councils/${councilId}/members?offset=-5`,
      `/api/v1/items?category=${encodeURIComponent(HTML)}`,
      `/api/v1/depots/${councilId}/items/${councilId}/card?before=${encodeURIComponent(INJECTION)}`,
      `/api/v1/depots/${councilId}/items/${councilId}/card?before=0`,
      `/api/v1/depots/${councilId}/items/${councilId}/card?limit=0`,
      `/api/v1/councils/${councilId}/transfers?status=${encodeURIComponent(HTML)}`,
      `/api/v1/councils/${councilId}/transfers?limit=1000`,
    ];
    for (const url of queries) expectClientError(await signedIn.request('GET', url), `GET ${url}`);
    expect((await signedIn.request('GET', '/api/v1/no-such-route')).json().error.code).toBe('not-found');
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('rejects a members CSV with one bad row as a whole, naming the line and field', async () => {
    const officer = await TestClient.signedIn(s.app, (await buildMember(s.db, councilId)).login);
    const { sql } = await import('kysely');
    const me = (await officer.request('GET', '/api/v1/session')).json().person.id;
    await sql`insert into offices (council_id, office, person_id) values (${councilId}, 'chair', ${me})`.execute(
      s.db,
    );
    const before = await tableCounts(s.db);
    const csv =
      'full_name,email,phone\nAna Quispe,ana@example.org,\nSin Contacto,,\nLuis Mamani,,+591 7 1112223\n';
    const res = await officer.request('POST', `/api/v1/councils/${councilId}/members/import`, csv, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(422);
    const report = res.json();
    expect(report.error).toMatchObject({ code: 'import-rejected', field: 'email' });
    expect(report.rows).toEqual([
      { line: 2, status: 'accepted' },
      { line: 3, status: 'rejected', field: 'email', reason: 'an email or a phone is required' },
      { line: 4, status: 'accepted' },
    ]);
    expect(await tableCounts(s.db)).toEqual(before);
    const fixed = csv.replace('Sin Contacto,,', 'Con Contacto,con@example.org,');
    const ok = await officer.request('POST', `/api/v1/councils/${councilId}/members/import`, fixed, {
      'content-type': 'text/csv',
    });
    expect(ok.json()).toMatchObject({ imported: 3, rejected: 0 });
  });

  it('stores HTML and SQL in text fields as plain data', async () => {
    const visitor = await TestClient.anonymous(s.app);
    const res = await visitor.request('POST', '/api/v1/join-applications', {
      councilId,
      fullName: HTML,
      phone: '+591 70101010',
      message: INJECTION,
      locale: 'es',
    });
    expect(res.statusCode).toBe(201);
    const { sql } = await import('kysely');
    const { rows } = await sql<{ full_name: string; message: string }>`
      select full_name, message from join_applications where phone = '+591 70101010'`.execute(s.db);
    expect(rows).toEqual([{ full_name: HTML, message: INJECTION }]);
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from councils`.execute(s.db)).rows[0]!.n,
    ).toBeGreaterThan(0);
  });
});
