// A council's ration rule for one item: every version (newest first) with its status and the poll that
// decided it, the editor that proposes a new version, and "put to the vote" for a proposed one. A
// federated council sets limits instead, which the rules of the councils under it must respect.
import './supply.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Council } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { SubjectVote } from '../decisions/index.ts';
import { Loading, Notice, PageHeader } from '../ui/index.ts';
import { LimitsForm } from './LimitsForm.tsx';
import { useQuantity } from './quantity.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { EMPTY_RULE, ruleValues } from './ration-rule-form.ts';
import { RuleStatusBadge } from './SupplyBadges.tsx';
import { LoadError } from './SupplyParts.tsx';
import { supplyErrorText } from './supply-text.ts';
import {
  AGE_BANDS,
  type Item,
  type RationLimits,
  type RationLimitsView,
  type RationRule,
  type RationRuleContent,
} from './supply-types.ts';
import { useSupplyOffices } from './viewer-offices.ts';

/** A rule in sentences: amount per person, weights, classes in serving order, cap. */
export function RuleSummary({ rule, unit }: { rule: RationRuleContent; unit: string }) {
  const { t } = useTranslation();
  const { quantity } = useQuantity();
  const classes = rule.priorityClasses.map(
    (flags, index) => `${index + 1}. ${flags.map((flag) => t(`supply.flag.${flag}`)).join(', ')}`,
  );
  return (
    <ul className="rule-summary">
      <li>{t('supply.rule.perPersonIs', { amount: quantity(rule.perPersonMilli, unit) })}</li>
      <li>
        {t('supply.rule.weightsAre', {
          weights: AGE_BANDS.map(
            (band) => `${t(`supply.band.${band}`)} ${(rule.weightsPermille[band] ?? 0) / 10} %`,
          ).join(' · '),
        })}
      </li>
      <li>
        {classes.length > 0
          ? t('supply.rule.classesAre', { classes: classes.join('; ') })
          : t('supply.rule.noClasses')}
      </li>
      <li>
        {rule.capPerHouseholdMilli === undefined
          ? t('supply.rule.noCap')
          : t('supply.rule.capIs', { amount: quantity(rule.capPerHouseholdMilli, unit) })}
      </li>
    </ul>
  );
}

function LimitsSummary({ limits, unit }: { limits: RationLimits; unit: string }) {
  const { t } = useTranslation();
  const { quantity } = useQuantity();
  const parts = [
    limits.maxPerPersonMilli === undefined
      ? null
      : t('supply.limits.maxPerPersonIs', { amount: quantity(limits.maxPerPersonMilli, unit) }),
    limits.maxCapPerHouseholdMilli === undefined
      ? null
      : t('supply.limits.maxCapIs', { amount: quantity(limits.maxCapPerHouseholdMilli, unit) }),
    limits.servedFirstFlags && limits.servedFirstFlags.length > 0
      ? t('supply.limits.servedFirstAre', {
          flags: limits.servedFirstFlags.map((flag) => t(`supply.flag.${flag}`)).join(', '),
        })
      : null,
  ].filter(Boolean);
  return <span>{parts.length > 0 ? parts.join(' · ') : t('supply.limits.none')}</span>;
}

/**
 * The server records the vote as "<poll title>: yes 2, no 0, abstain 0", with " — not adopted: …" when a
 * yes vote could not adopt a rule the limits above no longer allow: shown in the reader's words.
 */
