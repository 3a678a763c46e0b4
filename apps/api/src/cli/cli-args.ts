/** Every value of a repeatable `--name value` option, in order. */
export function optionValues(args: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === name && args[i + 1] !== undefined) values.push(args[++i] as string);
  return values;
}

/** The last value of `--name value`, or undefined. */
export function optionValue(args: readonly string[], name: string): string | undefined {
  return optionValues(args, name).at(-1);
}

/** Names of options this command does not know (typos must not silently weaken a check). */
export function unknownOptions(args: readonly string[], withValue: readonly string[], flags: readonly string[]): string[] {
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (withValue.includes(arg)) i++;
    else if (!flags.includes(arg)) unknown.push(arg);
  }
  return unknown;
}
