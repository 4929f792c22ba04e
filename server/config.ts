import { isIP } from 'node:net';
import { z } from 'zod';

// Every setting of the installation, read from the environment once at start (server/main.ts) and
// checked as a whole: a start with wrong values stops with ONE message naming every wrong variable
// (README, "Configuration"). Empty values count as unset.

const emptyAsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUnset, schema.optional());

/** Names proxy-addr knows for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** True for an IPv4/IPv6 address, a CIDR range (10.0.0.0/8, fd00::/8) or a named range. */
export function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  BIOPLAN_DATA_DIR: z.string().trim().min(1).default('./data'),
  /** Empty counts as unset (the embedded database). */
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// (must start with postgres://)')
      .pipe(z.url()),
  ),
  /** Connections to the PostgreSQL server (with DATABASE_URL): about 2–5 per CPU core of the database. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  BIOPLAN_ADMIN_EMAIL: z.email().default('admin@bioplan.local'),
  BIOPLAN_ADMIN_PASSWORD: optional(z.string().min(10)),
  BIOPLAN_DEMO: z.enum(['0', '1']).default('0'),
  SMTP_URL: optional(
    z
      .string()
      .trim()
      .regex(/^smtps?:\/\/[^/]/, 'phải có dạng smtp://… hoặc smtps://… (must be smtp://… or smtps://…)'),
  ),
  MAIL_FROM: z.string().trim().min(3).default('bioplan <no-reply@bioplan.local>'),
  /** Days before and after the deadline on which reminders go out, e.g. "7,1,-1". */
  BIOPLAN_REMINDER_DAYS: z
    .string()
    .default('7,3,1,-1,-3')
    .refine(
      (v) => list(v).every((s) => /^-?\d{1,3}$/.test(s)),
      'phải là các số nguyên cách nhau bởi dấu phẩy, ví dụ 7,3,1,-1 (comma-separated whole numbers)',
    ),
  /** Public address of the platform, used in e-mail links. */
  BIOPLAN_PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\//, 'phải bắt đầu bằng http:// hoặc https:// (must start with http:// or https://)')
    .pipe(z.url())
    .default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: addresses, CIDR
   * ranges or loopback/linklocal/uniquelocal, comma-separated. Unset: no proxy is trusted.
   */
  TRUST_PROXY: optional(
    z
      .string()
      .refine(
        (v) => list(v).length > 0 && list(v).every(isProxyAddress),
        'phải là danh sách địa chỉ IP hoặc dải CIDR cách nhau bởi dấu phẩy, ví dụ 10.0.0.5,10.1.0.0/16 (comma-separated IP addresses or CIDR ranges)',
      ),
  ),
  /** Bearer token that /metrics asks for; unset, /metrics answers 404. */
  METRICS_TOKEN: optional(z.string().trim().min(16, 'cần ít nhất 16 ký tự (at least 16 characters)')),
  /** How long a SIGTERM waits for requests in flight and running jobs before closing anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
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
  /** Proxies trusted for X-Forwarded-*; empty: none (the peer's address is the client's). */
  trustProxy: string[];
  /** Token of /metrics; undefined: /metrics is off (404). */
  metricsToken?: string;
  shutdownTimeoutMs: number;
}

/** The names of the variables this file reads (README "Configuration" lists each). */
export const CONFIG_VARIABLES = Object.keys(Env.shape);

/** A start refused for its configuration: `problems` names each wrong variable. */
export class ConfigError extends Error {
  constructor(readonly problems: Array<{ variable: string; message: string }>) {
    super(
      `Cấu hình không hợp lệ (invalid configuration), ${problems.length} biến cần sửa:\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Reads the environment; wrong values throw one ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const byVariable = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? '?');
      // One line per variable; the value is never printed (it may be a password or a token).
      if (!byVariable.has(variable)) byVariable.set(variable, issue.message);
    }
    throw new ConfigError([...byVariable].map(([variable, message]) => ({ variable, message })));
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
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    reminderDays: list(e.BIOPLAN_REMINDER_DAYS).map(Number),
    publicUrl: e.BIOPLAN_PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    filesDir: `${e.BIOPLAN_DATA_DIR}/files`,
    trustProxy: e.TRUST_PROXY ? list(e.TRUST_PROXY) : [],
    metricsToken: e.METRICS_TOKEN,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
