/**
 * `npm run cli -- <command>`: operator commands. Each prints a result and exits 0, or prints one clear line
 * to stderr and exits non-zero. Commands never print personal data.
 */
type Command = { summary: string; run: (args: string[]) => Promise<number> };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const commands: Record<string, Command> = {
  'pii scan': {
    summary:
      'read text on stdin, print {"findings":[{"type","start","end"}]} (offsets in UTF-16 code units); --evasion also finds ' +
      'identifiers written to dodge a filter (一三八…, 138 我的 1234…, wang at qq dot com) and names the tricks per finding',
    run: async (args) => {
      const { scanToJson } = await import('@sealbridge/cn-identifiers');
      console.log(scanToJson(await readStdin(), { evasion: args.includes('--evasion') }));
      return 0;
    },
  },
  'audit verify': {
    summary: 'verify the audit trail against the exported checkpoints and other outside evidence (--help for options)',
    run: async (args) => {
      const cli = await import('./audit.ts');
      if (args.includes('--help')) {
        console.log(cli.VERIFY_USAGE);
        return 0;
      }
      return cli.verifyAudit(args);
    },
  },
  'audit witness': {
    summary: 'witness the log: poll its public checkpoint, check consistency, cosign, alarm on a fork (--help)',
    run: async (args) => {
      const cli = await import('./audit-witness.ts');
      if (args.includes('--help')) {
        console.log(cli.WITNESS_USAGE);
        return 0;
      }
      return cli.runWitness(args);
    },
  },
  'keys rotate': {
    summary: 'add and promote a new key-encryption key, then re-wrap every data key under it',
    run: async () => (await import('./keys.ts')).rotateKeys(),
  },
  'keys status': {
    summary: 'show the key-encryption keys and how many data keys each one wraps',
    run: async () => (await import('./keys.ts')).keyStatus(),
  },
  'vault erase': {
    summary: "crypto-shred a customer's personal data: --account <id> --reason <text>",
    run: async (args) => (await import('./keys.ts')).eraseAccount(args),
  },
  'backup create': {
    summary: 'back up the data store to --out <file> and the key store to <file>.keys, sealed under the root key',
    run: async (args) => (await import('./backup.ts')).backupCommand('create', args),
  },
  'backup verify': {
    summary: 'restore drill: backup verify <file> — authenticate, restore into a scratch store, verify the audit trail and row counts',
    run: async (args) => (await import('./backup.ts')).backupCommand('verify', args),
  },
  'backup restore': {
    summary: 'backup restore <file> --data-dir <dir> [--database-url <url>]: restore; a newer key store in the target is kept',
    run: async (args) => (await import('./backup.ts')).backupCommand('restore', args),
  },
  'demo totp': {
    summary: "print the current TOTP code of a demo staff account (the demo's published secret): demo totp <log-in>",
    run: async (args) => {
      const { DEMO_ACCOUNTS, demoTotpSecret } = await import('../demo/seed-demo.ts');
      const account = DEMO_ACCOUNTS.find((a) => a.kind === 'staff' && a.loginName === args[0]);
      if (!account) {
        console.error(
          `not a demo staff log-in: ${args[0] ?? '(none)'}; one of ${DEMO_ACCOUNTS.filter((a) => a.kind === 'staff')
            .map((a) => a.loginName)
            .join(', ')}`,
        );
        return 2;
      }
      const { generate } = await import('otplib');
      console.log(await generate({ secret: demoTotpSecret(account.loginName) }));
      return 0;
    },
  },
  'watermark identify': {
    summary: 'name the viewer a leaked data-room page (JPEG, PNG or PDF) was rendered for: watermark identify <file> [--json]',
    run: async (args) => (await import('./watermark.ts')).identifyLeak(args),
  },
  migrate: {
    summary: 'apply pending database migrations',
    run: async () => {
      await import('./migrate.ts');
      return 0;
    },
  },
};

function usage(): string {
  return ['usage: npm run cli -- <command> [args]', '', ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(16)} ${c.summary}`)].join(
    '\n',
  );
}

const [first, second, ...rest] = process.argv.slice(2);
const key = first && second && commands[`${first} ${second}`] ? `${first} ${second}` : first;
const command = key ? commands[key] : undefined;
if (!command) {
  console.error(first ? `unknown command: ${first}\n\n${usage()}` : usage());
  process.exit(2);
}
const args = key === first ? [second, ...rest].filter((a): a is string => a !== undefined) : rest;
process.exitCode = await command.run(args);
