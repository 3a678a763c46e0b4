// How people actually write identifiers: grouped, prefixed, in full-width digits, spaced out to dodge filters.
// Every form here is one the detector claims to handle; the few it does not are in known-misses.ts.
import type { Landline } from './synthetic-ids.ts';
import type { Rng } from './rng.ts';

const FULL_WIDTH_OFFSET = 0xfee0;

export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z+@.\-()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET));
}

const group = (digits: string, sizes: readonly number[], sep: string): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.filter((p) => p !== '').join(sep);
};

export function mobileSurface(rng: Rng, digits: string): string {
  const roll = rng.next();
  if (roll < 0.5) return digits;
  if (roll < 0.6) return group(digits, [3, 4, 4], ' ');
  if (roll < 0.67) return group(digits, [3, 4, 4], '-');
  if (roll < 0.72) return `+86 ${rng.chance(0.5) ? digits : group(digits, [3, 4, 4], ' ')}`;
  if (roll < 0.75) return `+86-${group(digits, [3, 4, 4], '-')}`;
  if (roll < 0.78) return `+86${digits}`;
  if (roll < 0.8) return `0086 ${digits}`;
  if (roll < 0.82) return `86-${digits}`;
  if (roll < 0.85) return `${rng.pick(['(+86)', '（+86）', '(+86) '])}${digits}`;
  if (roll < 0.91) return toFullWidth(rng.chance(0.7) ? digits : group(digits, [3, 4, 4], ' '));
  if (roll < 0.96) return digits.split('').join(rng.pick([' ', ' ', '-']));
  return group(digits, [3, 8], ' ');
}

export function idSurface(rng: Rng, id: string): string {
  const roll = rng.next();
  if (roll < 0.7) return id;
  if (roll < 0.78) return id.toLowerCase();
  if (roll < 0.86) return group(id, [6, 8, 4], rng.pick([' ', '-']));
  if (roll < 0.92) return group(id, [4, 4, 4, 4], ' ');
  return toFullWidth(id);
}

export function cardSurface(rng: Rng, card: string): string {
  const roll = rng.next();
  if (roll < 0.4) return card;
  if (roll < 0.8) return group(card, [4, 4, 4, 4], ' ');
  if (roll < 0.88) return group(card, [4, 4, 4, 4], '-');
  if (roll < 0.94) return toFullWidth(card);
  return group(card, [4, 4, 4, 4], '  ');
}

export function usccSurface(rng: Rng, code: string): string {
  const roll = rng.next();
  if (roll < 0.88) return code;
  if (roll < 0.94) return toFullWidth(code);
  return code.toLowerCase();
}

export function landlineSurface(rng: Rng, { area, local, ext }: Landline): string {
  const split = local.length === 8 ? group(local, [4], rng.pick([' ', '-'])) : group(local, [3], '-');
  const localForm = rng.chance(0.7) ? local : split;
  const roll = rng.next();
  let base: string;
  if (roll < 0.45) base = `${area}-${localForm}`;
  else if (roll < 0.6) base = `(${area})${localForm}`;
  else if (roll < 0.7) base = `（${area}）${localForm}`;
  else if (roll < 0.8) base = `${area} ${localForm}`;
  else if (roll < 0.88) base = `${area}${local}`;
  else if (roll < 0.95) base = `+86 ${area.slice(1)} ${localForm}`;
  else base = toFullWidth(`${area}-${local}`);
  if (!ext) return base;
  return base + rng.pick([`转${ext}`, `-${ext}`, ` 转 ${ext}`, ` ext. ${ext}`, `分机${ext}`]);
}

export function emailSurface(rng: Rng, email: string): string {
  const roll = rng.next();
  if (roll < 0.8) return email;
  if (roll < 0.9) return email.charAt(0).toUpperCase() + email.slice(1);
  return email.replace('@', '＠');
}
