// Shapes of the demands API (server/actions/demands.schema.ts), as the web app reads them. Days are ISO
// dates ('2026-03-12'), instants ISO text.
import type { DemandStatus, ListedStatus } from '../../core/actions/demand-status.ts';

export type { DemandStatus, ListedStatus };

export interface Demand {
  id: string;
  councilId: string;
  batchId: string;
  /** Given when the vote adopts it; null while proposed or once rejected. */
  number: number | null;
  text: string;
  addressee: string;
  raisedOn: string | null;
  status: DemandStatus;
  proposedAt: string;
  pollId: string | null;
  decidedAt: string | null;
  statusChangedAt: string | null;
}

export interface ListedDemand extends Demand {
  /** Councils endorsing it now. */
  endorsements: number;
  lastAnswerAt: string | null;
}

export type DemandProgress = Record<ListedStatus, number> & { total: number };

export interface DemandList {
  councilId: string;
  councilName: string;
  progress: DemandProgress;
  demands: ListedDemand[];
}

export type AnswerKind = 'answer-received' | 'status-change' | 'note';

export interface DemandAnswer {
  id: string;
  at: string;
  kind: AnswerKind;
  fromStatus: DemandStatus | null;
  toStatus: DemandStatus | null;
  answeredOn: string | null;
  text: string | null;
  /** The vote's own entry (adoption or rejection), recorded by no person. */
  byVote: boolean;
}

export interface DemandEndorsement {
  id: string;
  councilId: string;
  councilName: string;
  endorsedAt: string;
  withdrawnAt: string | null;
}

export interface DemandDetail extends Demand {
  history: DemandAnswer[];
  endorsements: DemandEndorsement[];
}

export interface DemandBatch {
  batchId: string;
  councilId: string;
  demands: Demand[];
}
