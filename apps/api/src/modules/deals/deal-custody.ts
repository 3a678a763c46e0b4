import { DEAL_PHOTO_MAX_BYTES, type CustodyItem, type TDealImage, type TDealView } from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import { acceptImage } from '../../platform/images/index.ts';
import type { DealContext, Loaded } from './deal-context.ts';
import { isSeal } from './deal-rules.ts';
import type { DealCustodyRow } from './deals-repo.ts';

const CUSTODY_TABLE = 'deal_custody_items';
/** A custody row's vault record id: the photo's ciphertext is bound to its deal and item. */
export const custodyRecordId = (dealId: string, kind: string) => `${dealId}:${kind}`;

/** Checks an uploaded photo by its bytes (JPEG / PNG, size) and strips its metadata (GPS!) before anything is sealed. */
export async function checkDealPhoto(base64: string, field: string) {
  const checked = await acceptImage(base64, DEAL_PHOTO_MAX_BYTES);
  if (!checked.ok) throw new AppError('PHOTO_INVALID', 'photo refused', { fields: [field], reason: checked.reason });
  return checked;
}

/**
 * Opens a sealed deal image for one side: the broker through the staff reveal (registry role, training gate), a
 * party through the platform's reveal for the deal they take part in. Either way the vault records the access first.
 */
export async function revealDealImage(
  ctx: DealContext,
  principal: Principal,
  loaded: Loaded,
  target: { table: string; recordId: string; field: string; row: Record<string, unknown> },
  requestId?: string,
) {
  const revealed = await ctx.vault.reveal({
    actor: { accountId: principal.accountId, roles: principal.roles, kind: principal.kind, sessionId: principal.sessionId },
    own: false,
    ...(loaded.side === 'broker' ? {} : { forSubject: true }),
    subjectId: loaded.deal.subject_id,
    table: target.table,
    recordId: target.recordId,
    row: target.row,
    fields: [target.field],
    purpose: 'deal_execution',
    ...(requestId ? { requestId } : {}),
  });
  return revealed[target.field] ?? { state: 'absent' as const };
}

