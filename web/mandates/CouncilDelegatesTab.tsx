// The "Delegates" tab of a council page, public: for a federation, who sits in it now or at any
// instant picked; for a council that sends delegates above, its own delegates there — and, for its
// secretary or chair once the council above apportioned it seats, the form to record an election.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApportionmentPage, Council, Roll } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice, TextField } from '../ui/index.ts';
import { ElectionResultForm } from './ElectionResultForm.tsx';
import { instantFromLocal, seatsOfSender } from './mandates.ts';
import { RecallThresholdForm } from './RecallThresholdForm.tsx';
import { RollTable } from './RollTable.tsx';

/** A federation's roll, now or at the instant picked (the reader's clock). */
function CouncilRoll({ council }: { council: Council }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [at, setAt] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const query = at ? `?at=${encodeURIComponent(at)}` : '';
  const roll = useApi<Roll>(`/councils/${encodeURIComponent(council.id)}/roll${query}`);

  function show(event: FormEvent) {
    event.preventDefault();
    const instant = instantFromLocal(draft);
    if (!instant) {
      setProblem(t('roll.atInvalid'));
      return;
    }
    setProblem(undefined);
    setAt(instant);
  }

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('roll.title')}
      </h2>
      <p className="muted">{t('roll.lead')}</p>
      <form className="inline-form roll-at" noValidate onSubmit={show}>
        <TextField
          type="datetime-local"
          label={t('roll.atLabel')}
          hint={t('roll.atHint')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          error={problem}
        />
        <div className="actions">
          <Button type="submit" variant="secondary">
            {t('roll.atShow')}
          </Button>
          {at && (
            <Button
              variant="quiet"
              onClick={() => {
                setAt(null);
                setDraft('');
              }}
            >
              {t('roll.atNow')}
            </Button>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {roll.isLoading && !roll.data && <Loading label={t('roll.loading')} />}
        {roll.error !== null && <LoadError error={roll.error} onRetry={roll.reload} />}
        {roll.data &&
          (roll.data.seats.length === 0 ? (
            <p>{at ? t('roll.emptyAt', { date: format.dateTime(roll.data.at) }) : t('roll.empty')}</p>
          ) : (
            <RollTable
              seats={roll.data.seats}
              caption={
                at
                  ? t('roll.captionAt', { date: format.dateTime(roll.data.at) })
                  : t('roll.captionNow', { date: format.dateTime(roll.data.at) })
              }
            />
          ))}
      </div>
    </section>
  );
}

/** The seats this council holds above, and the seats the council above apportioned it. */
function OwnDelegates({
  council,
  parentId,
  parentName,
}: {
  council: Council;
  parentId: string;
  parentName: string;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const base = useId();
  const roll = useApi<Roll>(`/councils/${encodeURIComponent(parentId)}/roll`);
  const leads = council.offices.some(
    (office) =>
      office.person.id === session.person?.id && (office.office === 'secretary' || office.office === 'chair'),
  );
  const seats = useApi<ApportionmentPage>(
    leads ? `/councils/${encodeURIComponent(parentId)}/apportionment` : null,
  );
  const line = seats.data?.current?.rows.find((row) => row.councilId === council.id);
  const own = roll.data ? seatsOfSender(roll.data, council.id) : [];

  return (
    <>
      <section className="panel" aria-labelledby={`${base}-title`}>
        <h2 className="panel-title" id={`${base}-title`}>
          {t('roll.ownTitle', { name: parentName })}
        </h2>
        {roll.isLoading && !roll.data && <Loading label={t('roll.loading')} />}
        {roll.error !== null && <LoadError error={roll.error} onRetry={roll.reload} />}
        {roll.data &&
          (own.length === 0 ? (
            <p>{t('roll.ownEmpty', { name: parentName })}</p>
          ) : (
            <RollTable
              seats={own}
              caption={t('roll.ownCaption', { name: council.name, parent: parentName })}
              hideSender
            />
          ))}
      </section>
      {leads &&
        seats.data &&
        (line && line.seats > 0 && !council.dissolvedAt ? (
          <ElectionResultForm
            council={council}
            parentName={parentName}
            seats={line.seats}
            onRecorded={roll.reload}
          />
        ) : (
          <Notice tone="info">
            <p>{t('election.noSeats', { name: parentName })}</p>
          </Notice>
        ))}
    </>
  );
}

export default function CouncilDelegatesTab({ council }: { council: Council }) {
  return (
    <div className="delegates">
      {council.parent && (
        <OwnDelegates council={council} parentId={council.parent.id} parentName={council.parent.name} />
      )}
      <RecallThresholdForm council={council} />
      {council.kind === 'federation' && <CouncilRoll council={council} />}
    </div>
  );
}
