// Every stored free-text field goes through the identifier guard, evasion-aware, before anything is written.
// The first test enumerates the free-text string fields of every request body (walking the zod schemas the
// routes declare) and fails on one nobody classified: a new field must be guarded here or exempted with a
// reason. The others prove each guarded field's refusal through its HTTP route.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TListingInput } from '@sealbridge/contracts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.ts';
import { demoSellerListings, syntheticCreditCode } from '../../src/modules/listings/index.ts';
import { DIALECTS } from '../helpers/test-store.ts';
import { authHeaders, createTestApp, signIn, type Session, type TestApp } from '../helpers/test-app.ts';

const GUARDED = 'guarded';
const SEALED = 'personal data sealed by the vault, never stored as plain text';
const NOT_STORED = 'a query, credential or proof: checked, not stored';
const KNOWN = 'must equal a known id or version (checked); only that value is stored';
const LISTING = ['body.title', 'body.description', 'body.industry', 'body.bankAccount', 'body.highlights[]', 'body.documentNames[]'];
const COMPANY = ['body.company.name', 'body.company.creditCode', 'body.company.legalRepresentative', 'body.company.shareholders[]'];
const each = (route: string, paths: readonly string[], why: string): Array<[string, string]> => paths.map((p) => [`${route} ${p}`, why]);

