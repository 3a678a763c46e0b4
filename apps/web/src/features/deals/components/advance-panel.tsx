import { DEAL_CANCEL_REASONS, DEAL_STAGES, type TDealView } from '@sealbridge/contracts';
import { Alert, Button, Card, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dealsApi, todayInChina } from '../api/deals-api.ts';
import { useDealLabels } from './deal-labels.ts';

type Props = { deal: TDealView; run: (work: () => Promise<TDealView>) => Promise<boolean> };

/**
 * The broker's controls: move to the next stage (with the letter of intent / deposit, or the signed agreement, when
 * that stage needs them), close the deal from handover, or cancel it. The server re-checks every rule.
 */
export function AdvancePanel({ deal, run }: Props) {
  const { t } = useTranslation();
  const labels = useDealLabels();
  const [note, setNote] = useState('');
  const [intent, setIntent] = useState({
    kind: 'loi' as 'loi' | 'deposit',
    signedOn: todayInChina(),
    exclusiveUntil: '',
    depositWan: null as number | null,
  });
  const [agreement, setAgreement] = useState({
    signedOn: todayInChina(),
    sellerKind: 'individual' as 'individual' | 'company',
    priceWan: null as number | null,
    costBasisWan: null as number | null,
  });
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState<(typeof DEAL_CANCEL_REASONS)[number]>('buyer_withdrew');
  const [cancelNote, setCancelNote] = useState('');
  if (deal.status !== 'open') return null;
  const next = DEAL_STAGES[DEAL_STAGES.indexOf(deal.stage) + 1];
  if (!next) return null;
  const closing = next === 'post_closing';
  const currentItems = deal.stages.find((s) => s.state === 'current')?.items ?? [];
  const open = currentItems.some((i) => !i.done);

  const advance = () =>
    run(() =>
      dealsApi.advance(deal.id, {
        from: deal.stage,
        note,
        ...(deal.stage === 'inquiry'
          ? {
              intent: {
                kind: intent.kind,
                signedOn: intent.signedOn,
                exclusiveUntil: intent.exclusiveUntil,
                ...(intent.depositWan ? { depositWan: intent.depositWan } : {}),
              },
            }
          : {}),
        ...(deal.stage === 'agreement' ? { agreement } : {}),
      }),
    ).then((ok) => ok && setNote(''));

  return (
    <Card size="small" title={t('deals.advance.title')} data-testid="advance-panel">
      <div className="sb-deal-form">
        {deal.stage === 'inquiry' && (
          <fieldset className="sb-deal-form">
            <legend>{t('deals.advance.intentTitle')}</legend>
            <div className="sb-deal-form-row">
              <Select
                value={intent.kind}
                onChange={(kind) => setIntent({ ...intent, kind })}
                options={(['loi', 'deposit'] as const).map((k) => ({ value: k, label: t(`deals.advance.kinds.${k}`) }))}
                aria-label={t('deals.advance.intentKind')}
                style={{ minWidth: 120 }}
                data-testid="intent-kind"
              />
              <label>
                {t('deals.advance.signedOn')}{' '}
                <Input
                  type="date"
                  value={intent.signedOn}
                  max={todayInChina()}
                  onChange={(e) => setIntent({ ...intent, signedOn: e.target.value })}
                  style={{ width: 160 }}
                />
              </label>
              <label>
                {t('deals.advance.exclusiveUntil')}{' '}
                <Input
                  type="date"
                  value={intent.exclusiveUntil}
                  onChange={(e) => setIntent({ ...intent, exclusiveUntil: e.target.value })}
                  style={{ width: 160 }}
                  data-testid="intent-exclusive-until"
                />
              </label>
              {intent.kind === 'deposit' && (
                <InputNumber
                  min={0.01}
                  max={1_000_000}
                  precision={2}
                  value={intent.depositWan}
                  onChange={(v) => setIntent({ ...intent, depositWan: v })}
                  placeholder={t('deals.advance.depositWan')}
                  style={{ width: 180 }}
                  data-testid="intent-deposit"
                />
              )}
            </div>
          </fieldset>
        )}
        {deal.stage === 'agreement' && (
          <fieldset className="sb-deal-form">
            <legend>{t('deals.advance.agreementTitle')}</legend>
            <div className="sb-deal-form-row">
              <label>
                {t('deals.advance.signedOn')}{' '}
                <Input
                  type="date"
                  value={agreement.signedOn}
                  max={todayInChina()}
                  onChange={(e) => setAgreement({ ...agreement, signedOn: e.target.value })}
                  style={{ width: 160 }}
                />
              </label>
              <Select
                value={agreement.sellerKind}
                onChange={(sellerKind) => setAgreement({ ...agreement, sellerKind })}
                options={(['individual', 'company'] as const).map((k) => ({ value: k, label: t(`deals.advance.sellerKinds.${k}`) }))}
                aria-label={t('deals.advance.sellerKind')}
                style={{ minWidth: 200 }}
              />
              <InputNumber
                min={0.01}
                max={1_000_000}
                precision={2}
                value={agreement.priceWan}
                onChange={(v) => setAgreement({ ...agreement, priceWan: v })}
                placeholder={t('deals.advance.priceWan')}
                style={{ width: 180 }}
                data-testid="agreement-price"
              />
              <InputNumber
                min={0}
                max={1_000_000}
                precision={2}
                value={agreement.costBasisWan}
                onChange={(v) => setAgreement({ ...agreement, costBasisWan: v })}
                placeholder={t('deals.advance.costBasisWan')}
                style={{ width: 260, maxWidth: '100%' }}
              />
            </div>
          </fieldset>
        )}
        {closing && deal.closeBlockers.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('deals.advance.blockersTitle')}
            description={
              <ul className="sb-deal-blockers" data-testid="close-blockers">
                {deal.closeBlockers
                  .filter((b) => b !== 'stage')
                  .map((b) => (
                    <li key={b}>{t(`deals.advance.blockers.${b}`)}</li>
                  ))}
              </ul>
            }
          />
        )}
        {!closing && open && <Alert type="info" showIcon title={t('deals.advance.checklistOpen')} />}
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={t('deals.advance.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="sb-deal-form-row">
          <Button
            type="primary"
            disabled={closing ? deal.closeBlockers.length > 0 : open}
            onClick={() => void advance()}
            data-testid="advance"
          >
            {closing ? t('deals.advance.close') : t('deals.advance.next', { stage: labels.stage(next) })}
          </Button>
          <Button danger onClick={() => setCancelling(true)} data-testid="cancel-deal">
            {t('deals.advance.cancel')}
          </Button>
        </div>
      </div>
      <Modal
        open={cancelling}
        title={t('deals.advance.cancelTitle')}
        onCancel={() => setCancelling(false)}
        onOk={() => void run(() => dealsApi.cancel(deal.id, reason, cancelNote)).then((ok) => ok && setCancelling(false))}
        okButtonProps={{ danger: true, ...{ 'data-testid': 'confirm-cancel' } }}
      >
        <div className="sb-deal-form">
          <Select
            value={reason}
            onChange={setReason}
            options={DEAL_CANCEL_REASONS.map((r) => ({ value: r, label: t(`deals.cancelReasons.${r}`) }))}
            aria-label={t('deals.advance.cancelReason')}
          />
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('deals.advance.cancelNote')}
            value={cancelNote}
            onChange={(e) => setCancelNote(e.target.value)}
          />
        </div>
      </Modal>
    </Card>
  );
}
