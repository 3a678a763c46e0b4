import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A software WebAuthn authenticator for tests: one ES256 (P-256) credential, attestation format "none", and a
 * signature counter the test can set (to simulate a cloned key). It produces the JSON a browser would hand to
 * the server (RegistrationResponseJSON / AuthenticationResponseJSON). Never use outside tests.
 */
export type SoftwareAuthenticator = ReturnType<typeof createSoftwareAuthenticator>;

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

function coseEs256(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x ?? '', 'base64url')],
      [-3, Buffer.from(jwk.y ?? '', 'base64url')],
    ]),
  );
}

export function createSoftwareAuthenticator(options: { rpId: string; origin: string; counter?: number }) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const credentialId = randomBytes(32);
  const state = { counter: options.counter ?? 0 };
  const rpIdHash = sha256(options.rpId);

  function authData(flags: number, extra: Uint8Array = new Uint8Array()): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(state.counter);
    return Buffer.concat([rpIdHash, Buffer.from([flags]), count, extra]);
  }

  const clientData = (type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');

  return {
    state,
    credentialId: b64url(credentialId),

    /** navigator.credentials.create() for the given options' challenge. */
    register(challenge: string, origin = options.origin) {
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, coseEs256(publicKey)]);
      // Flags: user present (0x01) and attested credential data included (0x40).
      const data = authData(0x01 | 0x40, attested);
      const attestation = new Map<string, string | Map<string, string> | Uint8Array>();
      attestation.set('fmt', 'none');
      attestation.set('attStmt', new Map<string, string>());
      attestation.set('authData', data);
      const attestationObject = isoCBOR.encode(attestation);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', challenge, origin)),
          attestationObject: b64url(attestationObject),
          transports: ['internal' as const],
        },
        clientExtensionResults: {},
      };
    },

    /** navigator.credentials.get(): signs authenticatorData ‖ SHA-256(clientDataJSON) and bumps the counter. */
    authenticate(challenge: string, opts: { origin?: string; bump?: number } = {}) {
      state.counter += opts.bump ?? 1;
      const data = authData(0x01);
      const cdj = clientData('webauthn.get', challenge, opts.origin ?? options.origin);
      const signature = sign('sha256', Buffer.concat([data, sha256(cdj)]), privateKey);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        response: {
          clientDataJSON: b64url(cdj),
          authenticatorData: b64url(data),
          signature: b64url(signature),
        },
        clientExtensionResults: {},
      };
    },
  };
}
