import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeader } from '../ui/index.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeader title={t('notFound.title')} lead={t('notFound.body')} />
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
