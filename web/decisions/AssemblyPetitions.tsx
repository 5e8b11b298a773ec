// "Call a sitting": the council's petitions for a sitting with their progress (signatures of those needed,
// fixed at opening; the count is public, the signers are not), signing, the sitting a petition convened;
// a form for members to propose one (the proposer signs first); and, for the council's secretary or
// chair, the share of members whose signatures convene a sitting. The server checks every act again.
import type { i18n as I18n } from 'i18next';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError, api } from '../app/api-client.ts';
import type { AssemblyPetition, AssemblyPetitionList, Council } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Badge, Button, ErrorSummary, Loading, Notice, TextArea, TextField } from '../ui/index.ts';
import {
  checkPetition,
  EMPTY_PETITION,
  orderPetitions,
  type PetitionValues,
  petitionBody,
  sharePercentFrom,
  signaturePercent,
} from './assembly-petitions.ts';
import { decisionErrorText } from './decisions-text.ts';

const FIELDS = ['title', 'reason', 'startsAt', 'place', 'onlineUrl', 'agenda'] as const;
const SHARE_FIELDS = ['sharePercent'] as const;
const AGENDA_LIMIT = 100;

/** The petition's own error texts (not a member, already signed…), else the decisions API's. */
function petitionErrorText(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    const key = `decisions.petitions.errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return decisionErrorText(error, i18n);
}

/** app/use-form-submit.ts with the petitions' error texts. */
const usePetitionSubmit = (fields: readonly string[]) => useFormSubmit(fields, petitionErrorText);

function Progress({ petition }: { petition: AssemblyPetition }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = t('decisions.petitions.progress', {
    count: petition.signatureCount,
    formatted: format.number(petition.signatureCount),
    needed: format.number(petition.signaturesNeeded),
  });
  return (
    <div className="petition-progress">
      <p>
        <strong>{label}</strong>
      </p>
      <progress
        max={petition.signaturesNeeded}
        value={Math.min(petition.signatureCount, petition.signaturesNeeded)}
        aria-label={label}
      >
        {signaturePercent(petition.signatureCount, petition.signaturesNeeded)} %
      </progress>
      <p className="small muted">
        {t('decisions.petitions.needed', {
          percent: petition.sharePercent,
          members: format.number(petition.membersAtOpening),
          date: format.date(petition.openedAt),
        })}
      </p>
    </div>
  );
}

function PetitionItem({
  petition,
  maySign,
  onSigned,
}: {
  petition: AssemblyPetition;
  maySign: boolean;
  onSigned: (signed: AssemblyPetition) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [isSigning, setIsSigning] = useState(false);
  const [news, setNews] = useState('');
  const [failure, setFailure] = useState('');

  async function sign() {
    setIsSigning(true);
    setNews('');
    setFailure('');
    try {
      const signed = await api.post<AssemblyPetition>(
        `/assembly-petitions/${encodeURIComponent(petition.id)}/signatures`,
        {},
      );
      setNews(
        signed.status === 'convened' && petition.status === 'open'
          ? t('decisions.petitions.convenedNow')
          : t('decisions.petitions.signed'),
      );
      onSigned(signed);
    } catch (error) {
      setFailure(petitionErrorText(error, i18n));
    } finally {
      setIsSigning(false);
    }
  }

  return (
    <li>
      <h3 className="item-title">{petition.title}</h3>
      <p className="meta-line">
        {petition.status === 'open' ? (
          <Badge tone="warning">{t('decisions.petitions.status.open')}</Badge>
        ) : (
          <Badge tone="success">{t('decisions.petitions.status.convened')}</Badge>
        )}
        <span>{t('decisions.petitions.proposedFor', { date: format.dateTime(petition.startsAt) })}</span>
        {petition.place && <span>{petition.place}</span>}
        {petition.onlineUrl && <span>{t('decisions.assembly.online')}</span>}
      </p>
      <p className="petition-reason">{petition.reason}</p>
      {petition.agenda.length > 0 && (
        <details>
          <summary>{t('decisions.petitions.agendaCount', { count: petition.agenda.length })}</summary>
          <ol>
            {petition.agenda.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a proposed agenda item is its position
              <li key={index}>
                {item.title}
                {item.notes && <p className="small muted petition-reason">{item.notes}</p>}
              </li>
            ))}
          </ol>
        </details>
      )}
      <Progress petition={petition} />
      {petition.status === 'convened' && petition.assemblyId && (
        <p>
          <Link href={`/assemblies/${petition.assemblyId}`}>{t('decisions.petitions.sittingLink')}</Link>
        </p>
      )}
      <div role="status">{news && <p className="small">{news}</p>}</div>
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure}</p>
          </Notice>
        )}
      </div>
      {petition.status === 'open' &&
        (petition.viewerHasSigned ? (
          <p className="muted">{t('decisions.petitions.youSigned')}</p>
        ) : (
          maySign && (
            <div className="actions">
              <Button isBusy={isSigning} onClick={() => void sign()}>
                {t('decisions.petitions.sign')}
              </Button>
            </div>
          )
        ))}
    </li>
  );
}

function PetitionForm({
  councilId,
  onOpened,
}: {
  councilId: string;
  onOpened: (p: AssemblyPetition) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [values, setValues] = useState<PetitionValues>(EMPTY_PETITION);
  const { errors, setErrors, isSubmitting, run } = usePetitionSubmit(FIELDS);
  const addButton = useRef<HTMLButtonElement>(null);
  const ids: Record<string, string> = {
    ...Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`])),
    ...Object.fromEntries(values.agenda.map((_, index) => [`agenda.${index}`, `${base}-agenda-${index}`])),
  };
  const set = <K extends keyof PetitionValues>(key: K, value: PetitionValues[K]) =>
    setValues((held) => ({ ...held, [key]: value }));
  const setItem = (index: number, item: PetitionValues['agenda'][number]) =>
    setValues((held) => ({ ...held, agenda: held.agenda.map((old, i) => (i === index ? item : old)) }));

  function removeItem(index: number) {
    setValues((held) => ({ ...held, agenda: held.agenda.filter((_, i) => i !== index) }));
    requestAnimationFrame(() => addButton.current?.focus());
  }

  function addItem() {
    const index = values.agenda.length;
    setValues((held) => ({ ...held, agenda: [...held.agenda, { title: '', notes: '' }] }));
    requestAnimationFrame(() => document.getElementById(`${base}-agenda-${index}`)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkPetition(values, new Date());
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    await run(async () => {
      const petition = await api.post<AssemblyPetition>(
        `/councils/${encodeURIComponent(councilId)}/assembly-petitions`,
        petitionBody(values),
      );
      setValues(EMPTY_PETITION);
      onOpened(petition);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.title}
          label={t('decisions.petitions.title')}
          hint={t('decisions.petitions.titleHint')}
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
          error={errors.fields.title}
          maxLength={200}
          required
        />
        <TextArea
          id={ids.reason}
          label={t('decisions.petitions.reason')}
          hint={t('decisions.petitions.reasonHint')}
          value={values.reason}
          onChange={(event) => set('reason', event.target.value)}
          error={errors.fields.reason}
          maxLength={2000}
          rows={3}
          required
        />
        <TextField
          id={ids.startsAt}
          type="datetime-local"
          label={t('decisions.petitions.startsAt')}
          hint={t('decisions.petitions.startsAtHint')}
          value={values.startsAt}
          onChange={(event) => set('startsAt', event.target.value)}
          error={errors.fields.startsAt}
          required
        />
        <TextField
          id={ids.place}
          label={t('decisions.petitions.place')}
          hint={t('decisions.petitions.placeHint')}
          value={values.place}
          onChange={(event) => set('place', event.target.value)}
          error={errors.fields.place}
          maxLength={300}
        />
        <TextField
          id={ids.onlineUrl}
          type="url"
          label={t('decisions.petitions.onlineUrl')}
          isOptional
          value={values.onlineUrl}
          onChange={(event) => set('onlineUrl', event.target.value)}
          error={errors.fields.onlineUrl}
          maxLength={500}
        />
        <fieldset>
          <legend>{t('decisions.petitions.agenda')}</legend>
          <p className="field-hint">{t('decisions.petitions.agendaHint')}</p>
          <ol className="agenda-rows">
            {values.agenda.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an agenda row is its position
              <li key={index} className="agenda-row">
                <TextField
                  id={`${base}-agenda-${index}`}
                  label={t('decisions.petitions.itemTitle', { number: index + 1 })}
                  value={item.title}
                  onChange={(event) => setItem(index, { ...item, title: event.target.value })}
                  error={errors.fields[`agenda.${index}`]}
                  maxLength={300}
                />
                <TextArea
                  label={t('decisions.petitions.itemNotes', { number: index + 1 })}
                  isOptional
                  rows={2}
                  value={item.notes}
                  onChange={(event) => setItem(index, { ...item, notes: event.target.value })}
                  maxLength={5000}
                />
                <Button variant="quiet" onClick={() => removeItem(index)}>
                  {t('decisions.petitions.removeItem', { number: index + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          {values.agenda.length < AGENDA_LIMIT && (
            <Button ref={addButton} variant="secondary" onClick={addItem}>
              {t('decisions.petitions.addItem')}
            </Button>
          )}
        </fieldset>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('decisions.petitions.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

function ShareForm({
  councilId,
  current,
  onSaved,
}: {
  councilId: string;
  current: number;
  onSaved: (percent: number) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [typed, setTyped] = useState(String(current));
  const [saved, setSaved] = useState<number | null>(null);
  const { errors, setErrors, isSubmitting, run } = usePetitionSubmit(SHARE_FIELDS);
  const ids = { sharePercent: `${base}-share` };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const percent = sharePercentFrom(typed);
    if (percent === null) {
      setErrors(errorsFromProblems({ sharePercent: 'decisions.petitions.shareInvalid' }, t));
      return;
    }
    await run(async () => {
      const answer = await api.put<{ sharePercent: number }>(
        `/councils/${encodeURIComponent(councilId)}/assembly-petition-share`,
        { sharePercent: percent },
      );
      setTyped(String(answer.sharePercent));
      setSaved(answer.sharePercent);
      onSaved(answer.sharePercent);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="inline-form" noValidate onSubmit={submit}>
        <TextField
          id={ids.sharePercent}
          label={t('decisions.petitions.shareLabel')}
          hint={t('decisions.petitions.shareHint', { percent: current })}
          inputMode="numeric"
          className="input--short"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={errors.fields.sharePercent}
          required
        />
        <div className="actions">
          <Button type="submit" variant="secondary" isBusy={isSubmitting}>
            {t('decisions.petitions.shareSave')}
          </Button>
        </div>
        <div role="status">
          {saved !== null && (
            <p className="small">{t('decisions.petitions.shareSaved', { percent: saved })}</p>
          )}
        </div>
      </form>
    </>
  );
}

export function AssemblyPetitions({ council }: { council: Council }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const base = useId();
  const list = useApi<AssemblyPetitionList>(`/councils/${encodeURIComponent(council.id)}/assembly-petitions`);
  const [updated, setUpdated] = useState<Record<string, AssemblyPetition>>({});
  const [sharePercent, setSharePercent] = useState<number | null>(null);
  const [isProposing, setIsProposing] = useState(false);
  const [opened, setOpened] = useState('');
  const isLive = !council.dissolvedAt;
  const leads =
    isLive &&
    council.offices.some(
      (office) =>
        office.person.id === session.person?.id &&
        (office.office === 'secretary' || office.office === 'chair'),
    );
  // A base council's members petition; on a federated council its seated delegates do (the server knows).
  const mayPetition = isLive && (council.viewer.isMember || council.kind === 'federation');
  const petitions = orderPetitions((list.data?.petitions ?? []).map((p) => updated[p.id] ?? p));
  const share = sharePercent ?? list.data?.sharePercent ?? null;
  const keep = (petition: AssemblyPetition) => setUpdated((held) => ({ ...held, [petition.id]: petition }));

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('decisions.petitions.heading')}
      </h2>
      <p className="muted">
        {share === null
          ? t('decisions.petitions.lead')
          : t('decisions.petitions.leadShare', { percent: share })}
      </p>
      {list.isLoading && !list.data && <Loading label={t('decisions.petitions.loading')} />}
      {list.error !== null && (
        <Notice tone="error" live="alert">
          <p>{petitionErrorText(list.error, i18n)}</p>
          <p>
            <Button variant="secondary" onClick={list.reload}>
              {t('common.retry')}
            </Button>
          </p>
        </Notice>
      )}
      {list.data &&
        (petitions.length === 0 ? (
          <p>{t('decisions.petitions.none')}</p>
        ) : (
          <ul className="plain-list">
            {petitions.map((petition) => (
              <PetitionItem key={petition.id} petition={petition} maySign={mayPetition} onSigned={keep} />
            ))}
          </ul>
        ))}
      <div role="status">
        {opened && (
          <Notice tone="success">
            <p>{opened}</p>
          </Notice>
        )}
      </div>
      {mayPetition && list.data && (
        <>
          <p>
            <Button
              variant="secondary"
              aria-expanded={isProposing}
              onClick={() => setIsProposing(!isProposing)}
            >
              {t('decisions.petitions.propose')}
            </Button>
          </p>
          {isProposing && (
            <PetitionForm
              councilId={council.id}
              onOpened={(petition) => {
                keep(petition);
                setIsProposing(false);
                setOpened(t('decisions.petitions.opened'));
                list.reload();
              }}
            />
          )}
          {council.kind === 'federation' && <p className="small muted">{t('decisions.petitions.whoMay')}</p>}
        </>
      )}
      {leads && share !== null && (
        <ShareForm councilId={council.id} current={share} onSaved={setSharePercent} />
      )}
    </section>
  );
}