/** Every free-text string in a request body, and why it is safe to store. */
const FREE_TEXT_FIELDS = new Map<string, string>([
  ...each('POST /api/auth/login', ['body.loginName', 'body.password'], NOT_STORED),
  ...each('POST /api/auth/register/start', ['body.address'], SEALED),
  ...each('POST /api/auth/register/complete', ['body.address'], SEALED),
  ...each('POST /api/auth/register/complete', ['body.password'], NOT_STORED),
  ...each('POST /api/auth/password-reset/start', ['body.address'], NOT_STORED),
  ...each('POST /api/auth/password-reset/complete', ['body.address', 'body.password'], NOT_STORED),
  ...each('POST /api/seller/listings', LISTING, GUARDED),
  ...each('PUT /api/seller/listings/:id', LISTING, GUARDED),
  ...each('POST /api/seller/listings', COMPANY, SEALED),
  ...each('PUT /api/seller/listings/:id', COMPANY, SEALED),
  ...each('POST /api/seller/listings/:id/withdraw', ['body.comment'], GUARDED),
  ...each('POST /api/broker/listings/:id/review', ['body.comment'], GUARDED),
  ...each('POST /api/me/saved-searches', ['body.name', 'body.query{}'], GUARDED), // q and industry; the rest are enums and codes
  ...each('POST /api/me/saved-searches', ['body.query{key}'], 'keys outside the search schema are dropped before storing'),
  ...each('PUT /api/me/profile', ['body.realName', 'body.mobile', 'body.email', 'body.wechat', 'body.idNumber', 'body.address'], SEALED),
  ...each('POST /api/staff/customers/lookup', ['body.mobile', 'body.email', 'body.idNumber'], NOT_STORED),
  ...each('POST /api/staff/assignments', ['body.customerAccountId', 'body.brokerAccountId'], KNOWN),
  ...each('POST /api/me/factors/totp/confirm', ['body.factorId', 'body.code'], NOT_STORED),
  ...each('POST /api/auth/step-up', ['body.code', 'body.password'], NOT_STORED),
  ...each(
    'POST /api/audit/search',
    ['body.actor', 'body.subjectId', 'body.subjectMobile', 'body.subjectEmail', 'body.subjectIdNumber', 'body.action', 'body.purpose'],
    NOT_STORED,
  ),
  ...each(
    'POST /api/privacy/receipts/verify',
    [
      'body.receipt.receiptId',
      'body.receipt.issuer',
      'body.receipt.keyId',
      'body.receipt.subject',
      'body.receipt.recipient',
      'body.receipt.at',
      'body.receipt.uiTextHash',
      'body.signature',
    ],
    NOT_STORED,
  ),
  ...each('POST /api/privacy/feedback', ['body.message', 'body.contactEmail'], SEALED),
  // Ticket answers (issue 14 item 5): the officer's texts are guarded like rights answers
  // (test/consent/privacy-ticket-answers.test.ts proves the refusal of an answer carrying a mobile number).
  ...each('POST /api/staff/privacy/tickets/:id/answer', ['body.text'], GUARDED),
  ...each('POST /api/staff/privacy/tickets/:id/extend', ['body.reason'], GUARDED),
  ...each('POST /api/staff/privacy/tickets/:id/refuse', ['body.text'], GUARDED),
  // Typed rights requests: the requester's details are sealed (rights_requests.detail); the officer's texts are
  // guarded (test/rights/rights-http.test.ts proves the refusal of an answer carrying a mobile number).
  ...each('POST /api/me/rights-requests', ['body.note', 'body.value', 'body.question'], SEALED),
  ...each('POST /api/me/rights-requests', ['body.field'], KNOWN),
  ...each('POST /api/staff/rights-requests/:id/advance', ['body.note'], GUARDED),
  ...each('POST /api/staff/rights-requests/:id/answer', ['body.text'], GUARDED),
  ...each('POST /api/staff/rights-requests/:id/extend', ['body.reason'], GUARDED),
  ...each('POST /api/staff/rights-requests/:id/refuse', ['body.text'], GUARDED),
  // Retention (issue 14 item 6): hold and lift reasons are guarded (test/retention/retention-http.test.ts).
  ...each('POST /api/staff/retention/holds', ['body.reason'], GUARDED),
  ...each('POST /api/staff/retention/holds', ['body.accountNo'], KNOWN),
  ...each('POST /api/staff/retention/holds', ['body.dealNo', 'body.listingCode'], KNOWN),
  ...each('POST /api/staff/retention/holds/:id/lift', ['body.reason'], GUARDED),
  ...each('POST /api/staff/privacy/notices', ['body.prose.zh-CN', 'body.prose.en'], GUARDED),
  ...each('POST /api/me/verification', ['body.fullName', 'body.idNumber'], SEALED),
  ...each('POST /api/me/verification', ['body.consent.statement'], KNOWN),
  ...each('POST /api/staff/verifications/:id/decision', ['body.note'], GUARDED),
  ...each('POST /api/staff/members', ['body.workEmail'], SEALED),
  ...each('POST /api/staff/reassignments', ['body.customerAccountId', 'body.fromAccountId', 'body.toAccountId'], KNOWN),
  ...each('POST /api/staff/me/agreement', ['body.version'], KNOWN),
  ...each('POST /api/staff/me/training', ['body.course', 'body.version', 'body.answers{key}'], KNOWN),
  ...each('POST /api/staff/break-glass', ['body.customerAccountId', 'body.customerAccountNo'], KNOWN),
  ...each('POST /api/staff/break-glass', ['body.justification'], GUARDED),
  // The privacy program (issue 19; test/staff/privacy-program.test.ts proves the refusals).
  ...each(
    'PUT /api/staff/program/modules/:code',
    ['body.title', 'body.body', 'body.questions[].prompt', 'body.questions[].options[]'],
    GUARDED,
  ),
  ...each('POST /api/staff/program/conduct', ['body.title', 'body.body'], GUARDED),
  ...each('POST /api/staff/program/violations', ['body.description', 'body.decisionNote'], GUARDED),
  ...each('POST /api/staff/program/violations', ['body.staffAccountId'], KNOWN),
  // Disputes (issue 19; test/disputes/disputes-http.test.ts proves the refusals).
  ...each('POST /api/me/disputes', ['body.summary'], GUARDED),
  ...each(
    'POST /api/disputes/:id/evidence',
    ['body.refId'],
    'a document or message id the caller can see (checked); only the reference is stored',
  ),
  ...each('POST /api/disputes/:id/sessions', ['body.notes'], GUARDED),
  ...each('POST /api/disputes/:id/close', ['body.outcome'], GUARDED),
  // Customer education (issue 19 item 6; test/education/education-http.test.ts proves the refusal).
  ...each('PUT /api/staff/education/:code', ['body.zh-CN', 'body.en'], GUARDED),
  // The disclosure path and the advisers (test/disclosure/disclosure-free-text.test.ts proves their refusals).
  ...each('POST /api/me/notifications/read', ['body.ids[]'], KNOWN),
  ...each('PUT /api/staff/advisers/assignments/:customerAccountId', ['body.brokerAccountId'], KNOWN),
  ...each('POST /api/staff/advisers/rules', ['body.industry'], GUARDED),
  ...each('POST /api/staff/advisers/rules', ['body.brokerAccountId'], KNOWN),
  ...each('POST /api/listings/:code/inquiries', ['body.note'], GUARDED),
  ...each('POST /api/me/inquiries/:id/proof-of-funds', ['body.contentBase64'], SEALED),
  ...each('POST /api/seller/inquiries/:id/decision', ['body.reason'], GUARDED),
  ...each('POST /api/seller/grants/:id/revoke', ['body.reason'], GUARDED),
  ...each('POST /api/broker/inquiries/:id/decision', ['body.reason'], GUARDED),
  ...each('POST /api/broker/grants/:id/decision', ['body.reason'], GUARDED),
  ...each('POST /api/broker/grants/:id/revoke', ['body.reason'], GUARDED),
  ...each('POST /api/broker/proofs/:id/review', ['body.reason'], GUARDED),
  ...each('POST /api/nda/certificates/verify', ['body.pdfBase64'], NOT_STORED),
  ...each('POST /api/staff/nda/templates', ['body.titleZh', 'body.bodyZh', 'body.titleEn', 'body.bodyEn'], GUARDED),
  ...each('PUT /api/staff/nda/templates/:version', ['body.titleZh', 'body.bodyZh', 'body.titleEn', 'body.bodyEn'], GUARDED),
  // Messages (issue 13): the text is sealed by the vault (original and masked rendering); the rest are ids.
  ...each('POST /api/me/threads/:id/messages', ['body.text'], SEALED),
  ...each(
    'POST /api/me/threads/:id/messages',
    ['body.attachments[]'],
    'a data-room document id in UUID form (checked); only the reference is stored',
  ),
  ...each('POST /api/me/threads', ['body.listingId'], KNOWN),
  ...each('POST /api/me/threads/:id/read', ['body.messageId'], KNOWN),
  // Deals (issue 13; test/deals/deal-pipeline-http.test.ts proves the refusals).
  ...each('POST /api/deals', ['body.listingId', 'body.grantId'], KNOWN),
  ...each('POST /api/deals/:id/advance', ['body.note'], GUARDED),
  ...each('POST /api/deals/:id/cancel', ['body.note'], GUARDED),
  ...each('PUT /api/deals/:id/checklist/:item', ['body.remark'], GUARDED),
  ...each('POST /api/deals/:id/money', ['body.note'], GUARDED),
  ...each('POST /api/deals/:id/custody/:kind/photo', ['body.image'], SEALED),
  ...each('POST /api/deals/:id/legal-rep', ['body.evidenceImage'], SEALED),
  // The data room (issue 12; test/dataroom/dataroom-features.test.ts proves the refusals). Titles come in multipart
  // fields (guarded in the service); the erasure reason is checked by the vault before it is kept.
  // Third parties (issue 17; test/vendors/vendors-http.test.ts proves the refusals). Keys, codes and dates are checked.
  ...each('POST /api/staff/vendors', ['body.name.zh-CN', 'body.name.en'], GUARDED),
  ...each('POST /api/staff/vendors/:id/contracts', ['body.reference'], GUARDED),
  ...each('POST /api/staff/vendors/:id/deletion-attestation', ['body.statement'], GUARDED),
  ...each('POST /api/staff/cross-border/mechanisms', ['body.reference'], GUARDED),
  ...each(
    'POST /api/staff/impact-assessments',
    ['body.title', 'body.answers.necessity', 'body.answers.impact', 'body.answers.measures', 'body.conclusion'],
    GUARDED,
  ),
  ...each('POST /api/staff/impact-assessments', ['body.vendorId'], KNOWN),
  // Security monitoring (issue 18; test/security/security-monitoring.test.ts proves a refusal). Officers' text.
  ...each('POST /api/security/alerts/:id/decision', ['body.reason'], GUARDED),
  ...each('POST /api/security/incidents', ['body.title', 'body.summary'], GUARDED),
  ...each('POST /api/security/incidents', ['body.suspectAccountId', 'body.alertIds[]'], KNOWN),
  ...each('POST /api/security/incidents/:id/triage', ['body.cause', 'body.measures'], GUARDED),
  ...each('POST /api/security/incidents/:id/containment', ['body.reason'], GUARDED),
  ...each('POST /api/security/incidents/:id/close', ['body.review'], GUARDED),
  ...each('POST /api/dataroom/:listingId/folders', ['body.name'], GUARDED),
  ...each('POST /api/dataroom/:listingId/questions', ['body.text'], GUARDED),
  ...each('POST /api/dataroom/:listingId/questions/:questionId/answer', ['body.text'], GUARDED),
  ...each('POST /api/dataroom/:listingId/shred', ['body.reason'], GUARDED),
  ...each('POST /api/dataroom/:listingId/folders', ['body.parentId'], KNOWN),
  ...each('POST /api/dataroom/:listingId/questions', ['body.documentId'], KNOWN),
  ...each('POST /api/dataroom/:listingId/documents/:documentId/release', ['body.versionId'], KNOWN),
  ...each('POST /api/dataroom/:listingId/documents/:documentId/redaction', ['body.versionId'], KNOWN),
  ...each('PUT /api/dataroom/:listingId/permissions', ['body.grantId', 'body.target.id'], KNOWN),
  ...each(
    'POST /api/dataroom/:listingId/beacons',
    ['body.beacons[].documentId'],
    'must name a page rendered for the caller in the last hour (checked); only that id is stored',
  ),
  // The register of authority requests (issue 19 item 4; test/transparency/transparency-report.test.ts proves a refusal).
  ...each('POST /api/staff/transparency/authority-requests', ['body.authority', 'body.note'], GUARDED),
  // Issue 15: a witness hands in a copy of our own checkpoint note with its cosignature line; only a cosignature
  // that verifies against a configured witness key, over a note we signed byte for byte, is stored.
  ...each(
    'POST /api/audit/cosignatures',
    ['body.note'],
    'a signed checkpoint note (checked against our own); only a verified cosignature is stored',
  ),
]);

