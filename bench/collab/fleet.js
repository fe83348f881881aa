/**
 * The editors of `npm run bench:collab`, in their own process: N Yjs clients on one document, against
 * our api (`/collab` through @xieshang/collab-provider) or a stock Hocuspocus server. Each editor types
 * into its own Y.Text at `rate` updates per second; every editor observes the others' texts, so the
 * fleet sees when each update has reached every other editor. Ours also acknowledges each update once
 * it is durable; the fleet times send → ack.
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

/**
 * One run: connect, type for `seconds`, wait for the last updates to land, report latencies and whether
 * every editor ended with every other editor's text.
 */
async function run({ system, url, documentId, cookies, rate, seconds }) {
  const n = cookies.length;
  const editors = [];
  for (const cookie of cookies) editors.push(await (system === 'ours' ? connectOurs : connectHocuspocus)({ url, documentId }, cookie));
  send({ type: 'log', message: `${system}: ${n} editors synced` });

  const sentAt = editors.map(() => []);
  const reached = editors.map(() => []);
  const broadcast = [];
  const delivery = [];
  const ack = [];
  editors.forEach((e, i) => {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let seen = 0;
      const text = e.doc.getText(`e${j}`);
      text.observe(() => {
        const t = now();
        for (let seq = seen; seq < text.length; seq++) {
          const sent = sentAt[j][seq];
          if (sent === undefined) continue;
          delivery.push(t - sent);
          reached[j][seq] = (reached[j][seq] ?? 0) + 1;
          if (reached[j][seq] === n - 1) broadcast.push(t - sent);
        }
        seen = text.length;
      });
    }
  });

  const interval = 1000 / rate;
  const until = Date.now() + seconds * 1000;
  let ackErrors = 0;
  await Promise.all(
    editors.map(async (e, i) => {
      await sleep(Math.random() * interval);
      const text = e.doc.getText(`e${i}`);
      while (Date.now() < until) {
        const started = Date.now();
        const seq = text.length;
        sentAt[i][seq] = now();
        text.insert(seq, String.fromCharCode(0x4e00 + ((i * 31 + seq) % 2000)));
        if (e.flushed) e.flushed().then(() => ack.push(now() - sentAt[i][seq]), () => ackErrors++);
        await sleep(Math.max(0, interval - (Date.now() - started)));
      }
    }),
  );
  send({ type: 'log', message: `${system}: typing done, waiting for the last updates` });
  await sleep(3000);
  const sent = sentAt.reduce((s, a) => s + a.length, 0);
  let missing = 0;
  for (const e of editors) for (let j = 0; j < n; j++) missing += Math.max(0, sentAt[j].length - e.doc.getText(`e${j}`).length);
  for (const e of editors) e.close();
  return { sent, missing, ackErrors, ack, delivery, broadcast };
}

process.on('message', async (msg) => {
  if (msg.type === 'run') {
    try {
      send({ type: 'result', ...(await run(msg)) });
    } catch (e) {
      send({ type: 'result', error: String((e && e.stack) || e) });
    }
  } else if (msg.type === 'exit') process.exit(0);
});
send({ type: 'ready' });
