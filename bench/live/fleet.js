/**
 * A client fleet: a separate process holding many socket.io clients, driven by bench.js over IPC.
 * It connects groups of clients (`live`: with a session cookie each, joining the meeting over /live;
 * `baseline`: plain connections to the bare server), and for each event version tells the parent
 * when the last client of the group has it.
 */
const { io } = require('socket.io-client');
const { now } = require('./stats');

/** group name -> { sockets, counts: version -> clients that have it, gaps } */
const groups = new Map();
const send = (msg) => process.send(msg);

function open(url, cookie) {
  return new Promise((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000, extraHeaders: cookie ? { cookie } : {} });
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e) => {
      s.close();
      reject(e);
    });
  });
}

/** Connect the clients, at most `concurrency` handshakes at a time; live clients also join the meeting. */
async function connectGroup({ group: name, url, cookies, meetingId, concurrency }) {
  const g = { sockets: [], counts: new Map(), gaps: 0 };
  groups.set(name, g);
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < cookies.length) {
      const i = next++;
      try {
        const s = await open(url, cookies[i]);
        let last = -1;
        s.on('live:event', (p) => {
          const v = p.event.version;
          if (last >= 0 && v !== last + 1) g.gaps++;
          last = v;
          const n = (g.counts.get(v) || 0) + 1;
          g.counts.set(v, n);
          if (n === g.sockets.length) send({ type: 'delivered', group: name, v, t: now() });
        });
        if (meetingId) {
          // half in the room, half online (remote joiners are checked in)
          const ack = await s.timeout(60_000).emitWithAck('live:join', { meetingId, mode: process.env.BENCH_JOIN_MODE || (i % 2 ? 'room' : 'remote') });
          if (!ack.data) throw new Error(JSON.stringify(ack.error));
          const cu = ack.data.catchUp;
          last = cu.kind === 'snapshot' ? cu.snapshot.version : (cu.events.at(-1)?.version ?? -1);
        }
        g.sockets.push(s);
      } catch (e) {
        failures++;
        if (failures <= 3) send({ type: 'log', message: `client ${i} failed: ${e && e.message}` });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  send({ type: 'joined', group: name, t: now(), joined: g.sockets.length, failures });
}

process.on('message', async (msg) => {
  if (msg.type === 'connect') await connectGroup(msg);
  else if (msg.type === 'report') {
    const g = groups.get(msg.group);
    const missing = msg.versions.filter((v) => (g.counts.get(v) || 0) < g.sockets.length);
    send({ type: 'report', group: msg.group, clients: g.sockets.length, missing, gaps: g.gaps });
  } else if (msg.type === 'close') {
    for (const g of groups.values()) for (const s of g.sockets) s.close();
    groups.clear();
    send({ type: 'closed' });
  } else if (msg.type === 'exit') process.exit(0);
});
send({ type: 'ready' });
