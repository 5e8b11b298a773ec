// The search for coordinators of a call to action: active members of councils at or under the calling
// body, found by part of their name (case and accents aside), names and councils only, for those who may
// propose a call there.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCouncil,
  buildLocalFederation,
  buildMember,
  startTestServer,
  TestClient,
  type TestServer,
} from '../test-factories.ts';

let s: TestServer;
let fed: Awaited<ReturnType<typeof buildLocalFederation>>;
let secretary: TestClient;
let counter = 0;
/** A text no other test's names hold. */
const tag = () => `Zq${Date.now().toString(36)}x${(counter++).toString(36)}`;

beforeAll(async () => {
  s = await startTestServer();
  fed = await buildLocalFederation(s.db, 2);
  secretary = await TestClient.signedIn(s.app, fed.secretary.login);
});
afterAll(async () => s.close());

const search = (client: TestClient, councilId: string, q: string) =>
  client.request('GET', `/api/v1/councils/${councilId}/coordinator-candidates?q=${encodeURIComponent(q)}`);

const councilName = async (id: string) =>
  (await sql<{ name: string }>`select name from councils where id = ${id}`.execute(s.db)).rows[0]!.name;

describe('coordinator candidates', () => {
  it('finds a member of a base council below the federation by part of the name, case and accents aside', async () => {
    const t = tag();
    const member = await buildMember(s.db, fed.bases[1]!, `Nélida Ayaviri ${t}`);
    const expected = [
      {
        personId: member.personId,
        fullName: `Nélida Ayaviri ${t}`,
        councilId: fed.bases[1],
        councilName: await councilName(fed.bases[1]!),
      },
    ];
    for (const q of [`ayaviri ${t}`, `NELIDA AYAVIRI ${t}`, `nélida ayaviri ${t.toLowerCase()}`]) {
      const res = await search(secretary, fed.local, q);
      expect(res.statusCode, res.body).toBe(200);
      // Names and councils only: no email, phone or address.
      expect(res.json().candidates, q).toEqual(expected);
    }
  });

  it('does not find members of a council outside the body, nor members who left or are suspended', async () => {
    const t = tag();
    const inside = await buildMember(s.db, fed.bases[0]!, `Inside ${t}`);
    const outsideCouncil = await buildCouncil(s.db, { kind: 'village' });
    await buildMember(s.db, outsideCouncil, `Outside ${t}`);
    const left = await buildMember(s.db, fed.bases[0]!, `Left ${t}`);
    const suspended = await buildMember(s.db, fed.bases[1]!, `Suspended ${t}`);
    await sql`update memberships set status = 'left', left_at = now() where person_id = ${left.personId}`.execute(
      s.db,
    );
    await sql`update memberships set status = 'suspended' where person_id = ${suspended.personId}`.execute(
      s.db,
    );
    const res = await search(secretary, fed.local, t);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().candidates.map((c: { fullName: string }) => c.fullName)).toEqual([`Inside ${t}`]);
    expect(res.json().candidates[0].personId).toBe(inside.personId);
  });

  it('lists each person once, ordered by name, at most 20', async () => {
    const t = tag();
    const names = Array.from({ length: 22 }, (_, i) => `${t} ${String(21 - i).padStart(2, '0')}`);
    const members = [];
    for (const [i, name] of names.entries()) members.push(await buildMember(s.db, fed.bases[i % 2]!, name));
    // The first by name is a member of both base councils: listed once, with the first council by name.
    const first = members.at(-1)!;
    await sql`insert into memberships (council_id, person_id, status)
              values (${fed.bases[0]}, ${first.personId}, 'active')`.execute(s.db);
    const res = await search(secretary, fed.local, t);
    expect(res.statusCode, res.body).toBe(200);
    const found = res.json().candidates as Array<{ personId: string; fullName: string; councilName: string }>;
    expect(found.map((c) => c.fullName)).toEqual([...names].sort().slice(0, 20));
    expect(found.filter((c) => c.personId === first.personId)).toHaveLength(1);
    const [a, b] = [await councilName(fed.bases[0]!), await councilName(fed.bases[1]!)].sort();
    expect(found[0]!.councilName).toBe(a);
    expect(b).not.toBe(a);
  });

  it('orders by name with accents aside', async () => {
    const t = tag();
    for (const first of ['Zoe', 'Élida', 'Eva', 'Ángel', 'Bruno'])
      await buildMember(s.db, fed.bases[0]!, `${t} ${first}`);
    const res = await search(secretary, fed.local, t);
    expect(res.json().candidates.map((c: { fullName: string }) => c.fullName.slice(t.length + 1))).toEqual([
      'Ángel',
      'Bruno',
      'Élida',
      'Eva',
      'Zoe',
    ]);
  });

  it('refuses a person without an office in the body with 403, and a visitor with 401', async () => {
    const t = tag();
    await buildMember(s.db, fed.bases[0]!, `Hidden ${t}`);
    const plain = await TestClient.signedIn(s.app, (await buildMember(s.db, fed.bases[0]!)).login);
    const res = await search(plain, fed.local, t);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('not-permitted');
    // A base council's secretary holds no office in the federation above it.
    const baseSecretary = await TestClient.signedIn(s.app, fed.baseSecretaries[0]!.login);
    expect((await search(baseSecretary, fed.local, t)).statusCode).toBe(403);
    expect((await search(baseSecretary, fed.bases[0]!, t)).statusCode).toBe(200);
    const visitor = await TestClient.anonymous(s.app);
    expect((await search(visitor, fed.local, t)).statusCode).toBe(401);
  });

  it('answers a q too short, too long or missing with 400 naming q', async () => {
    for (const q of ['a', '  b  ', 'x'.repeat(81)]) {
      const res = await search(secretary, fed.local, q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.field, q).toBe('q');
    }
    const missing = await secretary.request('GET', `/api/v1/councils/${fed.local}/coordinator-candidates`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('q');
    expect((await search(secretary, fed.local, 'ab')).statusCode).toBe(200);
  });

  it('takes % and _ in q literally', async () => {
    const t = tag();
    await buildMember(s.db, fed.bases[0]!, `${t} 100% Quispe`);
    await buildMember(s.db, fed.bases[0]!, `${t} 1000 Quispe`);
    await buildMember(s.db, fed.bases[1]!, `${t} a_b Mamani`);
    await buildMember(s.db, fed.bases[1]!, `${t} axb Mamani`);
    const names = async (q: string) =>
      (await search(secretary, fed.local, q)).json().candidates.map((c: { fullName: string }) => c.fullName);
    expect(await names(`${t} 100%`)).toEqual([`${t} 100% Quispe`]);
    expect(await names(`${t} a_b`)).toEqual([`${t} a_b Mamani`]);
    expect(await names('0%')).toEqual([`${t} 100% Quispe`]);
  });
});
