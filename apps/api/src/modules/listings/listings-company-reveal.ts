import type { z } from 'zod';
import type { ZListingCompanyReveal } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { Vault } from '../vault/index.ts';
import type { ListingsRepo } from './listings-repo.ts';

const STAFF_STEP_UP_MS = 15 * 60_000;
const FIELDS = ['company_name', 'credit_code', 'legal_representative', 'shareholders'] as const;

/**
 * The reviewing broker opens the company behind a listing to check it against the registry (gsxt): purpose
 * `listing_review`, after a recent step-up, through the vault (staff gate, audited, visible in the seller's access
 * log). Only after that may the broker tick the checklist's registry item.
 */
export function createCompanyReveal(deps: {
  repo: ListingsRepo;
  vault: Pick<Vault, 'reveal'>;
  requireStepUp: (sessionId: string, maxAgeMs: number) => Promise<void>;
  now?: () => Date;
}) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async reveal(principal: Principal, listingId: string, requestId?: string): Promise<z.infer<typeof ZListingCompanyReveal>> {
      const row = await repo.findById(listingId);
      if (!row || row.broker_account_id !== principal.accountId || row.status === 'draft') throw new AppError('NOT_FOUND');
      const company = await repo.companyOf(listingId);
      if (!company) throw new AppError('NOT_FOUND');
      await deps.requireStepUp(principal.sessionId, STAFF_STEP_UP_MS);
      const revealed = await deps.vault.reveal({
        actor: { accountId: principal.accountId, roles: principal.roles, kind: 'staff', sessionId: principal.sessionId },
        own: false,
        subjectId: company.subject_id,
        table: 'listing_companies',
        recordId: listingId,
        row: company as unknown as Record<string, unknown>,
        fields: FIELDS,
        purpose: 'listing_review',
        ...(requestId ? { requestId } : {}),
      });
      await repo.recordCompanyReveal(listingId, principal.accountId, now().toISOString());
      const text = (name: string) => (revealed[name]?.state === 'revealed' ? revealed[name].value : null);
      const shareholders = text('shareholders');
      return {
        name: text('company_name'),
        creditCode: text('credit_code'),
        legalRepresentative: text('legal_representative'),
        shareholders: shareholders ? (JSON.parse(shareholders) as unknown[]).map(String) : [],
      };
    },
    revealedBy: (listingId: string, brokerAccountId: string) => repo.companyRevealedBy(listingId, brokerAccountId),
  };
}

export type CompanyReveal = ReturnType<typeof createCompanyReveal>;
