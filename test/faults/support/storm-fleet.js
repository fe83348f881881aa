/**
 * A reconnect-storm client fleet: a child process holding many live clients, driven by
 * reconnect-storm.fault-spec.ts over IPC (test/faults/support/storm-fleets.ts is the parent side).
 *
 * Each client behaves like the web app's live client (apps/web/src/features/live/session/liveClient.ts), in
 * plain JS so a thousand of them fit in one process: socket.io with the app's jittered reconnection (the
 * parent reads the values from the app's own `tuneReconnection` and sends them here, so they cannot drift);
 * on every (re)connect `live:join` with the last applied version as `sinceVersion`; the catch-up (events or
 * a snapshot) and the broadcast deltas applied strictly in version order; an event ahead of the next version
 * waits `GAP_GRACE_MS`, then `live:sync` fills the gap. Instead of the reducer's state each client keeps the
 * trail of what it applied (the version of its last snapshot, then the clientCommandId of every event on top),
 * which the test compares with the live_events rows in PostgreSQL.
 */
const { performance } = require('node:perf_hooks');
const { io } = require('socket.io-client');

// mirrored from liveClient.ts (not exported there): how long a join/sync waits for its ack, how long an early
// event waits for the one before it, and how many syncs may leave a gap before a snapshot is fetched
const REQUEST_TIMEOUT_MS = 8_000;
const GAP_GRACE_MS = 200;
const MAX_SYNC_ROUNDS = 3;

const now = () => performance.timeOrigin + performance.now();
const send = (msg) => process.send(msg);

class StormClient {
  constructor(url, cookie, meetingId, mode, reconnection) {
    this.meetingId = meetingId;
    this.mode = mode;
    /** last applied version; undefined before the first snapshot */
    this.version = undefined;
    /** version of the last snapshot applied, and the clientCommandIds applied on top of it, in order */
    this.base = undefined;
    this.trail = [];
    /** events that came ahead of the next version: version -> clientCommandId */
    this.held = new Map();
    this.joining = false;
    this.syncing = false;
    this.syncRounds = 0;
    this.needSnapshot = false;
    this.gapTimer = undefined;
    /** the error code the last join answered with (the web app shows it until the next successful join) */
    this.error = null;
    this.joins = 0;
    this.rejoinedAt = 0;
    this.gaps = 0;
    this.syncs = 0;
    this.snapshots = 0;
    /** events that came in a join/sync answer rather than as a broadcast */
    this.caughtUp = 0;
    this.disconnects = 0;
    /** failed connection attempts (the api down or too busy to answer the handshake), joins without an answer in time */
    this.connectErrors = 0;
    this.joinTimeouts = 0;
    this.socket = io(url, {
      // as connectNamespace() in apps/web/src/lib/socket.ts
      transports: ['websocket', 'polling'],
      extraHeaders: { cookie },
      forceNew: true,
      reconnection: true,
      reconnectionDelay: reconnection.delay,
      reconnectionDelayMax: reconnection.delayMax,
      randomizationFactor: reconnection.randomizationFactor,
    });
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', () => this.disconnects++);
    this.socket.on('connect_error', () => this.connectErrors++);
    this.socket.on('live:event', (p) => this.onEvent(p));
  }

  get rejoined() {
    return this.rejoinedAt > 0 && this.socket.connected && !this.joining;
  }

  request(event, payload) {
    return this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(event, payload);
  }

  async join() {
    if (this.joining) return;
    this.joining = true;
    const fresh = this.needSnapshot || this.version === undefined;
    if (this.needSnapshot) this.held.clear();
    this.needSnapshot = false;
    let ack;
    try {
      ack = await this.request('live:join', { meetingId: this.meetingId, mode: this.mode, ...(!fresh && { sinceVersion: this.version }) });
    } catch {
      this.joinTimeouts++;
      ack = { error: { code: 'NETWORK' } };
    }
    this.joining = false;
    if (!ack || !ack.data) {
      const code = (ack && ack.error && ack.error.code) || 'INTERNAL';
      // a lost answer is asked again; a refusal stays on screen until the next connect (as in the web app)
      if (code === 'NETWORK' && this.socket.connected) return void this.join();
      this.error = code;
      return;
    }
    this.error = null;
    this.joins++;
    this.rejoinedAt = now();
    this.catchUp(ack.data.catchUp);
    this.handle();
  }

