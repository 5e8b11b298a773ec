// The motions on a sitting's agenda, in the assembly room: each with its status and a link to its page;
// for the chair, while the sitting is in session, a shortcut to open a vote on it (the motion page's vote
// form, with this sitting chosen). The council's list says which sitting each motion is on; the room
// reads in full only this sitting's (at most MAX_READ), for their amendments and lineage.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, isAbort } from '../app/api-client.ts';
import type { Assembly, Motion, MotionSummary } from '../app/api-types.ts';
import { Loading } from '../ui/index.ts';
import { MotionStatusBadge } from './MotionBadges.tsx';

const MAX_READ = 40;

/** This sitting's motions in agenda order; `refresh` changes whenever the room has news. */
function useSittingMotions(assembly: Assembly, refresh: string) {
  const [motions, setMotions] = useState<Motion[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh is the reload trigger
  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    (async () => {
      const list = await api.get<{ motions: MotionSummary[] }>(
        `/councils/${encodeURIComponent(assembly.councilId)}/motions`,
        { signal },
      );
      const candidates = list.motions
        .filter((m) => m.assemblyId === assembly.id && m.status !== 'withdrawn' && m.status !== 'referred')
        .slice(0, MAX_READ);
      const read = await Promise.all(
        candidates.map((m) => api.get<Motion>(`/motions/${encodeURIComponent(m.id)}`, { signal })),
      );
      setMotions(
        read
          .filter((m) => m.assemblyId === assembly.id)
          .sort((a, b) => (a.agendaPosition ?? 1e9) - (b.agendaPosition ?? 1e9)),
      );
    })().catch((cause: unknown) => {
      if (!isAbort(cause)) setMotions((held) => held ?? []);
    });
    return () => controller.abort();
  }, [assembly.councilId, assembly.id, refresh]);
  return motions;
}

export function MotionsOnAgenda({ assembly }: { assembly: Assembly }) {
  const { t } = useTranslation();
  const base = useId();
  const refresh = assembly.polls.map((p) => `${p.id}:${p.status}`).join(',');
  const motions = useSittingMotions(assembly, refresh);
  const mayOpenVote = assembly.viewer.mayChair && assembly.status === 'in-session';
  if (motions !== null && motions.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={`${base}-motions`}>
      <h2 className="panel-title" id={`${base}-motions`}>
        {t('decisions.motions.agenda.title')}
      </h2>
      {motions === null ? (
        <Loading label={t('decisions.motions.agenda.loading')} />
      ) : (
        <ul className="plain-list">
          {motions.map((m) => (
            <li key={m.id}>
              <h3 className="item-title">
                <Link href={`/motions/${m.id}`}>{m.title}</Link>
              </h3>
              <p className="meta-line">
                <MotionStatusBadge status={m.status} />
                <span>{t('decisions.motions.amendments.title', { count: m.amendments.length })}</span>
                {m.lineage.origin && (
                  <span>{t('decisions.motions.agenda.from', { council: m.lineage.origin.councilName })}</span>
                )}
              </p>
              {mayOpenVote && (m.status === 'admitted' || m.status === 'debated') && (
                <p>
                  <Link href={`/motions/${m.id}#open-vote`}>
                    {t('decisions.motions.agenda.openVote', { title: m.title })}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
