/**
 * The answer cache: a read answered once is answered again from memory, byte for byte, until
 * the graph changes.
 *
 * Answers are kept under the exact request (the Accept and Authorization headers, the URL and
 * the body) at one version of the graph. The first lookup at a newer version (every applied
 * write bumps it) drops everything kept before, so no answer outlives the graph it was read
 * from and none sits in memory after it can no longer be served. Only successful queries are
 * kept (see http-handler.ts); a hit skips parsing, validation, costing and execution.
 *
 * Room is bounded two ways, by answers and by bytes, least recently used first (lru-cache);
 * one answer may take at most a sixteenth of the bytes, so a few huge answers cannot push
 * out everything else.
 */

import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';

export interface Answer {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

export interface AnswerCacheOptions {
  /** Most answers kept. */
  max: number;
  /** Most bytes of answers (bodies and keys) kept. */
  maxBytes: number;
}

export class AnswerCache {
  readonly #answers: LRUCache<string, Answer>;
  #version = -1;

  constructor({ max, maxBytes }: AnswerCacheOptions) {
    this.#answers = new LRUCache<string, Answer>({
      max,
      maxSize: maxBytes,
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 16)),
      sizeCalculation: (answer, key) => answer.body.length + key.length,
    });
  }

  /** The key of a request's answer. */
  static keyOf(request: IncomingMessage, body: Buffer): string {
    return [request.headers.accept, request.headers.authorization, request.url, body.toString('utf8')].join('\u0000');
  }

  /** Answers kept, and the bytes they take. */
  get size(): { answers: number; bytes: number } {
    return { answers: this.#answers.size, bytes: this.#answers.calculatedSize };
  }

  /** The answer kept for a request at this version of the graph. */
  get(version: number, key: string): Answer | undefined {
    return this.#at(version) ? this.#answers.get(key) : undefined;
  }

  /** Keeps an answer read at a version; one from an older version than the newest seen is not kept. */
  put(version: number, key: string, answer: Answer): void {
    if (this.#at(version)) this.#answers.set(key, answer);
  }

  /** Whether `version` is the newest seen; a newer one first drops every answer kept. */
  #at(version: number): boolean {
    if (version < this.#version) return false;
    if (version > this.#version) {
      this.#answers.clear();
      this.#version = version;
    }
    return true;
  }
}
