import type { Kysely } from 'kysely';

/**
 * Customer education (issue 19 item 6): guides and in-flow tips as content, one row per revision (the latest is
 * shown; older ones stay as the record of what customers were told). Revision 1 of each item is written here, from the
 * fears and scams of the trade (shared DOMAIN.md); the privacy officer edits them in the console.
 */
const ITEMS: [code: string, kind: 'guide' | 'tip', audience: 'buyer' | 'seller' | 'all', zh: string, en: string][] = [
  [
    'guide.buyer-anonymous',
    'guide',
    'buyer',
    '挂牌信息已匿名化。卖方公司的名称与联系方式，只有在您签署保密协议、卖方单独同意向您提供之后，才会由平台在线上展示。',
    "Listings are anonymized. The seller's company name and contact details are shown on the platform only after you sign the NDA and the seller separately agrees to give them to you.",
  ],
  [
    'guide.buyer-pay-escrow',
    'guide',
    'buyer',
    '定金与转让款只付入合同写明的资金共管账户或交易中心的对公账户。任何人（包括自称卖方法定代表人或顾问的人）要求改付到个人账户，都请先停下并联系您的顾问核实。',
    "Pay the deposit and the price only into the escrow (资金共管) account named in the contract or the center's corporate account. If anyone, even someone calling themselves the seller's legal representative or a broker, asks you to pay a personal account instead, stop and check with your broker first.",
  ],
  [
    'guide.buyer-due-diligence',
    'guide',
    'buyer',
    '尽职调查时请逐项核对：经营异常名录、欠税、行政处罚、诉讼与被执行、股权质押或冻结、对外担保；并确认卖方是登记的真实股东而非代持人，防止"一股二卖"。',
    'In due diligence check every item: the abnormal-operations list, tax arrears, penalties, lawsuits and enforcement, pledged or frozen equity and guarantees given to others; and make sure the seller is the registered shareholder rather than a nominee, so the same equity is not sold twice.',
  ],
  [
    'guide.buyer-seals',
    'guide',
    'buyer',
    '公章、财务章、营业执照正副本、银行U盾、税务UKey在交割环节当面移交，并在交接清单中由双方逐项确认。交割后请尽快注销旧章、向公安机关备案新章。',
    'Seals, the original and copy of the business licence, bank U-keys and the tax UKey are handed over in person at handover and confirmed item by item by both sides in the handover list. After closing, cancel the old seals and file the new ones with the police promptly.',
  ],
  [
    'guide.buyer-staff-never-ask',
    'guide',
    'buyer',
    '平台工作人员不会向您索要登录密码、短信验证码，也不会要求您把身份证件照片发到聊天中。',
    'Platform staff never ask for your password or text-message codes, and never ask you to send photos of your ID documents in chat.',
  ],
  [
    'guide.seller-no-seal-photos',
    'guide',
    'seller',
    '交割前没有人需要公章、财务章或营业执照正本的照片：这些照片可被用来伪造合同、冒名开户或办理变更。聊天中收到此类要求时，消息旁会出现提示，请告诉您的顾问。',
    'Nobody needs photos of the company seal, finance seal or original business licence before handover: such photos can be used to forge contracts, open accounts or file changes in your name. When a chat message asks for one, a tip appears beside it; tell your broker.',
  ],
  [
    'guide.seller-bank-tax',
    'guide',
    'seller',
    '在确认对方身份并签署协议之前，不要向任何人提供公司银行账户、网银或电子税务局的登录信息。',
    "Do not give anyone the company's bank account, online-banking or e-tax log-ins before their identity is confirmed and an agreement is signed.",
  ],
  [
    'guide.seller-paid-first',
    'guide',
    'seller',
    '按协议约定的付款节点移交控制权：款项到账再交章、交U盾；尾款付清前可约定将股权质押给您。工商变更完成后请确认法定代表人已变更，不再由您承担责任。',
    'Hand over control along the payment milestones in the agreement: seals and U-keys go once the money has arrived, and the equity can be pledged back to you until the last payment. After the registry change, make sure the legal representative has changed so you no longer answer for the company.',
  ],
  [
    'guide.seller-id-access',
    'guide',
    'seller',
    '您的身份证号码只在您单独同意后用于实名核验；工作人员每次查看都会记录，您可在"谁访问了我的数据"中查看。怀疑账号被冒用时，请立即修改密码并通过隐私中心的反馈表联系我们。',
    'Your ID number is used to verify who you are only after your separate consent; every time staff look at it is recorded, and you can see it under "Who accessed my data". If you suspect someone is using your account, change your password at once and contact us through the feedback form in the privacy center.',
  ],
  [
    'tip.deposit',
    'tip',
    'all',
    '付定金前请核对：收款方是合同写明的资金共管账户或交易中心的对公账户，而不是任何个人账户。有人要求改付私人账户或"先转一笔小额"时，请先联系您的顾问核实。',
    'Before paying a deposit, check that the payee is the escrow account named in the contract or the center\'s corporate account, never a personal account. If anyone asks you to pay a private account or to "send a small amount first", check with your broker before paying.',
  ],
  [
    'tip.seal-photo',
    'tip',
    'all',
    '这条消息在索要公章或证照的照片。交割前无需提供：照片可被用来伪造合同、冒名开户。工商登记信息可在国家企业信用信息公示系统自行查询；公章和证照在交割时按交接清单当面移交。',
    'This message asks for a photo of a seal or licence. None is needed before handover: such photos can be used to forge contracts or open accounts. Registration details can be checked in the national enterprise credit system (gsxt); seals and licences are handed over in person at handover, along the handover list.',
  ],
  [
    'tip.dataroom-watermark',
    'tip',
    'all',
    '资料室的每一页都是为您单独生成的，带有您的身份水印（可见的与不可见的），无法下载原件。截屏或外传的页面可以追溯到查看人，请仅为本次交易使用这些资料。',
    'Every page in the data room is rendered for you alone and carries your identity as a watermark, visible and invisible; originals cannot be downloaded. A screenshot or a page passed on can be traced to its viewer, so use these documents only for this deal.',
  ],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('education_items')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('education_items_pk', ['code', 'revision'])
    .execute();
  const at = '2026-12-06T00:00:00.000Z';
  await db
    .insertInto('education_items')
    .values(
      ITEMS.map(([code, kind, audience, zh, en], i) => ({
        code,
        revision: 1,
        kind,
        audience,
        position: i + 1,
        text_zh: zh,
        text_en: en,
        updated_by: null,
        updated_at: at,
      })),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('education_items').execute();
}
