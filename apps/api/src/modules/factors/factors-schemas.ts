/**
 * The factors routes' zod schemas live in the contracts (packages/contracts/src/factors.ts) so the web app parses
 * responses with the same allowlists; this module re-exports them for its own files.
 */
export {
  ZAuthenticationOptions,
  ZAuthenticationResponse,
  ZConfirmTotpRequest,
  ZEnrolledFactorResponse,
  ZFactor,
  ZFactorParams,
  ZFactorsListResponse,
  ZRecoveryCodesResponse,
  ZRegistrationOptions,
  ZRegistrationResponse,
  ZRegistrationVerifyRequest,
  ZStartTotpResponse,
  ZStepUpRequest,
  ZStepUpResponse,
  ZTotpCode,
} from '@sealbridge/contracts';
export type {
  TConfirmTotpRequest,
  TEnrolledFactorResponse,
  TFactor,
  TFactorsListResponse,
  TRecoveryCodesResponse,
  TStartTotpResponse,
  TStepUpRequest,
  TStepUpResponse,
} from '@sealbridge/contracts';
