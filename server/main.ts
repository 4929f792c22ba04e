import path from 'node:path';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createDb } from './db/client.js';
import { ensureAccounts } from './db/seed/accounts.js';
import { seedDemoActivities } from './db/seed/demo-activities.js';
import { seedDemoActivity } from './db/seed/demo-activity.js';
import { seedDemoEnterprises } from './db/seed/demo-enterprises.js';
import { seedDemoRegistries } from './db/seed/demo-registries.js';
import { seedReferenceData } from './db/seed/index.js';
import { notifyOverdueActivities } from './features/activities/index.js';
import { runReminderSchedule } from './features/reporting/index.js';
import { startBackgroundWork, type PeriodicTask } from './lib/background.js';
import { gracefulShutdown } from './shutdown.js';

/** The reporting module's reminders: every 15 minutes, once per slot across instances. */
const reminderSchedule: PeriodicTask = {
  name: 'reminder schedule',
  everyMs: 15 * 60_000,
  async run(db, config, now, log) {
    const sent = await runReminderSchedule(db, config, now);
    if (sent?.length) log.info({ reminders: sent.length }, 'reminders sent');
  },
};

/** Overdue activities: each unit is told once per activity (the rows are claimed by one UPDATE). */
const overdueActivities: PeriodicTask = {
  name: 'overdue activities',
  everyMs: 60 * 60_000,
  async run(db, _config, now, log) {
    const sent = await notifyOverdueActivities(db, now);
    if (sent) log.info({ activities: sent }, 'overdue activities notified');
  },
};

/** Process entry: config → database (migrations, reference data) → HTTP server. */
async function main() {
  const config = loadConfig();
  const database = await createDb({
    databaseUrl: config.databaseUrl,
    dataDir: path.resolve(config.dataDir),
    poolSize: config.databasePoolSize,
  });
  await seedReferenceData(database.db);
  await ensureAccounts(database.db, config, (line) => console.log(line));
  const app = await buildApp({ database, config });
  if (config.demo) {
    await seedDemoActivity(app, (line) => console.log(line)).catch((err) =>
      console.warn(`Dữ liệu minh họa không tạo được: ${err.message}`),
    );
    await seedDemoEnterprises(app, (line) => console.log(line)).catch((err) =>
      console.warn(`Doanh nghiệp minh họa không tạo được: ${err.message}`),
    );
    await seedDemoActivities(app, (line) => console.log(line)).catch((err) =>
      console.warn(`Hoạt động minh họa không tạo được: ${err.message}`),
    );
    await seedDemoRegistries(app, (line) => console.log(line)).catch((err) =>
      console.warn(`Sổ theo dõi minh họa không tạo được: ${err.message}`),
    );
  }
  const stopBackground = await startBackgroundWork({
    database,
    config,
    log: app.log,
    schedules: [reminderSchedule, overdueActivities],
  });
  const stop = gracefulShutdown({ app, database, stopBackground, timeoutMs: config.shutdownTimeoutMs });
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `bioplan: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.kind})`,
  );
}

main().catch((err) => {
  // A wrong configuration is one message naming every wrong variable; anything else, its message.
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
  process.exit(1);
});