type Def = { type: string; checks?: Array<{ _zod: { def: { check: string } } }>; [k: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Paths of the strings in a zod schema that are free text: no format, no regex, no enum (unknown values count too). */
function freeTextPaths(schema: unknown, path: string): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return def.checks?.some((c) => c._zod.def.check === 'string_format') ? [] : [path];
    case 'unknown':
    case 'any':
      return [path];
    case 'object':
      return Object.entries(def['shape'] as Record<string, unknown>).flatMap(([key, value]) => freeTextPaths(value, `${path}.${key}`));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return freeTextPaths(def['innerType'], path);
    case 'array':
      return freeTextPaths(def['element'], `${path}[]`);
    case 'pipe':
      return freeTextPaths(def['out'], path);
    case 'union':
      return [...new Set((def['options'] as unknown[]).flatMap((option) => freeTextPaths(option, path)))];
    case 'intersection':
      return [...freeTextPaths(def['left'], path), ...freeTextPaths(def['right'], path)];
    case 'record':
      return [...freeTextPaths(def['keyType'], `${path}{key}`), ...freeTextPaths(def['valueType'], `${path}{}`)];
    default:
      return [];
  }
}

function listingInput(overrides: Partial<TListingInput> = {}, serial = 600): TListingInput {
  const base = demoSellerListings()[0] as TListingInput;
  return {
    ...base,
    company: { ...base.company, name: `上海澜舟${serial}信息科技有限公司`, creditCode: syntheticCreditCode(serial) },
    ...overrides,
  };
}

