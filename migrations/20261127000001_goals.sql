-- Goals under the seven focus areas, with their tags, evidence links, check-ins and
-- milestones, and the self-assessments taken when a quarter opens and closes.
-- Deleting a plan deletes its goals; deleting a goal deletes its milestones, check-ins,
-- tags and links (ON DELETE CASCADE), which is what the confirmation dialogs say.

CREATE TABLE goals (
    id                    INTEGER PRIMARY KEY,
    plan_id               INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    focus_area_id         INTEGER NOT NULL REFERENCES focus_areas (id) ON DELETE RESTRICT,
    title                 TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = trim(title)),
    why                   TEXT NOT NULL DEFAULT '' CHECK (length(why) <= 20000),
    measure               TEXT NOT NULL DEFAULT 'done' CHECK (measure IN ('done', 'metric')),
    metric_name           TEXT CHECK (metric_name IS NULL OR length(metric_name) BETWEEN 1 AND 200),
    metric_unit           TEXT NOT NULL DEFAULT '' CHECK (length(metric_unit) <= 200),
    baseline              REAL,
    target                REAL,
    due_on                TEXT CHECK (due_on IS NULL OR (date(due_on) IS due_on
                                      AND due_on BETWEEN '1970-01-01' AND '2100-12-31')),
    status                TEXT NOT NULL DEFAULT 'not_started'
                          CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
    priority              TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
    -- The goal this one was carried over from when a quarter closed.
    carried_from_goal_id  INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (measure = 'done' OR (metric_name IS NOT NULL AND baseline IS NOT NULL
                                AND target IS NOT NULL AND target <> baseline))
);
CREATE INDEX goals_by_plan ON goals (plan_id, focus_area_id);
CREATE INDEX goals_by_origin ON goals (carried_from_goal_id);

CREATE TABLE goal_facets (
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    facet_id    INTEGER NOT NULL REFERENCES facets (id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (goal_id, facet_id)
);

CREATE TABLE goal_principles (
    goal_id       INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    principle_id  INTEGER NOT NULL REFERENCES principles (id) ON DELETE RESTRICT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (goal_id, principle_id)
);

CREATE TABLE goal_links (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    url         TEXT NOT NULL CHECK (length(url) <= 2048 AND (url LIKE 'http://%' OR url LIKE 'https://%')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX goal_links_by_goal ON goal_links (goal_id);

CREATE TABLE check_ins (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL CHECK (date(on_date) IS on_date AND on_date BETWEEN '1970-01-01' AND '2100-12-31'),
    -- The metric's value that day; NULL for done/not-done goals.
    value       REAL,
    confidence  INTEGER NOT NULL CHECK (confidence BETWEEN 1 AND 5),
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX check_ins_by_goal ON check_ins (goal_id, on_date, id);

CREATE TABLE milestones (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = trim(title)),
    due_on      TEXT CHECK (due_on IS NULL OR (date(due_on) IS due_on
                            AND due_on BETWEEN '1970-01-01' AND '2100-12-31')),
    done_on     TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX milestones_by_goal ON milestones (goal_id, position);
CREATE INDEX milestones_by_due ON milestones (due_on) WHERE done_on IS NULL;

CREATE TABLE self_assessments (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    focus_area_id  INTEGER NOT NULL REFERENCES focus_areas (id) ON DELETE RESTRICT,
    phase          TEXT NOT NULL CHECK (phase IN ('opening', 'closing')),
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (plan_id, focus_area_id, phase)
);

CREATE TRIGGER goals_touch AFTER UPDATE ON goals WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE goals SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER goal_links_touch AFTER UPDATE ON goal_links WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE goal_links SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER check_ins_touch AFTER UPDATE ON check_ins WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE check_ins SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER milestones_touch AFTER UPDATE ON milestones WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE milestones SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER self_assessments_touch AFTER UPDATE ON self_assessments WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE self_assessments SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
