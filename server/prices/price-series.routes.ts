// HTTP routes of market-price series: imports (with progress), markets, commodities, a commodity's
// series with its flags, recent anomalies, and CSV export. Series are public reference data: reading
// needs no sign-in; importing is the administrator's.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../platform/authenticated.ts';
import { csvTable } from '../platform/csv-table.ts';
import { AppError } from '../platform/http-errors.ts';
import { startPriceImport } from './import-price-file.ts';
import { linkCommodity } from './link-commodity.ts';
import {
  findCommodity,
  findImport,
  type ImportRow,
  listCommodities,
  listImports,
  listMarkets,
} from './price-imports.store.ts';
import {
  anomaliesQuery,
  commodityView,
  importIdParams,
  importQuery,
  importView,
  linkCommodityBody,
  marketView,
  observationView,
  seriesQuery,
} from './price-series.schema.ts';
import { commoditySeries, recentAnomalies, type ScannedObservation } from './price-series.ts';

const importOut = (i: ImportRow) => ({
  id: i.id,
  fileName: i.file_name,
  sha256: i.sha256,
  status: i.status,
  rowsTotal: i.rows_total,
  rowsDone: i.rows_done,
  imported: i.imported,
  alreadyPresent: i.already_present,
  conflicts: i.conflicts,
  rejected: i.rejected,
  outliers: i.outliers,
  rejections: i.rejections,
  failure: i.failure,
  startedAt: i.started_at,
  finishedAt: i.finished_at,
});

const observationOut = (o: ScannedObservation) => ({
  id: o.id,
  marketId: o.market_id,
  commodityId: o.commodity_id,
  priceType: o.price_type,
  unit: o.unit_label,
  baseUnit: o.base_unit,
  currency: o.currency,
  date: o.observed_on,
  priceCents: o.price_cents,
  basePriceCents: o.base_price_cents,
  isOutlier: o.is_outlier,
  outlierReason: o.outlier_reason,
  medianRatio: o.medianRatio,
  isRise: o.isRise,
  seasonalZ: o.seasonalZ,
  phase: o.phase,
});

export const priceSeriesRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/price-imports',
    {
      bodyLimit: 60 * 1024 * 1024,
      schema: {
        tags: ['prices'],
        description:
          'A market-price CSV in the WFP layout (text/csv body). Answers 202 with the import; poll GET /price-imports/:id for its progress and its account of every row.',
        querystring: importQuery,
        body: z.string().max(60 * 1024 * 1024),
        response: { 202: importView },
      },
    },
    async (request, reply) => {
      const { importId } = await startPriceImport(db(), requireViewer(request), {
        name: request.query.name,
        text: request.body,
      });
      return reply.status(202).send(importOut((await findImport(db(), importId))!));
    },
  );

  app.get(
    '/price-imports',
    { schema: { tags: ['prices'], response: { 200: z.object({ imports: z.array(importView) }) } } },
    async () => ({ imports: (await listImports(db())).map(importOut) }),
  );

  app.get(
    '/price-imports/:id',
    { schema: { tags: ['prices'], params: importIdParams, response: { 200: importView } } },
    async (request) => {
      const found = await findImport(db(), request.params.id);
      if (!found) throw new AppError('not-found', 'import-not-found', 'no price import has this id', 'id');
      return importOut(found);
    },
  );

  app.get(
    '/markets',
    { schema: { tags: ['prices'], response: { 200: z.object({ markets: z.array(marketView) }) } } },
    async () => ({ markets: await listMarkets(db()) }),
  );

  app.get(
    '/commodities',
    { schema: { tags: ['prices'], response: { 200: z.object({ commodities: z.array(commodityView) }) } } },
    async () => ({
      commodities: (await listCommodities(db())).map((c) => ({
        id: c.id,
        name: c.name,
        category: c.category,
        itemId: c.item_id,
        observations: c.observations,
      })),
    }),
  );

  app.put(
    '/commodities/:id/item',
    {
      schema: {
        tags: ['prices'],
        description:
          'Ties a commodity of the market series to an item of the supply catalogue (or unties it with null), so caps and reports on the item are drawn over its series. The administrator only.',
        params: importIdParams,
        body: linkCommodityBody,
        response: { 200: z.object({ commodityId: z.uuid(), itemId: z.uuid().nullable() }) },
      },
    },
    async (request) => linkCommodity(db(), requireViewer(request), request.params.id, request.body.itemId),
  );

  app.get(
    '/price-series',
    {
      schema: {
        tags: ['prices'],
        description: "A commodity's observations in every market (or one), with screening and anomaly flags.",
        querystring: seriesQuery,
        response: { 200: z.object({ observations: z.array(observationView) }) },
      },
    },
    async (request) => {
      const q = request.query;
      if (!(await findCommodity(db(), q.commodityId)))
        throw new AppError('not-found', 'commodity-not-found', 'no commodity has this id', 'commodityId');
      return {
        observations: (await commoditySeries(db(), q.commodityId, q.marketId ?? null, q.factor)).map(
          observationOut,
        ),
      };
    },
  );

  app.get(
    '/price-series.csv',
    { schema: { tags: ['prices'], querystring: seriesQuery } },
    async (request, reply) => {
      const q = request.query;
      if (!(await findCommodity(db(), q.commodityId)))
        throw new AppError('not-found', 'commodity-not-found', 'no commodity has this id', 'commodityId');
      const rows = await commoditySeries(db(), q.commodityId, q.marketId ?? null, q.factor);
      const header = [
        'date',
        'market_id',
        'commodity_id',
        'price_type',
        'unit',
        'currency',
        'price',
        'price_per_base_unit',
        'base_unit',
        'outlier',
        'outlier_reason',
        'median_ratio',
        'rise',
        'seasonal_z',
        'phase',
      ];
      const table = rows.map((o) => [
        o.observed_on,
        o.market_id,
        o.commodity_id,
        o.price_type,
        o.unit_label,
        o.currency,
        (o.price_cents / 100).toFixed(2),
        (o.base_price_cents / 100).toFixed(4),
        o.base_unit,
        String(o.is_outlier),
        o.outlier_reason,
        o.medianRatio?.toFixed(4) ?? null,
        String(o.isRise),
        o.seasonalZ?.toFixed(3) ?? null,
        o.phase,
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="price-series.csv"')
        .send(csvTable(header, table));
    },
  );

  app.get(
    '/price-anomalies',
    {
      schema: {
        tags: ['prices'],
        description:
          'Observations of the last months of the data that rose by the median rule or reached alert or crisis.',
        querystring: anomaliesQuery,
        response: { 200: z.object({ observations: z.array(observationView) }) },
      },
    },
    async (request) => ({
      observations: (await recentAnomalies(db(), request.query.months, request.query.factor)).map(
        observationOut,
      ),
    }),
  );
};
