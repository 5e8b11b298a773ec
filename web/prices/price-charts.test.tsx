import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import * as comparisonModule from './MarketComparisonChart.tsx';
import { MarketComparisonChart } from './MarketComparisonChart.tsx';
import * as seriesModule from './PriceSeriesChart.tsx';
import { PriceSeriesChart, type PriceSeriesChartLabels } from './PriceSeriesChart.tsx';
import type { ChartObservation } from './price-chart-types.ts';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: {} } } });
});

function obs(marketId: string, date: string, cents: number, flags: Partial<ChartObservation> = {}) {
  return {
    date,
    marketId,
    basePriceCents: cents,
    isOutlier: false,
    isRise: false,
    seasonalZ: null,
    ...flags,
  };
}

const seriesLabels: PriceSeriesChartLabels = {
  price: 'Price',
  cap: 'Cap',
  rise: 'Rise',
  outlier: 'Outlier',
  report: 'Report',
  loadFailed: 'The chart could not be loaded.',
};

describe('the chart modules', () => {
  it('export their component both by name and as default, for React.lazy', () => {
    expect(seriesModule.default).toBe(seriesModule.PriceSeriesChart);
    expect(comparisonModule.default).toBe(comparisonModule.MarketComparisonChart);
  });
});

describe('PriceSeriesChart', () => {
  const observations = [
    obs('m', '2024-01-05', 1000),
    obs('m', '2024-02-05', 1250, { isRise: true }),
    obs('m', '2024-03-05', 1100, { isOutlier: true }),
  ];
  const caps = [{ validFrom: '2024-01-01', validTo: null, capCents: 1200, councilName: 'Cabildo' }];
  const reports = [{ observedOn: '2024-02-06', basePriceCents: 1500, isViolation: true }];
  const render = (labels: PriceSeriesChartLabels, only = observations) =>
    renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <PriceSeriesChart
          observations={only}
          caps={caps}
          reports={reports}
          title="Rice, La Paz"
          labels={labels}
        />
      </I18nextProvider>,
    );

  it('hides the canvas from screen readers and names the figure by its caption', () => {
    const html = render(seriesLabels);
    expect(html).toMatch(/<figure class="price-chart" aria-labelledby="([^"]+)">.*<figcaption id="\1">/);
    expect(html).toContain('<div class="price-chart-canvas" aria-hidden="true"></div>');
  });

  it('keys every series in a legend of words beside shapes and dashes', () => {
    const html = render(seriesLabels);
    const legend = html.match(/<ul class="price-chart-legend">(.*?)<\/ul>/)?.[1] ?? '';
    expect(legend.match(/<li>/g)).toHaveLength(5);
    expect(legend).toContain('stroke-dasharray="8 4"'); // the cap
    expect(legend.match(/<polygon/g)).toHaveLength(3); // rise, outlier, report
    for (const label of ['Price', 'Cap', 'Rise', 'Outlier', 'Report'])
      expect(legend).toContain(`</svg>${label}</li>`);
  });

  it('says in words what the chart shows, with the page’s sentence when it gives one', () => {
    expect(render(seriesLabels)).toContain(
      'Price: 3 (Jan 5, 2024 – Mar 5, 2024); &gt; Cap: 1; Rise: 1; Outlier: 1; Report: 1',
    );
    const sentence = render({
      ...seriesLabels,
      caption: (w) =>
        `${w.observationCount} prices from ${w.from} to ${w.to}; ${w.aboveCapCount} above the cap`,
    });
    expect(sentence).toContain('3 prices from Jan 5, 2024 to Mar 5, 2024; 1 above the cap');
  });

  it('offers the values as a table when the page names its date column', () => {
    expect(render(seriesLabels)).not.toContain('<table');
    const html = render({ ...seriesLabels, date: 'Date', showTable: 'Show the values' });
    expect(html).toContain('<summary>Show the values</summary>');
    expect(html).toContain('<th scope="col">Date</th><th scope="col">Price</th>');
    expect(html).toContain('<th scope="row">Feb 5, 2024</th><td class="numeric">12.50 (Rise)</td>');
    expect(html).toContain(
      '<th scope="row">Feb 6, 2024</th><td class="numeric"></td><td class="numeric">12.00</td>',
    );
  });

  it('draws no canvas for a single day, and still says what there is', () => {
    const html = render(seriesLabels, []);
    expect(html).not.toContain('price-chart-canvas');
    expect(html).toContain('Price: 0; &gt; Cap: 0');
  });
});

describe('MarketComparisonChart', () => {
  const markets = [
    { id: 'c', name: 'Oruro' },
    { id: 'b', name: 'El Alto' },
    { id: 'a', name: 'La Paz' },
  ];
  const observations = [
    obs('a', '2024-01-05', 1200),
    obs('a', '2024-02-05', 1500),
    obs('b', '2024-01-05', 2000),
    obs('b', '2024-02-05', 2200),
  ];
  const render = () =>
    renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <MarketComparisonChart
          observations={observations}
          markets={markets}
          title="Rice by market"
          labels={{
            market: 'Market',
            latestPrice: 'Latest price',
            change12m: 'Change in 12 months',
            maxJump: 'Largest monthly rise',
            jumpDate: 'When',
            tableCaption: 'Where prices jumped',
            none: 'no data',
            loadFailed: 'The chart could not be loaded.',
          }}
        />
      </I18nextProvider>,
    );

  it('tabulates where prices jumped, largest jump first, in a captioned table with scoped headings', () => {
    const html = render();
    expect(html).toMatch(
      /<table class="data-table price-chart-summary"><caption id="[^"]+">Where prices jumped<\/caption>/,
    );
    expect(html).toContain('<th scope="col">Market</th><th scope="col">Largest monthly rise</th>');
    const rows = [...html.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((match) => match[1]);
    expect(rows).toEqual(['La Paz', 'El Alto', 'Oruro']);
    expect(html).toContain(
      '<th scope="row">La Paz</th><td class="numeric">+25%</td><td>Feb 5, 2024</td><td class="numeric">15.00</td><td class="numeric">no data</td>',
    );
    expect(html).toContain('<th scope="row">Oruro</th><td class="numeric">no data</td><td>no data</td>');
  });

  it('keys each market’s line by a dash of its own as well as a colour', () => {
    const html = render();
    const legend = html.match(/<ul class="price-chart-legend">(.*?)<\/ul>/)?.[1] ?? '';
    const dashes = [...legend.matchAll(/<line [^>]*>/g)].map(
      (m) => m[0].match(/stroke-dasharray="([^"]+)"/)?.[1],
    );
    expect(dashes).toEqual([undefined, '8 4', '2 3']);
    expect(legend).toContain('</svg>Oruro</li>');
  });
});
