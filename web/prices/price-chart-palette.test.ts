import { describe, expect, it } from 'vitest';
import {
  contrastOnWhite,
  MARKET_COLOURS,
  MARKET_DASHES,
  marketStyle,
  SERIES_STYLE,
} from './price-chart-palette.ts';

describe('contrastOnWhite', () => {
  it.each([
    ['#000000', 21],
    ['#ffffff', 1],
    ['#767676', 4.54], // the classic lightest grey that passes 4.5:1
    ['#949494', 3.03], // and the lightest that passes 3:1
  ])('gives %s a ratio of %d', (hex, ratio) => {
    expect(contrastOnWhite(hex)).toBeCloseTo(ratio, 2);
  });
});

describe('price chart palette', () => {
  const colours = [...Object.values(SERIES_STYLE).map((style) => style.colour), ...MARKET_COLOURS];
  it.each(colours)('draws %s at 3:1 or more against the white plot', (colour) => {
    expect(contrastOnWhite(colour)).toBeGreaterThanOrEqual(3);
  });

  it('gives every mark its own shape and every series its own colour', () => {
    const marks = [SERIES_STYLE.rise, SERIES_STYLE.outlier, SERIES_STYLE.report];
    expect(new Set(marks.map((mark) => mark.shape)).size).toBe(3);
    expect(new Set(Object.values(SERIES_STYLE).map((style) => style.colour)).size).toBe(5);
  });

  it('tells the first markets apart by dash as well as colour', () => {
    const styles = Array.from({ length: MARKET_DASHES.length }, (_, i) => marketStyle(i));
    expect(new Set(styles.map((style) => style.dash.join(','))).size).toBe(MARKET_DASHES.length);
    expect(marketStyle(MARKET_COLOURS.length).colour).toBe(MARKET_COLOURS[0]);
    expect(marketStyle(MARKET_COLOURS.length).dash).not.toEqual(marketStyle(0).dash);
  });
});
