// HTTP routes of distribution rounds: open, the list (printable), pick-ups, close, recomputation.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maySupply } from '../../core/supply/permissions.ts';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { closeDistributionRound } from './close-distribution-round.ts';
import { authorizeCouncil } from './depot-access.ts';
import { councilIdParams, depotIdParams } from './depots.schema.ts';
import { findRound, listRounds, type RoundRow, roundEntitlements } from './distribution-rounds.store.ts';
import { openDistributionRound } from './open-distribution-round.ts';
import {
  openRoundBody,
  pickupBody,
  recomputationView,
  roundDetailView,
  roundView,
} from './ration-rules.schema.ts';
import { recomputeRound } from './recompute-distribution-round.ts';
import { recordPickup } from './record-pickup.ts';
import { supplyError } from './supply-errors.ts';

const roundOut = (r: RoundRow) => ({
  id: r.id,
  councilId: r.council_id,
  depotId: r.depot_id,
  itemId: r.item_id,
  ruleId: r.rule_id,
  ruleVersion: r.rule_version,
  rule: {
    perPersonMilli: r.rule.perPersonMilli,
    weightsPermille: r.rule.weightsPermille,
    priorityClasses: r.rule.priorityClasses.map((c) => [...c]),
    ...(r.rule.capPerHouseholdMilli === undefined
      ? {}
      : { capPerHouseholdMilli: r.rule.capPerHouseholdMilli }),
  },
  title: r.title,
  status: r.status,
  stockMilli: r.stock_milli,
  stepMilli: r.step_milli,
  tieBreakSeed: r.tie_break_seed,
  entitlementMilli: r.entitlement_milli,
  allocatedMilli: r.allocated_milli,
  classes: r.classes,
  households: r.households,
  pickedUp: r.picked_up,
  pickedUpMilli: r.picked_up_milli,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
});

async function readableRound(db: Db, viewer: Viewer, id: string) {
  const round = await findRound(db, id);
  if (!round) throw supplyError('round-not-found', 'id');
  const { facts } = await authorizeCouncil(db, viewer, round.council_id, 'read-stock', 'id');
  return { round, facts };
}

export const distributionRoundsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/distribution-rounds',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        response: { 200: z.object({ rounds: z.array(roundView) }) },
      },
    },
    async (request) => {
      const { council } = await authorizeCouncil(
        db(),
        requireViewer(request),
        request.params.id,
        'read-stock',
      );
      return { rounds: (await listRounds(db(), council.id)).map(roundOut) };
    },
  );

  app.post(
    '/depots/:id/distribution-rounds',
    {
      schema: {
        tags: ['supply'],
        description:
          "Applies the council's rule in force for the item to the depot's stock and its households.",
        params: depotIdParams,
        body: openRoundBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const id = await openDistributionRound(db(), requireViewer(request), request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/distribution-rounds/:id',
    { schema: { tags: ['supply'], params: councilIdParams, response: { 200: roundDetailView } } },
    async (request) => {
      const { round, facts } = await readableRound(db(), requireViewer(request), request.params.id);
      // Names, addresses, household make-up and flags are personal data: for those who keep the register.
      const isKeeper = maySupply('keep-households', facts);
      const lines = await roundEntitlements(db(), round.id);
      return {
        ...roundOut(round),
        entitlements: lines.map((l) => ({
          householdId: l.household_id,
          headName: isKeeper ? l.head_name : null,
          address: isKeeper ? l.address : null,
          people: isKeeper ? l.people : null,
          flags: isKeeper ? l.flags : null,
          priorityClass: l.priority_class,
          weightMillis: l.weight_millis,
          entitlementMilli: l.entitlement_milli,
          allocatedMilli: l.allocated_milli,
          pickedUpAt: l.picked_up_at,
          handedOutByName: isKeeper ? l.handed_out_by_name : null,
        })),
        mayRecordPickups: round.status === 'open' && maySupply('record-pickup', facts),
        mayClose: round.status === 'open' && maySupply('run-round', facts),
      };
    },
  );

  app.get(
    '/distribution-rounds/:id/recomputation',
    {
      schema: {
        tags: ['supply'],
        description:
          'Recomputes the round from what it stored and says whether every line comes out the same.',
        params: councilIdParams,
        response: { 200: recomputationView },
      },
    },
    async (request) => {
      const { round } = await readableRound(db(), requireViewer(request), request.params.id);
      return recomputeRound(round, await roundEntitlements(db(), round.id));
    },
  );

  app.post(
    '/distribution-rounds/:id/pickups',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        body: pickupBody,
        response: {
          201: z.object({ stockEventId: z.string(), allocatedMilli: z.string(), pickedUpAt: z.string() }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordPickup(db(), requireViewer(request), request.params.id, request.body)),
  );

  app.post(
    '/distribution-rounds/:id/closing',
    { schema: { tags: ['supply'], params: councilIdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await closeDistributionRound(db(), requireViewer(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
