import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Word/Excel → PDF with LibreOffice headless; unavailable when `soffice` does not run on this machine. */
export type OfficeConverter = {
  readonly available: boolean;
  /**
   * Converts the plaintext stream; `use` gets a readable of the PDF. The only place plaintext touches a disk: a
   * fresh 0700 directory under the OS temp dir holding the input, LibreOffice's profile and its output, removed in a
   * `finally` whatever happens (NOTES.md). Null when LibreOffice failed on the file.
   */
  convert<T>(plaintext: Readable, extension: string, use: (pdf: Readable) => Promise<T>): Promise<T | null>;
};

export function createOfficeConverter(options: { command?: string; timeoutMs?: number } = {}): OfficeConverter {
  const command = options.command ?? 'soffice';
  const probe = spawnSync(command, ['--version'], { timeout: 20_000, stdio: 'ignore' });
  const available = probe.status === 0;
  return {
    available,
    async convert(plaintext, extension, use) {
      if (!available) return null;
      const dir = await mkdtemp(join(tmpdir(), 'sealbridge-convert-'));
      try {
        const input = join(dir, `input.${extension}`);
        await pipeline(plaintext, createWriteStream(input, { mode: 0o600 }));
        const ok = await new Promise<boolean>((resolve) => {
          const child = spawn(
            command,
            [
              `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
              '--headless',
              '--norestore',
              '--convert-to',
              'pdf',
              '--outdir',
              join(dir, 'out'),
              input,
            ],
            { stdio: 'ignore', timeout: options.timeoutMs ?? 120_000 },
          );
          child.on('error', () => resolve(false));
          child.on('exit', (code) => resolve(code === 0));
        });
        const produced = ok ? (await readdir(join(dir, 'out')).catch(() => [])).find((f) => f.endsWith('.pdf')) : undefined;
        if (!produced) return null;
        const { createReadStream } = await import('node:fs');
        return await use(createReadStream(join(dir, 'out', produced)));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
