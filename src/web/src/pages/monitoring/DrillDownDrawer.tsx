import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useClient, type CombinedError } from 'urql';
import { useCaller } from '../../auth/CallerContext';
import { canOpen } from '../../lib/access';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInt, formatNumber } from '../../lib/format';
import type { MonitoringTerritoryInput } from '../../gql/graphql';
import { DrillDownQuery } from './queries';

const PAGE = 50;

/** What a click on a number opens: one indicator's rows for one territory and year. */
export interface DrillRequest {
  code: string;
  indicatorName: string;
  territory: MonitoringTerritoryInput;
  territoryName: string;
  year: number;
  countedOnly: boolean;
  /** The clicked figure as shown, e.g. «30 % (12 из 40)». */
  summary?: string;
}

interface Row {
  key: string;
  schoolId: string;
  schoolName: string;
  municipalityName: string;
  teacherId: string | null;
  teacherName: string | null;
  counted: boolean;
  value: number | null;
  previousValue: number | null;
  detail: string | null;
}

/** The schools (or teachers) behind a number, fifty at a time, switchable between the counted rows and the whole base. */
export function DrillDownDrawer({ request, onClose }: { request: DrillRequest | null; onClose: () => void }) {
  const client = useClient();
  const caller = useCaller();
  const [countedOnly, setCountedOnly] = useState(true);
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();

  useEffect(() => { if (request) setCountedOnly(request.countedOnly); }, [request]);

  const load = async (after: string | null, replace: boolean) => {
    if (!request) return;
    setLoading(true);
    setError(undefined);
    const result = await client.query(DrillDownQuery, {
      territory: request.territory, year: request.year, code: request.code, countedOnly, first: PAGE, after,
    }, { requestPolicy: 'network-only' }).toPromise();
    setLoading(false);
    if (result.error || !result.data) { setError(result.error); return; }
    const page = result.data.monitoringDrillDown;
    const fresh = page.edges.map((e): Row => ({
      key: e.cursor,
      schoolId: e.node.school.id,
      schoolName: e.node.school.name,
      municipalityName: e.node.school.municipality.name,
      teacherId: e.node.teacher?.id ?? null,
      teacherName: e.node.teacher?.fullName ?? null,
      counted: e.node.counted,
      value: e.node.value,
      previousValue: e.node.previousValue,
      detail: e.node.detail,
    }));
    setRows((old) => (replace ? fresh : [...old, ...fresh]));
    setTotal(page.totalCount);
    setCursor(page.pageInfo.endCursor);
    setMore(page.pageInfo.hasNextPage);
  };

  useEffect(() => {
    setRows([]);
    setTotal(null);
    if (request) void load(null, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, countedOnly]);

  const schoolLinks = canOpen(caller, 'school');
  const withTeachers = rows.some((r) => r.teacherName);
  const counted = rows.filter((r) => r.counted).length;

  return (
    <Drawer open={request != null} onClose={onClose} size={Math.min(1000, window.innerWidth - 40)} destroyOnHidden
      title={request ? request.indicatorName : ''} data-testid="drill-down">
      {request && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {request.territoryName}, {request.year} год{request.summary ? `: ${request.summary}` : ''}
          </Typography.Text>
          <Segmented<string> value={countedOnly ? 'counted' : 'all'} onChange={(v) => setCountedOnly(v === 'counted')}
            options={[{ value: 'counted', label: 'Учтённые в числителе' }, { value: 'all', label: 'Вся база показателя' }]}
            data-testid="drill-down-mode" />
          {total != null && (
            <Typography.Text data-testid="drill-down-total">
              {countedOnly ? 'Учтено' : 'В базе показателя'}: <b>{formatInt(total)}</b>
              {!countedOnly && rows.length > 0 && <> (из показанных учтено в числителе: {formatInt(counted)})</>}
            </Typography.Text>
          )}
          <ErrorAlert error={error} />
          {!withTeachers && rows.length > 0 && request.code.includes('TEACHER') && (
            <Alert type="info" showIcon title="Сведения об отдельных учителях — персональные данные: показаны школы, в которых они работают." />
          )}
          <Table<Row> size="small" rowKey="key" dataSource={rows} loading={loading} pagination={false}
            data-testid="drill-down-table" scroll={{ x: 800 }}
            locale={{ emptyText: loading ? 'Загрузка…' : 'Нет строк' }}
            columns={[
              { title: 'Школа', dataIndex: 'schoolName',
                render: (name: string, r) => (schoolLinks ? <Link to={`/schools/${r.schoolId}`}>{name}</Link> : name) },
              { title: 'Муниципалитет', dataIndex: 'municipalityName' },
              ...(withTeachers ? [{ title: 'Учитель', key: 'teacher',
                render: (_: unknown, r: Row) => (r.teacherId ? <Link to={`/teachers/${r.teacherId}`}>{r.teacherName}</Link> : '—') }] : []),
              { title: 'В числителе', dataIndex: 'counted', width: 110,
                render: (c: boolean) => (c ? <Tag color="success">учтена</Tag> : <Tag>не учтена</Tag>) },
              { title: 'Значение', dataIndex: 'value', align: 'right', width: 100, render: (v: number | null) => formatNumber(v) },
              { title: 'Прошлый год', dataIndex: 'previousValue', align: 'right', width: 110, render: (v: number | null) => formatNumber(v) },
              { title: 'Пояснение', dataIndex: 'detail', render: (d: string | null) => d ?? '—' },
            ]} />
          {more && <Button onClick={() => load(cursor, false)} loading={loading} data-testid="drill-down-more">Показать ещё</Button>}
        </Space>
      )}
    </Drawer>
  );
}
