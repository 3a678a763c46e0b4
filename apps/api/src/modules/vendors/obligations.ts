import type { TObligationRow } from '@sealbridge/contracts';
import { ledgerYear, requiredMechanism, satisfies, type CrossBorder } from './crossborder.ts';
import type { VendorsRepo } from './vendors-repo.ts';
import { contractInForce, DAY_MS, missingClauses, parseList } from './vendors-shared.ts';

type Rag = TObligationRow['status'];
type Check = { status: Rag; zh: string; en: string };

/**
 * Evidence other modules hold, asked live (services.ts wires them). A row whose probe is not wired is amber with
 * "no live evidence": the map never shows green without a check over real data.
 */
export type ObligationProbes = {
  /** Rows 1–2: the notice in force, whether its 清单 covers every registered field, and every consent purpose is versioned. */
  notice?: () => Promise<{ version: number; missingFields: number; unversionedPurposes: number } | null>;
  /** Row 4: registered sensitive fields without encryption or necessity text. */
  unprotectedSensitiveFields?: () => Promise<number>;
  /** Row 8: open privacy tickets past their working-day deadline. */
  overdueTickets?: () => Promise<{ open: number; overdue: number }>;
  /** Row 9: active staff who may reveal personal data without completed training. */
  untrainedStaff?: () => Promise<number>;
  /** Row 17: distinct data subjects held. */
  distinctSubjects?: () => Promise<number>;
  /** Row 18: the audit trail verifies against its signed checkpoints. */
  auditVerifies?: () => Promise<boolean>;
  /** Row 20: rule-change notices that took effect less than 7 days after publication. */
  shortNoticeRuleChanges?: () => Promise<number>;
};

const ROWS: readonly { row: number; source: string; zh: string; en: string }[] = [
  { row: 1, source: 'PIPL 17; NDSMR 21', zh: '收集前告知及个人信息清单', en: 'Notice before collection and the item-by-item list' },
  {
    row: 2,
    source: 'PIPL 14–15; NDSMR 22',
    zh: '目的变更重新取得同意；撤回与同意同样便捷',
    en: 'Re-consent on change; withdrawal as easy as consent',
  },
  { row: 3, source: 'PIPL 23, 29, 39', zh: '单独同意（指明接收方）', en: 'Separate consent naming the recipient' },
  { row: 4, source: 'PIPL 28–30', zh: '敏感个人信息加密并说明必要性', en: 'Sensitive PI encrypted, necessity explained' },
  { row: 5, source: 'PIPL 31', zh: '不满十四周岁须监护人同意', en: 'Under 14: guardian consent' },
  { row: 6, source: 'PIPL 19, 47; NDSMR 24', zh: '保存期限上限与到期删除', en: 'Retention ceilings and deletion on expiry' },
  {
    row: 7,
    source: 'PIPL 56; NDSMR 12',
    zh: '保存期限下限（共享记录、评估报告≥3年）',
    en: 'Retention floors (sharing records, PIAs ≥ 3 years)',
  },
  { row: 8, source: 'PIPL 44–50', zh: '个人权利请求按期答复', en: 'Rights requests answered on time' },
  { row: 9, source: 'PIPL 51; DSL 27', zh: '访问控制、加密与员工培训', en: 'Access control, encryption, staff training' },
  { row: 10, source: 'GB/T 35273 §7.2', zh: '展示时去标识化（掩码）', en: 'Masked on display' },
  {
    row: 11,
    source: 'PIPL 21; NDSMR 12',
    zh: '委托处理：合同、监督、返还或删除',
    en: 'Entrusted processors: contract, supervision, deletion',
  },
  { row: 12, source: 'PIPL 22', zh: '合并分立时告知接收方', en: 'Merger or split: tell people the recipient' },
  { row: 13, source: 'PIPL 55–56', zh: '事前个人信息保护影响评估', en: 'Impact assessment before the processing' },
  { row: 14, source: 'PIPL 24', zh: '自动化决策透明与非个性化选项', en: 'Automated decisions: transparency and a non-profile option' },
  { row: 15, source: 'PIPL 57; DSL 29', zh: '安全事件告知个人与监管', en: 'Breach notices to people and regulator' },
  { row: 16, source: '网络安全事件报告管理办法', zh: '较大事件4小时内报告网信部门', en: 'CAC incident report within 4 h' },
  { row: 17, source: 'PIPL 52', zh: '满100万人指定并报送个人信息保护负责人', en: '≥ 1M persons: designate and file the PI officer' },
  { row: 18, source: 'PIPL 54', zh: '定期合规审计', en: 'Regular compliance audit' },
  { row: 19, source: 'PIPL 38–40; 2024 Provisions', zh: '数据出境机制与阈值', en: 'Cross-border mechanisms and thresholds' },
  { row: 20, source: 'E-Commerce Law 34', zh: '平台规则变更提前7日公示', en: 'Rule changes published ≥ 7 days ahead' },
];

