/**
 * Load test: the real server (production settings, default limits) driven for 60 s by 50
 * concurrent connections, 45 sending normal queries and 5 sending hostile ones. Reports the
 * requests served, errors on normal queries (which must be 0), p50/p99 latency of normal
 * queries, how the hostile ones were answered, and the server's peak RSS. Exits 1 if any normal
 * query failed. Not part of `npm test`; run with `node test/bench/load.bench.ts [seconds]`.
 */

import autocannon, { type Request, type Result } from 'autocannon';
import { startServer } from '../server/real-server.ts';
import { HOSTILE_REQUESTS, NORMAL_REQUESTS } from './load-requests.ts';

const seconds = Number(process.argv[2] ?? 60);
const CONNECTIONS = { normal: 45, hostile: 5 };

const server = await startServer({ CLAIMGRAPH_ENV: 'production' }, { keepOutput: false });
const baselineRss = server.rss();

const tally = { normalFailures: 0, failureSamples: [] as string[], hostileRefused: 0, hostileAnswered: 0 };

function normal(request: Request): Request {
  return {
    ...request,
    onResponse: (status, body) => {
      let failed = status !== 200;
      if (!failed) {
        const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
        failed = !parsed.data || (parsed.errors?.length ?? 0) > 0;
      }
      if (failed) {
        tally.normalFailures++;
        if (tally.failureSamples.length < 5) tally.failureSamples.push(`${status} ${body.slice(0, 300)}`);
      }
    },
  };
}

function hostile(request: Request): Request {
  return {
    ...request,
    onResponse: (status, body) => {
      const refused = status >= 400 || /"errors"/.test(body);
      if (refused) tally.hostileRefused++;
      else tally.hostileAnswered++;
    },
  };
}

function run(requests: Request[], connections: number): Promise<Result> {
  return autocannon({
    url: server.base,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    requests,
  });
}

let peakSampled = 0;
const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, server.rss())), 250);
const [normalResult, hostileResult] = await Promise.all([
  run(NORMAL_REQUESTS.map(normal), CONNECTIONS.normal),
  run(HOSTILE_REQUESTS.map(hostile), CONNECTIONS.hostile),
]);
clearInterval(sampler);
const peakRss = server.peakRss();
await server.stop();

const normalErrors = tally.normalFailures + normalResult.errors + normalResult.timeouts;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const report = {
  seconds,
  connections: CONNECTIONS.normal + CONNECTIONS.hostile,
  requestsServed: normalResult.requests.total + hostileResult.requests.total,
  normal: {
    requests: normalResult.requests.total,
    perSecond: Math.round(normalResult.requests.average),
    errors: normalErrors,
    latencyMs: { p50: normalResult.latency.p50, p99: normalResult.latency.p99, max: normalResult.latency.max },
  },
  hostile: {
    requests: hostileResult.requests.total,
    refused: tally.hostileRefused,
    answered: tally.hostileAnswered,
    connectionErrors: hostileResult.errors,
    timeouts: hostileResult.timeouts,
    latencyMs: { p50: hostileResult.latency.p50, p99: hostileResult.latency.p99 },
  },
  serverRss: { atStart: mb(baselineRss), peak: mb(Math.max(peakRss, peakSampled)) },
};
console.log(JSON.stringify(report, null, 2));
if (normalErrors > 0) {
  console.error(`${normalErrors} normal queries failed, e.g.:\n${tally.failureSamples.join('\n')}`);
  process.exit(1);
}
