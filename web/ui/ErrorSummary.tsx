import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ErrorItem {
  message: string;
  /** id of the field to jump to, when the error belongs to one. */
  fieldId?: string;
}

/**
 * The list of what went wrong with a form, announced when it appears (role="alert") and focused so
 * keyboard users land on it; each field error links to its field.
 */
export function ErrorSummary({ items, title }: { items: ErrorItem[]; title?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((item) => item.message).join('|');

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary-title">{title ?? t('ui.problem')}</h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.fieldId ?? ''}${item.message}`}>
            {item.fieldId ? <a href={`#${item.fieldId}`}>{item.message}</a> : item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
