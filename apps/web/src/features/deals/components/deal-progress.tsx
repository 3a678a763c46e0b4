import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import type { DealStage, TDealChecklistItem, TDealView } from '@sealbridge/contracts';
import { Button, Input, Steps, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dealsApi } from '../api/deals-api.ts';
import { useDealLabels } from './deal-labels.ts';

type Props = { deal: TDealView; run: (work: () => Promise<TDealView>) => Promise<boolean> };

/** Who may tick an item: its owner, or the broker for anyone (a phone-led trade), only in the current stage. */
const canTick = (deal: TDealView, stage: DealStage, item: TDealChecklistItem) =>
  deal.status !== 'cancelled' && stage === deal.stage && (deal.side === 'broker' || item.owner === deal.side);

function ChecklistItem({ deal, stage, item, run }: Props & { stage: DealStage; item: TDealChecklistItem }) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const [editing, setEditing] = useState(false);
  const [remark, setRemark] = useState('');
  const [docs, setDocs] = useState('');
  const allowed = canTick(deal, stage, item);
  const submit = async (done: boolean) => {
    const documentIds = docs.split(/[,，\s]+/).filter(Boolean);
    if (await run(() => dealsApi.mark(deal.id, item.key, { done, remark, documentIds }))) setEditing(false);
  };
  return (
    <li className={item.done ? 'sb-deal-item is-done' : 'sb-deal-item'} data-testid={`item-${item.key}`}>
      <div className="sb-deal-item-head">
        <span>
          {item.done ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ClockCircleOutlined />}{' '}
          {t(`deals.checklist.items.${item.key}` as 'deals.checklist.items.inquiry.needs_confirmed')}
        </span>
        {allowed && !item.done && !editing && (
          <Button size="small" onClick={() => setEditing(true)} data-testid={`tick-${item.key}`}>
            {t('deals.checklist.tick')}
          </Button>
        )}
        {allowed && item.done && (
          <Button size="small" type="link" onClick={() => void submit(false)}>
            {t('deals.checklist.untick')}
          </Button>
        )}
      </div>
      <div className="sb-deal-item-meta">
        <Tag>{t(`deals.sides.${item.owner}`)}</Tag>
        {item.dueOn && !item.done && (
          <Tooltip title={item.provisional ? t('deals.checklist.provisional') : undefined}>
            <Tag color={item.overdue ? 'red' : 'blue'}>
              {t('deals.checklist.due', { date: labels.day(item.dueOn) })}
              {item.provisional ? ' *' : ''}
            </Tag>
          </Tooltip>
        )}
        {item.overdue && !item.done && <Tag color="red">{t('deals.checklist.overdue')}</Tag>}
        {item.done && item.doneBy && item.doneAt && (
          <span>
            {t('deals.checklist.doneBy', {
              side: t(`deals.sides.${item.doneBy}`),
              date: new Date(item.doneAt).toLocaleDateString(labels.locale),
            })}
          </span>
        )}
        {item.remark && (
          <span>
            {t('deals.checklist.remark')}：{item.remark}
          </span>
        )}
        {item.documentIds.length > 0 && (
          <span>
            {t('deals.checklist.documents')}：{item.documentIds.join('、')}
          </span>
        )}
      </div>
      {editing && (
        <div className="sb-deal-form">
          <Input.TextArea
            rows={2}
            maxLength={200}
            placeholder={t('deals.checklist.remarkPlaceholder')}
            value={remark}
            onChange={(e) => setRemark(e.target.value)}
          />
          <Input placeholder={t('deals.checklist.documentsPlaceholder')} value={docs} onChange={(e) => setDocs(e.target.value)} />
          <div className="sb-deal-form-row">
            <Button type="primary" size="small" onClick={() => void submit(true)} data-testid={`confirm-tick-${item.key}`}>
              {t('deals.checklist.tick')}
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              {t('deals.checklist.cancelEdit')}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}

/** The stage timeline (vertical, so it fits a phone) and the checklist of the stage picked on it. */
export function DealProgress({ deal, run }: Props) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const current = deal.stages.findIndex((s) => s.state === 'current');
  const [picked, setPicked] = useState<number | null>(null);
  const shown = deal.stages[picked ?? Math.max(current, 0)];
  return (
    <div className="sb-deal-progress">
      <Steps
        className="sb-deal-timeline"
        orientation="vertical"
        size="small"
        current={current}
        onChange={(i) => setPicked(i)}
        items={deal.stages.map((s) => ({
          title: labels.stage(s.stage),
          status: s.state === 'done' ? 'finish' : s.state === 'current' ? (deal.status === 'cancelled' ? 'error' : 'process') : 'wait',
          content: s.enteredAt ? new Date(s.enteredAt).toLocaleDateString(labels.locale) : t(`deals.stageStates.${s.state}`),
        }))}
        data-testid="deal-timeline"
      />
      {shown && (
        <section>
          <h3>
            {labels.stage(shown.stage)} · {t('deals.checklist.title')}
          </h3>
          {shown.state === 'upcoming' && <p>{t('deals.checklist.notYet')}</p>}
          <ul className="sb-deal-items" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {shown.items.map((item) => (
              <ChecklistItem key={item.key} deal={deal} stage={shown.stage} item={item} run={run} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
