import { z } from 'zod';

/**
 * Request and response schemas of the second-factor routes (issue 5): the API validates with them and the web app
 * parses responses with them. Responses are allowlists (ADR 0004): a factor leaves as its id, kind and dates —
 * never a secret, a public key or a credential id.
 */
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/);
const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;

export const ZFactor = z.object({
  id: z.string(),
  kind: z.enum(['totp', 'webauthn']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  deviceType: z.enum(['singleDevice', 'multiDevice']).nullable(),
  backedUp: z.boolean().nullable(),
});
export type TFactor = z.infer<typeof ZFactor>;

export const ZFactorsListResponse = z.object({
  requirement: z.enum(['required', 'optional']),
  factors: z.array(ZFactor),
  recoveryCodesRemaining: z.number().int(),
});
export type TFactorsListResponse = z.infer<typeof ZFactorsListResponse>;

export const ZStartTotpResponse = z.object({
  factorId: z.string(),
  /** Base32, for typing into an app by hand; shown once. */
  secret: z.string(),
  /** otpauth://totp/Sealbridge:<account number>?… for the QR code; shown once. */
  otpauthUri: z.string(),
  expiresAt: z.string(),
});
export type TStartTotpResponse = z.infer<typeof ZStartTotpResponse>;

export const ZTotpCode = z.string().trim().min(6).max(12);

export const ZConfirmTotpRequest = z.object({ factorId: z.string().min(1).max(64), code: ZTotpCode });
export type TConfirmTotpRequest = z.infer<typeof ZConfirmTotpRequest>;

export const ZEnrolledFactorResponse = z.object({
  factor: ZFactor,
  /** The account's first factor comes with its recovery codes, shown this once; otherwise null. */
  recoveryCodes: z.array(z.string()).nullable(),
});
export type TEnrolledFactorResponse = z.infer<typeof ZEnrolledFactorResponse>;

export const ZFactorParams = z.object({ id: z.string().min(1).max(64) });

export const ZRecoveryCodesResponse = z.object({ codes: z.array(z.string()) });
export type TRecoveryCodesResponse = z.infer<typeof ZRecoveryCodesResponse>;

/** A credential the browser should exclude or allow (its id is opaque and public; the caller's own). */
const ZCredentialDescriptor = z.object({
  id: z.string(),
  type: z.string(),
  transports: z.array(z.string()).optional(),
});

/** PublicKeyCredentialCreationOptionsJSON, as @simplewebauthn/server produces it. */
export const ZRegistrationOptions = z.object({
  challenge: z.string(),
  rp: z.object({ id: z.string().optional(), name: z.string() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number().int() })),
  timeout: z.number().int().optional(),
  excludeCredentials: z.array(ZCredentialDescriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      requireResidentKey: z.boolean().optional(),
      userVerification: z.enum(['required', 'preferred', 'discouraged']).optional(),
    })
    .optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
  attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
  extensions: z.object({ credProps: z.boolean().optional() }).optional(),
});

/** PublicKeyCredentialRequestOptionsJSON. */
export const ZAuthenticationOptions = z.object({
  challenge: z.string(),
  rpId: z.string().optional(),
  timeout: z.number().int().optional(),
  allowCredentials: z.array(ZCredentialDescriptor).optional(),
  userVerification: z.enum(['required', 'preferred', 'discouraged']).optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
});

const ZClientExtensionResults = z.object({
  credProps: z.object({ rk: z.boolean().optional() }).optional(),
});

/** RegistrationResponseJSON from navigator.credentials.create() (e.g. @simplewebauthn/browser). */
export const ZRegistrationResponse = z.object({
  id: base64url(1024),
  rawId: base64url(1024),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(32_768),
    authenticatorData: base64url(32_768).optional(),
    transports: z.array(z.enum(TRANSPORTS)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(4096).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: ZClientExtensionResults,
});
export const ZRegistrationVerifyRequest = z.object({ response: ZRegistrationResponse });

/** AuthenticationResponseJSON from navigator.credentials.get(). */
export const ZAuthenticationResponse = z.object({
  id: base64url(1024),
  rawId: base64url(1024),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(2048),
    userHandle: base64url(1024).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: ZClientExtensionResults,
});

export const ZStepUpRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: ZTotpCode }),
  z.object({ method: z.literal('recovery'), code: z.string().trim().min(16).max(32) }),
  z.object({ method: z.literal('webauthn'), response: ZAuthenticationResponse }),
  z.object({ method: z.literal('password'), password: z.string().min(1).max(256) }),
]);
export type TStepUpRequest = z.infer<typeof ZStepUpRequest>;

export const ZStepUpResponse = z.object({
  method: z.enum(['totp', 'recovery', 'webauthn', 'password']),
  stepUpUntil: z.string(),
  recoveryCodesRemaining: z.number().int().nullable(),
});
export type TStepUpResponse = z.infer<typeof ZStepUpResponse>;
