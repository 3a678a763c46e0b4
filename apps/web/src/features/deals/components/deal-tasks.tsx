import { ART22_CHANNELS, ART22_GROUPS, type TDealView } from '@sealbridge/contracts';
import { Button, Card, Checkbox, Input, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dealsApi, todayInChina } from '../api/deals-api.ts';
import { PhotoButton, useImageViewer } from './custody-ledger.tsx';
import { useDealLabels } from './deal-labels.ts';

type Props = { deal: TDealView; run: (work: () => Promise<TDealView>) => Promise<boolean> };

/** PIPL Art. 22: the notice to the persons whose data the company holds; the buyer or the broker records it. */
function Art22Card({ deal, run }: Props) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const { art22 } = deal;
  const [form, setForm] = useState({ notifiedOn: todayInChina(), channels: [] as string[], groups: [] as string[], documentId: '' });
  const mine = (deal.side === 'buyer' || deal.side === 'broker') && deal.status === 'open' && art22.state === 'open';
  return (
    <Card
      size="small"
      title={t('deals.art22.title')}
      extra={
        <Tag color={art22.state === 'done' ? 'green' : art22.state === 'open' ? 'orange' : 'default'}>
          {t(`deals.art22.states.${art22.state}`)}
        </Tag>
      }
      data-testid="art22"
    >
      <p>{t('deals.art22.intro')}</p>
      {art22.dueOn && art22.state === 'open' && <p>{t('deals.art22.due', { date: labels.day(art22.dueOn) })}</p>}
      {art22.state === 'done' && art22.completedBy && art22.notifiedOn && (
        <p>
          {t('deals.art22.completed', { side: t(`deals.sides.${art22.completedBy}`), date: labels.day(art22.notifiedOn) })} ·{' '}
          {art22.channels.map((c) => t(`deals.art22.channel.${c}`)).join('、')} ·{' '}
          {art22.groups.map((g) => t(`deals.art22.group.${g}`)).join('、')}
          {art22.documentId ? ` · ${art22.documentId}` : ''}
        </p>
      )}
      {mine && (
        <div className="sb-deal-form">
          <label>
            {t('deals.art22.notifiedOn')}{' '}
            <Input
              type="date"
              value={form.notifiedOn}
              max={todayInChina()}
              onChange={(e) => setForm({ ...form, notifiedOn: e.target.value })}
              style={{ width: 160 }}
            />
          </label>
          <div>
            {t('deals.art22.channels')}：
            <Checkbox.Group
              value={form.channels}
              onChange={(v) => setForm({ ...form, channels: v as string[] })}
              options={ART22_CHANNELS.map((c) => ({ value: c, label: t(`deals.art22.channel.${c}`) }))}
              data-testid="art22-channels"
            />
          </div>
          <div>
            {t('deals.art22.groups')}：
            <Checkbox.Group
              value={form.groups}
              onChange={(v) => setForm({ ...form, groups: v as string[] })}
              options={ART22_GROUPS.map((g) => ({ value: g, label: t(`deals.art22.group.${g}`) }))}
              data-testid="art22-groups"
            />
          </div>
          <Input
            value={form.documentId}
            onChange={(e) => setForm({ ...form, documentId: e.target.value })}
            placeholder={t('deals.art22.documentId')}
            maxLength={64}
          />
          <div>
            <Button
              type="primary"
              disabled={form.channels.length === 0 || form.groups.length === 0}
              onClick={() => void run(() => dealsApi.art22(deal.id, { ...form, documentId: form.documentId.trim() || null }))}
              data-testid="art22-submit"
            >
              {t('deals.art22.submit')}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}

/** After the closing: the seller proves with evidence they are no longer legal representative; reminders stop then. */
function LegalRepCard({ deal, run }: Props) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const { legalRep } = deal;
  const { open, viewer } = useImageViewer();
  const [changedOn, setChangedOn] = useState(todayInChina());
  return (
    <Card
      size="small"
      title={t('deals.legalRep.title')}
      extra={
        <Tag color={legalRep.state === 'confirmed' ? 'green' : legalRep.state === 'pending' ? 'orange' : 'default'}>
          {t(`deals.legalRep.states.${legalRep.state}`)}
        </Tag>
      }
      data-testid="legal-rep"
    >
      <p>{t('deals.legalRep.intro')}</p>
      {legalRep.state === 'pending' && legalRep.lastReminderAt && (
        <p>{t('deals.legalRep.lastReminder', { date: new Date(legalRep.lastReminderAt).toLocaleDateString(labels.locale) })}</p>
      )}
      {legalRep.state === 'confirmed' && legalRep.changedOn && (
        <p>
          {t('deals.legalRep.changedOn')}：{labels.day(legalRep.changedOn)}{' '}
          {legalRep.evidence.present && deal.side !== 'buyer' && (
            <Button size="small" onClick={() => void open(t('deals.legalRep.evidence'), () => dealsApi.revealLegalRep(deal.id))}>
              {t('deals.legalRep.view')}
            </Button>
          )}
        </p>
      )}
      {legalRep.state === 'pending' && deal.side === 'seller' && (
        <div className="sb-deal-form-row">
          <label>
            {t('deals.legalRep.changedOn')}{' '}
            <Input
              type="date"
              value={changedOn}
              max={todayInChina()}
              onChange={(e) => setChangedOn(e.target.value)}
              style={{ width: 160 }}
            />
          </label>
          <PhotoButton
            label={t('deals.legalRep.submit')}
            onImage={(b64) => void run(() => dealsApi.legalRep(deal.id, changedOn, b64))}
            testId="legal-rep-upload"
          />
        </div>
      )}
      {viewer}
    </Card>
  );
}

export function DealTasks({ deal, run }: Props) {
  return (
    <div className="sb-deal-form">
      <Art22Card deal={deal} run={run} />
      <LegalRepCard deal={deal} run={run} />
    </div>
  );
}

/** What happened to the deal, in order (the audit trail holds the full record). */
export function DealHistory({ deal }: { deal: TDealView }) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  return (
    <Timeline
      items={deal.events.map((e) => ({
        content: (
          <div>
            <strong>{t(`deals.history.actions.${e.action}` as 'deals.history.actions.started', { defaultValue: e.action })}</strong>
            {e.toStage ? ` → ${labels.stage(e.toStage)}` : ''} · {t(`deals.sides.${e.side}`)} ·{' '}
            {new Date(e.at).toLocaleString(labels.locale)}
            {e.note && <div>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