const NO_EVIDENCE: Check = { status: 'amber', zh: '尚无可自动核查的实时证据。', en: 'No live evidence wired yet.' };
const check = (status: Rag, zh: string, en: string): Check => ({ status, zh, en });

/** The obligations map of PRIVACY-LAW.md: every row with a check over real data and a red / amber / green status. */
export function createObligationsMap(deps: {
  repo: VendorsRepo;
  crossBorder: Pick<CrossBorder, 'kindsInForce' | 'ledger'>;
  probes: ObligationProbes;
  now: () => Date;
}) {
  const { repo, probes, now } = deps;

  /** Row 11: every active vendor has a contract in force with every clause; every ended one attested deletion. */
  async function processors(at: Date): Promise<Check> {
    const vendors = await repo.listVendors();
    const contracts = await repo.contractsOf(vendors.map((v) => v.id));
    let red = 0;
    let amber = 0;
    for (const v of vendors) {
      if (v.status === 'ended') {
        // An attestation is owed within 30 days of the end: pending is amber, late is red.
        if (v.deletion_attested_at) continue;
        if (Date.parse(v.ended_at ?? '') + 30 * DAY_MS < at.getTime()) red++;
        else amber++;
        continue;
      }
      const current = contracts.find((c) => c.vendor_id === v.id && Date.parse(c.starts_at) <= at.getTime());
      if (!current || !contractInForce(current, at) || (current.kind === 'signed' && missingClauses(current).length > 0)) red++;
      else if (current.kind === 'provisional' || Date.parse(v.next_review_at) < at.getTime()) amber++;
    }
    const detail = `${vendors.length}`;
    if (red > 0)
      return check(
        'red',
        `${red} 个接收方无有效合同或未提交删除证明（共 ${detail} 个）。`,
        `${red} of ${detail} recipients lack a contract in force or a deletion attestation.`,
      );
    if (amber > 0)
      return check(
        'amber',
        `${amber} 个接收方为临时合同、审查逾期或待删除证明。`,
        `${amber} recipients on a provisional contract, overdue review or pending attestation.`,
      );
    return check(
      'green',
      `${detail} 个接收方均有有效合同且条款齐全。`,
      `All ${detail} recipients have a contract in force with every clause.`,
    );
  }

  /** Row 13: every flow (vendor × purpose) in use or declared by an active vendor has an assessment on file. */
  async function assessments(at: Date): Promise<Check> {
    const vendors = (await repo.listVendors()).filter((v) => v.status === 'active');
    const all = await repo.listAssessments();
    let missing = 0;
    for (const v of vendors)
      for (const p of parseList(v.purposes_json))
        if (!all.some((a) => a.vendor_id === v.id && parseList(a.purposes_json).includes(p))) missing++;
    const used = await repo.flowsInUse();
    for (const f of used) if (!all.some((a) => a.vendor_id === f.vendor_id && parseList(a.purposes_json).includes(f.purpose))) missing++;
    const overdue = all.filter((a) => Date.parse(a.review_due_at) < at.getTime()).length;
    if (missing > 0) return check('red', `${missing} 个数据流缺少影响评估。`, `${missing} data flows have no impact assessment.`);
    if (overdue > 0) return check('amber', `${overdue} 份影响评估复核逾期。`, `${overdue} impact assessments are past their review date.`);
    return check('green', `全部数据流均有影响评估（${all.length} 份）。`, `Every flow has an impact assessment (${all.length} on file).`);
  }

  /** Row 19: the year's ledger against the mechanisms in force; a standard contract filed on time. */
  async function crossBorderRow(at: Date): Promise<Check> {
    const ledger = await deps.crossBorder.ledger(ledgerYear(at));
    const required = requiredMechanism({ sensitive: ledger.sensitivePersons, nonSensitive: ledger.nonSensitivePersons });
    const kinds = await deps.crossBorder.kindsInForce(at);
    const counts = `${ledger.nonSensitivePersons} / ${ledger.sensitivePersons}`;
    if (!satisfies(required, kinds))
      return check(
        'red',
        `出境人数（一般/敏感）${counts}，需 ${required}，未备。`,
        `Persons abroad (general / sensitive) ${counts} need ${required}; none in force.`,
      );
    if (ledger.mechanisms.some((m) => m.filingOverdue))
      return check('red', '标准合同备案逾期（10个工作日）。', 'A standard contract was not filed within 10 working days.');
    if (ledger.mechanisms.some((m) => m.filingDueAt && !m.filedAt))
      return check('amber', '标准合同待备案。', 'A standard contract awaits filing.');
    return check(
      'green',
      `出境人数（一般/敏感）${counts}，机制：${required}。`,
      `Persons abroad (general / sensitive) ${counts}; mechanism: ${required}.`,
    );
  }

  /** Row 3: no allowed transfer to a handler or abroad went without the consent check. */
  async function separateConsent(): Promise<Check> {
    const vendors = new Map((await repo.listVendors()).map((v) => [v.id, v]));
    const flows = await repo.flowsInUse();
    const unchecked = flows.filter((f) => {
      const v = f.vendor_id ? vendors.get(f.vendor_id) : undefined;
      return v && (v.role !== 'entrusted_processor' || v.country !== 'CN') && Number(f.consent_min) !== 1;
    }).length;
    if (unchecked > 0)
      return check('red', `${unchecked} 个数据流未经单独同意核验即提供。`, `${unchecked} flows left without the separate-consent check.`);
    return check(
      'green',
      '向处理者及境外提供均经单独同意核验（共享网关）。',
      'Every transfer to a handler or abroad passed the separate-consent check (gateway).',
    );
  }

  async function floors(): Promise<Check> {
    const below = await repo.transfersBelowFloor();
    if (below > 0) return check('red', `${below} 条共享记录保存期限不足3年。`, `${below} sharing records are kept less than 3 years.`);
    return check('green', '共享记录及评估报告均保存至少3年。', 'Sharing records and assessments are kept at least 3 years.');
  }

  async function fromProbe<T>(probe: (() => Promise<T>) | undefined, judge: (value: T) => Check): Promise<Check> {
    if (!probe) return NO_EVIDENCE;
    try {
      return judge(await probe());
    } catch {
      return check('red', '核查失败。', 'The check failed to run.');
    }
  }

  return {
    async map(): Promise<{ checkedAt: string; rows: TObligationRow[] }> {
      const at = now();
      const checks: Record<number, Promise<Check>> = {
        1: fromProbe(probes.notice, (n) =>
          !n
            ? check('red', '尚未发布隐私政策。', 'No privacy notice is in force.')
            : n.missingFields > 0
              ? check(
                  'red',
                  `现行政策清单缺少 ${n.missingFields} 个已登记字段。`,
                  `The notice's list misses ${n.missingFields} registered fields.`,
                )
              : check(
                  'green',
                  `第 ${n.version} 版政策生效，清单覆盖全部登记字段。`,
                  `Notice v${n.version} in force; its list covers every registered field.`,
                ),
        ),
        2: fromProbe(probes.notice, (n) =>
          !n || n.unversionedPurposes > 0
            ? check('red', '有同意目的未纳入现行政策版本。', 'Some consent purposes have no version in the notice in force.')
            : check(
                'green',
                '每个同意目的均有版本，变更后须重新同意。',
                'Every consent purpose is versioned; a change requires re-consent.',
              ),
        ),
        3: separateConsent(),
        4: fromProbe(probes.unprotectedSensitiveFields, (n) =>
          n > 0
            ? check('red', `${n} 个敏感字段未加密或无必要性说明。`, `${n} sensitive fields lack encryption or necessity text.`)
            : check('green', '敏感字段均加密并登记用途。', 'Every sensitive field is encrypted and registered.'),
        ),
        7: floors(),
        8: fromProbe(probes.overdueTickets, (t) =>
          t.overdue > 0
            ? check('red', `${t.overdue} 个请求已逾期。`, `${t.overdue} requests are overdue.`)
            : check('green', `${t.open} 个请求在办，均未逾期。`, `${t.open} open requests, none overdue.`),
        ),
        9: fromProbe(probes.untrainedStaff, (n) =>
          n > 0
            ? check('red', `${n} 名员工未完成培训。`, `${n} staff members lack training.`)
            : check('green', '可查看个人信息的员工均已完成培训。', 'Every staff member who may reveal data is trained.'),
        ),
        11: processors(at),
        13: assessments(at),
        17: fromProbe(probes.distinctSubjects, (n) =>
          n >= 1_000_000
            ? check('amber', `已处理 ${n} 人的个人信息：须报送负责人信息。`, `${n} persons: the PI officer must be filed.`)
            : check('green', `${n} 人，低于100万人门槛。`, `${n} persons, below the 1,000,000 threshold.`),
        ),
        18: fromProbe(probes.auditVerifies, (ok) =>
          ok
            ? check('green', '审计日志与签名检查点核验一致。', 'The audit trail verifies against its signed checkpoints.')
            : check('red', '审计日志核验失败。', 'The audit trail fails verification.'),
        ),
        19: crossBorderRow(at),
        20: fromProbe(probes.shortNoticeRuleChanges, (n) =>
          n > 0
            ? check('red', `${n} 次规则变更公示不足7日。`, `${n} rule changes took effect within 7 days.`)
            : check('green', '规则变更均提前至少7日公示。', 'Every rule change was published ≥ 7 days ahead.'),
        ),
      };
      const rows = await Promise.all(
        ROWS.map(async (r) => {
          const c = await (checks[r.row] ?? Promise.resolve(NO_EVIDENCE));
          return {
            row: r.row,
            obligation: { 'zh-CN': r.zh, en: r.en },
            source: r.source,
            status: c.status,
            evidence: { 'zh-CN': c.zh, en: c.en },
          };
        }),
      );
      return { checkedAt: at.toISOString(), rows };
    },
  };
}
