// Colours, shapes and dash patterns of the price charts. Every colour is a graphic on a white plot, so it
// must reach 3:1 against white (WCAG 2.1 1.4.11); no series is told apart by colour alone (1.4.1): each
// mark has its own shape and each line its own dash. Values are the house colours of web/ui/styles.css
// where one fits (canvas cannot read CSS variables), plus a purple and a teal of the same depth.

export type MarkShape = 'triangle' | 'diamond' | 'square';

export const SERIES_STYLE = {
  price: { colour: '#1c4b87' }, // --color-link
  cap: { colour: '#1b6332', dash: [8, 4] }, // --color-success
  rise: { colour: '#9e1b1b', shape: 'triangle' }, // --color-danger
  outlier: { colour: '#6e4400', shape: 'diamond' }, // --color-warning
  report: { colour: '#5a2d82', shape: 'square' },
} as const satisfies Record<string, { colour: string; dash?: number[]; shape?: MarkShape }>;

/** One line per market: the n-th market takes the n-th colour and the n-th dash (both cycle). */
export const MARKET_COLOURS = ['#1c4b87', '#9e1b1b', '#1b6332', '#6e4400', '#5a2d82', '#00606b'] as const;
/** Dash patterns in CSS pixels; [] is solid. Seven patterns against six colours: a pair repeats after 42. */
export const MARKET_DASHES: readonly (readonly number[])[] = [
  [],
  [8, 4],
  [2, 3],
  [10, 3, 2, 3],
  [4, 4],
  [12, 4, 2, 4, 2, 4],
  [1, 6],
];

export function marketStyle(index: number): { colour: string; dash: readonly number[] } {
  return {
    colour: MARKET_COLOURS[index % MARKET_COLOURS.length] ?? MARKET_COLOURS[0],
    dash: MARKET_DASHES[index % MARKET_DASHES.length] ?? [],
  };
}

function channel(hex: string, at: number): number {
  const value = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.1 contrast ratio of a #rrggbb colour against white. */
export function contrastOnWhite(hex: string): number {
  const luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  return 1.05 / (luminance + 0.05);
}
