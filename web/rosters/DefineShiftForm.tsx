// An officer defines one shift: place, role, the local date and times on the council's clock (an end at
// or before the start is the next morning), places needed, the training it requires, its lead and the
// depot or distribution round it serves. A distribution officer defines only shifts tied to a depot or
// a round (or both).
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Button, ErrorSummary, Notice, SelectField, TextField } from '../ui/index.ts';
import { shiftInstants, todayIn } from './roster-days.ts';
import { isClockTime, isPlaces, shiftTieProblems } from './roster-forms.ts';
import { useRostersSubmit } from './rosters-text.ts';
import type { DepotRef, RoundRef, Shift } from './rosters-types.ts';
import { useActiveMembers } from './use-active-members.ts';

const FIELDS = [
  'place',
  'role',
  'date',
  'startsAt',
  'endsAt',
  'needed',
  'requiredTraining',
  'leadPersonId',
  'depotId',
  'distributionRoundId',
] as const;

export function DefineShiftForm({
  councilId,
  zone,
  tiedOnly,
  onDefined,
}: {
  councilId: string;
  zone: string;
  /** The viewer may define only shifts tied to a depot or a distribution round (a distribution officer). */
  tiedOnly: boolean;
  onDefined: (shift: Shift) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const path = `/councils/${encodeURIComponent(councilId)}`;
  // The lead is one of the council's active members (officers read the register); depots and
  // distribution rounds from supply.
  const members = useActiveMembers(councilId);
  const depots = useApi<{ depots: DepotRef[] }>(`${path}/depots`);
  const rounds = useApi<{ rounds: RoundRef[] }>(`${path}/distribution-rounds`);
  const [place, setPlace] = useState('');
  const [role, setRole] = useState('');
  const [date, setDate] = useState(() => todayIn(zone));
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('12:00');
  const [needed, setNeeded] = useState('1');
  const [training, setTraining] = useState('');
  const [leadPersonId, setLeadPersonId] = useState('');
  const [depotId, setDepotId] = useState('');
  const [roundId, setRoundId] = useState('');
  const [defined, setDefined] = useState<Shift | null>(null);
  const { errors, setErrors, isSubmitting, run } = useRostersSubmit(FIELDS);
  const ids = Object.fromEntries(FIELDS.map((field) => [field, `${base}-${field}`]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!place.trim()) problems.place = 'rosters.define.placeRequired';
    if (!role.trim()) problems.role = 'rosters.define.roleRequired';
    if (!date) problems.date = 'rosters.define.dateRequired';
    if (!isClockTime(start)) problems.startsAt = 'rosters.define.timeInvalid';
    if (!isClockTime(end)) problems.endsAt = 'rosters.define.timeInvalid';
    if (!isPlaces(needed)) problems.needed = 'rosters.define.neededInvalid';
    Object.assign(problems, shiftTieProblems(tiedOnly, { depotId, distributionRoundId: roundId }));
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, t));
      return;
    }
    setDefined(null);
    await run(async () => {
      const shift = await api.post<Shift>(`${path}/shifts`, {
        place: place.trim(),
        role: role.trim(),
        ...shiftInstants(date, start, end, zone),
        needed: Number(needed),
        requiredTraining: training.trim() || null,
        leadPersonId: leadPersonId || null,
        depotId: depotId || null,
        distributionRoundId: roundId || null,
      });
      setDefined(shift);
      onDefined(shift);
    });
  }

  return (
    <>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <div role="status">
        {defined && (
          <Notice tone="success">
            <p>{t('rosters.define.done', { role: defined.role, place: defined.place })}</p>
          </Notice>
        )}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          id={ids.place}
          label={t('rosters.shift.place')}
          hint={t('rosters.define.placeHint')}
          value={place}
          onChange={(event) => setPlace(event.target.value)}
          error={errors.fields.place}
          maxLength={300}
          required
        />
        <TextField
          id={ids.role}
          label={t('rosters.shift.role')}
          hint={t('rosters.define.roleHint')}
          value={role}
          onChange={(event) => setRole(event.target.value)}
          error={errors.fields.role}
          maxLength={100}
          required
        />
        <TextField
          id={ids.date}
          type="date"
          label={t('rosters.define.date')}
          value={date}
          onChange={(event) => setDate(event.target.value)}
          error={errors.fields.date}
          required
        />
        <div className="roster-times">
          <TextField
            id={ids.startsAt}
            type="time"
            label={t('rosters.define.start')}
            value={start}
            onChange={(event) => setStart(event.target.value)}
            error={errors.fields.startsAt}
            required
          />
          <TextField
            id={ids.endsAt}
            type="time"
            label={t('rosters.define.end')}
            hint={t('rosters.define.endHint', { zone })}
            value={end}
            onChange={(event) => setEnd(event.target.value)}
            error={errors.fields.endsAt}
            required
          />
        </div>
        <TextField
          id={ids.needed}
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          label={t('rosters.shift.needed')}
          value={needed}
          onChange={(event) => setNeeded(event.target.value)}
          error={errors.fields.needed}
          required
        />
        <TextField
          id={ids.requiredTraining}
          label={t('rosters.shift.training')}
          hint={t('rosters.define.trainingHint')}
          value={training}
          onChange={(event) => setTraining(event.target.value)}
          error={errors.fields.requiredTraining}
          maxLength={100}
          isOptional
        />
        <SelectField
          id={ids.leadPersonId}
          label={t('rosters.shift.lead')}
          hint={members.unavailable ? t('rosters.define.membersUnavailable') : undefined}
          value={leadPersonId}
          onChange={(event) => setLeadPersonId(event.target.value)}
          error={errors.fields.leadPersonId}
          isOptional
        >
          <option value="">{t('rosters.define.noLead')}</option>
          {members.members.map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.fullName}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.depotId}
          label={t('rosters.shift.depot')}
          hint={tiedOnly ? t('rosters.define.tieHint') : undefined}
          value={depotId}
          onChange={(event) => setDepotId(event.target.value)}
          error={errors.fields.depotId}
          isOptional={!tiedOnly}
        >
          <option value="">{t('rosters.define.noDepot')}</option>
          {(depots.data?.depots ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.distributionRoundId}
          label={t('rosters.shift.round')}
          hint={rounds.error ? t('rosters.define.roundsUnavailable') : undefined}
          value={roundId}
          onChange={(event) => setRoundId(event.target.value)}
          error={errors.fields.distributionRoundId}
          isOptional={!tiedOnly}
        >
          <option value="">{t('rosters.define.noRound')}</option>
          {(rounds.data?.rounds ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.status === 'open'
                ? t('rosters.define.roundOption', { title: r.title, date: format.date(r.openedAt) })
                : t('rosters.define.roundOptionClosed', { title: r.title, date: format.date(r.openedAt) })}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting}>
            {t('rosters.define.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
