import type { TBuyerInquiry } from '@sealbridge/contracts';

export type InquiryStepKey = 'verify' | 'nda' | 'proof' | 'sellerConsent' | 'review' | 'open';
export type InquiryStepStatus = 'finish' | 'process' | 'wait' | 'error';
export type InquiryStep = { key: InquiryStepKey; status: InquiryStepStatus };

type Facts = Pick<TBuyerInquiry, 'status' | 'levels' | 'preconditions'>;

/**
 * What a buyer still has to do, or wait for, before L1 opens — from the server's facts only, never guessed:
 * 实名认证 → 保密协议 → [资金证明 when the seller asks] → 卖方单独同意 → 顾问审核 → L1 已开放. The buyer's own steps are
 * `process` while open; the others' decisions `wait` until the buyer's part is done; a refusal is an `error`.
 */
export function inquirySteps(inquiry: Facts): InquiryStep[] {
  const p = inquiry.preconditions;
  const l1 = inquiry.levels.find((l) => l.level === 'L1');
  const closed = inquiry.status === 'declined' || inquiry.status === 'withdrawn';
  const own = (done: boolean): InquiryStepStatus => (done ? 'finish' : closed ? 'wait' : 'process');
  const steps: InquiryStep[] = [
    { key: 'verify', status: own(p.buyerVerified) },
    { key: 'nda', status: own(p.ndaSigned) },
  ];
  if (p.proofOfFunds !== 'not_required') {
    const status = p.proofOfFunds === 'approved' ? 'finish' : p.proofOfFunds === 'rejected' ? 'error' : own(false);
    steps.push({ key: 'proof', status });
  }
  const buyerDone = steps.every((s) => s.status === 'finish');
  const consent = p.sellerConsentL1;
  steps.push({
    key: 'sellerConsent',
    status: consent === 'given' ? 'finish' : consent === 'not_asked' ? (closed ? 'wait' : buyerDone ? 'process' : 'wait') : 'error',
  });
  const state = l1?.state ?? 'none';
  const reviewed = state === 'approved' || state === 'consent_withdrawn' || state === 'expired';
  const before = steps.every((s) => s.status === 'finish');
  steps.push({
    key: 'review',
    status: reviewed ? 'finish' : state === 'declined' || state === 'revoked' ? 'error' : before && !closed ? 'process' : 'wait',
  });
  steps.push({
    key: 'open',
    status: l1?.active ? 'finish' : state === 'expired' || state === 'revoked' || state === 'consent_withdrawn' ? 'error' : 'wait',
  });
  return steps;
}

/** The first step not done yet, or undefined when L1 is open. */
export function nextStep(inquiry: Facts): InquiryStep | undefined {
  return inquirySteps(inquiry).find((s) => s.status !== 'finish');
}
