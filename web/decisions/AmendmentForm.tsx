// Proposing an amendment: choose the lines of the current text by number (or a place to insert new
// lines), type the new lines, and see the diff before sending — computed in the browser by the same
// pure rule the server uses (core/decisions/motions/amendment-text.ts), so the preview is what is sent.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitLines } from '../../core/decisions/motions/line-diff.ts';
import { api } from '../app/api-client.ts';
import type { Amendment, Motion } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { Button, CheckboxField, ErrorSummary, TextArea, TextField } from '../ui/index.ts';
import { AmendmentDiff } from './AmendmentDiff.tsx';
import {
  type AmendmentValues,
  amendmentInput,
  amendmentPreview,
  checkAmendmentForm,
  EMPTY_AMENDMENT,
} from './motion-forms.ts';
import { useMotionSubmit } from './motion-text.ts';

const FIELDS = ['lineFrom', 'lineTo', 'replacementLines', 'baseVersion'] as const;

export function AmendmentForm({
  motion,
  onProposed,
}: {
  motion: Motion;
  onProposed: (a: Amendment) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [values, setValues] = useState<AmendmentValues>(EMPTY_AMENDMENT);
  const { errors, setErrors, isSubmitting, run } = useMotionSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  ids.baseVersion = ids.lineFrom ?? '';
  const text = { version: motion.currentVersion, text: motion.text };
  const lines = splitLines(motion.text);
  // No preview of the untouched form: its default (line 1, no new text) would read as deleting line 1.
  const preview = values === EMPTY_AMENDMENT ? null : amendmentPreview(values, text);
  const set = <K extends keyof AmendmentValues>(key: K, value: AmendmentValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));

  function copyChosenLines() {
    const from = Number(values.lineFrom);
    const to = Number(values.lineTo);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from) return;
    set('replacement', lines.slice(from - 1, to).join('\n'));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkAmendmentForm(values, text);
    const input = amendmentInput(values, motion.currentVersion);
    if (Object.keys(problems).length > 0 || !input) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const amendment = await api.post<Amendment>(
        `/motions/${encodeURIComponent(motion.id)}/amendments`,
        input,
      );
      setValues(EMPTY_AMENDMENT);
      onProposed(amendment);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <p className="muted">
          {t('decisions.motions.amend.lead', { count: lines.length, version: motion.currentVersion })}
        </p>
        <CheckboxField
          label={t('decisions.motions.amend.insert')}
          hint={t('decisions.motions.amend.insertHint')}
          checked={values.isInsertion}
          onChange={(event) => set('isInsertion', event.target.checked)}
        />
        <div className="field-pair">
          <TextField
            id={ids.lineFrom}
            label={
              values.isInsertion
                ? t('decisions.motions.amend.insertBefore')
                : t('decisions.motions.amend.lineFrom')
            }
            inputMode="numeric"
            className="input--short"
            value={values.lineFrom}
            onChange={(event) => set('lineFrom', event.target.value)}
            error={errors.fields.lineFrom}
          />
          {!values.isInsertion && (
            <TextField
              id={ids.lineTo}
              label={t('decisions.motions.amend.lineTo')}
              inputMode="numeric"
              className="input--short"
              value={values.lineTo}
              onChange={(event) => set('lineTo', event.target.value)}
              error={errors.fields.lineTo}
            />
          )}
        </div>
        {!values.isInsertion && (
          <p>
            <Button variant="secondary" onClick={copyChosenLines}>
              {t('decisions.motions.amend.copyLines')}
            </Button>
          </p>
        )}
        <TextArea
          id={ids.replacementLines}
          label={t('decisions.motions.amend.replacement')}
          hint={t('decisions.motions.amend.replacementHint')}
          value={values.replacement}
          onChange={(event) => set('replacement', event.target.value)}
          error={errors.fields.replacementLines}
          rows={4}
        />
        <section aria-labelledby={`${base}-preview`}>
          <h3 className="item-title" id={`${base}-preview`}>
            {t('decisions.motions.amend.preview')}
          </h3>
          {preview ? (
            <AmendmentDiff hunks={preview} caption={t('decisions.motions.amend.preview')} />
          ) : (
            <p className="muted">{t('decisions.motions.amend.previewNone')}</p>
          )}
        </section>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('decisions.motions.amend.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
