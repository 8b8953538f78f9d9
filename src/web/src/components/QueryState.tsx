import type { ReactNode } from 'react';
import { Empty, Skeleton } from 'antd';
import type { CombinedError } from 'urql';
import { ErrorAlert } from './ErrorAlert';

/** Loading, error and empty states of one list or block, the same everywhere. */
export function QueryState({ fetching, error, empty, emptyText, children }: {
  fetching: boolean;
  error?: CombinedError;
  empty: boolean;
  emptyText?: string;
  children: ReactNode;
}) {
  if (error) return <ErrorAlert error={error} />;
  if (fetching && empty) return <Skeleton active aria-busy="true" />;
  if (empty) return <Empty description={emptyText ?? 'Нет данных'} />;
  return <>{children}</>;
}
