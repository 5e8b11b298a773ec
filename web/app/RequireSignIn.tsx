import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Loading, Notice, PageHeader } from '../ui/index.ts';
import { useSession } from './session.tsx';

/** Renders its children for a logged-in person; otherwise offers the login page, coming back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const [location] = useLocation();

  if (session.status === 'loading') return <Loading label={t('common.loading')} />;
  if (session.person) return <>{children}</>;
  return (
    <div className="narrow">
      <PageHeader title={t('signIn.title')} />
      <Notice tone="info">
        <p>{t('signIn.body')}</p>
        <p>
          <Link href={`/login?next=${encodeURIComponent(location)}`}>{t('signIn.action')}</Link>
        </p>
      </Notice>
    </div>
  );
}
