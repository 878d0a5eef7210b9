/**
 * Errors raised by the graph, named after what went wrong.
 *
 * `NotFoundGraphError` is a caller asking for something the graph does not hold;
 * `UsageGraphError` is a caller asking for something the graph cannot do (a depth past the
 * limit, a fact that contradicts the graph). Messages start with the method that raised them.
 */

export class GraphError extends Error {
  override name = 'GraphError';
}

export class NotFoundGraphError extends GraphError {
  override name = 'NotFoundGraphError';
}

export class UsageGraphError extends GraphError {
  override name = 'UsageGraphError';
}
