import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import type { GetProps } from 'antd';
import { PURPOSES } from '@sealbridge/contracts';
import type { Purpose, TAuditSearchQuery } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';
import { dayRange } from '../../../shared/api/day-range.ts';
import { DayRangePicker } from '../../../shared/ui/day-range-picker.tsx';
import { isAcceptableProfileValue } from '../../../shared/api/profile-field-rules.ts';
import { AUDIT_ACTIONS } from '../../../shared/i18n/audit-codes.ts';

/** The filters of a search; page and page size are the table's. */
export type AuditFilters = Omit<TAuditSearchQuery, 'page' | 'pageSize'>;

const SUBJECT_TYPES = ['mobile', 'email', 'idNumber', 'subjectId'] as const;
type SubjectType = (typeof SUBJECT_TYPES)[number];
const SUBJECT_PARAM = {
  mobile: 'subjectMobile',
  email: 'subjectEmail',
  idNumber: 'subjectIdNumber',
  subjectId: 'subjectId',
} as const satisfies Record<SubjectType, keyof AuditFilters>;

type Range = GetProps<typeof DayRangePicker>['value'];
type Values = {
  actor?: string;
  subjectType: SubjectType;
  subject?: string;
  action?: string;
  purpose?: Purpose;
  decision?: 'allowed' | 'denied';
  range?: Range;
};

/** The form's values as the API's query: only what was filled in, the days as a half-open range of instants. */
function toFilters(values: Values): AuditFilters {
  const filters: AuditFilters = {};
  const actor = values.actor?.trim();
  const subject = values.subject?.trim();
  if (actor) filters.actor = actor;
  if (subject) filters[SUBJECT_PARAM[values.subjectType]] = subject;
  if (values.action) filters.action = values.action;
  if (values.purpose) filters.purpose = values.purpose;
  if (values.decision) filters.decision = values.decision;
  const [first, last] = values.range ?? [];
  if (first && last) Object.assign(filters, dayRange(first.format('YYYY-MM-DD'), last.format('YYYY-MM-DD')));
  return filters;
}

type Props = { loading: boolean; onSearch: (filters: AuditFilters) => void };

/**
 * Who (actor account id), whom (a data subject by mobile, e-mail or ID number — matched by blind index on the
 * server — or by subject id), what, why, with which decision, and when.
 */
export function AuditSearchForm({ loading, onSearch }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const subjectType = Form.useWatch('subjectType', form) ?? 'mobile';
  const any = t('audit.search.any');

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ subjectType: 'mobile' }}
      onFinish={(values) => onSearch(toFilters(values))}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.subjectType) form.setFields([{ name: 'subject', value: '', errors: [] }]);
      }}
      data-testid="audit-search-form"
      className="sb-audit-form"
    >
      <div className="sb-audit-form-grid">
        <Form.Item label={t('audit.search.subject')} className="sb-audit-subject">
          <Space.Compact block>
            <Form.Item name="subjectType" noStyle>
              <Select<SubjectType>
                className="sb-audit-subject-type"
                aria-label={t('audit.search.subject')}
                options={SUBJECT_TYPES.map((type) => ({ value: type, label: t(`audit.search.subjectTypes.${type}`) }))}
                data-testid="audit-subject-type"
              />
            </Form.Item>
            <Form.Item
              name="subject"
              noStyle
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    !value?.trim() || subjectType === 'subjectId' || isAcceptableProfileValue(subjectType, value)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t(`codes.invalid.${subjectType}`))),
                },
              ]}
            >
              <Input
                placeholder={t(`audit.search.subjectPlaceholders.${subjectType}`)}
                autoComplete="off"
                allowClear
                data-testid="audit-subject"
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="actor" label={t('audit.search.actor')}>
          <Input placeholder={t('audit.search.actorPlaceholder')} autoComplete="off" allowClear data-testid="audit-actor" />
        </Form.Item>
        <Form.Item name="range" label={t('audit.search.range')}>
          <DayRangePicker className="sb-audit-range" data-testid="audit-range" />
        </Form.Item>
        <Form.Item name="action" label={t('audit.search.action')}>
          <Select
            allowClear
            placeholder={any}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
            data-testid="audit-action"
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('audit.search.purpose')}>
          <Select<Purpose>
            allowClear
            placeholder={any}
            options={PURPOSES.map((purpose) => ({ value: purpose, label: t(`codes.purposes.${purpose}`) }))}
            data-testid="audit-purpose"
          />
        </Form.Item>
        <Form.Item name="decision" label={t('audit.search.decision')}>
          <Select
            allowClear
            placeholder={any}
            options={(['allowed', 'denied'] as const).map((d) => ({ value: d, label: t(`audit.decisions.${d}`) }))}
            data-testid="audit-decision"
          />
        </Form.Item>
      </div>
      <div className="sb-audit-form-actions">
        <Button
          icon={<UndoOutlined />}
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
          data-testid="audit-reset"
        >
          {t('audit.search.reset')}
        </Button>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading} data-testid="audit-submit">
          {t('audit.search.submit')}
        </Button>
      </div>
    </Form>
  );
}
