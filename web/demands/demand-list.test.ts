import { describe, expect, it } from 'vitest';
import { demandLines, nextStatuses, pendingBatches, progressShares } from './demand-list.ts';
import type { Demand } from './demands-types.ts';

const demand = (over: Partial<Demand>): Demand => ({
  id: crypto.randomUUID(),
  councilId: 'c',
  batchId: 'b1',
  number: null,
  text: 'x',
  addressee: 'Ministerio',
  raisedOn: null,
  status: 'proposed',
  proposedAt: '2026-03-01T10:00:00.000000Z',
  pollId: null,
  decidedAt: null,
  statusChangedAt: null,
  ...over,
});

describe('demandLines', () => {
  it('takes one demand a line, dropping blank lines, spaces and list markers', () => {
    expect(
      demandLines('1. Salarios al día\n\n  2) Agua potable  \r\n- Transporte\n• Luz\n* Gas\n3 - Escuela\n'),
    ).toEqual(['Salarios al día', 'Agua potable', 'Transporte', 'Luz', 'Gas', 'Escuela']);
  });

  it('keeps numbers that are part of the text', () => {
    expect(demandLines('2026 salarios\n10% de aumento\n-5 horas')).toEqual([
      '2026 salarios',
      '10% de aumento',
      '-5 horas',
    ]);
  });

  it('gives nothing for blank text', () => {
    expect(demandLines(' \n\n\t')).toEqual([]);
  });
});

describe('pendingBatches', () => {
  it('groups proposed demands by batch in order, with the vote once opened, leaving others out', () => {
    const a1 = demand({ batchId: 'a', text: 'a1' });
    const a2 = demand({ batchId: 'a', text: 'a2' });
    const b1 = demand({ batchId: 'b', text: 'b1', pollId: 'p' });
    const raised = demand({ batchId: 'c', status: 'raised', number: 1 });
    const batches = pendingBatches([a1, b1, raised, a2]);
    expect(batches.map((b) => [b.batchId, b.pollId, b.demands.map((d) => d.text)])).toEqual([
      ['a', null, ['a1', 'a2']],
      ['b', 'p', ['b1']],
    ]);
  });
});

describe('nextStatuses', () => {
  it('follows the status table: none for proposals, rejected or met demands', () => {
    expect(nextStatuses('raised')).toEqual(['in-negotiation', 'partly-met', 'met', 'refused']);
    expect(nextStatuses('refused')).toEqual(['raised', 'in-negotiation']);
    expect(nextStatuses('met')).toEqual([]);
    expect(nextStatuses('proposed')).toEqual([]);
    expect(nextStatuses('rejected')).toEqual([]);
  });
});

describe('progressShares', () => {
  it('gives each status with demands its share, in the table order', () => {
    expect(
      progressShares({ raised: 2, 'in-negotiation': 1, 'partly-met': 0, met: 1, refused: 0, total: 4 }),
    ).toEqual([
      { status: 'raised', count: 2, percent: 50 },
      { status: 'in-negotiation', count: 1, percent: 25 },
      { status: 'met', count: 1, percent: 25 },
    ]);
  });

  it('gives nothing for an empty list', () => {
    expect(
      progressShares({ raised: 0, 'in-negotiation': 0, 'partly-met': 0, met: 0, refused: 0, total: 0 }),
    ).toEqual([]);
  });
});