  async sync() {
    if (this.syncing || this.joining || this.version === undefined) return;
    this.syncing = true;
    this.syncs++;
    this.syncRounds++;
    let ack;
    try {
      ack = await this.request('live:sync', { meetingId: this.meetingId, sinceVersion: this.version });
    } catch {
      ack = undefined;
    }
    this.syncing = false;
    if (!ack || !ack.data) return this.restart();
    this.catchUp(ack.data);
    this.handle();
  }

  onEvent(p) {
    if (!p || p.meetingId !== this.meetingId) return;
    const v = p.event.version;
    if (this.version !== undefined && v <= this.version) return;
    this.held.set(v, p.event.command.clientCommandId);
    this.drain();
    // while a join or sync is under way an early event just waits: their answer fills the gap
    if (!this.joining && !this.syncing) this.handle();
  }

  catchUp(c) {
    if (c.kind === 'snapshot') {
      this.snapshots++;
      this.version = c.snapshot.version;
      this.base = c.snapshot.version;
      this.trail = [];
    } else {
      for (const e of c.events) {
        if (this.version === undefined || e.version <= this.version || this.held.has(e.version)) continue;
        this.held.set(e.version, e.command.clientCommandId);
        this.caughtUp++;
      }
    }
    this.drain();
  }

  /** Apply held events while the next version is there. */
  drain() {
    if (this.version === undefined) return;
    for (const v of this.held.keys()) if (v <= this.version) this.held.delete(v);
    for (let id = this.held.get(this.version + 1); id !== undefined; id = this.held.get(this.version + 1)) {
      this.held.delete(this.version + 1);
      this.version++;
      this.trail.push(id);
    }
  }

  handle() {
    if (this.held.size === 0) {
      this.syncRounds = 0;
      return;
    }
    if (this.version !== undefined && this.syncRounds < MAX_SYNC_ROUNDS) {
      if (this.gapTimer === undefined) {
        this.gaps++;
        this.gapTimer = setTimeout(() => {
          this.gapTimer = undefined;
          if (this.held.size > 0) void this.sync();
        }, GAP_GRACE_MS);
      }
      return;
    }
    this.restart();
  }

  /** Gaps that syncing did not close, or a failed sync: start over from a snapshot. */
  restart() {
    this.syncRounds = 0;
    this.needSnapshot = true;
    void this.join();
  }

  summary() {
    return {
      connected: this.socket.connected,
      version: this.version ?? -1,
      base: this.base ?? -1,
      trail: this.trail,
      held: this.held.size,
      error: this.error,
      joins: this.joins,
      gaps: this.gaps,
      syncs: this.syncs,
      snapshots: this.snapshots,
      caughtUp: this.caughtUp,
      disconnects: this.disconnects,
      connectErrors: this.connectErrors,
      joinTimeouts: this.joinTimeouts,
      rejoinedAt: this.rejoinedAt,
    };
  }

  close() {
    clearTimeout(this.gapTimer);
    this.socket.close();
  }
}

const clients = [];

/** Open the clients, `concurrency` first joins at a time (a hall filling up, not the storm). */
async function open({ url, meetingId, cookies, reconnection, concurrency }) {
  let next = 0;
  const worker = async () => {
    while (next < cookies.length) {
      const i = next++;
      // half in the room, half online (online joiners are checked in), as in bench/live/fleet.js
      const c = new StormClient(url, cookies[i], meetingId, i % 2 ? 'room' : 'remote', reconnection);
      clients.push(c);
      const deadline = Date.now() + 60_000;
      while (c.joins === 0 && c.error === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  send({ type: 'opened', joined: clients.filter((c) => c.joins > 0).length, errors: clients.filter((c) => c.error !== null).length });
}

process.on('message', (msg) => {
  if (msg.type === 'open') void open(msg);
  else if (msg.type === 'mark') {
    // just before the drop: from now on a join is a rejoin
    for (const c of clients) c.rejoinedAt = 0;
    send({ type: 'marked' });
  } else if (msg.type === 'status') {
    let rejoined = 0;
    let atVersion = 0;
    let errors = 0;
    for (const c of clients) {
      if (c.rejoined) rejoined++;
      if (c.version === msg.version && c.held.size === 0) atVersion++;
      if (c.error !== null) errors++;
    }
    send({ type: 'status', clients: clients.length, rejoined, atVersion, errors });
  } else if (msg.type === 'report') {
    send({ type: 'report', clients: clients.map((c) => c.summary()) });
  } else if (msg.type === 'exit') {
    for (const c of clients) c.close();
    process.exit(0);
  }
});
send({ type: 'ready' });
