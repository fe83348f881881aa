/**
 * The peer for `npm run bench:collab`: a stock Hocuspocus server (in memory, no persistence, no auth),
 * as people run it, on its own process and port. Prints `listening <port>` once it accepts connections.
 */
const { Server } = require('@hocuspocus/server');

const port = Number(process.argv[2] || 0);
const server = new Server({ port, address: '127.0.0.1', quiet: true });
server.listen().then(() => process.stdout.write(`listening ${server.address.port}\n`));
process.on('SIGTERM', () => server.destroy().then(() => process.exit(0)));
