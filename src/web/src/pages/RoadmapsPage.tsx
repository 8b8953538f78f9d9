import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Statistic, Switch, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { RoadmapActivityStatus } from '../gql/graphql';
import { useAuth } from '../auth/AuthContext';
import { useCaller } from '../auth/CallerContext';
import { useTerritory } from '../lib/useTerritory';
import { ErrorAlert } from '../components/ErrorAlert';
import { EChart } from '../components/EChart';
import { download } from '../lib/csv';
import { toUserError, type UserError } from '../lib/errors';
import { formatDate, formatInt } from '../lib/format';

const RoadmapsQuery = graphql(`
  query Roadmaps($regionId: ID!, $municipalityId: ID, $schoolId: ID) {
    roadmaps(regionId: $regionId, municipalityId: $municipalityId, schoolId: $schoolId, first: 100) {
      edges { node { id level title territoryName overdueCount activityCount } }
    }
  }
`);

const RoadmapQuery = graphql(`
  query Roadmap($id: ID!) {
    roadmap(id: $id) {
      id level title territoryName periodStart periodEnd activityCount overdueCount doneCount canEdit updatedAt
      activities { id position section title deadline responsible plannedResult status actualResult overdue }
    }
  }
`);

const SetStatusMutation = graphql(`
  mutation SetRoadmapActivityStatus($id: ID!, $status: RoadmapActivityStatus!, $actualResult: String) {
    setRoadmapActivityStatus(id: $id, status: $status, actualResult: $actualResult) { id status actualResult overdue }
  }
`);

const AddActivityMutation = graphql(`
  mutation AddRoadmapActivity($roadmapId: ID!, $input: RoadmapActivityInput!) {
    addRoadmapActivity(roadmapId: $roadmapId, input: $input) { id }
  }
`);

const ImportMutation = graphql(`
  mutation ImportRoadmapXlsx($input: RoadmapImportInput!) {
    importRoadmapXlsx(input: $input) { id activityCount overdueCount }
  }
`);

export const ROADMAP_STATUS_LABELS: Record<RoadmapActivityStatus, string> = {
  PLANNED: 'Запланировано', IN_PROGRESS: 'В работе', DONE: 'Выполнено', CANCELLED: 'Отменено',
};
const STATUS_COLORS: Record<RoadmapActivityStatus, string> = {
  PLANNED: '#1677ff', IN_PROGRESS: '#d48806', DONE: '#389e0d', CANCELLED: '#8c8c8c',
};
const OVERDUE_COLOR = '#cf1322';
const LEVEL_LABELS: Record<string, string> = { REGION: 'Региональная', MUNICIPALITY: 'Муниципальная', SCHOOL: 'Школьная' };
const MAX_BYTES = 1_400_000;

type Activity = NonNullable<ReturnType<typeof useRoadmap>['roadmap']>['activities'][number];

function useRoadmap(id: string | undefined) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: RoadmapQuery, variables: { id: id ?? '' }, pause: !id });
  return { roadmap: data?.roadmap ?? null, fetching, error, refetch };
}

