/**
 * GraphiQL without the internet: yoga's GraphiQL page loads its script, styles and editor
 * workers from a CDN, which a machine without outside access (or a careful deployment)
 * cannot reach. This plugin serves the same files from the installed
 * `@graphql-yoga/graphiql` package under /graphiql/, and `renderLocalGraphiQL` points the page
 * at them. Only the files the package ships are served; any other path under /graphiql/ is 404.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderGraphiQL, type GraphiQLOptions, type Plugin } from 'graphql-yoga';

export const GRAPHIQL_ASSETS_PATH = '/graphiql/';

const DIST = path.join(path.dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')), 'dist');
const CDN = /https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g;
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** Every file of the package's dist/, by its path relative to it. */
function assets(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(DIST, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(DIST, full).split(path.sep).join('/'), full);
  }
  return files;
}

/**
 * The GraphiQL page with its assets served from this server and no outside favicon. The
 * page opens on `defaultQuery` (yoga's page reads the first tab from `query`).
 */
export function renderLocalGraphiQL(options: GraphiQLOptions): string {
  const opening = { query: options.defaultQuery } as Partial<GraphiQLOptions>;
  return renderGraphiQL({ favicon: 'data:,', ...opening, ...options }).replace(CDN, GRAPHIQL_ASSETS_PATH);
}

export function useLocalGraphiQL(): Plugin {
  const files = assets();
  const cache = new Map<string, string>();
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS_PATH) || request.method !== 'GET') return;
      const name = decodeURIComponent(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length));
      const file = files.get(name);
      if (!file) return endResponse(new fetchAPI.Response('Not found', { status: 404 }));
      let body = cache.get(name);
      if (!body) cache.set(name, (body = readFileSync(file, 'utf8')));
      endResponse(
        new fetchAPI.Response(body, {
          status: 200,
          headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=86400' },
        }),
      );
    },
  };
}
