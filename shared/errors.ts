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
  /** A multipart body that cannot be parsed: boundary not matching, truncated, malformed part. */
  | 'MALFORMED_MULTIPART'
  /** A URL with a malformed percent-encoding (400), or a path parameter over the length limit (414). */
  | 'BAD_URL'
  | 'URI_TOO_LONG'
  /** Errors of the HTTP parser, before there is a request: 431, 408, 400. */
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'BAD_REQUEST'
  | 'INTERNAL_ERROR'
  /** An uploaded .xlsx/.docx refused before parsing: too many entries, too large inflated, or it outgrew the parser's caps (400). */
  | 'UNSAFE_ARCHIVE'
  /** GET /health/ready: the database does not answer or lacks a migration (503). */
  | 'NOT_READY'
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
