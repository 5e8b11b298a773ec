import { describe, expect, it } from 'vitest';
import type { AssemblySummary } from '../app/api-types.ts';
import {
  type ConveneValues,
  checkConvene,
  checkPoll,
  conveneBody,
  EMPTY_CONVENE,
  EMPTY_POLL,
  orderAssemblies,
  type PollValues,
  pollBody,
} from './decision-forms.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const convene = (values: Partial<ConveneValues> = {}): ConveneValues => ({
  ...EMPTY_CONVENE,
  title: 'Asamblea de diciembre',
  startsAt: '2026-12-05T18:00',
  place: 'Sede vecinal',
  ...values,
});
const poll = (values: Partial<PollValues> = {}): PollValues => ({
  ...EMPTY_POLL,
  title: 'Moción',
  ...values,
});

describe('the convene form', () => {
  it('accepts a sitting with a title, a future start and a place', () => {
    expect(checkConvene(convene(), NOW)).toEqual({});
  });

  it('asks for a title, a future start, and a place or an online link', () => {
    expect(checkConvene(convene({ title: ' ', startsAt: '2026-11-01T10:00', place: '' }), NOW)).toEqual({
      title: 'decisions.convene.titleRequired',
      startsAt: 'decisions.convene.startsAtPast',
      place: 'decisions.convene.placeRequired',
    });
    expect(checkConvene(convene({ place: '', onlineUrl: 'https://meet.example.org/x' }), NOW)).toEqual({});
    expect(checkConvene(convene({ onlineUrl: 'meet' }), NOW).onlineUrl).toBe(
      'decisions.convene.onlineUrlInvalid',
    );
  });

  it('checks a percent quorum and agenda rows with notes but no title', () => {
    const values = convene({
      quorumKind: 'percent',
      quorumPercent: '101',
      agenda: [
        { title: 'Informe', notes: '' },
        { title: '', notes: 'sin título' },
      ],
    });
    expect(checkConvene(values, NOW)).toEqual({
      quorumPercent: 'decisions.convene.percentInvalid',
      'agenda.1': 'decisions.convene.itemTitleRequired',
    });
  });

  it('builds the body: empty rows dropped, empty texts as null, the quorum rule', () => {
    const body = conveneBody(
      convene({
        isExtraordinary: true,
        quorumKind: 'percent',
        quorumPercent: '40',
        agenda: [
          { title: ' Informe ', notes: '' },
          { title: '', notes: '' },
        ],
      }),
    );
    expect(body).toMatchObject({
      title: 'Asamblea de diciembre',
      isExtraordinary: true,
      place: 'Sede vecinal',
      onlineUrl: null,
      quorum: { kind: 'percent', percent: 40 },
      agenda: [{ title: 'Informe', notes: null }],
    });
    expect(new Date(body.startsAt).toString()).not.toBe('Invalid Date');
  });
});

describe('the open-poll form', () => {
  it('builds a yes-no motion with its majority, base, secrecy and split', () => {
    const values = poll({ majority: 'two-thirds', majorityBase: 'present', allowSplit: true });
    expect(checkPoll(values)).toEqual({});
    expect(pollBody(values, null)).toEqual({
      kind: 'motion',
      assemblyId: null,
      title: 'Moción',
      body: null,
      method: 'yes-no',
      options: [],
      seats: 1,
      maxMarks: 1,
      allowSplit: true,
      majority: 'two-thirds',
      majorityBase: 'present',
      secrecy: 'secret',
      closesAt: null,
    });
  });

  it('builds an election with one option per line', () => {
    const values = poll({
      kind: 'election',
      method: 'approval',
      options: 'Ana\n\n Bruno \nCarmen',
      seats: '1',
      maxMarks: '2',
    });
    expect(checkPoll(values)).toEqual({});
    expect(pollBody(values, 'a1')).toMatchObject({
      kind: 'election',
      assemblyId: 'a1',
      method: 'approval',
      options: [
        { label: 'Ana', personId: null },
        { label: 'Bruno', personId: null },
        { label: 'Carmen', personId: null },
      ],
      seats: 1,
      maxMarks: 2,
      allowSplit: false,
    });
  });

  it('refuses too few or repeated options, seats not below the options, and IRV for two seats', () => {
    expect(checkPoll(poll({ kind: 'election', options: 'Ana' })).options).toBe(
      'decisions.pollForm.optionsTwo',
    );
    expect(checkPoll(poll({ kind: 'election', options: 'Ana\nana' })).options).toBe(
      'decisions.pollForm.optionsTwice',
    );
    expect(checkPoll(poll({ kind: 'election', options: 'Ana\nBruno', seats: '2' })).seats).toBe(
      'decisions.pollForm.seatsInvalid',
    );
    expect(checkPoll(poll({ kind: 'election', method: 'irv', options: 'A\nB\nC', seats: '2' })).seats).toBe(
      'decisions.pollForm.irvOneSeat',
    );
  });
});

describe('the order of sittings', () => {
  const sitting = (id: string, startsAt: string, status: AssemblySummary['status']): AssemblySummary => ({
    id,
    councilId: 'c',
    title: id,
    startsAt,
    isExtraordinary: false,
    place: 'x',
    onlineUrl: null,
    status,
  });

  it('lists those to come first, soonest first, then past ones, latest first', () => {
    const ordered = orderAssemblies([
      sitting('old', '2026-01-01T10:00:00Z', 'closed'),
      sitting('later', '2026-12-20T10:00:00Z', 'convened'),
      sitting('now', '2026-11-29T10:00:00Z', 'in-session'),
      sitting('recent', '2026-10-01T10:00:00Z', 'closed'),
    ]);
    expect(ordered.map((a) => a.id)).toEqual(['now', 'later', 'recent', 'old']);
  });
});
