import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { api } from '../app/api-client.ts';
import type { AuthResult } from '../app/api-types.ts';
import { errorsFromProblems, summaryItems } from '../app/form-errors.ts';
import { useSession } from '../app/session.tsx';
import { useFormSubmit } from '../app/use-form-submit.ts';
import { Button, ErrorSummary, Notice, PageHeader, TextField } from '../ui/index.ts';
import { checkLogin, safeNext } from './form-checks.ts';

const FIELDS = ['login', 'password'] as const;
const FIELD_IDS = { login: 'login-login', password: 'login-password' };

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const next = safeNext(new URLSearchParams(useSearch()).get('next'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { errors, setErrors, isSubmitting, run } = useFormSubmit(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkLogin(login, password);
    if (Object.keys(problems).length > 0) {
      setErrors(errorsFromProblems(problems, (key) => t(key)));
      return;
    }
    await run(async () => {
      const result = await api.post<AuthResult>('/session', { login: login.trim(), password });
      session.signedIn(result);
      navigate(next);
    });
  }

  return (
    <div className="narrow">
      <PageHeader title={t('login.title')} lead={t('login.lead')} />
      {session.person && (
        <Notice tone="info">
          <p>{t('login.already', { name: session.person.fullName })}</p>
        </Notice>
      )}
      <ErrorSummary items={summaryItems(errors, FIELD_IDS)} />
      <form className="form panel" noValidate onSubmit={submit}>
        <TextField
          id={FIELD_IDS.login}
          label={t('login.login')}
          hint={t('login.loginHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={login}
          onChange={(event) => setLogin(event.target.value)}
          error={errors.fields.login}
          required
        />
        <TextField
          id={FIELD_IDS.password}
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.fields.password}
          required
        />
        <Button type="submit" isBusy={isSubmitting}>
          {t('login.submit')}
        </Button>
        <p className="small muted" style={{ marginTop: 'var(--space-4)' }}>
          {t('login.forgotten')}
        </p>
      </form>
    </div>
  );
}
