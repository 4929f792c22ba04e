import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  BIOPLAN_DATA_DIR: z.string().default('./data'),
  /** Empty counts as unset (the embedded database). */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  /** Connections to the PostgreSQL server (with DATABASE_URL): about 2–5 per CPU core of the database. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  BIOPLAN_ADMIN_EMAIL: z.string().email().default('admin@bioplan.local'),
  BIOPLAN_ADMIN_PASSWORD: z.string().min(10).optional(),
  BIOPLAN_DEMO: z.enum(['0', '1']).default('0'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('bioplan <no-reply@bioplan.local>'),
  /** Days before and after the deadline on which reminders go out, e.g. "7,1,-1". */
  BIOPLAN_REMINDER_DAYS: z.string().default('7,3,1,-1,-3'),
  /** Public address of the platform, used in e-mail links. */
  BIOPLAN_PUBLIC_URL: z.string().default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize: number;
  adminEmail: string;
  adminPassword?: string;
  demo: boolean;
  smtpUrl?: string;
  mailFrom: string;
  reminderDays: number[];
  publicUrl: string;
  logLevel: string;
  /** Where attachments and generated documents are stored. */
  filesDir: string;
}

/** Reads the environment; a wrong value stops the start with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.BIOPLAN_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    adminEmail: e.BIOPLAN_ADMIN_EMAIL,
    adminPassword: e.BIOPLAN_ADMIN_PASSWORD,
    demo: e.BIOPLAN_DEMO === '1',
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    reminderDays: e.BIOPLAN_REMINDER_DAYS.split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n)),
    publicUrl: e.BIOPLAN_PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    filesDir: `${e.BIOPLAN_DATA_DIR}/files`,
  };
}
