/** Customer education (issue 19 item 6): titles around the content the privacy officer edits. */
export const educationEn = {
  menu: 'Guides and tips',
  dismiss: 'Dismiss tip',
  kinds: { guide: 'Guide', tip: 'In-flow tip' },
  audiences: { buyer: 'For buyers', seller: 'For sellers', all: 'All customers' },
  tips: {
    'tip.deposit': 'Before paying a deposit, check the account',
    'tip.seal-photo': 'Safety tip: a request for seal or licence photos',
    'tip.dataroom-watermark': 'About data-room watermarks',
  },
  console: {
    title: 'Guides and in-flow tips',
    intro:
      'These texts appear in the security and anti-fraud guides of the privacy center and as tips in the deal flow (before a deposit, when someone asks for a photo of a seal or licence in chat, on the first data-room visit). Every save is a new revision; earlier ones are kept. Never promise a feature the platform does not have.',
    revision: 'Revision {{revision}}',
    save: 'Save as a new revision',
    saved: 'New revision saved',
  },
};
