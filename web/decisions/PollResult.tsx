// A closed poll: its result (yes-no totals as numbers and bars, the outcome in words; an election's
// elected list and round-by-round table), the published ballots with a field to find one's receipt,
// the seal check against the ledger, and the list as JSON for anyone to recount.
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tally } from '../../core/decisions/counting/tally.ts';
import { API_BASE } from '../app/api-client.ts';
import type {
  Poll,
  PollSeal,
  PublishedBallots,
  PollResult as Result,
  YesNoChoice,
} from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice, TextField } from '../ui/index.ts';
import { findReceipt } from './ballot-form.ts';
import { decisionErrorText, useVotes } from './decisions-text.ts';
import { TallyTable } from './TallyTable.tsx';

const CHOICES: YesNoChoice[] = ['yes', 'no', 'abstain'];
/** Above this many ballots the list starts folded: a phone on a slow network need not lay out thousands. */
const FOLD_ABOVE = 100;

function YesNoResult({ result }: { result: Extract<Result, { method: 'yes-no' }> }) {
  const { t } = useTranslation();
  const votes = useVotes();
  const format = useFormat();
  const cast = CHOICES.reduce((sum, choice) => sum + result.totals[choice], 0);
  return (
    <>
      <table className="data-table result-table">
        <caption className="visually-hidden">{t('decisions.result.totalsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('decisions.result.choice')}</th>
            <th scope="col">{t('decisions.result.votes')}</th>
            <th scope="col">{t('decisions.result.share')}</th>
          </tr>
        </thead>
        <tbody>
          {CHOICES.map((choice) => {
            const share = cast > 0 ? result.totals[choice] / cast : 0;
            return (
              <tr key={choice}>
                <th scope="row">{t(`decisions.choice.${choice}`)}</th>
                <td>{votes(result.totals[choice])}</td>
                <td className="result-share">
                  <span className="result-bar" aria-hidden="true">
                    <span
                      className={`result-fill result-fill--${choice}`}
                      style={{ width: `${share * 100}%` }}
                    />
                  </span>
                  {format.number(Math.round(share * 1000) / 10)} %
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">
        {t('decisions.result.base', {
          base: t(`decisions.base.${result.base}`),
          votes: votes(result.baseMillis),
          count: result.ballots,
        })}
      </p>
    </>
  );
}

function ElectionResult({ poll, result }: { poll: Poll; result: Exclude<Result, { method: 'yes-no' }> }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        {t('decisions.result.ballotsBlank', { count: result.ballots, blank: result.blank })}
      </p>
      {result.elected.length > 0 && (
        <>
          <h3>{t('decisions.result.elected')}</h3>
          <ol className="elected-list">
            {result.elected.map((option) => (
              <li key={option}>{poll.options[option]?.label ?? `#${option + 1}`}</li>
            ))}
          </ol>
        </>
      )}
      {result.tally !== null && (
        <details className="tally-details">
          <summary>{t('decisions.result.rounds')}</summary>
          <TallyTable
            tally={result.tally as Tally}
            t={(key, vars) => t(`decisions.${key}`, vars ?? {})}
            title={poll.title}
          />
        </details>
      )}
    </>
  );
}

export function ResultPanel({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const base = useId();
  const result = poll.result;
  if (!result) return null;
  const outcome = poll.outcome ?? result.outcome;
  return (
    <section className="panel result" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('decisions.result.title')}
      </h2>
      <p className={`outcome outcome--${outcome}`}>
        <span aria-hidden="true">{outcome === 'adopted' || outcome === 'elected' ? '✓ ' : '✗ '}</span>
        {t(`decisions.outcome.${outcome}`)}
      </p>
      {result.method === 'yes-no' ? (
        <YesNoResult result={result} />
      ) : (
        <ElectionResult poll={poll} result={result} />
      )}
    </section>
  );
}

function contentsText(
  contents: PublishedBallots['ballots'][number]['contents'],
  options: string[],
  method: string,
  votes: (millis: number) => string,
  t: TFunction,
): string {
  if ('marks' in contents) {
    return CHOICES.filter((choice) => contents.marks[choice] > 0)
      .map((choice) => `${t(`decisions.choice.${choice}`)}: ${votes(contents.marks[choice])}`)
      .join(' · ');
  }
  if (contents.ranking.length === 0) return t('decisions.ballots.blank');
  const names = contents.ranking.map((option) => options[option] ?? `#${option + 1}`);
  return method === 'approval' || method === 'plurality' ? names.join(', ') : names.join(' › ');
}

export function PublishedBallotList({ poll }: { poll: Poll }) {
  const { t, i18n } = useTranslation();
  const votes = useVotes();
  const base = useId();
  const list = useApi<PublishedBallots>(`/polls/${encodeURIComponent(poll.id)}/ballots`);
  const seal = useApi<PollSeal>(`/polls/${encodeURIComponent(poll.id)}/seal`);
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<number | null>(null);
  const [lookup, setLookup] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const [isUnfolded, setIsUnfolded] = useState(false);

  function check(event: FormEvent) {
    event.preventDefault();
    if (!list.data) return;
    const index = findReceipt(list.data.ballots, typed);
    const ballot = list.data.ballots[index];
    if (!ballot) {
      setFound(null);
      setLookup({ text: t('decisions.ballots.notFound'), tone: 'error' });
      return;
    }
    setFound(index);
    setLookup({
      text: t('decisions.ballots.found', {
        code: ballot.receiptCode,
        position: index + 1,
        contents: contentsText(ballot.contents, list.data.options, list.data.method, votes, t),
      }),
      tone: 'success',
    });
  }

  const ballots = list.data?.ballots ?? [];
  const isFolded = ballots.length > FOLD_ABOVE && !isUnfolded;
  const shown = isFolded ? ballots.filter((_, index) => index === found) : ballots;
  const hasNames = ballots.some((ballot) => ballot.voterName !== null);

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('decisions.ballots.title')}
      </h2>
      <p>{t('decisions.ballots.lead')}</p>
      {seal.data && (
        <Notice tone={seal.data.matches ? 'success' : 'error'}>
          <p className="seal-state">
            <span aria-hidden="true">{seal.data.matches ? '✓ ' : '✗ '}</span>
            {seal.data.matches ? t('decisions.seal.matches') : t('decisions.seal.differs')}
          </p>
          <p className="small">
            {t('decisions.seal.counts', {
              voters: seal.data.current.voters,
              ballots: seal.data.current.ballots,
            })}
          </p>
        </Notice>
      )}
      {seal.error !== null && (
        <Notice tone="error">
          <p>{decisionErrorText(seal.error, i18n)}</p>
        </Notice>
      )}
      <form className="inline-form receipt-check" noValidate onSubmit={check}>
        <TextField
          label={t('decisions.ballots.checkLabel')}
          hint={t('decisions.ballots.checkHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="input--mono"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <div className="actions">
          <Button type="submit" variant="secondary" disabled={!list.data}>
            {t('decisions.ballots.check')}
          </Button>
        </div>
      </form>
      <div role="status">
        {lookup && (
          <Notice tone={lookup.tone}>
            <p>{lookup.text}</p>
          </Notice>
        )}
      </div>
      {list.isLoading && !list.data && <Loading label={t('decisions.ballots.loading')} />}
      {list.error !== null && (
        <Notice tone="error" live="alert">
          <p>{decisionErrorText(list.error, i18n)}</p>
        </Notice>
      )}
      {list.data && (
        <>
          <p>
            <a
              href={`${API_BASE}/polls/${encodeURIComponent(poll.id)}/ballots`}
              download={`cabildo-poll-${poll.id}-ballots.json`}
            >
              {t('decisions.ballots.download')}
            </a>{' '}
            <span className="small muted">
              {t('decisions.ballots.downloadHint', { seed: list.data.seed })}
            </span>
          </p>
          {shown.length > 0 && (
            <div className="table-scroll">
              <table className="data-table ballot-table">
                <caption>{t('decisions.ballots.caption', { count: ballots.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('decisions.ballots.code')}</th>
                    <th scope="col">{t('decisions.ballots.contents')}</th>
                    <th scope="col">{t('decisions.ballots.weight')}</th>
                    {hasNames && <th scope="col">{t('decisions.ballots.voter')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((ballot) => {
                    const isFound = found !== null && ballots[found]?.receiptCode === ballot.receiptCode;
                    return (
                      <tr key={ballot.receiptCode} className={isFound ? 'ballot--found' : undefined}>
                        <th scope="row" className="mono">
                          {isFound && (
                            <span className="visually-hidden">{t('decisions.ballots.yours')} </span>
                          )}
                          {ballot.receiptCode}
                        </th>
                        <td>
                          {contentsText(ballot.contents, list.data?.options ?? [], poll.method, votes, t)}
                        </td>
                        <td>{votes(ballot.weightMillis)}</td>
                        {hasNames && <td>{ballot.voterName ?? ''}</td>}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {ballots.length === 0 && <p>{t('decisions.ballots.none')}</p>}
          {isFolded && (
            <Button variant="secondary" onClick={() => setIsUnfolded(true)}>
              {t('decisions.ballots.showAll', { count: ballots.length })}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
