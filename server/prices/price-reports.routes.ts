// HTTP routes of members' price reports: a member reports in their own council; its officers list the
// reports, narrowed by item and seller, as JSON or CSV.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { centsTextToUnits, formatCents, sellerKey } from '../../core/prices/caps.ts';
import { formatMilli } from '../../core/supply/stock-ledger.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { csvTable } from '../platform/csv-table.ts';
import { authorizePrices } from './price-access.ts';
import { findPriceReport, listPriceReports, type PriceReportRow } from './price-reports.store.ts';
import {
  idParams,
  priceReportView,
  reportPriceBody,
  reportsCsvQuery,
  reportsQuery,
} from './prices.schema.ts';
import { reportPrice } from './report-price.ts';

/** The most rows one CSV export holds (newest first). */
const CSV_ROWS = 50_000;

export const reportOut = (r: PriceReportRow) => ({
  id: r.id,
  councilId: r.council_id,
  seller: r.seller,
  market: r.market,
  itemId: r.item_id,
  itemName: r.item_name,
  baseUnit: r.base_unit,
  quantity: formatMilli((r.quantity_milli * 1000n) / r.milli_per_unit),
  unit: r.unit,
  quantityMilli: r.quantity_milli.toString(),
  price: formatCents(r.price_cents),
  priceCents: r.price_cents.toString(),
  currency: r.currency,
  basePriceCents: r.base_price_cents,
  observedOn: r.observed_on,
  note: r.note,
  reportedAt: r.reported_at,
  violationId: r.violation_id,
});

export const priceReportsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/councils/:id/price-reports',
    {
      schema: {
        tags: ['prices'],
        description:
          'Reports a price seen at a seller (active members of the council). A price above the cap in ' +
          'force makes a violation the council follows up.',
        params: idParams,
        body: reportPriceBody,
        response: { 201: priceReportView },
      },
    },
    async (request, reply) => {
      const { reportId } = await reportPrice(db(), requireViewer(request), request.params.id, request.body);
      const report = await findPriceReport(db(), reportId);
      return reply.status(201).send(reportOut(report!));
    },
  );

  app.get(
    '/councils/:id/price-reports',
    {
      schema: {
        tags: ['prices'],
        description: "The council's price reports, newest first (its officers).",
        params: idParams,
        querystring: reportsQuery,
        response: { 200: priceReportView.array() },
      },
    },
    async (request) => {
      const council = await authorizePrices(db(), requireViewer(request), request.params.id, 'read-reports');
      const q = request.query;
      const rows = await listPriceReports(db(), council.id, {
        itemId: q.item ?? null,
        sellerKey: q.seller === undefined ? null : sellerKey(q.seller),
        limit: q.limit,
        offset: q.offset,
      });
      return rows.map(reportOut);
    },
  );

  app.get(
    '/councils/:id/price-reports.csv',
    {
      schema: {
        tags: ['prices'],
        description: "The council's price reports as CSV (text/csv, a header row; its officers).",
        params: idParams,
        querystring: reportsCsvQuery,
      },
    },
    async (request, reply) => {
      const council = await authorizePrices(db(), requireViewer(request), request.params.id, 'read-reports');
      const q = request.query;
      const rows = await listPriceReports(db(), council.id, {
        itemId: q.item ?? null,
        sellerKey: q.seller === undefined ? null : sellerKey(q.seller),
        limit: CSV_ROWS,
        offset: 0,
      });
      const csv = csvTable(
        [
          'observed_on',
          'seller',
          'market',
          'item',
          'quantity',
          'unit',
          'price',
          'currency',
          'base_unit',
          'price_per_base_unit',
          'violation',
          'note',
          'reported_at',
        ],
        rows.map((r) => {
          const out = reportOut(r);
          return [
            out.observedOn,
            out.seller,
            out.market,
            out.itemName,
            out.quantity,
            out.unit,
            out.price,
            out.currency,
            out.baseUnit,
            centsTextToUnits(r.base_price_cents),
            out.violationId === null ? 'no' : 'yes',
            out.note,
            out.reportedAt,
          ];
        }),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="price-reports.csv"')
        .send(csv);
    },
  );
};
