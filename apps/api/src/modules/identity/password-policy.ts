import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '@sealbridge/contracts';

/** Strength score (zxcvbn, 0–4) a new password must reach: 3 = "safely unguessable" (≈ 10^10 guesses). */
export const MIN_STRENGTH_SCORE = 3;

/**
 * The 100,000 most common passwords of at least 10 characters from the SecLists "10 million passwords" top-1M
 * list (lower-cased, most common first), shipped with the code: no lookup leaves the server. Provenance in NOTES.md.
 */
const COMMON_LIST = new URL('./common-passwords.txt.gz', import.meta.url);
const gunzipAsync = promisify(gunzip);

let common: Promise<ReadonlySet<string>> | undefined;
export function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= readFile(COMMON_LIST)
    .then((gz) => gunzipAsync(gz))
    .then(
      (text) =>
        new Set(
          text
            .toString('utf8')
            .split('\n')
            .filter((line) => line.length > 0),
        ),
    );
  return common;
}

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

export type PasswordProblem = 'too_short' | 'common' | 'guessable';

/** `feedback` holds zxcvbn-ts codes (e.g. warning "common", suggestion "anotherWord"); the web translates them. */
export type PasswordAssessment = {
  ok: boolean;
  problems: PasswordProblem[];
  score: number;
  feedback: { warning: string | null; suggestions: string[] };
};

/**
 * Context-specific words (ASVS 6.1.2, 6.2.11): the product's and the trade's names, in Chinese and pinyin. zxcvbn
 * treats them like the person's own identifiers, so "Sealbridge2026!" scores as the guess it is.
 */
export const CONTEXT_WORDS: readonly string[] = [
  'sealbridge',
  'seal bridge',
  '封桥',
  'fengqiao',
  '公司转让',
  'gongsizhuanrang',
  'zhuanrang',
  '交易中心',
  'jiaoyizhongxin',
  'demo-2026',
];

/**
 * Checks a new password: length (code points, after the NFKC normalization the hash uses), the common list, and
 * zxcvbn-ts with the person's own identifiers as inputs it must not build on. Never logs or returns the password.
 */
export async function assessPassword(password: string, userInputs: readonly string[] = []): Promise<PasswordAssessment> {
  const normalized = password.normalize('NFKC');
  const problems: PasswordProblem[] = [];
  if ([...normalized].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if ((await commonPasswords()).has(normalized.toLowerCase())) problems.push('common');
  const result = zxcvbn().check(normalized, [...CONTEXT_WORDS, ...userInputs]);
  if (result.score < MIN_STRENGTH_SCORE) problems.push('guessable');
  return {
    ok: problems.length === 0,
    problems,
    score: result.score,
    feedback: { warning: result.feedback.warning, suggestions: [...result.feedback.suggestions] },
  };
}
