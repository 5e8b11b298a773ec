// The quorum of an assembly at an instant: who is present with what weight, against the weight entitled
// in its council (active members of a base council; the mandates on a federated council's roll).
// Read-only; the acts that decide on it take the assembly's row lock first (open-poll.ts, check-in.ts).
import { type QuorumState, quorumState } from '../../core/decisions/index.ts';
import type { CouncilRow } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import {
  type AssemblyRow,
  type AttendeeRow,
  entitledMillis,
  presentAt,
  quorumRuleOf,
} from './assemblies.store.ts';

export interface AssemblyQuorum extends QuorumState {
  present: AttendeeRow[];
}

export const electorateOf = (council: Pick<CouncilRow, 'kind'>) =>
  council.kind === 'federation' ? ('mandates' as const) : ('members' as const);

export async function assemblyQuorum(
  db: Db,
  assembly: AssemblyRow,
  council: CouncilRow,
  at: string,
): Promise<AssemblyQuorum> {
  const present = await presentAt(db, assembly.id, at);
  const presentMillis = present.reduce((sum, p) => sum + p.weight_millis, 0);
  const entitled = await entitledMillis(db, council, electorateOf(council), at);
  return { ...quorumState(quorumRuleOf(assembly), presentMillis, entitled), present };
}
