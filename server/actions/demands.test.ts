// Councils' lists of demands: proposed in batches and adopted (numbered, raised) by one vote, followed
// by officers through the status table with a history of answers, endorsed by other councils, public
// as a list with its progress; edits by anybody else refused with nothing written.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../platform/ledger.ts';
import { startTestServer, TestClient, type TestServer, tableCounts } from '../test-factories.ts';
import {
  adoptDemands,
  buildDemandPlace,
  closeVote,
  draft,
  putDemandsToVote,
  voteOn,
} from './demands-factories.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const chain of await verifyLedger(s.db)) expect(chain.firstBroken, chain.chainId).toBeNull();
  await s.close();
});

const ledgerKinds = async (chainId: string, like: string) =>
  (
    await sql<{ kind: string }>`
      select kind from ledger_entries where chain_id = ${chainId} and kind like ${like} order by seq`.execute(
      s.db,
    )
  ).rows.map((r) => r.kind);

describe('demands adopted by vote', () => {
  it('raises and numbers a whole batch in its order by one vote, and continues the numbers after it', async () => {
    const p = await buildDemandPlace(s);
    const anonymous = await TestClient.anonymous(s.app);
    const vote = await putDemandsToVote(s, p, [
      draft(1),
      { ...draft(2), raisedOn: '2026-03-12' },
      draft(3, 'Prefecture of Oruro'),
    ]);
    const pending = await anonymous.request('GET', `/api/v1/demand-batches/${vote.batchId}`);
    expect(pending.json().demands.map((d: { status: string }) => d.status)).toEqual([
      'proposed',
      'proposed',
      'proposed',
    ]);
    // Proposals are not on the public list until the vote adopts them.
    const before = await anonymous.request('GET', `/api/v1/councils/${p.base}/demands`);
    expect(before.json()).toMatchObject({ demands: [], progress: { total: 0 } });
    await voteOn(s, p, vote.pollId);
    await closeVote(s, p, vote.pollId);

    const list = await anonymous.request('GET', `/api/v1/councils/${p.base}/demands`);
    expect(list.statusCode, list.body).toBe(200);
    const { rows } = await sql<{ d: string }>`select current_date::text as d`.execute(s.db);
    expect(list.json().demands).toMatchObject([
      { number: 1, status: 'raised', text: draft(1).text, raisedOn: rows[0]!.d, pollId: vote.pollId },
      { number: 2, status: 'raised', raisedOn: '2026-03-12' },
      { number: 3, status: 'raised', addressee: 'Prefecture of Oruro', endorsements: 0 },
    ]);
    expect(list.json().progress).toMatchObject({ raised: 3, total: 3 });
    const detail = await anonymous.request('GET', `/api/v1/demands/${vote.demandIds[0]}`);
    expect(detail.json().history).toMatchObject([
      { kind: 'status-change', fromStatus: 'proposed', toStatus: 'raised', byVote: true },
    ]);

    // A rejected batch takes no numbers; the next adopted one continues at 4.
    const rejected = await putDemandsToVote(s, p, [draft(4), draft(5)]);
    await voteOn(s, p, rejected.pollId, 'no');
    await closeVote(s, p, rejected.pollId);
    await adoptDemands(s, p, [draft(6)]);
    const after = await anonymous.request('GET', `/api/v1/councils/${p.base}/demands`);
    expect(after.json().demands.map((d: { number: number }) => d.number)).toEqual([1, 2, 3, 4]);
    const turnedDown = await anonymous.request('GET', `/api/v1/councils/${p.base}/demands?status=rejected`);
    expect(turnedDown.json().demands).toMatchObject([
      { number: null, status: 'rejected' },
      { number: null, status: 'rejected' },
    ]);
    expect(await ledgerKinds(p.base, 'demands.%')).toEqual([
      'demands.proposed',
      'demands.adopted',
      'demands.proposed',
      'demands.rejected',
      'demands.proposed',
      'demands.adopted',
    ]);
  });

  it('adopts a federation’s 72-point list by one vote, numbered 1 to 72 in its order', async () => {
    const p = await buildDemandPlace(s);
    const points = Array.from({ length: 72 }, (_, i) =>
      draft(i + 1, i % 2 ? 'Ministry of Rural Development' : 'INRA'),
    );
    const vote = await adoptDemands(s, p, points);
    const anonymous = await TestClient.anonymous(s.app);
    const list = await anonymous.request('GET', `/api/v1/councils/${p.base}/demands`);
    expect(list.json().demands.map((d: { number: number; text: string }) => [d.number, d.text])).toEqual(
      points.map((d, i) => [i + 1, d.text]),
    );
    expect(list.json().progress).toMatchObject({ raised: 72, total: 72 });
    const { rows } = await sql<{ title: string }>`select title from polls where id = ${vote.pollId}`.execute(
      s.db,
    );
    expect(rows[0]!.title).toBe('72 demands to INRA, Ministry of Rural Development');
  });

  it('refuses to put a decided batch to the vote again, and an unknown batch', async () => {
    const p = await buildDemandPlace(s);
    const vote = await adoptDemands(s, p, [draft(1)]);
    const secretary = await TestClient.signedIn(s.app, p.secretary.login);
    const before = await tableCounts(s.db);
    const again = await secretary.request('POST', `/api/v1/demand-batches/${vote.batchId}/poll`, {});
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.code).toBe('demand-batch-decided');
    const unknown = await secretary.request(
      'POST',
      '/api/v1/demand-batches/00000000-0000-4000-8000-000000000000/poll',
      {},
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'demand-batch-not-found', field: 'id' });
    expect(await tableCounts(s.db)).toEqual(before);
  });
});

