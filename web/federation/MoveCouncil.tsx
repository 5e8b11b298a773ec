// Moving a council, with everything beneath it, under another federation: search the federation by
// name or place and pick it. The administrator may also move a council to the top of the tree.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Council, CouncilSearchHit } from '../app/api-types.ts';
import { councilKindLabel } from '../app/council-labels.ts';
import { errorText } from '../app/error-text.ts';
import { useSession } from '../app/session.tsx';
import { useCouncilSearch } from '../app/use-council-search.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, Notice } from '../ui/index.ts';

const FIELDS = ['parentId'] as const;
const TOP = 'top';

export interface MoveCouncilProps {
  council: Council;
  onMoved: () => void;
}

export function MoveCouncil({ council, onMoved }: MoveCouncilProps) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const base = useId();
  const inputId = `${base}-search`;
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState<CouncilSearchHit | typeof TOP | null>(null);
  const [moved, setMoved] = useState('');
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);
  const search = useCouncilSearch(query, { limit: 10 });
  // Only a live federation can hold councils; not the council itself, nor where it already is.
  const federations = search.hits.filter(
    (hit) => hit.kind === 'federation' && hit.id !== council.id && hit.id !== council.parent?.id,
  );
  const choices =
    choice && choice !== TOP && !federations.some((hit) => hit.id === choice.id)
      ? [choice, ...federations]
      : federations;
  const canMoveToTop = Boolean(session.person?.isAdmin) && council.parent !== null;
  const pickError = errors.fields.parentId;

  const status = search.isSearching
    ? t('search.searching')
    : search.error
      ? errorText(search.error, i18n)
      : search.answered
        ? t('manage.federationsFound', { count: federations.length })
        : '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!choice) {
      setErrors({ fields: { parentId: t('manage.moveChoose') }, form: null });
      return;
    }
    await run(async () => {
      await api.put(`/councils/${encodeURIComponent(council.id)}/parent`, {
        parentId: choice === TOP ? null : choice.id,
      });
      setMoved(choice === TOP ? t('manage.movedTop') : t('manage.moved', { name: choice.name }));
      setChoice(null);
      setQuery('');
      onMoved();
    });
  }

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('manage.moveTitle')}
      </h2>
      <p className="muted">
        {council.parent ? t('manage.moveLead', { name: council.parent.name }) : t('manage.moveLeadTop')}
      </p>
      <div role="status">
        {moved && (
          <Notice tone="success">
            <p>{moved}</p>
          </Notice>
        )}
      </div>
      <ErrorSummary items={errors.form ? [{ message: errors.form }] : []} />
      <form className="form" noValidate onSubmit={submit}>
        <fieldset className={pickError ? 'field field--invalid' : 'field'}>
          <legend>{t('manage.moveLegend')}</legend>
          {pickError && (
            <p className="field-error" id={`${base}-error`} role="alert">
              <span className="visually-hidden">{t('ui.errorPrefix')} </span>
              {pickError}
            </p>
          )}
          <label className="field-label" htmlFor={inputId}>
            {t('manage.moveSearch')}
          </label>
          <p className="field-hint" id={`${base}-hint`}>
            {t('manage.moveSearchHint')}
          </p>
          <input
            id={inputId}
            className="input"
            type="search"
            autoComplete="off"
            value={query}
            aria-describedby={[`${base}-hint`, pickError ? `${base}-error` : ''].filter(Boolean).join(' ')}
            onChange={(event) => setQuery(event.target.value)}
          />
          <p className="muted small" role="status">
            {status}
          </p>
          {(choices.length > 0 || canMoveToTop) && (
            <ul className="choice-list">
              {canMoveToTop && (
                <li>
                  <label className="choice">
                    <input
                      type="radio"
                      name={`${base}-parent`}
                      checked={choice === TOP}
                      onChange={() => setChoice(TOP)}
                    />
                    <span>
                      <strong>{t('manage.moveTop')}</strong>
                      <span className="choice-detail">{t('manage.moveTopDetail')}</span>
                    </span>
                  </label>
                </li>
              )}
              {choices.map((hit) => (
                <li key={hit.id}>
                  <label className="choice">
                    <input
                      type="radio"
                      name={`${base}-parent`}
                      value={hit.id}
                      checked={choice !== TOP && choice?.id === hit.id}
                      onChange={() => setChoice(hit)}
                    />
                    <span>
                      <strong>{hit.name}</strong>
                      <span className="choice-detail">
                        {[councilKindLabel(t, hit.kind, hit.level), hit.territory, hit.parentName]
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
        <Button type="submit" isBusy={isSubmitting}>
          {t('manage.moveSubmit')}
        </Button>
      </form>
    </section>
  );
}
