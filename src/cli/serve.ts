/**
 * `claimgraph serve`: the same as `npm start`.
 */

export async function run(): Promise<number> {
  await import('../server/main.ts');
  return 0;
}
