import { useState } from 'react';
import { Alert, Button, Card, Form, List, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useAuth } from '../auth/AuthContext';
import { useCaller } from '../auth/CallerContext';
import { QueryState } from '../components/QueryState';
import { fixedMunicipality } from '../lib/access';
import { download } from '../lib/csv';

const ReportsQuery = graphql(`
  query MonitoringReports($regionId: ID!, $municipalityId: ID, $schoolId: ID, $year: Int!) {
    monitoringReports(regionId: $regionId, municipalityId: $municipalityId, schoolId: $schoolId, year: $year) {
      kind format title url fileName
    }
  }
`);
const ReportMunicipalitiesQuery = graphql(`
  query ReportMunicipalities($regionId: ID!) { region(id: $regionId) { id municipalities { id name } } }
`);
const ReportSchoolsQuery = graphql(`
  query ReportSchoolOptions($regionId: ID, $municipalityId: ID, $nameContains: String) {
    schools(filter: { regionId: $regionId, municipalityId: $municipalityId, nameContains: $nameContains }, first: 30) {
      edges { node { id name municipality { name } } }
    }
  }
`);

const DESCRIPTIONS: Record<string, string> = {
  REGIONAL: 'Итоги идентификации и их изменение за год, показатели против целевых значений, сетевые пары и их результаты, программы, рекомендации, методическая помощь, мероприятия.',
  MUNICIPAL: 'То же по муниципалитету и его школам.',
  SCHOOL_CARD: 'Одна страница: статусы с основаниями, результаты, рисковый профиль, сетевая пара, программа.',
  STATUS_CHANGES: 'Школы, вошедшие в список ШНОР/ШНСУ и вышедшие из него по сравнению с прошлым годом, с основаниями.',
};

/** «Справки»: the справки of the caller's territory for a chosen year, downloaded as PDF or XLSX with the caller's token. */
export default function ReportsPage() {
  const caller = useCaller();
  const { session } = useAuth();
  const regionId = caller.regionId ?? '';
  const fixed = fixedMunicipality(caller);
  const ownSchool = caller.roles.includes('SCHOOL_ADMIN') && caller.schoolId ? caller.schoolId : undefined;
  const schoolOnly = !!ownSchool && !caller.roles.some((r) => ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'METHODIST', 'CURATOR', 'ADMIN'].includes(r));
  const [year, setYear] = useState<number>(dayjs().year());
  const [municipalityId, setMunicipalityId] = useState<string | undefined>(fixed ?? undefined);
  const [schoolId, setSchoolId] = useState<string | undefined>(schoolOnly ? ownSchool : undefined);
  const [schoolSearch, setSchoolSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [municipalities] = useQuery({ query: ReportMunicipalitiesQuery, variables: { regionId }, pause: !regionId || !!fixed || schoolOnly });
  const [schools] = useQuery({ query: ReportSchoolsQuery, variables: { regionId, municipalityId, nameContains: schoolSearch || undefined }, pause: !regionId || schoolOnly });
  const [reports] = useQuery({ query: ReportsQuery, variables: { regionId, municipalityId: schoolId ? undefined : municipalityId, schoolId, year }, pause: !regionId });
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() - i);

  const fetchReport = async (url: string, fileName: string, type: string) => {
    if (!session) return;
    setError(null);
    setBusy(url);
    try {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${session.token}` } });
      if (!response.ok) {
        const body = await response.json().catch(() => null) as { message?: string } | null;
        setError(body?.message ?? `Не удалось скачать справку (HTTP ${response.status})`);
        return;
      }
      download(fileName, await response.blob(), type);
    } finally {
      setBusy(null);
    }
  };

  const list = reports.data?.monitoringReports ?? [];
  const byKind = new Map<string, typeof list>();
  list.forEach((r) => byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]));

  return (
    <>
      <Typography.Title level={2} className="page-title">Справки</Typography.Title>
      <Typography.Paragraph type="secondary">
        Аналитические справки по итогам мониторинга ШНОР и ШНСУ за выбранный год: по региону, муниципалитету или школе.
        Формируются в момент скачивания, в PDF (с диаграммами) и XLSX (числа — настоящими числами, для расчётов).
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label="Год">
            <Select aria-label="Год" value={year} onChange={setYear} style={{ width: 100 }}
              options={years.map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
          {!schoolOnly && !fixed && (
            <Form.Item label="Муниципалитет">
              <Select aria-label="Муниципалитет" allowClear placeholder="Весь регион" style={{ width: 260 }} value={municipalityId}
                onChange={(v) => { setMunicipalityId(v); setSchoolId(undefined); }}
                options={(municipalities.data?.region?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name }))} />
            </Form.Item>
          )}
          {!schoolOnly && (
            <Form.Item label="Школа">
              <Select aria-label="Школа" allowClear showSearch filterOption={false} placeholder="Карточка школы — выберите школу"
                style={{ width: 320 }} value={schoolId} onSearch={setSchoolSearch} onChange={setSchoolId}
                options={(schools.data?.schools.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name}${e.node.municipality ? ` (${e.node.municipality.name})` : ''}` }))} />
            </Form.Item>
          )}
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} closable onClose={() => setError(null)} />}
      <QueryState fetching={reports.fetching} error={reports.error} empty={list.length === 0}
        emptyText="Справок для этой территории нет">
        <List
          bordered
          dataSource={[...byKind.entries()]}
          renderItem={([kind, files]) => (
            <List.Item
              actions={files.map((f) => (
                <Button key={f.format} icon={<DownloadOutlined />} loading={busy === f.url}
                  onClick={() => fetchReport(f.url, f.fileName, f.format === 'PDF' ? 'application/pdf'
                    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>
                  {f.format === 'PDF' ? 'PDF' : 'XLSX'}
                </Button>
              ))}>
              <List.Item.Meta
                title={<Space>{files[0].title}<Tag>{year}</Tag></Space>}
                description={DESCRIPTIONS[kind]} />
            </List.Item>
          )}
        />
      </QueryState>
    </>
  );
}
