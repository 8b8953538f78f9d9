import { describe, expect, it } from 'vitest';
import { isUnauthenticated, toUserError } from './errors';

describe('toUserError', () => {
  it('titles the error by its code and keeps the server Russian message', () => {
    const e = toUserError({ graphQLErrors: [{ message: 'Школа вне вашей территории', extensions: { code: 'FORBIDDEN' } }] });
    expect(e).toEqual({ code: 'FORBIDDEN', title: 'Нет доступа', detail: 'Школа вне вашей территории', problems: undefined });
  });

  it('hides technical English messages and unknown codes', () => {
    const e = toUserError({ graphQLErrors: [{ message: 'NullPointerException at line 3', extensions: { code: 'WHATEVER' } }] });
    expect(e?.code).toBe('INTERNAL');
    expect(e?.detail).toBeUndefined();
  });

  it('reads row problems of a rejected file', () => {
    const e = toUserError({ graphQLErrors: [{ message: 'Файл отклонён', extensions: { code: 'BAD_USER_INPUT',
      problems: [{ row: 3, column: 'enrolment', reason: 'не число' }] } }] });
    expect(e?.problems).toEqual([{ row: 3, column: 'enrolment', reason: 'не число' }]);
  });

  it('reports a network failure in Russian', () => {
    expect(toUserError({ networkError: new Error('Failed to fetch') })?.title).toBe('Сервер недоступен');
    expect(toUserError(null)).toBeNull();
  });

  it('treats HTTP 401 and UNAUTHENTICATED as an expired session', () => {
    expect(isUnauthenticated({ response: { status: 401 } })).toBe(true);
    expect(isUnauthenticated({ graphQLErrors: [{ extensions: { code: 'UNAUTHENTICATED' } }] })).toBe(true);
    expect(isUnauthenticated({ graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBe(false);
  });
});
