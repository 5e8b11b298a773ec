import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export interface Crumb {
  href: string;
  label: string;
}

export interface PageHeaderProps {
  title: string;
  lead?: ReactNode;
  crumbs?: Crumb[];
  /** Extra content on the heading line, e.g. a status badge. */
  aside?: ReactNode;
}

/** The page's one h1; also names the browser tab so history and tabs are tellable apart. */
export function PageHeader({ title, lead, crumbs, aside }: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <header className="page-header">
      {crumbs && crumbs.length > 0 && (
        <nav aria-label={t('ui.breadcrumbs')} className="breadcrumbs">
          <ol>
            {crumbs.map((crumb) => (
              <li key={crumb.href}>
                <Link href={crumb.href}>{crumb.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="page-title-row">
        <h1 className="page-title">{title}</h1>
        {aside}
      </div>
      {lead && <p className="lead">{lead}</p>}
    </header>
  );
}

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Cabildo` : 'Cabildo';
  }, [title]);
}
