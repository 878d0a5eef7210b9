/**
 * PostGraphile 5 (Amber preset) over the benchmark's PostgreSQL tables, served by grafserv on
 * node:http, as a user would run it in production: no GraphiQL, no explain, no watch mode.
 * `GET /health` answers 200 once the schema is built. Started by postgraphile-target.ts:
 *   DATABASE_URL=… PORT=… node test/bench/peers/postgraphile-server.ts
 */

import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.env.PORT);
const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL!, schemas: ['bench'], poolConfig: { max: 20 } })],
  grafserv: { port, host: '127.0.0.1', graphiql: false, watch: false, maxRequestLength: 1_000_000 },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
await serv.ready();
const handler = serv.createHandler();
const server = createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  handler(request, response);
});
server.listen(port, '127.0.0.1', () => console.log(`postgraphile ready on ${port}`));
if (process.env.PRINT_SCHEMA) {
  const { printSchema } = await import('graphql');
  const { schema } = await pgl.getSchemaResult();
  console.log(printSchema(schema));
}
process.once('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
});
