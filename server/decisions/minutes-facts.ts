// Gathers what the minutes of a closed sitting say, from its records: the sitting and agenda, everyone
// who attended, the weight present and entitled at its opening and closing instants, and its polls in
// the order they opened (with the motion each decided, once motions exist). Read-only.
import type { MinutesFacts, WeightsAt } from '../../core/decisions/index.ts';
import type { CouncilRow } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { type AssemblyRow, agendaOf, entitledMillis, quorumRuleOf } from './assemblies.store.ts';
import { electorateOf } from './assembly-quorum.ts';
import { attendanceOfSitting, motionsOfPolls, presentMillisAt } from './minutes.store.ts';
import { pollsOfAssembly } from './polls.store.ts';

export async function minutesFacts(
  db: Db,
  assembly: AssemblyRow,
  council: CouncilRow,
): Promise<MinutesFacts> {
  const weightsAt = async (at: string | null): Promise<WeightsAt | null> =>
    at === null
      ? null
      : {
          presentMillis: await presentMillisAt(db, assembly.id, at),
          entitledMillis: await entitledMillis(db, council, electorateOf(council), at),
        };
  const motions = await motionsOfPolls(db, assembly.id);
  const polls = await pollsOfAssembly(db, assembly.id);
  return {
    councilName: council.name,
    sitting: {
      title: assembly.title,
      isExtraordinary: assembly.is_extraordinary,
      startsAt: assembly.starts_at,
      openedAt: assembly.opened_at,
      closedAt: assembly.closed_at,
      place: assembly.place,
      onlineUrl: assembly.online_url,
    },
    agenda: (await agendaOf(db, assembly.id)).map((a) => ({
      position: a.position,
      title: a.title,
      notes: a.notes,
    })),
    attendance: await attendanceOfSitting(db, assembly.id),
    quorumRule: quorumRuleOf(assembly),
    presence: {
      atOpening: await weightsAt(assembly.opened_at),
      atClosing: await weightsAt(assembly.closed_at),
    },
    polls: polls
      .filter((p) => p.status !== 'cancelled')
      .map((p) => {
        const motion = motions.get(p.id);
        return {
          title: p.title,
          kind: p.kind,
          method: p.method,
          secrecy: p.secrecy,
          majority: p.majority,
          majorityBase: p.majority_base,
          options: p.options.map((o) => o.label),
          status: p.status,
          entitledMillis: p.entitled_millis,
          presentAtOpenMillis: p.present_at_open_millis,
          presentAtCloseMillis: p.present_at_close_millis,
          result: p.result,
          motionId: motion?.motionId ?? null,
          motionTitle: motion?.motionTitle ?? null,
        };
      }),
  };
}
