import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import type { TSellSideInquiry } from '@sealbridge/contracts';
import { useTranslation } from 'react-i18next';

/** The facts every approval rests on, each as met or not, in words (codes translated, never values). */
export function PreconditionsList({ inquiry }: { inquiry: TSellSideInquiry }) {
  const { t } = useTranslation();
  const p = inquiry.preconditions;
  const rows: {
    key: 'buyerVerified' | 'ndaSigned' | 'proofOfFunds' | 'sellerConsentL1' | 'sellerConsentL3' | 'buyerConsentL3';
    ok: boolean;
    value: string;
  }[] = [
    { key: 'buyerVerified', ok: p.buyerVerified, value: p.buyerVerified ? t('disclosure.verified') : t('disclosure.unverified') },
    { key: 'ndaSigned', ok: p.ndaSigned, value: p.ndaSigned ? t('disclosure.seller.ndaSigned') : t('disclosure.seller.ndaUnsigned') },
    ...(p.proofOfFunds === 'not_required'
      ? []
      : [{ key: 'proofOfFunds' as const, ok: p.proofOfFunds === 'approved', value: t(`disclosure.proofStates.${p.proofOfFunds}`) }]),
    { key: 'sellerConsentL1', ok: p.sellerConsentL1 === 'given', value: t(`disclosure.consentStates.${p.sellerConsentL1}`) },
    { key: 'sellerConsentL3', ok: p.sellerConsentL3 === 'given', value: t(`disclosure.consentStates.${p.sellerConsentL3}`) },
    { key: 'buyerConsentL3', ok: p.buyerConsentL3 === 'given', value: t(`disclosure.consentStates.${p.buyerConsentL3}`) },
  ];
  return (
    <ul className="sb-precondition-list" aria-label={t('disclosure.broker.preconditions')} data-testid="preconditions">
      {rows.map((row) => (
        <li key={row.key} data-precondition={row.key} data-ok={String(row.ok)}>
          {row.ok ? <CheckCircleFilled className="sb-precondition-ok" /> : <MinusCircleOutlined className="sb-precondition-no" />}
          <span>{t('disclosure.pair', { label: t(`disclosure.broker.${row.key}`), value: row.value })}</span>
        </li>
      ))}
    </ul>
  );
}
