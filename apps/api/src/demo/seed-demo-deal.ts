import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { idNumberCheckChar } from '@sealbridge/cn-identifiers';
import {
  CURRENT_SENSITIVE_CONSENT_STATEMENT,
  SENSITIVE_CONSENT_STATEMENTS,
  VERIFICATION_CHECKLIST,
  ZAdvanceDealRequest,
  ZChecklistMarkRequest,
  ZListingInput,
  ZVerificationDecisionRequest,
  type Role,
  type TListingInput,
  type TUpdateProfileRequest,
} from '@sealbridge/contracts';
import { hashToken } from '../modules/identity/index.ts';
import { demoSellerListings, syntheticCreditCode } from '../modules/listings/index.ts';
import { chinaDay } from '../platform/calendar/index.ts';
import type { DatabaseHandle } from '../platform/db/index.ts';
import type { Database } from '../db/schema.ts';
import type { Services } from '../services.ts';
import { DEMO_PASSWORD } from './seed-demo.ts';

/**
 * The demo deal's own seller and buyer. The first demo pair stays as the journeys need it (the buyer waiting for
 * verification, the listing without a lock), so the deal runs between two more invented customers.
 */
export const DEMO_DEAL_ACCOUNTS: { loginName: string; accountNo: string; kind: 'customer'; roles: Role[] }[] = [
  { loginName: 'seller2', accountNo: 'C-100002', kind: 'customer', roles: ['seller'] },
  { loginName: 'buyer2', accountNo: 'C-200002', kind: 'customer', roles: ['buyer'] },
];

/** A synthetic resident ID number with a valid check character (region 110101 = 北京市东城区). */
const idNumber = (birth: string, sequence: string) => `110101${birth}${sequence}${idNumberCheckChar(`110101${birth}${sequence}`)}`;

/** Invented people: plausible formats (the ID numbers carry a valid check character), no real person. */
const PROFILES: Record<'seller2' | 'buyer2', TUpdateProfileRequest> = {
  seller2: {
    realName: '林晓峰',
    mobile: '13700000003',
    email: 'seller2.demo@example.com',
    idNumber: idNumber('19790303', '003'),
    address: '浙江省杭州市西湖区样例路3号',
  },
  buyer2: {
    realName: '司马文静',
    mobile: '13600000004',
    email: 'buyer2.demo@example.com',
    idNumber: idNumber('19880808', '004'),
    address: '江苏省南京市鼓楼区演示街4号',
  },
};

/** A 1×1 grey PNG standing in for both sides of the ID card (no real document). */
const ID_CARD_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The demo deal's company: invented, its credit code far from the serials the tests use. */
function dealListing(): TListingInput {
  const base = demoSellerListings()[0] as TListingInput;
  return {
    ...base,
    title: '苏州工业园区软件公司转让（小规模纳税人，账务清晰）',
    description: '主营企业管理软件定制开发，每月正常申报，无欠税无诉讼，基本户在招商银行，可配合尽职调查与交接。',
    districtCode: '320505',
    registeredCapitalWan: 100,
    paidInCapitalWan: 100,
    price: { kind: 'fixed', amountWan: 45 },
    highlights: ['账务清晰', '注册资本已实缴'],
    company: {
      name: '苏州启衡软件科技有限公司',
      creditCode: syntheticCreditCode(9001),
      legalRepresentative: '林演示',
      shareholders: ['林演示'],
    },
  };
}

