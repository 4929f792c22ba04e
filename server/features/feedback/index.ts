/**
 * The feedback module: the desk where the public and the units send feedback and the focal
 * department triages and answers it. Other modules use only what this file exports.
 */
export { feedbackRoutes } from './feedback.routes.js';
export {
  existingFeedbackIds,
  feedbackRefs,
  markAnsweredByAmendment,
  recordAmendmentLink,
} from './amendment-links.service.js';
export { listPublished } from './feedback.service.js';
export { canSeeFeedback, canSendFeedback, canTriageFeedback } from './policy.js';
export { recordReportFeedback } from './report-feedback.service.js';
export { reportDeskItems, type ReportDeskItem } from './report-feedback.queries.js';
