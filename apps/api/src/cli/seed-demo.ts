import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { prepareDatabase } from '../bootstrap';
import { dataSourceOptions } from '../database/data-source';
import { seedDemo } from '../seed/seed-demo';

/** `npm run seed:demo`: put the demo committee into the configured database (idempotent). */
async function run() {
  const config = loadConfig();
  const db = await prepareDatabase({ ...config, SEED_DEMO: 'false' }, console.log);
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  try {
    const logins = await seedDemo(ds);
    console.log('Demo data seeded. Logins (password xieshang-demo):\n' + logins.map((l) => `  ${l.email}  ${l.role}`).join('\n'));
  } finally {
    await ds.destroy();
    await db.embedded?.stop();
  }
}
run().catch((e) => {
  console.error(e);
  process.exit(1);
});
