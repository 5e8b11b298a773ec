// A motion as the API shows it: its current text and every version, its support, its amendments with
// their diffs, its lineage up and down the federation, a composite's origins, and the instructions the
// councils below have given. Read-only.
import type { z } from 'zod';
import { amendmentDiff, mayDecide } from '../../core/decisions/index.ts';
import { findCouncil, loadViewerFacts } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { type AmendmentRow, amendmentsOf } from './amendments.store.ts';
import { decisionError } from './decisions-errors.ts';
import { instructionsOf } from './instructions.store.ts';
import type { amendmentView, motionSummaryView, motionView } from './motions.schema.ts';
import {
  compositeOriginsOf,
  countSupporters,
  findMotion,
  forwardedAsOf,
  isSupporter,
  type LinkedMotionRow,
  type MotionRow,
  mergedIntoOf,
  originOf,
  type VersionRow,
  versionsOf,
} from './motions.store.ts';

const linked = (m: LinkedMotionRow | undefined) =>
  m
    ? {
        motionId: m.motion_id,
        councilId: m.council_id,
        councilName: m.council_name,
        title: m.title,
        status: m.status,
      }
    : null;

export function motionSummaryOf(m: MotionRow): z.infer<typeof motionSummaryView> {
  return {
    id: m.id,
    councilId: m.council_id,
    title: m.title,
    status: m.status,
    isComposite: m.is_composite,
    submittedByCouncilId: m.submitted_by_council,
    currentVersion: m.current_version,
    submittedAt: m.submitted_at,
    decidedAt: m.decided_at,
    parentOutcome: m.parent_outcome,
    assemblyId: m.assembly_id,
    agendaPosition: m.agenda_position,
  };
}

export function amendmentViewOf(
  a: AmendmentRow,
  versions: readonly VersionRow[],
): z.infer<typeof amendmentView> {
  const base = versions.find((v) => v.version === a.base_version);
  const lines = {
    baseVersion: a.base_version,
    lineFrom: a.line_from,
    lineTo: a.line_to,
    replacementLines: a.replacement_lines,
  };
  return {
    id: a.id,
    motionId: a.motion_id,
    ...lines,
    proposedBy: a.proposed_by,
    proposedAt: a.proposed_at,
    status: a.status,
    pollId: a.poll_id,
    decidedAt: a.decided_at,
    diff: base ? amendmentDiff({ version: base.version, text: base.text }, lines) : [],
  };
}

/** Refuses `motion-not-found` / `not-permitted` unless the viewer may read the motion's council. */
export async function readableMotion(db: Db, id: string, viewer: Viewer | null): Promise<MotionRow> {
  const motion = await findMotion(db, id);
  if (!motion) throw decisionError('motion-not-found');
  const council = await findCouncil(db, motion.council_id);
  if (!council || !mayDecide('read-motion', await loadViewerFacts(db, viewer, council)))
    throw decisionError('not-permitted');
  return motion;
}

export async function motionViewOf(
  db: Db,
  id: string,
  viewer: Viewer | null,
): Promise<z.infer<typeof motionView>> {
  const m = await findMotion(db, id);
  if (!m) throw decisionError('motion-not-found');
  const council = await findCouncil(db, m.council_id);
  const facts = council ? await loadViewerFacts(db, viewer, council) : null;
  const versions = await versionsOf(db, m.id);
  return {
    ...motionSummaryOf(m),
    text: m.text,
    submittedBy: m.submitted_by,
    statusChangedAt: m.status_changed_at,
    outcomePollId: m.outcome_poll_id,
    parentDecidedAt: m.parent_decided_at,
    supportersCount: await countSupporters(db, m.id),
    versions: versions.map((v) => ({
      version: v.version,
      text: v.text,
      madeByAmendmentId: v.made_by_amendment_id,
      madeAt: v.made_at,
    })),
    amendments: (await amendmentsOf(db, m.id)).map((a) => amendmentViewOf(a, versions)),
    lineage: {
      origin: linked(await originOf(db, m)),
      forwardedAs: linked(await forwardedAsOf(db, m.id)),
      mergedInto: linked(await mergedIntoOf(db, m.id)),
    },
    compositeOrigins: m.is_composite
      ? (await compositeOriginsOf(db, m.id)).map((o) => ({
          ...(linked(o) ?? {
            motionId: o.motion_id,
            councilId: o.council_id,
            councilName: '',
            title: '',
            status: o.status,
          }),
          originCouncilId: o.origin_council_id,
          originCouncilName: o.origin_council_name,
          supportersCount: o.supporters_count,
        }))
      : [],
    instructions: (await instructionsOf(db, m.id)).map((i) => ({
      councilId: i.sending_council_id,
      councilName: i.council_name,
      position: i.position,
      decidedAt: i.decided_at,
    })),
    viewer: {
      isSupporter: viewer ? await isSupporter(db, m.id, viewer.personId) : false,
      isSubmitter: viewer !== null && m.submitted_by === viewer.personId,
      mayManage: facts !== null && mayDecide('admit-motion', facts),
    },
  };
}
