import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';

/** Who we are to authenticators: the RP id is PUBLIC_URL's host name, the expected origin its origin. */
export type RelyingParty = { rpId: string; rpName: string; origin: string };

export function relyingPartyFrom(publicUrl: string, rpName = 'Sealbridge 封桥'): RelyingParty {
  const url = new URL(publicUrl);
  return { rpId: url.hostname, rpName, origin: url.origin };
}

/** EdDSA, ES256, RS256 (COSE ids). Post-quantum algorithms are left out until runtimes support them stably. */
export const SUPPORTED_ALGORITHMS = [-8, -7, -257];
const TIMEOUT_MS = 120_000;

export type StoredCredential = { credentialId: string; publicKey: string; signCount: number; transports: string[] };
export type NewCredential = StoredCredential & { deviceType: 'singleDevice' | 'multiDevice'; backedUp: boolean; aaguid: string };
/** Consumes a stored challenge; true only once, and only while unexpired. */
export type ChallengeConsumer = (challenge: string) => Promise<boolean>;

/**
 * Signature-counter rule (WebAuthn L3 §6.1.1): an authenticator that does not count reports 0 every time (synced
 * passkeys do) and is accepted; otherwise the new count must be greater than the stored one, or the credential
 * may have been cloned and the assertion is refused.
 */
export function nextSignCount(stored: number, received: number): { ok: true; next: number } | { ok: false } {
  if (stored === 0 && received === 0) return { ok: true, next: 0 };
  return received > stored ? { ok: true, next: received } : { ok: false };
}

export function registrationOptions(
  rp: RelyingParty,
  user: { accountId: string; accountNo: string },
  existing: readonly StoredCredential[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    // The user handle is the opaque account id; name and display name are the pseudonymous account number.
    userID: new TextEncoder().encode(user.accountId),
    userName: user.accountNo,
    userDisplayName: user.accountNo,
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
  });
}

/** Verifies an attestation (format "none" or any the library checks); null when it does not verify. */
export async function verifyRegistration(
  rp: RelyingParty,
  response: RegistrationResponseJSON,
  consume: ChallengeConsumer,
): Promise<NewCredential | null> {
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: consume,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      // A passkey here is a second factor: possession (user presence) is what counts; verification is a bonus.
      requireUserVerification: false,
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
    if (!result.verified) return null;
    const info = result.registrationInfo;
    return {
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
      signCount: info.credential.counter,
      transports: response.response.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      aaguid: info.aaguid,
    };
  } catch {
    return null;
  }
}

export function authenticationOptions(
  rp: RelyingParty,
  credentials: readonly StoredCredential[],
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: rp.rpId,
    allowCredentials: credentials.map((c) => ({ id: c.credentialId, transports: c.transports })),
    timeout: TIMEOUT_MS,
    userVerification: 'preferred',
  });
}

export type AssertionOutcome = { ok: true; next: number } | { ok: false; reason: 'invalid' | 'counter_regressed' };

/**
 * Verifies an assertion by a stored credential. The library is given a zero counter so that the counter rule is
 * applied once, here (`nextSignCount`), where a regression can be told apart from a bad signature.
 */
export async function verifyAssertion(
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  credential: StoredCredential,
  consume: ChallengeConsumer,
): Promise<AssertionOutcome> {
  let received: number;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: consume,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      credential: {
        id: credential.credentialId,
        publicKey: Buffer.from(credential.publicKey, 'base64url'),
        counter: 0,
        transports: credential.transports,
      },
      requireUserVerification: false,
    });
    if (!result.verified) return { ok: false, reason: 'invalid' };
    received = result.authenticationInfo.newCounter;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const counted = nextSignCount(credential.signCount, received);
  return counted.ok ? counted : { ok: false, reason: 'counter_regressed' };
}
