// Minutes: generated from a closed sitting's records (attendance, quorum, a motion's figures, an STV
// election's rounds), edited by the secretary, approved by a vote of the next sitting — then final, with
// the digest of their text in the council's ledger — and downloaded as Markdown and PDF.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotInput } from '../../core/decisions/index.ts';
import { verifyLedger } from '../platform/ledger.ts';
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
import { castBallot } from './cast-ballot.ts';
import { checkIn } from './check-in.ts';
import { closeAssembly } from './close-assembly.ts';
import { closePoll } from './close-poll.ts';
import { conveneAssembly } from './convene-assembly.ts';
import { openPoll, type PollInput } from './open-poll.ts';
import { startAssembly } from './start-assembly.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => s.close());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const motion = (assemblyId: string, overrides: Partial<PollInput> = {}): PollInput => ({
  kind: 'motion',
  assemblyId,
  title: 'Compra de un generador | urgente',
  body: null,
  method: 'yes-no',
  options: [],
  seats: 1,
  maxMarks: 1,
  allowSplit: false,
  majority: 'simple',
  majorityBase: 'voting',
  secrecy: 'open',
  closesAt: null,
  ...overrides,
});

async function sitting(councilId: string, officerId: string, title: string, minutesFromNow: number) {
  const officer = viewerOf(officerId);
  const id = await conveneAssembly(s.db, officer, councilId, {
    title,
    startsAt: new Date(Date.now() + minutesFromNow * 60_000).toISOString(),
    isExtraordinary: true,
    place: 'Sede vecinal',
    onlineUrl: null,
    quorum: { kind: 'more-than-half' },
    agenda: [
      { title: 'Generador', notes: null },
      { title: 'Elección de la comisión', notes: null },
    ],
  });
  await startAssembly(s.db, officer, id);
  return id;
}

const cast = (personId: string, pollId: string, ballot: BallotInput) =>
  castBallot(s.db, viewerOf(personId), pollId, { ballot });

const ledgerKinds = async (chainId: string) =>
  (
    await sql<{ kind: string; payload: Record<string, unknown> }>`
      select kind, payload from ledger_entries where chain_id = ${chainId} order by seq`.execute(s.db)
  ).rows;

