import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLedgerEntries, appendLedgerEntry, verifyLedger } from './ledger.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.drop());

const chain = '11111111-1111-4111-8111-111111111111';

describe('ledger', () => {
  it('keeps one valid chain when 40 writers append at once', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.db.transaction().execute((tx) =>
          appendLedgerEntry(tx, {
            chainId: chain,
            kind: 'test.appended',
            actorPersonId: null,
            payload: { i },
          }),
        ),
      ),
    );
    const [verdict] = await verifyLedger(t.db, chain);
    expect(verdict).toEqual({ chainId: chain, entries: 40, firstBroken: null });
    const { rows } = await sql<{ n: number; distinct_prev: number }>`
      select count(*)::int as n, count(distinct prev_hash)::int as distinct_prev from ledger_entries where chain_id = ${chain}`.execute(
      t.db,
    );
    expect(rows[0]).toEqual({ n: 40, distinct_prev: 40 });
  });

  it('appends many acts to several chains in one call, each chain in the order given, also with other writers', async () => {
    const others = ['44444444-4444-4444-8444-444444444444', '55555555-5555-4555-8555-555555555555'];
    const acts = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        chainId: others[i % 2]!,
        kind: 'test.grouped',
        actorPersonId: null,
        payload: { i },
      }));
    const [grouped] = await Promise.all([
      t.db.transaction().execute((tx) => appendLedgerEntries(tx, acts(9))),
      ...Array.from({ length: 6 }, () =>
        t.db.transaction().execute((tx) => appendLedgerEntries(tx, acts(3))),
      ),
    ]);
    expect(grouped.map((e) => e.payload)).toEqual(acts(9).map((a) => a.payload));
    // Within the call, one chain's entries follow each other: seq rises by one, each links to the last.
    const first = grouped.filter((e) => e.chainId === others[0]);
    for (let k = 1; k < first.length; k++) {
      expect(first[k]!.seq).toBe(first[k - 1]!.seq + 1);
      expect(first[k]!.prevHash).toBe(first[k - 1]!.hash);
    }
    for (const id of others) {
      const [verdict] = await verifyLedger(t.db, id);
      expect(verdict).toEqual({
        chainId: id,
        entries: id === others[0] ? 5 + 6 * 2 : 4 + 6 * 1,
        firstBroken: null,
      });
    }
    expect(await t.db.transaction().execute((tx) => appendLedgerEntries(tx, []))).toEqual([]);
  });

  it('detects an edited payload at the entry that was edited', async () => {
    await sql`update ledger_entries set payload = '{"i": 999}'::jsonb where chain_id = ${chain} and seq = 7`.execute(
      t.db,
    );
    const [verdict] = await verifyLedger(t.db, chain);
    expect(verdict?.firstBroken).toEqual({ seq: 7, reason: 'payload-digest' });
  });

  it('detects a rewritten entry whose digest was recomputed, by the broken hash', async () => {
    const other = '22222222-2222-4222-8222-222222222222';
    for (let i = 0; i < 3; i++) {
      await t.db.transaction().execute((tx) =>
        appendLedgerEntry(tx, {
          chainId: other,
          kind: 'test.appended',
          actorPersonId: null,
          payload: { i },
        }),
      );
    }
    await sql`update ledger_entries set kind = 'test.forged' where chain_id = ${other} and seq = 2`.execute(
      t.db,
    );
    const [verdict] = await verifyLedger(t.db, other);
    expect(verdict?.firstBroken).toEqual({ seq: 2, reason: 'hash' });
  });

  it('detects a deleted last entry through the chain head', async () => {
    const third = '33333333-3333-4333-8333-333333333333';
    for (let i = 0; i < 3; i++) {
      await t.db.transaction().execute((tx) =>
        appendLedgerEntry(tx, {
          chainId: third,
          kind: 'test.appended',
          actorPersonId: null,
          payload: { i },
        }),
      );
    }
    await sql`delete from ledger_entries where chain_id = ${third} and seq = 3`.execute(t.db);
    const [verdict] = await verifyLedger(t.db, third);
    expect(verdict?.firstBroken).toEqual({ seq: 3, reason: 'head' });
  });
});
