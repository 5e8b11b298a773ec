// For a sending council's secretary or chair: the share of its members whose signatures a recall petition
// against one of its delegates needs (the figure its members adopted). Petitions already open keep the
// number of signatures fixed when they opened. The field starts at the figure in force.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, TextField } from '../ui/index.ts';
import {
  DEFAULT_RECALL_THRESHOLD_PERCENT,
  recallSignaturesNeeded,
  thresholdPercentFrom,
} from './recall-threshold.ts';

const FIELDS = ['thresholdPercent'] as const;

export function RecallThresholdForm({ council }: { council: Council }) {
  const session = useSession();
  const leads =
    !council.dissolvedAt &&
    council.parent !== null &&
    council.offices.some(
      (office) =>
        office.person.id === session.person?.id &&
        (office.office === 'secretary' || office.office === 'chair'),
    );
  return leads ? <ThresholdForm council={council} /> : null;
}

function ThresholdForm({ council }: { council: Council }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const current = useApi<{ thresholdPercent: number }>(
    `/councils/${encodeURIComponent(council.id)}/recall-threshold`,
  );
  const [typed, setTyped] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const inForce = saved ?? current.data?.thresholdPercent ?? null;
  const shown = typed ?? String(inForce ?? DEFAULT_RECALL_THRESHOLD_PERCENT);
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);
  const ids = { thresholdPercent: `${base}-percent` };
  const percent = thresholdPercentFrom(shown);
  // A base council's members are its direct members; a federated council's are its seats (not known here).
  const members = council.kind === 'federation' ? null : council.directMembers;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (percent === null) {
      setErrors(errorsFromProblems({ thresholdPercent: 'recallThreshold.invalid' }, t));
      return;
    }
    await run(async () => {
      const answer = await api.put<{ thresholdPercent: number }>(
        `/councils/${encodeURIComponent(council.id)}/recall-threshold`,
        { thresholdPercent: percent },
      );
      setTyped(String(answer.thresholdPercent));
      setSaved(answer.thresholdPercent);
    });
  }

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('recallThreshold.title')}
      </h2>
      <p className="muted">{t('recallThreshold.lead')}</p>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.thresholdPercent}
          label={t('recallThreshold.label')}
          hint={
            inForce === null
              ? t('recallThreshold.hintDefault', { percent: DEFAULT_RECALL_THRESHOLD_PERCENT })
              : t('recallThreshold.hintSaved', { percent: inForce })
          }
          inputMode="numeric"
          className="input--short"
          value={shown}
          onChange={(event) => setTyped(event.target.value)}
          error={errors.fields.thresholdPercent}
          required
        />
        {percent !== null && members !== null && members > 0 && (
          <p className="small muted" aria-live="polite">
            {t('recallThreshold.example', {
              count: members,
              members: format.number(members),
              needed: format.number(recallSignaturesNeeded(members, percent)),
            })}
          </p>
        )}
        <div className="actions">
          <Button type="submit" variant="secondary" isBusy={isSubmitting}>
            {t('recallThreshold.save')}
          </Button>
        </div>
        <div role="status">
          {saved !== null && <p className="small">{t('recallThreshold.saved', { percent: saved })}</p>}
        </div>
      </form>
    </section>
  );
}
