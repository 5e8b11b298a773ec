// A shipment plan drawn simply: the body's depots on the left, the receiving councils (their depots) on
// the right, and a line for each shipment whose thickness is proportional to its quantity. Plain inline
// SVG, no library. It is one image to assistive technology (role="img" with a summary in words); the
// plan's table above it is the accessible equivalent with every figure.
import { useTranslation } from 'react-i18next';
import { useQuantity } from './quantity.ts';
import type { PlanLine } from './supply-types.ts';

const WIDTH = 360;
const ROW = 72;
const TOP = 30;
const LINE = 15;
/** Labels sit outside the flows: left of the depots' column, right of the councils' column. */
const NODE_X = { left: 124, right: WIDTH - 124 };
const LABEL_GAP = 10;
const MAX_STROKE = 18;
const MIN_STROKE = 2;
/** About what fits in a label column at 13 px; names wrap on two lines, then are cut (the table has them whole). */
const LINE_CHARS = 16;

interface Node {
  id: string;
  name: string;
  detail: string;
  totalMilli: bigint;
}

/** A name on at most two lines of about LINE_CHARS, cut with an ellipsis when longer. */
export function wrapLabel(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= LINE_CHARS || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const cut = (line: string) => (line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS - 1)}…` : line);
  if (lines.length <= 2) return lines.map(cut);
  return [cut(lines[0] ?? ''), `${(lines[1] ?? '').slice(0, LINE_CHARS - 1)}…`];
}

function nodesOf(lines: PlanLine[], side: 'from' | 'to'): Node[] {
  const nodes = new Map<string, Node>();
  for (const line of lines) {
    const id = side === 'from' ? line.fromDepotId : line.toDepotId;
    const node = nodes.get(id) ?? {
      id,
      name: side === 'from' ? line.fromDepotName : line.toCouncilName,
      detail: side === 'from' ? '' : line.toDepotName,
      totalMilli: 0n,
    };
    node.totalMilli += BigInt(line.quantityMilli);
    nodes.set(id, node);
  }
  return [...nodes.values()];
}

/** The y of each node: the shorter column is centred against the taller one. */
function placed(nodes: Node[], rows: number): Map<string, number> {
  const offset = ((rows - nodes.length) * ROW) / 2;
  return new Map(nodes.map((node, index) => [node.id, TOP + offset + index * ROW + ROW / 2]));
}

export function ShipmentDiagram({ lines, unit }: { lines: PlanLine[]; unit: string }) {
  const { t } = useTranslation();
  const { quantity } = useQuantity();
  const from = nodesOf(lines, 'from');
  const to = nodesOf(lines, 'to');
  const rows = Math.max(from.length, to.length, 1);
  const height = TOP + rows * ROW;
  const fromY = placed(from, rows);
  const toY = placed(to, rows);
  const largest = lines.reduce((max, line) => {
    const value = BigInt(line.quantityMilli);
    return value > max ? value : max;
  }, 1n);
  const summary = [
    t('supply.diagram.summary', { depots: from.length, councils: to.length }),
    ...lines.map((line) =>
      t('supply.diagram.lineText', {
        from: line.fromDepotName,
        to: `${line.toCouncilName} (${line.toDepotName})`,
        quantity: quantity(line.quantityMilli, unit),
      }),
    ),
  ].join(' ');
  const middle = WIDTH / 2;

  return (
    <figure className="plan-diagram">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMin meet"
      >
        <text x={NODE_X.left - LABEL_GAP} y={14} textAnchor="end" className="plan-diagram-heading">
          {t('supply.diagram.depots')}
        </text>
        <text x={NODE_X.right + LABEL_GAP} y={14} className="plan-diagram-heading">
          {t('supply.diagram.councils')}
        </text>
        {lines.map((line) => {
          const y1 = fromY.get(line.fromDepotId) ?? 0;
          const y2 = toY.get(line.toDepotId) ?? 0;
          const share = Number((BigInt(line.quantityMilli) * 1000n) / largest) / 1000;
          const stroke = Math.max(MIN_STROKE, share * MAX_STROKE);
          return (
            <path
              key={`${line.fromDepotId}/${line.requisitionId}`}
              className="plan-diagram-flow"
              d={`M ${NODE_X.left} ${y1} C ${middle} ${y1}, ${middle} ${y2}, ${NODE_X.right} ${y2}`}
              strokeWidth={stroke}
            />
          );
        })}
        {[
          ...from.map((node) => ({ node, side: 'left' as const })),
          ...to.map((node) => ({ node, side: 'right' as const })),
        ].map(({ node, side }) => {
          const isLeft = side === 'left';
          const y = (isLeft ? fromY : toY).get(node.id) ?? 0;
          const x = NODE_X[side];
          const textX = isLeft ? x - LABEL_GAP : x + LABEL_GAP;
          const anchor = isLeft ? 'end' : 'start';
          const name = wrapLabel(node.name);
          const firstY = y - ((name.length + 1) * LINE) / 2 + LINE * 0.75;
          return (
            <g key={`${side}/${node.id}`}>
              <circle
                cx={x}
                cy={y}
                r={6}
                className={isLeft ? 'plan-diagram-node' : 'plan-diagram-node plan-diagram-node--to'}
              />
              <text x={textX} y={firstY} textAnchor={anchor} className="plan-diagram-name">
                {name.map((line, index) => (
                  <tspan key={line} x={textX} dy={index === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              <text
                x={textX}
                y={firstY + name.length * LINE}
                textAnchor={anchor}
                className="plan-diagram-amount"
              >
                {isLeft
                  ? t('supply.diagram.sends', { quantity: quantity(node.totalMilli, unit) })
                  : t('supply.diagram.receives', { quantity: quantity(node.totalMilli, unit) })}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t('supply.diagram.caption')}</figcaption>
    </figure>
  );
}
