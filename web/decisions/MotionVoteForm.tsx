// An officer opens a yes-no vote on the motion or on one of its pending amendments, in one of the
// council's sittings that is in session (the server refuses it without quorum), with its secrecy and
// majority. The poll's title and text are the motion's (or the amendment's), so the ballot says what is
// decided.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type {
  AssemblySummary,
  Majority,
  MajorityBase,
  Motion,
  Poll,
  PollInput,
  Secrecy,
} from '../app/api-types.ts';
import { summaryItems } from '../app/form-errors.ts';
import { useApi } from '../app/use-api.ts';
import { Button, CheckboxField, ErrorSummary, Loading, Notice, SelectField } from '../ui/index.ts';
import { useMotionSubmit } from './motion-text.ts';

const FIELDS = ['assemblyId', 'secrecy', 'majority', 'majorityBase', 'amendmentId', 'motionId'] as const;

export interface MotionVoteFormProps {
  motion: Motion;
  /** Delegate bodies only: members have one vote each, nothing to split. */
  isDelegateBody: boolean;
  onOpened: (poll: Poll) => void;
}

export function MotionVoteForm({ motion, isDelegateBody, onOpened }: MotionVoteFormProps) {
  const { t } = useTranslation();
  const base = useId();
  const sittings = useApi<{ assemblies: AssemblySummary[] }>(
    `/councils/${encodeURIComponent(motion.councilId)}/assemblies`,
  );
  const inSession = (sittings.data?.assemblies ?? []).filter((a) => a.status === 'in-session');
  const pending = motion.amendments.filter((a) => a.status === 'submitted');
  const [subject, setSubject] = useState('');
  const [assemblyId, setAssemblyId] = useState('');
  const [secrecy, setSecrecy] = useState<Secrecy>('open');
  const [majority, setMajority] = useState<Majority>('simple');
  const [majorityBase, setMajorityBase] = useState<MajorityBase>('voting');
  const [allowSplit, setAllowSplit] = useState(false);
  const { errors, isSubmitting, run } = useMotionSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));
  ids.motionId = ids.amendmentId ?? '';
  const chosenSitting =
    assemblyId ||
    inSession.find((a) => a.id === motion.assemblyId)?.id ||
    (inSession.length === 1 ? (inSession[0]?.id ?? '') : '');

  if (sittings.isLoading && !sittings.data) return <Loading label={t('decisions.motions.vote.loading')} />;
  if (inSession.length === 0) return <p>{t('decisions.motions.vote.noSitting')}</p>;

  const amendmentNumber = (id: string) => motion.amendments.findIndex((a) => a.id === id) + 1;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amendmentId = subject || null;
    const body: PollInput = {
      kind: 'motion',
      assemblyId: chosenSitting || null,
      title: amendmentId
        ? t('decisions.motions.vote.amendmentTitle', {
            number: amendmentNumber(amendmentId),
            title: motion.title,
          })
        : motion.title,
      body: amendmentId ? null : motion.text,
      method: 'yes-no',
      options: [],
      seats: 1,
      maxMarks: 1,
      allowSplit: isDelegateBody && allowSplit,
      majority,
      majorityBase,
      secrecy,
      closesAt: null,
      motionId: motion.id,
      amendmentId,
    };
    await run(async () => {
      onOpened(await api.post<Poll>(`/councils/${encodeURIComponent(motion.councilId)}/polls`, body));
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <SelectField
          id={ids.amendmentId}
          label={t('decisions.motions.vote.subject')}
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
          error={errors.fields.amendmentId ?? errors.fields.motionId}
        >
          <option value="">{t('decisions.motions.vote.subjectMotion')}</option>
          {pending.map((a) => (
            <option key={a.id} value={a.id}>
              {t('decisions.motions.vote.subjectAmendment', { number: amendmentNumber(a.id) })}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.assemblyId}
          label={t('decisions.motions.vote.sitting')}
          value={chosenSitting}
          onChange={(event) => setAssemblyId(event.target.value)}
          error={errors.fields.assemblyId}
        >
          {!chosenSitting && <option value="">{t('decisions.motions.vote.sittingNone')}</option>}
          {inSession.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.secrecy}
          label={t('decisions.pollForm.secrecy')}
          hint={t(`decisions.pollForm.secrecyHint_${secrecy}`)}
          value={secrecy}
          onChange={(event) => setSecrecy(event.target.value as Secrecy)}
          error={errors.fields.secrecy}
        >
          {(['open', 'roll-call', 'secret'] as const).map((item) => (
            <option key={item} value={item}>
              {t(`decisions.secrecyName.${item}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.majority}
          label={t('decisions.pollForm.majority')}
          value={majority}
          onChange={(event) => setMajority(event.target.value as Majority)}
          error={errors.fields.majority}
        >
          {(['simple', 'absolute', 'two-thirds'] as const).map((item) => (
            <option key={item} value={item}>
              {t(`decisions.majorityName.${item}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.majorityBase}
          label={t('decisions.pollForm.base')}
          hint={t('decisions.pollForm.baseHint')}
          value={majorityBase}
          onChange={(event) => setMajorityBase(event.target.value as MajorityBase)}
          error={errors.fields.majorityBase}
        >
          {(['voting', 'present', 'entitled'] as const).map((item) => (
            <option key={item} value={item}>
              {t(`decisions.baseName.${item}`)}
            </option>
          ))}
        </SelectField>
        {isDelegateBody && (
          <CheckboxField
            label={t('decisions.pollForm.allowSplit')}
            hint={t('decisions.pollForm.allowSplitHint')}
            checked={allowSplit}
            onChange={(event) => setAllowSplit(event.target.checked)}
          />
        )}
        {motion.status === 'voted' && (
          <Notice tone="info">
            <p>{t('decisions.motions.vote.alreadyOpen')}</p>
          </Notice>
        )}
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('decisions.motions.vote.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
