// Imports a market-price file in the WFP layout (the HDX "Food Prices" export): every row is accounted
// for — imported, already present (a re-import adds nothing twice), in conflict with a stored price (kept
// as stored and reported: a correction is its own act), or rejected with its line, field and reason.
// Units are normalised and every series is screened for ×3 jumps over what is stored and what arrives
// (core/prices): outliers are kept and flagged, never silently dropped.
//
// The request checks the file's shape (CSV syntax, the header) and answers at once with the import's id;
// the rows are then stored in chunks of CHUNK rows, each chunk its own transaction, and the import row
// tells its progress (rows_done of rows_total) to whoever polls it. A failure midway leaves the chunks
// stored so far — a re-import completes them, adding nothing twice (the observations' unique key).
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import {
  mapWfpHeader,
  planWfpImport,
  type ScreenedObservation,
  screenOutliers,
  type WfpRecord,
} from '../../core/prices/index.ts';
import type { Db } from '../platform/database.ts';
import { AppError } from '../platform/http-errors.ts';
import { appendLedgerEntry, INSTANCE_CHAIN } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import {
  failImport,
  findImport,
  finishImport,
  type ImportRow,
  insertImport,
  insertObservations,
  type NewObservation,
  observationsOf,
  outliersAmong,
  setImportProgress,
  setOutlierFlags,
  storedPrices,
  upsertCommodities,
  upsertMarkets,
} from './price-imports.store.ts';

const CHUNK = 2_000;
export const MAX_PRICE_ROWS = 500_000;

export interface StartedImport {
  importId: string;
  /** Settles when the rows are stored (or the import failed): the route does not wait for it. */
  finished: Promise<ImportRow>;
}

export async function startPriceImport(
  db: Db,
  viewer: Viewer,
  file: { name: string; text: string },
): Promise<StartedImport> {
  // Market series are shared reference data, not a council's: the instance's administrator loads them.
  if (!viewer.isAdmin)
    throw new AppError('forbidden', 'not-permitted', 'only the administrator imports market series');
  const records = readRecords(file.text);
  const header = records[0];
  if (!header)
    throw new AppError('invalid', 'csv-empty', 'the file is empty: a header line is expected', 'file');
  const mapped = mapWfpHeader(header.fields);
  if (!mapped.ok)
    throw new AppError('invalid', mapped.error, `line ${mapped.line}: ${mapped.reason}`, mapped.field);
  if (records.length - 1 > MAX_PRICE_ROWS)
    throw new AppError(
      'payload-too-large',
      'csv-too-many-rows',
      `at most ${MAX_PRICE_ROWS} rows per file`,
      'file',
    );
  const sha256 = createHash('sha256').update(file.text).digest('hex');
  const importId = await insertImport(db, {
    fileName: file.name,
    sha256,
    rowsTotal: records.length - 1,
    by: viewer.personId,
  });
  const finished = storeRows(db, viewer, importId, sha256, records).catch(async (error: unknown) => {
    await failImport(db, importId, error instanceof Error ? error.message : String(error));
    return (await findImport(db, importId))!;
  });
  return { importId, finished };
}

function readRecords(text: string): WfpRecord[] {
  try {
    const rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return rows.map((r) => ({ fields: r.record, line: r.info.lines }));
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new AppError(
      'invalid',
      'csv-malformed',
      `the CSV could not be read${e.lines ? ` at line ${e.lines}` : ''}: ${e.message}`,
      'file',
    );
  }
}

const keyOf = (o: {
  marketId: string;
  commodityId: string;
  priceType: string;
  unitLabel: string;
  currency: string;
  observedOn: string;
}) => `${o.marketId}/${o.commodityId}/${o.priceType}/${o.unitLabel}/${o.currency}/${o.observedOn}`;

