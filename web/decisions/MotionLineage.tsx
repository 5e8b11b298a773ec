// Where a motion comes from and where it went: the child council's motion it was forwarded from (with
// the decision this body took on it, shown on the origin), the motion it became in the body above, the
// composite it was merged into, a composite's origins; and the instructions the councils below gave
// their delegates — with the form for an officer of one of those councils to set theirs.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../app/api-client.ts';
import type { Council, InstructionPosition, LinkedMotion, Motion, MyCouncil } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Notice, SelectField } from '../ui/index.ts';
import { MotionStatusBadge } from './MotionBadges.tsx';
import { motionErrorText } from './motion-text.ts';

const POSITIONS = ['for', 'against', 'abstain', 'free', 'split'] as const;

function Linked({ label, motion }: { label: string; motion: LinkedMotion }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <Link href={`/motions/${motion.motionId}`}>{motion.title}</Link> · {motion.councilName}{' '}
        <MotionStatusBadge status={motion.status} />
      </dd>
    </>
  );
}

export function MotionLineage({ motion }: { motion: Motion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const { origin, forwardedAs, mergedInto } = motion.lineage;
  if (!origin && !forwardedAs && !mergedInto && motion.compositeOrigins.length === 0 && !motion.parentOutcome)
    return null;
  return (
    <section className="panel" aria-labelledby={`${base}-lineage`}>
      <h2 className="panel-title" id={`${base}-lineage`}>
        {t('decisions.motions.lineage.title')}
      </h2>
      <dl className="definition-list">
        {origin && <Linked label={t('decisions.motions.lineage.origin')} motion={origin} />}
        {forwardedAs && <Linked label={t('decisions.motions.lineage.forwardedAs')} motion={forwardedAs} />}
        {mergedInto && <Linked label={t('decisions.motions.lineage.mergedInto')} motion={mergedInto} />}
        {motion.parentOutcome && (
          <>
            <dt>{t('decisions.motions.lineage.parentDecision')}</dt>
            <dd>
              {t(`decisions.motions.lineage.parent_${motion.parentOutcome}`)}
              {motion.parentDecidedAt && ` · ${format.dateTime(motion.parentDecidedAt)}`}
            </dd>
          </>
        )}
      </dl>
      {motion.compositeOrigins.length > 0 && (
        <>
          <h3 className="item-title">{t('decisions.motions.lineage.compositeOrigins')}</h3>
          <ul className="plain-list">
            {motion.compositeOrigins.map((o) => (
              <li key={o.motionId}>
                <Link href={`/motions/${o.motionId}`}>{o.title || o.originCouncilName}</Link> ·{' '}
                {o.originCouncilName} · {t('decisions.motions.supporters', { count: o.supportersCount })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The children of the motion's council whose secretary or chair the viewer is: who may instruct. */
function useInstructingCouncils(motion: Motion) {
  const session = useSession();
  const signedIn = session.person !== null;
  const council = useApi<Council>(signedIn ? `/councils/${encodeURIComponent(motion.councilId)}` : null);
  const mine = useApi<{ councils: MyCouncil[] }>(signedIn ? '/me/councils' : null);
  const children = new Set((council.data?.children ?? []).map((c) => c.id));
  return (mine.data?.councils ?? []).filter(
    (c) => children.has(c.id) && c.offices.some((o) => o === 'secretary' || o === 'chair'),
  );
}

export function MotionInstructions({ motion, onChanged }: { motion: Motion; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = useId();
  const councils = useInstructingCouncils(motion);
  const [choice, setChoice] = useState<Record<string, InstructionPosition>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState('');
  const [news, setNews] = useState('');
  const mayChange = ['submitted', 'admitted', 'debated'].includes(motion.status);
  if (motion.instructions.length === 0 && (councils.length === 0 || !mayChange)) return null;

  async function save(councilId: string, councilName: string) {
    const position =
      choice[councilId] ?? motion.instructions.find((i) => i.councilId === councilId)?.position ?? 'free';
    setBusy(councilId);
    setFailure('');
    setNews('');
    try {
      await api.put(
        `/motions/${encodeURIComponent(motion.id)}/instructions/${encodeURIComponent(councilId)}`,
        {
          position,
        },
      );
      setNews(t('decisions.motions.instructions.saved', { council: councilName }));
      onChanged();
    } catch (error) {
      setFailure(motionErrorText(error, i18n));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${base}-instructions`}>
      <h2 className="panel-title" id={`${base}-instructions`}>
        {t('decisions.motions.instructions.title')}
      </h2>
      <p className="muted">{t('decisions.motions.instructions.lead')}</p>
      {motion.instructions.length === 0 ? (
        <p>{t('decisions.motions.instructions.none')}</p>
      ) : (
        <ul className="plain-list">
          {motion.instructions.map((i) => (
            <li key={i.councilId}>
              <strong>{i.councilName}</strong>: {t(`decisions.motions.position.${i.position}`)}{' '}
              <span className="muted small">· {format.dateTime(i.decidedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {mayChange &&
        councils.map((c) => (
          <div className="inline-form" key={c.id}>
            <SelectField
              label={t('decisions.motions.instructions.positionOf', { council: c.name })}
              value={
                choice[c.id] ?? motion.instructions.find((i) => i.councilId === c.id)?.position ?? 'free'
              }
              onChange={(event) =>
                setChoice((held) => ({ ...held, [c.id]: event.target.value as InstructionPosition }))
              }
            >
              {POSITIONS.map((p) => (
                <option key={p} value={p}>
                  {t(`decisions.motions.position.${p}`)}
                </option>
              ))}
            </SelectField>
            <Button isBusy={busy === c.id} onClick={() => void save(c.id, c.name)}>
              {t('decisions.motions.instructions.save')}
            </Button>
          </div>
        ))}
      <div role="status">
        {news && (
          <Notice tone="success">
            <p>{news}</p>
          </Notice>
        )}
      </div>
      <div role="alert">
        {failure && (
          <Notice tone="error">
            <p>{failure}</p>
          </Notice>
        )}
      </div>
    </section>
  );
}
