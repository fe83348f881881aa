import { loadConfig } from '../config/config';
import { prepareDatabase } from '../bootstrap';

/** `npm run migrate`: apply pending migrations to the configured database and exit. */
prepareDatabase({ ...loadConfig(), SEED_DEMO: 'false' }, console.log)
  .then((db) => db.embedded?.stop())
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
