import { createEnvKeyProvider, createFileKeyProvider, type KeyProvider } from './crypto/index.ts';

/** ROOT_KEY from the environment when set (containers), else the 0600 key file in DATA_DIR. */
export function keyProviderFor(options: { rootKeyBase64: string | undefined; dataDir: string }): KeyProvider {
  return options.rootKeyBase64 ? createEnvKeyProvider(options.rootKeyBase64) : createFileKeyProvider({ dir: options.dataDir });
}
