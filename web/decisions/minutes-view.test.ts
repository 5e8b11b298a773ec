import { describe, expect, it } from 'vitest';
import type { AssemblyMinutes, AssemblySummary } from '../app/api-types.ts';
import {
  groupedDigest,
  laterSittings,
  minutesActs,
  minutesDownloadPath,
  minutesErrorKey,
} from './minutes-view.ts';

const sitting = (id: string, startsAt: string, status: AssemblySummary['status']): AssemblySummary => ({
  id,
  councilId: 'c',
  title: id,
  startsAt,
  isExtraordinary: false,
  place: 'Sede',
  onlineUrl: null,
  status,
});

const view = (
  overrides: Partial<AssemblyMinutes> = {},
  minutes: Partial<NonNullable<AssemblyMinutes['minutes']>> | null = {},
): AssemblyMinutes => ({
  assemblyId: 'a',
  assemblyTitle: 'Asamblea',
  assemblyStatus: 'closed',
  councilId: 'c',
  councilName: 'Norte',
  mayWrite: true,
  minutes:
    minutes === null
      ? null
      : {
          status: 'draft',
          language: 'es',
          markdown: '# Acta',
          generatedMarkdown: '# Acta',
          isEdited: false,
          generatedAt: '2026-12-01T20:00:00Z',
          editedAt: null,
          approvedAt: null,
          approvedByPollId: null,
          documentDigest: null,
          pendingApprovalPollId: null,
          ...minutes,
        },
  ...overrides,
});

describe('minutes page helpers', () => {
  it('builds the download paths', () => {
    expect(minutesDownloadPath('a b', 'pdf')).toBe('/api/v1/assemblies/a%20b/minutes.pdf');
  });

  it('offers only later sittings in session, earliest first', () => {
    const all = [
      sitting('earlier', '2026-11-01T18:00:00Z', 'in-session'),
      sitting('same', '2026-12-01T18:00:00Z', 'closed'),
      sitting('late', '2027-02-01T18:00:00Z', 'in-session'),
      sitting('next', '2027-01-01T18:00:00Z', 'in-session'),
      sitting('convened', '2027-03-01T18:00:00Z', 'convened'),
    ];
    expect(laterSittings(all, { id: 'same', startsAt: '2026-12-01T18:00:00Z' }).map((a) => a.id)).toEqual([
      'next',
      'late',
    ]);
  });

  it.each([
    [
      'no minutes yet, closed sitting',
      view({}, null),
      { mayGenerate: true, mayEdit: false, mayPropose: false },
    ],
    [
      'sitting still open',
      view({ assemblyStatus: 'in-session' }, null),
      { mayGenerate: false, mayEdit: false, mayPropose: false },
    ],
    ['a draft', view(), { mayGenerate: true, mayEdit: true, mayPropose: true }],
    [
      'a draft under vote',
      view({}, { pendingApprovalPollId: 'p' }),
      { mayGenerate: false, mayEdit: false, mayPropose: false },
    ],
    ['approved', view({}, { status: 'approved' }), { mayGenerate: false, mayEdit: false, mayPropose: false }],
    ['a reader', view({ mayWrite: false }), { mayGenerate: false, mayEdit: false, mayPropose: false }],
  ])('%s', (_name, v, acts) => {
    expect(minutesActs(v)).toEqual(acts);
  });

  it('explains its own errors and leaves the rest to the decisions texts', () => {
    expect(minutesErrorKey('minutes-approved')).toBe('decisions.minutes.errors.minutes-approved');
    expect(minutesErrorKey('quorum-not-met')).toBeNull();
    expect(minutesErrorKey(undefined)).toBeNull();
  });

  it('groups a digest in blocks of eight', () => {
    expect(groupedDigest('0123456789abcdef01')).toBe('01234567 89abcdef 01');
  });
});
