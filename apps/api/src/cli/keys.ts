import { loadConfig } from '../platform/config/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import type { Vault } from '../modules/vault/index.ts';
import { createProfilesRepo } from '../modules/profiles/index.ts';
import { createServices, type Services } from '../services.ts';
import { openKeyStore, openStore } from '../runtime.ts';

/** Opens the stores and the vault for an operator command, and closes them after. */
async function withVault<T>(
  work: (vault: Vault, database: Awaited<ReturnType<typeof openStore>>, services: Services) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const database = await openStore(config, logger);
  const keys = await openKeyStore(config, logger);
  const services = await createServices({ config, database, keys, logger });
  try {
    return await work(services.vault, database, services);
  } finally {
    // Operator actions are on record before the command returns, with a checkpoint over them.
    await services.auditLog.stop();
    await services.auditLog.checkpointNow();
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

/**
 * `vault erase --account <id> --reason <text>`: crypto-shreds a customer's personal data (the data key is
 * destroyed; every copy of the ciphertexts, backups included, becomes unreadable) and records who and why.
 * For operators executing a verified deletion request until the rights-request workflow lands.
 */
export async function eraseAccount(args: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const accountId = flag('account');
  const reason = flag('reason');
  if (!accountId || !reason || reason.trim().length < 5) {
    console.error('usage: npm run cli -- vault erase --account <account id> --reason "<why, e.g. deletion request no.>"');
    return 2;
  }
  return withVault(async (vault, database, services) => {
    const profile = await createProfilesRepo(database.db).findByAccount(accountId);
    if (!profile) {
      console.error(`no personal data is held for account ${accountId}`);
      return 1;
    }
    const erased = !(await vault.findSubject(profile.subject_id))?.erased;
    // Every copy every module declares (outbox, messages, tickets, …), not only the profile's key.
    const report = await services.erasure.eraseAccount(
      accountId,
      { accountId: 'cli:operator', roles: ['operator'], kind: 'staff' },
      reason.trim(),
    );
    console.log(JSON.stringify({ ...report, subjectId: profile.subject_id, erased, alreadyErased: !erased }));
    return 0;
  });
}
