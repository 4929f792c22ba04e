/** Stable error codes of the API; clients switch on these, never on messages. */
export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'INVALID_CREDENTIALS'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_ERROR'
  | (string & {});

/** One issue of a refused input, with the path of the field it concerns. */
export interface ErrorIssue {
  path: string;
  message: string;
}

/** The one error envelope of every API response that is not a success. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
  requestId: string;
}