function DecisionSummary({ summary }: { summary: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = /: yes ([\d.]+), no ([\d.]+), abstain ([\d.]+)/.exec(summary);
  if (!figures) return null;
  const [yes, no, abstain] = figures.slice(1).map((votes) => format.number(Number(votes)));
  return (
    <p className="muted">
      {[
        `${t('decisions.choice.yes')} ${yes}`,
        `${t('decisions.choice.no')} ${no}`,
        `${t('decisions.choice.abstain')} ${abstain}`,
      ].join(' · ')}
      {summary.includes(' — not adopted: ') && ` — ${t('supply.errors.loosens-parent-limit')}`}
    </p>
  );
}

function Version({
  rule,
  item,
  mayPropose,
  onChanged,
}: {
  rule: RationRule;
  item: Item;
  mayPropose: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li>
      <h3 className="item-title">
        {t('supply.rule.version', { version: rule.version })} <RuleStatusBadge status={rule.status} />
      </h3>
      <p className="meta-line">
        <span>{t('supply.rule.proposedAt', { date: format.date(rule.proposedAt) })}</span>
        {rule.decidedAt && <span>{t('supply.rule.decidedAt', { date: format.date(rule.decidedAt) })}</span>}
      </p>
      <RuleSummary rule={rule.rule} unit={item.baseUnit} />
      {rule.note && <p className="rule-note">{rule.note}</p>}
      {rule.decisionSummary && <DecisionSummary summary={rule.decisionSummary} />}
      <SubjectVote
        path={`/ration-rules/${encodeURIComponent(rule.id)}/poll`}
        pollId={rule.pollId}
        mayOpen={rule.status === 'proposed' && mayPropose}
        explain={supplyErrorText}
        onOpened={onChanged}
      />
    </li>
  );
}

function Rules({ councilId, itemId }: { councilId: string; itemId: string }) {
  const { t } = useTranslation();
  const base = useId();
  const path = `/councils/${encodeURIComponent(councilId)}`;
  const council = useApi<Council>(path);
  const items = useApi<{ items: Item[] }>('/items');
  const isFederation = council.data?.kind === 'federation';
  const rules = useApi<{ rules: RationRule[] }>(
    council.data && !isFederation ? `${path}/ration-rules?itemId=${encodeURIComponent(itemId)}` : null,
  );
  const limits = useApi<RationLimitsView>(`${path}/ration-limits/${encodeURIComponent(itemId)}`);
  const { leads, distributes } = useSupplyOffices(council.data);
  const item = items.data?.items.find((candidate) => candidate.id === itemId);

  if ((council.isLoading || items.isLoading) && !(council.data && items.data))
    return <Loading label={t('supply.rule.loading')} />;
  if (!council.data || !item)
    return (
      <>
        <PageHeader
          title={t('supply.rule.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <LoadError error={council.error ?? items.error} onRetry={council.reload} />
      </>
    );
  const versions = rules.data?.rules ?? [];
  const latest = versions[0];
  const mayPropose = leads || distributes;

  return (
    <div className="supply">
      <PageHeader
        title={
          isFederation
            ? t('supply.limits.title', { item: item.name })
            : t('supply.rule.title', { item: item.name })
        }
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${councilId}`, label: council.data.name },
        ]}
        lead={isFederation ? t('supply.limits.lead') : t('supply.rule.lead')}
      />
      {limits.data && limits.data.above.length > 0 && (
        <Notice tone="info" title={t('supply.limits.aboveTitle')}>
          <ul>
            {limits.data.above.map((above) => (
              <li key={above.councilId}>
                <strong>{above.councilName}</strong>:{' '}
                <LimitsSummary limits={above.limits} unit={item.baseUnit} />
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {isFederation ? (
        <section className="panel" aria-labelledby={`${base}-limits`}>
          <h2 className="panel-title" id={`${base}-limits`}>
            {t('supply.limits.own')}
          </h2>
          {limits.error !== null && <LoadError error={limits.error} onRetry={limits.reload} />}
          {limits.data && (
            <>
              <p>
                {limits.data.own ? (
                  <LimitsSummary limits={limits.data.own} unit={item.baseUnit} />
                ) : (
                  t('supply.limits.none')
                )}
              </p>
              {leads && (
                <LimitsForm councilId={councilId} item={item} own={limits.data.own} onSaved={limits.reload} />
              )}
            </>
          )}
        </section>
      ) : (
        <>
          <section className="panel" aria-labelledby={`${base}-versions`}>
            <h2 className="panel-title" id={`${base}-versions`}>
              {t('supply.rule.versions')}
            </h2>
            {rules.isLoading && !rules.data && <Loading label={t('supply.rule.loading')} />}
            {rules.error !== null && <LoadError error={rules.error} onRetry={rules.reload} />}
            {rules.data &&
              (versions.length === 0 ? (
                <p>{t('supply.rule.none')}</p>
              ) : (
                <ul className="plain-list">
                  {versions.map((rule) => (
                    <Version
                      key={rule.id}
                      rule={rule}
                      item={item}
                      mayPropose={mayPropose}
                      onChanged={rules.reload}
                    />
                  ))}
                </ul>
              ))}
          </section>
          {mayPropose && rules.data && (
            <section className="panel" aria-labelledby={`${base}-editor`}>
              <h2 className="panel-title" id={`${base}-editor`}>
                {t('supply.rule.editor')}
              </h2>
              <p className="muted">{t('supply.rule.editorLead')}</p>
              <RuleEditor
                key={latest?.id ?? 'new'}
                councilId={councilId}
                item={item}
                initial={latest ? ruleValues(latest.rule, null) : EMPTY_RULE}
                onProposed={rules.reload}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}

export default function RationRulesPage({ councilId, itemId }: { councilId: string; itemId: string }) {
  return (
    <RequireSignIn>
      <Rules councilId={councilId} itemId={itemId} />
    </RequireSignIn>
  );
}
