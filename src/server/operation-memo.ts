/**
 * Values that depend on nothing but a parsed document, the operation named and the variables
 * sent, such as an operation's cost: worked out once for each and kept, per document, while
 * yoga's parse cache keeps the document (see Memo for how each document's values are bounded).
 */

import type { DocumentNode } from 'graphql';
import { Memo } from '../memo.ts';

export interface OperationRequest {
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}

export class OperationMemo<V> {
  readonly #byDocument = new WeakMap<DocumentNode, Memo<string, V>>();
  readonly #perDocument: number;

  constructor(perDocument: number) {
    this.#perDocument = perDocument;
  }

  /** The value kept for this operation and these variables, worked out by `make` when there is none. */
  get(request: OperationRequest, make: () => V): V {
    let kept = this.#byDocument.get(request.document);
    if (!kept) this.#byDocument.set(request.document, (kept = new Memo(this.#perDocument)));
    return kept.get(`${request.operationName ?? ''}\u0000${JSON.stringify(request.variableValues ?? {})}`, make);
  }
}
