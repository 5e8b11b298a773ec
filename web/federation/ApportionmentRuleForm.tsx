// For those who may apportion a federation's seats: choose the rule (method, total or seats per
// council, minimum, what each seat weighs) and recompute the table now. Both share one error list, so a
// recompute refused because the saved rule no longer fits (the minimum, the total) points at the field
// to change.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../app/api-client.ts';
import type { Apportionment, ApportionmentMethod, ApportionmentRule } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useFormat } from '../app/format.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, Notice, SelectField, TextField } from '../ui/index.ts';
import {
  checkRuleForm,
  METHOD_CHOICES,
  type RuleFormValues,
  ruleBody,
  ruleFormValues,
  SEATS,
  WEIGHT_CHOICES,
  type WeightRule,
  weightRuleOf,
} from './apportionment.ts';

const FIELDS = ['method', 'totalSeats', 'seatsPerChild', 'minimumPerChild', 'weightRule'] as const;

export interface ApportionmentRuleFormProps {
  councilId: string;
  rule: ApportionmentRule | null;
  childCount: number;
  /** The rule or the table changed: load the page again. */
  onChanged: () => void;
}

type Outcome = { tone: 'success' | 'info'; text: string } | null;

export function ApportionmentRuleForm({
  councilId,
  rule,
  childCount,
  onChanged,
}: ApportionmentRuleFormProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [values, setValues] = useState<RuleFormValues>(() => ruleFormValues(rule, childCount));
  const [weightRule, setWeightRule] = useState<WeightRule>(() => weightRuleOf(rule));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [isRecomputing, setIsRecomputing] = useState(false);
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);
  const isFixed = values.method === 'fixed';
  const ids = {
    method: `${base}-method`,
    totalSeats: `${base}-total-seats`,
    seatsPerChild: `${base}-seats-per-child`,
    minimumPerChild: `${base}-minimum`,
    weightRule: `${base}-weight-rule`,
  };
  const path = `/councils/${encodeURIComponent(councilId)}`;
  const limits = { min: format.number(SEATS.min), max: format.number(SEATS.max), children: childCount };

  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    const problems = checkRuleForm(values, childCount);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, (key) => t(key, limits)));
      return;
    }
    await run(async () => {
      await api.put<ApportionmentRule>(`${path}/apportionment-rule`, { ...ruleBody(values), weightRule });
      setOutcome({ tone: 'success', text: t('apportionment.ruleSaved') });
      onChanged();
    });
  }

  async function recompute() {
    setOutcome(null);
    setIsRecomputing(true);
    await run(async () => {
      try {
        const table = await api.post<Apportionment>(`${path}/apportionment`, {});
        const total = table.totalSeats;
        setOutcome({
          tone: 'success',
          text: t('apportionment.recomputed', {
            seq: table.seq,
            seats: t('apportionment.seats', { count: total, formatted: format.number(total) }),
            councils: t('counts.councils', {
              count: table.rows.length,
              formatted: format.number(table.rows.length),
            }),
          }),
        });
        onChanged();
      } catch (error) {
        // Nothing to record is news, not a failure: the table in force stands.
        if (!(error instanceof ApiError && error.code === 'apportionment-unchanged')) throw error;
        setOutcome({ tone: 'info', text: errorText(error, i18n) });
      }
    });
    setIsRecomputing(false);
  }

  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('apportionment.manageTitle')}
      </h2>
      <p className="muted">{t('apportionment.manageLead')}</p>
      <ErrorSummary items={summaryItems(errors, ids)} />
      <form className="form" noValidate onSubmit={save}>
        <SelectField
          id={ids.method}
          label={t('apportionment.methodLabel')}
          hint={t(`apportionment.explain.${values.method}`)}
          value={values.method}
          onChange={(event) => set('method', event.target.value as ApportionmentMethod)}
          error={errors.fields.method}
          required
        >
          {METHOD_CHOICES.map((method) => (
            <option key={method} value={method}>
              {t(`apportionment.method.${method}`)}
            </option>
          ))}
        </SelectField>
        {isFixed ? (
          <TextField
            id={ids.seatsPerChild}
            type="number"
            inputMode="numeric"
            min={SEATS.min}
            max={SEATS.max}
            className="input--short"
            label={t('apportionment.seatsPerChild')}
            hint={t('apportionment.seatsPerChildHint')}
            value={values.seatsPerChild}
            onChange={(event) => set('seatsPerChild', event.target.value)}
            error={errors.fields.seatsPerChild}
            required
          />
        ) : (
          <TextField
            id={ids.totalSeats}
            type="number"
            inputMode="numeric"
            min={SEATS.min}
            max={SEATS.max}
            className="input--short"
            label={t('apportionment.totalSeats')}
            hint={t('apportionment.totalSeatsHint')}
            value={values.totalSeats}
            onChange={(event) => set('totalSeats', event.target.value)}
            error={errors.fields.totalSeats}
            required
          />
        )}
        <TextField
          id={ids.minimumPerChild}
          type="number"
          inputMode="numeric"
          min={0}
          max={SEATS.max}
          className="input--short"
          label={t('apportionment.minimumPerChild')}
          hint={t('apportionment.minimumPerChildHint')}
          value={values.minimumPerChild}
          onChange={(event) => set('minimumPerChild', event.target.value)}
          error={errors.fields.minimumPerChild}
          required
        />
        <SelectField
          id={ids.weightRule}
          label={t('apportionment.weightLabel')}
          hint={t('apportionment.weightHint')}
          value={weightRule}
          onChange={(event) => setWeightRule(event.target.value as WeightRule)}
          error={errors.fields.weightRule}
          required
        >
          {WEIGHT_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`apportionment.weight.${choice}`)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <Button type="submit" isBusy={isSubmitting && !isRecomputing} disabled={isRecomputing}>
            {t('apportionment.saveRule')}
          </Button>
        </div>
      </form>
      <div className="recompute">
        <p className="muted">{t('apportionment.recomputeLead')}</p>
        <Button
          variant="secondary"
          isBusy={isRecomputing}
          disabled={isSubmitting}
          onClick={() => void recompute()}
        >
          {t('apportionment.recompute')}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="recompute-outcome">
        {outcome && (
          <Notice tone={outcome.tone}>
            <p>{outcome.text}</p>
          </Notice>
        )}
      </div>
    </section>
  );
}
