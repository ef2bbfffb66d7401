-- One-on-ones: meetings with a person, their agenda (generated from the activity log
-- and edited by the user), topics saved for the next meeting, and action items that
-- carry over until done.

CREATE TABLE one_on_ones (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    meets_on    TEXT NOT NULL CHECK (date(meets_on) IS meets_on AND meets_on BETWEEN '1970-01-01' AND '2100-12-31'),
    status      TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
    notes       TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    -- When the agenda was last drafted from the activity log.
    prepared_on TEXT CHECK (prepared_on IS NULL OR date(prepared_on) IS prepared_on),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX one_on_ones_by_person ON one_on_ones (person_id, meets_on);
CREATE INDEX one_on_ones_by_date ON one_on_ones (meets_on);

-- An agenda is one ordered list. Generated items carry the key of what they came from
-- ("achievement:12"), so preparing again adds only what is new; a generated item the user
-- removes stays as a hidden row so that it does not come back.
CREATE TABLE agenda_items (
    id             INTEGER PRIMARY KEY,
    one_on_one_id  INTEGER NOT NULL REFERENCES one_on_ones (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    section        TEXT NOT NULL CHECK (section IN ('wins', 'goals', 'milestones', 'learning', 'feedback',
                                                    'help', 'topics', 'follow_ups', 'career', 'mine')),
    text           TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
    source_kind    TEXT CHECK (source_kind IN ('goal', 'milestone', 'check_in', 'achievement', 'resource',
                                               'feedback_request', 'feedback_received', 'action_item')),
    source_id      INTEGER,
    source_key     TEXT,
    edited         INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    removed        INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    discussed      INTEGER NOT NULL DEFAULT 0 CHECK (discussed IN (0, 1)),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((source_kind IS NULL) = (source_id IS NULL))
);
CREATE UNIQUE INDEX agenda_items_key ON agenda_items (one_on_one_id, source_key) WHERE source_key IS NOT NULL;
CREATE INDEX agenda_items_by_meeting ON agenda_items (one_on_one_id, position);

-- "Add to next 1:1": a goal, check-in, feedback, win or milestone waiting for the next
-- meeting with a person; `one_on_one_id` is set when an agenda takes it.
CREATE TABLE topics (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    source_kind    TEXT NOT NULL CHECK (source_kind IN ('goal', 'milestone', 'check_in', 'achievement', 'resource',
                                                        'feedback_request', 'feedback_received')),
    source_id      INTEGER NOT NULL,
    text           TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000),
    one_on_one_id  INTEGER REFERENCES one_on_ones (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX topics_waiting ON topics (person_id, one_on_one_id);

CREATE TABLE action_items (
    id             INTEGER PRIMARY KEY,
    one_on_one_id  INTEGER NOT NULL REFERENCES one_on_ones (id) ON DELETE CASCADE,
    text           TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200 AND text = trim(text)),
    owner          TEXT NOT NULL DEFAULT 'me' CHECK (owner IN ('me', 'them')),
    due_on         TEXT CHECK (due_on IS NULL OR (date(due_on) IS due_on AND due_on BETWEEN '1970-01-01' AND '2100-12-31')),
    done_on        TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX action_items_by_meeting ON action_items (one_on_one_id);
CREATE INDEX action_items_open ON action_items (done_on);

CREATE TRIGGER one_on_ones_touch AFTER UPDATE ON one_on_ones WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE one_on_ones SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER agenda_items_touch AFTER UPDATE ON agenda_items WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE agenda_items SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER topics_touch AFTER UPDATE ON topics WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE topics SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER action_items_touch AFTER UPDATE ON action_items WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE action_items SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
