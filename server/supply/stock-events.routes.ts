// HTTP routes of the stock ledger: the stock card, recording events, counts and reversals.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StockEventKind } from '../../core/supply/stock-ledger.ts';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import type { AppendedStockEvent } from './append-stock-event.ts';
import { countStock } from './count-stock.ts';
import { authorizeDepot } from './depot-access.ts';
import { findItem } from './items.store.ts';
import { recordStockEvent } from './record-stock-event.ts';
import { reverseStockEvent } from './reverse-stock-event.ts';
import {
  cardParams,
  cardQuery,
  countStockBody,
  eventIdParams,
  recordedStockEventView,
  recordStockEventBody,
  reversalBody,
  stockCardView,
} from './stock-events.schema.ts';
import { findStockEvent, type StockEventRow, stockCard } from './stock-events.store.ts';
import { supplyError } from './supply-errors.ts';

type Source = 'donation' | 'purchase' | 'delivery';
type Reason = 'damage' | 'theft' | 'expiry' | 'spoilage' | 'miscount' | 'recording-error' | 'other';

export const eventOut = (e: StockEventRow) => ({
  id: e.id,
  depotId: e.depot_id,
  itemId: e.item_id,
  kind: e.kind as StockEventKind,
  deltaMilli: e.delta_milli.toString(),
  occurredAt: e.occurred_at,
  recordedAt: e.recorded_at,
  source: e.source as Source | null,
  reason: e.reason as Reason | null,
  countedMilli: e.counted_milli?.toString() ?? null,
  reversesEventId: e.reverses_event_id,
  reversedByEventId: e.reversed_by_event_id,
  transferId: e.transfer_id,
  recordedBy: { id: e.recorded_by, fullName: e.recorded_by_name },
  note: e.note,
});

async function recordedOut(db: Db, appended: AppendedStockEvent) {
  const event = (await findStockEvent(db, appended.id))!;
  return {
    event: eventOut(event),
    balanceAtMilli: appended.balanceAtMilli.toString(),
    balanceMilli: appended.balanceMilli.toString(),
  };
}

export const stockEventsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/depots/:id/items/:itemId/card',
    {
      schema: {
        tags: ['supply'],
        description:
          'The stock card: the events of one item at one depot, newest first, with the running balance.',
        params: cardParams,
        querystring: cardQuery,
        response: { 200: stockCardView },
      },
    },
    async (request) => {
      const { depot } = await authorizeDepot(db(), requireViewer(request), request.params.id, 'read-stock');
      const item = await findItem(db(), request.params.itemId);
      if (!item) throw supplyError('item-not-found', 'itemId');
      let before: { occurredAt: string; id: string } | null = null;
      if (request.query.before) {
        const cursor = await findStockEvent(db(), request.query.before);
        if (!cursor || cursor.depot_id !== depot.id || cursor.item_id !== item.id)
          throw supplyError('before-not-found');
        before = { occurredAt: cursor.occurred_at, id: cursor.id };
      }
      const limit = request.query.limit;
      const page = await stockCard(db(), depot.id, item.id, before, limit);
      const last = page.events[page.events.length - 1];
      return {
        depot: { id: depot.id, name: depot.name, councilId: depot.council_id },
        item: {
          id: item.id,
          name: item.name,
          baseUnit: item.base_unit,
          stepMilli: item.step_milli.toString(),
        },
        balanceMilli: page.balanceMilli.toString(),
        events: page.events.map((e) => ({
          ...eventOut(e),
          balanceAfterMilli: e.balanceAfterMilli.toString(),
        })),
        nextBefore: page.events.length === limit && last ? last.id : null,
      };
    },
  );

  app.post(
    '/depots/:id/stock-events',
    {
      schema: {
        tags: ['supply'],
        description:
          'Records a receipt, issue, distribution or loss, now or back-dated; refused if any balance would go negative.',
        params: cardParams.pick({ id: true }),
        body: recordStockEventBody,
        response: { 201: recordedStockEventView },
      },
    },
    async (request, reply) => {
      const event = await recordStockEvent(db(), requireViewer(request), request.params.id, request.body);
      return reply.status(201).send(await recordedOut(db(), event));
    },
  );

  app.post(
    '/depots/:id/counts',
    {
      schema: {
        tags: ['supply'],
        description:
          'Records a physical count: an adjustment to the counted quantity, with a reason if it changes it.',
        params: cardParams.pick({ id: true }),
        body: countStockBody,
        response: { 201: recordedStockEventView },
      },
    },
    async (request, reply) => {
      const event = await countStock(db(), requireViewer(request), request.params.id, request.body);
      return reply.status(201).send(await recordedOut(db(), event));
    },
  );

  app.post(
    '/stock-events/:id/reversal',
    {
      schema: {
        tags: ['supply'],
        description: 'Corrects an event with a reversing entry at its business time (once per event).',
        params: eventIdParams,
        body: reversalBody,
        response: { 201: recordedStockEventView },
      },
    },
    async (request, reply) => {
      const event = await reverseStockEvent(
        db(),
        requireViewer(request),
        request.params.id,
        request.body.note,
      );
      return reply.status(201).send(await recordedOut(db(), event));
    },
  );
};
