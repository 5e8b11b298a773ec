// The scheduled tasks: polls past their closing time are counted without an officer, and mandates past
// their term end with everything that depends on them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireMandates, rollAt } from '../federation/index.ts';
import { verifyLedger } from '../platform/ledger.ts';
import {
  buildApportionment,
  buildCouncil,
  buildElectionResult,
  buildMember,
  buildOfficer,
  startTestServer,
  type TestServer,
  viewerOf,
} from '../test-factories.ts';
import { castBallot } from './cast-ballot.ts';
import { closeDuePolls } from './close-due-polls.task.ts';
import { openPoll, type PollInput } from './open-poll.ts';
import { findPoll } from './polls.store.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const motion = (closesAt: string | null): PollInput => ({
  kind: 'motion',
  assemblyId: null,
  title: 'Horario de la feria',
  body: null,
  method: 'yes-no',
  options: [],
  seats: 1,
  maxMarks: 1,
  allowSplit: false,
  majority: 'simple',
  majorityBase: 'voting',
  secrecy: 'secret',
  closesAt,
});

describe('closing polls whose time is up', () => {
  it('counts a poll past its closing time and leaves others open', async () => {
    const council = await buildCouncil(s.db, { kind: 'village' });
    const secretary = await buildOfficer(s.db, council);
    const voter = await buildMember(s.db, council);
    const due = await openPoll(
      s.db,
      viewerOf(secretary.personId),
      council,
      motion(new Date(Date.now() + 60_000).toISOString()),
    );
    const later = await openPoll(
      s.db,
      viewerOf(secretary.personId),
      council,
      motion(new Date(Date.now() + 3_600_000).toISOString()),
    );
    await castBallot(s.db, viewerOf(voter.personId), due, { ballot: { choice: 'yes' } });
    // The clock cannot be moved: move the poll's closing time into the past instead.
    await sql`update polls set opened_at = opened_at - interval '1 hour', closes_at = clock_timestamp() - interval '1 second' where id = ${due}`.execute(
      s.db,
    );

    const closed = await closeDuePolls(s.db);
    expect(closed).toContain(due);
    expect(closed).not.toContain(later);
    const poll = await findPoll(s.db, due);
    expect(poll?.status).toBe('closed');
    expect(poll?.outcome).toBe('adopted');
    expect((await findPoll(s.db, later))?.status).toBe('open');
    // A second runner finds nothing to do.
    expect(await closeDuePolls(s.db)).not.toContain(due);
    expect((await verifyLedger(s.db, council)).map((v) => v.firstBroken)).toEqual([null]);
  });
});

describe('mandates past their term', () => {
  it('marks an expired mandate and ends the seat above that depends on it', async () => {
    const regional = await buildCouncil(s.db, { kind: 'federation', level: 'regional' });
    const local = await buildCouncil(s.db, { kind: 'federation', level: 'local', parentId: regional });
    const base = await buildCouncil(s.db, { kind: 'mine', parentId: local });
    const delegate = await buildMember(s.db, base);
    await buildApportionment(s.db, local, 1);
    await buildApportionment(s.db, regional, 1);
    const below = await buildElectionResult(s.db, base, [delegate.personId]);
    const above = await buildElectionResult(s.db, local, [delegate.personId]);
    const lowerId = below.mandates[0]!.mandateId;
    const upperId = above.mandates[0]!.mandateId;
    // End the lower term a moment ago (the constraint wants it after the start).
    await sql`update mandates set term_ends_at = clock_timestamp() - interval '1 millisecond' where id = ${lowerId}`.execute(
      s.db,
    );

    const expired = await expireMandates(s.db);
    expect(expired).toContain(lowerId);
    const { rows } = await sql<{ id: string; status: string; end_reason: string }>`
      select id, status, end_reason from mandates where id in (${lowerId}, ${upperId}) order by id`.execute(
      s.db,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(lowerId)).toMatchObject({ status: 'expired', end_reason: 'term-ended' });
    expect(byId.get(upperId)).toMatchObject({ status: 'expired', end_reason: 'cascade' });
    const now = new Date().toISOString();
    expect((await rollAt(s.db, regional, now)).map((r) => r.mandate_id)).not.toContain(upperId);
    expect(await expireMandates(s.db)).not.toContain(lowerId);
    expect((await verifyLedger(s.db, base)).map((v) => v.firstBroken)).toEqual([null]);
  });
});
