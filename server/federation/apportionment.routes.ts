// HTTP routes of a federated council's seats: its apportionment rule, the current table (public, so
// anyone can check it) with the previous seats beside it, the history, and recompute on demand.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../platform/authenticated.ts';
import { apportionCouncilSeats } from './apportion-seats.ts';
import {
  apportionBody,
  apportionmentPage,
  apportionmentRuleBody,
  apportionmentView,
  historyQuery,
  ruleView,
} from './apportionment.schema.ts';
import {
  type ApportionmentRecordRow,
  apportionmentHistory,
  findApportionment,
  findRule,
  latestApportionment,
} from './apportionments.store.ts';
import { councilIdParams } from './councils.schema.ts';
import { findCouncil } from './councils.store.ts';
import { federationError } from './federation-errors.ts';
import { setApportionmentRule } from './set-apportionment-rule.ts';

const iso = (d: Date) => new Date(d).toISOString();

const view = (a: ApportionmentRecordRow) => ({
  id: a.id,
  seq: a.seq,
  method: a.method,
  totalSeats: a.total_seats,
  seatsPerChild: a.seats_per_child,
  minimumPerChild: a.minimum_per_child,
  seed: a.seed,
  effectiveAt: iso(a.effective_at),
  computedAt: iso(a.computed_at),
  previousId: a.previous_id,
  rows: a.rows,
  ties: a.ties,
});

export const apportionmentRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  /** Any council may be asked; a base council answers not-a-federation. */
  const findFederation = async (id: string) => {
    const council = await findCouncil(db(), id);
    if (!council) throw federationError('council-not-found');
    if (council.kind !== 'federation') throw federationError('not-a-federation');
    return council;
  };

  app.get(
    '/councils/:id/apportionment',
    {
      schema: { tags: ['federation'], params: councilIdParams, response: { 200: apportionmentPage } },
    },
    async (request) => {
      const council = await findFederation(request.params.id);
      const [rule, current] = await Promise.all([
        findRule(db(), council.id),
        latestApportionment(db(), council.id),
      ]);
      const previous = current?.previous_id ? await findApportionment(db(), current.previous_id) : undefined;
      const seatsBefore = new Map(previous?.rows.map((r) => [r.councilId, r.seats]));
      return {
        councilId: council.id,
        rule: rule
          ? {
              method: rule.method,
              totalSeats: rule.total_seats,
              seatsPerChild: rule.seats_per_child,
              minimumPerChild: rule.minimum_per_child,
              weightRule: rule.weight_rule,
              setAt: iso(rule.set_at),
            }
          : null,
        current: current
          ? {
              ...view(current),
              rows: current.rows.map((r) => ({ ...r, previousSeats: seatsBefore.get(r.councilId) ?? null })),
            }
          : null,
        previous: previous
          ? {
              id: previous.id,
              seq: previous.seq,
              effectiveAt: iso(previous.effective_at),
              totalSeats: previous.total_seats,
            }
          : null,
      };
    },
  );

  app.get(
    '/councils/:id/apportionment/history',
    {
      schema: {
        tags: ['federation'],
        params: councilIdParams,
        querystring: historyQuery,
        response: { 200: z.object({ entries: z.array(apportionmentView) }) },
      },
    },
    async (request) => {
      const council = await findFederation(request.params.id);
      const before = request.query.before ?? 2_147_483_647;
      const rows = await apportionmentHistory(db(), council.id, before, request.query.limit);
      return { entries: rows.map(view) };
    },
  );

  app.put(
    '/councils/:id/apportionment-rule',
    {
      schema: {
        tags: ['federation'],
        params: councilIdParams,
        body: apportionmentRuleBody,
        response: { 200: ruleView },
      },
    },
    async (request) => {
      const rule = await setApportionmentRule(db(), requireViewer(request), request.params.id, request.body);
      return { ...rule, setAt: iso(rule.setAt) };
    },
  );

  app.post(
    '/councils/:id/apportionment',
    {
      schema: {
        tags: ['federation'],
        description:
          'Recomputes the table from the rule and the members the child councils have now. ' +
          'Refused (apportionment-unchanged) when neither has changed since the latest table.',
        params: councilIdParams,
        body: apportionBody,
        response: { 201: apportionmentView },
      },
    },
    async (request, reply) => {
      const { effectiveAt } = request.body;
      const record = await apportionCouncilSeats(db(), requireViewer(request), request.params.id, {
        effectiveAt: effectiveAt === undefined ? undefined : new Date(effectiveAt),
      });
      return reply.status(201).send(view(record));
    },
  );
};
