/**
 * `npm run cli -- <command>`: operator commands. Each prints a result and exits 0, or prints one clear line
 * to stderr and exits non-zero. Commands never print personal data.
 */
type Command = { summary: string; run: (args: string[]) => Promise<number> };

const commands: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations',
    run: async () => {
      await import('./migrate.ts');
      return 0;
    },
  },
};

function usage(): string {
  return ['usage: npm run cli -- <command> [args]', '', ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(16)} ${c.summary}`)].join('\n');
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
