import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  ListingsTable,
  DisclosureGrantEventsTable,
  DisclosureGrantsTable,
  InquiriesTable,
  NdaSignaturesTable,
  NdaTemplatesTable,
  ProofOfFundsTable,
} from '../../db/schema.ts';
import { prepared } from '../../platform/db/index.ts';

/**
 * Queries of the disclosure tables. It also reads — never writes — `listings` and `listing_companies` (the listings
 * module's) for the listing's seller, adviser, status and sealed company row, as the staff repo reads accounts.
 */
export function createDisclosureRepo(db: Kysely<Database> | Transaction<Database>) {
  // The L1 read's hot queries, compiled once (ADR 0012 addendum): the pair's grants, then the listing, the inquiry,
  // the NDA signature, the proof-of-funds requirement and the proof's state in one round trip.
  const grantsOfPairQuery = prepared(db as Kysely<Database>, (q, p) =>
    q
      .selectFrom('disclosure_grants')
      .selectAll()
      .where('listing_id', '=', p('listingId'))
      .where('buyer_account_id', '=', p('buyerAccountId')),
  );
  const pairQuery = prepared(db as Kysely<Database>, (q, p) =>
    q
      .selectFrom('listings as l')
      .innerJoin('inquiries as i', (j) => j.onRef('i.listing_id', '=', 'l.id').on('i.buyer_account_id', '=', p('buyerAccountId')))
      .leftJoin('listing_disclosure_settings as s', 's.listing_id', 'l.id')
      .leftJoin('proof_of_funds as pf', (j) => j.onRef('pf.listing_id', '=', 'l.id').on('pf.buyer_account_id', '=', p('buyerAccountId')))
      .selectAll('l')
      .select([
        'i.id as i_id',
        'i.buyer_type as i_buyer_type',
        'i.budget_band as i_budget_band',
        'i.timeline as i_timeline',
        'i.note as i_note',
        'i.status as i_status',
      ])
      .select([
        'i.created_at as i_created_at',
        'i.updated_at as i_updated_at',
        'i.decided_at as i_decided_at',
        'i.decided_by as i_decided_by',
        'i.decision_reason as i_decision_reason',
      ])
      .select(['s.requires_proof_of_funds as x_requires_proof_of_funds', 'pf.id as x_proof_id', 'pf.status as x_proof_status'])
      .select((eb) =>
        eb
          .selectFrom('nda_signatures as n')
          .select('n.id')
          .whereRef('n.listing_id', '=', 'l.id')
          .where('n.buyer_account_id', '=', p('buyerAccountId'))
          .orderBy('n.signed_at', 'desc')
          .limit(1)
          .as('x_nda_id'),
      )
      .where('l.id', '=', p('listingId')),
  );
  return {
    transaction: <T>(work: (trx: Transaction<Database>) => Promise<T>) => (db as Kysely<Database>).transaction().execute(work),

    listing: (id: string) => db.selectFrom('listings').selectAll().where('id', '=', id).executeTakeFirst(),
    listingByCode: (code: string) => db.selectFrom('listings').selectAll().where('code', '=', code).executeTakeFirst(),
    listingsByIds: (ids: readonly string[]) =>
      ids.length
        ? db
            .selectFrom('listings')
            .selectAll()
            .where('id', 'in', [...ids])
            .execute()
        : Promise.resolve([]),
    company: (listingId: string) => db.selectFrom('listing_companies').selectAll().where('listing_id', '=', listingId).executeTakeFirst(),
    companySubjects: async (sellerAccountId: string) =>
      (
        await db
          .selectFrom('listing_companies as c')
          .innerJoin('listings as l', 'l.id', 'c.listing_id')
          .select('c.subject_id')
          .where('l.seller_account_id', '=', sellerAccountId)
          .execute()
      ).map((r) => r.subject_id),

    /**
     * The listing, the buyer's inquiry on it and the pair's extras (NDA signature, proof-of-funds requirement and
     * state), in one query (the access check's hot path).
     */
    async listingWithInquiry(
      listingId: string,
      buyerAccountId: string,
    ): Promise<{ listing: ListingsTable; inquiry: InquiriesTable; extras: PairExtras } | undefined> {
      const [row] = await pairQuery({ listingId, buyerAccountId });
      if (!row) return undefined;
      const {
        i_id,
        i_buyer_type,
        i_budget_band,
        i_timeline,
        i_note,
        i_status,
        i_created_at,
        i_updated_at,
        i_decided_at,
        i_decided_by,
        i_decision_reason,
        x_requires_proof_of_funds,
        x_proof_id,
        x_proof_status,
        x_nda_id,
        ...listing
      } = row;
      return {
        listing: listing as ListingsTable,
        inquiry: {
          id: i_id,
          listing_id: listingId,
          buyer_account_id: buyerAccountId,
          buyer_type: i_buyer_type,
          budget_band: i_budget_band,
          timeline: i_timeline,
          note: i_note,
          status: i_status,
          created_at: i_created_at,
          updated_at: i_updated_at,
          decided_at: i_decided_at,
          decided_by: i_decided_by,
          decision_reason: i_decision_reason,
        },
        extras: {
          requiresProofOfFunds: x_requires_proof_of_funds === 1,
          proofId: x_proof_id ?? null,
          proofStatus: (x_proof_status ?? null) as ProofOfFundsTable['status'] | null,
          ndaSignatureId: x_nda_id ?? null,
        },
      };
    },
    /** The NDA signature, the proof-of-funds requirement and the proof's state of a pair, in one query. */
    async pairExtras(listingId: string, buyerAccountId: string): Promise<PairExtras> {
      const row = await db
        .selectFrom('listings as l')
        .leftJoin('listing_disclosure_settings as s', 's.listing_id', 'l.id')
        .leftJoin('proof_of_funds as p', (j) => j.onRef('p.listing_id', '=', 'l.id').on('p.buyer_account_id', '=', buyerAccountId))
        .select(['s.requires_proof_of_funds', 'p.id as proof_id', 'p.status as proof_status'])
        .select((eb) =>
          eb
            .selectFrom('nda_signatures as n')
            .select('n.id')
            .whereRef('n.listing_id', '=', 'l.id')
            .where('n.buyer_account_id', '=', buyerAccountId)
            .orderBy('n.signed_at', 'desc')
            .limit(1)
            .as('nda_id'),
        )
        .where('l.id', '=', listingId)
        .executeTakeFirst();
      return {
        requiresProofOfFunds: row?.requires_proof_of_funds === 1,
        proofId: row?.proof_id ?? null,
        proofStatus: (row?.proof_status ?? null) as ProofOfFundsTable['status'] | null,
        ndaSignatureId: row?.nda_id ?? null,
      };
    },

    // Inquiries
    insertInquiry: (row: InquiriesTable) => db.insertInto('inquiries').values(row).execute(),
    inquiry: (id: string) => db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirst(),
    inquiryOf: (listingId: string, buyerAccountId: string) =>
      db
        .selectFrom('inquiries')
        .selectAll()
        .where('listing_id', '=', listingId)
        .where('buyer_account_id', '=', buyerAccountId)
        .executeTakeFirst(),
    inquiriesOfBuyer: (buyerAccountId: string) =>
      db.selectFrom('inquiries').selectAll().where('buyer_account_id', '=', buyerAccountId).orderBy('created_at', 'desc').execute(),
    inquiriesOfListings: (listingIds: readonly string[]) =>
      listingIds.length
        ? db
            .selectFrom('inquiries')
            .selectAll()
            .where('listing_id', 'in', [...listingIds])
            .orderBy('created_at', 'desc')
            .execute()
        : Promise.resolve([] as InquiriesTable[]),
    updateInquiry: (id: string, columns: Partial<InquiriesTable>) =>
      db.updateTable('inquiries').set(columns).where('id', '=', id).execute(),
    listingIdsOfSeller: async (sellerAccountId: string) =>
      (await db.selectFrom('listings').select('id').where('seller_account_id', '=', sellerAccountId).execute()).map((r) => r.id),
    listingIdsOfBroker: async (brokerAccountId: string) =>
      (await db.selectFrom('listings').select('id').where('broker_account_id', '=', brokerAccountId).execute()).map((r) => r.id),

    // Grants
    grant: (id: string) => db.selectFrom('disclosure_grants').selectAll().where('id', '=', id).executeTakeFirst(),
    grantsOfPair: (listingId: string, buyerAccountId: string) => grantsOfPairQuery({ listingId, buyerAccountId }),
    grantsOfListings: (listingIds: readonly string[]) =>
      listingIds.length
        ? db
            .selectFrom('disclosure_grants')
            .selectAll()
            .where('listing_id', 'in', [...listingIds])
            .execute()
        : Promise.resolve([] as DisclosureGrantsTable[]),
    grantsOfListingLevel: (listingId: string, level: DisclosureGrantsTable['level']) =>
      db
        .selectFrom('disclosure_grants')
        .selectAll()
        .where('listing_id', '=', listingId)
        .where('level', '=', level)
        .orderBy('requested_at')
        .execute(),
    updateGrant: (id: string, columns: Partial<DisclosureGrantsTable>) =>
      db.updateTable('disclosure_grants').set(columns).where('id', '=', id).execute(),
    /** Approved grants whose period ended before `at` (the expiry job marks them). */
    lapsedGrants: (at: string, limit: number) =>
      db.selectFrom('disclosure_grants').selectAll().where('state', '=', 'approved').where('expires_at', '<=', at).limit(limit).execute(),
    /** A buyer's grants still open (approved or requested): what incident containment revokes (issue 18). */
    openGrantsOfBuyer: (buyerAccountId: string) =>
      db
        .selectFrom('disclosure_grants')
        .selectAll()
        .where('buyer_account_id', '=', buyerAccountId)
        .where('state', 'in', ['approved', 'requested'])
        .execute(),
    insertGrantEvent: (row: DisclosureGrantEventsTable) => db.insertInto('disclosure_grant_events').values(row).execute(),
    /**
     * The buyer asks for a level: a new grant row (or the lapsed / refused one asked again) in state `requested`,
     * and the buyer's `requested` event. Callers add their own audit record in the same transaction.
     */
    async requestGrant(input: {
      grantId: string;
      renew: boolean;
      listingId: string;
      buyerAccountId: string;
      inquiryId: string;
      level: DisclosureGrantsTable['level'];
      at: string;
      eventId: string;
    }) {
      const { grantId, listingId, at } = input;
      const open = {
        state: 'requested' as const,
        requested_at: at,
        decided_at: null,
        decided_by: null,
        decision_reason: null,
        expires_at: null,
        updated_at: at,
      };
      if (input.renew) await db.updateTable('disclosure_grants').set(open).where('id', '=', grantId).execute();
      else
        await db
          .insertInto('disclosure_grants')
          .values({
            id: grantId,
            listing_id: listingId,
            buyer_account_id: input.buyerAccountId,
            inquiry_id: input.inquiryId,
            level: input.level,
            ...open,
          })
          .execute();
      await db
        .insertInto('disclosure_grant_events')
        .values({
          id: input.eventId,
          grant_id: grantId,
          listing_id: listingId,
          at,
          actor_account_id: input.buyerAccountId,
          actor_role: 'buyer',
          action: 'requested',
          reason: null,
        })
        .execute();
    },
    grantEventsOfListing: (listingId: string, limit: number) =>
      db
        .selectFrom('disclosure_grant_events as e')
        .innerJoin('disclosure_grants as g', 'g.id', 'e.grant_id')
        .select(['e.at', 'e.action', 'e.actor_role', 'e.reason', 'g.level', 'g.buyer_account_id'])
        .where('e.listing_id', '=', listingId)
        .orderBy('e.at', 'desc')
        .limit(limit)
        .execute(),

    // Settings and proof of funds
    requiresProofOfFunds: async (listingId: string) =>
      ((
        await db
          .selectFrom('listing_disclosure_settings')
          .select('requires_proof_of_funds')
          .where('listing_id', '=', listingId)
          .executeTakeFirst()
      )?.requires_proof_of_funds ?? 0) === 1,
    saveSettings: (listingId: string, requires: boolean, at: string, by: string) =>
      db
        .insertInto('listing_disclosure_settings')
        .values({ listing_id: listingId, requires_proof_of_funds: requires ? 1 : 0, updated_at: at, updated_by: by })
        .onConflict((oc) =>
          oc.column('listing_id').doUpdateSet({ requires_proof_of_funds: requires ? 1 : 0, updated_at: at, updated_by: by }),
        )
        .execute(),
    proofOf: (listingId: string, buyerAccountId: string) =>
      db
        .selectFrom('proof_of_funds')
        .selectAll()
        .where('listing_id', '=', listingId)
        .where('buyer_account_id', '=', buyerAccountId)
        .executeTakeFirst(),
    proofById: (id: string) => db.selectFrom('proof_of_funds').selectAll().where('id', '=', id).executeTakeFirst(),
    upsertProof: (row: ProofOfFundsTable) =>
      db
        .insertInto('proof_of_funds')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['listing_id', 'buyer_account_id']).doUpdateSet({
            document_ct: row.document_ct,
            media_type: row.media_type,
            status: row.status,
            submitted_at: row.submitted_at,
            reviewed_at: null,
            reviewed_by: null,
            review_reason: null,
          }),
        )
        .execute(),
    updateProof: (id: string, columns: Partial<ProofOfFundsTable>) =>
      db.updateTable('proof_of_funds').set(columns).where('id', '=', id).execute(),

    // NDA
    templates: () => db.selectFrom('nda_templates').selectAll().orderBy('version', 'desc').execute(),
    template: (version: number) => db.selectFrom('nda_templates').selectAll().where('version', '=', version).executeTakeFirst(),
    publishedTemplate: () =>
      db.selectFrom('nda_templates').selectAll().where('status', '=', 'published').orderBy('version', 'desc').limit(1).executeTakeFirst(),
    maxTemplateVersion: async () =>
      Number(
        (
          await db
            .selectFrom('nda_templates')
            .select((eb) => eb.fn.max('version').as('v'))
            .executeTakeFirst()
        )?.v ?? 0,
      ),
    insertTemplate: (row: NdaTemplatesTable) => db.insertInto('nda_templates').values(row).execute(),
    updateTemplate: (version: number, columns: Partial<NdaTemplatesTable>) =>
      db.updateTable('nda_templates').set(columns).where('version', '=', version).execute(),
    retirePublished: (at: string) =>
      db
        .updateTable('nda_templates')
        .set({ status: 'retired' })
        .where('status', '=', 'published')
        .execute()
        .then(() => at),
    insertSignature: (row: NdaSignaturesTable) => db.insertInto('nda_signatures').values(row).execute(),
    signatureOf: (listingId: string, buyerAccountId: string) =>
      db
        .selectFrom('nda_signatures')
        .selectAll()
        .where('listing_id', '=', listingId)
        .where('buyer_account_id', '=', buyerAccountId)
        .orderBy('signed_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    signatureIdOf: async (listingId: string, buyerAccountId: string) =>
      (
        await db
          .selectFrom('nda_signatures')
          .select('id')
          .where('listing_id', '=', listingId)
          .where('buyer_account_id', '=', buyerAccountId)
          .orderBy('signed_at', 'desc')
          .limit(1)
          .executeTakeFirst()
      )?.id ?? null,
    signature: (id: string) => db.selectFrom('nda_signatures').selectAll().where('id', '=', id).executeTakeFirst(),
    signatureByCertificate: (sha256: string) =>
      db.selectFrom('nda_signatures').selectAll().where('certificate_sha256', '=', sha256).executeTakeFirst(),
    setCertificateHash: (id: string, sha256: string) =>
      db
        .updateTable('nda_signatures')
        .set({ certificate_sha256: sha256 })
        .where('id', '=', id)
        .where('certificate_sha256', 'is', null)
        .execute(),
  };
}

export type DisclosureRepo = ReturnType<typeof createDisclosureRepo>;

/** What a pair needs beyond its grants, inquiry and consents: the NDA signature and the proof of funds. */
export type PairExtras = {
  requiresProofOfFunds: boolean;
  proofId: string | null;
  proofStatus: ProofOfFundsTable['status'] | null;
  ndaSignatureId: string | null;
};
