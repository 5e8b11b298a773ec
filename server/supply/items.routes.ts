// HTTP routes of the catalogue of items.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ItemCategory } from '../../core/supply/stock-ledger.ts';
import { formatMilli } from '../../core/supply/stock-ledger.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { createItem } from './create-item.ts';
import { createItemBody, itemsQuery, itemView } from './items.schema.ts';
import { type ItemRow, listItems } from './items.store.ts';

export const itemOut = (i: ItemRow) => ({
  id: i.id,
  name: i.name,
  category: i.category as ItemCategory,
  baseUnit: i.base_unit,
  stepMilli: i.step_milli.toString(),
  units: i.units.map((u) => ({
    unit: u.unit,
    milliPerUnit: u.milliPerUnit.toString(),
    baseUnits: formatMilli(u.milliPerUnit),
  })),
});

export const itemsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/items',
    {
      schema: {
        tags: ['supply'],
        description: 'The catalogue of items, shared by every council (any signed-in person).',
        querystring: itemsQuery,
        response: { 200: z.object({ items: z.array(itemView) }) },
      },
    },
    async (request) => {
      requireViewer(request);
      return { items: (await listItems(db(), request.query.category)).map(itemOut) };
    },
  );

  app.post(
    '/items',
    {
      schema: {
        tags: ['supply'],
        description: 'Adds an item to the catalogue (the instance administrator).',
        body: createItemBody,
        response: { 201: itemView },
      },
    },
    async (request, reply) => {
      const item = await createItem(db(), requireViewer(request), request.body);
      return reply.status(201).send(itemOut(item));
    },
  );
};
