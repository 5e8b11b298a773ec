// The ranked rows of an election result: each a member chosen from the council's list and the votes
// the tally sheet gives them; rows may be added and removed. Errors are per list (winners, substitutes).
import { useTranslation } from 'react-i18next';
import type { CouncilMember } from '../app/api-types.ts';
import { Button, SelectField, TextField } from '../ui/index.ts';
import type { CandidateRow } from './mandates.ts';

export interface CandidateRowsProps {
  /** Element ids start with it; the first select's id is `${idPrefix}-0-person` (errors link there). */
  idPrefix: string;
  legend: string;
  hint: string;
  rankLabel: (rank: number) => string;
  addLabel: string;
  rows: CandidateRow[];
  members: CouncilMember[];
  max: number;
  error: string | undefined;
  onChange: (rows: CandidateRow[]) => void;
}

export function CandidateRows({
  idPrefix,
  legend,
  hint,
  rankLabel,
  addLabel,
  rows,
  members,
  max,
  error,
  onChange,
}: CandidateRowsProps) {
  const { t } = useTranslation();
  const update = (index: number, row: Partial<CandidateRow>) =>
    onChange(rows.map((current, i) => (i === index ? { ...current, ...row } : current)));
  return (
    <fieldset
      className={error ? 'candidate-rows field--invalid' : 'candidate-rows'}
      aria-describedby={`${idPrefix}-hint`}
    >
      <legend className="field-label">{legend}</legend>
      <p className="field-hint" id={`${idPrefix}-hint`}>
        {hint}
      </p>
      {error && (
        <p className="field-error" id={`${idPrefix}-error`}>
          <span className="visually-hidden">{t('ui.errorPrefix')} </span>
          {error}
        </p>
      )}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row is its rank; rows carry no id of their own
        <div className="candidate-row" key={index}>
          <SelectField
            id={`${idPrefix}-${index}-person`}
            label={rankLabel(index + 1)}
            value={row.personId}
            onChange={(event) => update(index, { personId: event.target.value })}
          >
            <option value="">{t('election.choose')}</option>
            {members.map((member) => (
              <option key={member.personId} value={member.personId}>
                {member.fullName}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${idPrefix}-${index}-votes`}
            type="number"
            inputMode="numeric"
            min={0}
            className="input--short"
            label={t('election.votes')}
            value={row.votes}
            onChange={(event) => update(index, { votes: event.target.value })}
          />
          <Button
            variant="quiet"
            className="candidate-remove"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
            aria-label={t('election.removeRow', { rank: rankLabel(index + 1) })}
          >
            {t('election.remove')}
          </Button>
        </div>
      ))}
      {rows.length < max && (
        <Button
          variant="secondary"
          className="candidate-add"
          onClick={() => onChange([...rows, { personId: '', votes: '' }])}
        >
          {addLabel}
        </Button>
      )}
    </fieldset>
  );
}
