// Choosing the council to join: type part of its name or place, pick one of the matches. A radio
// group rather than a combobox: it reads the same with a keyboard, a screen reader and a thumb.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouncilSearchHit } from '../app/api-types.ts';
import { councilKindLabel } from '../app/council-labels.ts';
import { errorText } from '../app/error-text.ts';
import { useCouncilSearch } from '../app/use-council-search.ts';

export interface CouncilPickerProps {
  /** id of the search input, the target of the error summary's link. */
  inputId: string;
  value: CouncilSearchHit | null;
  onChange: (council: CouncilSearchHit) => void;
  error?: string | undefined;
}

export function CouncilPicker({ inputId, value, onChange, error }: CouncilPickerProps) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const [query, setQuery] = useState('');
  const search = useCouncilSearch(query, { limit: 8 });
  const joinable = search.hits.filter((hit) => hit.kind !== 'federation');
  const choices = value && !joinable.some((hit) => hit.id === value.id) ? [value, ...joinable] : joinable;

  const status = search.isSearching
    ? t('search.searching')
    : search.error
      ? errorText(search.error, i18n)
      : search.answered
        ? t('search.found', { count: joinable.length })
        : '';

  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={`${base}-hint`}>
      <legend>{t('join.councilLegend')}</legend>
      <p className="field-hint" id={`${base}-hint`}>
        {t('join.councilHint')}
      </p>
      {error && (
        <p className="field-error" id={`${base}-error`}>
          <span className="visually-hidden">{t('ui.errorPrefix')} </span>
          {error}
        </p>
      )}
      <label className="field-label" htmlFor={inputId}>
        {t('join.councilSearch')}
      </label>
      <input
        id={inputId}
        className="input"
        type="search"
        autoComplete="off"
        value={query}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${base}-error` : undefined}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="muted small" role="status">
        {status}
      </p>
      {choices.length > 0 && (
        <ul className="choice-list">
          {choices.map((council) => (
            <li key={council.id}>
              <label className="choice">
                <input
                  type="radio"
                  name={`${base}-council`}
                  value={council.id}
                  checked={value?.id === council.id}
                  onChange={() => onChange(council)}
                />
                <span>
                  <strong>{council.name}</strong>
                  <span className="choice-detail">
                    {[councilKindLabel(t, council.kind, council.level), council.territory, council.parentName]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
