import { CONTAINMENT_ACTIONS, INCIDENT_GRADE_LABELS, type TBlastRadius, type TIncident } from '@sealbridge/contracts';
import { Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { formatDateTime } from '../../../shared/i18n/format-date-time.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { useDocumentTitle } from '../../../shared/ui/use-document-title.ts';
import {
  closeIncident,
  getBlastRadius,
  getIncidents,
  getNotices,
  markReported,
  recordIncident,
  runContainment,
  triageIncident,
} from '../api/monitoring-api.ts';
import '../monitoring.css';

type Notice = { audience: 'individual' | 'regulator'; locale: 'zh-CN' | 'en'; text: string };

/** One incident: grade and CAC clocks, triage, containment, blast radius, notice drafts, closing review. */
function IncidentCard({ incident, onChanged }: { incident: TIncident; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(undefined);
  const [reason, setReason] = useState('');
  const [cause, setCause] = useState(incident.cause ?? '');
  const [measures, setMeasures] = useState(incident.measures ?? '');
  const [affected, setAffected] = useState<number>(incident.affectedCount);
  const [review, setReview] = useState('');
  const [radius, setRadius] = useState<TBlastRadius | undefined>(undefined);
  const [notices, setNotices] = useState<Notice[] | undefined>(undefined);
  const run = async (work: () => Promise<unknown>, reload = true) => {
    try {
      await work();
      setError(undefined);
      if (reload) onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const grade = INCIDENT_GRADE_LABELS[incident.grade][locale === 'en' ? 'en' : 'zh'];
  const closed = incident.status === 'closed';
  return (
    <Card
      title={`${incident.no} · ${incident.title}`}
      data-testid="security-incident"
      extra={<Tag>{t(`monitoring.incidentStatus.${incident.status}`)}</Tag>}
    >
      {error ? <ApiErrorAlert error={error} /> : null}
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('monitoring.grade')}>
          <Tag color={incident.grade === 'general' ? 'default' : 'red'}>{grade}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('monitoring.affected')}>{incident.affectedCount}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.detectedAt')}>{formatDateTime(incident.detectedAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.reportDue')}>
          {incident.clock.reportDueAt ? (
            <Space wrap>
              {formatDateTime(incident.clock.reportDueAt, locale)}
              {incident.clock.reportOverdue ? <Tag color="red">{t('monitoring.reportOverdue')}</Tag> : null}
              {incident.clock.reportedAt ? <Tag color="green">{t('monitoring.reported')}</Tag> : null}
            </Space>
          ) : (
            t('monitoring.noClock')
          )}
        </Descriptions.Item>
        {incident.clock.followUpDueAt ? (
          <Descriptions.Item label={t('monitoring.followUpDue')}>{formatDateTime(incident.clock.followUpDueAt, locale)}</Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Paragraph>{incident.summary}</Typography.Paragraph>
      {incident.review ? <Typography.Paragraph type="secondary">{incident.review}</Typography.Paragraph> : null}

      {!closed ? (
        <>
          <Typography.Title level={2} className="sb-subheading">
            {t('monitoring.triage')}
          </Typography.Title>
          <Space direction="vertical" className="sb-monitoring-block">
            <Input.TextArea
              rows={2}
              value={cause}
              onChange={(e) => setCause(e.target.value)}
              placeholder={t('monitoring.field.cause')}
              aria-label={t('monitoring.field.cause')}
            />
            <Input.TextArea
              rows={2}
              value={measures}
              onChange={(e) => setMeasures(e.target.value)}
              placeholder={t('monitoring.field.measures')}
              aria-label={t('monitoring.field.measures')}
            />
            <Space wrap>
              <InputNumber min={0} value={affected} onChange={(v) => setAffected(v ?? 0)} aria-label={t('monitoring.field.affected')} />
              <Button
                disabled={!cause.trim() || !measures.trim()}
                onClick={() => void run(() => triageIncident(incident.id, { cause, measures, affectedCount: affected }))}
              >
                {t('monitoring.triage')}
              </Button>
              {incident.clock.reportDueAt && !incident.clock.reportedAt ? (
                <Button onClick={() => void run(() => markReported(incident.id, 'initial'))}>{t('monitoring.markReported')}</Button>
              ) : null}
            </Space>
          </Space>
          <Typography.Title level={2} className="sb-subheading">
            {t('monitoring.containment')}
          </Typography.Title>
          <Space direction="vertical" className="sb-monitoring-block">
            <Input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('monitoring.containmentReason')}
              aria-label={t('monitoring.containmentReason')}
            />
            <Space wrap>
              {CONTAINMENT_ACTIONS.map((action) => (
                <Button
                  key={action}
                  danger
                  size="small"
                  disabled={!reason.trim()}
                  onClick={() => void run(() => runContainment(incident.id, action, reason))}
                >
                  {t(`monitoring.actions.${action}`)}
                </Button>
              ))}
            </Space>
            {incident.containment.length ? (
              <List
                size="small"
                dataSource={incident.containment}
                renderItem={(c) => (
                  <List.Item>
                    {t(`monitoring.actions.${c.action}`)} · {formatDateTime(c.at, locale)} · {c.result}
                  </List.Item>
                )}
              />
            ) : null}
          </Space>
        </>
      ) : incident.clock.followUpDueAt && !incident.clock.followUpOverdue ? (
        <Button onClick={() => void run(() => markReported(incident.id, 'follow_up'))}>{t('monitoring.markFollowUp')}</Button>
      ) : null}

      <Typography.Title level={2} className="sb-subheading">
        {t('monitoring.blastRadius')}
      </Typography.Title>
      <Button size="small" onClick={() => void run(async () => setRadius(await getBlastRadius(incident.id)), false)}>
        {t('monitoring.computeRadius')}
      </Button>
      {radius ? (
        <>
          <Typography.Paragraph>
            {t('monitoring.radiusSummary', { subjects: radius.subjects })}：
            {radius.fieldCounts.map((f) => `${f.label} ${f.subjects}`).join('，')}
          </Typography.Paragraph>
          <ResponsiveTable
            rowKey="subjectId"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={radius.items}
            columns={[
              { title: t('monitoring.subject'), dataIndex: 'subjectId', render: (v: string) => <code>{v}</code> },
              { title: t('monitoring.fields'), dataIndex: 'fields', render: (v: string[]) => v.join(', ') },
              {
                title: t('monitoring.col.evidence'),
                dataIndex: 'seqs',
                render: (v: number[]) => <span className="sb-monitoring-evidence">{v.join(', ')}</span>,
              },
            ]}
          />
        </>
      ) : null}

      <Typography.Title level={2} className="sb-subheading">
        {t('monitoring.notices')}
      </Typography.Title>
      <Button size="small" onClick={() => void run(async () => setNotices((await getNotices(incident.id)).items), false)}>
        {t('monitoring.draftNotices')}
      </Button>
      {notices?.map((n) => (
        <Card
          key={`${n.audience}-${n.locale}`}
          size="small"
          title={`${t(`monitoring.audience.${n.audience}`)} · ${n.locale}`}
          className="sb-monitoring-actions"
        >
          <div className="sb-monitoring-notice">{n.text}</div>
        </Card>
      ))}

      {!closed ? (
        <>
          <Typography.Title level={2} className="sb-subheading">
            {t('monitoring.field.review')}
          </Typography.Title>
          <Space direction="vertical" className="sb-monitoring-block">
            <Input.TextArea rows={2} value={review} onChange={(e) => setReview(e.target.value)} aria-label={t('monitoring.field.review')} />
            <Button disabled={!review.trim()} onClick={() => void run(() => closeIncident(incident.id, review))}>
              {t('monitoring.close')}
            </Button>
          </Space>
        </>
      ) : null}
    </Card>
  );
}

type NewIncident = { title: string; summary: string; suspectAccountId?: string; windowFrom: string; windowTo: string; ci?: boolean };

/** Incidents for the security and privacy officers. */
export function IncidentsPage() {
  const { t } = useTranslation();
  useDocumentTitle('securityIncidents');
  const query = useApiQuery((signal) => getIncidents(signal), 'incidents');
  const [error, setError] = useState<unknown>(undefined);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [form] = Form.useForm<NewIncident>();
  const items = query.data?.items ?? [];
  const shown = items.find((i) => i.id === selected) ?? items[0];
  const submit = async (values: NewIncident) => {
    try {
      const created = await recordIncident({
        title: values.title,
        summary: values.summary,
        suspectAccountId: values.suspectAccountId?.trim() || null,
        windowFrom: new Date(values.windowFrom).toISOString(),
        windowTo: new Date(values.windowTo).toISOString(),
        criticalInfrastructure: Boolean(values.ci),
      });
      setError(undefined);
      setSelected(created.id);
      form.resetFields();
      query.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div className="sb-monitoring" data-testid="security-incidents-page">
      <Typography.Title level={1} className="sb-console-title">
        {t('monitoring.incidentsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('monitoring.incidentsIntro')}</Typography.Paragraph>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      <div className="sb-monitoring-grid">
        <Card title={t('monitoring.newIncident')}>
          {error ? <ApiErrorAlert error={error} /> : null}
          <Form form={form} layout="vertical" className="sb-monitoring-form" onFinish={(v) => void submit(v)}>
            <Form.Item name="title" label={t('monitoring.field.title')} rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="summary" label={t('monitoring.field.summary')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
            <Form.Item name="suspectAccountId" label={t('monitoring.field.suspect')}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="windowFrom" label={t('monitoring.field.windowFrom')} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="windowTo" label={t('monitoring.field.windowTo')} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="ci" valuePropName="checked">
              <Checkbox>{t('monitoring.field.ci')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('monitoring.submit')}
            </Button>
          </Form>
        </Card>
        <Card title={t('monitoring.incidentsTitle')}>
          {items.length ? (
            <Select
              className="sb-monitoring-block"
              value={shown?.id}
              onChange={setSelected}
              options={items.map((i) => ({ value: i.id, label: `${i.no} · ${i.title}` }))}
              aria-label={t('monitoring.incidentsTitle')}
            />
          ) : (
            <Typography.Text type="secondary">{t('monitoring.empty')}</Typography.Text>
          )}
        </Card>
      </div>
      {shown ? (
        <div className="sb-monitoring-actions">
          <IncidentCard key={shown.id} incident={shown} onChanged={query.reload} />
        </div>
      ) : null}
    </div>
  );
}
