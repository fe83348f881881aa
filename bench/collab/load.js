/**
 * Load time of a document with a long update log, before and after compaction (part of bench:collab).
 * `rows` typing updates are made with Yjs here and written straight into the log (collab_updates), as if
 * that many edits had been acknowledged. Each load opens a document the api has never held in memory
 * (a cold load: snapshot + remaining rows from PostgreSQL) and times open → synced.
 *  - before: a few copies of the full log (each load also makes the api compact that copy);
 *  - after: the compacted snapshot the api wrote for the first copy, copied to fresh documents.
 */
const Y = require('yjs');
const { io } = require('socket.io-client');
const { now, summarize, sleep } = require('../live/stats');

const BEFORE_COPIES = 5;
const CHUNK = 5000;

/**
 * A minute-taker's log: runs of typing at a cursor that jumps around, backspaces, and now and then a
 * sentence selected and deleted (rewriting). Deterministic (fixed seed), so every run loads the same doc.
 */
function typingUpdates(rows) {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const doc = new Y.Doc();
  const updates = [];
  doc.on('update', (u) => updates.push(Buffer.from(u)));
  const text = doc.getText('bench');
  let cursor = 0;
  let run = 0;
  while (updates.length < rows) {
    if (run <= 0) {
      cursor = Math.floor(rnd() * (text.length + 1));
      run = 1 + Math.floor(rnd() * 80);
      if (rnd() < 0.25 && text.length > 200) {
        const len = Math.min(text.length - cursor, 20 + Math.floor(rnd() * 120));
        if (len > 0) text.delete(cursor, len);
        continue;
      }
    }
    run--;
    if (rnd() < 0.08 && cursor > 0) text.delete(--cursor, 1);
    else text.insert(cursor++, String.fromCharCode(0x4e00 + (updates.length % 5000)));
  }
  return { updates, text: text.toString() };
}

async function openCold(url, cookie, documentId) {
  const { CollabProvider } = require('@xieshang/collab-provider');
  const socket = io(`${url}/collab`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const doc = new Y.Doc();
  const t0 = now();
  const provider = new CollabProvider({ socket, documentId, doc });
  await provider.whenSynced();
  const ms = now() - t0;
  const text = doc.getText('bench').toString();
  provider.destroy();
  socket.close();
  return { ms, text };
}

async function measureLoad({ api, db, memberIds, cookie, rows, loads, seedDocument }) {
  const { updates, text } = typingUpdates(rows);
  const copies = [];
  for (let c = 0; c < BEFORE_COPIES; c++) {
    const id = await seedDocument(db, memberIds, `压测：长日志 ${c + 1}`);
    for (let i = 0; i < updates.length; i += CHUNK) {
      await db.query(`INSERT INTO collab_updates (document_id, update) SELECT $1, u FROM unnest($2::bytea[]) AS u`, [id, updates.slice(i, i + CHUNK)]);
    }
    copies.push(id);
  }
  const before = [];
  for (const id of copies) {
    const r = await openCold(api.url, cookie, id);
    if (r.text !== text) throw new Error(`document ${id} loaded with different content`);
    before.push(r.ms);
  }

  // wait for the api to fold the first copy's log into a snapshot
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM collab_updates WHERE document_id = $1`, [copies[0]])).rows;
    const [snap] = (await db.query(`SELECT 1 FROM collab_snapshots WHERE document_id = $1`, [copies[0]])).rows;
    if (snap && n < rows / 100) break;
    if (Date.now() > deadline) throw new Error(`no compaction of ${rows} rows within 120 s (${n} rows left)`);
    await sleep(500);
  }
  const [{ bytes, left }] = (
    await db.query(
      `SELECT length(s.state) AS bytes, (SELECT count(*)::int FROM collab_updates u WHERE u.document_id = s.document_id) AS left
         FROM collab_snapshots s WHERE s.document_id = $1`,
      [copies[0]],
    )
  ).rows;
  const after = [];
  for (let i = 0; i < loads; i++) {
    const id = await seedDocument(db, memberIds, `压测：已压缩 ${i + 1}`);
    await db.query(`INSERT INTO collab_snapshots (document_id, state) SELECT $1, state FROM collab_snapshots WHERE document_id = $2`, [id, copies[0]]);
    await db.query(`INSERT INTO collab_updates (document_id, update) SELECT $1, update FROM collab_updates WHERE document_id = $2 ORDER BY id`, [id, copies[0]]);
    const r = await openCold(api.url, cookie, id);
    if (r.text !== text) throw new Error(`compacted copy ${id} loaded with different content`);
    after.push(r.ms);
  }
  return { rows, text_chars: text.length, snapshot_bytes: Number(bytes), rows_left_after_compaction: left, before: summarize(before), after: summarize(after) };
}

module.exports = { measureLoad };
