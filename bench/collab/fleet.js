/**
 * Editors of `npm run bench:collab`, in their own process (the bench runs one or more fleets): Yjs clients
 * on one document, against our api (`/collab` through @xieshang/collab-provider) or a stock Hocuspocus
 * server. Editors `first … first+count-1` of `total` live here; each types into its own Y.Text `e<i>` at
 * `rate` updates per second, and observes every other editor's text. The fleet reports, per update of any
 * editor, how many of its editors have it and when the last one got it; the bench merges fleets. Ours also
 * acknowledges each update once durable: the fleet times send → ack for its own editors.
 */
const Y = require('yjs');
const { io } = require('socket.io-client');
const { now, sleep } = require('../live/stats');

const send = (msg) => process.send(msg);

async function connectOurs({ url, documentId }, cookie) {
  const { CollabProvider } = require('@xieshang/collab-provider');
  const doc = new Y.Doc();
  const socket = io(`${url}/collab`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  const provider = new CollabProvider({ socket, documentId, doc });
  await provider.whenSynced();
  return { doc, flushed: () => provider.flushed(), close: () => (provider.destroy(), socket.close()) };
}

async function connectHocuspocus({ url, documentId }) {
  const { HocuspocusProvider, HocuspocusProviderWebsocket } = require('@hocuspocus/provider');
  const WebSocket = require('ws');
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider, name: documentId, document: doc });
  // with a websocket of its own (one per editor, as in separate browsers) the provider attaches explicitly
  provider.attach();
  await new Promise((resolve) => (provider.isSynced ? resolve() : provider.on('synced', resolve)));
  return { doc, flushed: null, close: () => (provider.destroy(), websocketProvider.destroy()) };
}

let state = null;

async function connect({ system, url, documentId, cookies, first, total }) {
  const editors = [];
  for (const cookie of cookies) editors.push(await (system === 'ours' ? connectOurs : connectHocuspocus)({ url, documentId }, cookie));
  const mine = (i) => i >= first && i < first + editors.length;
  // arrivals[j][seq] = [editors here that have it, time the last of them got it]
  const arrivals = Array.from({ length: total }, () => []);
  editors.forEach((e) => {
    for (let j = 0; j < total; j++) {
      if (e === editors[j - first]) continue;
      let seen = 0;
      const text = e.doc.getText(`e${j}`);
      text.observe(() => {
        const t = now();
        for (let seq = seen; seq < text.length; seq++) {
          const a = (arrivals[j][seq] ??= [0, 0]);
          a[0]++;
          a[1] = t;
        }
        seen = text.length;
      });
    }
  });
  state = { system, editors, first, total, mine, arrivals };
  send({ type: 'connected', editors: editors.length });
}

async function type({ rate, until }) {
  const { editors, first } = state;
  const interval = 1000 / rate;
  const sentAt = editors.map(() => []);
  const ack = [];
  let ackErrors = 0;
  await Promise.all(
    editors.map(async (e, k) => {
      const i = first + k;
      await sleep(Math.random() * interval);
      const text = e.doc.getText(`e${i}`);
      while (Date.now() < until) {
        const started = Date.now();
        const seq = text.length;
        const t = now();
        sentAt[k][seq] = t;
        text.insert(seq, String.fromCharCode(0x4e00 + ((i * 31 + seq) % 2000)));
        if (e.flushed) e.flushed().then(() => ack.push(now() - t), () => ackErrors++);
        await sleep(Math.max(0, interval - (Date.now() - started)));
      }
    }),
  );
  state.sentAt = sentAt;
  send({ type: 'typed', ack, ackErrors });
}

/** After the last updates had time to land: what arrived here, and what is missing. */
function report() {
  const { editors, first, total, arrivals, sentAt } = state;
  // per editor j: how many editors here should have its text, and how much of it they have altogether
  const receivers = [];
  const lengthSums = [];
  for (let j = 0; j < total; j++) {
    const others = editors.filter((e) => e !== editors[j - first]);
    receivers.push(others.length);
    lengthSums.push(others.reduce((n, e) => n + e.doc.getText(`e${j}`).length, 0));
  }
  for (const e of editors) e.close();
  send({ type: 'report', first, sentAt, arrivals, receivers, lengthSums });
  state = null;
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'connect') await connect(msg);
    else if (msg.type === 'type') await type(msg);
    else if (msg.type === 'report') report();
    else if (msg.type === 'exit') process.exit(0);
  } catch (e) {
    send({ type: 'error', error: String((e && e.stack) || e) });
  }
});
send({ type: 'ready' });