/** The file's bytes as Base64, the way importRoadmapXlsx takes them. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export default function RoadmapsPage() {
  const caller = useCaller();
  const territory = useTerritory();
  const { session } = useAuth();
  const isAdmin = caller.roles.includes('ADMIN');
  const [{ data: list, error: listError }] = useQuery({
    query: RoadmapsQuery, pause: !territory.regionId,
    variables: {
      regionId: territory.regionId ?? '',
      municipalityId: isAdmin ? null : caller.municipalityId ?? null,
      schoolId: isAdmin ? null : caller.schoolId ?? null,
    },
  });
  const roadmaps = list?.roadmaps.edges.map((e) => e.node) ?? [];
  const [chosen, setChosen] = useState<string | undefined>();
  const selectedId = chosen ?? roadmaps[0]?.id;
  const { roadmap, fetching, error, refetch } = useRoadmap(selectedId);

  const [statuses, setStatuses] = useState<RoadmapActivityStatus[]>([]);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [rejected, setRejected] = useState<UserError | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [, setStatus] = useMutation(SetStatusMutation);
  const [importState, importXlsx] = useMutation(ImportMutation);

  const activities = useMemo(() => (roadmap?.activities ?? [])
    .filter((a) => statuses.length === 0 || statuses.includes(a.status))
    .filter((a) => !overdueOnly || a.overdue), [roadmap, statuses, overdueOnly]);

  const downloadXlsx = async () => {
    if (!roadmap || !session) return;
    setDownloadError(null);
    const response = await fetch(`/api/roadmaps/${encodeURIComponent(roadmap.id)}.xlsx`, {
      headers: { Authorization: `Bearer ${session.token}` },
    });
    if (!response.ok) {
      const body = await response.json().catch(() => null) as { message?: string } | null;
      setDownloadError(body?.message ?? `Не удалось скачать файл (HTTP ${response.status})`);
      return;
    }
    download(`Дорожная карта — ${roadmap.territoryName ?? roadmap.id}.xlsx`, await response.blob(),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  const uploadXlsx = async (file: File) => {
    setRejected(null);
    setImported(null);
    if (!roadmap) return false;
    if (file.size > MAX_BYTES) {
      setRejected({ title: 'Файл больше 1,4 МБ', detail: 'Разделите дорожную карту или удалите лишние листы' } as UserError);
      return false;
    }
    const result = await importXlsx({ input: { roadmapId: roadmap.id, content: await base64Of(file) } });
    if (result.error) setRejected(toUserError(result.error));
    else {
      setImported(`Загружено мероприятий: ${formatInt(result.data?.importRoadmapXlsx.activityCount)}`);
      refetch({ requestPolicy: 'network-only' });
    }
    return false;
  };

  return (
    <>
      <Typography.Title level={2} className="page-title">Дорожные карты</Typography.Title>
      <ErrorAlert error={listError} />
      <Card>
        <Space wrap align="center">
          <Select aria-label="Дорожная карта" style={{ minWidth: 420 }} value={selectedId} onChange={setChosen}
            placeholder="Дорожная карта" data-testid="roadmap-select"
            options={roadmaps.map((r) => ({
              value: r.id,
              label: `${LEVEL_LABELS[r.level]} · ${r.territoryName ?? ''}${r.overdueCount ? ` · просрочено ${r.overdueCount}` : ''}`,
            }))} />
          <Button icon={<DownloadOutlined />} onClick={downloadXlsx} disabled={!roadmap} data-testid="roadmap-download">Скачать XLSX</Button>
          {roadmap?.canEdit && (
            <>
              <Upload accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" showUploadList={false}
                beforeUpload={uploadXlsx} disabled={importState.fetching}>
                <Button icon={<UploadOutlined />} loading={importState.fetching}>Загрузить XLSX</Button>
              </Upload>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>Добавить мероприятие</Button>
            </>
          )}
        </Space>
        {roadmaps.length === 0 && list && <Empty style={{ marginTop: 16 }} description="Дорожных карт на вашей территории пока нет" />}
      </Card>
      {downloadError && <Alert style={{ marginTop: 16 }} type="error" showIcon message={downloadError} />}
      {imported && <Alert style={{ marginTop: 16 }} type="success" showIcon message={imported} data-testid="roadmap-imported" />}
      {rejected && (
        <Card style={{ marginTop: 16 }} title="Файл отклонён" data-testid="roadmap-rejected">
          <Alert type="error" showIcon message={rejected.title} description={rejected.detail} style={{ marginBottom: 16 }} />
          {rejected.problems && (
            <Table size="small" rowKey={(p, i) => `${p.row}-${p.column}-${i}`} dataSource={rejected.problems} pagination={{ pageSize: 20 }}
              data-testid="roadmap-problems"
              columns={[
                { title: 'Строка', dataIndex: 'row', width: 90, render: formatInt },
                { title: 'Столбец', dataIndex: 'column', width: 220 },
                { title: 'Причина', dataIndex: 'reason' },
              ]} />
          )}
        </Card>
      )}
      <ErrorAlert error={error} />
      {roadmap && (
        <>
          <Card style={{ marginTop: 16 }} title={roadmap.title} loading={fetching && !roadmap}>
            <Space size="large" wrap>
              <Statistic title="Территория" value={roadmap.territoryName ?? '—'} />
              <Statistic title="Период" value={`${formatDate(roadmap.periodStart)} — ${formatDate(roadmap.periodEnd)}`} />
              <Statistic title="Мероприятий" value={roadmap.activityCount} />
              <Statistic title="Выполнено" value={roadmap.doneCount} valueStyle={{ color: STATUS_COLORS.DONE }} />
              <Statistic title="Просрочено" value={roadmap.overdueCount} valueStyle={{ color: roadmap.overdueCount ? OVERDUE_COLOR : undefined }}
                data-testid="roadmap-overdue-count" />
            </Space>
          </Card>
          <Card style={{ marginTop: 16 }} title="Сроки мероприятий">
            <Timeline activities={roadmap.activities} />
          </Card>
          <Card style={{ marginTop: 16 }} title="Мероприятия">
            <Space wrap style={{ marginBottom: 16 }}>
              <Select mode="multiple" aria-label="Статус" placeholder="Статус" style={{ minWidth: 280 }} value={statuses}
                onChange={setStatuses} data-testid="roadmap-status-filter"
                options={Object.entries(ROADMAP_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
              <Space><Switch checked={overdueOnly} onChange={setOverdueOnly} aria-label="Только просроченные" />Только просроченные</Space>
            </Space>
            <Table<Activity> data-testid="roadmap-table" size="small" rowKey="id" dataSource={activities}
              pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: 'Мероприятий нет' }}
              rowClassName={(a) => (a.overdue ? 'row-overdue' : '')}
              columns={[
                { title: '№', dataIndex: 'position', width: 50 },
                { title: 'Раздел', dataIndex: 'section', width: 180, render: (s?: string | null) => s ?? '—' },
                { title: 'Мероприятие', dataIndex: 'title' },
                {
                  title: 'Срок', dataIndex: 'deadline', width: 120,
                  render: (d: string, a) => (
                    <Space direction="vertical" size={0}>
                      {formatDate(d)}
                      {a.overdue && <Tag color="red" data-testid="overdue-tag">Просрочено</Tag>}
                    </Space>
                  ),
                },
                { title: 'Ответственный', dataIndex: 'responsible', width: 200 },
                { title: 'Планируемый результат', dataIndex: 'plannedResult', render: (s?: string | null) => s ?? '—' },
                {
                  title: 'Статус', dataIndex: 'status', width: 170,
                  render: (s: RoadmapActivityStatus, a) => roadmap.canEdit ? (
                    <Select size="small" aria-label={`Статус мероприятия ${a.position}`} value={s} style={{ width: 150 }}
                      onChange={(status) => setStatus({ id: a.id, status, actualResult: a.actualResult })
                        .then(() => refetch({ requestPolicy: 'network-only' }))}
                      options={Object.entries(ROADMAP_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
                  ) : <Tag color={STATUS_COLORS[s]}>{ROADMAP_STATUS_LABELS[s]}</Tag>,
                },
                {
                  title: 'Фактический результат', dataIndex: 'actualResult', width: 240,
                  render: (s: string | null | undefined, a) => roadmap.canEdit ? (
                    <Input.TextArea size="small" autoSize defaultValue={s ?? ''} aria-label={`Фактический результат ${a.position}`}
                      onBlur={(e) => {
                        const value = e.target.value.trim();
                        if (value !== (s ?? '')) setStatus({ id: a.id, status: a.status, actualResult: value || null });
                      }} />
                  ) : (s ?? '—'),
                },
              ]} />
          </Card>
          <AddActivity roadmapId={roadmap.id} open={adding} onClose={(added) => {
            setAdding(false);
            if (added) refetch({ requestPolicy: 'network-only' });
          }} />
        </>
      )}
    </>
  );
}

/** Deadlines on a time axis, one line per section; overdue activities red, today marked. */
function Timeline({ activities }: { activities: readonly Activity[] }) {
  const option = useMemo(() => {
    const sections = [...new Set(activities.map((a) => a.section ?? 'Без раздела'))];
    const today = dayjs().format('YYYY-MM-DD');
    return {
      grid: { left: 220, right: 40, top: 30, bottom: 60 },
      tooltip: {
        formatter: (p: { data: { activity: Activity } }) => {
          const a = p.data.activity;
          return `${a.position}. ${a.title}<br/>Срок: ${formatDate(a.deadline)}<br/>${ROADMAP_STATUS_LABELS[a.status]}`
            + (a.overdue ? ' · <b style="color:#cf1322">просрочено</b>' : '');
        },
      },
      xAxis: { type: 'time', axisLabel: { formatter: (v: number) => dayjs(v).format('DD.MM.YY') } },
      yAxis: { type: 'category', data: sections, axisLabel: { width: 200, overflow: 'truncate' } },
      dataZoom: [{ type: 'slider', xAxisIndex: 0, height: 18, bottom: 10 }],
      series: [{
        type: 'scatter', symbolSize: 14,
        data: activities.map((a) => ({
          value: [a.deadline, a.section ?? 'Без раздела'],
          activity: a,
          itemStyle: { color: a.overdue ? OVERDUE_COLOR : STATUS_COLORS[a.status] },
        })),
        markLine: { symbol: 'none', label: { formatter: 'сегодня' }, lineStyle: { color: OVERDUE_COLOR, type: 'dashed' }, data: [{ xAxis: today }] },
      }],
    };
  }, [activities]);
  return (
    <div data-testid="roadmap-timeline">
      <EChart option={option} label="Сроки мероприятий дорожной карты" className="chart" />
    </div>
  );
}

