export type RecoveryCodesSheet = { heading: string; generatedAt: string; note: string; codes: readonly string[] };

/**
 * The plain-text sheet for copying or downloading: heading, date, numbered codes, how to use them. It carries no
 * log-in name, mobile number or e-mail address, so a lost sheet does not say whose account it opens.
 */
export function recoveryCodesText(sheet: RecoveryCodesSheet): string {
  const width = String(sheet.codes.length).length;
  const lines = sheet.codes.map((code, i) => `${String(i + 1).padStart(width, ' ')}. ${code}`);
  return [sheet.heading, sheet.generatedAt, '', ...lines, '', sheet.note, ''].join('\n');
}

/** sealbridge-recovery-codes-<yyyy-mm-dd>.txt (UTC date). */
export function recoveryCodesFileName(when: Date): string {
  return `sealbridge-recovery-codes-${when.toISOString().slice(0, 10)}.txt`;
}
