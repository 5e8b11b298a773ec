// What a signed-in person is told about calls to action whose scope holds a council of theirs: the
// latest notices (called, suspended, resumed, lifted), each with its day and a link to the action.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { actionsErrorText } from './actions-text.ts';
import type { ActionNotice } from './actions-types.ts';

const SHOWN = 5;

export function ActionNotices() {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const notices = useApi<{ notices: ActionNotice[] }>(`/me/action-notices?limit=${SHOWN}`);
  if (notices.error !== null)
    return <LoadError error={notices.error} onRetry={notices.reload} explain={actionsErrorText} />;
  if (!notices.data || notices.data.notices.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('actions.notices.heading')}
      </h2>
      <ul className="plain-list">
        {notices.data.notices.map((notice) => (
          <li key={notice.id}>
            <Link href={`/actions/${notice.actionId}`}>
              {t(`actions.notices.${notice.kind}`, {
                kind: t(`actions.kind.${notice.actionKind}`),
                title: notice.actionTitle,
              })}
            </Link>{' '}
            <span className="muted">— {format.date(notice.at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
