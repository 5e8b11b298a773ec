import { useTranslation } from 'react-i18next';
import { TextField } from '../ui/index.ts';
import { PASSWORD_MIN_LENGTH } from './form-checks.ts';

export interface PasswordFieldsProps {
  idPrefix: string;
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  errors: Record<string, string>;
}

/** A new password typed twice, for the set-password and setup forms. */
export function PasswordFields({
  idPrefix,
  password,
  confirmation,
  onPassword,
  onConfirmation,
  errors,
}: PasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        type="password"
        label={t('password.new')}
        hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        value={password}
        onChange={(event) => onPassword(event.target.value)}
        error={errors.password}
        required
      />
      <TextField
        id={`${idPrefix}-confirmation`}
        type="password"
        label={t('password.confirm')}
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => onConfirmation(event.target.value)}
        error={errors.confirmation}
        required
      />
    </>
  );
}
