import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { DbOrTx } from '../db/client.js';
import { enqueueJob, registerJobHandler } from './jobs.js';
import { telemetry } from './telemetry.js';

/** One e-mail. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

/** The job kind that delivers an e-mail. */
export const MAIL_JOB = 'mail.send';

const transports = new Map<string, Transporter>();

/** True when SMTP_URL is set; without it, notices are in-app only. */
export function isMailConfigured(config: Pick<Config, 'smtpUrl'>): boolean {
  return Boolean(config.smtpUrl);
}

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/** Sends one e-mail now through SMTP_URL. Use `enqueueMail` from services instead. */
export async function sendMail(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, message: MailMessage): Promise<void> {
  if (!config.smtpUrl) throw new Error('SMTP_URL is not configured');
  try {
    await transportFor(config.smtpUrl).sendMail({
      from: config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
  } catch (err) {
    telemetry.emit('mail', { outcome: 'failed' });
    throw err;
  }
  telemetry.emit('mail', { outcome: 'sent' });
}

/**
 * Queues an e-mail inside the caller's transaction; the job worker sends it after commit and
 * retries on SMTP errors. Does nothing when SMTP is not configured. Returns the job id or null.
 */
export async function enqueueMail(
  db: DbOrTx,
  config: Pick<Config, 'smtpUrl'>,
  message: MailMessage,
): Promise<string | null> {
  if (!isMailConfigured(config) || message.to.length === 0) return null;
  return enqueueJob(db, { kind: MAIL_JOB, payload: message });
}

registerJobHandler<MailMessage>(MAIL_JOB, async ({ job, config }) => {
  await sendMail(config, job.payload);
  return { to: job.payload.to };
});
