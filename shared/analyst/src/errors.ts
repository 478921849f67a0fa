/** A query parameter that passed its schema but cannot be used (a stale or forged cursor): a 400, naming it. */
export class BadQueryError extends Error {
  override name = 'BadQueryError';
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(`${param}: ${message}`);
  }
}