/** A two-page due-diligence summary (ASCII text: the standard PDF fonts carry no Chinese). */
async function dueDiligencePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= 2; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Demo company - financial summary, page ${p} of 2`, { x: 60, y: 780, size: 14, font });
    ['Revenue 2025: 3.2 million CNY', 'Tax filings: monthly, no arrears', 'Litigation: none on record'].forEach((line, i) =>
      page.drawText(line, { x: 60, y: 740 - i * 22, size: 12, font }),
    );
  }
  return Buffer.from(await pdf.save());
}

type Principal = { accountId: string; sessionId: string; kind: 'staff' | 'customer'; roles: string[]; csrfToken: string; stage: 'active' };

/**
 * A deal under way for a newcomer to look at: a second seller with a published listing, a verified buyer (real-name
 * verification approved by the demo broker through the manual review), an inquiry, the NDA, the seller's separate
 * consent, L1 and L2 granted, a data-room document, the broker's deal at due diligence after a signed LOI, and a few
 * messages. Every step goes through the services, so the audit trail, consent ledger, vault sealing and identifier
 * guard apply as they do for people. Runs once: a store that already has the demo deal's seller is left alone.
 * Returns whether it seeded.
 */
export async function seedDemoDeal(database: DatabaseHandle<Database>, services: Services): Promise<boolean> {
  const { identity, profiles, disclosure, deals, dataroom, messaging, listings } = services;
  const existing = await database.db.selectFrom('accounts').select('id').where('login_name', '=', 'seller2').executeTakeFirst();
  if (existing) return false;
  const account = async (name: string) =>
    database.db.selectFrom('accounts').selectAll().where('login_name', '=', name).executeTakeFirstOrThrow();
  const [brokerRow, adminRow] = await Promise.all([account('broker'), account('admin')]);
  const as = (accountId: string, kind: 'staff' | 'customer', roles: string[], sessionId = 'seed'): Principal => ({
    accountId,
    sessionId,
    kind,
    roles,
    csrfToken: '',
    stage: 'active',
  });
  const ids: Record<string, string> = {};
  for (const a of DEMO_DEAL_ACCOUNTS) {
    const created = await identity.createAccount({ ...a, password: DEMO_PASSWORD });
    ids[a.loginName] = created.id;
    await profiles.updateOwn({ ...as(created.id, 'customer', a.roles) }, PROFILES[a.loginName as 'seller2' | 'buyer2']);
    await profiles.assignClient(created.id, brokerRow.id, adminRow.id);
  }
  const seller = as(ids['seller2'] ?? '', 'customer', ['seller']);
  const buyer = as(ids['buyer2'] ?? '', 'customer', ['buyer']);
  // The broker signs in (a fresh sign-in is the step-up a staff reveal needs), as the other seed steps do.
  const brokerSession = await identity.startSession(brokerRow, {}, 'active');
  const broker = as(brokerRow.id, 'staff', ['broker'], hashToken(brokerSession.token));
  const consent = services.consent;
  const notice = await consent.currentNotice();
  // Both new customers agree to what the platform asks (the first demo buyer shows the prompt instead).
  for (const who of [seller, buyer])
    for (const p of (await consent.center()).purposes.filter((x) => x.kind === 'general' || x.kind === 'sensitive'))
      await consent.decide(
        who,
        {
          purpose: p.purpose,
          kind: p.kind,
          decision: 'given',
          noticeVersion: notice.version,
          uiTextHash: sha256(`${p.label['zh-CN']}\n${p.description['zh-CN']}`),
        },
        'seed',
      );

  // The seller's listing, reviewed and published by the broker.
  const draft = await listings.saveDraft(seller, undefined, ZListingInput.parse(dealListing()));
  await listings.submit(seller, draft.id);
  await services.companyReveal.reveal(broker, draft.id);
  await listings.review(broker, draft.id, {
    decision: 'approve',
    comment: '工商信息与纳税记录已核验，可以发布。',
    checklist: {
      identity_checked: true,
      registry_checked: true,
      teaser_anonymous: true,
      red_flags_disclosed: true,
      price_reasonable: true,
    },
  });
  await listings.settled();

  // The buyer asks, is verified by the broker (manual review, 实名审核), signs the NDA.
  const inquiry = await disclosure.inquiries.create(buyer, draft.code, {
    buyerType: 'company',
    budgetBand: '50to100',
    timeline: '1to3m',
    note: '想了解软件著作权和近两年纳税情况',
  });
  const statement = SENSITIVE_CONSENT_STATEMENTS[CURRENT_SENSITIVE_CONSENT_STATEMENT]['zh-CN'];
  await services.verification.submit(buyer, {
    fullName: PROFILES.buyer2.realName ?? '',
    idNumber: PROFILES.buyer2.idNumber ?? '',
    idFrontImage: ID_CARD_PNG,
    idBackImage: ID_CARD_PNG,
    consent: { given: true, statement: CURRENT_SENSITIVE_CONSENT_STATEMENT, textHash: sha256(statement) },
  });
  const queued = (await services.verification.queue(broker, 'pending')).items.find((i) => i.accountId === buyer.accountId);
  if (!queued) throw new Error('demo deal: the buyer is not in the review queue');
  await services.verification.decide(
    broker,
    queued.id,
    ZVerificationDecisionRequest.parse({
      outcome: 'verified',
      checklist: Object.fromEntries(VERIFICATION_CHECKLIST.map((k) => [k, true])),
    }),
  );
  const nda = await disclosure.nda.preview(buyer, inquiry.id);
  await disclosure.nda.sign(buyer, inquiry.id, { version: nda.version, textSha256: nda.textSha256 }, 'Chromium / Linux');

  // The seller's separate consent naming this buyer, then the broker opens L1; the buyer asks for the data room (L2).
  const grantOf = async (level: 'L1' | 'L2') => {
    const panel = await disclosure.views.controlPanel(broker, draft.id);
    const id = panel.buyers[0]?.levels.find((l) => l.level === level)?.grantId;
    if (!id) throw new Error(`demo deal: no ${level} grant`);
    return id;
  };
  const consentText = `consent L1 ${inquiry.id}`;
  await disclosure.grants.consent(seller, inquiry.id, {
    level: 'L1',
    decision: 'given',
    noticeVersion: notice.version,
    uiTextHash: sha256(consentText),
  });
  const l1 = await grantOf('L1');
  await disclosure.grants.decide(broker, l1, { decision: 'approve', reason: '', days: 30 });
  await disclosure.grants.request(buyer, inquiry.id, 'L2');
  const l2 = await grantOf('L2');
  await disclosure.grants.decide(broker, l2, { decision: 'approve', reason: '', days: 30 });

  // The broker (the room is the adviser's to fill) puts the financial summary in it; this buyer may view it, watermarked.
  const doc = await dataroom.upload(broker, draft.id, {
    title: '财务摘要（演示）',
    folderId: null,
    fileName: 'financial-summary.pdf',
    file: Readable.from(await dueDiligencePdf()),
  });
  await dataroom.permissions.set(broker, draft.id, { grantId: l2, target: { type: 'document', id: doc.id }, level: 'view' });

  // The broker opens the deal from the L1 grant (agreed by phone), walks it past the signed LOI into due diligence.
  let deal = await deals.start(broker, { listingId: draft.id, grantId: l1 });
  const tick = async (key: string, who: Principal = broker) =>
    (deal = await deals.mark(who, deal.id, key, ZChecklistMarkRequest.parse({ done: true })));
  await tick('inquiry.needs_confirmed');
  await tick('inquiry.scope_confirmed', seller);
  await tick('inquiry.risks_disclosed', seller);
  const today = chinaDay(new Date());
  deal = await deals.advance(
    broker,
    deal.id,
    ZAdvanceDealRequest.parse({
      from: 'inquiry',
      intent: { kind: 'loi', signedOn: today, exclusiveUntil: chinaDay(new Date(Date.now() + 90 * 86_400_000)) },
    }),
  );
  await tick('intent.loi_signed');
  await tick('intent.dd_list_sent');
  deal = await deals.advance(broker, deal.id, ZAdvanceDealRequest.parse({ from: 'intent' }));
  await tick('dd.registry_checked');
  await tick('dd.tax_records_provided', seller);

  // A few messages: the buyer and the seller in the parties' lane, the broker on each private line.
  const thread = await messaging.openThread(buyer, draft.id);
  const say = (who: Principal, lane: 'parties' | 'buyer_broker' | 'seller_broker', text: string) =>
    messaging.send(who, thread.id, { lane, text, attachments: [] });
  await say(buyer, 'parties', '您好，财务摘要已看过，想确认一下软件著作权是否都在公司名下？');
  await say(seller, 'parties', '都在公司名下，尽调时可以一并核对登记证书。');
  await say(broker, 'buyer_broker', '意向书已签，尽调清单已发给您，请在十个工作日内完成审阅。');
  await say(broker, 'seller_broker', '请在本周内上传近两年的纳税申报表和征信报告。');
  await identity.logout(broker);
  return true;
}
