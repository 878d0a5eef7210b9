/**
 * Reading a sub-command's options: node:util's parseArgs plus `--help`, with the command's
 * usage printed on a mistake (exit 2) or on request (exit 0).
 */

import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

type Values<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O }>>['values'];

/** The parsed options, or the exit code when the command should stop (help shown, or a mistake). */
export function commandOptions<const O extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  args: string[],
  options: O,
): { exit: number } | { exit?: undefined; values: Values<O> } {
  try {
    const { values } = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h', default: false } } as const });
    if ((values as { help?: boolean }).help) {
      process.stdout.write(usage);
      return { exit: 0 };
    }
    return { values: values as Values<O> };
  } catch (error) {
    process.stderr.write(`claimgraph ${command}: ${(error as Error).message}\n\n${usage}`);
    return { exit: 2 };
  }
}
