// Hand-written texts, to break the regularity of the combinatorial templates: brackets, quotes, emoji
// (two UTF-16 units each), HTML, lists of numbers, English sentences. "{mobile}" and friends become
// synthetic identifiers and labels; "{luhn}", "{mobileish}", "{bad_id}"… become look-alikes.
import { decoy, piece, type Part } from './compose.ts';
import type { Rng } from './rng.ts';
import { cardSurface, emailSurface, idSurface, landlineSurface, mobileSurface, usccSurface } from './surface.ts';
import { badBankCard, badIdNumber, badUscc, bankCard, email, idNumber, landline, luhnValidOrderNumber, mobile, qq, uscc, wechatId } from './synthetic-ids.ts';
import type { CorpusItem } from './types.ts';

type Kind = CorpusItem['kind'];

export const HANDWRITTEN_POSITIVES: ReadonlyArray<readonly [Kind, string]> = [
  ['chat', '王总您好，资料已发您邮箱{email}，请查收。有问题随时打我电话{mobile}。'],
  ['listing', '出：苏州工业园区科技公司，成立5年，小规模，无异常。联系：{mobile}（微信同号）'],
  ['chat', '他电话（{mobile}）一直打不通'],
  ['chat', '号码是“{mobile}”，你存一下'],
  ['listing', '📞{mobile} 🔥急转🔥 上海浦东贸易公司，带进出口权'],
  ['document', 'Tel：{landline}  Fax：{landline}'],
  ['listing', '【联系方式】{mobile}/{mobile}'],
  ['chat', '备用号码：{mobile}、{mobile}'],
  ['document', '法人：张伟，身份证：{id_card}，电话：{mobile}'],
  ['chat', '卖家报价85万，诚心要的加微信{wechat}'],
  ['chat', '转账请走对公，不要打到我个人卡{bank_card}上'],
  ['chat', 'mail: {email}; mobile: {mobile}'],
  ['chat', 'Please wire the deposit to card {bank_card} (ICBC).'],
  ['document', '社会信用代码{uscc}，可以在国家企业信用信息公示系统查到'],
  ['chat', '截图里的号码是{mobile}，不是我的'],
  ['chat', 'QQ号是{qq}，晚上在线'],
  ['chat', '我扣扣{qq}'],
  ['listing', '加v：{wechat} 备注公司转让'],
  ['document', '身份证号码为{id_card}的股东已签字确认。'],
  ['document', '甲方：李娜（身份证号：{id_card}）'],
  ['listing', '联系人 陈先生 {mobile} 王小姐 {mobile}'],
  ['listing', '<p>电话：{mobile}</p>'],
  ['listing', '#公司转让# 上海闵行 注册资本500万 电话{mobile}'],
  ['document', '收款人：赵强 开户行：招商银行上海分行 卡号{bank_card} 金额：¥50,000.00'],
  ['chat', '{mobile}'],
  ['chat', '{email}'],
  ['chat', '邮箱地址是 {email} ，注意是小写'],
  ['listing', '电话{mobile}。地址：上海市浦东新区张江路88号2号楼1203室，邮编201203'],
  ['document', '手机：{mobile}；座机：{landline}；传真：{landline}'],
  ['chat', 'WeChat ID: {wechat} | Phone: {mobile}'],
  ['document', '信用代码：{uscc}（营业执照复印件加盖公章）'],
  ['document', '经办人身份证{id_card}，联系电话{mobile}，2024年3月15日'],
  ['chat', '如需对账请联系财务 {landline}，或发邮件到{email}'],
  ['document', '发票抬头：上海某某科技有限公司 税号：{uscc} 地址电话：上海市闵行区某路1号 {landline}'],
  ['chat', '卖家电话{mobile}已核实，身份证{id_card}已人脸核验'],
  ['listing', '加我微信：{wechat}，朋友圈有更多公司'],
  ['chat', 'V：{wechat}'],
  ['chat', '+v {wechat}'],
  ['chat', '微信号码：{wechat}'],
  ['chat', 'qq邮箱{email}'],
  ['listing', '电话：{mobile}（9:00-21:00）'],
  ['chat', '{mobile}王先生，晚上八点后别打'],
  ['listing', '商务合作：{email}；客服热线：400-820-8820'],
  ['chat', '手机号：{mobile}，身份证后四位1234'],
  ['chat', '帮我查下这个人：{id_card}，看看有没有被执行'],
  ['chat', "The seller's ID number is {id_card} and his mobile is {mobile}."],
  ['document', '账户：{bank_card}\n户名：王芳\n开户行：建设银行北京朝阳支行'],
  ['chat', '扫码或者搜微信号 {wechat}'],
  ['chat', '打款账号 {bank_card} 备注：定金'],
  ['document', '法人手机{mobile}，法人身份证{id_card}，公司信用代码{uscc}'],
  ['chat', '电话打{mobile:plain}，不行就{mobile:plain}'],
  ['listing', '急售！！！价格好商量～～ 电话{mobile}~微信{wechat}'],
  ['chat', 'call/whatsapp {mobile}. thx'],
  ['chat', '老板的QQ：{qq}，邮箱{email}'],
  ['document', '联系人：刘洋\t{mobile}\t{email}'],
  ['chat', '[图片] 这是我名片，{mobile}'],
  ['listing', '★★★ 深圳南山区软件公司转让 ★★★ 热线 {landline}'],
  ['chat', '微信:{wechat}(备注:转让)'],
  ['document', '乙方指定账户信息如下：户名 王磊，账号 {bank_card}，开户行 中国银行'],
  ['chat', '你加我vx，{wechat}'],
];

