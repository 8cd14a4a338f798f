/** Domain errors: adapters translate SDK errors into these, and the HTTP layer renders them. */

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** Another writer stored a different version first; nothing was written. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
}

/** A backend (DynamoDB, S3) is unreachable, throttling or failing: the request may be retried later. */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Data read back from storage does not match the schema. */
export class CorruptEntryError extends Error {
  override readonly name = 'CorruptEntryError';
}

/** A listing cursor that this store did not issue. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** An entry larger than the store can hold; nothing was written. */
export class EntryTooLargeError extends Error {
  override readonly name = 'EntryTooLargeError';
}

/** A listing query no store can answer (a bound that is not a datestamp). */
export class InvalidQueryError extends Error {
  override readonly name = 'InvalidQueryError';
}
