-- Readiness for a named role (issue 17): target roles with their expectations (a career
-- ladder's rows of focus area, competency and what is expected), the history of the
-- ratings of each expectation, and the evidence linked to it from the record. Like the
-- mobility tables, each takes its uid from a DEFAULT, and the export, the import and the
-- trash read them from the schema.

-- A role the user is growing toward ("Engineering Manager", level "L6"). Several may be
-- kept; at most one is current (the partial unique index says so).
CREATE TABLE target_roles (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = trim(title)),
    level           TEXT NOT NULL DEFAULT '' CHECK (length(level) <= 200 AND level = trim(level)),
    notes           TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    is_current      INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX target_roles_one_current ON target_roles (is_current) WHERE is_current = 1;

-- What the role expects, one row per expectation, in the ladder's order. A gap turned into
-- a goal or a resource to learn keeps its link here; deleting that goal or resource only
-- drops the link.
CREATE TABLE role_expectations (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    target_role_id  INTEGER NOT NULL REFERENCES target_roles (id) ON DELETE CASCADE,
    focus_area_id   INTEGER NOT NULL REFERENCES focus_areas (id) ON DELETE RESTRICT,
    competency      TEXT NOT NULL DEFAULT '' CHECK (length(competency) <= 200 AND competency = trim(competency)),
    expected        TEXT NOT NULL CHECK (length(trim(expected)) BETWEEN 1 AND 20000),
    position        INTEGER NOT NULL,
    goal_id         INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    resource_id     INTEGER REFERENCES resources (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX role_expectations_by_role ON role_expectations (target_role_id, position, id);
CREATE INDEX role_expectations_by_goal ON role_expectations (goal_id) WHERE goal_id IS NOT NULL;
CREATE INDEX role_expectations_by_resource ON role_expectations (resource_id) WHERE resource_id IS NOT NULL;

-- Every rating given to an expectation. The rating in force on a day is the latest with
-- rated_on on or before it (then the highest id), so the history answers "where did I
-- stand at the end of last quarter" as well as today.
CREATE TABLE expectation_ratings (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    expectation_id  INTEGER NOT NULL REFERENCES role_expectations (id) ON DELETE CASCADE,
    rating          TEXT NOT NULL CHECK (rating IN ('not_yet', 'partly', 'consistently', 'beyond')),
    note            TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
    rated_on        TEXT NOT NULL CHECK (date(rated_on) IS rated_on AND rated_on BETWEEN '1970-01-01' AND '2100-12-31'),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX expectation_ratings_by_expectation ON expectation_ratings (expectation_id, rated_on, id);

-- A piece of the record that shows an expectation is met: exactly one of the columns is
-- set, the one its kind names. Evidence goes with the record it points at (into the
-- trash with it, and back).
CREATE TABLE expectation_evidence (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    expectation_id   INTEGER NOT NULL REFERENCES role_expectations (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('win', 'story', 'feedback', 'resource', 'goal', 'conversation')),
    achievement_id   INTEGER REFERENCES achievements (id) ON DELETE CASCADE,
    story_id         INTEGER REFERENCES stories (id) ON DELETE CASCADE,
    feedback_id      INTEGER REFERENCES feedback_received (id) ON DELETE CASCADE,
    resource_id      INTEGER REFERENCES resources (id) ON DELETE CASCADE,
    goal_id          INTEGER REFERENCES goals (id) ON DELETE CASCADE,
    conversation_id  INTEGER REFERENCES conversations (id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((achievement_id IS NOT NULL) + (story_id IS NOT NULL) + (feedback_id IS NOT NULL)
           + (resource_id IS NOT NULL) + (goal_id IS NOT NULL) + (conversation_id IS NOT NULL) = 1),
    CHECK (CASE kind
        WHEN 'win' THEN achievement_id IS NOT NULL
        WHEN 'story' THEN story_id IS NOT NULL
        WHEN 'feedback' THEN feedback_id IS NOT NULL
        WHEN 'resource' THEN resource_id IS NOT NULL
        WHEN 'goal' THEN goal_id IS NOT NULL
        WHEN 'conversation' THEN conversation_id IS NOT NULL
    END),
    UNIQUE (expectation_id, achievement_id),
    UNIQUE (expectation_id, story_id),
    UNIQUE (expectation_id, feedback_id),
    UNIQUE (expectation_id, resource_id),
    UNIQUE (expectation_id, goal_id),
    UNIQUE (expectation_id, conversation_id)
);
CREATE INDEX expectation_evidence_by_achievement ON expectation_evidence (achievement_id) WHERE achievement_id IS NOT NULL;
CREATE INDEX expectation_evidence_by_story ON expectation_evidence (story_id) WHERE story_id IS NOT NULL;
CREATE INDEX expectation_evidence_by_feedback ON expectation_evidence (feedback_id) WHERE feedback_id IS NOT NULL;
CREATE INDEX expectation_evidence_by_resource ON expectation_evidence (resource_id) WHERE resource_id IS NOT NULL;
CREATE INDEX expectation_evidence_by_goal ON expectation_evidence (goal_id) WHERE goal_id IS NOT NULL;
CREATE INDEX expectation_evidence_by_conversation ON expectation_evidence (conversation_id) WHERE conversation_id IS NOT NULL;

-- An opening can name the target role it would be.
ALTER TABLE opportunities ADD COLUMN target_role_id INTEGER REFERENCES target_roles (id) ON DELETE SET NULL;
CREATE INDEX opportunities_by_target_role ON opportunities (target_role_id) WHERE target_role_id IS NOT NULL;

CREATE TRIGGER target_roles_touch AFTER UPDATE ON target_roles WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE target_roles SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER role_expectations_touch AFTER UPDATE ON role_expectations WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE role_expectations SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER expectation_ratings_touch AFTER UPDATE ON expectation_ratings WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE expectation_ratings SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER expectation_evidence_touch AFTER UPDATE ON expectation_evidence WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE expectation_evidence SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;

-- The trash takes target roles and expectations, made again the way the mobility
-- migration did (copies first, the old ones dropped children first, the copies renamed).
CREATE TABLE trash_v2 (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('plan', 'goal', 'milestone', 'win', 'resource', 'person',
                                                'one_on_one', 'opportunity', 'conversation',
                                                'target_role', 'expectation')),
    record_id     INTEGER NOT NULL,
    title         TEXT NOT NULL CHECK (length(title) <= 20000),
    contents      TEXT NOT NULL CHECK (length(contents) <= 20000),
    deleted_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    uid           TEXT,
    record_uid    TEXT,
    discarded_at  TEXT CHECK (discarded_at IS NULL OR length(discarded_at) <= 40)
);
CREATE TABLE trash_rows_v2 (
    id          INTEGER PRIMARY KEY,
    trash_id    INTEGER NOT NULL REFERENCES trash_v2 (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    table_name  TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    data        TEXT NOT NULL CHECK (json_valid(data)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (trash_id, position)
);
CREATE TABLE trash_links_v2 (
    id           INTEGER PRIMARY KEY,
    trash_id     INTEGER NOT NULL REFERENCES trash_v2 (id) ON DELETE CASCADE,
    table_name   TEXT NOT NULL,
    row_id       INTEGER NOT NULL,
    column_name  TEXT NOT NULL,
    value        INTEGER NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO trash_v2 (id, kind, record_id, title, contents, deleted_at, created_at, updated_at, uid, record_uid, discarded_at)
    SELECT id, kind, record_id, title, contents, deleted_at, created_at, updated_at, uid, record_uid, discarded_at FROM trash;
INSERT INTO trash_rows_v2 (id, trash_id, position, table_name, row_id, data, created_at, updated_at)
    SELECT id, trash_id, position, table_name, row_id, data, created_at, updated_at FROM trash_rows;
INSERT INTO trash_links_v2 (id, trash_id, table_name, row_id, column_name, value, created_at, updated_at)
    SELECT id, trash_id, table_name, row_id, column_name, value, created_at, updated_at FROM trash_links;
DROP TABLE trash_links;
DROP TABLE trash_rows;
DROP TABLE trash;
ALTER TABLE trash_v2 RENAME TO trash;
ALTER TABLE trash_rows_v2 RENAME TO trash_rows;
ALTER TABLE trash_links_v2 RENAME TO trash_links;
CREATE INDEX trash_by_time ON trash (deleted_at, id);
CREATE INDEX trash_links_by_trash ON trash_links (trash_id);
CREATE UNIQUE INDEX trash_by_uid ON trash (uid);
CREATE INDEX trash_by_record_uid ON trash (record_uid);
CREATE TRIGGER trash_touch AFTER UPDATE ON trash WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE trash SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER trash_rows_touch AFTER UPDATE ON trash_rows WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE trash_rows SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER trash_links_touch AFTER UPDATE ON trash_links WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE trash_links SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER trash_uid AFTER INSERT ON trash WHEN NEW.uid IS NULL
BEGIN UPDATE trash SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;

-- The activity log names target roles and expectations too: its trigger learns them.
DROP TRIGGER activity_entity_uid;
CREATE TRIGGER activity_entity_uid AFTER INSERT ON activity WHEN NEW.entity_uid IS NULL
BEGIN UPDATE activity SET entity_uid = CASE NEW.entity
        WHEN 'plan' THEN (SELECT uid FROM plans WHERE id = NEW.entity_id)
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = NEW.entity_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = NEW.entity_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = NEW.entity_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = NEW.entity_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = NEW.entity_id)
        WHEN 'feedback' THEN CASE NEW.action WHEN 'received_unasked' THEN (SELECT uid FROM feedback_received WHERE id = NEW.entity_id)
                                  ELSE (SELECT uid FROM feedback_requests WHERE id = NEW.entity_id) END
        WHEN 'one_on_one' THEN (SELECT uid FROM one_on_ones WHERE id = NEW.entity_id)
        WHEN 'opportunity' THEN (SELECT uid FROM opportunities WHERE id = NEW.entity_id)
        WHEN 'conversation' THEN (SELECT uid FROM conversations WHERE id = NEW.entity_id)
        WHEN 'target_role' THEN (SELECT uid FROM target_roles WHERE id = NEW.entity_id)
        WHEN 'expectation' THEN (SELECT uid FROM role_expectations WHERE id = NEW.entity_id)
    END
    WHERE id = NEW.id AND CASE NEW.entity
        WHEN 'plan' THEN (SELECT uid FROM plans WHERE id = NEW.entity_id)
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = NEW.entity_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = NEW.entity_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = NEW.entity_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = NEW.entity_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = NEW.entity_id)
        WHEN 'feedback' THEN CASE NEW.action WHEN 'received_unasked' THEN (SELECT uid FROM feedback_received WHERE id = NEW.entity_id)
                                  ELSE (SELECT uid FROM feedback_requests WHERE id = NEW.entity_id) END
        WHEN 'one_on_one' THEN (SELECT uid FROM one_on_ones WHERE id = NEW.entity_id)
        WHEN 'opportunity' THEN (SELECT uid FROM opportunities WHERE id = NEW.entity_id)
        WHEN 'conversation' THEN (SELECT uid FROM conversations WHERE id = NEW.entity_id)
        WHEN 'target_role' THEN (SELECT uid FROM target_roles WHERE id = NEW.entity_id)
        WHEN 'expectation' THEN (SELECT uid FROM role_expectations WHERE id = NEW.entity_id)
    END IS NOT NULL; END;

-- Search covers roles and expectations, kept in step by triggers like every other kind.

-- target role
CREATE TRIGGER search_target_roles_insert AFTER INSERT ON target_roles BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (11000000000000 + NEW.id, 'target_role', NEW.id, NEW.title, NEW.level || ' ' || NEW.notes);
END;
CREATE TRIGGER search_target_roles_update AFTER UPDATE OF title, level, notes ON target_roles BEGIN
    DELETE FROM search_index WHERE rowid = 11000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (11000000000000 + NEW.id, 'target_role', NEW.id, NEW.title, NEW.level || ' ' || NEW.notes);
END;
CREATE TRIGGER search_target_roles_delete AFTER DELETE ON target_roles BEGIN
    DELETE FROM search_index WHERE rowid = 11000000000000 + OLD.id;
END;

-- expectation
CREATE TRIGGER search_role_expectations_insert AFTER INSERT ON role_expectations BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (12000000000000 + NEW.id, 'expectation', NEW.id, NEW.expected, NEW.competency);
END;
CREATE TRIGGER search_role_expectations_update AFTER UPDATE OF expected, competency ON role_expectations BEGIN
    DELETE FROM search_index WHERE rowid = 12000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (12000000000000 + NEW.id, 'expectation', NEW.id, NEW.expected, NEW.competency);
END;
CREATE TRIGGER search_role_expectations_delete AFTER DELETE ON role_expectations BEGIN
    DELETE FROM search_index WHERE rowid = 12000000000000 + OLD.id;
END;