export const HANDWRITTEN_NEGATIVES: ReadonlyArray<readonly [Kind, string]> = [
  ['listing', '注册资本1000万，实缴1000万，2016年3月15日成立，年营收3800万元，净利润380万'],
  ['chat', '订单号：{mobileish}，请在7日内完成支付'],
  ['document', '流水号 {luhn} 已入账'],
  ['document', '金额：¥13,800,000.00（大写：壹仟叁佰捌拾万元整）'],
  ['chat', '老板开价¥13800000000，疯了吧'],
  ['document', '合同编号 HT-2024-0315-001，签署日期 2024-03-15'],
  ['chat', '快递已发顺丰，单号SF1428593012748，预计明天到'],
  ['chat', '系统版本 v13.8.1，build 20240315.2'],
  ['document', '上次登录时间 2024-03-15 13:45:22，IP 192.168.13.8'],
  ['listing', '邮编200120，门牌号88号1203室'],
  ['document', '旧注册号310115000812345已换发新照'],
  ['document', '发票代码 031002300111 发票号码 13812345'],
  ['chat', '股票代码600519，收盘价1,688.00元'],
  ['listing', 'QQ群：812345678，群里有更多转让信息'],
  ['document', '微信支付交易单号 4200001234202403151234567890'],
  ['document', '身份证号：{bad_id}（系统提示校验失败）'],
  ['chat', '手机号138123456789多了一位'],
  ['chat', '1381234567少了一位吧'],
  ['document', '会议室 1308，分机 8001'],
  ['document', '2024年3月15日14:30在浦东新区市场监督管理局3楼窗口12号办理'],
  ['listing', '转让价 138000000 元，不议价'],
  ['document', '统一社会信用代码：{bad_uscc}'],
  ['document', '组织机构代码：MA1K3ABC-5'],
  ['document', '联行号 308290003011，SWIFT CMBCCNBS'],
  ['document', '对公账号：31001234567890123456'],
  ['document', '基本户：1001 2345 6789 0123 456'],
  ['document', '案号：（2023）沪0115民初12345号'],
  ['listing', '加V认证，官方账号，粉丝1.3万'],
  ['chat', '微信同号，电话请在平台内查看，编号SB-2024-0315'],
  ['chat', 'WeChat Pay transaction 4200001234202403151234567890'],
  ['document', '订单 No.{luhn}'],
  ['document', 'Invoice #20240315001, amount RMB 138,000.00, due 2024-04-15'],
  ['chat', 'Tracking: SF1234567890123 / YT9876543210987'],
  ['chat', 'Version 13.8.12345678'],
  ['chat', '13,800,000 元的价格有点高'],
  ['listing', '公司成立于2008年，至今16年，社保缴纳人数13人，2023年纳税额81.5万'],
  ['document', '营业期限：2016-03-15至2046-03-14'],
  ['document', 'ISBN 978-7-111-54321-0'],
  ['document', '第1381234567号商标'],
  ['chat', '测试号码 12345678901 别打'],
  ['chat', '电话：138****5678（已脱敏）'],
  ['document', '身份证：110***********1234'],
  ['chat', '卡号尾号8888，别搞错'],
  ['document', '时间戳 1710489600123'],
  ['document', '房产证号 沪房地浦字（2016）第012345号'],
  ['document', 'GPS 31.2304, 121.4737'],
  ['chat', '12366纳税服务热线、12345市民热线都打过了'],
  ['document', '电表户号 1381234567890'],
  ['document', '大写金额：壹佰叁拾捌万元整（¥1,380,000.00）'],
  ['listing', '2023年度营收13.8亿，同比增长13.8%'],
  ['chat', '交易参考号{luhn}，到账了吗'],
  ['chat', '卡号：{bad_card}'],
  ['chat', '收款账号 {bad_card}，你再核对下'],
  ['document', '法人证件号码：{bad_id}'],
  ['chat', 'Order No. {luhn} shipped on 2024-03-18'],
  ['chat', '单号{mobileish}已签收'],
  ['listing', '估值 ¥ 15900000000，PE 13.8'],
  ['document', '资本公积 13,912,345,678.00'],
  ['chat', 'zhang_san88 这个人靠谱吗？'],
  ['chat', '我记得他是 28451234 那个群里的'],
];

