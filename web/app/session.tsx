// Who is logged in, shared by every page. The CSRF token travels with the session: whenever the
// server issues a new one (load, login, logout, setup, set password) the API client is told.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken } from './api-client.ts';
import type { AuthResult, Session, SessionPerson } from './api-types.ts';

export interface SessionValue {
  status: 'loading' | 'ready' | 'error';
  person: SessionPerson | null;
  setupNeeded: boolean;
  reload: () => Promise<void>;
  /** Records a login (or setup, or password set) answered by the server. */
  signedIn: (result: AuthResult) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionValue['status']>('loading');
  const [person, setPerson] = useState<SessionPerson | null>(null);
  const [setupNeeded, setSetupNeeded] = useState(false);

  const reload = useCallback(async () => {
    try {
      const session = await api.get<Session>('/session');
      setCsrfToken(session.csrfToken);
      setPerson(session.person);
      setSetupNeeded(session.setupNeeded);
      setStatus('ready');
    } catch {
      setStatus('error');
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const signedIn = useCallback((result: AuthResult) => {
    setCsrfToken(result.csrfToken);
    setPerson(result.person);
    setSetupNeeded(false);
    setStatus('ready');
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.delete<void>('/session');
    } finally {
      await reload(); // a fresh anonymous session and its token
    }
  }, [reload]);

  const value = useMemo(
    () => ({ status, person, setupNeeded, reload, signedIn, logout }),
    [status, person, setupNeeded, reload, signedIn, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
