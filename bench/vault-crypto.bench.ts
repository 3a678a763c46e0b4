/**
 * Vault crypto core against raw node:crypto (same primitive, cached KeyObject, same run) and against
 * ciphersweet-js (encrypt + one blind index of the same field). Goals: ratio ≥ 0.8 against raw node:crypto —
 * the header, AAD encoding, DEK cache lookup and strict base64url check must stay cheap — and faster than
 * ciphersweet-js. ciphersweet-js is an optional devDependency: when it is missing its entry says so.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { createEnvKeyProvider, openVaultKeyring } from '../apps/api/src/modules/vault/crypto/index.ts';
import { createMemoryKeyStore } from '../apps/api/test/fakes/memory-key-store.ts';
import { compare, result, type BenchResult, type BenchSuite } from './lib.ts';

const VALUE = '+8613812345678';
const CTX = { table: 'persons', column: 'mobile', recordId: '01890a5d-ac96-774b-bcce-b302099a8057' };
const SPEC = { table: 'persons', column: 'mobile', bits: 18 };
const UNIT = 'ops/s';
// Seven alternating rounds (best of each): the 2-core machine is shared, so more rounds steady the ratio.
const ROUNDS = { rounds: 7 };

async function openBenchKeyring() {
  const provider = createEnvKeyProvider(randomBytes(32).toString('base64'));
  const store = createMemoryKeyStore();
  store.putKeks((await openVaultKeyring({ provider, store })).bootstrapKekRing());
  const keyring = await openVaultKeyring({ provider, store });
  const { record } = await keyring.createDataKey();
  store.putDataKey(record);
  await keyring.dataKey(record.dekId); // warm the DEK cache: we measure the hot path
  return { keyring, dekId: record.dekId };
}

/** The minimal hand-written equivalent: AES-256-GCM, random nonce, fixed AAD, nonce|tag|ct as base64url. */
function rawGcm() {
  const key = createSecretKey(randomBytes(32));
  const aad = Buffer.from(`${CTX.table}\u0000${CTX.column}\u0000${CTX.recordId}`);
  const encrypt = (plaintext: string): string => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
  };
  const decrypt = (text: string): string => {
    const blob = Buffer.from(text, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
    decipher.setAAD(aad);
    decipher.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
  };
  return { encrypt, decrypt };
}

type CipherSweetField = { prepareForStorage(plaintext: string, aad?: string): Promise<[string, Record<string, string>]> };
type Ctor = new (...args: unknown[]) => unknown;
type CipherSweetModule = Record<'CipherSweet' | 'StringProvider' | 'ModernCrypto' | 'EncryptedField' | 'BlindIndex', Ctor>;

/** Loaded by a computed specifier so the typecheck and the run both survive the package being absent. */
async function loadCipherSweetField(): Promise<CipherSweetField | undefined> {
  const specifier = 'ciphersweet-js';
  let mod: { default?: unknown };
  try {
    mod = (await import(specifier)) as { default?: unknown };
  } catch {
    return undefined;
  }
  const cs = (mod.default ?? mod) as CipherSweetModule;
  const engine = new cs.CipherSweet(new cs.StringProvider(randomBytes(32).toString('hex')), new cs.ModernCrypto());
  // fastHash = true (BLAKE2b): the like-for-like counterpart of our HMAC index; the default is Argon2id.
  const index = new cs.BlindIndex(`${CTX.table}_${CTX.column}_bidx`, [], SPEC.bits, true);
  const field = new cs.EncryptedField(engine, CTX.table, CTX.column) as { addBlindIndex(index: unknown): CipherSweetField };
  return field.addBlindIndex(index);
}

const suite: BenchSuite = {
  name: 'vault-crypto',
  run: async () => {
    const { keyring, dekId } = await openBenchKeyring();
    const raw = rawGcm();
    const results: BenchResult[] = [];

    const enc = await compare(
      () => keyring.encryptField(dekId, CTX, VALUE),
      () => raw.encrypt(VALUE),
      ROUNDS,
    );
    results.push(
      result(
        'vault.field_encrypt',
        UNIT,
        enc.value,
        enc.baseline,
        'keyring.encryptField (DEK cache hit) vs raw createCipheriv with a cached KeyObject',
      ),
    );

    const ours = await keyring.encryptField(dekId, CTX, VALUE);
    const theirs = raw.encrypt(VALUE);
    const dec = await compare(
      () => keyring.decryptField(dekId, CTX, ours),
      () => raw.decrypt(theirs),
      ROUNDS,
    );
    results.push(
      result(
        'vault.field_decrypt',
        UNIT,
        dec.value,
        dec.baseline,
        'keyring.decryptField (DEK cache hit) vs raw createDecipheriv with a cached KeyObject',
      ),
    );

    const rawIndexKey = createSecretKey(randomBytes(32));
    const bidx = await compare(
      () => keyring.blindIndex(SPEC, VALUE),
      () => createHmac('sha256', rawIndexKey).update(VALUE).digest('hex').slice(0, 5),
      ROUNDS,
    );
    results.push(
      result(
        'vault.blind_index',
        UNIT,
        bidx.value,
        bidx.baseline,
        'keyring.blindIndex (18 bits) vs raw createHmac with a cached KeyObject',
      ),
    );

    const field = await loadCipherSweetField();
    if (!field) {
      const note = 'skipped: ciphersweet-js is not installed (add it as a devDependency to compare)';
      results.push({ name: 'vault.encrypt_plus_blind_index_vs_ciphersweet', value: 0, unit: UNIT, baseline: 0, ratio: 0, note });
    } else {
      const aad = `${CTX.table}.${CTX.column}.${CTX.recordId}`;
      const both = await compare(
        async () => [await keyring.encryptField(dekId, CTX, VALUE), keyring.blindIndex(SPEC, VALUE)],
        () => field.prepareForStorage(VALUE, aad),
        ROUNDS,
      );
      results.push(
        result(
          'vault.encrypt_plus_blind_index_vs_ciphersweet',
          UNIT,
          both.value,
          both.baseline,
          'encryptField + blindIndex vs ciphersweet-js 2.x ModernCrypto prepareForStorage (XChaCha20-Poly1305 + one fast BLAKE2b blind index)',
        ),
      );
    }
    return results;
  },
};

export default suite;
