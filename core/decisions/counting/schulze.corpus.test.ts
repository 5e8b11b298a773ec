// Schulze on the real data in ../shared/data/ballots (or $CABILDO_SHARED_DATA): the 22 Debian Project
// Leader elections 2001–2022 against the official winners, the published full rankings of 2006, 2007
// and 2020, and the worked examples of Schulze's paper under every variant they give.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBlt } from './blt-read.ts';
import { readDebianTally } from './debian-tally.ts';
import { countSchulze } from './schulze.ts';
import type { BallotProfile } from './tally.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const shared = process.env.CABILDO_SHARED_DATA ?? join(repoRoot, '../shared/data');
const debian = join(shared, 'ballots/debian-schulze');
const present = existsSync(debian);

// MANIFEST §3: the public Debian record of elected leaders.
const OFFICIAL_WINNERS: [string, string][] = [
  ['D01.HIL', 'Ben Collins'],
  ['D02.debian_votes', 'Bdale Garbee'],
  ['D03.debian_votes', 'Martin Michlmayr'],
  ['D04.debian_votes', 'Martin Michlmayr'],
  ['D05.debian_votes', 'Branden Robinson'],
  ['D06.debian_votes', 'Anthony Towns'],
  ['D07.debian_votes', 'Sam Hocevar'],
  ['D08.debian_votes', 'Steve McIntyre'],
  ['D09.debian_votes', 'Steve McIntyre'],
  ['D10.debian_votes', 'Stefano Zacchiroli'],
  ['D11.debian_votes', 'Stefano Zacchiroli'],
  ['D12.debian_votes', 'Stefano Zacchiroli'],
  ['D13.debian_votes', 'Lucas Nussbaum'],
  ['D14.debian_votes', 'Lucas Nussbaum'],
  ['D15.debian_votes', 'Neil McGovern'],
  ['D16.debian_votes', 'Mehdi Dogguy'],
  ['D17.debian_votes', 'Chris Lamb'],
  ['D18.debian_votes', 'Chris Lamb'],
  ['D19.debian_votes', 'Sam Hartman'],
  ['D20.debian_votes', 'Jonathan Carter'],
  ['D21.debian_votes', 'Jonathan Carter'],
  ['D22.debian_votes', 'Jonathan Carter'],
];

function election(path: string): BallotProfile {
  const bytes = readFileSync(path);
  const read = path.endsWith('.HIL') ? readBlt(bytes) : readDebianTally(bytes);
  if (!read.ok) throw new Error(`${path}:${read.error.line}: ${read.error.message}`);
  return read.profile;
}

describe.skipIf(!present)('Debian Project Leader elections', () => {
  it.each(OFFICIAL_WINNERS)('%s elects %s under every variant, unranked tied last', (file, winner) => {
    const profile = election(join(debian, 'hil', file));
    for (const variant of ['winning', 'margin', 'ratio'] as const) {
      const tally = countSchulze(profile, { variant });
      expect(
        tally.ranking![0]!.map((c) => profile.candidates[c]),
        variant,
      ).toEqual([winner]);
      expect(tally.elected.map((c) => profile.candidates[c])).toEqual([winner]);
    }
  });

  it.each([
    [
      'leader2006_tally.txt',
      'Anthony Towns > Steve McIntyre > Andreas Schuldei = Jeroen van Wolffelaar > Bill Allombert > None of the Above > Ari Pollak > Jonathan aka Ted Walther',
    ],
    [
      'leader2007_tally.txt',
      'Sam Hocevar > Steve McIntyre > Raphaël Hertzog > Wouter Verhelst > Anthony Towns > Gustavo Franco > None Of The Above > Simon Richter > Aigars Mahinovs',
    ],
    ['leader2020_tally.txt', 'Jonathan Carter > Sruthi Chandran > Brian Gupta > None Of The Above'],
  ])('%s gives the published full ranking', (file, published) => {
    const profile = election(join(debian, file));
    const tally = countSchulze(profile, { variant: 'margin' });
    const ranking = tally
      .ranking!.map((tier) =>
        tier
          .map((c) => profile.candidates[c])
          .sort()
          .join(' = '),
      )
      .join(' > ');
    expect(ranking).toBe(published);
  });

  it('elects Steve McIntyre in 2006 when unranked options are ignored, as the data notes say', () => {
    const profile = election(join(debian, 'leader2006_tally.txt'));
    const tally = countSchulze(profile, { unranked: 'ignored' });
    expect(tally.elected.map((c) => profile.candidates[c])).toEqual(['Steve McIntyre']);
  });
});

const examplesPath = join(shared, 'ballots/schulze-examples/schulze_examples.json');

describe.skipIf(!existsSync(examplesPath))('the worked examples of Schulze’s paper', () => {
  const VARIANTS = {
    'Schulze Winning': 'winning',
    'Schulze Margin': 'margin',
    'Schulze Ratio': 'ratio',
  } as const;
  const examples: {
    name: string;
    candidates: string[];
    votes: string[];
    expected: Record<string, { winners: string[] }>;
  }[] = JSON.parse(readFileSync(examplesPath, 'utf8')).examples;

  it('elects the expected winners in all 19 examples, under each variant given', () => {
    expect(examples).toHaveLength(19);
    for (const example of examples) {
      const ballots = example.votes.map((line) => {
        const [ranking, times] = line.split('*');
        const ranks = ranking!
          .split('>')
          .map((g) => g.split('=').map((n) => example.candidates.indexOf(n.trim())));
        return { weight: times ? Number(times) : 1, ranks };
      });
      const profile = {
        title: example.name,
        seats: 1,
        candidates: example.candidates,
        withdrawn: [],
        ballots,
      };
      for (const [variantName, expected] of Object.entries(example.expected)) {
        const variant = VARIANTS[variantName as keyof typeof VARIANTS];
        const winners = countSchulze(profile, { variant })
          .ranking![0]!.map((c) => example.candidates[c])
          .sort();
        expect(winners, `${example.name} ${variantName}`).toEqual([...expected.winners].sort());
      }
    }
  });
});
