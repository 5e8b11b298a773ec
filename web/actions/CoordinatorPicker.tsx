// Choosing the coordinators of a call to action: type part of a name (2 letters at least; the search
// waits for a pause in typing), add people from the matches, remove them from the chosen list. Only
// active members of councils at or under the calling body are offered — the ones the server accepts.
// Plain buttons in lists rather than a combobox: they read the same with a keyboard, a screen reader
// and a thumb; the count of matches is announced politely.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/use-api.ts';
import { Button } from '../ui/index.ts';
import { actionsErrorText } from './actions-text.ts';
import type { CoordinatorCandidate } from './actions-types.ts';
import {
  MAX_CANDIDATES,
  MAX_SEARCH_LENGTH,
  offeredCandidates,
  searchText,
  withCoordinator,
  withoutCoordinator,
} from './coordinator-choice.ts';

const TYPING_PAUSE_MS = 300;

/** `value` once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface CoordinatorPickerProps {
  /** The calling body. */
  councilId: string;
  /** id of the search box, the target of the error summary's link. */
  inputId: string;
  chosen: readonly CoordinatorCandidate[];
  onChange: (chosen: CoordinatorCandidate[]) => void;
  error?: string | undefined;
}

export function CoordinatorPicker({ councilId, inputId, chosen, onChange, error }: CoordinatorPickerProps) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const text = useSettled(searchText(typed), TYPING_PAUSE_MS);
  const isCurrent = text !== null && text === searchText(typed);
  const search = useApi<{ candidates: CoordinatorCandidate[] }>(
    text === null
      ? null
      : `/councils/${encodeURIComponent(councilId)}/coordinator-candidates?q=${encodeURIComponent(text)}`,
  );
  const offered = isCurrent && search.data ? offeredCandidates(search.data.candidates, chosen) : [];

  const status =
    searchText(typed) === null
      ? ''
      : !isCurrent || search.isLoading
        ? t('actions.coordinators.searching')
        : search.error !== null
          ? actionsErrorText(search.error, i18n)
          : t(
              (search.data?.candidates.length ?? 0) >= MAX_CANDIDATES
                ? 'actions.coordinators.foundMore'
                : 'actions.coordinators.found',
              { count: offered.length },
            );

  function change(next: CoordinatorCandidate[]) {
    onChange(next);
    // The pressed button leaves its list: the search box keeps the focus.
    input.current?.focus();
  }

  return (
    <fieldset
      className={error ? 'field field--invalid coordinator-picker' : 'field coordinator-picker'}
      aria-describedby={`${base}-hint`}
    >
      <legend>{t('actions.coordinators.legend')}</legend>
      <p className="field-hint" id={`${base}-hint`}>
        {t('actions.coordinators.hint')}
      </p>
      {error && (
        <p className="field-error" id={`${base}-error`}>
          <span className="visually-hidden">{t('ui.errorPrefix')} </span>
          {error}
        </p>
      )}
      <h3 className="coordinator-subtitle" id={`${base}-chosen`}>
        {t('actions.coordinators.chosen', { count: chosen.length })}
      </h3>
      {chosen.length === 0 ? (
        <p className="muted">{t('actions.coordinators.none')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby={`${base}-chosen`}>
          {chosen.map((c) => (
            <li key={c.personId} className="coordinator-line">
              <span>
                {c.fullName} <span className="muted">({c.councilName})</span>
              </span>
              <Button variant="quiet" onClick={() => change(withoutCoordinator(chosen, c.personId))}>
                {t('actions.coordinators.remove')}
                <span className="visually-hidden"> {c.fullName}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <label className="field-label" htmlFor={inputId}>
        {t('actions.coordinators.search')}
      </label>
      <input
        ref={input}
        id={inputId}
        className="input"
        type="search"
        autoComplete="off"
        maxLength={MAX_SEARCH_LENGTH}
        value={typed}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${base}-hint`, error ? `${base}-error` : null].filter(Boolean).join(' ')}
        onChange={(event) => setTyped(event.target.value)}
      />
      <p className="muted small" role="status" aria-live="polite">
        {status}
      </p>
      {offered.length > 0 && (
        <ul className="plain-list" aria-label={t('actions.coordinators.matches')}>
          {offered.map((c) => (
            <li key={c.personId}>
              <Button variant="secondary" onClick={() => change(withCoordinator(chosen, c))}>
                {t('actions.coordinators.add', { name: c.fullName, council: c.councilName })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
