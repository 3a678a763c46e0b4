import type { Kysely } from 'kysely';

/**
 * The privacy program (issue 19): training modules the privacy officer edits (zh-CN texts, quiz, pass mark, roles),
 * reminders sent before and when a completion runs out, the versioned code of conduct and recorded violations.
 * The four starting modules and the first code of conduct are data written here once; the officer edits them.
 */
const AT = '2026-12-05T00:00:00.000Z';
const ALL = 'broker,privacy_officer,security_officer,auditor,admin';

const MODULES = [
  {
    code: 'pipl-basics',
    title: '个人信息保护法基础',
    body:
      '《个人信息保护法》要求处理个人信息具有明确、合理的目的，并限于实现目的的最小范围。\n' +
      '敏感个人信息（身份证件、金融账户、行踪轨迹等）须取得单独同意，并告知必要性和对个人权益的影响。\n' +
      '个人有权查阅、复制、更正、删除其个人信息，本平台须在法定期限内答复。\n' +
      '员工只能为已声明的目的查看个人信息，每一次查看都会记入审计日志，并向本人公开。',
    questions: [
      {
        prompt: '处理敏感个人信息前，平台必须做什么？',
        options: ['取得个人的单独同意并告知必要性', '只需在隐私政策中写明', '经部门负责人口头批准即可'],
        answer: 0,
      },
      {
        prompt: '员工查看客户手机号的正确做法是：',
        options: ['随时查看，无需理由', '选择已声明的目的后逐项揭示，并被审计记录', '截图保存以备后用'],
        answer: 1,
      },
      {
        prompt: '客户要求删除其个人信息时：',
        options: ['可以不予理会', '只删除页面显示', '按权利请求流程在法定期限内处理并答复'],
        answer: 2,
      },
    ],
    pass_mark: 80,
    roles: ALL,
  },
  {
    code: 'platform-rules',
    title: '平台规则与保密义务',
    body:
      '买方须实名认证并签署保密协议，经卖方单独同意和顾问批准后，才能逐级看到公司身份和资料室文件。\n' +
      '顾问只能服务分配给自己的客户；默认看到的是脱敏信息。\n' +
      '紧急访问（break-glass）仅限隐私和安全负责人，须写明理由、限时且会通知隐私负责人。\n' +
      '任何人不得把平台上的客户信息带出系统，包括拍照、转发或私下记录。',
    questions: [
      {
        prompt: '买方在什么情况下才能看到公司名称？',
        options: ['注册后立即可以', '实名认证、签署保密协议、卖方单独同意并经顾问批准后', '向任何员工询问即可'],
        answer: 1,
      },
      {
        prompt: '顾问可以查看哪些客户的信息？',
        options: ['分配给自己的客户，且默认脱敏', '平台上的所有客户', '同事分享给自己的客户'],
        answer: 0,
      },
    ],
    pass_mark: 100,
    roles: ALL,
  },
  {
    code: 'transfer-fraud',
    title: '公司转让中的常见诈骗手法',
    body:
      '常见手法：冒充卖方或顾问要求把定金转到私人账户；以“先验资”为名索要银行流水和网银密码；\n' +
      '伪造营业执照或公章照片骗取信任；转让后隐瞒的债务、担保或涉诉事项。\n' +
      '应对：定金只走平台登记的监管安排；任何改变收款账户的要求都须电话回拨核实；\n' +
      '不在聊天中发送公章、证照的清晰照片；发现可疑情况立即上报安全负责人。',
    questions: [
      {
        prompt: '对方在聊天中要求把定金改付到一个新的个人账户，应当：',
        options: ['照做以免耽误交易', '拒绝，并通过平台登记的方式回拨核实后上报', '先付一半试试'],
        answer: 1,
      },
      {
        prompt: '有人要求发送公章的清晰照片“以便核对”，正确做法是：',
        options: ['不在聊天中发送，按交接流程当面或经平台核验', '发送后马上撤回', '只通过私人微信发给顾问'],
        answer: 0,
      },
      {
        prompt: '以下哪项是转让后风险的典型来源？',
        options: ['公司名称太长', '办公地点较远', '隐瞒的债务、担保或涉诉事项'],
        answer: 2,
      },
    ],
    pass_mark: 60,
    roles: 'broker,privacy_officer,security_officer',
  },
  {
    code: 'seals-and-documents',
    title: '公章与证照的保管和交接',
    body:
      '公章、财务章、法人章、营业执照正副本、网银U盾在交接前由卖方保管，交接时逐项登记在保管台账中并由双方确认。\n' +
      '员工不得代为保管任何一方的印章或证照，不得拍摄或留存其影像。\n' +
      '证照复印件须注明用途并加盖水印；资料室文件按授权查看，每位查看者的水印不同，外泄可追溯。',
    questions: [
      {
        prompt: '交接公章时应当：',
        options: ['由顾问先拿回办公室保管', '逐项登记在保管台账中并由双方确认', '拍照发到群里作为记录'],
        answer: 1,
      },
      {
        prompt: '员工可否留存客户营业执照的照片？',
        options: ['不可以', '可以，存在个人手机里', '可以，只要不外传'],
        answer: 0,
      },
    ],
    pass_mark: 100,
    roles: 'broker,admin',
  },
];

const CONDUCT =
  '一、只为已声明的目的、在最小范围内查看和使用个人信息；不因好奇或私人原因查看任何人的信息。\n' +
  '二、不把平台上的任何信息带出系统：不拍照、不截图外传、不转发到私人通讯工具。\n' +
  '三、不私下接受交易任何一方的财物，不介绍平台外交易，不代为保管印章、证照或资金。\n' +
  '四、发现泄露、诈骗或违规迹象，立即向隐私或安全负责人报告；报告人受到保护。\n' +
  '五、违反本准则的行为将被记录并依规处理，包括警告、重新培训、降低权限、停职直至解除劳动合同。';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_training_modules')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // JSON: [{ prompt, options[], answer }]; the answer key is read by the server only.
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    // Comma-separated staff roles the module is assigned to.
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('staff_training_reminders')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('course', 'text', (c) => c.notNull())
    // The instant the completion runs out: one reminder of each kind per completion.
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_training_reminders_pk', ['account_id', 'course', 'expires_at', 'kind'])
    .execute();
  await db.schema
    .createTable('staff_conduct_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .execute();
  await db.schema
    .createTable('staff_conduct_violations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No foreign key: the record outlives the account.
    .addColumn('staff_account_id', 'text', (c) => c.notNull())
    .addColumn('conduct_version', 'integer')
    .addColumn('description', 'text', (c) => c.notNull())
    // Comma-separated audit record numbers (audit_log.seq) the finding rests on.
    .addColumn('audit_seqs', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decision_note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_conduct_violations_staff').on('staff_conduct_violations').column('staff_account_id').execute();

  await db
    .insertInto('staff_training_modules')
    .values(
      MODULES.map((m) => ({ ...m, questions: JSON.stringify(m.questions), revision: 1, active: 1, updated_at: AT, updated_by: null })),
    )
    .execute();
  await db
    .insertInto('staff_conduct_versions')
    .values({ version: 1, title: '员工行为准则', body: CONDUCT, published_at: AT, published_by: null })
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['staff_conduct_violations', 'staff_conduct_versions', 'staff_training_reminders', 'staff_training_modules']) {
    await db.schema.dropTable(table).execute();
  }
}
