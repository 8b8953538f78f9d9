import { useMemo, useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useClient, useQuery } from 'urql';
import { Link, useSearchParams } from 'react-router-dom';
import { useTerritory } from '../lib/useTerritory';
import { loadAllSchools, SchoolsPageQuery, type SchoolRowData } from '../lib/allSchools';
import { StatusTags } from '../components/StatusTags';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatInt } from '../lib/format';
import { SCHOOL_STATUSES, STATUS_LABELS, statusLabel } from '../lib/status';
import { download, toCsv, type Column } from '../lib/csv';
import { toXlsx } from '../lib/xlsx';
import { toUserError } from '../lib/errors';
import type { Locality, SchoolFilter, SchoolStatus } from '../gql/graphql';

const TYPES = ['СОШ', 'ООШ', 'НОШ', 'Гимназия', 'Лицей', 'ЦО', 'В(С)ОШ', 'СОШ с УИОП'];
const PAGE_SIZE = 50;

const EXPORT_COLUMNS: Column<SchoolRowData>[] = [
  { title: 'Код', value: (s) => s.id },
  { title: 'Школа', value: (s) => s.name },
  { title: 'Муниципалитет', value: (s) => s.municipality.name },
  { title: 'Тип', value: (s) => s.type },
  { title: 'Местность', value: (s) => s.locality },
  { title: 'Обучающихся', value: (s) => s.enrolment },
  { title: 'Малокомплектная', value: (s) => (s.smallSchool ? 'да' : 'нет') },
  { title: 'Статусы', value: (s) => s.currentStatuses.map(statusLabel).join(', ') },
];

export default function SchoolsPage() {
  const territory = useTerritory();
  const client = useClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [exporting, setExporting] = useState(false);

  const filter: SchoolFilter = useMemo(() => ({
    regionId: territory.regionId,
    municipalityId: territory.municipalityId ?? params.get('municipality'),
    status: (params.get('status') as SchoolStatus | null) ?? undefined,
    type: params.get('type') ?? undefined,
    locality: (params.get('locality') as Locality | null) ?? undefined,
    nameContains: params.get('q') ?? undefined,
  }), [territory.regionId, territory.municipalityId, params]);

  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }] = useQuery({
    query: SchoolsPageQuery, variables: { filter, first: PAGE_SIZE, after }, pause: !territory.regionId,
  });

  const setFilter = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
    setCursors([null]);
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      const rows = await loadAllSchools(client, filter);
      if (format === 'csv') download('schools.csv', toCsv(rows, EXPORT_COLUMNS), 'text/csv;charset=utf-8');
      else download('schools.xlsx', toXlsx('Школы', rows, EXPORT_COLUMNS), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (e) {
      message.error(toUserError(e as never)?.title ?? 'Не удалось выгрузить список');
    } finally {
      setExporting(false);
    }
  };

  const rows = data?.schools.edges.map((e) => e.node) ?? [];
  const page = cursors.length;

  return (
    <>
      <Typography.Title level={2} className="page-title">Школы</Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }} aria-label="Фильтры">
          <Input.Search aria-label="Название содержит" placeholder="Название" allowClear defaultValue={params.get('q') ?? ''}
            onSearch={(v) => setFilter('q', v.trim())} style={{ width: 220 }} />
          {territory.municipalityId == null && (
            <Select aria-label="Муниципалитет" placeholder="Муниципалитет" allowClear style={{ width: 240 }} showSearch optionFilterProp="label"
              value={params.get('municipality') ?? undefined} onChange={(v) => setFilter('municipality', v)}
              options={territory.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
          )}
          <Select aria-label="Статус" placeholder="Статус" allowClear style={{ width: 160 }} value={params.get('status') ?? undefined}
            onChange={(v) => setFilter('status', v)} options={SCHOOL_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
          <Select aria-label="Тип" placeholder="Тип" allowClear style={{ width: 140 }} value={params.get('type') ?? undefined}
            onChange={(v) => setFilter('type', v)} options={TYPES.map((t) => ({ value: t, label: t }))} />
          <Select aria-label="Местность" placeholder="Город / село" allowClear style={{ width: 140 }} value={params.get('locality') ?? undefined}
            onChange={(v) => setFilter('locality', v)} options={[{ value: 'URBAN', label: 'Город' }, { value: 'RURAL', label: 'Село' }]} />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => exportAs('csv')}>CSV</Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => exportAs('xlsx')}>XLSX</Button>
        </Space>
        <ErrorAlert error={error} />
        <Table
          data-testid="schools-table"
          rowKey="id" size="small" loading={fetching} dataSource={rows} pagination={false}
          locale={{ emptyText: 'Школы не найдены' }}
          columns={[
            { title: 'Школа', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'ru'),
              render: (name: string, s) => <Link to={`/schools/${s.id}`}>{name}</Link> },
            { title: 'Муниципалитет', key: 'm', render: (_, s) => s.municipality.name,
              sorter: (a, b) => a.municipality.name.localeCompare(b.municipality.name, 'ru') },
            { title: 'Тип', dataIndex: 'type', sorter: (a, b) => a.type.localeCompare(b.type, 'ru') },
            { title: 'Местность', dataIndex: 'locality' },
            { title: 'Обучающихся', dataIndex: 'enrolment', align: 'right', render: formatInt,
              sorter: (a, b) => (a.enrolment ?? 0) - (b.enrolment ?? 0) },
            { title: 'Статусы', key: 's', render: (_, s) => <StatusTags statuses={s.currentStatuses} /> },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Button disabled={page === 1} onClick={() => setCursors(cursors.slice(0, -1))}>Назад</Button>
          <span>Страница {page}{data ? ` из ${formatInt(Math.max(1, Math.ceil(data.schools.totalCount / PAGE_SIZE)))} · всего ${formatInt(data.schools.totalCount)}` : ''}</span>
          <Button disabled={!data?.schools.pageInfo.hasNextPage}
            onClick={() => setCursors([...cursors, data!.schools.pageInfo.endCursor ?? null])}>Далее</Button>
        </Space>
      </Card>
    </>
  );
}
