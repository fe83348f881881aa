import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const t of ['sectors', 'committees', 'departments']) {
      await q.query(`CREATE TABLE ${t} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        short_name text,
        description text,
        sort_order int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    }
    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      name text NOT NULL,
      password_hash text NOT NULL,
      roles text[] NOT NULL CHECK (cardinality(roles) > 0),
      is_standing_committee boolean NOT NULL DEFAULT false,
      sector_id uuid REFERENCES sectors(id),
      committee_id uuid REFERENCES committees(id),
      department_id uuid REFERENCES departments(id),
      phone text,
      affiliation text,
      active boolean NOT NULL DEFAULT true,
      locale text NOT NULL DEFAULT 'zh-CN',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX users_name_trgm ON users USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX users_sector ON users (sector_id)`);
    await q.query(`CREATE INDEX users_committee ON users (committee_id)`);
    await q.query(`CREATE INDEX users_department ON users (department_id)`);
    await q.query(`CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash bytea NOT NULL UNIQUE,
      csrf_token text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      ip text,
      user_agent text
    )`);
    await q.query(`CREATE INDEX sessions_user ON sessions (user_id)`);
    await q.query(`CREATE TABLE login_attempts (
      id bigserial PRIMARY KEY,
      email text NOT NULL,
      ip text NOT NULL,
      success boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX login_attempts_email ON login_attempts (email, at)`);
    await q.query(`CREATE INDEX login_attempts_ip ON login_attempts (ip, at)`);
    await q.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      data jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX audit_entity ON audit_log (entity, entity_id, at DESC)`);
    await q.query(`CREATE INDEX audit_at ON audit_log (at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'login_attempts', 'sessions', 'users', 'departments', 'committees', 'sectors']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
