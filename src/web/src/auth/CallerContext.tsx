import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Result, Spin } from 'antd';
import { graphql } from '../gql';
import type { Caller } from '../lib/access';
import { ErrorAlert } from '../components/ErrorAlert';

const MeQuery = graphql(`
  query Me {
    me { username displayName roles regionId municipalityId schoolId }
  }
`);

const CallerContext = createContext<Caller | null>(null);

export function CallerProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching, error }] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  if (fetching && !data) {
    return <div className="center-page"><Spin size="large" tip="Загрузка…"><div style={{ width: 200, height: 80 }} /></Spin></div>;
  }
  if (error || !data) {
    return <div className="center-page"><Result status="error" title="Не удалось загрузить профиль" extra={<ErrorAlert error={error} />} /></div>;
  }
  return <CallerContext.Provider value={data.me}>{children}</CallerContext.Provider>;
}

export function useCaller(): Caller {
  const caller = useContext(CallerContext);
  if (!caller) throw new Error('CallerProvider missing');
  return caller;
}
