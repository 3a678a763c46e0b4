import { MONEY_KINDS, type MoneyKind, type TDealView, type TMoneyView } from '@sealbridge/contracts';
import { Button, Card, Empty, Input, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dealsApi, todayInChina } from '../api/deals-api.ts';
import { useDealLabels } from './deal-labels.ts';

type Props = { deal: TDealView; run: (work: () => Promise<TDealView>) => Promise<boolean> };

function Milestone({ deal, m, run }: Props & { m: TMoneyView }) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const [on, setOn] = useState(todayInChina());
  const manage = deal.side === 'broker' && deal.status !== 'cancelled';
  const releasable = (m.kind === 'escrow' || m.kind === 'holdback') && m.paidOn && !m.releasedOn;
  return (
    <Card
      size="small"
      title={t(`deals.money.kinds.${m.kind}`)}
      extra={<strong>{t('deals.tax.wan', { amount: labels.wan(m.amountWan) })}</strong>}
      data-testid={`money-${m.kind}`}
    >
      <div className="sb-deal-item-meta">
        {m.dueOn && (
          <span>
            {t('deals.money.due')}：{labels.day(m.dueOn)}
          </span>
        )}
        {m.paidOn ? (
          <Tag color="green">
            {t('deals.money.paid')}：{labels.day(m.paidOn)}
          </Tag>
        ) : (
          <Tag>{t('deals.money.paid')}：—</Tag>
        )}
        {m.releasedOn && (
          <Tag color="blue">
            {t('deals.money.released')}：{labels.day(m.releasedOn)}
          </Tag>
        )}
        {m.claimsWindowEndsOn && (
          <span>
            {t('deals.money.claimsWindow')}：{labels.day(m.claimsWindowEndsOn)}
          </span>
        )}
        {m.note && <span>{m.note}</span>}
      </div>
      {manage && (!m.paidOn || releasable) && (
        <div className="sb-deal-form-row" style={{ marginTop: 8 }}>
          <Input
            type="date"
            value={on}
            max={todayInChina()}
            onChange={(e) => setOn(e.target.value)}
            style={{ width: 160 }}
            aria-label={t('deals.money.on')}
          />
          {!m.paidOn ? (
            <Button
              size="small"
              onClick={() => void run(() => dealsApi.moneyEvent(deal.id, m.id, 'paid', on))}
              data-testid={`paid-${m.kind}`}
            >
              {t('deals.money.markPaid')}
            </Button>
          ) : (
            <Button size="small" onClick={() => void run(() => dealsApi.moneyEvent(deal.id, m.id, 'released', on))}>
              {t('deals.money.release')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}

/** Money milestones (recorded, never moved) and the equity pledge back to the seller. */
export function MoneyPanel({ deal, run }: Props) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const manage = deal.side === 'broker' && deal.status !== 'cancelled';
  const [form, setForm] = useState({
    kind: 'instalment' as MoneyKind,
    amountWan: null as number | null,
    dueOn: '',
    claimsWindowEndsOn: '',
    note: '',
  });
  const [pledgeOn, setPledgeOn] = useState(todayInChina());
  const add = () =>
    run(() =>
      dealsApi.addMoney(deal.id, {
        kind: form.kind,
        amountWan: form.amountWan ?? 0,
        dueOn: form.dueOn || null,
        claimsWindowEndsOn: form.kind === 'holdback' ? form.claimsWindowEndsOn || null : null,
        note: form.note,
      }),
    ).then((ok) => ok && setForm({ ...form, amountWan: null, note: '' }));
  const { pledge } = deal;
  return (
    <section className="sb-deal-form">
      <p>{t('deals.money.title')}</p>
      {deal.money.length === 0 ? (
        <Empty description={t('deals.money.empty')} />
      ) : (
        <div className="sb-deal-grid">
          {deal.money.map((m) => (
            <Milestone key={m.id} deal={deal} m={m} run={run} />
          ))}
        </div>
      )}
      {manage && (
        <Card size="small" title={t('deals.money.add')}>
          <div className="sb-deal-form-row">
            <Select
              value={form.kind}
              onChange={(kind) => setForm({ ...form, kind })}
              options={MONEY_KINDS.map((k) => ({ value: k, label: t(`deals.money.kinds.${k}`) }))}
              style={{ minWidth: 160 }}
              aria-label={t('deals.money.kind')}
              data-testid="money-kind"
            />
            <InputNumber
              min={0.01}
              max={1_000_000}
              precision={2}
              value={form.amountWan}
              onChange={(v) => setForm({ ...form, amountWan: v })}
              placeholder={t('deals.money.amount')}
              style={{ width: 160 }}
              data-testid="money-amount"
            />
            <label>
              {t('deals.money.due')}{' '}
              <Input type="date" value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} style={{ width: 160 }} />
            </label>
            {form.kind === 'holdback' && (
              <label>
                {t('deals.money.claimsWindow')}{' '}
                <Input
                  type="date"
                  value={form.claimsWindowEndsOn}
                  onChange={(e) => setForm({ ...form, claimsWindowEndsOn: e.target.value })}
                  style={{ width: 160 }}
                  data-testid="money-claims"
                />
              </label>
            )}
            <Input
              maxLength={500}
              value={form.note}
              onChange={(e) => setForm({ ...form, note: e.target.value })}
              placeholder={t('deals.money.note')}
              style={{ width: 220, maxWidth: '100%' }}
            />
            <Button type="primary" disabled={!form.amountWan} onClick={() => void add()} data-testid="money-add">
              {t('deals.money.add')}
            </Button>
          </div>
        </Card>
      )}
      <Card size="small" title={t('deals.money.pledge')} data-testid="pledge">
        <div className="sb-deal-form-row">
          <span>
            {pledge.releasedOn
              ? t('deals.money.pledgeReleased', { date: labels.day(pledge.releasedOn) })
              : pledge.registeredOn
                ? t('deals.money.pledgeRegistered', { date: labels.day(pledge.registeredOn) })
                : t('deals.money.pledgeNone')}
          </span>
          {manage && !pledge.releasedOn && (
            <>
              <Input
                type="date"
                value={pledgeOn}
                max={todayInChina()}
                onChange={(e) => setPledgeOn(e.target.value)}
                style={{ width: 160 }}
                aria-label={t('deals.money.on')}
              />
              <Button
                size="small"
                onClick={() => void run(() => dealsApi.pledge(deal.id, pledge.registeredOn ? 'released' : 'registered', pledgeOn))}
              >
                {pledge.registeredOn ? t('deals.money.releasePledge') : t('deals.money.registerPledge')}
              </Button>
            </>
          )}
        </div>
      </Card>
    </section>
  );
}
