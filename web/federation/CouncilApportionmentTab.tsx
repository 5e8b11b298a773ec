// The "Apportionment" tab of a federated council's page: public, so anyone can check how the seats
// were shared — the current table, the rule in words, what each method does and the history of
// tables; those who may apportion the seats also choose the rule and recompute. A chunk of its own.
import { useTranslation } from 'react-i18next';
import type {
  ApportionmentHistory,
  ApportionmentPage,
  ApportionmentRule,
  Council,
} from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice } from '../ui/index.ts';
import { ApportionmentRuleForm } from './ApportionmentRuleForm.tsx';
import { ApportionmentTable } from './ApportionmentTable.tsx';
import { isRuleOfTable, METHOD_CHOICES, weightRuleOf } from './apportionment.ts';

function RuleInWords({ rule, page }: { rule: ApportionmentRule; page: ApportionmentPage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (key: string, value: number) => t(key, { count: value, formatted: format.number(value) });
  const method = t(`apportionment.method.${rule.method}`);
  return (
    <>
      <p>
        <strong>
          {rule.method === 'fixed'
            ? count('apportionment.ruleFixed', rule.seatsPerChild ?? 0)
            : t('apportionment.ruleByMembers', {
                method,
                count: rule.totalSeats ?? 0,
                formatted: format.number(rule.totalSeats ?? 0),
              })}
        </strong>{' '}
        {rule.minimumPerChild > 0
          ? count('apportionment.ruleMinimum', rule.minimumPerChild)
          : t('apportionment.ruleNoMinimum')}
      </p>
      <p>{t(`apportionment.explain.${rule.method}`)}</p>
      <p>{t('apportionment.ruleWeight', { weight: t(`apportionment.weight.${weightRuleOf(rule)}`) })}</p>
      <p className="small muted">{t('apportionment.ruleSetAt', { date: format.dateTime(rule.setAt) })}</p>
      {page.current && !isRuleOfTable(rule, page.current) && (
        <Notice tone="warning">
          <p>{t('apportionment.ruleNotApplied')}</p>
        </Notice>
      )}
    </>
  );
}

function Methods() {
  const { t } = useTranslation();
  return (
    <details className="methods">
      <summary>{t('apportionment.methodsTitle')}</summary>
      <dl className="definition-list">
        {METHOD_CHOICES.map((method) => (
          <div key={method}>
            <dt>{t(`apportionment.method.${method}`)}</dt>
            <dd>{t(`apportionment.explain.${method}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Keyed by the latest table's id by its parent, so a new table loads the history again. */
function History({ councilId }: { councilId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data, error, isLoading } = useApi<ApportionmentHistory>(
    `/councils/${encodeURIComponent(councilId)}/apportionment/history?limit=20`,
  );
  return (
    <section className="panel" aria-labelledby="seat-history-title">
      <h2 className="panel-title" id="seat-history-title">
        {t('apportionment.historyTitle')}
      </h2>
      {isLoading && !data && <Loading label={t('common.loading')} />}
      {error !== null && (
        <Notice tone="error" live="alert">
          <p>{errorText(error, i18n)}</p>
        </Notice>
      )}
      {data && data.entries.length === 0 && <p>{t('apportionment.historyEmpty')}</p>}
      {data && data.entries.length > 0 && (
        <ol className="plain-list seat-history">
          {data.entries.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.effectiveAt}>{format.date(entry.effectiveAt)}</time>
              {' · '}
              {t('apportionment.historyEntry', {
                seq: entry.seq,
                method: t(`apportionment.method.${entry.method}`),
                seats: t('apportionment.seats', {
                  count: entry.totalSeats,
                  formatted: format.number(entry.totalSeats),
                }),
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export default function CouncilApportionmentTab({ council }: { council: Council }) {
  const { t, i18n } = useTranslation();
  const {
    data: page,
    error,
    isLoading,
    reload,
  } = useApi<ApportionmentPage>(`/councils/${encodeURIComponent(council.id)}/apportionment`);

  if (isLoading && !page) return <Loading label={t('apportionment.loading')} />;
  if (!page) {
    return (
      <Notice tone="error" live="alert">
        <p>{errorText(error, i18n)}</p>
        <p>
          <Button variant="secondary" onClick={reload}>
            {t('common.retry')}
          </Button>
        </p>
      </Notice>
    );
  }

  const canApportion = council.viewer.canApportion;
  return (
    <div className="seats">
      <section className="panel" aria-labelledby="seat-table-title">
        <h2 className="panel-title" id="seat-table-title">
          {t('apportionment.tableTitle')}
        </h2>
        <p className="muted">{t('apportionment.tableLead')}</p>
        {page.current ? (
          <ApportionmentTable table={page.current} previous={page.previous} />
        ) : (
          <p>{t('apportionment.noTable')}</p>
        )}
      </section>
      <div className="two-columns">
        <section className="panel" aria-labelledby="seat-rule-title">
          <h2 className="panel-title" id="seat-rule-title">
            {t('apportionment.ruleTitle')}
          </h2>
          {page.rule ? <RuleInWords rule={page.rule} page={page} /> : <p>{t('apportionment.noRule')}</p>}
          <Methods />
        </section>
        <History key={page.current?.id ?? 'none'} councilId={council.id} />
      </div>
      {canApportion && (
        <ApportionmentRuleForm
          councilId={council.id}
          rule={page.rule}
          childCount={council.children.length}
          onChanged={reload}
        />
      )}
    </div>
  );
}
