// The ledger writer: every state-changing act appends one entry to its chain (a council's, or the
// instance chain) in the same transaction as the change. Each entry commits to its predecessor:
//   hash = sha256(chainId | seq | kind | actor | recordedAt | payloadDigest | prevHash)
//   payloadDigest = sha256(RFC 8785 canonical JSON of the payload)
// Appends to one chain are serialised by a row lock on its head, so concurrent writers form one chain.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'kysely';
import type { Db } from './database.ts';

export const INSTANCE_CHAIN = '00000000-0000-0000-0000-000000000000';
const GENESIS_HASH = '0'.repeat(64);

export interface LedgerAct {
  chainId: string;
  kind: string;
  actorPersonId: string | null;
  /** What happened, without personal contact data: the ledger is readable by the council's members. */
  payload: Record<string, unknown>;
}

export interface LedgerEntry {
  chainId: string;
  seq: number;
  kind: string;
  actorPersonId: string | null;
  recordedAt: Date;
  payload: unknown;
  payloadDigest: string;
  prevHash: string;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function digestPayload(payload: unknown): string {
  return sha256(canonicalize(payload) ?? 'null');
}

export function entryHash(e: Omit<LedgerEntry, 'hash' | 'payload'>): string {
  return sha256(
    [
      e.chainId,
      e.seq,
      e.kind,
      e.actorPersonId ?? '',
      e.recordedAt.toISOString(),
      e.payloadDigest,
      e.prevHash,
    ].join('|'),
  );
}

/** Appends within the caller's transaction `tx`; the caller's commit makes the act and its entry durable together. */
export async function appendLedgerEntry(
  tx: Db,
  act: LedgerAct,
  now: Date = new Date(),
): Promise<LedgerEntry> {
  return (await appendLedgerEntries(tx, [act], now))[0]!;
}

/**
 * Appends several acts at once, to one chain or many, in four statements whatever their number (a group
 * of pledges: ADR 0010). Acts of one chain follow each other in the order given. The heads are locked in
 * the order of their chain ids, so two writers of overlapping chains wait for each other, never in a
 * circle. Returns the entries in the order of `acts`.
 */
export async function appendLedgerEntries(
  tx: Db,
  acts: readonly LedgerAct[],
  now: Date = new Date(),
): Promise<LedgerEntry[]> {
  if (acts.length === 0) return [];
  const chains = [...new Set(acts.map((a) => a.chainId))].sort();
  await sql`insert into ledger_heads (chain_id, seq, hash)
            select unnest(${chains}::uuid[]), 0, ${GENESIS_HASH}
            on conflict (chain_id) do nothing`.execute(tx);
  const { rows: locked } = await sql<{ chain_id: string; seq: number; hash: string }>`
    select chain_id, seq, hash from ledger_heads where chain_id = any(${chains}::uuid[])
     order by chain_id for update`.execute(tx);
  const heads = new Map(locked.map((h) => [h.chain_id, { seq: h.seq, hash: h.hash }]));
  const recordedAt = new Date(Math.floor(now.getTime()));
  const entries = acts.map((act): LedgerEntry => {
    const head = heads.get(act.chainId);
    if (!head) throw new Error(`ledger head for ${act.chainId} vanished inside its transaction`);
    // Round-trip the payload through JSON so the digest covers exactly what jsonb will store.
    const payload = JSON.parse(JSON.stringify(act.payload)) as unknown;
    const base = {
      chainId: act.chainId,
      seq: head.seq + 1,
      kind: act.kind,
      actorPersonId: act.actorPersonId,
      recordedAt,
      payloadDigest: digestPayload(payload),
      prevHash: head.hash,
    };
    const entry: LedgerEntry = { ...base, payload, hash: entryHash(base) };
    heads.set(act.chainId, { seq: entry.seq, hash: entry.hash });
    return entry;
  });
  const column = <K extends keyof LedgerEntry>(key: K) => entries.map((e) => e[key]);
  await sql`insert into ledger_entries (chain_id, seq, kind, actor_person_id, recorded_at, payload, payload_digest, prev_hash, hash)
            select * from unnest(${column('chainId')}::uuid[], ${column('seq')}::int[], ${column('kind')}::text[],
                                 ${column('actorPersonId')}::uuid[], ${entries.map((e) => e.recordedAt.toISOString())}::timestamptz[],
                                 ${entries.map((e) => JSON.stringify(e.payload))}::jsonb[],
                                 ${column('payloadDigest')}::text[], ${column('prevHash')}::text[], ${column('hash')}::text[])`.execute(
    tx,
  );
  const last = [...heads.entries()];
  await sql`update ledger_heads h set seq = v.seq, hash = v.hash
              from unnest(${last.map(([id]) => id)}::uuid[], ${last.map(([, h]) => h.seq)}::int[],
                          ${last.map(([, h]) => h.hash)}::text[]) as v(chain_id, seq, hash)
             where h.chain_id = v.chain_id`.execute(tx);
  return entries;
}

export interface ChainVerdict {
  chainId: string;
  entries: number;
  /** The first entry whose digest, hash or link does not recompute, with what failed. */
  firstBroken: { seq: number; reason: 'payload-digest' | 'hash' | 'prev-hash' | 'sequence' | 'head' } | null;
}

interface EntryRow {
  chain_id: string;
  seq: number;
  kind: string;
  actor_person_id: string | null;
  recorded_at: Date;
  payload: unknown;
  payload_digest: string;
  prev_hash: string;
  hash: string;
}

/** Recomputes chains from their entries, in pages, so a long ledger does not sit in memory at once. */
export async function verifyLedger(db: Db, chainId?: string): Promise<ChainVerdict[]> {
  const chains = chainId
    ? [chainId]
    : (
        await sql<{ chain_id: string }>`select chain_id from ledger_heads order by chain_id`.execute(db)
      ).rows.map((r) => r.chain_id);
  const verdicts: ChainVerdict[] = [];
  for (const id of chains) verdicts.push(await verifyChain(db, id));
  return verdicts;
}

async function verifyChain(db: Db, chainId: string): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  const PAGE = 5000;
  for (;;) {
    const { rows } =
      await sql<EntryRow>`select * from ledger_entries where chain_id = ${chainId} and seq >= ${expectedSeq}
                                         order by seq limit ${PAGE}`.execute(db);
    for (const r of rows) {
      const fail = (reason: NonNullable<ChainVerdict['firstBroken']>['reason']): ChainVerdict => ({
        chainId,
        entries: r.seq,
        firstBroken: { seq: r.seq, reason },
      });
      if (r.seq !== expectedSeq) return fail('sequence');
      if (digestPayload(r.payload) !== r.payload_digest) return fail('payload-digest');
      if (r.prev_hash !== prevHash) return fail('prev-hash');
      const recomputed = entryHash({
        chainId: r.chain_id,
        seq: r.seq,
        kind: r.kind,
        actorPersonId: r.actor_person_id,
        recordedAt: new Date(r.recorded_at),
        payloadDigest: r.payload_digest,
        prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) return fail('hash');
      prevHash = r.hash;
      expectedSeq++;
    }
    if (rows.length < PAGE) break;
  }
  const head = (
    await sql<{
      seq: number;
      hash: string;
    }>`select seq, hash from ledger_heads where chain_id = ${chainId}`.execute(db)
  ).rows[0];
  const count = expectedSeq - 1;
  // A deleted tail shows as a head that points past the last entry.
  if (head && (head.seq !== count || head.hash !== prevHash)) {
    return { chainId, entries: count, firstBroken: { seq: count + 1, reason: 'head' } };
  }
  return { chainId, entries: count, firstBroken: null };
}
