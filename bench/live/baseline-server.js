/**
 * The floor: a bare socket.io server with nothing between receiving a message and broadcasting it
 * to one room (no authentication, validation, database or reducer). Same socket.io version and
 * transport as the api. Started by bench.js as its own process; prints "ready <port>".
 */
const http = require('node:http');
const { Server } = require('socket.io');

const server = http.createServer();
const io = new Server(server, { transports: ['websocket'] });
io.on('connection', (socket) => {
  socket.join('room');
  // the host sends a payload of the live event's size; everyone in the room gets it, then the host's ack
  socket.on('bcast', (payload, ack) => {
    io.to('room').emit('live:event', payload);
    if (typeof ack === 'function') ack({ data: { version: payload.event.version } });
  });
});
server.listen(0, '127.0.0.1', () => console.log(`ready ${server.address().port}`));
// bench.js reads idle memory after a full GC (this process runs with --expose-gc)
process.on('message', (m) => {
  if (m === 'gc' && global.gc) global.gc();
  process.send?.('done');
});
process.on('SIGTERM', () => {
  io.close();
  server.close(() => process.exit(0));
});
