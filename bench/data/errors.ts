/** A refusal the user can act on (missing DATABASE_URL, a bad argument, a database that holds data): printed as is. */
export class BenchDataError extends Error {
  override name = 'BenchDataError';
}
