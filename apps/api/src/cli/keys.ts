import { loadConfig } from '../platform/config/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { createVault, keyProviderFor } from '../modules/vault/index.ts';
import { openKeyStore, openStore } from '../runtime.ts';

/** Opens the stores and the vault for an operator command, and closes them after. */
async function withVault<T>(work: (vault: Awaited<ReturnType<typeof createVault>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  try {
    const vault = await createVault({
      db: database.db,
      keys: keys.db,
      provider: keyProviderFor({ rootKeyBase64: config.rootKeyBase64, dataDir: config.dataDir }),
      logger,
    });
    return await work(vault);
  } finally {
    await database.close();
    await keys.close();
  }
}

/**
 * `keys rotate`: adds a key-encryption key, promotes it, and re-wraps every data key under it. Field
 * ciphertexts are not touched and no plaintext is written; running servers pick the new KEK up on their next
 * ring reload (within a minute) or at once when they meet a data key wrapped by it.
 */
export async function rotateKeys(): Promise<number> {
  return withVault(async (vault) => {
    const kekId = await vault.rotateKek();
    const rewrapped = await vault.rewrapDataKeys();
    console.log(JSON.stringify({ currentKek: kekId, rewrappedDataKeys: rewrapped }));
    return 0;
  });
}

/** `keys status`: the KEK ring (ids, versions, statuses) and how many data keys each wraps. No key material. */
export async function keyStatus(): Promise<number> {
  return withVault(async (vault) => {
    const status = await vault.keyStatus();
    console.log(
      JSON.stringify({
        keyProvider: vault.keyProviderId,
        rootFingerprint: vault.rootFingerprint,
        keks: status.keks.map((k) => ({ kekId: k.kekId, version: k.version, status: k.status, createdAt: k.createdAt })),
        dataKeysByKek: status.dataKeysByKek,
      }),
    );
    return 0;
  });
}
