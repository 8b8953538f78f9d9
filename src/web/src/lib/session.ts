// The bearer token of this browser tab; the session ends when it expires or the server refuses it.

const KEY = 'opora.session';

export interface Session {
  token: string;
  expiresAt: number;
}

export function saveSession(token: string, expiresInSeconds: number, now = Date.now()): Session {
  const session = { token, expiresAt: now + expiresInSeconds * 1000 };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function loadSession(now = Date.now()): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return isValid(session, now) ? session : null;
  } catch {
    return null;
  }
}

export function isValid(session: Session | null, now = Date.now()): boolean {
  return !!session && typeof session.token === 'string' && session.token.length > 0 && session.expiresAt > now;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** Where to go after signing in: only a path of this app, never another origin. */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/signin')) return '/';
  return next;
}

export function signInPath(currentPath: string): string {
  return currentPath && currentPath !== '/' ? `/signin?next=${encodeURIComponent(currentPath)}` : '/signin';
}
