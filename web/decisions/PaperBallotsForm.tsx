// Tellers enter the paper ballots of members who voted in the room without a phone (officers, a members'
// poll while it is open): the two tellers, who handed in a paper (a searchable checklist of the council's
// members), and what the papers said — for a yes-no poll three counts, for an election one row of
// selects per paper. Nothing pairs the names with the papers. The receipt codes are shown to post up.
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../app/api-client.ts';
import type { CouncilMember, PaperBallotsReceipt, Poll } from '../app/api-types.ts';
import { errorsFromProblems, type FormErrors, NO_FORM_ERRORS, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Button, CheckboxField, ErrorSummary, Loading, Notice, SelectField, TextField } from '../ui/index.ts';
import { ballotShape } from './ballot-form.ts';
import { decisionErrorText } from './decisions-text.ts';
import {
  blamedPaper,
  blamedVoter,
  countFrom,
  emptyPaperValues,
  marksPerPaper,
  PAPER_LIMIT,
  type PaperValues,
  paperBallotsBody,
  papersFromCounts,
  searchMembers,
  setPaperRank,
  YES_NO,
} from './paper-ballots.ts';

/** Matches shown at once: a phone on a slow network need not lay out a whole council. */
const SHOWN_MATCHES = 25;
const MEMBERS_PAGE = 500;

function FieldsetError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">{t('ui.errorPrefix')} </span>
      {message}
    </p>
  );
}

export function PaperBallotsForm({ poll, onEntered }: { poll: Poll; onEntered: () => void }) {
  const shown = poll.viewer.mayClose && poll.status === 'open' && poll.electorate === 'members';
  return shown ? <PaperBallots poll={poll} onEntered={onEntered} /> : null;
}

