// Recall and resignation end a mandate at one instant everywhere (DESIGN §3, invariant 3): the cascade
// up the federation, the substitutes, the offices, and the race between recalls and uses of rights.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/database.ts';
import { AppError } from '../platform/http-errors.ts';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildApportionment,
  buildCouncil,
  buildElectionResult,
  buildMember,
  buildOfficer,
  startTestServer,
  TestClient,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';
import { assertMandateRight, recallMandate, rollAt } from './index.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const US = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

async function microBefore(iso: string): Promise<string> {
  const { rows } = await sql<{ at: string }>`
    select to_char((${iso}::timestamptz - interval '1 microsecond') at time zone 'UTC', ${US}) as at`.execute(
    s.db,
  );
  return rows[0]!.at;
}

const holdersAt = async (councilId: string, at: string) =>
  (await rollAt(s.db, councilId, at)).map((r) => r.holder_person_id).sort();

const decision = (n = 1) => ({
  decisionReference: `Asamblea ${n}/2026, punto 3`,
  minuteText: 'Se revoca el mandato.',
});

/**
 * Base councils B1, B2 → local L (2 seats each) → regional R (2 seats for L) → national N (1 seat for R).
 * B1 elects a, b (substitute s1); B2 elects c, d; L elects a, c (substitutes b, d); R elects a (substitute c).
 */
async function threeLevels() {
  const national = await buildCouncil(s.db, { kind: 'federation', level: 'national' });
  const regional = await buildCouncil(s.db, { kind: 'federation', level: 'regional', parentId: national });
  const local = await buildCouncil(s.db, { kind: 'federation', level: 'local', parentId: regional });
  const b1 = await buildCouncil(s.db, { kind: 'mine', parentId: local });
  const b2 = await buildCouncil(s.db, { kind: 'village', parentId: local });
  const [a, b, s1] = await Promise.all([1, 2, 3].map(() => buildMember(s.db, b1)));
  const [c, d] = await Promise.all([1, 2].map(() => buildMember(s.db, b2)));
  const p = { a: a!, b: b!, s1: s1!, c: c!, d: d! };
  await buildApportionment(s.db, local, 2);
  await buildApportionment(s.db, regional, 2);
  await buildApportionment(s.db, national, 1);
  const inL = await buildElectionResult(s.db, b1, [p.a.personId, p.b.personId], [p.s1.personId]);
  await buildElectionResult(s.db, b2, [p.c.personId, p.d.personId]);
  const inR = await buildElectionResult(
    s.db,
    local,
    [p.a.personId, p.c.personId],
    [p.b.personId, p.d.personId],
  );
  const inN = await buildElectionResult(s.db, regional, [p.a.personId], [p.c.personId]);
  return {
    councils: { national, regional, local, b1, b2 },
    p,
    mandatesOfA: {
      L: inL.mandates[0]!.mandateId,
      R: inR.mandates[0]!.mandateId,
      N: inN.mandates[0]!.mandateId,
    },
  };
}

