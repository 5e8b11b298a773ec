// The public Join form: no account needed. After sending, the applicant gets a reference number and
// the date by which the council's secretary is due to answer.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { api } from '../app/api-client.ts';
import type { Council, CouncilSearchHit, JoinApplicationReceipt } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { applicationLocale } from '../app/languages.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, PageHeader, TextArea, TextField } from '../ui/index.ts';
import { CouncilPicker } from './CouncilPicker.tsx';
import { checkJoin } from './form-checks.ts';

const FIELDS = ['councilId', 'fullName', 'email', 'phone', 'homePlace', 'workPlace', 'message'] as const;
const FIELD_IDS: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [field, `join-${field}`]));

function Receipt({ receipt }: { receipt: JoinApplicationReceipt }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="narrow">
      <PageHeader title={t('join.title')} />
      <section className="panel panel--success" role="status" aria-labelledby="receipt-title">
        <h2 className="panel-title" id="receipt-title" tabIndex={-1} ref={heading}>
          {t('join.sentTitle')}
        </h2>
        <p>{t('join.sentBody', { council: receipt.councilName })}</p>
        <dl className="definition-list">
          <div>
            <dt>{t('join.reference')}</dt>
            <dd>
              <strong className="mono">{receipt.reference}</strong>
            </dd>
          </div>
          <div>
            <dt>{t('join.answerBy')}</dt>
            <dd>
              <time dateTime={receipt.dueAt}>{format.date(receipt.dueAt)}</time>
            </dd>
          </div>
        </dl>
        <p className="small">{t('join.keepReference')}</p>
      </section>
      <p>
        <Link href="/">{t('join.backHome')}</Link>
      </p>
    </div>
  );
}

function usePreselectedCouncil(onFound: (council: CouncilSearchHit) => void) {
  const params = new URLSearchParams(useSearch());
  const councilId = params.get('council');
  const onFoundRef = useRef(onFound);
  onFoundRef.current = onFound;
  useEffect(() => {
    if (!councilId) return;
    const controller = new AbortController();
    api
      .get<Council>(`/councils/${encodeURIComponent(councilId)}`, { signal: controller.signal })
      .then((council) => {
        if (council.kind === 'federation' || council.dissolvedAt) return;
        onFoundRef.current({
          id: council.id,
          name: council.name,
          kind: council.kind,
          level: council.level,
          territory: council.territory,
          sector: council.sector,
          parentName: council.parent?.name ?? null,
        });
      })
      .catch(() => {
        // an unknown or stale id in the link: the applicant simply searches
      });
    return () => controller.abort();
  }, [councilId]);
}

export default function JoinPage() {
  const { t, i18n } = useTranslation();
  const [council, setCouncil] = useState<CouncilSearchHit | null>(null);
  const [values, setValues] = useState({
    fullName: '',
    email: '',
    phone: '',
    homePlace: '',
    workPlace: '',
    message: '',
  });
  const [receipt, setReceipt] = useState<JoinApplicationReceipt | null>(null);
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);
  usePreselectedCouncil(setCouncil);

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkJoin({ ...values, councilId: council?.id ?? null });
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, (key) => t(key)));
      return;
    }
    const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
    await run(async () => {
      const result = await api.post<JoinApplicationReceipt>('/join-applications', {
        councilId: council?.id,
        fullName: values.fullName.trim(),
        email: optional(values.email),
        phone: optional(values.phone),
        homePlace: optional(values.homePlace),
        workPlace: optional(values.workPlace),
        message: optional(values.message),
        locale: applicationLocale(i18n.language),
      });
      setReceipt(result);
    });
  }

  if (receipt) return <Receipt receipt={receipt} />;

  return (
    <div className="narrow">
      <PageHeader title={t('join.title')} lead={t('join.lead')} />
      <ErrorSummary items={summaryItems(errors, FIELD_IDS)} />
      <form className="form" noValidate onSubmit={submit}>
        <CouncilPicker
          inputId={FIELD_IDS.councilId ?? 'join-councilId'}
          value={council}
          onChange={setCouncil}
          error={errors.fields.councilId}
        />
        <fieldset>
          <legend>{t('join.aboutYou')}</legend>
          <TextField
            id={FIELD_IDS.fullName}
            label={t('join.fullName')}
            autoComplete="name"
            value={values.fullName}
            onChange={set('fullName')}
            error={errors.fields.fullName}
            required
          />
          <TextField
            id={FIELD_IDS.homePlace}
            label={t('join.homePlace')}
            hint={t('join.homePlaceHint')}
            value={values.homePlace}
            onChange={set('homePlace')}
            error={errors.fields.homePlace}
            isOptional
          />
          <TextField
            id={FIELD_IDS.workPlace}
            label={t('join.workPlace')}
            hint={t('join.workPlaceHint')}
            value={values.workPlace}
            onChange={set('workPlace')}
            error={errors.fields.workPlace}
            isOptional
          />
        </fieldset>
        <fieldset aria-describedby="join-contact-hint">
          <legend>{t('join.contactLegend')}</legend>
          <p className="field-hint" id="join-contact-hint">
            {t('join.contactHint')}
          </p>
          <TextField
            id={FIELD_IDS.email}
            type="email"
            label={t('join.email')}
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            error={errors.fields.email}
          />
          <TextField
            id={FIELD_IDS.phone}
            type="tel"
            label={t('join.phone')}
            autoComplete="tel"
            value={values.phone}
            onChange={set('phone')}
            error={errors.fields.phone}
          />
        </fieldset>
        <TextArea
          id={FIELD_IDS.message}
          label={t('join.message')}
          hint={t('join.messageHint')}
          value={values.message}
          onChange={set('message')}
          error={errors.fields.message}
          maxLength={2000}
          isOptional
        />
        <p className="small muted">{t('join.privacy')}</p>
        <Button type="submit" isBusy={isSubmitting}>
          {isSubmitting ? t('join.sending') : t('join.submit')}
        </Button>
      </form>
    </div>
  );
}