function PaperBallots({ poll, onEntered }: { poll: Poll; onEntered: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [values, setValues] = useState<PaperValues>(emptyPaperValues);
  const [query, setQuery] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [receipts, setReceipts] = useState<string[] | null>(null);
  const receiptsHeading = useRef<HTMLHeadingElement>(null);
  const members = useApi<{ members: CouncilMember[] }>(
    isOpen ? `/councils/${encodeURIComponent(poll.councilId)}/members?limit=${MEMBERS_PAGE}` : null,
  );
  const isYesNo = ballotShape(poll) === 'yes-no';
  const isRanked = ballotShape(poll) === 'ranks';
  const marks = marksPerPaper(poll);
  const all = members.data?.members ?? [];
  const names = new Map(all.map((member) => [member.personId, member.fullName]));
  const matches = searchMembers(all, query);
  const chosen = new Set(values.voterIds);

  const ids: Record<string, string> = {
    tellerOne: `${base}-teller-one`,
    tellerTwo: `${base}-teller-two`,
    voterIds: `${base}-search`,
    counts: `${base}-count-yes`,
    ballots: `${base}-add-paper`,
    ...Object.fromEntries(values.papers.map((_, index) => [`papers.${index}`, `${base}-paper-${index}-0`])),
  };
  const set = <K extends keyof PaperValues>(key: K, value: PaperValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));

  function toggleVoter(personId: string, isChosen: boolean) {
    setValues((held) => ({
      ...held,
      voterIds: isChosen
        ? [...held.voterIds.filter((id) => id !== personId), personId]
        : held.voterIds.filter((id) => id !== personId),
    }));
  }

  function addPaper() {
    const index = values.papers.length;
    setValues((held) => ({ ...held, papers: [...held.papers, Array(marks).fill(null)] }));
    requestAnimationFrame(() => document.getElementById(`${base}-paper-${index}-0`)?.focus());
  }

  function removePaper(index: number) {
    setValues((held) => ({ ...held, papers: held.papers.filter((_, i) => i !== index) }));
    requestAnimationFrame(() => document.getElementById(`${base}-add-paper`)?.focus());
  }

  /** The server's refusal next to the field it names: a voter by name, a paper by number. */
  function serverErrors(error: unknown, voterIds: readonly string[]): FormErrors {
    const message = decisionErrorText(error, i18n);
    const field = error instanceof ApiError ? error.field : null;
    const voter = blamedVoter(field, voterIds);
    if (voter)
      return {
        fields: { voterIds: t('decisions.paper.voterRefused', { name: names.get(voter) ?? '', message }) },
        form: null,
      };
    if (field?.startsWith('voterIds')) return { fields: { voterIds: message }, form: null };
    if (field?.startsWith('tellers')) return { fields: { tellerTwo: message }, form: null };
    const paper = blamedPaper(field);
    if (paper !== null && !isYesNo && paper < values.papers.length)
      return { fields: { [`papers.${paper}`]: message }, form: null };
    if (field?.startsWith('ballots'))
      return { fields: { [isYesNo ? 'counts' : 'ballots']: message }, form: null };
    return { fields: {}, form: message };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = paperBallotsBody(poll, values);
    if (!checked.ok) {
      setErrors(errorsFromProblems(checked.problems, t));
      return;
    }
    setIsSubmitting(true);
    setErrors(NO_FORM_ERRORS);
    try {
      const answer = await api.post<PaperBallotsReceipt>(
        `/polls/${encodeURIComponent(poll.id)}/paper-ballots`,
        checked.body,
      );
      setReceipts(answer.receiptCodes);
      setValues(emptyPaperValues());
      setQuery('');
      onEntered();
      requestAnimationFrame(() => receiptsHeading.current?.focus());
    } catch (error) {
      setErrors(serverErrors(error, checked.body.voterIds));
    } finally {
      setIsSubmitting(false);
    }
  }

  const counts = YES_NO.map((choice) => countFrom(values.counts[choice]));
  const papersCounted = isYesNo
    ? counts.every((count) => count !== null)
      ? counts.reduce<number>((sum, count) => sum + (count ?? 0), 0)
      : null
    : values.papers.length;
  const expanded =
    isYesNo && papersCounted !== null && papersCounted <= PAPER_LIMIT
      ? papersFromCounts({
          yes: counts[0] ?? 0,
          no: counts[1] ?? 0,
          abstain: counts[2] ?? 0,
        })
      : [];

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('decisions.paper.title')}
      </h2>
      <p className="muted">{t('decisions.paper.lead')}</p>
      {receipts && (
        <Notice tone="success">
          <h3 className="notice-title" tabIndex={-1} ref={receiptsHeading}>
            {t('decisions.paper.entered', { count: receipts.length })}
          </h3>
          <p>{t('decisions.paper.receiptsLead')}</p>
          <ol className="receipt-codes">
            {receipts.map((code) => (
              <li key={code} className="mono">
                {code}
              </li>
            ))}
          </ol>
        </Notice>
      )}
      {!isOpen ? (
        <p>
          <Button variant="secondary" aria-expanded={false} onClick={() => setIsOpen(true)}>
            {t('decisions.paper.start')}
          </Button>
        </p>
      ) : (
        <>
          <ErrorSummary items={summaryItems(errors, ids)} />
          <form className="form" noValidate onSubmit={submit}>
            <div className="field-pair">
              <TextField
                id={ids.tellerOne}
                label={t('decisions.paper.tellerOne')}
                value={values.tellerOne}
                onChange={(event) => set('tellerOne', event.target.value)}
                error={errors.fields.tellerOne}
                maxLength={200}
                autoComplete="off"
                required
              />
              <TextField
                id={ids.tellerTwo}
                label={t('decisions.paper.tellerTwo')}
                value={values.tellerTwo}
                onChange={(event) => set('tellerTwo', event.target.value)}
                error={errors.fields.tellerTwo}
                maxLength={200}
                autoComplete="off"
                required
              />
            </div>

            <fieldset aria-describedby={errors.fields.voterIds ? `${base}-voters-error` : undefined}>
              <legend>{t('decisions.paper.voters')}</legend>
              <p className="field-hint">
                {poll.assemblyId ? t('decisions.paper.votersHintSitting') : t('decisions.paper.votersHint')}
              </p>
              <FieldsetError id={`${base}-voters-error`} message={errors.fields.voterIds} />
              {members.isLoading && !members.data && <Loading label={t('decisions.paper.loadingMembers')} />}
              {members.error !== null && (
                <Notice tone="error" live="alert">
                  <p>{decisionErrorText(members.error, i18n)}</p>
                  <p>
                    <Button variant="secondary" onClick={members.reload}>
                      {t('common.retry')}
                    </Button>
                  </p>
                </Notice>
              )}
              {members.data && (
                <>
                  <TextField
                    id={ids.voterIds}
                    type="search"
                    label={t('decisions.paper.search')}
                    hint={t('decisions.paper.searchHint')}
                    value={query}
                    onChange={(event) => setQuery(event.target.value)}
                    autoComplete="off"
                  />
                  <p className="small muted" aria-live="polite">
                    {t('decisions.paper.matches', {
                      count: matches.length,
                      formatted: format.number(matches.length),
                    })}
                    {matches.length > SHOWN_MATCHES &&
                      ` ${t('decisions.paper.matchesShown', { shown: SHOWN_MATCHES })}`}
                  </p>
                  {matches.length > 0 && (
                    <ul className="choice-list">
                      {matches.slice(0, SHOWN_MATCHES).map((member) => (
                        <li key={member.personId}>
                          <CheckboxField
                            label={member.fullName}
                            checked={chosen.has(member.personId)}
                            onChange={(event) => toggleVoter(member.personId, event.target.checked)}
                          />
                        </li>
                      ))}
                    </ul>
                  )}
                  {all.length >= MEMBERS_PAGE && (
                    <p className="small muted">
                      {t('decisions.paper.firstMembers', { limit: MEMBERS_PAGE })}
                    </p>
                  )}
                </>
              )}
              <p aria-live="polite">
                <strong>
                  {t('decisions.paper.chosen', {
                    count: values.voterIds.length,
                    formatted: format.number(values.voterIds.length),
                  })}
                </strong>
              </p>
              {values.voterIds.length > 0 && (
                <details>
                  <summary>{t('decisions.paper.chosenList')}</summary>
                  <ul className="plain-list">
                    {values.voterIds.map((personId) => (
                      <li key={personId}>
                        {names.get(personId) ?? personId}{' '}
                        <Button variant="quiet" onClick={() => toggleVoter(personId, false)}>
                          {t('decisions.paper.unchoose', { name: names.get(personId) ?? '' })}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </fieldset>

            {isYesNo ? (
              <fieldset aria-describedby={errors.fields.counts ? `${base}-counts-error` : undefined}>
                <legend>{t('decisions.paper.counts')}</legend>
                <p className="field-hint">{t('decisions.paper.countsHint')}</p>
                <FieldsetError id={`${base}-counts-error`} message={errors.fields.counts} />
                <div className="rank-fields">
                  {YES_NO.map((choice) => (
                    <TextField
                      key={choice}
                      id={`${base}-count-${choice}`}
                      label={t(`decisions.paper.countOf.${choice}`)}
                      inputMode="numeric"
                      className="input--short"
                      value={values.counts[choice]}
                      onChange={(event) => set('counts', { ...values.counts, [choice]: event.target.value })}
                      autoComplete="off"
                    />
                  ))}
                </div>
                {expanded.length > 0 && (
                  <details>
                    <summary>{t('decisions.paper.showPapers', { count: expanded.length })}</summary>
                    <ol>
                      {expanded.map((paper, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a paper is its position in the count
                        <li key={index}>{t(`decisions.choice.${paper.choice}`)}</li>
                      ))}
                    </ol>
                  </details>
                )}
              </fieldset>
            ) : (
              <fieldset aria-describedby={errors.fields.ballots ? `${base}-papers-error` : undefined}>
                <legend>{t('decisions.paper.papers')}</legend>
                <p className="field-hint">
                  {isRanked ? t('decisions.paper.papersHintRanked') : t('decisions.paper.papersHintMarks')}
                </p>
                <FieldsetError id={`${base}-papers-error`} message={errors.fields.ballots} />
                <ol className="agenda-rows">
                  {values.papers.map((paper, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a paper is its position in the pile
                    <li key={index} className="agenda-row">
                      <fieldset
                        aria-describedby={
                          errors.fields[`papers.${index}`] ? `${base}-paper-${index}-error` : undefined
                        }
                      >
                        <legend>{t('decisions.paper.paperN', { number: index + 1 })}</legend>
                        <FieldsetError
                          id={`${base}-paper-${index}-error`}
                          message={errors.fields[`papers.${index}`]}
                        />
                        <div className="rank-fields">
                          {paper.map((option, rank) => (
                            <SelectField
                              // biome-ignore lint/suspicious/noArrayIndexKey: a rank is its position
                              key={rank}
                              id={`${base}-paper-${index}-${rank}`}
                              label={
                                isRanked
                                  ? t('decisions.paper.rankN', { number: rank + 1 })
                                  : t('decisions.paper.markN', { number: rank + 1 })
                              }
                              value={option === null ? '' : String(option)}
                              onChange={(event) =>
                                setValues((held) => ({
                                  ...held,
                                  papers: held.papers.map((old, i) =>
                                    i === index
                                      ? setPaperRank(
                                          old,
                                          rank,
                                          event.target.value === '' ? null : Number(event.target.value),
                                        )
                                      : old,
                                  ),
                                }))
                              }
                            >
                              <option value="">{t('decisions.paper.empty')}</option>
                              {poll.options.map((choice, optionIndex) => (
                                <option key={choice.label} value={optionIndex}>
                                  {choice.label}
                                </option>
                              ))}
                            </SelectField>
                          ))}
                        </div>
                        <Button variant="quiet" onClick={() => removePaper(index)}>
                          {t('decisions.paper.removePaper', { number: index + 1 })}
                        </Button>
                      </fieldset>
                    </li>
                  ))}
                </ol>
                {values.papers.length < PAPER_LIMIT && (
                  <Button id={ids.ballots} variant="secondary" onClick={addPaper}>
                    {t('decisions.paper.addPaper')}
                  </Button>
                )}
              </fieldset>
            )}

            <p aria-live="polite" className="small">
              {papersCounted === null
                ? t('decisions.paper.countNumber')
                : t('decisions.paper.tally', {
                    papers: format.number(papersCounted),
                    voters: format.number(values.voterIds.length),
                  })}
            </p>
            <div className="actions">
              <Button type="submit" isBusy={isSubmitting}>
                {t('decisions.paper.submit')}
              </Button>
              <Button variant="quiet" onClick={() => setIsOpen(false)}>
                {t('decisions.paper.hide')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
