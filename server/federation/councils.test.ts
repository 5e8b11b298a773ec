import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildAdmin,
  buildCouncil,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
} from '../test-factories.ts';

let s: TestServer;
let admin: TestClient;

beforeAll(async () => {
  s = await startTestServer();
  admin = await TestClient.signedIn(s.app, (await buildAdmin(s.db)).login);
});
afterAll(async () => s.close());

const create = (client: TestClient, body: Record<string, unknown>) =>
  client.request('POST', '/api/v1/councils', body);

/** Brute force over parent links, to check the path-range roll-ups against. */
async function bruteForce(id: string) {
  const { rows } = await sql<{ councils: number; members: number }>`
    with recursive sub as (select id from councils where id = ${id} and dissolved_at is null
                           union all select c.id from councils c join sub on c.parent_id = sub.id where c.dissolved_at is null)
    select (select count(*)::int from sub) as councils,
           (select count(*)::int from memberships m where m.status = 'active' and m.council_id in (select id from sub)) as members`.execute(
    s.db,
  );
  return rows[0]!;
}

describe('councils and the federation tree', () => {
  it('builds a federation at any depth and rolls counts up every level', async () => {
    const national = (
      await create(admin, { name: 'Nacional', kind: 'federation', level: 'national', territory: 'Bolivia' })
    ).json();
    const regional = (
      await create(admin, {
        name: 'Regional',
        kind: 'federation',
        level: 'regional',
        territory: 'Oruro',
        parentId: national.id,
      })
    ).json();
    const local = (
      await create(admin, {
        name: 'Local',
        kind: 'federation',
        level: 'local',
        territory: 'Huanuni',
        parentId: regional.id,
      })
    ).json();
    const mine = (
      await create(admin, {
        name: 'Mina',
        kind: 'mine',
        territory: 'Huanuni',
        sector: 'estaño',
        parentId: local.id,
      })
    ).json();
    const village = (
      await create(admin, { name: 'Ayllu', kind: 'village', territory: 'Macha', parentId: regional.id })
    ).json();
    for (let i = 0; i < 3; i++) await buildMember(s.db, mine.id);
    for (let i = 0; i < 2; i++) await buildMember(s.db, village.id);

    const tree = (await admin.request('GET', `/api/v1/federation/tree?root=${national.id}&depth=3`)).json()
      .nodes;
    const byName = Object.fromEntries(tree.map((n: { name: string }) => [n.name, n]));
    expect(byName.Nacional).toMatchObject({ depth: 0, councils: 5, members: 5, childCount: 1 });
    expect(byName.Regional).toMatchObject({ depth: 1, councils: 4, members: 5, childCount: 2 });
    expect(byName.Local).toMatchObject({ depth: 2, councils: 2, members: 3 });
    expect(byName.Mina).toMatchObject({ depth: 3, councils: 1, members: 3, sector: 'estaño' });
    for (const n of tree)
      expect({ councils: n.councils, members: n.members }).toEqual(await bruteForce(n.id));

    const page = (await admin.request('GET', `/api/v1/councils/${mine.id}`)).json();
    expect(page.ancestors.map((a: { name: string }) => a.name)).toEqual(['Nacional', 'Regional', 'Local']);
    expect(page.parent.name).toBe('Local');
  });

  it('refuses a base council as a parent and a move into its own subtree', async () => {
    const fed = await buildCouncil(s.db, { kind: 'federation', level: 'regional' });
    const child = await buildCouncil(s.db, { kind: 'federation', level: 'local', parentId: fed });
    const base = await buildCouncil(s.db, { kind: 'factory', parentId: child });
    const underBase = await create(admin, { name: 'X', kind: 'mine', territory: 'Y', parentId: base });
    expect(underBase.statusCode).toBe(400);
    expect(underBase.json().error).toMatchObject({ code: 'parent-not-federation', field: 'parentId' });
    const loop = await admin.request('PUT', `/api/v1/councils/${fed}/parent`, { parentId: child });
    expect(loop.json().error.code).toBe('move-into-own-subtree');
    const noLevel = await create(admin, { name: 'F', kind: 'federation', territory: 'T' });
    expect(noLevel.json().error).toMatchObject({ code: 'level-required', field: 'level' });
  });

  it('moves a whole subtree and keeps every roll-up exact', async () => {
    const a = await buildCouncil(s.db, { kind: 'federation', level: 'regional', name: 'A' });
    const b = await buildCouncil(s.db, { kind: 'federation', level: 'regional', name: 'B' });
    const local = await buildCouncil(s.db, { kind: 'federation', level: 'local', parentId: a });
    const base = await buildCouncil(s.db, { kind: 'neighbourhood', parentId: local });
    await buildMember(s.db, base);
    await buildMember(s.db, base);
    const moved = await admin.request('PUT', `/api/v1/councils/${local}/parent`, { parentId: b });
    expect(moved.statusCode).toBe(204);
    expect(await bruteForce(a)).toEqual({ councils: 1, members: 0 });
    expect(await bruteForce(b)).toEqual({ councils: 3, members: 2 });
    const treeB = (await admin.request('GET', `/api/v1/federation/tree?root=${b}&depth=2`)).json().nodes;
    expect(
      treeB.map((n: { councils: number; members: number; depth: number }) => [
        n.councils,
        n.members,
        n.depth,
      ]),
    ).toEqual([
      [3, 2, 0],
      [2, 2, 1],
      [1, 2, 2],
    ]);
    const [verdict] = await verifyLedger(s.db, local);
    expect(verdict).toMatchObject({ entries: 2, firstBroken: null });
  });

  it('dissolves a council keeping its history, only once its children are gone', async () => {
    const fed = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
    const base = await buildCouncil(s.db, { kind: 'village', parentId: fed });
    await buildMember(s.db, base);
    const blocked = await admin.request('POST', `/api/v1/councils/${fed}/dissolution`, { reason: 'merged' });
    expect(blocked.json().error.code).toBe('has-active-children');
    expect(
      (await admin.request('POST', `/api/v1/councils/${base}/dissolution`, { reason: 'merged' })).statusCode,
    ).toBe(204);
    expect(await bruteForce(fed)).toEqual({ councils: 1, members: 0 });
    const page = (await admin.request('GET', `/api/v1/councils/${base}`)).json();
    expect(page.dissolvedAt).not.toBeNull();
    const ledger = (await admin.request('GET', `/api/v1/councils/${base}/ledger`)).json();
    expect(ledger.entries[0].kind).toBe('council.dissolved');
    expect(ledger.verified).toBe(true);
  });

  it('lets a federation secretary create councils beneath it but not elsewhere', async () => {
    const fed = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
    const other = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
    const member = await buildCouncil(s.db, { kind: 'mine', parentId: fed });
    const secretary = await buildMember(s.db, member);
    const { insertOffice } = await import('./index.ts');
    await insertOffice(s.db, fed, 'secretary', secretary.personId);
    const client = await TestClient.signedIn(s.app, secretary.login);
    expect(
      (await create(client, { name: 'Nueva', kind: 'mine', territory: 'T', parentId: fed })).statusCode,
    ).toBe(201);
    expect(
      (await create(client, { name: 'Ajena', kind: 'mine', territory: 'T', parentId: other })).statusCode,
    ).toBe(403);
    expect((await create(client, { name: 'Arriba', kind: 'mine', territory: 'T' })).statusCode).toBe(403);
  });

  it('assigns offices only to members, and ends them', async () => {
    const base = await buildCouncil(s.db, { kind: 'office' });
    const chair = await buildOfficer(s.db, base, 'chair');
    const member = await buildMember(s.db, base);
    const outsider = await buildMember(s.db, await buildCouncil(s.db, { kind: 'office' }));
    const client = await TestClient.signedIn(s.app, chair.login);
    const ok = await client.request('POST', `/api/v1/councils/${base}/offices`, {
      personId: member.personId,
      office: 'treasurer',
    });
    expect(ok.statusCode).toBe(201);
    const twice = await client.request('POST', `/api/v1/councils/${base}/offices`, {
      personId: member.personId,
      office: 'treasurer',
    });
    expect(twice.json().error.code).toBe('office-already-held');
    const notMember = await client.request('POST', `/api/v1/councils/${base}/offices`, {
      personId: outsider.personId,
      office: 'secretary',
    });
    expect(notMember.json().error).toMatchObject({ code: 'not-a-member', field: 'personId' });
    const ended = await client.request('DELETE', `/api/v1/councils/${base}/offices/${ok.json().id}`);
    expect(ended.statusCode).toBe(204);
    const offices = (await client.request('GET', `/api/v1/councils/${base}`)).json().offices;
    expect(offices.map((o: { office: string }) => o.office)).toEqual(['chair']);
  });

  it('imports a councils CSV all or nothing, with a report naming each rejected line', async () => {
    const root = await buildCouncil(s.db, { kind: 'federation', level: 'regional' });
    const before = (await sql<{ n: number }>`select count(*)::int as n from councils`.execute(s.db)).rows[0]!
      .n;
    const csv = [
      'key,name,kind,level,territory,sector,parent_key,answer_days',
      'loc,Federación Local,federation,local,Potosí,,,',
      'a,Mina A,mine,,Potosí,plata,loc,5',
      'b,Mina B,mine,,Potosí,,nowhere,',
      'c,,village,,Macha,,loc,',
      'd,Fábrica,factory,,Vinto,,a,',
    ].join('\n');
    const res = await admin.request('POST', `/api/v1/councils/import?parentId=${root}`, csv, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().rows.filter((r: { status: string }) => r.status === 'rejected')).toEqual([
      { line: 4, status: 'rejected', field: 'parent_key', reason: 'no row has key "nowhere"' },
      { line: 5, status: 'rejected', field: 'name', reason: 'a name of 1–200 characters is required' },
      { line: 6, status: 'rejected', field: 'parent_key', reason: '"a" is not a federated council' },
    ]);
    expect((await sql<{ n: number }>`select count(*)::int as n from councils`.execute(s.db)).rows[0]!.n).toBe(
      before,
    );
    const good = csv.split('\n').slice(0, 3).join('\n');
    const ok = await admin.request('POST', `/api/v1/councils/import?parentId=${root}`, good, {
      'content-type': 'text/csv',
    });
    expect(ok.json()).toMatchObject({ imported: 2, rejected: 0 });
    expect(await bruteForce(root)).toEqual({ councils: 3, members: 0 });
  });
});
