import { describe, expect, it } from 'vitest';
import { countBallots } from '../counting/index.ts';
import type { PollResult } from '../polls/poll-tally.ts';
import {
  generateMinutes,
  type MinutesFacts,
  type MinutesPoll,
  minutesInstant,
  votesOf,
} from './generate-minutes.ts';
import { escapeMarkdown, parseMarkdownBlocks } from './markdown-blocks.ts';
import { minutesText } from './minutes-text.ts';

const es = minutesText('es');
const en = minutesText('en');

const labels = ['Ana', 'Beto', 'Carla', 'Dora', 'Eli'];
const rankings = [
  ...Array.from({ length: 5 }, () => [0, 1]),
  ...Array.from({ length: 4 }, () => [2, 3]),
  ...Array.from({ length: 3 }, () => [3, 4, 1]),
];
const tally = countBallots(
  'stv-scottish',
  {
    title: 'Comisión',
    seats: 3,
    candidates: labels,
    withdrawn: [],
    ballots: rankings.map((r) => ({ weight: 1, ranks: r.map((o) => [o]) })),
  },
  { seats: 3, seed: 'seed' },
);

const motionPoll: MinutesPoll = {
  title: 'Compra de un *generador* | urgente',
  kind: 'motion',
  method: 'yes-no',
  secrecy: 'open',
  majority: 'simple',
  majorityBase: 'voting',
  options: [],
  status: 'closed',
  entitledMillis: 4000,
  presentAtOpenMillis: 3000,
  presentAtCloseMillis: 3000,
  result: {
    method: 'yes-no',
    ballots: 3,
    totals: { yes: 2000, no: 500, abstain: 500 },
    baseMillis: 2500,
    base: 'voting',
    outcome: 'adopted',
  },
};

const electionResult: PollResult = {
  method: 'stv-scottish',
  ballots: 13,
  blank: 1,
  tally,
  elected: tally.elected,
  outcome: 'elected',
};

const facts = (overrides: Partial<MinutesFacts> = {}): MinutesFacts => ({
  councilName: 'Junta vecinal | Norte',
  sitting: {
    title: 'Asamblea ordinaria de diciembre',
    isExtraordinary: false,
    startsAt: '2026-12-01T18:00:00.000000Z',
    openedAt: '2026-12-01T18:05:00.000000Z',
    closedAt: '2026-12-01T20:30:00.000000Z',
    place: 'Sede, Calle 1',
    onlineUrl: null,
  },
  agenda: [
    { position: 1, title: 'Informe', notes: null },
    { position: 2, title: 'Varios', notes: 'Lo que surja' },
  ],
  attendance: [
    {
      name: 'Ana *la* Roja',
      mandateId: null,
      weightMillis: 1000,
      checkedInAt: '2026-12-01T18:01:00Z',
      checkedOutAt: null,
    },
    {
      name: 'Beto',
      mandateId: 'm-1',
      weightMillis: 2500,
      checkedInAt: '2026-12-01T18:02:00Z',
      checkedOutAt: '2026-12-01T19:00:00Z',
    },
  ],
  quorumRule: { kind: 'more-than-half' },
  presence: {
    atOpening: { presentMillis: 3500, entitledMillis: 6000 },
    atClosing: { presentMillis: 1000, entitledMillis: 6000 },
  },
  polls: [
    motionPoll,
    {
      ...motionPoll,
      title: 'Elección de la comisión',
      kind: 'election',
      method: 'stv-scottish',
      secrecy: 'secret',
      options: labels,
      result: electionResult,
    },
  ],
  ...overrides,
});

const linesOf = (text: string) => text.split('\n');

