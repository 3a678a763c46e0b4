import { AppError } from '../../platform/errors/index.ts';
import type { ConsentGate } from '../vault/index.ts';
import { consentNeededFor } from './consent-purposes.ts';
import type { ConsentGuard } from './consent-service.ts';

/**
 * The vault's consent gate, answered by the one guard (issue 14 item 1). The vault asks it on every reveal that is not
 * the subject's own, for the consent-based fields requested; this decides which (field, purpose) pairs need consent
 * (`consentNeededFor`: the exempt purposes need none) and asks the guard for the account behind the subject.
 *
 * A consent recorded on the record itself (the real-name form's separate consent, `sensitive_consent_given_at`) counts
 * only while the ledger holds nothing for that purpose: once the person has decided in the ledger — withdrawn, refused,
 * or given to an older purpose version — the ledger wins. A subject with no account behind it fails closed.
 */
export function createConsentGate(deps: {
  guard: Pick<ConsentGuard, 'check' | 'require'>;
  accountOfSubject: (subjectId: string) => Promise<string | undefined>;
}): ConsentGate {
  return async ({ subjectId, fields, purpose, row }) => {
    if (!fields.some((key) => consentNeededFor(key, purpose))) return;
    const accountId = await deps.accountOfSubject(subjectId);
    if (!accountId) throw new AppError('CONSENT_REQUIRED', `no account holds the consent for ${purpose}`, { purpose, reason: 'missing' });
    const decision = await deps.guard.check(accountId, purpose);
    if (decision.allowed) return;
    const recordedOnForm = typeof row['sensitive_consent_given_at'] === 'string' && decision.kind === 'sensitive';
    if (recordedOnForm && (decision.reason === 'missing' || decision.reason === 'no_notice')) return;
    await deps.guard.require(accountId, purpose);
  };
}