type Refusal = { field: string; kind: string; start: number; end: number };

for (const dialect of DIALECTS) {
  describe(`the free-text guard on ${dialect}`, () => {
    let t: TestApp;
    let seller: Session;
    let broker: Session;
    let buyer: Session;
    let privacy: Session;
    let security: Session;
    const call = (s: Session, method: 'POST' | 'PUT', url: string, payload: unknown) =>
      t.app.inject({ method, url, headers: authHeaders(s), payload: payload as Record<string, unknown> });

    /** A 422 FREE_TEXT_IDENTIFIERS naming `field` and `kind`, at offsets that cover the identifier, and never echoing it. */
    function assertRefused(
      res: { statusCode: number; body: string; json: () => { code: string; details: { findings: Refusal[] } } },
      field: string,
      kind: string,
      text: string,
      written: string,
    ): void {
      assert.equal(res.statusCode, 422, res.body);
      const body = res.json();
      assert.equal(body.code, 'FREE_TEXT_IDENTIFIERS');
      const finding = body.details.findings.find((f) => f.field === field && f.kind === kind);
      assert.ok(finding, `${field}:${kind} in ${JSON.stringify(body.details.findings)}`);
      assert.equal(text.slice(finding.start, finding.end), written);
      assert.ok(!res.body.includes(written), 'the identifier is not echoed');
    }

    before(async () => {
      t = await createTestApp(dialect);
      await t.app.ready();
      await seedDemo(t.database, t.app.services);
      seller = await signIn(t.app, 'seller', DEMO_PASSWORD);
      broker = await signIn(t.app, 'broker', DEMO_PASSWORD);
      buyer = await signIn(t.app, 'buyer', DEMO_PASSWORD);
      privacy = await signIn(t.app, 'privacy', DEMO_PASSWORD);
      security = await signIn(t.app, 'security', DEMO_PASSWORD);
    });
    after(async () => t.close());

    if (dialect === DIALECTS[0]) {
      test('every free-text string field of every request body is either guarded or exempt for a stated reason', () => {
        const found = t.app.routeTable
          .filter((r) => r.body !== undefined)
          .flatMap((r) => freeTextPaths(r.body, 'body').map((p) => `${r.method} ${r.url} ${p}`));
        assert.ok(found.length >= 60, `the walk sees the schemas (${found.length})`);
        assert.deepEqual(
          found.filter((f) => !FREE_TEXT_FIELDS.has(f)),
          [],
          'unclassified free-text fields',
        );
        assert.deepEqual(
          [...FREE_TEXT_FIELDS.keys()].filter((f) => !found.includes(f)),
          [],
          'classified fields that no longer exist',
        );
      });
    }

    test('each free-text field of a listing refuses an identifier however it is written, and nothing is stored', async () => {
      const before = (await t.app.inject({ url: '/api/seller/listings', headers: authHeaders(seller, false) })).json().items.length;
      const cases: Array<[keyof TListingInput, string, string, string, string]> = [
        ['title', '急转 一三八一二三四五六七八 老公司', 'title', 'mobile', '一三八一二三四五六七八'],
        ['industry', 'wang艾特qq点com', 'industry', 'email', 'wang艾特qq点com'],
        ['description', '有意者 138 我的 1234 号码 5678 详谈', 'description', 'mobile', '138 我的 1234 号码 5678'],
        ['bankAccount', '工行 壹叁捌壹贰叁肆伍陆柒捌', 'bankAccount', 'mobile', '壹叁捌壹贰叁肆伍陆柒捌'],
      ];
      for (const [key, text, field, kind, written] of cases) {
        for (const [method, url] of [['POST', '/api/seller/listings']] as const) {
          assertRefused(await call(seller, method, url, listingInput({ [key]: text })), field, kind, text, written);
        }
      }
      const highlight = '薇❤ wang_lei88';
      assertRefused(
        await call(seller, 'POST', '/api/seller/listings', listingInput({ highlights: ['老牌', highlight] })),
        'highlights.1',
        'wechat',
        highlight,
        'wang_lei88',
      );
      const doc = '合同 l38O0l38OOO.pdf';
      assertRefused(
        await call(seller, 'POST', '/api/seller/listings', listingInput({ documentNames: [doc] })),
        'documentNames.0',
        'mobile',
        doc,
        'l38O0l38OOO',
      );
      assert.equal((await t.app.inject({ url: '/api/seller/listings', headers: authHeaders(seller, false) })).json().items.length, before);
      // The same guard on an update, and the same fields.
      const draft = await call(seller, 'POST', '/api/seller/listings', listingInput({}, 601));
      assert.equal(draft.statusCode, 200, draft.body);
      const industry = '138.1234.5678';
      assertRefused(
        await call(seller, 'PUT', `/api/seller/listings/${draft.json().id}`, listingInput({ industry }, 601)),
        'industry',
        'mobile',
        industry,
        industry,
      );
    });

    test('amounts, years and capital figures in a listing are not refused', async () => {
      const description =
        '成立于二〇一五年，注册资本壹仟万元，实缴伍佰万；2021年营收138万，2022年营收1234万，2023年营收5678万；价格138.5万，可谈。';
      const res = await call(
        seller,
        'POST',
        '/api/seller/listings',
        listingInput({ description, industry: '信息技术', highlights: ['成立8年', '一般纳税人'] }, 602),
      );
      assert.equal(res.statusCode, 200, res.body);
    });

    test('withdrawal and review comments refuse identifiers and the listing does not move', async () => {
      const d = (await call(seller, 'POST', '/api/seller/listings', listingInput({}, 603))).json() as { id: string };
      const withdrawal = '有事打 1\u200b3\u200b8\u200b1234\u200b5678';
      assertRefused(
        await call(seller, 'POST', `/api/seller/listings/${d.id}/withdraw`, { comment: withdrawal }),
        'comment',
        'mobile',
        withdrawal,
        '1\u200b3\u200b8\u200b1234\u200b5678',
      );
      assert.equal((await call(seller, 'POST', `/api/seller/listings/${d.id}/submit`, {})).json().status, 'submitted');
      const review = '请卖家直接联系 🐧 2845123456';
      const checklist = {
        identity_checked: true,
        registry_checked: true,
        teaser_anonymous: true,
        red_flags_disclosed: true,
        price_reasonable: true,
      };
      assertRefused(
        await call(broker, 'POST', `/api/broker/listings/${d.id}/review`, { decision: 'request_changes', comment: review, checklist }),
        'comment',
        'qq',
        review,
        '2845123456',
      );
      assert.equal((await call(broker, 'POST', `/api/broker/listings/${d.id}/company/reveal`, {})).statusCode, 200);
      const approved = await call(broker, 'POST', `/api/broker/listings/${d.id}/review`, { decision: 'approve', comment: '', checklist });
      assert.equal(approved.json().status, 'published', approved.body);
      const own = (await t.app.inject({ url: `/api/seller/listings/${d.id}`, headers: authHeaders(seller, false) })).json();
      assert.equal(own.status, 'published');
    });

    test('a saved search refuses identifiers in its name, its keywords and its industry, and stores nothing', async () => {
      const count = async () =>
        (await t.app.inject({ url: '/api/me/saved-searches', headers: authHeaders(buyer, false) })).json().items.length;
      const before = await count();
      const name = '一三八一二三四五六七八';
      assertRefused(await call(buyer, 'POST', '/api/me/saved-searches', { name, query: {} }), 'name', 'mobile', name, name);
      const q = 'wang(at)163(dot)com';
      assertRefused(await call(buyer, 'POST', '/api/me/saved-searches', { name: '上海科技', query: { q } }), 'query', 'email', q, q);
      const industry = '138.1234.5678';
      assertRefused(
        await call(buyer, 'POST', '/api/me/saved-searches', { name: '上海科技', query: { industry } }),
        'industry',
        'mobile',
        industry,
        industry,
      );
      assert.equal(await count(), before);
    });

    test("a privacy notice refuses identifiers in either language, but may name the officer's published address", async () => {
      const versions = async () => (await t.app.inject({ url: '/api/privacy/notices' })).json().versions.length;
      const before = await versions();
      const zh = '本政策说明我们如何处理您的个人信息。如有疑问请致电 幺三八洞洞幺拐勾三四五。';
      const en = 'This notice explains how we process your personal data.';
      const effectiveAt = new Date().toISOString();
      assertRefused(
        await call(privacy, 'POST', '/api/staff/privacy/notices', { prose: { 'zh-CN': zh, en }, effectiveAt }),
        'prose.zh-CN',
        'mobile',
        zh,
        '幺三八洞洞幺拐勾三四五',
      );
      const leakyEn = `${en} Questions: li.na at qq dot com`;
      assertRefused(
        await call(privacy, 'POST', '/api/staff/privacy/notices', {
          prose: { 'zh-CN': '本政策说明我们如何处理您的个人信息。', en: leakyEn },
          effectiveAt,
        }),
        'prose.en',
        'email',
        leakyEn,
        'li.na at qq dot com',
      );
      assert.equal(await versions(), before);
      const withOfficer = await call(privacy, 'POST', '/api/staff/privacy/notices', {
        prose: { 'zh-CN': '如有疑问，请写信至 privacy@sealbridge.example。', en },
        effectiveAt,
      });
      assert.equal(withOfficer.statusCode, 201, withOfficer.body);
    });

    test('a break-glass justification refuses identifiers however written, and no grant is made', async () => {
      const customer = await t.database.db.selectFrom('accounts').select('id').where('login_name', '=', 'seller').executeTakeFirstOrThrow();
      const justification = '客户投诉账户被盗，需核实其联系方式是否被篡改，客户电话一三六零零零零三三三三';
      const res = await call(security, 'POST', '/api/staff/break-glass', { customerAccountId: customer.id, justification, minutes: 30 });
      assertRefused(res, 'justification', 'mobile', justification, '一三六零零零零三三三三');
      assert.equal((await t.database.db.selectFrom('staff_break_glass').select('id').execute()).length, 0);
    });
  });
}
