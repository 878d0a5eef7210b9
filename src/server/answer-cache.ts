/**
 * The answer cache: a read answered once is answered again from memory, byte for byte, until
 * the graph changes.
 *
 * Answers are kept under the exact request (the graph's version, the Accept and Authorization
 * headers, the URL and the body), so every applied write, which bumps the version, retires
 * every answer from before it. Only successful queries are kept (see http-handler.ts); a hit
 * skips parsing, validation, costing and execution altogether.
 */

import type { IncomingMessage } from 'node:http';

export interface Answer {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

export interface AnswerCacheOptions {
  /** Most answers kept (least recently used go first). */
  max: number;
  /** Most bytes of answers kept. */
  maxBytes?: number;
}

export class AnswerCache {
  readonly #answers = new Map<string, Answer>();
  readonly #max: number;
  readonly #maxBytes: number;
  #bytes = 0;

  constructor({ max, maxBytes = 64 * 1024 * 1024 }: AnswerCacheOptions) {
    this.#max = max;
    this.#maxBytes = maxBytes;
  }

  /** The key of a request's answer at a version of the graph. */
  static keyOf(version: number, request: IncomingMessage, body: Buffer): string {
    return [version, request.headers.accept, request.headers.authorization, request.url, body.toString('utf8')].join('\u0000');
  }

  get size(): number {
    return this.#answers.size;
  }

  get(key: string): Answer | undefined {
    const hit = this.#answers.get(key);
    if (hit) {
      // Least recently used goes first: a hit moves to the back.
      this.#answers.delete(key);
      this.#answers.set(key, hit);
    }
    return hit;
  }

  /** Keeps an answer, unless it alone would take more than a sixteenth of the room. */
  put(key: string, answer: Answer): void {
    const size = answer.body.length + key.length;
    if (size > this.#maxBytes / 16 || this.#answers.has(key)) return;
    this.#answers.set(key, answer);
    this.#bytes += size;
    while (this.#answers.size > this.#max || this.#bytes > this.#maxBytes) {
      const [oldest, old] = this.#answers.entries().next().value!;
      this.#answers.delete(oldest);
      this.#bytes -= old.body.length + oldest.length;
    }
  }
}