function AddActivity({ roadmapId, open, onClose }: { roadmapId: string; open: boolean; onClose: (added: boolean) => void }) {
  const [form] = Form.useForm<{ section?: string; title: string; deadline: Dayjs; responsible: string; plannedResult?: string }>();
  const [state, add] = useMutation(AddActivityMutation);
  const submit = async () => {
    const v = await form.validateFields();
    const result = await add({
      roadmapId,
      input: { section: v.section, title: v.title, deadline: v.deadline.format('YYYY-MM-DD'), responsible: v.responsible, plannedResult: v.plannedResult },
    });
    if (!result.error) {
      form.resetFields();
      onClose(true);
    }
  };
  return (
    <Modal title="Новое мероприятие" open={open} onOk={submit} onCancel={() => onClose(false)} okText="Добавить" cancelText="Отмена"
      confirmLoading={state.fetching} destroyOnHidden>
      <ErrorAlert error={state.error} />
      <Form form={form} layout="vertical">
        <Form.Item name="section" label="Раздел"><Input /></Form.Item>
        <Form.Item name="title" label="Мероприятие" rules={[{ required: true, message: 'Укажите мероприятие' }]}><Input.TextArea autoSize /></Form.Item>
        <Form.Item name="deadline" label="Срок" rules={[{ required: true, message: 'Укажите срок' }]}><DatePicker format="DD.MM.YYYY" /></Form.Item>
        <Form.Item name="responsible" label="Ответственный" rules={[{ required: true, message: 'Укажите ответственного' }]}><Input /></Form.Item>
        <Form.Item name="plannedResult" label="Планируемый результат"><Input.TextArea autoSize /></Form.Item>
      </Form>
    </Modal>
  );
}
