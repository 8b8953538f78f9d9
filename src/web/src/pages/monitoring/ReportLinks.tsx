import { useState } from 'react';
import { Alert, Button, Col, Row, Space } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth/AuthContext';
import { download } from '../../lib/csv';
import {
  fileNameFromDisposition, REPORT_LABELS, REPORT_MIME, reportsFor, reportUrl,
  type ReportFormat, type ReportKind, type ReportTerritory,
} from '../../lib/monitoring';

/**
 * Download buttons of the справки of a territory and year (the URL contract of MONITORING.md): fetched with the
 * session's token, saved under the Russian name the server gives (Content-Disposition).
 */
export function ReportLinks({ territory, territoryName, year }: { territory: ReportTerritory; territoryName: string; year: number }) {
  const { session } = useAuth();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fetchReport = async (kind: ReportKind, format: ReportFormat) => {
    if (!session) return;
    setError(null);
    setBusy(`${kind}.${format}`);
    try {
      const response = await fetch(reportUrl(kind, format, territory, year), { headers: { Authorization: `Bearer ${session.token}` } });
      if (!response.ok) {
        const body = await response.json().catch(() => null) as { message?: string } | null;
        setError(body?.message ?? `Не удалось сформировать справку (HTTP ${response.status})`);
        return;
      }
      const name = fileNameFromDisposition(response.headers.get('Content-Disposition'))
        ?? `${REPORT_LABELS[kind]} — ${territoryName}, ${year}.${format}`;
      download(name, await response.blob(), REPORT_MIME[format]);
    } catch {
      setError('Сервер не ответил: проверьте соединение и попробуйте ещё раз');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <div data-testid="reports">
        {reportsFor(territory).map((kind) => (
          <Row key={kind} justify="space-between" align="middle" gutter={8} style={{ padding: '6px 0' }}>
            <Col flex="auto">{REPORT_LABELS[kind]}, {year}</Col>
            <Col>
              <Space>
                {(['pdf', 'xlsx'] as const).map((format) => (
                  <Button key={format} size="small" loading={busy === `${kind}.${format}`} data-testid={`report-${kind}-${format}`}
                    aria-label={`${REPORT_LABELS[kind]}, ${format.toUpperCase()}`}
                    icon={format === 'pdf' ? <FilePdfOutlined /> : <FileExcelOutlined />}
                    onClick={() => fetchReport(kind, format)}>{format.toUpperCase()}</Button>
                ))}
              </Space>
            </Col>
          </Row>
        ))}
      </div>
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} role="alert" />}
    </>
  );
}
