import { MigrationInterface, QueryRunner } from 'typeorm';

/** Topics issue (flow 1): public calls, topics, co-signers, supports, the screening history. */
export class Topics1764200000000 implements MigrationInterface {
  name = 'Topics1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE topic_calls (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      year int NOT NULL,
      title text NOT NULL,
      description text,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
      -- null: the organisation rule applies (plan rules, max topics per person per call)
      max_topics_per_person int CHECK (max_topics_per_person > 0),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    // Character bigrams of a text: a two-character Chinese search (养老, 停车) has no trigram to use,
    // so it is answered from a GIN index over these instead.
    await q.query(`CREATE FUNCTION topic_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}') FROM generate_series(1, char_length(t) - 1) AS i
    $$`);

    await q.query(`CREATE TABLE topics (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- unguessable id for the public status page (the uuid stays internal)
      public_id text NOT NULL UNIQUE,
      year int NOT NULL,
      title text NOT NULL,
      summary text NOT NULL,
      rationale text NOT NULL,
      category text NOT NULL CHECK (category IN ('consultation', 'supervision')),
      policy_area text NOT NULL,
      source text NOT NULL CHECK (source IN ('public_call', 'member', 'joint', 'sector', 'committee', 'department', 'office', 'party_committee')),
      state text NOT NULL DEFAULT 'submitted'
        CHECK (state IN ('submitted', 'screening', 'pooled', 'rejected', 'merged', 'shortlisted', 'selected', 'not_selected')),
      proposer_id uuid REFERENCES users(id) ON DELETE SET NULL,
      proposer_name text,
      show_name boolean NOT NULL DEFAULT true,
      contact_phone text,
      contact_email text,
      -- normalised phone or email: the per-person limit of a public call counts by it
      contact_key text,
      submitter_ip text,
      call_id uuid REFERENCES topic_calls(id) ON DELETE RESTRICT,
      sector_id uuid REFERENCES sectors(id) ON DELETE SET NULL,
      committee_id uuid REFERENCES committees(id) ON DELETE SET NULL,
      department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
      source_ref text,
      reject_reason text,
      merged_into_id uuid REFERENCES topics(id) ON DELETE SET NULL CHECK (merged_into_id <> id),
      support_count int NOT NULL DEFAULT 0 CHECK (support_count >= 0),
      co_signer_count int NOT NULL DEFAULT 0 CHECK (co_signer_count >= 0),
      -- what full-text search and similarity look at, lower-cased once here so searches use LIKE (ILIKE
      -- lower-cases every row again, which costs 10x on Chinese text); trigrams, not tsvector, since
      -- Chinese has no word breaks
      search_text text GENERATED ALWAYS AS (lower(title || ' ' || summary)) STORED,
      search_bigrams text[] GENERATED ALWAYS AS (topic_bigrams(lower(title || ' ' || summary))) STORED,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (state <> 'merged' OR merged_into_id IS NOT NULL),
      CHECK (state <> 'rejected' OR reject_reason IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX topics_board ON topics (year, state, created_at DESC)`);
    await q.query(`CREATE INDEX topics_created ON topics (created_at DESC, id)`);
    await q.query(`CREATE INDEX topics_source ON topics (source, created_at DESC)`);
    await q.query(`CREATE INDEX topics_year_source ON topics (year, source)`);
    await q.query(`CREATE INDEX topics_category_area ON topics (category, policy_area)`);
    await q.query(`CREATE INDEX topics_proposer ON topics (proposer_id)`);
    await q.query(`CREATE INDEX topics_call_contact ON topics (call_id, contact_key)`);
    await q.query(`CREATE INDEX topics_call_ip ON topics (submitter_ip, created_at) WHERE submitter_ip IS NOT NULL`);
    await q.query(`CREATE INDEX topics_merged_into ON topics (merged_into_id) WHERE merged_into_id IS NOT NULL`);
    await q.query(`CREATE INDEX topics_area ON topics (policy_area, created_at DESC)`);
    await q.query(`CREATE INDEX topics_search_trgm ON topics USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX topics_search_bigrams ON topics USING gin (search_bigrams)`);
    // Nearest titles first (KNN): the similar-topics panel reads a few dozen rows, not every shared trigram.
    await q.query(`CREATE INDEX topics_title_trgm ON topics USING gist (title gist_trgm_ops)`);

    await q.query(`CREATE TABLE topic_co_signers (
      topic_id uuid NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      state text NOT NULL DEFAULT 'invited' CHECK (state IN ('invited', 'confirmed', 'declined')),
      invited_at timestamptz NOT NULL DEFAULT now(),
      responded_at timestamptz,
      PRIMARY KEY (topic_id, user_id)
    )`);
    await q.query(`CREATE INDEX topic_co_signers_user ON topic_co_signers (user_id, state)`);

    await q.query(`CREATE TABLE topic_supports (
      topic_id uuid NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (topic_id, user_id)
    )`);
    await q.query(`CREATE INDEX topic_supports_user ON topic_supports (user_id)`);

    // Every intake and transition: who, when, from → to, comment (flow 1's audit trail, shown as history).
    await q.query(`CREATE TABLE topic_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      topic_id uuid NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
      action text NOT NULL,
      from_state text,
      to_state text,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      comment text,
      data jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX topic_events_topic ON topic_events (topic_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS topic_events, topic_supports, topic_co_signers, topics, topic_calls`);
    await q.query(`DROP FUNCTION IF EXISTS topic_bigrams(text)`);
  }
}
