// Writer for standard BLT: header, withdrawn candidates as negative ids, one ballot a line ending in 0
// (`=` joins equal rankings, `-` marks a skipped rank), the `0` line, one quoted name a line (inner quotes
// doubled), then the quoted title. `readBlt(writeBlt(p))` gives back `p`.
import type { BallotProfile } from './tally.ts';

const LINE_BREAK = /[\r\n]/;

/**
 * Write a profile as BLT text. Throws a RangeError when the profile cannot be written faithfully
 * (a name or title with a line break, a candidate index out of range, a weight that is not a positive
 * whole number): a writer must not produce a file that reads back differently.
 */
export function writeBlt(profile: BallotProfile): string {
  const n = profile.candidates.length;
  if (n < 1) throw new RangeError('a BLT file needs at least one candidate');
  if (!Number.isInteger(profile.seats) || profile.seats < 1 || profile.seats > n) {
    throw new RangeError(`seats must be between 1 and the number of candidates (${n}), got ${profile.seats}`);
  }
  const checkCandidate = (c: number) => {
    if (!Number.isInteger(c) || c < 0 || c >= n)
      throw new RangeError(`candidate index ${c} is out of range 0..${n - 1}`);
  };
  const out: string[] = [`${n} ${profile.seats}`];
  if (profile.withdrawn.length > 0) {
    for (const c of profile.withdrawn) checkCandidate(c);
    out.push([...new Set(profile.withdrawn)].map((c) => `-${c + 1}`).join(' '));
  }
  for (const ballot of profile.ballots) {
    if (!Number.isSafeInteger(ballot.weight) || ballot.weight < 1) {
      throw new RangeError(`a ballot weight must be a positive whole number, got ${ballot.weight}`);
    }
    let line = String(ballot.weight);
    for (const group of ballot.ranks) {
      if (group.length === 0) {
        line += ' -';
        continue;
      }
      for (const c of group) checkCandidate(c);
      line += ` ${group.map((c) => c + 1).join('=')}`;
    }
    out.push(`${line} 0`);
  }
  out.push('0');
  for (const name of profile.candidates) out.push(quote(name, 'candidate name'));
  out.push(quote(profile.title, 'title'));
  return `${out.join('\n')}\n`;
}

function quote(text: string, what: string): string {
  if (LINE_BREAK.test(text))
    throw new RangeError(`a BLT ${what} cannot hold a line break: ${JSON.stringify(text)}`);
  return `"${text.replaceAll('"', '""')}"`;
}
