// The secretary (or chair) puts a sitting's draft minutes to the vote of a later sitting of the same
// council: an open yes-no poll by simple majority, opened only with quorum (insertOpenedPoll). The poll
// is linked to the minutes with the digest of the text put to the vote; the text stays frozen while the
// vote is open (edit-minutes.ts), and its closing approves the minutes (approve-minutes-by-poll.ts).
// Locks: the minutes row FOR UPDATE, then the later sitting's row inside insertOpenedPoll; the ledger
// head last.
import type { MinutesLanguage } from '../../core/decisions/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { findAssembly } from './assemblies.store.ts';
import { electorateOf } from './assembly-quorum.ts';
import { decisionError } from './decisions-errors.ts';
import { insertMinutesApproval, lockMinutes, openApprovalPoll } from './minutes.store.ts';
import { minutesDigest, sittingFor } from './minutes-access.ts';
import { insertOpenedPoll } from './open-poll.ts';

const TITLE: Record<MinutesLanguage, (sitting: string) => string> = {
  es: (sitting) => `Aprobación del acta de «${sitting}»`,
  en: (sitting) => `Approval of the minutes of “${sitting}”`,
};
const BODY: Record<MinutesLanguage, (digest: string) => string> = {
  es: (digest) => `Se vota el texto del acta cuyo sha256 es ${digest}.`,
  en: (digest) => `The vote is on the text of the minutes whose sha256 is ${digest}.`,
};

export async function proposeMinutesApproval(
  db: Db,
  viewer: Viewer,
  assemblyId: string,
  input: { assemblyId: string },
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const { assembly, council } = await sittingFor(tx, viewer, assemblyId, 'write-minutes');
    const minutes = await lockMinutes(tx, assembly.id);
    if (!minutes) throw decisionError('minutes-not-found');
    if (minutes.status === 'approved') throw decisionError('minutes-approved');
    if (await openApprovalPoll(tx, minutes.id)) throw decisionError('minutes-approval-pending');
    const later = await findAssembly(tx, input.assemblyId);
    if (
      !later ||
      later.council_id !== council.id ||
      later.id === assembly.id ||
      Date.parse(later.starts_at) <= Date.parse(assembly.starts_at)
    )
      throw decisionError('not-a-later-sitting', 'assemblyId');
    const digest = minutesDigest(minutes.markdown);
    const pollId = await insertOpenedPoll(tx, council, viewer.personId, {
      kind: 'motion',
      assemblyId: later.id,
      title: TITLE[minutes.language](assembly.title).slice(0, 300),
      body: BODY[minutes.language](digest),
      method: 'yes-no',
      options: [],
      seats: 1,
      maxMarks: 1,
      allowSplit: false,
      majority: 'simple',
      majorityBase: 'voting',
      secrecy: 'open',
      electorate: electorateOf(council),
      recallPetitionId: null,
      subjectMandateId: null,
      seatCouncilId: null,
      termEndsAt: null,
      closesAt: null,
    });
    // The poll.opened entry (insertOpenedPoll) records the vote; the link is part of the same act.
    await insertMinutesApproval(tx, { minutesId: minutes.id, pollId, proposedDigest: digest });
    return pollId;
  });
}
