import { useState } from 'react';
import { Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { StarFilled, StarOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { ADOPTION_ROLES, hasAnyRole, REVIEWER_ROLES } from '../lib/access';
import { QueryState } from '../components/QueryState';
import { useAction } from '../lib/useAction';
import { EVIDENCE_LEVEL, PRACTICE_STATUS } from '../lib/labels';
import { formatDate, formatNumber } from '../lib/format';

const PracticeQuery = graphql(`
  query PracticeDetails($id: ID!) {
    practice(id: $id) {
      id title summary description subjects grades level riskFactors authors resources evidenceSummary
      evidence { metric before after unit yearBefore yearAfter improved }
      evidenceLevel status rejectionReason createdBy submittedAt reviewedBy reviewedAt publishedAt version
      authorSchool { id name locality municipalityName }
      adoptions { school { id name municipalityName } date note outcome { change improved description } }
    }
    practiceVocabulary { subjects { code label } riskFactors { code label } levels { code label } }
    myBookmarks { id }
  }
`);

const SimilarQuery = graphql(`
  query PracticeSimilarSchools($schoolId: ID!) {
    practiceRecommendations(schoolId: $schoolId, first: 30) {
      practice { id }
      comparableAdoptions { school { id name } contextSimilarity outcome { change improved description } }
    }
  }
`);

// A teacher speaks for the school of the teacher record their login is linked to (the API checks the same).
const MyTeacherSchool = graphql(`
  query MyTeacherSchool { myMentoring { me { id school { id name } } } }
`);

const Bookmark = graphql(`mutation BookmarkPractice($id: ID!) { bookmarkPractice(id: $id) { id } }`);
const Unbookmark = graphql(`mutation UnbookmarkPractice($id: ID!) { unbookmarkPractice(id: $id) { id } }`);
const Adopt = graphql(`
  mutation AdoptPractice($id: ID!, $schoolId: ID!, $date: Date!, $note: String) {
    recordPracticeAdoption(practiceId: $id, schoolId: $schoolId, date: $date, note: $note) { date }
  }
`);
const Submit = graphql(`mutation SubmitPractice($id: ID!) { submitPractice(id: $id) { id status } }`);
export const ApproveMutation = graphql(`mutation ApprovePractice($id: ID!) { approvePractice(id: $id) { id status } }`);
export const RejectMutation = graphql(`mutation RejectPractice($id: ID!, $reason: String!) { rejectPractice(id: $id, reason: $reason) { id status rejectionReason } }`);

export default function PracticePage() {
  const { id = '' } = useParams();
  const caller = useCaller();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reload] = useQuery({ query: PracticeQuery, variables: { id } });
  const adoptsAsStaff = !!caller.schoolId && hasAnyRole(caller, ADOPTION_ROLES);
  const [myTeacher] = useQuery({ query: MyTeacherSchool, pause: adoptsAsStaff || !caller.roles.includes('TEACHER') });
  const [similar] = useQuery({ query: SimilarQuery, variables: { schoolId: caller.schoolId ?? '' }, pause: !caller.schoolId });
  const [, bookmark] = useMutation(Bookmark);
  const [, unbookmark] = useMutation(Unbookmark);
  const [, adopt] = useMutation(Adopt);
  const [, submit] = useMutation(Submit);
  const [, approve] = useMutation(ApproveMutation);
  const [, reject] = useMutation(RejectMutation);
  const [dialog, setDialog] = useState<null | 'adopt' | 'reject'>(null);
  const [form] = Form.useForm();
  const p = data?.practice;
  const vocabulary = data?.practiceVocabulary;
  const label = (list: { code: string; label: string }[] | undefined, code: string) => list?.find((t) => t.code === code)?.label ?? code;
  const bookmarked = (data?.myBookmarks ?? []).some((b) => b.id === id);
  const mine = p?.createdBy === caller.username;
  const similarAdoptions = similar.data?.practiceRecommendations.find((r) => r.practice.id === id)?.comparableAdoptions ?? [];

  // The school whose adoption the caller may record: their own (staff by scope, a teacher by their teacher record).
  const adoptingSchool = adoptsAsStaff ? caller.schoolId : myTeacher.data?.myMentoring.me?.school?.id;
  const ownAdoption = p?.adoptions.find((a) => a.school.id === adoptingSchool);

  const act = useAction(() => {
    setDialog(null);
    form.resetFields();
    reload({ requestPolicy: 'network-only' });
  });

  const openAdoption = () => {
    form.setFieldsValue(ownAdoption ? { date: dayjs(ownAdoption.date), note: ownAdoption.note } : { date: dayjs() });
    setDialog('adopt');
  };

  const confirmDialog = async () => {
    const v = await form.validateFields();
    if (dialog === 'adopt') await act(() => adopt({ id, schoolId: adoptingSchool!, date: v.date.format('YYYY-MM-DD'), note: v.note }), 'Внедрение отмечено');
    if (dialog === 'reject') await act(() => reject({ id, reason: v.reason }), 'Практика отклонена');
  };

  return (
    <QueryState fetching={fetching} error={error} empty={!p} emptyText="Практика не найдена или недоступна">
      {p && (
        <>
          <Typography.Title level={2} className="page-title" data-testid="practice-title">{p.title}</Typography.Title>
          <Space style={{ marginBottom: 16 }} wrap>
            <Tag data-testid="practice-status" color={PRACTICE_STATUS[p.status].color}>{PRACTICE_STATUS[p.status].label}</Tag>
            <Tag color={EVIDENCE_LEVEL[p.evidenceLevel].color}>Доказанность: {EVIDENCE_LEVEL[p.evidenceLevel].label}</Tag>
            {p.status === 'APPROVED' && (
              <Button data-testid="bookmark" icon={bookmarked ? <StarFilled /> : <StarOutlined />}
                onClick={() => act(() => (bookmarked ? unbookmark({ id }) : bookmark({ id })), bookmarked ? 'Закладка удалена' : 'Добавлено в закладки')}>
                {bookmarked ? 'В закладках' : 'В закладки'}
              </Button>
            )}
            {p.status === 'APPROVED' && adoptingSchool && (
              <>
                {ownAdoption && <Tag color="green" data-testid="own-adoption">Внедрена в моей школе с {formatDate(ownAdoption.date)}</Tag>}
                <Button data-testid="adopt" onClick={openAdoption}>{ownAdoption ? 'Изменить сведения о внедрении' : 'Отметить внедрение в моей школе'}</Button>
              </>
            )}
            {mine && (p.status === 'DRAFT' || p.status === 'REJECTED') && (
              <>
                <Button onClick={() => navigate(`/practices/${id}/edit`)}>Изменить</Button>
                <Button type="primary" onClick={() => act(() => submit({ id }), 'Отправлено на рассмотрение')}>Отправить на рассмотрение</Button>
              </>
            )}
            {p.status === 'SUBMITTED' && !mine && hasAnyRole(caller, REVIEWER_ROLES) && (
              <>
                <Button type="primary" data-testid="approve" onClick={() => act(() => approve({ id }), 'Практика одобрена')}>Одобрить</Button>
                <Button danger data-testid="reject" onClick={() => setDialog('reject')}>Отклонить</Button>
              </>
            )}
          </Space>
          {p.status === 'REJECTED' && p.rejectionReason && (
            <Card size="small" style={{ marginBottom: 16, borderColor: '#ffa39e' }} data-testid="rejection-reason">
              <Typography.Text strong>Комментарий рецензента: </Typography.Text>{p.rejectionReason}
            </Card>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card title="Описание">
                {p.summary && <Typography.Paragraph strong>{p.summary}</Typography.Paragraph>}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.description}</Typography.Paragraph>
                {p.resources && <><Typography.Title level={5}>Ресурсы</Typography.Title><Typography.Paragraph>{p.resources}</Typography.Paragraph></>}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title="О практике">
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label="Школа-автор">{p.authorSchool?.name ?? '—'}{p.authorSchool?.municipalityName ? `, ${p.authorSchool.municipalityName}` : ''}</Descriptions.Item>
                  <Descriptions.Item label="Авторы">{p.authors.join(', ') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="Предметы">{p.subjects.map((s) => label(vocabulary?.subjects, s)).join(', ') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="Классы">{p.grades.join(', ') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="Уровень">{label(vocabulary?.levels, p.level)}</Descriptions.Item>
                  <Descriptions.Item label="Факторы риска">{p.riskFactors.map((r) => label(vocabulary?.riskFactors, r)).join(', ') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="Опубликована">{formatDate(p.publishedAt)}</Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col span={24}>
              <Card title={`Доказательства эффекта — ${EVIDENCE_LEVEL[p.evidenceLevel].label.toLowerCase()}`}>
                {p.evidenceSummary && <Typography.Paragraph>{p.evidenceSummary}</Typography.Paragraph>}
                <Table size="small" rowKey={(e) => e.metric} pagination={false} dataSource={p.evidence}
                  locale={{ emptyText: 'Измерений нет' }}
                  columns={[
                    { title: 'Показатель', dataIndex: 'metric' },
                    { title: 'До', render: (_, e) => `${formatNumber(e.before)}${e.unit ? ` ${e.unit}` : ''}${e.yearBefore ? ` (${e.yearBefore})` : ''}` },
                    { title: 'После', render: (_, e) => `${formatNumber(e.after)}${e.unit ? ` ${e.unit}` : ''}${e.yearAfter ? ` (${e.yearAfter})` : ''}` },
                    { title: 'Итог', render: (_, e) => (e.improved ? <Tag color="green">улучшение</Tag> : <Tag>без улучшения</Tag>) },
                  ]} />
              </Card>
            </Col>
            {similarAdoptions.length > 0 && (
              <Col span={24}>
                <Card title="Сработало в школах, похожих на вашу" data-testid="similar-adoptions">
                  <Table size="small" rowKey={(a) => a.school.id} pagination={false} dataSource={similarAdoptions}
                    columns={[
                      { title: 'Школа', render: (_, a) => a.school.name },
                      { title: 'Сходство условий', render: (_, a) => (a.contextSimilarity == null ? '—' : `${Math.round(a.contextSimilarity * 100)}%`) },
                      { title: 'Динамика результатов', render: (_, a) => a.outcome?.description ?? 'нет данных' },
                    ]} />
                </Card>
              </Col>
            )}
            <Col span={24}>
              <Card title={`Школы, внедрившие практику (${p.adoptions.length})`} data-testid="adoptions">
                <Table size="small" rowKey={(a) => a.school.id} pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={p.adoptions}
                  onRow={(a) => ({ 'data-testid': 'adoption', 'data-school': a.school.id }) as React.HTMLAttributes<HTMLElement>}
                  locale={{ emptyText: 'Пока никто не отметил внедрение' }}
                  columns={[
                    { title: 'Школа', render: (_, a) => `${a.school.name}${a.school.municipalityName ? `, ${a.school.municipalityName}` : ''}` },
                    { title: 'С', render: (_, a) => formatDate(a.date) },
                    { title: 'Комментарий', render: (_, a) => a.note ?? '—' },
                    { title: 'Динамика результатов', render: (_, a) => (a.outcome
                      ? <Space><Tag color={a.outcome.improved ? 'green' : 'default'}>{a.outcome.change > 0 ? '+' : ''}{formatNumber(a.outcome.change, 1)} п.п.</Tag>{a.outcome.description}</Space>
                      : 'пока нет результатов до и после') },
                  ]} />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph style={{ marginTop: 16 }}><Link to="/practices">← к банку практик</Link></Typography.Paragraph>
          <Modal open={dialog !== null} title={dialog === 'adopt' ? `Внедрение практики в школе${myTeacher.data?.myMentoring.me?.school ? ` «${myTeacher.data.myMentoring.me.school.name}»` : ''}` : 'Отклонить практику'}
            okText={dialog === 'adopt' ? 'Отметить' : 'Отклонить'} cancelText="Отмена" onOk={confirmDialog}
            onCancel={() => setDialog(null)} destroyOnHidden>
            <Form form={form} layout="vertical">
              {dialog === 'adopt' && (
                <>
                  <Form.Item name="date" label="Дата начала" rules={[{ required: true, message: 'Укажите дату начала' }]}>
                    <DatePicker format="DD.MM.YYYY" disabledDate={(d) => d.isAfter(dayjs())} data-testid="adopt-date" />
                  </Form.Item>
                  <Form.Item name="note" label="Комментарий: с каких классов начали, что уже получилось"
                    rules={[{ max: 2000, message: 'Не длиннее 2000 символов' }]}><Input.TextArea rows={2} data-testid="adopt-note" /></Form.Item>
                </>
              )}
              {dialog === 'reject' && (
                <Form.Item name="reason" label="Причина отклонения (её увидит автор)"
                  rules={[{ required: true, min: 5, message: 'Укажите причину (не короче 5 символов)' }]}>
                  <Input.TextArea rows={3} data-testid="reject-reason" />
                </Form.Item>
              )}
            </Form>
          </Modal>
        </>
      )}
    </QueryState>
  );
}
