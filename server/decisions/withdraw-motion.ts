// The submitter of a motion, or an officer of the body, withdraws it before its vote opens
// (change-motion-status.ts). A forwarded motion's submitter is the officer who forwarded it.
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { changeMotionStatus } from './change-motion-status.ts';

export const withdrawMotion = (db: Db, viewer: Viewer, motionId: string) =>
  changeMotionStatus(
    db,
    viewer,
    motionId,
    'withdraw',
    'withdraw-motion',
    (m) => m.submitted_by === viewer.personId,
  );
