// HTTP routes of transfers between depots (of one council or of two).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maySupply } from '../../core/supply/permissions.ts';
import { findCouncil } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { authorizeCouncil, supplyFacts } from './depot-access.ts';
import { councilIdParams } from './depots.schema.ts';
import { receiveTransfer } from './receive-transfer.ts';
import { sendTransfer } from './send-transfer.ts';
import { supplyError } from './supply-errors.ts';
import {
  councilTransfersQuery,
  receiveTransferBody,
  sendTransferBody,
  transferIdParams,
  transferView,
} from './transfers.schema.ts';
import { councilTransfers, findTransfer, type TransferRow } from './transfers.store.ts';

export const transferOut = (t: TransferRow) => ({
  id: t.id,
  item: { id: t.item_id, name: t.item_name, baseUnit: t.base_unit },
  from: { depotId: t.from_depot_id, depotName: t.from_depot_name, councilId: t.from_council_id },
  to: { depotId: t.to_depot_id, depotName: t.to_depot_name, councilId: t.to_council_id },
  quantityMilli: t.quantity_milli.toString(),
  status: t.status,
  acceptedMilli: t.accepted_milli?.toString() ?? null,
  rejectedMilli: t.rejected_milli?.toString() ?? null,
  rejectionNote: t.rejection_note,
  note: t.note,
  sentAt: t.sent_at,
  receivedAt: t.received_at,
});

export const transfersRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/transfers',
    {
      schema: {
        tags: ['supply'],
        description: 'Sends stock from a depot of the officer’s council; it is in transit until received.',
        body: sendTransferBody,
        response: { 201: transferView },
      },
    },
    async (request, reply) => {
      const id = await sendTransfer(db(), requireViewer(request), request.body);
      return reply.status(201).send(transferOut((await findTransfer(db(), id))!));
    },
  );

  app.get(
    '/transfers/:id',
    { schema: { tags: ['supply'], params: transferIdParams, response: { 200: transferView } } },
    async (request) => {
      const viewer = requireViewer(request);
      const transfer = await findTransfer(db(), request.params.id);
      if (!transfer) throw supplyError('transfer-not-found');
      // Members and officers of either council see it.
      for (const councilId of [transfer.from_council_id, transfer.to_council_id]) {
        const council = await findCouncil(db(), councilId);
        if (council && maySupply('read-stock', await supplyFacts(db(), viewer, council)))
          return transferOut(transfer);
      }
      throw supplyError('not-permitted');
    },
  );

  app.post(
    '/transfers/:id/receipt',
    {
      schema: {
        tags: ['supply'],
        description:
          'The receiving council confirms delivery: accepted onto its shelf, rejected back to the sender’s shelf.',
        params: transferIdParams,
        body: receiveTransferBody,
        response: { 200: transferView },
      },
    },
    async (request) => {
      await receiveTransfer(db(), requireViewer(request), request.params.id, request.body);
      return transferOut((await findTransfer(db(), request.params.id))!);
    },
  );

  app.get(
    '/councils/:id/transfers',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        querystring: councilTransfersQuery,
        response: { 200: z.object({ transfers: z.array(transferView) }) },
      },
    },
    async (request) => {
      const { council } = await authorizeCouncil(
        db(),
        requireViewer(request),
        request.params.id,
        'read-stock',
      );
      const rows = await councilTransfers(db(), council.id, request.query.status, request.query.limit);
      return { transfers: rows.map(transferOut) };
    },
  );
};
