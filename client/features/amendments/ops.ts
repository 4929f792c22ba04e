/** The colour of an amendment's operation (shade chosen for 4.5:1 contrast with white text). */
export const OP_COLOR = { add: 'bio.7', update: 'indigo.8', remove: 'red.9' } as const;
/** The sign beside an operation: added, changed, removed. */
export const OP_MARK = { add: '+', update: '~', remove: '−' } as const;
