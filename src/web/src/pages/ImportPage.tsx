import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { toUserError, type UserError } from '../lib/errors';
import { formatInt } from '../lib/format';
import type { ImportKind } from '../gql/graphql';

const ImportMutation = graphql(`
  mutation ImportSchoolData($input: ImportInput!) {
    importSchoolData(input: $input) { kind rowsRead nodesCreated nodesUpdated millis }
  }
`);

const KINDS: Record<string, string> = { SCHOOLS: 'Школы (schools.csv)', RESULTS: 'Результаты (results.csv)', INDICATORS: 'Показатели (indicators.csv)' };
const MAX_BYTES = 1_900_000;

export default function ImportPage() {
  const [kind, setKind] = useState<ImportKind | undefined>();
  const [fileName, setFileName] = useState<string | null>(null);
  const [rejected, setRejected] = useState<UserError | null>(null);
  const [state, importData] = useMutation(ImportMutation);
  const [tooBig, setTooBig] = useState(false);

  const upload = async (file: File) => {
    setFileName(file.name);
    setRejected(null);
    setTooBig(file.size > MAX_BYTES);
    if (file.size > MAX_BYTES) return false;
    const content = await file.text();
    const result = await importData({ input: { kind, content } });
    if (result.error) setRejected(toUserError(result.error));
    return false;
  };

  const report = !rejected ? state.data?.importSchoolData : undefined;
  return (
    <>
      <Typography.Title level={2} className="page-title">Загрузка данных</Typography.Title>
      <Card>
        <Typography.Paragraph>
          Загрузите CSV-файл школ, результатов или показателей (форматы описаны в документации). Файл принимается
          целиком или не принимается вовсе: при ошибках в базу ничего не записывается.
        </Typography.Paragraph>
        <Space wrap>
          <Select aria-label="Вид файла" placeholder="Вид файла (по заголовку)" allowClear style={{ width: 260 }} value={kind}
            onChange={setKind} options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))} />
          <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={upload} disabled={state.fetching}>
            <Button icon={<UploadOutlined />} loading={state.fetching}>Выбрать CSV-файл</Button>
          </Upload>
          {fileName && <span className="muted">{fileName}</span>}
        </Space>
      </Card>
      {tooBig && <Alert style={{ marginTop: 16 }} type="error" showIcon message="Файл больше 1,9 МБ: разделите его на части или загрузите через администратора" />}
      {rejected && (
        <Card style={{ marginTop: 16 }} title="Файл отклонён" data-testid="import-rejected">
          <Alert type="error" showIcon message={rejected.title} description={rejected.detail} style={{ marginBottom: 16 }} />
          {rejected.problems && (
            <Table size="small" rowKey={(p, i) => `${p.row}-${p.column}-${i}`} dataSource={rejected.problems} pagination={{ pageSize: 20 }}
              data-testid="import-problems"
              columns={[
                { title: 'Строка', dataIndex: 'row', width: 90, render: formatInt },
                { title: 'Столбец', dataIndex: 'column', width: 200, render: (c?: string) => c ?? 'вся строка' },
                { title: 'Причина', dataIndex: 'reason' },
              ]} />
          )}
        </Card>
      )}
      {report && (
        <Card style={{ marginTop: 16 }} title="Файл загружен" data-testid="import-report">
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="Вид">{KINDS[report.kind]}</Descriptions.Item>
            <Descriptions.Item label="Прочитано строк">{formatInt(report.rowsRead)}</Descriptions.Item>
            <Descriptions.Item label="Создано записей">{formatInt(report.nodesCreated)}</Descriptions.Item>
            <Descriptions.Item label="Обновлено записей">{formatInt(report.nodesUpdated)}</Descriptions.Item>
            <Descriptions.Item label="Время, мс">{formatInt(report.millis)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </>
  );
}
