/** Input bounds shared by the forms and the server, so both refuse the same things. */
export const LIMITS = {
  name: 200,
  email: 254,
  passwordMin: 10,
  passwordMax: 128,
  search: 100,
  shortText: 500,
  longText: 20_000,
  reason: 2_000,
  pageSizeMax: 200,
  pageSizeDefault: 50,
  attachmentBytes: 20 * 1024 * 1024,
} as const;
