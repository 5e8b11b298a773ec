// The household register (issue 6 §4): kept by the council's distribution officers only, identity
// documents kept as a keyed hash that finds duplicates across councils without revealing the document,
// one registration of a document per council under concurrency, corrections that leave no personal
// data in the ledger, and bad input refused with nothing written.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOffice } from '../federation/index.ts';
import { AppError } from '../platform/http-errors.ts';
import {
  buildCouncil,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  tableCounts,
  viewerOf,
} from '../test-factories.ts';
import { normaliseIdentityDocument } from './household-identity.ts';
import { registerHousehold } from './register-household.ts';
import { changeHousehold } from './update-household.ts';
import { withdrawHousehold } from './withdraw-household.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const household = (headName: string, identityDocument: string | null = null) => ({
  headName,
  address: 'Calle Illimani 123, zona 16 de Julio',
  phone: null,
  people: { infant: 1, child: 2, adult: 2, elder: 0 },
  flags: ['infants' as const],
  identityDocument,
});

async function councilWithKeeper() {
  const council = await buildCouncil(s.db, { kind: 'neighbourhood' });
  const keeper = await buildOfficer(s.db, council, 'distribution');
  return { council, keeper, viewer: viewerOf(keeper.personId) };
}

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe('household register', () => {
  it('is read and written only by the council’s distribution officers', async () => {
    const { council, keeper } = await councilWithKeeper();
    const secretary = await buildOfficer(s.db, council, 'secretary');
    const member = await buildMember(s.db, council);
    const keeperClient = await TestClient.signedIn(s.app, keeper.login);
    const created = await keeperClient.request(
      'POST',
      `/api/v1/councils/${council}/households`,
      household('Rosa Mamani'),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      headName: 'Rosa Mamani',
      size: 5,
      flags: ['infants'],
      status: 'active',
    });
    const id = created.json().id as string;
    for (const other of [secretary, member]) {
      const client = await TestClient.signedIn(s.app, other.login);
      expect((await client.request('GET', `/api/v1/councils/${council}/households`)).statusCode).toBe(403);
      expect((await client.request('GET', `/api/v1/households/${id}`)).statusCode).toBe(403);
      const write = await client.request('PATCH', `/api/v1/households/${id}`, { address: 'Otra calle 1' });
      expect(write.statusCode).toBe(403);
    }
    const list = await keeperClient.request('GET', `/api/v1/councils/${council}/households?q=mamani`);
    expect(list.json()).toMatchObject({ total: 1, households: [{ id, headName: 'Rosa Mamani' }] });
  });

  it('finds the same document in another council without storing or revealing it', async () => {
    const a = await councilWithKeeper();
    const b = await councilWithKeeper();
    const first = await registerHousehold(
      s.db,
      a.viewer,
      a.council,
      household('Juan Quispe', 'CI 4.567.890-LP'),
    );
    expect(first.possibleDuplicates).toEqual([]);
    // Written differently, the same document: refused in the same council, reported in another.
    await expect(
      registerHousehold(s.db, a.viewer, a.council, household('Juan Quispe Mamani', 'ci 4567890 lp')),
    ).rejects.toMatchObject({ code: 'household-already-registered', field: 'identityDocument' });
    const second = await registerHousehold(s.db, b.viewer, b.council, household('Juan Q.', 'CI4567890LP'));
    expect(second.possibleDuplicates).toEqual([{ councilId: a.council, councilName: expect.any(String) }]);
    expect(normaliseIdentityDocument('CI 4.567.890-LP')).toBe('CI4567890LP');
    // Nowhere in the database: not the document, not its plain hash.
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from households
       where identity_hash = sha256(convert_to('CI4567890LP', 'UTF8'))
          or position(convert_to('4567890', 'UTF8') in identity_hash) > 0`.execute(s.db);
    expect(rows[0]!.n).toBe(0);
    const dump = await sql<{ t: string }>`select string_agg(h::text, ' ') as t from households h`.execute(
      s.db,
    );
    expect(dump.rows[0]!.t).not.toContain('4567890');
    // Withdrawn in the first council: no longer a duplicate for the second.
    await withdrawHousehold(s.db, a.viewer, first.household.id, 'se mudó a Cochabamba');
    const client = await TestClient.signedIn(s.app, b.keeper.login);
    const seen = await client.request('GET', `/api/v1/households/${second.household.id}`);
    expect(seen.json().possibleDuplicates).toEqual([]);
  });

  it('registers a document once per council when two officers enter it at the same time', async () => {
    const { council, viewer } = await councilWithKeeper();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        registerHousehold(s.db, viewer, council, household(`Twin ${i}`, 'CI 777 OR')),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes)
      if (o.status === 'rejected') expect(codeOf(o.reason)).toBe('household-already-registered');
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from households where council_id = ${council}`.execute(s.db);
    expect(rows[0]!.n).toBe(1);
  });

  it('records corrections and withdrawals in the ledger without names, addresses or documents', async () => {
    const { council, viewer } = await councilWithKeeper();
    const { household: h } = await registerHousehold(
      s.db,
      viewer,
      council,
      household('Elena Condori', 'CI 9988'),
    );
    const changed = await changeHousehold(s.db, viewer, h.id, {
      people: { infant: 0, child: 1, adult: 2, elder: 1 },
      flags: ['elderly'],
    });
    expect({ elders: changed.elders, flags: changed.flags, head: changed.head_name }).toEqual({
      elders: 1,
      flags: ['elderly'],
      head: 'Elena Condori',
    });
    await withdrawHousehold(s.db, viewer, h.id, 'fallecimiento');
    await expect(changeHousehold(s.db, viewer, h.id, { address: 'x y z' })).rejects.toMatchObject({
      code: 'household-withdrawn',
    });
    const { rows } = await sql<{ kind: string; payload: string }>`
      select kind, payload::text as payload from ledger_entries
       where chain_id = ${council} and kind like 'household.%' order by seq`.execute(s.db);
    expect(rows.map((r) => r.kind)).toEqual([
      'household.registered',
      'household.changed',
      'household.withdrawn',
    ]);
    for (const r of rows) expect(r.payload).not.toMatch(/Elena|Condori|Illimani|9988|fallecimiento/);
  });

  it('answers bad input with a 4xx naming the field, and writes nothing', async () => {
    const { council, keeper } = await councilWithKeeper();
    const federation = await buildCouncil(s.db, { kind: 'federation' });
    const below = await buildCouncil(s.db, { kind: 'neighbourhood', parentId: federation });
    const fedKeeper = await buildMember(s.db, below);
    await insertOffice(s.db, federation, 'distribution', fedKeeper.personId);
    const client = await TestClient.signedIn(s.app, keeper.login);
    const fedClient = await TestClient.signedIn(s.app, fedKeeper.login);
    const before = await tableCounts(s.db);
    const post = (c: TestClient, target: string, body: unknown) =>
      c.request('POST', `/api/v1/councils/${target}/households`, body);
    const cases: Array<
      [
        string,
        Promise<{ statusCode: number; json(): { error: { code: string; field?: string } } }>,
        number,
        string,
        string | undefined,
      ]
    > = [
      [
        'nobody in it',
        post(client, council, { ...household('A B'), people: { infant: 0, child: 0, adult: 0, elder: 0 } }),
        400,
        'invalid-request',
        'people',
      ],
      [
        'unknown flag',
        post(client, council, { ...household('A B'), flags: ['vip'] }),
        400,
        'invalid-request',
        'flags.0',
      ],
      [
        'repeated flag',
        post(client, council, { ...household('A B'), flags: ['infants', 'infants'] }),
        400,
        'invalid-request',
        'flags',
      ],
      [
        'negative band',
        post(client, council, { ...household('A B'), people: { infant: -1, child: 0, adult: 1, elder: 0 } }),
        400,
        'invalid-request',
        'people.infant',
      ],
      [
        'bad document',
        post(client, council, household('A B', '<script>')),
        400,
        'invalid-request',
        'identityDocument',
      ],
      ['empty name', post(client, council, household('   ')), 400, 'invalid-request', 'headName'],
      [
        'a federated council',
        post(fedClient, federation, household('A B')),
        409,
        'not-a-base-council',
        undefined,
      ],
      ['another council', post(client, federation, household('A B')), 403, 'not-permitted', undefined],
    ];
    for (const [what, pending, status, code, field] of cases) {
      const res = await pending;
      expect(res.statusCode, what).toBe(status);
      expect(res.json().error.code, what).toBe(code);
      if (field) expect(res.json().error.field, what).toBe(field);
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });
});
