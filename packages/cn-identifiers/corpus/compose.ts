// Builds a text from parts and records where each identifier landed. The labels come from this bookkeeping,
// never from running the detector, so the corpus is an independent ground truth.
import type { FindingType } from './types.ts';

/** An identifier placed in the text; its span is a label. */
export type Piece = { type: FindingType; text: string };
/** A look-alike (order number, amount…) placed in the text; it is named in the item's note. */
export type Decoy = { decoy: string; text: string };
export type Part = string | Piece | Decoy;

export type Label = { type: FindingType; start: number; end: number };
export type Composed = { text: string; findings: Label[]; decoys: string[] };

export const piece = (type: FindingType, text: string): Piece => ({ type, text });
export const decoy = (name: string, text: string): Decoy => ({ decoy: name, text });

const ALNUM = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/;
// Letters that may be glued in front of an identifier ("VX13812345678", "QQ12345678").
const GLUE_OK = /(?:VX|vx|Tel|TEL|QQ|qq|ID)$/;

export function compose(parts: readonly Part[]): Composed {
  let text = '';
  const findings: Label[] = [];
  const decoys: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
    } else if ('type' in part) {
      findings.push({ type: part.type, start: text.length, end: text.length + part.text.length });
      text += part.text;
    } else {
      decoys.push(part.decoy);
      text += part.text;
    }
  }
  // An identifier glued to other letters or digits is part of a longer code, not an identifier: such a
  // label would be wrong, so the generator refuses to write it.
  for (const f of findings) {
    const before = text.charAt(f.start - 1);
    const after = text.charAt(f.end);
    const glued = ALNUM.test(before) && !GLUE_OK.test(text.slice(0, f.start));
    const emailTouch = f.type === 'email' && (/[._%+-]/.test(before) || /[-_]/.test(after));
    if (glued || ALNUM.test(after) || emailTouch) {
      throw new Error(`label ${f.type} touches other characters: …${text.slice(f.start - 5, f.end + 5)}…`);
    }
  }
  return { text, findings, decoys };
}
