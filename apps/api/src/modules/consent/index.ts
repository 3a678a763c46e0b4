/**
 * Consent, notices and the privacy center (issue 7): versioned notices whose 清单 comes from the vault's registry,
 * the consent ledger with signed receipts, the guard every consent-based processing path must call, and privacy
 * tickets (feedback and rights requests) with an SLA clock. See NOTES.md for which modules must call the guard.
 */
export { createConsentRepo, type ConsentRepo } from './consent-repo.ts';
export {
  createConsentService,
  type ConsentService,
  type ConsentGuard,
  type GuardDecision,
  NOTICE_CHANGE_NOTICE_DAYS,
  TICKET_SLA_WORKING_DAYS,
} from './consent-service.ts';
export { createConsentGate } from './consent-gate.ts';
export { consentRoutes } from './consent-routes.ts';
export { CONSENT_AUDIT_EVENTS } from './consent-audit-events.ts';
export { CONSENT_PURPOSES, CONSENT_EXEMPT_PURPOSES, consentNeededFor, REFUSAL_COOLDOWN_DAYS } from './consent-purposes.ts';
export { buildInventory } from './notice-inventory.ts';
export { receiptSignerFrom, verifyReceipt, canonicalJson, RECEIPT_CONTEXT, type ReceiptSigner } from './receipt-signing.ts';
export { addWorkingDays, workingDaysBetween } from './working-days.ts';
