// The "Mociones" section of a council's Assemblies tab: its motions grouped by status (open business
// first), each linking to its page, and the form to submit one — for members of a base council and
// delegates on a federated council's roll (the server checks the right at the instant of submitting).
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { api } from '../app/api-client.ts';
import type { AssemblySummary, Council, Motion, MotionSummary } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import {
  Badge,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../ui/index.ts';
import { MotionStatusBadge } from './MotionBadges.tsx';
import { checkMotion, EMPTY_MOTION, type MotionValues, motionBody, motionsByStatus } from './motion-forms.ts';
import { motionErrorText, useMotionSubmit } from './motion-text.ts';

const FIELDS = ['title', 'text', 'assemblyId'] as const;

function MotionForm({ council, sittings }: { council: Council; sittings: AssemblySummary[] }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const base = useId();
  const [values, setValues] = useState<MotionValues>(EMPTY_MOTION);
  const { errors, setErrors, isSubmitting, run } = useMotionSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  const set = <K extends keyof MotionValues>(key: K, value: MotionValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));
  const ahead = sittings.filter((a) => a.status === 'convened' || a.status === 'in-session');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkMotion(values);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const motion = await api.post<Motion>(
        `/councils/${encodeURIComponent(council.id)}/motions`,
        motionBody(values),
      );
      navigate(`/motions/${motion.id}`);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.title}
          label={t('decisions.motions.form.title')}
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
          error={errors.fields.title}
          maxLength={300}
          required
        />
        <TextArea
          id={ids.text}
          label={t('decisions.motions.form.text')}
          hint={t('decisions.motions.form.textHint')}
          value={values.text}
          onChange={(event) => set('text', event.target.value)}
          error={errors.fields.text}
          rows={6}
          required
        />
        {ahead.length > 0 && (
          <SelectField
            id={ids.assemblyId}
            label={t('decisions.motions.form.sitting')}
            isOptional
            value={values.assemblyId}
            onChange={(event) => set('assemblyId', event.target.value)}
            error={errors.fields.assemblyId}
          >
            <option value="">{t('decisions.motions.form.sittingNone')}</option>
            {ahead.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </SelectField>
        )}
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('decisions.motions.form.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

function MotionItem({ motion }: { motion: MotionSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li>
      <h4 className="item-title">
        <Link href={`/motions/${motion.id}`}>{motion.title}</Link>
      </h4>
      <p className="meta-line">
        <MotionStatusBadge status={motion.status} />
        {motion.isComposite && <Badge tone="accent">{t('decisions.motions.compositeBadge')}</Badge>}
        {motion.submittedByCouncilId && <span>{t('decisions.motions.forwardedBadge')}</span>}
        <span>{format.dateTime(motion.submittedAt)}</span>
      </p>
    </li>
  );
}

export function MotionsSection({ council, sittings }: { council: Council; sittings: AssemblySummary[] }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const base = useId();
  const motions = useApi<{ motions: MotionSummary[] }>(`/councils/${encodeURIComponent(council.id)}/motions`);
  const groups = motionsByStatus(motions.data?.motions ?? []);
  return (
    <>
      <section className="panel" aria-labelledby={`${base}-motions`}>
        <h2 className="panel-title" id={`${base}-motions`}>
          {t('decisions.motions.section.title')}
        </h2>
        <p className="muted">{t('decisions.motions.section.lead')}</p>
        {motions.isLoading && !motions.data && <Loading label={t('decisions.motions.section.loading')} />}
        {motions.error !== null && (
          <Notice tone="error" live="alert">
            <p>{motionErrorText(motions.error, i18n)}</p>
            <p>
              <Button variant="secondary" onClick={motions.reload}>
                {t('common.retry')}
              </Button>
            </p>
          </Notice>
        )}
        {motions.data && groups.length === 0 && <p>{t('decisions.motions.section.none')}</p>}
        {groups.map((group) => (
          <div key={group.status}>
            <h3 className="item-title">
              {t(`decisions.motions.statusGroup.${group.status}`)} ({group.motions.length})
            </h3>
            <ul className="plain-list">
              {group.motions.map((motion) => (
                <MotionItem key={motion.id} motion={motion} />
              ))}
            </ul>
          </div>
        ))}
      </section>
      {session.person && !council.dissolvedAt && (
        <section className="panel" aria-labelledby={`${base}-submit`}>
          <h2 className="panel-title" id={`${base}-submit`}>
            {t('decisions.motions.form.heading')}
          </h2>
          <p className="muted">{t('decisions.motions.form.lead')}</p>
          <MotionForm council={council} sittings={sittings} />
        </section>
      )}
    </>
  );
}
