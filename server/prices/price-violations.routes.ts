// HTTP routes of price violations: the council's officers list them with the seller's history and
// record their follow-up (warning, inspection, resolved, or a note).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formatCents } from '../../core/prices/caps.ts';
import { formatMilli } from '../../core/supply/stock-ledger.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { followUpViolation } from './follow-up-violation.ts';
import { authorizePrices } from './price-access.ts';
import { listViolations, type ViolationRow } from './price-violations.store.ts';
import { followupBody, followupView, idParams, violationsQuery, violationView } from './prices.schema.ts';

/** The quantity as reported, in its unit: milli base units ÷ milli base units per unit. */
const inUnit = (quantityMilli: string, milliPerUnit: string) =>
  formatMilli((BigInt(quantityMilli) * 1000n) / BigInt(milliPerUnit));

const violationOut = (v: ViolationRow) => ({
  id: v.id,
  councilId: v.council_id,
  status: v.status,
  createdAt: v.created_at,
  report: {
    id: v.report_id,
    seller: v.seller,
    market: v.market,
    itemId: v.item_id,
    itemName: v.item_name,
    baseUnit: v.base_unit,
    quantity: inUnit(v.quantity_milli, v.milli_per_unit),
    unit: v.unit,
    quantityMilli: v.quantity_milli,
    price: formatCents(BigInt(v.price_cents)),
    priceCents: v.price_cents,
    currency: v.currency,
    basePriceCents: v.base_price_cents,
    observedOn: v.observed_on,
  },
  cap: {
    id: v.cap_id,
    cap: formatCents(BigInt(v.cap_cents)),
    capCents: v.cap_cents,
    councilId: v.cap_council_id,
    councilName: v.cap_council_name,
  },
  sellerHistory: {
    reports: v.seller_reports,
    earlierViolations: v.earlier_violations,
    lastReports: v.last_reports.map((r) => ({
      reportId: r.report_id,
      itemName: r.item_name,
      observedOn: r.observed_on,
      price: formatCents(BigInt(r.price_cents)),
      quantity: inUnit(r.quantity_milli, r.milli_per_unit),
      unit: r.unit,
      currency: r.currency,
      basePriceCents: r.base_price_cents,
    })),
  },
  followups: v.followups.map((f) => ({
    action: f.action,
    note: f.note,
    actedBy: f.acted_by,
    actedAt: f.acted_at,
  })),
});

export const priceViolationsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/price-violations',
    {
      schema: {
        tags: ['prices'],
        description:
          "Reports above the cap in force, newest first, with the seller's history in the council and the " +
          "follow-up so far (the council's officers).",
        params: idParams,
        querystring: violationsQuery,
        response: { 200: violationView.array() },
      },
    },
    async (request) => {
      const council = await authorizePrices(
        db(),
        requireViewer(request),
        request.params.id,
        'read-violations',
      );
      const q = request.query;
      const rows = await listViolations(db(), council.id, {
        status: q.status ?? null,
        limit: q.limit,
        offset: q.offset,
      });
      return rows.map(violationOut);
    },
  );

  app.post(
    '/price-violations/:id/followups',
    {
      schema: {
        tags: ['prices'],
        description:
          'Records a step of the follow-up (officers of the council): warning, inspection and resolved ' +
          'move the status; a resolved violation takes only notes.',
        params: idParams,
        body: followupBody,
        response: { 201: followupView },
      },
    },
    async (request, reply) => {
      const done = await followUpViolation(db(), requireViewer(request), request.params.id, request.body);
      return reply.status(201).send(done);
    },
  );
};
