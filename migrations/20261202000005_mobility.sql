-- Internal mobility and networking as records (issue 16): conversations with the people
-- in them, and a pipeline of openings inside the company with the history of their stages.
-- New tables take their uid from a DEFAULT (a UUIDv7 of the insert's time), so every
-- insert has one without a trigger; the export, the import and the trash read them from
-- the schema like every other table.

-- A conversation: a coffee chat, a mentoring session given or received, a skip-level, a
-- check-in on a cross-functional project, an event. At least one person (the app checks
-- it: a table cannot). A follow-up, when there is one, is due on or after the day.
CREATE TABLE conversations (
    id                 INTEGER PRIMARY KEY,
    uid                TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    kind               TEXT NOT NULL CHECK (kind IN ('coffee_chat', 'mentoring_given', 'mentoring_received',
                                                     'skip_level', 'project_check_in', 'event', 'other')),
    held_on            TEXT NOT NULL CHECK (date(held_on) IS held_on AND held_on BETWEEN '1970-01-01' AND '2100-12-31'),
    topic              TEXT NOT NULL CHECK (length(topic) BETWEEN 1 AND 200 AND topic = trim(topic)),
    discussed          TEXT NOT NULL DEFAULT '' CHECK (length(discussed) <= 20000),
    learned            TEXT NOT NULL DEFAULT '' CHECK (length(learned) <= 20000),
    -- The team or department it involved, for the "teams I worked with" view.
    team               TEXT NOT NULL DEFAULT '' CHECK (length(team) <= 200 AND team = trim(team)),
    follow_up          TEXT NOT NULL DEFAULT '' CHECK (length(follow_up) <= 200 AND follow_up = trim(follow_up)),
    follow_up_on       TEXT CHECK (follow_up_on IS NULL OR (date(follow_up_on) IS follow_up_on AND follow_up_on BETWEEN '1970-01-01' AND '2100-12-31')),
    follow_up_done_on  TEXT CHECK (follow_up_done_on IS NULL OR date(follow_up_done_on) IS follow_up_done_on),
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (follow_up_on IS NULL OR follow_up_on >= held_on),
    CHECK (follow_up_on IS NULL OR follow_up <> '')
);
CREATE INDEX conversations_by_day ON conversations (held_on DESC, id DESC);
CREATE INDEX conversations_by_follow_up ON conversations (follow_up_on)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_on IS NULL;

-- Who was in it. Removing a person (one with no history) takes their part with them, into
-- the trash.
CREATE TABLE conversation_people (
    conversation_id  INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    uid              TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (conversation_id, person_id)
);
CREATE INDEX conversation_people_by_person ON conversation_people (person_id, conversation_id);

-- An opening inside the company, from the day it was spotted to its end. `stage` is where
-- it stands; `opportunity_stages` keeps every change with its day. Stages only move
-- forward (the app checks it); the endings are declined, not selected and withdrawn.
CREATE TABLE opportunities (
    id                      INTEGER PRIMARY KEY,
    uid                     TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    title                   TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = trim(title)),
    team                    TEXT NOT NULL DEFAULT '' CHECK (length(team) <= 200 AND team = trim(team)),
    level                   TEXT NOT NULL DEFAULT '' CHECK (length(level) <= 200 AND level = trim(level)),
    url                     TEXT CHECK (url IS NULL OR (length(url) <= 2048 AND (url LIKE 'http://%' OR url LIKE 'https://%'))),
    -- Where I heard of it, and when.
    source                  TEXT NOT NULL DEFAULT 'other'
                            CHECK (source IN ('person', 'posting', 'event', 'conversation', 'other')),
    source_person_id        INTEGER REFERENCES people (id) ON DELETE SET NULL,
    source_conversation_id  INTEGER REFERENCES conversations (id) ON DELETE SET NULL,
    heard_on                TEXT CHECK (heard_on IS NULL OR (date(heard_on) IS heard_on AND heard_on BETWEEN '1970-01-01' AND '2100-12-31')),
    stage                   TEXT NOT NULL DEFAULT 'spotted' CHECK (stage IN ('spotted', 'researching', 'talked_to_hiring_manager', 'applied', 'interviewing', 'offer', 'accepted', 'declined', 'not_selected', 'withdrawn')),
    notes                   TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    next_step               TEXT NOT NULL DEFAULT '' CHECK (length(next_step) <= 200 AND next_step = trim(next_step)),
    next_step_on            TEXT CHECK (next_step_on IS NULL OR (date(next_step_on) IS next_step_on AND next_step_on BETWEEN '1970-01-01' AND '2100-12-31')),
    -- Off unless the user says so: an agenda may be shared with the manager.
    bring_to_one_on_one     INTEGER NOT NULL DEFAULT 0 CHECK (bring_to_one_on_one IN (0, 1)),
    created_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (next_step_on IS NULL OR next_step <> '')
);
CREATE INDEX opportunities_by_stage ON opportunities (stage, next_step_on);

