// HTTP routes of price caps: proposed by a council's leading officers, put to the council's vote, and
// the public cap list of a council (its own caps and those of every body above, the lowest winning),
// as JSON and as CSV for shop windows and markets.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatCents } from '../../core/prices/caps.ts';
import { openSubjectVote, subjectVoteBody } from '../decisions/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { csvTable } from '../platform/csv-table.ts';
import type { Db } from '../platform/database.ts';
import { findItem } from '../supply/index.ts';
import { authorizePrices, lineageSeqs } from './price-access.ts';
import { capTitle, PRICE_CAP_SUBJECT } from './price-cap-subject.ts';
import { capList, councilCaps, findPriceCap, type PriceCapRow, today } from './price-caps.store.ts';
import {
  capHistoryQuery,
  capListQuery,
  capListView,
  idParams,
  priceCapView,
  proposePriceCapBody,
} from './prices.schema.ts';
import { pricesError } from './prices-errors.ts';
import { proposePriceCap } from './propose-price-cap.ts';

const capOut = (c: PriceCapRow) => ({
  id: c.id,
  councilId: c.council_id,
  itemId: c.item_id,
  currency: c.currency,
  cap: formatCents(c.cap_cents),
  capCents: c.cap_cents.toString(),
  validFrom: c.valid_from,
  validTo: c.valid_to,
  note: c.note,
  status: c.status,
  proposedAt: c.proposed_at,
  pollId: c.poll_id,
  decidedAt: c.decided_at,
  decisionSummary: c.decision_summary,
});

/** The cap list of a council on a day (today by the database's clock unless given); public. */
async function capListOf(db: Db, councilId: string, on: string | undefined) {
  const council = await authorizePrices(db, null, councilId, 'read-caps');
  const day = on ?? (await today(db));
  const caps = await capList(db, lineageSeqs(council), day);
  return {
    councilId: council.id,
    councilName: council.name,
    on: day,
    caps: caps.map((c) => ({
      capId: c.id,
      itemId: c.item_id,
      itemName: c.item_name,
      baseUnit: c.base_unit,
      currency: c.currency,
      cap: formatCents(c.cap_cents),
      capCents: c.cap_cents.toString(),
      validFrom: c.valid_from,
      validTo: c.valid_to,
      councilId: c.council_id,
      councilName: c.council_name,
      isOwn: c.council_id === council.id,
    })),
  };
}

export const priceCapsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/price-caps',
    {
      schema: {
        tags: ['prices'],
        description:
          'The caps in force in the council on a day (default today): for each item and currency the lowest ' +
          'of its own and those of every body above, with the body it comes from. Public.',
        params: idParams,
        querystring: capListQuery,
        response: { 200: capListView },
      },
    },
    async (request) => capListOf(db(), request.params.id, request.query.on),
  );

  app.get(
    '/councils/:id/price-caps.csv',
    {
      schema: {
        tags: ['prices'],
        description: 'The same cap list as CSV (text/csv, a header row), to print. Public.',
        params: idParams,
        querystring: capListQuery,
      },
    },
    async (request, reply) => {
      const list = await capListOf(db(), request.params.id, request.query.on);
      const csv = csvTable(
        ['item', 'unit', 'currency', 'cap', 'valid_from', 'valid_to', 'set_by', 'in_force_on'],
        list.caps.map((c) => [
          c.itemName,
          c.baseUnit,
          c.currency,
          c.cap,
          c.validFrom,
          c.validTo,
          c.councilName,
          list.on,
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="price-caps-${list.on}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/councils/:id/price-caps',
    {
      schema: {
        tags: ['prices'],
        description:
          "Proposes a cap for one item (the council's secretary or chair); the council adopts it by vote.",
        params: idParams,
        body: proposePriceCapBody,
        response: { 201: priceCapView },
      },
    },
    async (request, reply) => {
      const cap = await proposePriceCap(db(), requireViewer(request), request.params.id, request.body);
      return reply.status(201).send(capOut(cap));
    },
  );

  app.get(
    '/councils/:id/price-cap-history',
    {
      schema: {
        tags: ['prices'],
        description:
          "A council's own caps, proposed, in a vote or decided, newest first, with their votes. Public, like the cap list.",
        params: idParams,
        querystring: capHistoryQuery,
        response: { 200: z.object({ caps: z.array(priceCapView) }) },
      },
    },
    async (request) => {
      const council = await authorizePrices(db(), null, request.params.id, 'read-caps');
      return { caps: (await councilCaps(db(), council.id, request.query.limit)).map(capOut) };
    },
  );

  app.get(
    '/price-caps/:id',
    {
      schema: {
        tags: ['prices'],
        description: 'One cap, proposed or decided, with its vote. Public, like the cap list.',
        params: idParams,
        response: { 200: priceCapView },
      },
    },
    async (request) => {
      const cap = await findPriceCap(db(), request.params.id);
      if (!cap) throw pricesError('cap-not-found', 'id');
      return capOut(cap);
    },
  );

  app.post(
    '/price-caps/:id/poll',
    {
      schema: {
        tags: ['prices'],
        description: 'Puts a proposed cap to the vote of its council: a yes-no poll whose outcome adopts it.',
        params: idParams,
        body: subjectVoteBody,
        response: { 201: z.object({ pollId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const cap = await findPriceCap(db(), request.params.id);
      if (!cap) throw pricesError('cap-not-found', 'id');
      const item = await findItem(db(), cap.item_id);
      const pollId = await openSubjectVote(
        db(),
        requireViewer(request),
        cap.council_id,
        {
          kind: PRICE_CAP_SUBJECT,
          id: cap.id,
          title: capTitle(item?.name, item?.base_unit, cap.cap_cents, cap.currency),
          body: cap.note,
        },
        request.body,
      );
      return reply.status(201).send({ pollId });
    },
  );
};
