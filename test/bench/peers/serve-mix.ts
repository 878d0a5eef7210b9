/**
 * The HTTP shell the hand-written peers share: GET /health, and a POST whose JSON body names
 * the mix's operation and variables, answered as `{ data }` (or `{ errors }`) with
 * JSON.stringify. Nothing else, so the ceiling it sets is Node's own.
 */

import { createServer } from 'node:http';
import type { Operation, Variables } from '../query-mix.ts';

export function serveMix(name: string, answer: (operation: Operation, variables: Variables) => unknown): void {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const { operationName, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { operationName: Operation; variables: Variables };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: answer(operationName, variables) }));
      } catch (error) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      }
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`${name} ready on ${process.env.PORT}`));
}
