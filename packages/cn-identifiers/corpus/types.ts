// The corpus's own copy of the type names, so that the generator imports nothing from src/.
export type FindingType = 'mobile' | 'landline' | 'id_card' | 'uscc' | 'bank_card' | 'email' | 'wechat' | 'qq';

export type CorpusItem = {
  id: string;
  kind: 'listing' | 'chat' | 'document';
  text: string;
  findings: { type: FindingType; start: number; end: number }[];
  note?: string;
};