async function storeRows(
  db: Db,
  viewer: Viewer,
  importId: string,
  sha256: string,
  records: WfpRecord[],
): Promise<ImportRow> {
  const plan = planWfpImport(records);
  if (!plan.ok) throw new Error(`line ${plan.line}: ${plan.reason}`);
  const observations = plan.observations;
  // Markets and commodities first, each once.
  const marketKey = (o: ScreenedObservation) => `${o.market}\u001f${o.admin1}\u001f${o.admin2}`;
  const markets = [...new Map(observations.map((o) => [marketKey(o), o])).values()];
  const commodities = [...new Map(observations.map((o) => [o.commodity, o])).values()];
  const { marketIds, commodityIds } = await db.transaction().execute(async (tx) => ({
    marketIds: await upsertMarkets(
      tx,
      markets.map((o) => ({
        name: o.market,
        admin1: o.admin1,
        admin2: o.admin2,
        sourceCode: o.marketId || null,
        latitude: o.latitude,
        longitude: o.longitude,
      })),
    ),
    commodityIds: await upsertCommodities(
      tx,
      commodities.map((o) => ({
        name: o.commodity,
        category: o.category,
        sourceCode: o.commodityId || null,
      })),
    ),
  }));
  const marketIdOf = new Map(markets.map((o, i) => [marketKey(o), marketIds[i]!]));
  const commodityIdOf = new Map(commodities.map((o, i) => [o.commodity, commodityIds[i]!]));
  const incoming: NewObservation[] = observations.map((o) => {
    const flagged = o.screen.isOutlier || o.screen.isLevelShift;
    return {
      marketId: marketIdOf.get(marketKey(o))!,
      commodityId: commodityIdOf.get(o.commodity)!,
      priceType: o.priceType,
      unitLabel: o.unit,
      baseUnit: o.baseUnit,
      baseQuantity: o.baseQuantity,
      currency: o.currency,
      observedOn: o.date,
      priceCents: o.priceCents,
      basePriceCents: o.basePriceCents,
      isOutlier: o.screen.isOutlier,
      outlierReason: flagged ? o.screen.reason : null,
      outlierRatio: flagged ? o.screen.ratio : null,
    };
  });
  const pairs = [...new Map(incoming.map((o) => [`${o.marketId}/${o.commodityId}`, o])).values()].map(
    (o) => ({
      marketId: o.marketId,
      commodityId: o.commodityId,
    }),
  );
  const stored = await storedPrices(db, pairs);
  const added: NewObservation[] = [];
  const rejections: ImportRow['rejections'] = plan.rejections.map((r) => ({ ...r }));
  let alreadyPresent = 0;
  let conflicts = 0;
  for (const [i, o] of incoming.entries()) {
    const storedPrice = stored.get(keyOf(o));
    if (storedPrice === undefined) added.push(o);
    else if (storedPrice === o.priceCents) alreadyPresent += 1;
    else {
      conflicts += 1;
      rejections.push({
        line: observations[i]!.line,
        error: 'stored-price-differs',
        field: 'price',
        reason: `already stored at ${(storedPrice / 100).toFixed(2)}; kept as stored`,
      });
    }
  }
  let imported = 0;
  const total = records.length - 1;
  for (let start = 0; start < added.length; start += CHUNK) {
    const chunk = added.slice(start, start + CHUNK);
    const inserted = await db.transaction().execute((tx) => insertObservations(tx, importId, chunk));
    imported += inserted;
    // A key another import stored meanwhile was skipped: it is present, not new.
    alreadyPresent += chunk.length - inserted;
    await setImportProgress(
      db,
      importId,
      Math.min(total, Math.round((total * (start + chunk.length)) / added.length)),
    );
  }
  // The file's verdicts stand for series nothing was stored of; a series that had stored observations
  // and received new ones is screened again over all of them (a new month may follow a stored outlier).
  const pairKey = (p: { marketId: string; commodityId: string }) => `${p.marketId}/${p.commodityId}`;
  const hadStored = new Set([...stored.keys()].map((k) => k.split('/').slice(0, 2).join('/')));
  const grew = new Set(added.map(pairKey));
  await rescreen(
    db,
    pairs.filter((p) => hadStored.has(pairKey(p)) && grew.has(pairKey(p))),
  );
  const outliers = await outliersAmong(db, pairs);
  await db.transaction().execute(async (tx) => {
    await finishImport(tx, importId, {
      imported,
      alreadyPresent,
      conflicts,
      rejected: plan.rejections.length,
      outliers,
      rejections: rejections.sort((a, b) => a.line - b.line),
    });
    await appendLedgerEntry(tx, {
      chainId: INSTANCE_CHAIN,
      kind: 'price-import.done',
      actorPersonId: viewer.personId,
      payload: {
        importId,
        sha256,
        rows: total,
        imported,
        alreadyPresent,
        conflicts,
        rejected: plan.rejections.length,
        outliers,
      },
    });
  });
  return (await findImport(db, importId))!;
}

/** Screens these series over everything stored and writes the verdicts that changed. */
async function rescreen(db: Db, pairs: Array<{ marketId: string; commodityId: string }>): Promise<void> {
  if (pairs.length === 0) return;
  const rows = await observationsOf(db, { pairs });
  const verdicts = screenOutliers(
    rows.map((r) => ({
      seriesKey: `${r.market_id}/${r.commodity_id}/${r.price_type}/${r.unit_label}/${r.currency}`,
      date: r.observed_on,
      priceCents: r.price_cents,
    })),
  );
  const changed = rows.flatMap((r, i) => {
    const v = verdicts[i]!;
    const flagged = v.isOutlier || v.isLevelShift;
    const reason = flagged ? v.reason : null;
    return r.is_outlier === v.isOutlier && r.outlier_reason === reason
      ? []
      : [{ id: r.id, isOutlier: v.isOutlier, reason, ratio: flagged ? v.ratio : null }];
  });
  await db.transaction().execute((tx) => setOutlierFlags(tx, changed));
}
