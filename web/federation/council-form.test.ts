import { describe, expect, it } from 'vitest';
import {
  type CouncilFormValues,
  checkCouncilForm,
  EMPTY_COUNCIL_FORM,
  newCouncilBody,
} from './council-form.ts';

const neighbourhood: CouncilFormValues = {
  ...EMPTY_COUNCIL_FORM,
  name: '  Junta Vecinal Villa Bolívar D ',
  kind: 'neighbourhood',
  territory: 'Villa Bolívar D, El Alto',
};

describe('checks on the council form', () => {
  it('names every missing required field', () => {
    expect(checkCouncilForm(EMPTY_COUNCIL_FORM)).toEqual({
      name: 'councilForm.nameRequired',
      kind: 'councilForm.kindRequired',
      territory: 'councilForm.territoryRequired',
    });
  });

  it('accepts a base council without a level or a sector', () => {
    expect(checkCouncilForm(neighbourhood)).toEqual({});
  });

  it('asks a federation for its level, and for the level’s name when it is another one', () => {
    const federation = { ...neighbourhood, kind: 'federation' as const };
    expect(checkCouncilForm(federation).level).toBe('councilForm.levelRequired');
    expect(checkCouncilForm({ ...federation, level: 'other' }).level).toBe('councilForm.otherLevelRequired');
    expect(checkCouncilForm({ ...federation, level: 'other', otherLevel: 'x'.repeat(41) }).level).toBe(
      'councilForm.levelTooLong',
    );
    expect(checkCouncilForm({ ...federation, level: 'regional' })).toEqual({});
  });

  it.each(['0', '91', '7.5', 'siete', ''])('refuses %j as the days to answer', (answerDays) => {
    expect(checkCouncilForm({ ...neighbourhood, answerDays }).answerDays).toBe('councilForm.answerDaysRange');
  });

  it('refuses names longer than the server allows', () => {
    expect(checkCouncilForm({ ...neighbourhood, name: 'x'.repeat(201) }).name).toBe('councilForm.tooLong');
  });
});

describe('the body that creates a council', () => {
  it('is trimmed and leaves out what was not given', () => {
    expect(newCouncilBody(neighbourhood, 'parent-1')).toEqual({
      name: 'Junta Vecinal Villa Bolívar D',
      kind: 'neighbourhood',
      territory: 'Villa Bolívar D, El Alto',
      answerDays: 7,
      parentId: 'parent-1',
    });
  });

  it('carries no level for a base council even if one was picked before the kind changed', () => {
    expect(newCouncilBody({ ...neighbourhood, level: 'regional' }, null)).not.toHaveProperty('level');
  });

  it('sends a federation’s own level name, and no parent for the first council', () => {
    const body = newCouncilBody(
      {
        ...neighbourhood,
        kind: 'federation',
        level: 'other',
        otherLevel: ' provincial ',
        sector: ' minería ',
        answerDays: '14',
      },
      null,
    );
    expect(body).toEqual({
      name: 'Junta Vecinal Villa Bolívar D',
      kind: 'federation',
      level: 'provincial',
      territory: 'Villa Bolívar D, El Alto',
      sector: 'minería',
      answerDays: 14,
    });
  });
});