describe('following a demand', () => {
  it('moves a demand to in negotiation and on, recording answers, all shown on the public page', async () => {
    const p = await buildDemandPlace(s);
    const { demandIds } = await adoptDemands(s, p, [draft(1), draft(2)]);
    const [first, second] = demandIds as [string, string];
    const treasurer = await TestClient.signedIn(s.app, p.treasurer.login);
    const moved = await treasurer.request('POST', `/api/v1/demands/${first}/status`, {
      status: 'in-negotiation',
      fromStatus: 'raised',
      note: 'Talks set for Monday at the Ministry',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'in-negotiation', number: 1 });
    const answer = await treasurer.request('POST', `/api/v1/demands/${first}/answers`, {
      kind: 'answer-received',
      text: 'The Ministry answered: wages will be paid by the 5th',
      answeredOn: '2026-03-12',
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const chair = await TestClient.signedIn(s.app, p.chair.login);
    for (const [id, from, to] of [
      [first, 'in-negotiation', 'partly-met'],
      [second, 'raised', 'refused'],
    ] as const) {
      const res = await chair.request('POST', `/api/v1/demands/${id}/status`, {
        status: to,
        fromStatus: from,
      });
      expect(res.statusCode, res.body).toBe(200);
    }

    const anonymous = await TestClient.anonymous(s.app);
    const detail = await anonymous.request('GET', `/api/v1/demands/${first}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'partly-met', number: 1 });
    expect(detail.json().history).toMatchObject([
      { kind: 'status-change', toStatus: 'raised', byVote: true },
      {
        kind: 'status-change',
        fromStatus: 'raised',
        toStatus: 'in-negotiation',
        text: 'Talks set for Monday at the Ministry',
        byVote: false,
      },
      { kind: 'answer-received', answeredOn: '2026-03-12', text: expect.stringContaining('by the 5th') },
      { kind: 'status-change', fromStatus: 'in-negotiation', toStatus: 'partly-met' },
    ]);
    const list = await anonymous.request('GET', `/api/v1/councils/${p.base}/demands`);
    expect(list.json().progress).toEqual({
      raised: 0,
      'in-negotiation': 0,
      'partly-met': 1,
      met: 0,
      refused: 1,
      total: 2,
    });
    expect(list.json().demands[0].lastAnswerAt).not.toBeNull();
    const negotiating = await anonymous.request(
      'GET',
      `/api/v1/councils/${p.base}/demands?status=partly-met`,
    );
    expect(negotiating.json().demands.map((d: { id: string }) => d.id)).toEqual([first]);
    expect(await ledgerKinds(p.base, 'demand.%')).toEqual([
      'demand.status-changed',
      'demand.answer-recorded',
      'demand.status-changed',
      'demand.status-changed',
    ]);
  });

  it('refuses changes the table does not allow, stale ones, and answers on proposals, writing nothing', async () => {
    const p = await buildDemandPlace(s);
    const { demandIds } = await adoptDemands(s, p, [draft(1)]);
    const id = demandIds[0]!;
    const secretary = await TestClient.signedIn(s.app, p.secretary.login);
    const met = await secretary.request('POST', `/api/v1/demands/${id}/status`, {
      status: 'met',
      fromStatus: 'raised',
    });
    expect(met.statusCode, met.body).toBe(200);
    const proposal = await putDemandsToVote(s, p, [draft(2)]);
    const before = await tableCounts(s.db);
    const cases: Array<[string, unknown, number, string, string | undefined]> = [
      [
        `${id}/status`,
        { status: 'in-negotiation', fromStatus: 'met' },
        409,
        'demand-transition-refused',
        'status',
      ],
      [`${id}/status`, { status: 'refused', fromStatus: 'raised' }, 409, 'demand-status-stale', 'fromStatus'],
      [`${id}/status`, { status: 'negotiating', fromStatus: 'met' }, 400, 'invalid-request', 'status'],
      [`${id}/status`, { status: 'met' }, 400, 'invalid-request', 'fromStatus'],
      [
        `${proposal.demandIds[0]}/status`,
        { status: 'raised', fromStatus: 'proposed' },
        409,
        'demand-not-listed',
        undefined,
      ],
      [`${proposal.demandIds[0]}/answers`, { kind: 'note', text: 'x' }, 409, 'demand-not-listed', undefined],
      [`${id}/answers`, { kind: 'note', text: '  ' }, 400, 'invalid-request', 'text'],
      [
        `${id}/answers`,
        { kind: 'note', text: 'x', answeredOn: '2026-01-01' },
        400,
        'invalid-request',
        'answeredOn',
      ],
      [
        `${id}/answers`,
        { kind: 'answer-received', text: 'x', answeredOn: '2199-01-01' },
        400,
        'demand-day-in-future',
        'answeredOn',
      ],
      [
        '00000000-0000-4000-8000-000000000000/status',
        { status: 'met', fromStatus: 'raised' },
        404,
        'demand-not-found',
        'id',
      ],
    ];
    for (const [path, body, status, code, field] of cases) {
      const res = await secretary.request('POST', `/api/v1/demands/${path}`, body);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (field) expect(res.json().error.field).toBe(field);
    }
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('refuses edits by non-officers and by other councils’ officers with a 4xx, writing nothing', async () => {
    const p = await buildDemandPlace(s);
    const { demandIds } = await adoptDemands(s, p, [draft(1)]);
    const id = demandIds[0]!;
    const proposal = await putDemandsToVote(s, p, [draft(2)]);
    const member = await TestClient.signedIn(s.app, p.members[0]!.login);
    const outsider = await TestClient.signedIn(s.app, p.otherSecretary.login);
    const treasurer = await TestClient.signedIn(s.app, p.treasurer.login);
    const anonymous = await TestClient.anonymous(s.app);
    const before = await tableCounts(s.db);
    const writes: Array<[string, unknown]> = [
      [`/api/v1/demands/${id}/status`, { status: 'in-negotiation', fromStatus: 'raised' }],
      [`/api/v1/demands/${id}/answers`, { kind: 'note', text: 'We were told no' }],
      [`/api/v1/councils/${p.base}/demands`, { demands: [draft(3)] }],
    ];
    for (const client of [member, outsider])
      for (const [url, body] of writes) {
        const res = await client.request('POST', url, body);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('not-permitted');
      }
    // A treasurer keeps the record but does not propose for the council.
    const proposing = await treasurer.request('POST', writes[2]![0], writes[2]![1]);
    expect(proposing.statusCode).toBe(403);
    for (const [url, body] of writes)
      expect((await anonymous.request('POST', url, body)).statusCode).toBe(401);
    const memberVote = await member.request('POST', `/api/v1/demand-batches/${proposal.batchId}/poll`, {});
    expect(memberVote.statusCode).toBeGreaterThanOrEqual(400);
    expect(memberVote.statusCode).toBeLessThan(500);
    expect(await tableCounts(s.db)).toEqual(before);
  });

  it('refuses bad proposals naming the field, writing nothing', async () => {
    const p = await buildDemandPlace(s);
    const secretary = await TestClient.signedIn(s.app, p.secretary.login);
    const url = `/api/v1/councils/${p.base}/demands`;
    const before = await tableCounts(s.db);
    const cases: Array<[unknown, number, string, string]> = [
      [{ demands: [] }, 400, 'invalid-request', 'demands'],
      [{ demands: [{ text: 'x' }] }, 400, 'invalid-request', 'demands.0.addressee'],
      [
        { demands: [draft(1), { ...draft(2), raisedOn: '2199-01-01' }] },
        400,
        'demand-day-in-future',
        'demands.1.raisedOn',
      ],
      [{ demands: [{ ...draft(1), raisedOn: '2026-02-30' }] }, 400, 'invalid-request', 'demands.0.raisedOn'],
      [{ demands: Array.from({ length: 201 }, (_, i) => draft(i)) }, 400, 'invalid-request', 'demands'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await secretary.request('POST', url, body);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().error).toMatchObject({ code, field });
    }
    const nowhere = await secretary.request(
      'POST',
      '/api/v1/councils/00000000-0000-4000-8000-000000000000/demands',
      {
        demands: [draft(1)],
      },
    );
    expect(nowhere.statusCode).toBe(404);
    expect(await tableCounts(s.db)).toEqual(before);
  });
});

describe('text and dissolved councils', () => {
  it('keeps demands’ text exactly as typed, quotes, braces, commas and backslashes included', async () => {
    const p = await buildDemandPlace(s);
    const tricky = [
      { text: 'Pay "back wages", {all of them}, now', addressee: 'Gerencia {mina} "San José"' },
      { text: "C:\\salarios\\2026 — ñandú, 日本, NULL, 'quoted'", addressee: 'null' },
    ];
    const { demandIds } = await adoptDemands(s, p, tricky);
    const anonymous = await TestClient.anonymous(s.app);
    for (const [i, id] of demandIds.entries()) {
      const res = await anonymous.request('GET', `/api/v1/demands/${id}`);
      expect(res.json()).toMatchObject({ ...tricky[i], number: i + 1 });
    }
  });

  it('exports the numbered list as CSV to anyone, text kept as typed, proposals and unknown councils left out', async () => {
    const p = await buildDemandPlace(s);
    const { demandIds } = await adoptDemands(s, p, [
      { text: 'Pay "back wages", now', addressee: '=Gerencia, mina' },
      draft(2),
    ]);
    await putDemandsToVote(s, p, [draft(3)]);
    const chair = await TestClient.signedIn(s.app, p.chair.login);
    const moved = await chair.request('POST', `/api/v1/demands/${demandIds[1]}/status`, {
      status: 'in-negotiation',
      fromStatus: 'raised',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const answer = await chair.request('POST', `/api/v1/demands/${demandIds[1]}/answers`, {
      kind: 'answer-received',
      text: 'The Ministry will answer on Monday',
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const endorser = await TestClient.signedIn(s.app, p.otherSecretary.login);
    const endorsed = await endorser.request('POST', `/api/v1/demands/${demandIds[0]}/endorsements`, {
      councilId: p.other,
    });
    expect(endorsed.statusCode, endorsed.body).toBe(201);

    const anonymous = await TestClient.anonymous(s.app);
    const csv = await anonymous.request('GET', `/api/v1/councils/${p.base}/demands.csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const { rows } = await sql<{ d: string }>`select current_date::text as d`.execute(s.db);
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('number,status,addressee,text,raised_on,endorsements,last_answer_at');
    expect(lines[1]).toBe(`1,raised,"'=Gerencia, mina","Pay ""back wages"", now",${rows[0]!.d},1,`);
    expect(lines[2]).toMatch(
      new RegExp(`^2,in-negotiation,Ministry of Labour,Point 2: wages paid on time,${rows[0]!.d},0,\\d{4}-`),
    );
    expect(lines.slice(3)).toEqual(['']);
    const unknown = await anonymous.request('GET', `/api/v1/councils/${crypto.randomUUID()}/demands.csv`);
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses every write in a dissolved council, writing nothing, and still shows its list', async () => {
    const p = await buildDemandPlace(s);
    const { demandIds } = await adoptDemands(s, p, [draft(1)]);
    const id = demandIds[0]!;
    const secretary = await TestClient.signedIn(s.app, p.secretary.login);
    const endorser = await TestClient.signedIn(s.app, p.otherSecretary.login);
    await sql`update councils set dissolved_at = now() where id in (${p.base}, ${p.other})`.execute(s.db);
    const before = await tableCounts(s.db);
    const writes: Array<[TestClient, string, unknown]> = [
      [secretary, `/api/v1/councils/${p.base}/demands`, { demands: [draft(2)] }],
      [secretary, `/api/v1/demands/${id}/status`, { status: 'met', fromStatus: 'raised' }],
      [secretary, `/api/v1/demands/${id}/answers`, { kind: 'note', text: 'x' }],
      [endorser, `/api/v1/demands/${id}/endorsements`, { councilId: p.other }],
    ];
    for (const [client, url, body] of writes) {
      const res = await client.request('POST', url, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(409);
      expect(res.json().error.code).toBe('council-dissolved');
    }
    expect(await tableCounts(s.db)).toEqual(before);
    const anonymous = await TestClient.anonymous(s.app);
    const list = await anonymous.request('GET', `/api/v1/councils/${p.base}/demands`);
    expect(list.json().progress.total).toBe(1);
  });
});
