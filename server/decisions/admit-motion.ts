// An officer of the body admits a submitted motion to its agenda (change-motion-status.ts).
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { changeMotionStatus } from './change-motion-status.ts';

export const admitMotion = (db: Db, viewer: Viewer, motionId: string) =>
  changeMotionStatus(db, viewer, motionId, 'admit', 'admit-motion');
