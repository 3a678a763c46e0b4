import '../rights.css';
import { Alert, Button, Card, Empty, Form, Input, List, Select, Space } from 'antd';
import {
  NEXT_OF_KIN_RELATIONS,
  NEXT_OF_KIN_RIGHTS,
  PROFILE_FIELDS,
  PURPOSES,
  RIGHTS_KINDS,
  type RightsKind,
  type TCreateRightsRequest,
} from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../shared/api/use-action.ts';
import { useApiQuery } from '../../../shared/api/use-api-query.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { confirmRightsIdentity, exportUrl, fileRightsRequest, getMyRightsRequests } from '../api/rights-api.ts';
import { RightsStatus } from './rights-status.tsx';

type Values = Record<string, string | undefined> & { kind: RightsKind };
const PROFILE_COLUMNS: Record<string, string> = { realName: 'real_name', idNumber: 'id_number' };
// The registry names profile fields by column; the form by the API's camelCase names.

/** Only what the kind takes: the server refuses unknown members. */
function bodyOf(v: Values): TCreateRightsRequest {
  const note = v['note'] ? { note: v['note'] } : {};
  switch (v.kind) {
    case 'correction':
      return {
        kind: 'correction',
        field: `account_profiles.${PROFILE_COLUMNS[v['field'] ?? ''] ?? v['field']}`,
        value: v['value'] ?? '',
        ...note,
      };
    case 'explanation':
      return { kind: 'explanation', question: v['question'] ?? '' };
    case 'withdrawal':
      return { kind: 'withdrawal', purpose: v['purpose'] as 'deal_execution', ...note };
    case 'next_of_kin':
      return {
        kind: 'next_of_kin',
        deceasedAccountNo: v['deceasedAccountNo'] ?? '',
        relation: v['relation'] as 'child',
        right: v['right'] as 'copy',
        ...note,
      };
    default:
      return { kind: v.kind, ...note };
  }
}

/** 我的隐私 → rights: file a typed request, follow its status, answer and history, download the copy. */
export function MyRightsSection() {
  const { t } = useTranslation();
  const { round, error, busy, run } = useAction();
  const query = useApiQuery((s) => getMyRightsRequests(s), `rights-${round}`);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [sent, setSent] = useState<string | undefined>(undefined);
  const options = <T extends string>(values: readonly T[], key: (v: T) => string) =>
    values.map((v) => ({ value: v, label: t(key(v) as 'rights.my.title') }));

  return (
    <Card title={t('rights.my.title')} data-testid="rights-section">
      <p>{t('rights.my.intro', { days: query.data?.slaWorkingDays ?? 15 })}</p>
      <p className="sb-muted">{t('rights.my.identityNote')}</p>
      {error ? <ApiErrorAlert error={error} /> : null}
      {sent ? <Alert type="success" showIcon title={t('rights.my.submitted', { no: sent })} data-testid="rights-sent" /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'access' }}
        onFinish={(values) =>
          run(async () => {
            setSent((await fileRightsRequest(bodyOf(values))).requestNo);
            form.resetFields();
          })
        }
        data-testid="rights-form"
      >
        <Form.Item name="kind" label={t('rights.my.kind')} rules={[{ required: true }]}>
          <Select options={options(RIGHTS_KINDS, (k) => `rights.kinds.${k}`)} />
        </Form.Item>
        {kind === 'correction' ? (
          <>
            <Form.Item name="field" label={t('rights.my.field')} rules={[{ required: true }]}>
              <Select options={options(PROFILE_FIELDS, (f) => `codes.profileFields.${f}`)} />
            </Form.Item>
            <Form.Item name="value" label={t('rights.my.value')} rules={[{ required: true, max: 500 }]}>
              <Input />
            </Form.Item>
          </>
        ) : null}
        {kind === 'explanation' ? (
          <Form.Item name="question" label={t('rights.my.question')} rules={[{ required: true, min: 5, max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
        {kind === 'withdrawal' ? (
          <Form.Item name="purpose" label={t('rights.my.purpose')} rules={[{ required: true }]}>
            <Select options={options(PURPOSES, (p) => `codes.purposes.${p}`)} />
          </Form.Item>
        ) : null}
        {kind === 'next_of_kin' ? (
          <>
            <Form.Item
              name="deceasedAccountNo"
              label={t('rights.my.deceased')}
              rules={[{ required: true, pattern: /^[A-Za-z0-9-]{2,32}$/ }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="relation" label={t('rights.my.relation')} rules={[{ required: true }]}>
              <Select options={options(NEXT_OF_KIN_RELATIONS, (r) => `rights.relations.${r}`)} />
            </Form.Item>
            <Form.Item name="right" label={t('rights.my.right')} rules={[{ required: true }]}>
              <Select options={options(NEXT_OF_KIN_RIGHTS, (r) => `rights.nokRights.${r}`)} />
            </Form.Item>
          </>
        ) : null}
        {kind !== 'explanation' ? (
          <Form.Item name="note" label={t('rights.my.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rights-submit">
          {t('rights.my.submit')}
        </Button>
      </Form>
      {query.error ? <ApiErrorAlert error={query.error} onRetry={query.reload} /> : null}
      <List
        className="sb-rights-list"
        loading={query.loading}
        dataSource={query.data?.requests ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rights.my.empty')} /> }}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="rights-request">
            <div className="sb-rights-item">
              <strong>
                {r.requestNo} · {t(`rights.kinds.${r.kind}`)}
              </strong>
              <RightsStatus request={r} />
              <Space wrap>
                {r.status === 'identity_pending' ? (
                  <>
                    <span className="sb-muted">{t('rights.my.stepUpHint')}</span>
                    <Button size="small" onClick={() => run(() => confirmRightsIdentity(r.id))}>
                      {t('rights.my.confirm')}
                    </Button>
                  </>
                ) : null}
                {r.exportAvailable ? (
                  <>
                    <Button size="small" href={exportUrl(r.id, 'json')} data-testid="rights-json">
                      {t('rights.my.downloadJson')}
                    </Button>
                    <Button size="small" href={exportUrl(r.id, 'pdf')} data-testid="rights-pdf">
                      {t('rights.my.downloadPdf')}
                    </Button>
                    <a href="/api/privacy/rights-export-schema">{t('rights.my.schemaLink')}</a>
                  </>
                ) : null}
              </Space>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
