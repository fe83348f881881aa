/**
 * Bench data straight into the api's PostgreSQL: N members with a login session each (the token goes in
 * the cookie, only its SHA-256 is stored, as the api does), and one announced meeting inviting them all.
 * Logging N people in through the API would measure argon2, not the live session.
 */
const { createHash, randomBytes, randomUUID } = require('node:crypto');

const CHUNK = 1000;

async function seedMembers(db, n) {
  const sectors = (await db.query(`SELECT id FROM sectors ORDER BY sort_order`)).rows.map((r) => r.id);
  const [{ password_hash: hash }] = (await db.query(`SELECT password_hash FROM users WHERE email = 'member01@demo.local'`)).rows;
  const run = randomBytes(3).toString('hex');
  const cookies = [];
  const ids = [];
  for (let start = 0; start < n; start += CHUNK) {
    const size = Math.min(CHUNK, n - start);
    const emails = [];
    const names = [];
    const sectorIds = [];
    for (let i = 0; i < size; i++) {
      const k = start + i + 1;
      emails.push(`bench-${run}-${k}@bench.local`);
      names.push(`压测委员${k}`);
      sectorIds.push(sectors.length ? sectors[k % sectors.length] : null);
    }
    const rows = (
      await db.query(
        `INSERT INTO users (email, name, password_hash, roles, sector_id)
         SELECT e, n, $3, ARRAY['member'], s FROM unnest($1::text[], $2::text[], $4::uuid[]) AS v(e, n, s) RETURNING id`,
        [emails, names, hash, sectorIds],
      )
    ).rows;
    const tokens = rows.map(() => randomBytes(32).toString('base64url'));
    await db.query(
      `INSERT INTO sessions (token_hash, csrf_token, user_id, expires_at)
       SELECT h, c, u, now() + interval '1 day' FROM unnest($1::bytea[], $2::text[], $3::uuid[]) AS v(h, c, u)`,
      [tokens.map((t) => createHash('sha256').update(t).digest()), tokens.map(() => randomBytes(16).toString('base64url')), rows.map((r) => r.id)],
    );
    for (const [i, r] of rows.entries()) {
      ids.push(r.id);
      cookies.push(`xs_session=${tokens[i]}`);
    }
  }
  return { ids, cookies };
}

async function seedMeeting(db, memberIds) {
  const [type] = (await db.query(`SELECT id FROM meeting_types ORDER BY sort_order LIMIT 1`)).rows;
  const [chair] = (await db.query(`SELECT id FROM users WHERE email = 'chair@demo.local'`)).rows;
  const agenda = [
    { id: randomUUID(), title: '情况通报', kind: 'briefing' },
    { id: randomUUID(), title: '交流发言', kind: 'arranged_speeches' },
    { id: randomUUID(), title: '自由讨论', kind: 'free_discussion' },
  ];
  const [m] = (
    await db.query(
      `INSERT INTO meetings (type_id, title, state, starts_at, ends_at, host_id, agenda, mode)
       VALUES ($1, '压测：全体会议', 'materials_sent', now() + interval '5 minutes', now() + interval '3 hours', $2, $3, 'hybrid') RETURNING id`,
      [type.id, chair.id, JSON.stringify(agenda)],
    )
  ).rows;
  for (let start = 0; start < memberIds.length; start += CHUNK) {
    await db.query(`INSERT INTO meeting_invitations (meeting_id, user_id, state) SELECT $1, u, 'accepted' FROM unnest($2::uuid[]) AS u`, [m.id, memberIds.slice(start, start + CHUNK)]);
  }
  return m.id;
}

module.exports = { seedMembers, seedMeeting };
