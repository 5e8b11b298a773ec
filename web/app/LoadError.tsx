// A failed load with a retry button, in the words of the context that loaded (`explain`: its error
// texts, stable, declared at module level; the app's own by default).
import { useTranslation } from 'react-i18next';
import { Button, Notice } from '../ui/index.ts';
import { errorText } from './error-text.ts';
import type { ExplainError } from './use-form-submit.ts';

export function LoadError({
  error,
  onRetry,
  explain = errorText,
}: {
  error: unknown;
  onRetry: () => void;
  explain?: ExplainError;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Notice tone="error" live="alert">
      <p>{explain(error, i18n)}</p>
      <p>
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </p>
    </Notice>
  );
}
