// An act on a mandate that cannot be undone (resigning, a recall decision): a button opens the form,
// the form is the confirmation step, and cancelling returns the focus to the button.
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { summaryItems } from '../app/form-errors.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary } from '../ui/index.ts';

export interface ConfirmActProps {
  title: string;
  lead: string;
  openLabel: string;
  confirmLabel: string;
  /** The body's field names the server may blame, and the element id of each. */
  fieldIds: Record<string, string>;
  /** Checks the fields before sending: a message per field, empty when they may be sent. */
  check: () => Record<string, string>;
  send: () => Promise<void>;
  children: (errors: Record<string, string>) => ReactNode;
}

export function ConfirmAct({
  title,
  lead,
  openLabel,
  confirmLabel,
  fieldIds,
  check,
  send,
  children,
}: ConfirmActProps) {
  const { t } = useTranslation();
  const base = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(Object.keys(fieldIds));

  function cancel() {
    setIsConfirming(false);
    setErrors({ fields: {}, form: null });
    requestAnimationFrame(() => opener.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = check();
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: problems, form: null });
      return;
    }
    await run(send);
  }

  return (
    <section className="panel panel--danger" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {title}
      </h2>
      <p>{lead}</p>
      {!isConfirming && (
        <Button ref={opener} variant="danger" onClick={() => setIsConfirming(true)}>
          {openLabel}
        </Button>
      )}
      {isConfirming && (
        <>
          <ErrorSummary items={summaryItems(errors, fieldIds)} />
          <form className="form" noValidate onSubmit={submit}>
            {children(errors.fields)}
            <div className="actions">
              <Button type="submit" variant="danger" isBusy={isSubmitting}>
                {confirmLabel}
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
