import { describe, expect, it } from 'vitest';
import { isValid, safeReturnPath, signInPath } from './session';

describe('session', () => {
  it('returns only to a path of this app', () => {
    expect(safeReturnPath('/schools/R74-S0001')).toBe('/schools/R74-S0001');
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/signin?next=/x')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });

  it('remembers the page for the sign-in', () => {
    expect(signInPath('/pairs/P1?tab=plan')).toBe('/signin?next=%2Fpairs%2FP1%3Ftab%3Dplan');
    expect(signInPath('/')).toBe('/signin');
  });

  it('expires at the server-given time', () => {
    expect(isValid({ token: 't', expiresAt: 2000 }, 1000)).toBe(true);
    expect(isValid({ token: 't', expiresAt: 2000 }, 2000)).toBe(false);
    expect(isValid({ token: '', expiresAt: 2000 }, 1000)).toBe(false);
  });
});
