import { VERIFICATION_CHECKLIST, type TVerificationDecisionRequest, type VerificationRejectReason } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';

export type VerificationOutcome = { outcome: 'verified' | 'rejected'; reason: VerificationRejectReason | null };

/**
 * The port through which real-name verification is decided. A submission is handed to `submit` once it is sealed;
 * `decide` turns a reviewer's answer (or, for an external provider, its callback) into the outcome, or refuses it.
 * An external provider (e.g. a 公民身份信息核验 service or a cloud 实人认证 product) would receive the fields it
 * needs through the vault and answer asynchronously; it would be a new implementation of this type.
 */
export type VerificationProvider = {
  readonly id: string;
  /** Accepts a sealed submission; the working provider queues it for the assigned broker. */
  submit(submission: { verificationId: string; accountId: string }): Promise<{ status: 'pending' }>;
  /** Validates a decision: approval needs every checklist item; rejection needs a reason. */
  decide(input: TVerificationDecisionRequest): VerificationOutcome;
};

/**
 * The working provider: manual review by the customer's assigned broker with a checklist (photo matches the
 * name, ID number legible and matching, card not expired, no signs of alteration, both sides readable).
 * The review queue is the table itself (status pending), so `submit` has nothing to send.
 */
export function createManualBrokerReviewProvider(): VerificationProvider {
  return {
    id: 'manual_broker_review',
    submit: async () => ({ status: 'pending' }),
    decide(input) {
      if (input.outcome === 'verified') {
        const unchecked = VERIFICATION_CHECKLIST.filter((item) => !input.checklist[item]);
        if (unchecked.length > 0)
          throw new AppError('VALIDATION_FAILED', 'approval with unchecked items', { fields: unchecked.map((i) => `checklist.${i}`) });
        return { outcome: 'verified', reason: null };
      }
      if (!input.reason) throw new AppError('VALIDATION_FAILED', 'rejection without a reason', { fields: ['reason'] });
      return { outcome: 'rejected', reason: input.reason };
    },
  };
}
