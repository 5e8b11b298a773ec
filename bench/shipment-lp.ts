// The shipment plan as linear programs for HiGHS, to check planShipments against an independent
// solver (the bench and the property test share it). One variable x_r ≥ 0 per route; three LPs solved
// in turn, as the plan's objectives are lexicographic:
//   1. max t  s.t. Σ_r from depot i x_r ≤ supply_i,  Σ_r to council j x_r ≤ demand_j,
//                  Σ_r to council j x_r ≥ t × demand_j for demand_j > 0,  0 ≤ t ≤ 1;
//   2. max Σ x_r  with each council's receipt between its guaranteed floor(t* × demand_j) and demand_j;
//   3. min Σ cost_r × x_r  with those bounds and Σ x_r ≥ the maximum of 2.
// With whole-number data the flow constraint matrix is totally unimodular, so LPs 2 and 3 have
// whole-number optima and their values must equal what the flow algorithm finds.
import loadHighs, { type Highs } from 'highs';
import type { ShipmentPlanInput } from '../core/supply/shipment-plan.ts';

export const loadLpSolver = (): Promise<Highs> => loadHighs();

export interface LpPlan {
  fairRatio: number;
  /** floor(fairRatio × demand), from HiGHS's ratio unless the caller gave its own. */
  guaranteed: number[];
  totalShipped: number;
  totalCost: number;
  /** HiGHS's own solve time for the three LPs, without building the models. */
  solverMs: number;
}

interface Row {
  columns: number[];
  values: number[];
  lower: number;
  upper: number;
}

/**
 * `guaranteed` fixes LP 2 and 3's lower bounds (to compare costs on the same bounds); without it they
 * come from HiGHS's t*, rounded down after a 1e-9 relative allowance for the solver's tolerance.
 */
export function solveShipmentLp(highs: Highs, input: ShipmentPlanInput, guaranteed?: number[]): LpPlan {
  const depotRow = new Map(input.depots.map((d, i) => [d.id, i]));
  const councilRow = new Map(input.councils.map((c, j) => [c.id, input.depots.length + j]));
  const routeCount = input.routes.length;
  const flowRows = (lowerOf: (j: number) => number): Row[] => {
    const rows: Row[] = [
      ...input.depots.map((d) => ({ columns: [], values: [], lower: 0, upper: d.supply })),
      ...input.councils.map((c, j) => ({ columns: [], values: [], lower: lowerOf(j), upper: c.demand })),
    ];
    input.routes.forEach((r, k) => {
      for (const row of [rows[depotRow.get(r.depotId)!]!, rows[councilRow.get(r.councilId)!]!]) {
        row.columns.push(k);
        row.values.push(1);
      }
    });
    return rows;
  };
  let solverMs = 0;
  const solve = (columnCount: number, rows: Row[], cost: number[], isMax: boolean, upper?: number[]) => {
    const { value, ms } = runLp(highs, columnCount, rows, cost, isMax, upper);
    solverMs += ms;
    return { value };
  };

  // 1. The fair ratio t, column routeCount.
  const ratioRows = flowRows(() => 0);
  for (const c of input.councils) {
    if (c.demand === 0) continue;
    const row = ratioRows[councilRow.get(c.id)!]!;
    ratioRows.push({
      columns: [...row.columns, routeCount],
      values: [...row.values, -c.demand],
      lower: 0,
      upper: Number.POSITIVE_INFINITY,
    });
  }
  const ratioCost = [...new Array<number>(routeCount).fill(0), 1];
  const ratioUpper = [...new Array<number>(routeCount).fill(Number.POSITIVE_INFINITY), 1];
  const fairRatio = solve(routeCount + 1, ratioRows, ratioCost, true, ratioUpper).value;

  const lower = guaranteed ?? input.councils.map((c) => Math.floor(fairRatio * c.demand * (1 + 1e-9) + 1e-9));
  if (routeCount === 0) return { fairRatio, guaranteed: lower, totalShipped: 0, totalCost: 0, solverMs };

  // 2. The largest total within the guarantees.
  const boundedRows = flowRows((j) => lower[j]!);
  const totalShipped = solve(routeCount, boundedRows, new Array<number>(routeCount).fill(1), true).value;

  // 3. The least cost for that total (rounded: the optimum is a whole number).
  const all = Array.from({ length: routeCount }, (_, k) => k);
  boundedRows.push({
    columns: all,
    values: all.map(() => 1),
    lower: Math.round(totalShipped),
    upper: Number.POSITIVE_INFINITY,
  });
  const totalCost = solve(
    routeCount,
    boundedRows,
    input.routes.map((r) => r.costPerUnit),
    false,
  ).value;
  return { fairRatio, guaranteed: lower, totalShipped, totalCost, solverMs };
}

function runLp(
  highs: Highs,
  columnCount: number,
  rows: Row[],
  cost: number[],
  isMax: boolean,
  upper?: number[],
): { value: number; ms: number } {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    for (let k = 0; k < row.columns.length; k += 1) {
      indices.push(row.columns[k]!);
      values.push(row.values[k]!);
    }
    starts.push(indices.length);
  }
  const infinity = highs.infinity;
  const bound = (x: number) => (x === Number.POSITIVE_INFINITY ? infinity : x);
  const model = highs.createModel({
    numCols: columnCount,
    numRows: rows.length,
    sense: isMax ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: cost,
    colLower: new Array<number>(columnCount).fill(0),
    colUpper: upper?.map(bound) ?? new Array<number>(columnCount).fill(infinity),
    rowLower: rows.map((r) => bound(r.lower)),
    rowUpper: rows.map((r) => bound(r.upper)),
    matrix: { format: 'csr', numRows: rows.length, numCols: columnCount, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    const start = performance.now();
    model.run();
    const ms = performance.now() - start;
    const status = model.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS ended with status ${status}`);
    return { value: model.getObjectiveValue(), ms };
  } finally {
    model.dispose();
  }
}
