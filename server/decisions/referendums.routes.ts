// HTTP route of a referendum's results per council: once the poll is closed, every council under the
// federated council that held it, with its own count and its subtree's, rolled up to the top.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayDecide, referendumResults } from '../../core/decisions/index.ts';
import { findCouncil, loadViewerFacts } from '../federation/index.ts';
import { rulesOf } from './cast-ballot.ts';
import { idParams } from './decisions.schema.ts';
import { decisionError } from './decisions-errors.ts';
import { councilsUnder } from './electorate.store.ts';
import { ballotsOfPoll, findPoll } from './polls.store.ts';

const councilResultView = z.object({
  councilId: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  entitledMillis: z.number(),
  ballots: z.int(),
  /** core/decisions/polls/poll-tally.ts PollResult. */
  result: z.unknown(),
  outcome: z.enum(['adopted', 'rejected', 'elected', 'no-valid-ballots']),
});

export const referendumsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/polls/:id/results-by-council',
    {
      schema: {
        tags: ['decisions'],
        description:
          'A closed referendum counted per council: each base council alone, each federated council with everything under it.',
        params: idParams,
        response: { 200: z.object({ pollId: z.uuid(), councils: z.array(councilResultView) }) },
      },
    },
    async (request) => {
      const poll = await findPoll(db(), request.params.id);
      if (!poll) throw decisionError('poll-not-found');
      const council = await findCouncil(db(), poll.council_id);
      if (!council || !mayDecide('read-poll', await loadViewerFacts(db(), request.viewer, council)))
        throw decisionError('not-permitted');
      if (poll.electorate !== 'members-below') throw decisionError('poll-shape-invalid', 'id');
      if (poll.status !== 'closed') throw decisionError('not-published');
      const councils = await councilsUnder(db(), council);
      const ballots = (await ballotsOfPoll(db(), poll)).flatMap((b) =>
        b.base_council_id
          ? [{ baseCouncilId: b.base_council_id, contents: b.contents, weightMillis: b.weight_millis }]
          : [],
      );
      const results = referendumResults(
        rulesOf(poll),
        council.id,
        councils.map((c) => ({ id: c.id, parentId: c.parent_id, directMembers: c.direct_members })),
        ballots,
        { seed: poll.seed, title: poll.title },
      );
      const named = new Map(councils.map((c) => [c.id, c]));
      return {
        pollId: poll.id,
        councils: results.map((r) => ({
          councilId: r.councilId,
          name: named.get(r.councilId)?.name ?? '',
          parentId: named.get(r.councilId)?.parent_id ?? null,
          entitledMillis: r.entitledMillis,
          ballots: r.result.ballots,
          result: r.result,
          outcome: r.result.outcome,
        })),
      };
    },
  );
};
