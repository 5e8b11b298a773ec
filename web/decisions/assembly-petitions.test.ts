import { describe, expect, it } from 'vitest';
import type { AssemblyPetition } from '../app/api-types.ts';
import {
  checkPetition,
  EMPTY_PETITION,
  orderPetitions,
  type PetitionValues,
  petitionBody,
  sharePercentFrom,
  signaturePercent,
} from './assembly-petitions.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const values = (changes: Partial<PetitionValues> = {}): PetitionValues => ({
  ...EMPTY_PETITION,
  title: 'Asamblea sobre el convenio',
  reason: 'La dirección no consultó a los miembros.',
  startsAt: '2026-12-05T18:00',
  place: 'Sede vecinal',
  ...changes,
});

describe('the petition form', () => {
  it('accepts a petition with a title, a reason, a future start and a place', () => {
    expect(checkPetition(values(), NOW)).toEqual({});
  });

  it('names each missing or wrong field by its locale key', () => {
    expect(
      checkPetition(
        values({ title: ' ', reason: '', startsAt: '2026-12', place: '', onlineUrl: 'sala-virtual' }),
        NOW,
      ),
    ).toEqual({
      title: 'decisions.petitions.titleRequired',
      reason: 'decisions.petitions.reasonRequired',
      startsAt: 'decisions.petitions.startsAtInvalid',
      onlineUrl: 'decisions.petitions.onlineUrlInvalid',
    });
    expect(checkPetition(values({ startsAt: '2026-11-01T10:00' }), NOW).startsAt).toBe(
      'decisions.petitions.startsAtPast',
    );
    expect(checkPetition(values({ place: '', onlineUrl: '' }), NOW).place).toBe(
      'decisions.petitions.placeRequired',
    );
  });

  it('accepts an online sitting without a place, and blames an agenda row with notes but no title', () => {
    const online = values({
      place: '',
      onlineUrl: 'https://meet.example.org/cabildo',
      agenda: [
        { title: 'Convenio', notes: '' },
        { title: '', notes: 'sin título' },
      ],
    });
    expect(checkPetition(online, NOW)).toEqual({ 'agenda.1': 'decisions.petitions.itemTitleRequired' });
  });

  it('builds the body: trimmed, empty optional fields as null, empty agenda rows left out', () => {
    const body = petitionBody(
      values({
        title: '  Asamblea  ',
        agenda: [
          { title: ' Convenio ', notes: ' ' },
          { title: '', notes: '' },
        ],
      }),
    );
    expect(body).toEqual({
      title: 'Asamblea',
      reason: 'La dirección no consultó a los miembros.',
      startsAt: new Date('2026-12-05T18:00').toISOString(),
      place: 'Sede vecinal',
      onlineUrl: null,
      agenda: [{ title: 'Convenio', notes: null }],
    });
  });
});

describe('petition progress and share', () => {
  it('gives the whole percent of the signatures needed, never above 100', () => {
    expect(signaturePercent(0, 12)).toBe(0);
    expect(signaturePercent(5, 12)).toBe(41);
    expect(signaturePercent(15, 12)).toBe(100);
    expect(signaturePercent(1, 0)).toBe(100);
  });

  it('reads a share from 1 to 100', () => {
    expect(sharePercentFrom(' 15 ')).toBe(15);
    expect(sharePercentFrom('100')).toBe(100);
    expect(sharePercentFrom('0')).toBeNull();
    expect(sharePercentFrom('101')).toBeNull();
    expect(sharePercentFrom('12,5')).toBeNull();
    expect(sharePercentFrom('')).toBeNull();
  });

  it('lists open petitions first by proposed date, then convened ones, latest opened first', () => {
    const petition = (id: string, status: 'open' | 'convened', startsAt: string, openedAt: string) =>
      ({ id, status, startsAt, openedAt }) as AssemblyPetition;
    const ordered = orderPetitions([
      petition('c1', 'convened', '2026-10-01T10:00:00Z', '2026-09-01T10:00:00Z'),
      petition('o2', 'open', '2026-12-20T10:00:00Z', '2026-11-01T10:00:00Z'),
      petition('c2', 'convened', '2026-11-01T10:00:00Z', '2026-10-01T10:00:00Z'),
      petition('o1', 'open', '2026-12-10T10:00:00Z', '2026-11-20T10:00:00Z'),
    ]);
    expect(ordered.map((p) => p.id)).toEqual(['o1', 'o2', 'c2', 'c1']);
  });
});
