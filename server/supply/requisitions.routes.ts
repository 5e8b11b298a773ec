// HTTP routes of requisitions (up the tree) and shipment plans (down it).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import { decideRequisition } from './decide-requisition.ts';
import { authorizeCouncil } from './depot-access.ts';
import { councilIdParams } from './depots.schema.ts';
import { executeShipmentPlan } from './execute-shipment-plan.ts';
import { planShipments } from './plan-shipments.ts';
import {
  decideRequisitionBody,
  planBody,
  planView,
  requisitionsQuery,
  requisitionView,
  submitRequisitionBody,
} from './requisitions.schema.ts';
import {
  findPlan,
  findRequisition,
  listPlans,
  listRequisitions,
  type PlanRow,
  planLines,
  type RequisitionRow,
} from './requisitions.store.ts';
import { submitRequisition } from './submit-requisition.ts';
import { supplyError } from './supply-errors.ts';

const requisitionOut = (r: RequisitionRow) => ({
  id: r.id,
  councilId: r.council_id,
  councilName: r.council_name,
  parentId: r.parent_id,
  itemId: r.item_id,
  toDepotId: r.to_depot_id,
  requestedMilli: r.requested_milli,
  stockMilli: r.stock_milli,
  consumption30dMilli: r.consumption_30d_milli,
  note: r.note,
  status: r.status,
  approvedMilli: r.approved_milli,
  decisionNote: r.decision_note,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  planId: r.plan_id,
});

async function planOut(db: Db, p: PlanRow) {
  const lines = await planLines(db, p.id);
  return {
    id: p.id,
    councilId: p.council_id,
    itemId: p.item_id,
    status: p.status,
    fairRatio: { numerator: Number(p.fair_ratio_numerator), denominator: Number(p.fair_ratio_denominator) },
    totalShippedMilli: p.total_shipped_milli,
    totalCostKm: p.total_cost_km,
    fills: p.fills,
    lines: lines.map((l) => ({
      requisitionId: l.requisition_id,
      fromDepotId: l.from_depot_id,
      fromDepotName: l.from_depot_name,
      toDepotId: l.to_depot_id,
      toDepotName: l.to_depot_name,
      toCouncilName: l.to_council_name,
      quantityMilli: l.quantity_milli,
      distanceKm: l.distance_km,
      transferId: l.transfer_id,
    })),
    createdAt: p.created_at,
    executedAt: p.executed_at,
  };
}

export const requisitionsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/requisitions',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        querystring: requisitionsQuery,
        response: { 200: z.object({ requisitions: z.array(requisitionView) }) },
      },
    },
    async (request) => {
      const { council } = await authorizeCouncil(
        db(),
        requireViewer(request),
        request.params.id,
        'read-requisitions',
      );
      const q = request.query;
      const rows = await listRequisitions(db(), {
        ...(q.direction === 'sent' ? { councilId: council.id } : { parentId: council.id }),
        ...(q.status ? { status: q.status } : {}),
        ...(q.itemId ? { itemId: q.itemId } : {}),
      });
      return { requisitions: rows.map(requisitionOut) };
    },
  );

  app.post(
    '/councils/:id/requisitions',
    {
      schema: {
        tags: ['supply'],
        description: "Asks the council's parent body for an item; its stock and 30-day use are attached.",
        params: councilIdParams,
        body: submitRequisitionBody,
        response: { 201: requisitionView },
      },
    },
    async (request, reply) => {
      const id = await submitRequisition(db(), requireViewer(request), request.params.id, request.body);
      return reply.status(201).send(requisitionOut((await findRequisition(db(), id))!));
    },
  );

  app.post(
    '/requisitions/:id/decision',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        body: decideRequisitionBody,
        response: { 200: requisitionView },
      },
    },
    async (request) => {
      await decideRequisition(db(), requireViewer(request), request.params.id, request.body);
      return requisitionOut((await findRequisition(db(), request.params.id))!);
    },
  );

  app.get(
    '/councils/:id/shipment-plans',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        response: { 200: z.object({ plans: z.array(planView) }) },
      },
    },
    async (request) => {
      const { council } = await authorizeCouncil(
        db(),
        requireViewer(request),
        request.params.id,
        'read-requisitions',
      );
      const plans = await listPlans(db(), council.id);
      return { plans: await Promise.all(plans.map((p) => planOut(db(), p))) };
    },
  );

  app.post(
    '/councils/:id/shipment-plans',
    {
      schema: {
        tags: ['supply'],
        description:
          "Plans shipments of an item from the body's depots to its approved requisitions: max-min fair fill, then most shipped, then fewest km.",
        params: councilIdParams,
        body: planBody,
        response: { 201: planView },
      },
    },
    async (request, reply) => {
      const id = await planShipments(db(), requireViewer(request), request.params.id, request.body.itemId);
      return reply.status(201).send(await planOut(db(), (await findPlan(db(), id))!));
    },
  );

  app.get(
    '/shipment-plans/:id',
    { schema: { tags: ['supply'], params: councilIdParams, response: { 200: planView } } },
    async (request) => {
      const plan = await findPlan(db(), request.params.id);
      if (!plan) throw supplyError('plan-not-found', 'id');
      await authorizeCouncil(db(), requireViewer(request), plan.council_id, 'read-requisitions', 'id');
      return planOut(db(), plan);
    },
  );

  app.post(
    '/shipment-plans/:id/execution',
    {
      schema: {
        tags: ['supply'],
        description:
          'Sends every line of a draft plan as a transfer (in transit until each council confirms).',
        params: councilIdParams,
        response: { 200: planView },
      },
    },
    async (request) => {
      await executeShipmentPlan(db(), requireViewer(request), request.params.id);
      return planOut(db(), (await findPlan(db(), request.params.id))!);
    },
  );
};