describe('minutes of a sitting', () => {
  it('are generated from the records, edited, approved by the next sitting and then final', async () => {
    const council = await buildCouncil(s.db, { kind: 'neighbourhood', name: 'Junta *Norte*' });
    const secretary = await buildOfficer(s.db, council);
    const members = [];
    for (const name of ['Ana Peña', 'Beto Ruiz', 'Carla Díaz', 'Dora Paz'])
      members.push(await buildMember(s.db, council, name));
    const outsider = await buildMember(s.db, await buildCouncil(s.db));
    const secretaryClient = await TestClient.signedIn(s.app, secretary.login);
    const memberClient = await TestClient.signedIn(s.app, members[0]!.login);
    const outsiderClient = await TestClient.signedIn(s.app, outsider.login);
    const voters = members.map((m) => m.personId);
    const url = (assemblyId: string, rest = '') => `/api/v1/assemblies/${assemblyId}/minutes${rest}`;

    // The first sitting: four of five present, a motion and an STV election.
    const first = await sitting(council, secretary.personId, 'Asamblea de diciembre', 10);
    for (const v of voters) await checkIn(s.db, viewerOf(v), first, {});
    const motionId = await openPoll(s.db, viewerOf(secretary.personId), council, motion(first));
    for (const [i, v] of voters.entries()) await cast(v, motionId, { choice: i < 3 ? 'yes' : 'no' });
    await closePoll(s.db, viewerOf(secretary.personId), motionId);
    const electionId = await openPoll(
      s.db,
      viewerOf(secretary.personId),
      council,
      motion(first, {
        kind: 'election',
        title: 'Elección de la comisión',
        method: 'stv-scottish',
        secrecy: 'secret',
        seats: 2,
        maxMarks: 3,
        options: ['Eva', 'Fabio', 'Gil'].map((label) => ({ label, personId: null })),
      }),
    );
    for (const [i, ranking] of [
      [0, 1],
      [0, 2],
      [1, 0],
      [2, 1],
    ].entries())
      await cast(voters[i]!, electionId, { ranking });
    await closePoll(s.db, viewerOf(secretary.personId), electionId);

    const early = await secretaryClient.request('POST', url(first), {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('assembly-not-closed');
    await closeAssembly(s.db, viewerOf(secretary.personId), first);

    const before = await tableCounts(s.db);
    const byMember = await memberClient.request('POST', url(first), {});
    expect(byMember.statusCode).toBe(403);
    expect(byMember.json().error.code).toBe('not-permitted');
    const noneYet = await secretaryClient.request('PUT', url(first), { markdown: 'x' });
    expect(noneYet.json().error.code).toBe('minutes-not-found');
    expect(await tableCounts(s.db)).toEqual(before);

    const generated = await secretaryClient.request('POST', url(first), { language: 'es' });
    expect(generated.statusCode).toBe(200);
    const view = generated.json();
    expect(view.minutes).toMatchObject({
      status: 'draft',
      language: 'es',
      isEdited: false,
      documentDigest: null,
    });
    const lines: string[] = view.minutes.markdown.split('\n');
    expect(lines[0]).toBe('# Acta — Asamblea de diciembre');
    expect(lines).toContain('**Consejo:** Junta \\*Norte\\*  ');
    for (const name of ['Ana Peña', 'Beto Ruiz', 'Carla Díaz', 'Dora Paz'])
      expect(lines.some((l) => l.startsWith(`- ${name} (miembro; desde `))).toBe(true);
    expect(lines).toContain('Registrados como presentes: 4 persona(s), peso total 4.');
    expect(lines).toContain(
      '- Al cerrar la sesión: 4 presentes de 5 con derecho (se necesitan 2,501) — con quórum.',
    );
    expect(lines).toContain('### 1. Compra de un generador \\| urgente');
    expect(lines).toContain('| 3 | 1 | 0 | 4 |');
    expect(lines).toContain('- Resultado: **aprobada**');
    expect(lines).toContain('### 2. Elección de la comisión');
    expect(lines.some((l) => l.startsWith('| Candidatura | Ronda 1: Primeras preferencias'))).toBe(true);
    expect(lines.some((l) => /^\| Eva \| 2\.0+ \|/.test(l))).toBe(true);

    // Reading follows the sitting: a member reads, an outsider does not.
    expect((await memberClient.request('GET', url(first))).json().mayWrite).toBe(false);
    expect((await outsiderClient.request('GET', url(first))).statusCode).toBe(403);
    expect((await outsiderClient.request('GET', url(first, '.md'))).statusCode).toBe(403);

    // The secretary edits; regenerating keeps the edit and refreshes the generated text.
    const edited = `${view.minutes.markdown}\nSe levanta la sesión a las 20:30.\n`;
    expect((await memberClient.request('PUT', url(first), { markdown: edited })).statusCode).toBe(403);
    const tooLong = await secretaryClient.request('PUT', url(first), { markdown: 'x'.repeat(200_001) });
    expect(tooLong.statusCode).toBe(400);
    const put = await secretaryClient.request('PUT', url(first), { markdown: edited });
    expect(put.statusCode).toBe(200);
    expect(put.json().minutes).toMatchObject({ markdown: edited, isEdited: true });
    const again = await secretaryClient.request('POST', url(first), {});
    expect(again.json().minutes).toMatchObject({
      markdown: edited,
      generatedMarkdown: view.minutes.markdown,
    });

    // The next sitting votes on them; an earlier or the same sitting cannot, and the text is frozen meanwhile.
    const second = await sitting(council, secretary.personId, 'Asamblea de enero', 20);
    const same = await secretaryClient.request('POST', url(first, '/approval'), { assemblyId: first });
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({ code: 'not-a-later-sitting', field: 'assemblyId' });
    const noQuorum = await secretaryClient.request('POST', url(first, '/approval'), { assemblyId: second });
    expect(noQuorum.json().error.code).toBe('quorum-not-met');
    for (const v of voters) await checkIn(s.db, viewerOf(v), second, {});
    const byMemberVote = await memberClient.request('POST', url(first, '/approval'), { assemblyId: second });
    expect(byMemberVote.statusCode).toBe(403);
    const proposed = await secretaryClient.request('POST', url(first, '/approval'), { assemblyId: second });
    expect(proposed.statusCode).toBe(201);
    const approvalPoll: string = proposed.json().pollId;
    const frozen = await secretaryClient.request('PUT', url(first), { markdown: 'otra cosa' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('minutes-approval-pending');
    expect((await secretaryClient.request('GET', url(first))).json().minutes.pendingApprovalPollId).toBe(
      approvalPoll,
    );

    for (const v of voters) await cast(v, approvalPoll, { choice: 'yes' });
    await closePoll(s.db, viewerOf(secretary.personId), approvalPoll);

    const approved = (await memberClient.request('GET', url(first))).json().minutes;
    expect(approved).toMatchObject({ status: 'approved', approvedByPollId: approvalPoll, markdown: edited });
    expect(approved.documentDigest).toBe(sha256(edited));
    const entries = await ledgerKinds(council);
    const entry = entries.find((e) => e.kind === 'minutes.approved');
    expect(entry?.payload).toMatchObject({ digest: sha256(edited), pollId: approvalPoll });
    expect(entries.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['minutes.generated', 'minutes.edited', 'poll.opened', 'minutes.approved']),
    );
    expect((await verifyLedger(s.db, council))[0]!.firstBroken).toBeNull();

    const afterApproval = await tableCounts(s.db);
    for (const [method, path, body] of [
      ['PUT', url(first), { markdown: 'cambio' }],
      ['POST', url(first), {}],
      ['POST', url(first, '/approval'), { assemblyId: second }],
    ] as const) {
      const res = await secretaryClient.request(method, path, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('minutes-approved');
    }
    expect(await tableCounts(s.db)).toEqual(afterApproval);

    // Downloads.
    const md = await memberClient.request('GET', url(first, '.md'));
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.body).toBe(edited);
    const pdf = await memberClient.request('GET', url(first, '.pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(1024);
  });

  it('stay a draft when the next sitting rejects them, and can be put to the vote again', async () => {
    const council = await buildCouncil(s.db);
    const secretary = await buildOfficer(s.db, council);
    const voters = [];
    for (let i = 0; i < 3; i++) voters.push((await buildMember(s.db, council)).personId);
    const client = await TestClient.signedIn(s.app, secretary.login);
    const first = await sitting(council, secretary.personId, 'Primera', 10);
    await closeAssembly(s.db, viewerOf(secretary.personId), first);
    const gen = await client.request('POST', `/api/v1/assemblies/${first}/minutes`);
    expect(gen.statusCode).toBe(200);
    const second = await sitting(council, secretary.personId, 'Segunda', 20);
    for (const v of voters) await checkIn(s.db, viewerOf(v), second, {});
    const poll = (
      await client.request('POST', `/api/v1/assemblies/${first}/minutes/approval`, { assemblyId: second })
    ).json().pollId;
    for (const v of voters) await cast(v, poll, { choice: 'no' });
    await closePoll(s.db, viewerOf(secretary.personId), poll);
    const view = (await client.request('GET', `/api/v1/assemblies/${first}/minutes`)).json();
    expect(view.minutes).toMatchObject({
      status: 'draft',
      documentDigest: null,
      pendingApprovalPollId: null,
    });
    expect(view.minutes.markdown).toContain('No se registró a nadie como presente.');
    const edit = await client.request('PUT', `/api/v1/assemblies/${first}/minutes`, {
      markdown: '# Acta corregida\n',
    });
    expect(edit.statusCode).toBe(200);
    const retry = await client.request('POST', `/api/v1/assemblies/${first}/minutes/approval`, {
      assemblyId: second,
    });
    expect(retry.statusCode).toBe(201);
  });
});
