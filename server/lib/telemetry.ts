import { EventEmitter } from 'node:events';

// What the library layer reports for the metrics (server/features/health/metrics.ts), without
// knowing about them: the job queue and the mailer emit, each app's metrics registry listens.

/** A job attempt's end: done, failed and retried later, or failed for good. */
export interface JobOutcome {
  kind: string;
  outcome: 'succeeded' | 'retried' | 'failed';
  seconds: number;
}

/** An e-mail handed to SMTP, or refused by it. */
export interface MailOutcome {
  outcome: 'sent' | 'failed';
}

export const telemetry = new EventEmitter<{ job: [JobOutcome]; mail: [MailOutcome] }>();
// One listener per app instance (tests build several).
telemetry.setMaxListeners(0);
