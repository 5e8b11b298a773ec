// An officer of the body refers a motion elsewhere (a committee, another body): it leaves the agenda
// undecided (change-motion-status.ts). Merging into a composite is compose-motions.ts.
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { changeMotionStatus } from './change-motion-status.ts';

export const referMotion = (db: Db, viewer: Viewer, motionId: string) =>
  changeMotionStatus(db, viewer, motionId, 'refer', 'refer-motion');