describe('generateMinutes', () => {
  it('writes the heading, the sitting and the agenda in Spanish', () => {
    const lines = linesOf(generateMinutes(facts(), es));
    expect(lines[0]).toBe('# Acta — Asamblea ordinaria de diciembre');
    expect(lines).toContain('**Consejo:** Junta vecinal \\| Norte  ');
    expect(lines).toContain('**Sesión:** ordinaria  ');
    expect(lines).toContain('**Abierta:** 2026-12-01 18:05 UTC  ');
    expect(lines).toContain('**Lugar:** Sede, Calle 1');
    expect(lines).toContain('1. Informe');
    expect(lines).toContain('   Lo que surja');
  });

  it('lists the attendance with mandates and weights, and the quorum at opening and closing', () => {
    const lines = linesOf(generateMinutes(facts(), es));
    expect(lines).toContain('- Ana \\*la\\* Roja (miembro; desde 2026-12-01 18:01 UTC)');
    expect(lines).toContain(
      '- Beto (delegado, peso 2,5; desde 2026-12-01 18:02 UTC, hasta 2026-12-01 19:00 UTC)',
    );
    expect(lines).toContain('Registrados como presentes: 2 persona(s), peso total 3,5.');
    expect(lines).toContain('Regla: más de la mitad de los votos con derecho.');
    expect(lines).toContain(
      '- Al abrir la sesión: 3,5 presentes de 6 con derecho (se necesitan 3,001) — con quórum.',
    );
    expect(lines).toContain(
      '- Al cerrar la sesión: 1 presentes de 6 con derecho (se necesitan 3,001) — sin quórum.',
    );
  });

  it('gives each motion its settings, figures in votes and outcome, with names escaped', () => {
    const lines = linesOf(generateMinutes(facts(), en));
    expect(lines).toContain('### 1. Compra de un \\*generador\\* \\| urgente');
    expect(lines).toContain('- Majority: simple (more yes than no); Majority base: yes and no votes');
    expect(lines).toContain('- Result: **adopted**');
    expect(lines).toContain('| Yes | No | Abstain | Ballots |');
    expect(lines).toContain('| 2 | 0.5 | 0.5 | 3 |');
  });

  it('renders an election count round by round as a Markdown table', () => {
    const text = generateMinutes(facts(), es);
    const lines = linesOf(text);
    expect(lines).toContain('- Electos: Ana, Carla, Dora');
    expect(
      lines.some((l) =>
        l.startsWith(
          'Recuento, ronda por ronda (VUT escocés (SSI 2007/42); puestos 3; válidos 12.00000; cuota 4.00000)',
        ),
      ),
    ).toBe(true);
    const header = lines.find((l) => l.startsWith('| Candidatura |'));
    expect(header).toContain('Ronda 1: Primeras preferencias');
    expect(lines.find((l) => l.startsWith('| Ana |'))).toMatch(
      /^\| Ana \| 5\.00000 \| .*Electo en la ronda 1 \|$/,
    );
    const table = parseMarkdownBlocks(text).find((b) => b.kind === 'table' && b.header.length > 4);
    expect(table?.kind === 'table' && table.rows.length).toBe(6);
  });

  it('marks a section for the motion a poll decided, when it has one', () => {
    const withMotion = facts({
      polls: [{ ...motionPoll, motionId: 'mo-1', motionTitle: 'Generador | barrio' }],
    });
    const lines = linesOf(generateMinutes(withMotion, es));
    expect(lines).toContain('#### Moción: Generador \\| barrio');
    expect(lines).toContain('<!-- motion:mo-1 -->');
    expect(linesOf(generateMinutes(facts(), es)).some((l) => l.startsWith('#### '))).toBe(false);
  });

  it('says so when nobody attended and no vote was taken', () => {
    const lines = linesOf(generateMinutes(facts({ attendance: [], polls: [], agenda: [] }), en));
    expect(lines).toContain('Nobody was recorded as present.');
    expect(lines).toContain('No vote was taken at this sitting.');
    expect(lines).toContain('No agenda items.');
  });

  it('is the same text for the same facts', () => {
    expect(generateMinutes(facts(), es)).toBe(generateMinutes(facts(), es));
  });
});

describe('minutes formatting', () => {
  it.each([
    [1000, 'en', '1'],
    [2500, 'es', '2,5'],
    [1333, 'en', '1.333'],
    [0, 'es', '0'],
  ] as const)('%d millis in %s is %s votes', (millis, lang, text) => {
    expect(votesOf(millis, minutesText(lang))).toBe(text);
  });

  it('prints instants in UTC to the minute', () => {
    expect(minutesInstant('2026-12-01T18:05:59.123456Z')).toBe('2026-12-01 18:05 UTC');
  });

  it.each([
    ['A|B', 'A\\|B'],
    ['*bold*', '\\*bold\\*'],
    ['two\nlines', 'two lines'],
    ['# title', '\\# title'],
    ['<script>', '\\<script\\>'],
  ])('escapes %j as %j', (raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });
});