describe('recall of a mandate', () => {
  it('ends the mandate and every mandate above that depends on it at one instant, and seats the substitutes', async () => {
    const { councils, p, mandatesOfA } = await threeLevels();
    // a took the regional chair while seated there; a's secretaryship of the mine is no seat's office.
    await sql`insert into offices (council_id, office, person_id) values (${councils.b1}, 'secretary', ${p.a.personId})`.execute(
      s.db,
    );
    await sql`insert into offices (council_id, office, person_id, started_at)
              values (${councils.regional}, 'chair', ${p.a.personId}, clock_timestamp())`.execute(s.db);
    const secretary = await TestClient.signedIn(s.app, (await buildOfficer(s.db, councils.b1)).login);

    const res = await secretary.request('POST', `/api/v1/mandates/${mandatesOfA.L}/recall`, decision());
    expect(res.statusCode, res.body).toBe(200);
    const outcome = res.json();
    const at: string = outcome.endedAt;
    expect(outcome.ended.map((e: { mandateId: string; cause: string }) => [e.mandateId, e.cause])).toEqual([
      [mandatesOfA.L, 'act'],
      [mandatesOfA.R, 'cascade'],
      [mandatesOfA.N, 'cascade'],
    ]);
    expect(outcome.seated.map((x: { personId: string }) => x.personId)).toEqual([
      p.s1.personId,
      p.b.personId,
      p.c.personId,
    ]);
    expect(outcome.officesEnded).toEqual([
      expect.objectContaining({ councilId: councils.regional, office: 'chair', personId: p.a.personId }),
    ]);

    const justBefore = await microBefore(at);
    const { a, b, c, d, s1 } = p;
    expect(await holdersAt(councils.local, justBefore)).toEqual([a, b, c, d].map((x) => x.personId).sort());
    expect(await holdersAt(councils.local, at)).toEqual([s1, b, c, d].map((x) => x.personId).sort());
    expect(await holdersAt(councils.regional, justBefore)).toEqual([a, c].map((x) => x.personId).sort());
    expect(await holdersAt(councils.regional, at)).toEqual([b, c].map((x) => x.personId).sort());
    expect(await holdersAt(councils.national, justBefore)).toEqual([a.personId]);
    expect(await holdersAt(councils.national, at)).toEqual([c.personId]);

    const { rows } = await sql<{ id: string; status: string; ended: string }>`
      select id, status, to_char(ended_at at time zone 'UTC', ${US}) as ended from mandates
       where id = any(${Object.values(mandatesOfA)}::uuid[])`.execute(s.db);
    expect(rows.every((r) => r.status === 'recalled' && r.ended === at)).toBe(true);
    // The new regional and national seats rest on the substitutes' own seats below.
    const seatedR = outcome.seated[1];
    const { rows: deps } = await sql<{ depends_on_mandate_id: string; holder_person_id: string }>`
      select depends_on_mandate_id, holder_person_id from mandates where id = ${seatedR.mandateId}`.execute(
      s.db,
    );
    expect(deps[0]!.holder_person_id).toBe(b.personId);
    expect(deps[0]!.depends_on_mandate_id).not.toBeNull();
    const { rows: offices } = await sql<{ council_id: string }>`
      select council_id from offices where person_id = ${a.personId} and ended_at is null`.execute(s.db);
    expect(offices).toEqual([{ council_id: councils.b1 }]);

    const entries = await sql<{ kind: string; payload: { ended: unknown[]; substitutesSeated: unknown[] } }>`
      select kind, payload from ledger_entries where chain_id = ${councils.b1} order by seq desc limit 1`.execute(
      s.db,
    );
    expect(entries.rows[0]!.kind).toBe('mandate.recalled');
    expect(entries.rows[0]!.payload.ended).toHaveLength(3);
    expect(entries.rows[0]!.payload.substitutesSeated).toHaveLength(3);
    expect((await verifyLedger(s.db, councils.b1))[0]!.firstBroken).toBeNull();

    const again = await secretary.request('POST', `/api/v1/mandates/${mandatesOfA.L}/recall`, decision(2));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('mandate-ended');
  });

  it("refuses recalling another council's delegate, even for the seat council's officers", async () => {
    const { councils, mandatesOfA } = await threeLevels();
    const otherSecretary = await TestClient.signedIn(s.app, (await buildOfficer(s.db, councils.b2)).login);
    const memberOfSender = await TestClient.signedIn(s.app, (await buildMember(s.db, councils.b1)).login);
    const chairOfSeat = await buildMember(s.db, councils.b2);
    await sql`insert into offices (council_id, office, person_id) values (${councils.local}, 'chair', ${chairOfSeat.personId})`.execute(
      s.db,
    );
    for (const client of [
      otherSecretary,
      memberOfSender,
      await TestClient.signedIn(s.app, chairOfSeat.login),
    ]) {
      const res = await client.request('POST', `/api/v1/mandates/${mandatesOfA.L}/recall`, decision());
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('not-permitted');
    }
    const { rows } = await sql<{
      status: string;
    }>`select status from mandates where id = ${mandatesOfA.L}`.execute(s.db);
    expect(rows[0]!.status).toBe('active');
  });

  it('lets only the holder resign, and seats the substitute from that instant', async () => {
    const { councils, p, mandatesOfA } = await threeLevels();
    const other = await TestClient.signedIn(s.app, p.b.login);
    const res = await other.request('POST', `/api/v1/mandates/${mandatesOfA.N}/resignation`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('mandate-not-held');
    const holder = await TestClient.signedIn(s.app, p.a.login);
    const done = await holder.request('POST', `/api/v1/mandates/${mandatesOfA.N}/resignation`, {
      reason: 'Salud',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().ended).toHaveLength(1);
    expect(await holdersAt(councils.national, done.json().endedAt)).toEqual([p.c.personId]);
    // The seats below stand: resigning above ends nothing beneath it.
    expect(await holdersAt(councils.regional, done.json().endedAt)).toContain(p.a.personId);
    const twice = await holder.request('POST', `/api/v1/mandates/${mandatesOfA.N}/resignation`, {});
    expect(twice.json().error.code).toBe('mandate-ended');
  });

  it('refuses a right used after the recall instant and allows one before it', async () => {
    const { councils, p, mandatesOfA } = await threeLevels();
    const use = (mandateId: string, personId: string) =>
      s.db.transaction().execute((tx) => assertMandateRight(tx, mandateId, personId));
    await expect(use(mandatesOfA.N, p.a.personId)).resolves.toMatchObject({ mandate: { id: mandatesOfA.N } });
    await expect(use(mandatesOfA.N, p.c.personId)).rejects.toMatchObject({ code: 'mandate-not-held' });
    const secretary = await buildOfficer(s.db, councils.b1);
    await recallMandate(s.db, viewerOf(secretary.personId), mandatesOfA.L, decision());
    for (const id of Object.values(mandatesOfA)) {
      await expect(use(id, p.a.personId)).rejects.toMatchObject({ code: 'mandate-ended' });
    }
  });
});

/** Microseconds since the epoch of a database instant, exactly (bigint). */
const micros = async (db: Db, iso: string) =>
  BigInt(
    (
      await sql<{
        us: string;
      }>`select (extract(epoch from ${iso}::timestamptz) * 1000000)::bigint::text as us`.execute(db)
    ).rows[0]!.us,
  );

describe('recall racing the use of rights', () => {
  it('100 recall decisions against 100 uses: every use that stands committed before the instant, every later one is refused, each mandate ends once', async () => {
    const federation = await buildCouncil(s.db, { kind: 'federation', level: 'local' });
    const base = await buildCouncil(s.db, { kind: 'mine', parentId: federation });
    const delegates = await Promise.all([1, 2, 3, 4, 5].map(() => buildMember(s.db, base)));
    await buildApportionment(s.db, federation, 5);
    const elected = await buildElectionResult(
      s.db,
      base,
      delegates.map((d) => d.personId),
    );
    const mandates = elected.mandates;
    const secretary = viewerOf((await buildOfficer(s.db, base)).personId);

    type Use = { mandateId: string; ok: boolean; instant: string; code?: string };
    const exerciseRight = (mandateId: string, personId: string): Promise<Use> =>
      s.db.transaction().execute(async (tx) => {
        try {
          await assertMandateRight(tx, mandateId, personId);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const { rows } = await sql<{
            at: string;
          }>`select to_char(clock_timestamp() at time zone 'UTC', ${US}) as at`.execute(tx);
          return { mandateId, ok: false, instant: rows[0]!.at, code: error.code };
        }
        // The act's own work (a ballot, in issue 5) takes a moment while the share lock is held.
        await sql`select pg_sleep(0.002)`.execute(tx);
        // The last instant inside the transaction: its commit comes after it.
        const { rows } = await sql<{
          at: string;
        }>`select to_char(clock_timestamp() at time zone 'UTC', ${US}) as at`.execute(tx);
        return { mandateId, ok: true, instant: rows[0]!.at };
      });

    // Interleaved: mandate k is recalled from the 20k-th decision on (20 decisions each, 19 duplicates),
    // while every fifth use goes to it, so its uses come before, between and after its recalls.
    const work: Array<Promise<unknown>> = [];
    const recalls: Array<Promise<unknown>> = [];
    const uses: Array<Promise<Use>> = [];
    for (let i = 0; i < 100; i++) {
      const target = mandates[i % 5]!;
      const use = exerciseRight(target.mandateId, target.personId);
      uses.push(use);
      const recall = recallMandate(
        s.db,
        secretary,
        mandates[Math.floor(i / 20)]!.mandateId,
        decision(i),
      ).then(
        () => 'recalled',
        (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
      );
      recalls.push(recall);
      work.push(use, recall);
    }
    await Promise.all(work);
    const recallOutcomes = await Promise.all(recalls);
    expect(recallOutcomes.filter((r) => r === 'recalled')).toHaveLength(5);
    expect(recallOutcomes.filter((r) => r === 'mandate-ended')).toHaveLength(95);

    const { rows: ended } = await sql<{ id: string; status: string; ended: string }>`
      select id, status, to_char(ended_at at time zone 'UTC', ${US}) as ended from mandates
       where id = any(${mandates.map((m) => m.mandateId)}::uuid[])`.execute(s.db);
    expect(ended.every((m) => m.status === 'recalled')).toBe(true);
    const endedAt = new Map<string, bigint>();
    for (const m of ended) endedAt.set(m.id, await micros(s.db, m.ended));

    const results = await Promise.all(uses);
    let stood = 0;
    let refused = 0;
    for (const u of results) {
      const instant = await micros(s.db, u.instant);
      const end = endedAt.get(u.mandateId)!;
      if (u.ok) {
        stood++;
        expect(instant < end, `a use that stood at ${u.instant} is not before the end`).toBe(true);
      } else {
        refused++;
        expect(u.code).toBe('mandate-ended');
        expect(instant >= end, `a use refused at ${u.instant} came before the end`).toBe(true);
      }
    }
    expect(stood + refused).toBe(100);
    expect(stood).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);

    const { rows: entries } = await sql<{ mandate_id: string }>`
      select payload->>'mandateId' as mandate_id from ledger_entries
       where chain_id = ${base} and kind = 'mandate.recalled'`.execute(s.db);
    expect(entries.map((e) => e.mandate_id).sort()).toEqual(mandates.map((m) => m.mandateId).sort());
    expect((await verifyLedger(s.db, base))[0]!.firstBroken).toBeNull();
  });
});
