// The round-by-round table of a count, as a returning officer's result sheet: one column group per
// stage (transfer and total), every candidate's value at every stage, the non-transferable value, value
// lost to rounding, the quota, what happened to each candidate, and the notes saying why. A real <table>
// with a <caption> and scoped headers so a screen reader announces "Stage 3, Total, Ann ADAMS: 34".
// Text comes from the `t` prop (keys and English wording in core/decisions/counting/explain-tally.ts,
// TALLY_TEXT), so the lead can wire it to i18next without this file importing it.
import {
  formatTransfer,
  stageLabel,
  statusLabel,
  type TallyCell,
  type TallyTranslate,
  tallyTableModel,
} from '../../core/decisions/counting/explain-tally.ts';
import type { Tally } from '../../core/decisions/counting/tally.ts';

export interface TallyTableProps {
  tally: Tally;
  t: TallyTranslate;
  /** The election's title, shown in the caption before the method. */
  title?: string;
  /** Show the per-stage notes (why each candidate was elected or excluded) below the table. Default true. */
  showNotes?: boolean;
}

export function TallyTable({ tally, t, title, showNotes = true }: TallyTableProps) {
  const m = tallyTableModel(tally);
  const withTransfer = (k: number) => k > 0 && m.hasTransfers;
  const showQuotaRow = m.stages.some((s) => s.quota !== undefined);
  const names = tally.candidates;
  const caption = t('tally.caption', { method: t(`tally.method.${m.method}`), seats: m.seats });

  const valueCells = (cells: TallyCell[] | undefined, key: string) =>
    m.stages.flatMap((head, k) => {
      const cell = cells?.[k];
      const total = <td key={`${key}-${head.stage}-total`}>{cell?.total ?? ''}</td>;
      return withTransfer(k)
        ? [<td key={`${key}-${head.stage}-transfer`}>{formatTransfer(cell?.transfer)}</td>, total]
        : [total];
    });
  const plainCells = (values: string[], key: string) =>
    m.stages.flatMap((head, k) => {
      const total = <td key={`${key}-${head.stage}-total`}>{values[k] ?? ''}</td>;
      return withTransfer(k) ? [<td key={`${key}-${head.stage}-transfer`} />, total] : [total];
    });

  return (
    <div className="tally">
      <div className="tally-scroll">
        <table className="tally-table">
          <caption>
            {title ? `${title} — ` : ''}
            {caption}
            <span className="tally-facts">
              {' '}
              ({t('tally.valid')}: {m.valid}
              {m.quota !== undefined ? `; ${t('tally.quota')}: ${m.quota}` : ''}
              {m.seed !== undefined ? `; ${t('tally.seed')}: ${m.seed}` : ''})
            </span>
          </caption>
          <colgroup>
            <col />
          </colgroup>
          {m.stages.map((head, k) => (
            <colgroup key={head.stage} span={withTransfer(k) ? 2 : 1} />
          ))}
          <colgroup>
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('tally.candidate')}
              </th>
              {m.stages.map((head, k) => (
                <th key={head.stage} scope="colgroup" colSpan={withTransfer(k) ? 2 : 1}>
                  {t('tally.stage', { stage: head.stage })}
                  <br />
                  <span className="tally-stage-action">{stageLabel(head, t)}</span>
                </th>
              ))}
              <th scope="col" rowSpan={2}>
                {t('tally.result')}
              </th>
            </tr>
            <tr>
              {m.stages.flatMap((head, k) => {
                const total = (
                  <th key={`${head.stage}-total`} scope="col">
                    {t('tally.total')}
                  </th>
                );
                return withTransfer(k)
                  ? [
                      <th key={`${head.stage}-transfer`} scope="col">
                        {t('tally.transfer')}
                      </th>,
                      total,
                    ]
                  : [total];
              })}
            </tr>
          </thead>
          <tbody>
            {m.candidates.map((row) => (
              <tr key={row.candidate} data-status={row.status}>
                <th scope="row">{row.name}</th>
                {valueCells(row.cells, `c${row.candidate}`)}
                <td>{statusLabel(row, t)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('tally.exhausted')}</th>
              {valueCells(m.exhausted, 'exhausted')}
              <td />
            </tr>
            {m.lost && (
              <tr>
                <th scope="row">{t('tally.lost')}</th>
                {valueCells(m.lost, 'lost')}
                <td />
              </tr>
            )}
            <tr>
              <th scope="row">{t('tally.sum')}</th>
              {plainCells(m.sums, 'sum')}
              <td />
            </tr>
            {showQuotaRow && (
              <tr>
                <th scope="row">{t('tally.quota')}</th>
                {plainCells(
                  m.stages.map((s) => s.quota ?? m.quota ?? ''),
                  'quota',
                )}
                <td />
              </tr>
            )}
          </tfoot>
        </table>
      </div>
      {m.keepValues && (
        <div className="tally-scroll">
          <table className="tally-table tally-keep-values">
            <caption>{t('tally.keepValues')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tally.candidate')}</th>
                {m.stages.map((head) => (
                  <th key={head.stage} scope="col">
                    {t('tally.stage', { stage: head.stage })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.candidates.map((row) => (
                <tr key={row.candidate} data-status={row.status}>
                  <th scope="row">{row.name}</th>
                  {m.stages.map((head, k) => (
                    <td key={head.stage}>{m.keepValues?.[row.candidate]?.[k] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {showNotes && m.notes.some((n) => n.notes.length > 0) && (
        <section className="tally-notes">
          <h3>{t('tally.notes')}</h3>
          <ol>
            {m.notes
              .filter((n) => n.notes.length > 0)
              .map((n) => (
                <li key={n.stage} value={n.stage}>
                  <strong>
                    {t('tally.stage', { stage: n.stage })}: {stageLabel(n, t)}
                  </strong>
                  <ul>
                    {n.notes.map((note, i) => (
                      // Notes of one stage are fixed once counted, so the index is a stable key.
                      // biome-ignore lint/suspicious/noArrayIndexKey: notes are immutable per stage
                      <li key={i}>{note}</li>
                    ))}
                  </ul>
                </li>
              ))}
          </ol>
        </section>
      )}
      {tally.tieBreaks.length > 0 && (
        <section className="tally-ties">
          <h3>{t('tally.tieBreaks')}</h3>
          <ul>
            {tally.tieBreaks.map((tb) => (
              <li key={`${tb.stage}-${tb.chosen}-${tb.tied.join('-')}`}>
                {t('tally.tieBreak', {
                  stage: tb.stage,
                  tied: tb.tied.map((c) => names[c] ?? `#${c + 1}`).join(', '),
                  chosen: names[tb.chosen] ?? `#${tb.chosen + 1}`,
                  by: tb.by,
                  deciding:
                    tb.decidingStage !== undefined
                      ? ` (${t('tally.stage', { stage: tb.decidingStage })})`
                      : '',
                  seed: tb.seed !== undefined ? ` (${t('tally.seed')}: ${tb.seed})` : '',
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {tally.ranking && tally.ranking.length > 0 && (
        <section className="tally-ranking">
          <h3>{t('tally.ranking')}</h3>
          <ol>
            {tally.ranking.map((tier) => (
              <li key={tier.join('-')}>{tier.map((c) => names[c] ?? `#${c + 1}`).join(' = ')}</li>
            ))}
          </ol>
        </section>
      )}
      <section className="tally-elected">
        <h3>{t('tally.elected')}</h3>
        <ol>
          {tally.elected.map((c) => (
            <li key={c}>{names[c] ?? `#${c + 1}`}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
