import { Alert, Button, Card, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import { STAFF_ROLES } from '@sealbridge/contracts';
import type { Role, TModuleStanding, TTrainingModuleAdmin, TTrainingModuleInput } from '@sealbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { staffZhCN } from '../../../locales/zh-CN/staff.ts';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert.tsx';
import { ResponsiveTable } from '../../../shared/ui/responsive-table.tsx';
import { saveProgramModule } from '../api/staff-api.ts';
import { useServerForm } from './use-server-form.ts';

type Values = TTrainingModuleInput;
const FIELDS = ['title', 'body', 'passMark', 'roles', 'active', 'questions'] as const;
const fromModule = (m: TTrainingModuleAdmin): Values => ({
  title: m.title,
  body: m.body,
  passMark: m.passMark,
  roles: m.roles,
  active: m.active,
  questions: m.questions.map((q) => ({ prompt: q.prompt, options: [...q.options], answer: q.answer })),
});

/** One module in the editor: content, quiz with its answer key (shown here only), pass mark, roles; saved as a new revision. */
export function ModuleEditor({ module, onSaved, onClose }: { module: TTrainingModuleAdmin; onSaved: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState(module);
  const [saved, setSaved] = useState<number | undefined>(undefined);
  const { error, busy, marked, save: run } = useServerForm(form, FIELDS);
  const required = [{ required: true, message: t('staff.programAdmin.required') }];
  const f = (k: keyof typeof staffZhCN.programAdmin.fields) => t(`staff.programAdmin.fields.${k}`);

  const save = () =>
    run(async (values) => {
      setSaved(undefined);
      const next = await saveProgramModule(current.code, { ...values, passMark: Number(values.passMark) });
      setCurrent(next);
      form.setFieldsValue(fromModule(next));
      setSaved(next.revision);
      onSaved();
    });

  return (
    <Card
      data-testid="module-editor"
      title={t('staff.programAdmin.editTitle', { title: current.title, n: current.revision })}
      extra={<Button onClick={onClose}>{t('staff.programAdmin.back')}</Button>}
      className="sb-program-editor"
    >
      <Form form={form} layout="vertical" initialValues={fromModule(module)} requiredMark={false}>
        <Form.Item name="title" label={f('title')} rules={required}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="body" label={f('body')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={4000} showCount />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="passMark" label={f('passMark')} rules={required}>
            <InputNumber min={50} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={f('active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="roles" label={f('roles')} rules={required}>
          <Select<Role[]> mode="multiple" options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
        <Typography.Title level={5}>{f('questions')}</Typography.Title>
        <Alert type="info" showIcon title={t('staff.programAdmin.answerKeyNote')} className="sb-program-note" />
        <Form.List name="questions">
          {(questions, { add, remove }) => (
            <>
              {questions.map((q, i) => (
                <Card
                  key={q.key}
                  size="small"
                  className="sb-program-question"
                  title={t('staff.programAdmin.question', { n: i + 1 })}
                  extra={
                    questions.length > 1 ? (
                      <Button size="small" type="link" danger onClick={() => remove(q.name)}>
                        {t('staff.programAdmin.removeQuestion')}
                      </Button>
                    ) : null
                  }
                >
                  <Form.Item name={[q.name, 'prompt']} label={f('prompt')} rules={required}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[q.name, 'answer']} label={f('answer')} rules={required}>
                    <Radio.Group className="sb-program-options">
                      <Form.List name={[q.name, 'options']}>
                        {(options, ops) => (
                          <Space direction="vertical" style={{ width: '100%' }}>
                            {options.map((o, j) => (
                              <div key={o.key} className="sb-program-option">
                                <Radio value={j} aria-label={t('staff.programAdmin.correct')} />
                                <Form.Item name={[o.name]} rules={required} noStyle={false} className="sb-program-option-input">
                                  <Input.TextArea
                                    autoSize={{ minRows: 1, maxRows: 4 }}
                                    maxLength={200}
                                    aria-label={t('staff.programAdmin.option', { n: j + 1 })}
                                  />
                                </Form.Item>
                                {options.length > 2 ? (
                                  <Button
                                    size="small"
                                    type="link"
                                    onClick={() => ops.remove(o.name)}
                                    aria-label={t('staff.programAdmin.removeOption')}
                                  >
                                    ×
                                  </Button>
                                ) : null}
                              </div>
                            ))}
                            {options.length < 6 ? (
                              <Button size="small" onClick={() => ops.add('')}>
                                {t('staff.programAdmin.addOption')}
                              </Button>
                            ) : null}
                          </Space>
                        )}
                      </Form.List>
                    </Radio.Group>
                  </Form.Item>
                </Card>
              ))}
              {questions.length < 20 ? (
                <Button onClick={() => add({ prompt: '', options: ['', ''], answer: 0 })}>{t('staff.programAdmin.addQuestion')}</Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Form>
      <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
        {error !== undefined ? <ApiErrorAlert error={error} testId="module-error" /> : null}
        {marked > 0 ? <Typography.Text type="danger">{t('staff.programAdmin.errors.fixBelow')}</Typography.Text> : null}
        {saved !== undefined ? (
          <Alert type="success" showIcon data-testid="module-saved" title={t('staff.programAdmin.saved', { n: saved })} />
        ) : null}
        <Popconfirm
          title={t('staff.programAdmin.saveConfirm', { n: current.revision + 1 })}
          description={<div className="sb-program-confirm">{t('staff.programAdmin.saveConfirmBody')}</div>}
          onConfirm={() => void save()}
        >
          <Button type="primary" loading={busy} data-testid="module-save">
            {t('staff.programAdmin.save')}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}

/** The module list: code, title, roles, pass mark, revision and how the assigned staff stand. */
export function ModuleList({
  modules,
  standing,
  loading,
  onOpen,
}: {
  modules: readonly TTrainingModuleAdmin[];
  standing: readonly TModuleStanding[];
  loading: boolean;
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation();
  const countsOf = (code: string) => standing.find((s) => s.code === code);
  return (
    <ResponsiveTable<TTrainingModuleAdmin>
      rowKey="code"
      loading={loading}
      pagination={false}
      size="small"
      data-testid="module-list"
      dataSource={[...modules]}
      columns={[
        { title: t('staff.programAdmin.col.code'), dataIndex: 'code', key: 'code', render: (c: string) => <code>{c}</code> },
        { title: t('staff.programAdmin.col.title'), dataIndex: 'title', key: 'title' },
        {
          title: t('staff.programAdmin.col.roles'),
          dataIndex: 'roles',
          key: 'roles',
          render: (roles: Role[]) => (
            <Space size={4} wrap>
              {roles.map((r) => (
                <Tag key={r}>{t(`roles.${r}`)}</Tag>
              ))}
            </Space>
          ),
        },
        {
          title: t('staff.programAdmin.col.passMark'),
          dataIndex: 'passMark',
          key: 'passMark',
          render: (mark: number) => t('staff.programAdmin.passMarkN', { mark }),
        },
        {
          title: t('staff.programAdmin.col.revision'),
          dataIndex: 'revision',
          key: 'revision',
          render: (n: number, m: TTrainingModuleAdmin) => (
            <Space size={4} wrap>
              <span data-testid={`revision-${m.code}`} className="sb-nowrap">
                {t('staff.programAdmin.revisionN', { n })}
              </span>
              {m.active ? null : <Tag>{t('staff.programAdmin.inactive')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('staff.programAdmin.col.standing'),
          key: 'standing',
          render: (_: unknown, m: TTrainingModuleAdmin) => {
            const c = countsOf(m.code);
            if (!c) return '—';
            return (
              <Space size={4} wrap>
                <Tag color="green">{t('staff.programAdmin.standing.valid', { n: c.valid })}</Tag>
                <Tag color={c.expiring > 0 ? 'orange' : 'default'}>{t('staff.programAdmin.standing.expiring', { n: c.expiring })}</Tag>
                <Tag color={c.expired > 0 ? 'red' : 'default'}>{t('staff.programAdmin.standing.expired', { n: c.expired })}</Tag>
                <Tag>{t('staff.programAdmin.standing.missing', { n: c.missing })}</Tag>
              </Space>
            );
          },
        },
        {
          title: t('staff.programAdmin.col.actions'),
          key: 'actions',
          render: (_: unknown, m: TTrainingModuleAdmin) => (
            <Button size="small" onClick={() => onOpen(m.code)} data-testid={`open-${m.code}`}>
              {t('staff.programAdmin.open')}
            </Button>
          ),
        },
      ]}
    />
  );
}
