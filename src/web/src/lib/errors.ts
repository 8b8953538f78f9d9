// Turns what the API answers into one Russian sentence for the user; raw JSON never reaches the screen.

export type ApiErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL';

const CODE_TITLES: Record<ApiErrorCode, string> = {
  BAD_USER_INPUT: 'Данные не приняты',
  UNAUTHENTICATED: 'Сеанс завершён, войдите снова',
  FORBIDDEN: 'Нет доступа',
  NOT_FOUND: 'Не найдено',
  CONFLICT: 'Действие невозможно в текущем состоянии',
  INTERNAL: 'Ошибка на сервере, попробуйте позже',
};

export interface GraphQlErrorLike {
  message?: string;
  extensions?: { code?: unknown; [key: string]: unknown };
}

export interface CombinedErrorLike {
  graphQLErrors?: GraphQlErrorLike[];
  networkError?: Error | null;
  response?: { status?: number } | null;
}

export interface UserError {
  code: ApiErrorCode | 'NETWORK';
  title: string;
  detail?: string;
  problems?: RowProblem[];
}

export interface RowProblem {
  row?: number;
  column?: string;
  reason: string;
}

function isCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && value in CODE_TITLES;
}

// The server's messages are Russian already, and only they name the field; technical English ones are hidden.
function readable(message: string | undefined): string | undefined {
  if (!message) return undefined;
  return /[А-Яа-яЁё]/.test(message) ? message : undefined;
}

export function toUserError(error: CombinedErrorLike | null | undefined): UserError | null {
  if (!error) return null;
  const first = error.graphQLErrors?.[0];
  if (first) {
    const code = isCode(first.extensions?.code) ? first.extensions!.code as ApiErrorCode : 'INTERNAL';
    const problems = readProblems(first.extensions?.problems);
    return { code, title: CODE_TITLES[code], detail: readable(first.message), problems };
  }
  if (error.response?.status === 401) {
    return { code: 'UNAUTHENTICATED', title: CODE_TITLES.UNAUTHENTICATED };
  }
  return { code: 'NETWORK', title: 'Сервер недоступен', detail: 'Проверьте соединение и повторите попытку' };
}

export function readProblems(value: unknown): RowProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
    .map((p) => ({
      row: typeof p.row === 'number' ? p.row : undefined,
      column: typeof p.column === 'string' ? p.column : undefined,
      reason: String(p.reason ?? p.message ?? ''),
    }));
}

export function isUnauthenticated(error: CombinedErrorLike | null | undefined): boolean {
  if (!error) return false;
  if (error.response?.status === 401) return true;
  return (error.graphQLErrors ?? []).some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}
