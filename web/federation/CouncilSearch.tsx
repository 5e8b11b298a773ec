import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { councilKindLabel } from '../app/council-labels.ts';
import { errorText } from '../app/error-text.ts';
import { useCouncilSearch } from '../app/use-council-search.ts';

/** Finds a council by name or place and links to its page; the result count is announced. */
export function CouncilSearch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const search = useCouncilSearch(query);

  const status = search.isSearching
    ? t('search.searching')
    : search.error
      ? errorText(search.error, i18n)
      : search.answered
        ? t('search.found', { count: search.hits.length })
        : '';

  return (
    <search className="panel" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        {t('search.title')}
      </h2>
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t('search.label')}
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          {t('search.hint')}
        </p>
        <input
          id={id}
          className="input"
          type="search"
          value={query}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p className="muted small" role="status">
        {status}
      </p>
      {search.hits.length > 0 && (
        <ul className="plain-list search-results">
          {search.hits.map((hit) => (
            <li key={hit.id}>
              <Link href={`/councils/${hit.id}`}>{hit.name}</Link>{' '}
              <span className="badge badge--neutral">{councilKindLabel(t, hit.kind, hit.level)}</span>
              <span className="choice-detail">
                {[hit.territory, hit.parentName].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}
