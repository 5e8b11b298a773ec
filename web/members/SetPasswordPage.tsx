// Reached from the invitation link a secretary hands over after accepting a Join application (or
// from a password-reset link): shows whose account it is, sets the password, logs in.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError, api } from '../app/api-client.ts';
import type { AuthResult, PasswordToken } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useSession } from '../app/session.tsx';
import { useApi } from '../app/use-api.ts';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, Loading, Notice, PageHeader, TextField } from '../ui/index.ts';
import { checkPassword, LIMITS } from './form-checks.ts';
import { PasswordFields } from './PasswordFields.tsx';

const FIELDS = ['password', 'confirmation'] as const;
const FIELD_IDS = { password: 'set-password', confirmation: 'set-confirmation' };

function TokenProblem({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const isInvalid =
    error === null || (error instanceof ApiError && (error.status === 404 || error.code === 'token-invalid'));
  return (
    <div className="narrow">
      <PageHeader title={t('setPassword.title')} />
      <Notice tone="error" live="alert" title={isInvalid ? t('setPassword.invalidTitle') : undefined}>
        <p>{isInvalid ? t('setPassword.invalidBody') : errorText(error, i18n)}</p>
      </Notice>
      <p>
        <Link href="/login">{t('setPassword.toLogin')}</Link>
      </p>
    </div>
  );
}

export default function SetPasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const lookup = useApi<PasswordToken>(token ? `/password-tokens/${encodeURIComponent(token)}` : null);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);

  if (!token) return <TokenProblem error={null} />;
  if (lookup.isLoading) return <Loading label={t('setPassword.checking')} />;
  if (lookup.error || !lookup.data) return <TokenProblem error={lookup.error} />;
  const account = lookup.data;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkPassword(password, confirmation);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, (key) => t(key, LIMITS)));
      return;
    }
    await run(async () => {
      const result = await api.post<AuthResult>('/password', { token, password });
      session.signedIn(result);
      navigate('/me');
    });
  }

  return (
    <div className="narrow">
      <PageHeader
        title={account.purpose === 'invitation' ? t('setPassword.welcomeTitle') : t('setPassword.title')}
        lead={
          account.purpose === 'invitation'
            ? t('setPassword.welcomeLead', { name: account.fullName })
            : t('setPassword.resetLead', { name: account.fullName })
        }
      />
      <ErrorSummary items={summaryItems(errors, FIELD_IDS)} />
      <form className="form panel" noValidate onSubmit={submit}>
        <TextField
          id="set-login"
          label={t('setPassword.login')}
          hint={t('setPassword.loginHint')}
          autoComplete="username"
          value={account.login}
          readOnly
        />
        <PasswordFields
          idPrefix="set"
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          errors={errors.fields}
        />
        <Button type="submit" isBusy={isSubmitting}>
          {t('setPassword.submit')}
        </Button>
      </form>
    </div>
  );
}
