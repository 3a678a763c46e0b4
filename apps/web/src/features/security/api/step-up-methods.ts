import type { TFactorsListResponse, TStepUpRequest } from '@sealbridge/contracts';

/**
 * The methods a step-up may use: the account's factor kinds, recovery codes while some remain; the password only
 * when there is no factor at all (the server refuses it otherwise). Unknown (the list failed): every method.
 */
export function stepUpMethods(factors: TFactorsListResponse | undefined): TStepUpRequest['method'][] {
  if (!factors) return ['totp', 'webauthn', 'recovery', 'password'];
  if (factors.factors.length === 0) return ['password'];
  const kinds = new Set(factors.factors.map((f) => f.kind));
  const methods: TStepUpRequest['method'][] = [];
  if (kinds.has('totp')) methods.push('totp');
  if (kinds.has('webauthn')) methods.push('webauthn');
  if (factors.recoveryCodesRemaining > 0) methods.push('recovery');
  return methods;
}