/** The custody ledger: which items are handed over, photo evidence sealed by the vault, both sides' confirmations, seals. */
export function createDealCustody(ctx: DealContext) {
  async function item(loaded: Loaded, kind: CustodyItem): Promise<DealCustodyRow> {
    const row = (await ctx.repo.custodyOf(loaded.deal.id)).find((c) => c.kind === kind);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function change(
    principal: Principal,
    loaded: Loaded,
    kind: CustodyItem,
    columns: Partial<DealCustodyRow>,
    audit: { type: string; data: Record<string, unknown> },
    requestId?: string,
  ) {
    await ctx.repo.transaction(async (tx, trx) => {
      await tx.updateCustody(loaded.deal.id, kind, { ...columns, updated_at: ctx.now().toISOString() });
      await tx.update(loaded.deal.id, { updated_at: ctx.now().toISOString() });
      await ctx.audit.appendInTransaction(trx, {
        type: audit.type,
        actor: ctx.actorOf(principal),
        decision: 'allowed',
        subjectId: loaded.deal.subject_id,
        requestId: requestId ?? null,
        ...(audit.type === 'deals.custody_photo_uploaded' ? { fields: [`${CUSTODY_TABLE}.photo`] } : {}),
        data: { dealId: loaded.deal.id, item: kind, ...audit.data },
      });
    });
    return ctx.reload(loaded);
  }

  return {
    /** The broker scopes the ledger (a company without an invoice seal, say); only before the closing. */
    async setApplicable(principal: Principal, id: string, kind: CustodyItem, applicable: boolean, requestId?: string): Promise<TDealView> {
      const loaded = await ctx.load(principal, id, requestId);
      ctx.requireSide(loaded, ['broker']);
      ctx.requireOpen(loaded.deal);
      await item(loaded, kind);
      return change(
        principal,
        loaded,
        kind,
        { applicable: applicable ? 1 : 0 },
        { type: 'deals.custody_applicability_set', data: { applicable } },
        requestId,
      );
    },

    /**
     * Either side (or the broker) photographs an item as it changes hands. The photo is checked by its bytes and
     * sealed under the deal's own vault subject; a new photo asks both sides to confirm again.
     */
    async uploadPhoto(principal: Principal, id: string, kind: CustodyItem, image: string, requestId?: string): Promise<TDealView> {
      const loaded = await ctx.load(principal, id, requestId);
      ctx.requireOpen(loaded.deal);
      const row = await item(loaded, kind);
      if (!row.applicable) throw new AppError('CONFLICT', 'item not part of this handover');
      const photo = await checkDealPhoto(image, 'image');
      const subject = await ctx.vault.findSubject(loaded.deal.subject_id);
      if (!subject || subject.erased) throw new AppError('DATA_ERASED');
      const sealed = await ctx.vault.sealFields(subject, CUSTODY_TABLE, custodyRecordId(loaded.deal.id, kind), { photo: photo.base64 });
      const view = await change(
        principal,
        loaded,
        kind,
        {
          photo_ct: sealed['photo_ct'] ?? null,
          photo_type: photo.type,
          photo_uploaded_by: loaded.side,
          photo_uploaded_at: ctx.now().toISOString(),
          seller_confirmed_at: null,
          seller_confirmed_by: null,
          buyer_confirmed_at: null,
          buyer_confirmed_by: null,
        },
        { type: 'deals.custody_photo_uploaded', data: { side: loaded.side } },
        requestId,
      );
      const { deal } = loaded;
      const others = (['seller', 'buyer'] as const).filter((s) => s !== loaded.side);
      await ctx.notify(
        others.map((side) => ({
          accountId: side === 'seller' ? deal.seller_account_id : deal.buyer_account_id,
          kind: 'deal_custody_to_confirm' as const,
          params: { deal: deal.code, code: deal.listing_code },
          link: ctx.linkFor(side, deal.id),
        })),
      );
      return view;
    },

    /** The seller confirms handing the item over, the buyer receiving it; each only their own side, only on a photo. */
    async confirm(principal: Principal, id: string, kind: CustodyItem, requestId?: string): Promise<TDealView> {
      const loaded = await ctx.load(principal, id, requestId);
      ctx.requireSide(loaded, ['seller', 'buyer']);
      ctx.requireOpen(loaded.deal);
      const row = await item(loaded, kind);
      if (!row.applicable) throw new AppError('CONFLICT', 'item not part of this handover');
      if (!row.photo_ct) throw new AppError('CUSTODY_PHOTO_REQUIRED');
      const at = ctx.now().toISOString();
      const columns =
        loaded.side === 'seller'
          ? { seller_confirmed_at: at, seller_confirmed_by: principal.accountId }
          : { buyer_confirmed_at: at, buyer_confirmed_by: principal.accountId };
      return change(principal, loaded, kind, columns, { type: 'deals.custody_confirmed', data: { side: loaded.side } }, requestId);
    },

    /** The old seal's cancellation and the new seal's filing with the police (公安备案), recorded by the buyer or the broker. */
    async recordSealCancellation(
      principal: Principal,
      id: string,
      kind: CustodyItem,
      input: { oldSealCancelledOn: string; newSealFiledOn: string },
      requestId?: string,
    ): Promise<TDealView> {
      const loaded = await ctx.load(principal, id, requestId);
      ctx.requireSide(loaded, ['buyer', 'broker']);
      ctx.requireOpen(loaded.deal);
      if (!isSeal(kind)) throw new AppError('VALIDATION_FAILED', 'not a seal', { fields: ['kind'] });
      ctx.requirePast('oldSealCancelledOn', input.oldSealCancelledOn);
      ctx.requirePast('newSealFiledOn', input.newSealFiledOn);
      await item(loaded, kind);
      return change(
        principal,
        loaded,
        kind,
        { old_seal_cancelled_on: input.oldSealCancelledOn, new_seal_filed_on: input.newSealFiledOn },
        { type: 'deals.seal_cancellation_recorded', data: { side: loaded.side } },
        requestId,
      );
    },

    /** A hand-over photo, opened for a side of the deal (audited by the vault before it decrypts). */
    async revealPhoto(principal: Principal, id: string, kind: CustodyItem, requestId?: string): Promise<TDealImage> {
      const loaded = await ctx.load(principal, id, requestId);
      const row = await item(loaded, kind);
      if (!row.photo_ct) throw new AppError('NOT_FOUND');
      const image = await revealDealImage(
        ctx,
        principal,
        loaded,
        {
          table: CUSTODY_TABLE,
          recordId: custodyRecordId(loaded.deal.id, kind),
          field: 'photo',
          row: row as unknown as Record<string, unknown>,
        },
        requestId,
      );
      return { type: row.photo_type === 'png' ? 'png' : 'jpeg', image };
    },
  };
}