-- Every change of stage, with its day: moved forward, ended, reopened. The newest one can
-- be taken back (undo), which puts `from_stage` back.
CREATE TABLE opportunity_stages (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    from_stage      TEXT CHECK (from_stage IS NULL OR from_stage IN ('spotted', 'researching', 'talked_to_hiring_manager', 'applied', 'interviewing', 'offer', 'accepted', 'declined', 'not_selected', 'withdrawn')),
    to_stage        TEXT NOT NULL CHECK (to_stage IN ('spotted', 'researching', 'talked_to_hiring_manager', 'applied', 'interviewing', 'offer', 'accepted', 'declined', 'not_selected', 'withdrawn')),
    changed_on      TEXT NOT NULL CHECK (date(changed_on) IS changed_on AND changed_on BETWEEN '1970-01-01' AND '2100-12-31'),
    reopened        INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1)),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX opportunity_stages_by_opportunity ON opportunity_stages (opportunity_id, id);

-- The people of an opening and their part in it.
CREATE TABLE opportunity_people (
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('hiring_manager', 'referrer', 'interviewer', 'other')),
    uid             TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (opportunity_id, person_id, role)
);
CREATE INDEX opportunity_people_by_person ON opportunity_people (person_id, opportunity_id);

-- What the role asks for.
CREATE TABLE opportunity_focus_areas (
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    focus_area_id   INTEGER NOT NULL REFERENCES focus_areas (id) ON DELETE RESTRICT,
    uid             TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (opportunity_id, focus_area_id)
);
CREATE TABLE opportunity_principles (
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    principle_id    INTEGER NOT NULL REFERENCES principles (id) ON DELETE RESTRICT,
    uid             TEXT NOT NULL UNIQUE DEFAULT (substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch('subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6)))),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (opportunity_id, principle_id)
);

-- A win can name the team it involved, like a conversation.
ALTER TABLE achievements ADD COLUMN team TEXT NOT NULL DEFAULT '' CHECK (length(team) <= 200);

CREATE TRIGGER conversations_touch AFTER UPDATE ON conversations WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE conversations SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER conversation_people_touch AFTER UPDATE ON conversation_people WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE conversation_people SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER opportunities_touch AFTER UPDATE ON opportunities WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE opportunities SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER opportunity_stages_touch AFTER UPDATE ON opportunity_stages WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE opportunity_stages SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER opportunity_people_touch AFTER UPDATE ON opportunity_people WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE opportunity_people SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER opportunity_focus_areas_touch AFTER UPDATE ON opportunity_focus_areas WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE opportunity_focus_areas SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER opportunity_principles_touch AFTER UPDATE ON opportunity_principles WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE opportunity_principles SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END;

-- The trash takes the two new kinds. Its kind CHECK can only change by making the table
-- again. Dropping it while trash_rows and trash_links point at it would delete their rows
-- (a DROP deletes first, and their keys cascade), so all three are made again: copies
-- first, then the old ones dropped children first, then the copies renamed (which points
-- the copies' references at the new name).
CREATE TABLE trash_v2 (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('plan', 'goal', 'milestone', 'win', 'resource', 'person',
                                                'one_on_one', 'opportunity', 'conversation')),
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

-- The activity log names opportunities and conversations too: its trigger learns them.
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
    END IS NOT NULL; END;
