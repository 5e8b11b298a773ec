// The currency of a cap or a report: a three-letter ISO code, upper-cased as typed (BOB by default).
import { useTranslation } from 'react-i18next';
import { TextField } from '../ui/index.ts';

export function CurrencyField({
  id,
  value,
  onChange,
  error,
}: {
  id: string | undefined;
  value: string;
  onChange: (currency: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      id={id}
      label={t('prices.form.currency')}
      value={value}
      onChange={(event) => onChange(event.target.value.toUpperCase())}
      error={error}
      maxLength={3}
      required
    />
  );
}
