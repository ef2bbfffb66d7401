-- People the user works with, the feedback they ask them for, and feedback received
-- without asking. People who have feedback are archived, never deleted (RESTRICT).

CREATE TABLE people (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200 AND name = trim(name)),
    role             TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 200),
    team             TEXT NOT NULL DEFAULT '' CHECK (length(team) <= 200),
    relationship     TEXT NOT NULL DEFAULT 'peer'
                     CHECK (relationship IN ('manager', 'skip_level', 'peer', 'direct_report', 'mentor',
                                             'mentee', 'stakeholder', 'other')),
    notes            TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    cadence_days     INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 365),
    last_contact_on  TEXT CHECK (last_contact_on IS NULL OR date(last_contact_on) IS last_contact_on),
    is_my_manager    INTEGER NOT NULL DEFAULT 0 CHECK (is_my_manager IN (0, 1)),
    archived_on      TEXT CHECK (archived_on IS NULL OR date(archived_on) IS archived_on),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- At most one "my manager".
CREATE UNIQUE INDEX people_one_manager ON people (is_my_manager) WHERE is_my_manager = 1;

CREATE TABLE feedback_requests (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    focus_area_id  INTEGER NOT NULL REFERENCES focus_areas (id) ON DELETE RESTRICT,
    facet_id       INTEGER REFERENCES facets (id) ON DELETE RESTRICT,
    goal_id        INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    question       TEXT NOT NULL CHECK (length(trim(question)) BETWEEN 1 AND 20000),
    -- The message the user sends themselves (the app never sends anything).
    message        TEXT NOT NULL DEFAULT '' CHECK (length(message) <= 20000),
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'asked', 'received', 'declined')),
    asked_on       TEXT CHECK (asked_on IS NULL OR date(asked_on) IS asked_on),
    due_on         TEXT CHECK (due_on IS NULL OR (date(due_on) IS due_on AND due_on BETWEEN '1970-01-01' AND '2100-12-31')),
    response       TEXT NOT NULL DEFAULT '' CHECK (length(response) <= 20000),
    received_on    TEXT CHECK (received_on IS NULL OR date(received_on) IS received_on),
    takeaways      TEXT NOT NULL DEFAULT '' CHECK (length(takeaways) <= 20000),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (due_on IS NULL OR asked_on IS NULL OR due_on >= asked_on),
    CHECK (status <> 'received' OR received_on IS NOT NULL)
);
CREATE INDEX feedback_requests_by_person ON feedback_requests (person_id);
CREATE INDEX feedback_requests_by_status ON feedback_requests (status, due_on);
CREATE INDEX feedback_requests_by_goal ON feedback_requests (goal_id);

CREATE TABLE feedback_received (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    received_on    TEXT NOT NULL CHECK (date(received_on) IS received_on),
    what           TEXT NOT NULL CHECK (length(trim(what)) BETWEEN 1 AND 20000),
    tone           TEXT NOT NULL CHECK (tone IN ('positive', 'constructive')),
    focus_area_id  INTEGER REFERENCES focus_areas (id) ON DELETE RESTRICT,
    goal_id        INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    takeaways      TEXT NOT NULL DEFAULT '' CHECK (length(takeaways) <= 20000),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX feedback_received_by_person ON feedback_received (person_id, received_on);
CREATE INDEX feedback_received_by_goal ON feedback_received (goal_id);

CREATE TRIGGER people_touch AFTER UPDATE ON people WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE people SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER feedback_requests_touch AFTER UPDATE ON feedback_requests WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE feedback_requests SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER feedback_received_touch AFTER UPDATE ON feedback_received WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE feedback_received SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;

-- Takeaways turned into action: which goal, milestone or learning resource a piece of
-- feedback led to. Deleting either side removes only the link.
CREATE TABLE feedback_actions (
    id                    INTEGER PRIMARY KEY,
    feedback_request_id   INTEGER REFERENCES feedback_requests (id) ON DELETE CASCADE,
    feedback_received_id  INTEGER REFERENCES feedback_received (id) ON DELETE CASCADE,
    goal_id               INTEGER REFERENCES goals (id) ON DELETE CASCADE,
    milestone_id          INTEGER REFERENCES milestones (id) ON DELETE CASCADE,
    resource_id           INTEGER REFERENCES resources (id) ON DELETE CASCADE,
    created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((feedback_request_id IS NULL) + (feedback_received_id IS NULL) = 1),
    CHECK ((goal_id IS NOT NULL) + (milestone_id IS NOT NULL) + (resource_id IS NOT NULL) = 1)
);
CREATE INDEX feedback_actions_by_request ON feedback_actions (feedback_request_id);
CREATE INDEX feedback_actions_by_received ON feedback_actions (feedback_received_id);
CREATE INDEX feedback_actions_by_goal ON feedback_actions (goal_id);
CREATE INDEX feedback_actions_by_milestone ON feedback_actions (milestone_id);
