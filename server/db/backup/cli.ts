// npm run backup -- <file>   |   npm run restore -- <file>
// Reads the same environment as the server (DATABASE_URL, or BIOPLAN_DATA_DIR for PGlite).
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { createDb } from '../client.js';
import { writeBackup } from './backup.js';
import { restoreBackup } from './restore.js';

async function main() {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('Cách dùng / usage: npm run backup -- <tệp.bioplan.gz> | npm run restore -- <tệp.bioplan.gz>');
    process.exit(2);
  }
  const config = loadConfig();
  const started = performance.now();
  // With PGlite this takes the data directory's lock: the server must be stopped meanwhile.
  const database = await createDb({
    databaseUrl: config.databaseUrl,
    dataDir: path.resolve(config.dataDir),
    poolSize: 2,
  });
  try {
    const target = path.resolve(file);
    const figures =
      command === 'backup'
        ? await writeBackup(database, path.resolve(config.filesDir), target)
        : await restoreBackup(database, path.resolve(config.filesDir), target);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${command === 'backup' ? 'Đã sao lưu / backed up' : 'Đã khôi phục / restored'} ${target} (${database.kind}): ` +
        `${figures.tables} bảng/tables, ${figures.rows} dòng/rows, ${figures.files} tệp/files ` +
        `(${figures.fileBytes} bytes)${figures.backupBytes ? `, ${figures.backupBytes} bytes nén/compressed` : ''}, ${seconds} s`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