function expand(rng: Rng, name: string, option: string | undefined): Part {
  switch (name) {
    case 'mobile': return piece('mobile', option === 'plain' ? mobile(rng) : mobileSurface(rng, mobile(rng)));
    case 'landline': return piece('landline', landlineSurface(rng, landline(rng)));
    case 'id_card': return piece('id_card', idSurface(rng, idNumber(rng)));
    case 'uscc': return piece('uscc', usccSurface(rng, uscc(rng)));
    case 'bank_card': return piece('bank_card', cardSurface(rng, bankCard(rng)));
    case 'email': return piece('email', emailSurface(rng, email(rng)));
    case 'wechat': return piece('wechat', wechatId(rng));
    case 'qq': return piece('qq', qq(rng));
    case 'luhn': return decoy('Luhn-valid order number', luhnValidOrderNumber(rng));
    case 'mobileish': return decoy('mobile-shaped order number', mobile(rng));
    case 'bad_id': return decoy('ID number with check digit', badIdNumber(rng, 'check digit'));
    case 'bad_uscc': return decoy('credit code with wrong check character', badUscc(rng));
    case 'bad_card': return decoy('card number failing Luhn', badBankCard(rng));
    default: throw new Error(`unknown placeholder {${name}}`);
  }
}

/** Turns "电话{mobile}" into parts; literal text between placeholders is kept as written. */
export function fill(rng: Rng, template: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const match of template.matchAll(/\{(\w+)(?::(\w+))?\}/g)) {
    parts.push(template.slice(at, match.index));
    parts.push(expand(rng, match[1] ?? '', match[2]));
    at = (match.index ?? 0) + match[0].length;
  }
  parts.push(template.slice(at));
  return parts.filter((p) => p !== '');
}
