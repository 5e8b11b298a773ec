// Dissolving a council, with a reason, after a confirmation step. Its history and ledger are kept.
// A council with live councils beneath cannot be dissolved: they must be moved or dissolved first,
// which the server answers with `has-active-children` (translated like every known error code).
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, Notice, TextArea } from '../ui/index.ts';

const FIELDS = ['reason'] as const;

export interface DissolveCouncilProps {
  council: Council;
  onDissolved: () => void;
}

export function DissolveCouncil({ council, onDissolved }: DissolveCouncilProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const reasonId = `${base}-reason`;
  const opener = useRef<HTMLButtonElement>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);
  const beneath = council.children.length;

  function cancel() {
    setIsConfirming(false);
    setErrors({ fields: {}, form: null });
    requestAnimationFrame(() => opener.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setErrors({ fields: { reason: t('manage.reasonRequired') }, form: null });
      return;
    }
    await run(async () => {
      await api.post(`/councils/${encodeURIComponent(council.id)}/dissolution`, { reason: reason.trim() });
      setIsConfirming(false);
      onDissolved();
    });
  }

  return (
    <section className="panel panel--danger" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('manage.dissolveTitle')}
      </h2>
      <p>{t('manage.dissolveLead')}</p>
      {beneath > 0 && (
        <Notice tone="warning">
          <p>{t('manage.dissolveBeneath', { count: beneath, formatted: format.number(beneath) })}</p>
        </Notice>
      )}
      {!isConfirming && (
        <Button ref={opener} variant="danger" onClick={() => setIsConfirming(true)}>
          {t('manage.dissolve')}
        </Button>
      )}
      {isConfirming && (
        <>
          <ErrorSummary items={summaryItems(errors, { reason: reasonId })} />
          <form className="form" noValidate onSubmit={submit}>
            <TextArea
              id={reasonId}
              label={t('manage.reasonLabel', { name: council.name })}
              hint={t('manage.reasonHint')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={errors.fields.reason}
              maxLength={1000}
              rows={3}
              required
              autoFocus
            />
            <div className="actions">
              <Button type="submit" variant="danger" isBusy={isSubmitting}>
                {t('manage.confirmDissolve', { name: council.name })}
              </Button>
              <Button variant="secondary" onClick={cancel} disabled={isSubmitting}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
