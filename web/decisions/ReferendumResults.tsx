// A closed referendum counted per council: one row per council in tree order, indented by depth — yes,
// no and abstain in votes and shares (or, for an election, who was elected), the outcome in words, and
// turnout (ballots of the members entitled). Shown only for a closed referendum of the members below.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll, ReferendumCouncilResult, ReferendumResultsByCouncil } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice } from '../ui/index.ts';
import { decisionErrorText } from './decisions-text.ts';
import { rowsWithDepth, turnoutPercent, YES_NO_CHOICES, yesNoShares } from './referendum-results.ts';

function ResultCells({ poll, council }: { poll: Poll; council: ReferendumCouncilResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const result = council.result;
  if (result.method !== 'yes-no') {
    const names = result.elected.map((option) => poll.options[option]?.label ?? `#${option + 1}`);
    return (
      <td colSpan={3}>
        {names.length > 0 ? names.join(', ') : t('decisions.referendum.noneElected')}
        <span className="small muted"> · {t('decisions.referendum.blank', { count: result.blank })}</span>
      </td>
    );
  }
  const shares = yesNoShares(result.totals);
  return (
    <>
      {YES_NO_CHOICES.map((choice) => (
        <td key={choice} className="numeric">
          {format.number(shares.votes[choice])}
          <br />
          <span className="small muted">{format.number(shares.percent[choice])} %</span>
        </td>
      ))}
    </>
  );
}

export function ReferendumResults({ poll }: { poll: Poll }) {
  const shown = poll.kind === 'referendum' && poll.status === 'closed' && poll.electorate === 'members-below';
  return shown ? <ResultsByCouncil poll={poll} /> : null;
}

function ResultsByCouncil({ poll }: { poll: Poll }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = useId();
  const results = useApi<ReferendumResultsByCouncil>(
    `/polls/${encodeURIComponent(poll.id)}/results-by-council`,
  );
  const rows = results.data ? rowsWithDepth(results.data.councils) : [];
  const isYesNo = poll.method === 'yes-no';

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('decisions.referendum.title')}
      </h2>
      <p className="muted">{t('decisions.referendum.lead')}</p>
      {results.isLoading && !results.data && <Loading label={t('decisions.referendum.loading')} />}
      {results.error !== null && (
        <Notice tone="error" live="alert">
          <p>{decisionErrorText(results.error, i18n)}</p>
          <p>
            <Button variant="secondary" onClick={results.reload}>
              {t('common.retry')}
            </Button>
          </p>
        </Notice>
      )}
      {results.data &&
        (rows.length === 0 ? (
          <p>{t('decisions.referendum.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table seat-table">
              <caption>{t('decisions.referendum.caption', { title: poll.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('decisions.referendum.council')}</th>
                  {isYesNo ? (
                    YES_NO_CHOICES.map((choice) => (
                      <th key={choice} scope="col" className="numeric">
                        {t(`decisions.choice.${choice}`)}
                      </th>
                    ))
                  ) : (
                    <th scope="col" colSpan={3}>
                      {t('decisions.referendum.elected')}
                    </th>
                  )}
                  <th scope="col">{t('decisions.referendum.outcome')}</th>
                  <th scope="col" className="numeric">
                    {t('decisions.referendum.turnout')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ council, depth, parentName }) => {
                  const turnout = turnoutPercent(council.ballots, council.entitledMillis);
                  return (
                    <tr key={council.councilId}>
                      <th scope="row" style={{ paddingInlineStart: `calc(0.75rem + ${depth * 1.25}rem)` }}>
                        {depth > 0 && <span aria-hidden="true">└ </span>}
                        {council.name}
                        {parentName && (
                          <span className="visually-hidden">
                            {' '}
                            {t('decisions.referendum.within', { name: parentName })}
                          </span>
                        )}
                      </th>
                      <ResultCells poll={poll} council={council} />
                      <td>{t(`decisions.outcome.${council.outcome}`)}</td>
                      <td className="numeric">
                        {t('decisions.referendum.turnoutValue', {
                          ballots: format.number(council.ballots),
                          entitled: format.number(council.entitledMillis / 1000),
                        })}
                        <br />
                        <span className="small muted">
                          {turnout === null ? '—' : `${format.number(turnout)} %`}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
