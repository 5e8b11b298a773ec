// HTTP routes of depots and distribution points and what is on their shelves.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maySupply } from '../../core/supply/permissions.ts';
import { formatMilli } from '../../core/supply/stock-ledger.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { createDepot } from './create-depot.ts';
import { authorizeCouncil, authorizeDepot } from './depot-access.ts';
import {
  councilIdParams,
  createDepotBody,
  depotIdParams,
  depotStockView,
  depotView,
} from './depots.schema.ts';
import { type DepotRow, depotShelf, listDepots } from './depots.store.ts';

export const depotOut = (d: DepotRow) => ({
  id: d.id,
  councilId: d.council_id,
  name: d.name,
  kind: d.kind as 'depot' | 'distribution-point',
  place: d.place,
  location:
    d.latitude === null || d.longitude === null ? null : { latitude: d.latitude, longitude: d.longitude },
  createdAt: new Date(d.created_at).toISOString(),
});

export const depotsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/depots',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        response: { 200: z.object({ depots: z.array(depotView) }) },
      },
    },
    async (request) => {
      const { council } = await authorizeCouncil(
        db(),
        requireViewer(request),
        request.params.id,
        'read-stock',
      );
      return { depots: (await listDepots(db(), council.id)).map(depotOut) };
    },
  );

  app.post(
    '/councils/:id/depots',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        body: createDepotBody,
        response: { 201: depotView },
      },
    },
    async (request, reply) => {
      const depot = await createDepot(db(), requireViewer(request), request.params.id, request.body);
      return reply.status(201).send(depotOut(depot));
    },
  );

  app.get(
    '/depots/:id/stock',
    {
      schema: {
        tags: ['supply'],
        description: "The depot's balance of every item it has held (the exact cache of the stock ledger).",
        params: depotIdParams,
        response: { 200: depotStockView },
      },
    },
    async (request) => {
      const { depot, council, facts } = await authorizeDepot(
        db(),
        requireViewer(request),
        request.params.id,
        'read-stock',
      );
      const shelf = await depotShelf(db(), depot.id);
      return {
        depot: depotOut(depot),
        balances: shelf.map((s) => ({
          item: {
            id: s.item_id,
            name: s.item_name,
            baseUnit: s.base_unit,
            stepMilli: s.step_milli.toString(),
          },
          quantityMilli: s.quantity_milli.toString(),
          quantity: formatMilli(s.quantity_milli),
          eventCount: s.event_count,
        })),
        viewer: { canRecord: maySupply('record-stock', facts) && council.dissolved_at === null },
      };
    },
  );
};
