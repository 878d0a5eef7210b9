#!/usr/bin/env node
/**
 * The `claimgraph` command line. Each sub-command lives in its own file under src/cli/
 * and exports `run(args: string[]): Promise<number>` returning the exit code.
 */

const COMMANDS: Record<string, { file: string; summary: string }> = {
  serve: { file: './serve.ts', summary: 'start the GraphQL server (same as npm start)' },
  schema: { file: './schema.ts', summary: 'print the GraphQL schema (--write, --check)' },
  check: { file: './check.ts', summary: 'load and validate data/ without serving' },
  ingest: { file: './ingest.ts', summary: 'read articles and show (or --write) what they state' },
  eval: { file: './eval.ts', summary: 'score the extractor against the labelled fixtures' },
  export: { file: './export.ts', summary: 'write the fact log as JSON Lines' },
  import: { file: './import.ts', summary: 'read a JSON Lines fact log into an empty store' },
  token: { file: './token.ts', summary: 'make a bearer token and its configuration line' },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: claimgraph <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(usage());
  process.exit(name ? 0 : 2);
}
const command = COMMANDS[name];
if (!command) {
  process.stderr.write(`claimgraph: unknown command "${name}"\n\n${usage()}`);
  process.exit(2);
}
const module = (await import(command.file)) as { run: (args: string[]) => Promise<number> };
process.exitCode = await module.run(args);
