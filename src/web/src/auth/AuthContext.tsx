import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import { clearSession, loadSession, saveSession, signInPath, type Session } from '../lib/session';

interface AuthState {
  session: Session | null;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

export class SignInError extends Error {}

// Leaves for the sign-in page, remembering the page the user was on.
function expireSession(): void {
  clearSession();
  const here = window.location.pathname + window.location.search;
  if (!window.location.pathname.startsWith('/signin')) {
    window.location.assign(signInPath(here));
  }
}

function makeClient(token: string): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { Authorization: `Bearer ${token}` } }),
    // A refused token (expired, or its user changed or disabled) ends the session.
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) {
        expireSession();
      }
      return response;
    },
  });
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const client = useMemo(() => (session ? makeClient(session.token) : null), [session]);

  const signIn = useCallback(async (username: string, password: string) => {
    let response: Response;
    try {
      response = await fetch('/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    } catch {
      throw new SignInError('Сервер недоступен, повторите попытку позже');
    }
    if (response.status === 401 || response.status === 403 || response.status === 400) {
      throw new SignInError('Неверное имя пользователя или пароль');
    }
    if (!response.ok) {
      throw new SignInError('Вход временно недоступен, повторите попытку позже');
    }
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new SignInError('Сервер не выдал ключ доступа');
    setSession(saveSession(body.access_token, body.expires_in ?? 3600));
  }, []);

  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);

  const state = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return (
    <AuthContext.Provider value={state}>
      {client ? <Provider value={client}>{children}</Provider> : children}
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('AuthProvider missing');
  return state;
}

export function checkExpiry(session: Session | null): void {
  if (session && session.expiresAt <= Date.now()) expireSession();
}
