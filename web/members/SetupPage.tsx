// First run: no account exists yet, so the person installing Cabildo creates the instance
// administrator here.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { api } from '../app/api-client.ts';
import type { AuthResult } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useSession } from '../app/session.tsx';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, Loading, Notice, PageHeader, TextField } from '../ui/index.ts';
import { checkSetup, LIMITS } from './form-checks.ts';
import { PasswordFields } from './PasswordFields.tsx';

const FIELDS = ['fullName', 'login', 'password', 'confirmation'] as const;
const FIELD_IDS = {
  fullName: 'setup-fullName',
  login: 'setup-login',
  password: 'setup-password',
  confirmation: 'setup-confirmation',
};

export default function SetupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const [fullName, setFullName] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);

  if (session.status === 'loading') return <Loading label={t('common.loading')} />;
  if (!session.setupNeeded) {
    return (
      <div className="narrow">
        <PageHeader title={t('setup.title')} />
        <Notice tone="info">
          <p>{t('setup.done')}</p>
          <p>
            <Link href="/login">{t('header.login')}</Link>
          </p>
        </Notice>
      </div>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkSetup({ fullName, login, password, confirmation });
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, (key) => t(key, LIMITS)));
      return;
    }
    await run(async () => {
      const result = await api.post<AuthResult>('/setup', {
        fullName: fullName.trim(),
        login: login.trim(),
        password,
      });
      session.signedIn(result);
      navigate('/');
    });
  }

  return (
    <div className="narrow">
      <PageHeader title={t('setup.title')} lead={t('setup.lead')} />
      <ErrorSummary items={summaryItems(errors, FIELD_IDS)} />
      <form className="form panel" noValidate onSubmit={submit}>
        <TextField
          id={FIELD_IDS.fullName}
          label={t('setup.fullName')}
          autoComplete="name"
          value={fullName}
          onChange={(event) => setFullName(event.target.value)}
          error={errors.fields.fullName}
          required
        />
        <TextField
          id={FIELD_IDS.login}
          label={t('login.login')}
          hint={t('setup.loginHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={login}
          onChange={(event) => setLogin(event.target.value)}
          error={errors.fields.login}
          required
        />
        <PasswordFields
          idPrefix="setup"
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          errors={errors.fields}
        />
        <Button type="submit" isBusy={isSubmitting}>
          {t('setup.submit')}
        </Button>
      </form>
    </div>
  );
}
