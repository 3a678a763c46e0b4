// Identifiers written in ways the detector does not claim to catch. They are labelled like any other, so the
// measured recall includes them instead of leaving them out of the corpus.
import { piece, type Part } from './compose.ts';

export const KNOWN_MISSES: ReadonlyArray<{ kind: 'listing' | 'chat' | 'document'; note: string; parts: Part[] }> = [
  {
    kind: 'chat',
    note: 'known limitation: mobile number written in Chinese numerals',
    parts: ['卖家：平台不让发电话，你记一下 ', piece('mobile', '一三八一二三四五六七八'), '，晚上打'],
  },
  {
    kind: 'chat',
    note: 'known limitation: e-mail with (at) and (dot) instead of @ and .',
    parts: ['Buyer: send the deck to ', piece('email', 'zhangwei(at)163(dot)com'), ' please'],
  },
  {
    kind: 'listing',
    note: 'known limitation: mobile number grouped with dots',
    parts: ['杭州网络科技公司转让，成立6年，小规模，联系 ', piece('mobile', '139.8765.4321'), '（同微信）'],
  },
  {
    kind: 'chat',
    note: 'known limitation: letter l and O used for the digits 1 and 0',
    parts: ['顾问：有事打我手机 ', piece('mobile', 'l38O0l38OOO'), ' 别在群里说'],
  },
];
