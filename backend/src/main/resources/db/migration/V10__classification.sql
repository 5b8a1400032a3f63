-- Trained urgency/category models, agents' corrections, the "check urgency" flag.

-- Every trained model, versioned; exactly one is live. test_scores: its scores on the corpus test split.
CREATE TABLE classifier_models (
  version      bigserial PRIMARY KEY,
  created_at   timestamptz NOT NULL,
  created_by   bigint REFERENCES users (id),
  trained_on   integer NOT NULL,
  corrections  integer NOT NULL,
  test_scores  jsonb NOT NULL,
  model        bytea NOT NULL,
  active       boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX classifier_models_one_active ON classifier_models (active) WHERE active;

-- An agent's one-click correction of a conversation's urgency or category: who, when, what it was.
-- text is the buyer message the decision came from; it becomes training data for the next model.
CREATE TABLE classification_corrections (
  id               bigserial PRIMARY KEY,
  conversation_id  bigint NOT NULL REFERENCES conversations (id),
  account_id       text NOT NULL,
  text             text NOT NULL,
  language         text,
  was_urgent       boolean NOT NULL,
  was_category     text NOT NULL,
  urgent           boolean NOT NULL,
  category         text NOT NULL,
  corrected_by     bigint NOT NULL REFERENCES users (id),
  corrected_at     timestamptz NOT NULL
);
CREATE INDEX classification_corrections_account ON classification_corrections (account_id, corrected_at);

-- The classifier was unsure of the latest buyer message's urgency: the agent is asked to check it.
ALTER TABLE conversations ADD COLUMN check_urgency boolean NOT NULL DEFAULT false;
ALTER TABLE conversations ADD COLUMN urgency_confidence real;
