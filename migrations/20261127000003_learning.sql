-- The learning library: courses, books, certifications and the like, each with a
-- progress log. A resource's totals and status are derived from its log and kept on the
-- row (recomputed in the same transaction as every log change) so the library lists in
-- one query.

CREATE TABLE resources (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('course', 'book', 'certification', 'workshop',
                                                    'article', 'video', 'podcast', 'conference')),
    title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = trim(title)),
    provider          TEXT NOT NULL DEFAULT '' CHECK (length(provider) <= 200),
    url               TEXT CHECK (url IS NULL OR (length(url) <= 2048 AND (url LIKE 'http://%' OR url LIKE 'https://%'))),
    focus_area_id     INTEGER REFERENCES focus_areas (id) ON DELETE RESTRICT,
    total_units       REAL CHECK (total_units IS NULL OR total_units > 0),
    unit              TEXT NOT NULL DEFAULT 'lessons' CHECK (unit IN ('lessons', 'hours', 'pages', 'chapters')),
    target_on         TEXT CHECK (target_on IS NULL OR (date(target_on) IS target_on
                                  AND target_on BETWEEN '1970-01-01' AND '2100-12-31')),
    certificate_url   TEXT CHECK (certificate_url IS NULL OR (length(certificate_url) <= 2048
                                  AND (certificate_url LIKE 'http://%' OR certificate_url LIKE 'https://%'))),
    notes             TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    -- Set by hand: completed or dropped, whatever the log says. NULL: follow the log.
    manual_status     TEXT CHECK (manual_status IS NULL OR manual_status IN ('completed', 'dropped')),
    manual_on         TEXT CHECK (manual_on IS NULL OR date(manual_on) IS manual_on),
    -- Derived from the log by learning::recompute.
    units_done        REAL NOT NULL DEFAULT 0 CHECK (units_done >= 0),
    minutes_spent     INTEGER NOT NULL DEFAULT 0 CHECK (minutes_spent >= 0),
    status            TEXT NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'in_progress', 'completed', 'dropped')),
    completed_on      TEXT CHECK (completed_on IS NULL OR date(completed_on) IS completed_on),
    last_activity_on  TEXT CHECK (last_activity_on IS NULL OR date(last_activity_on) IS last_activity_on),
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX resources_by_identity ON resources (title COLLATE NOCASE, provider COLLATE NOCASE);
CREATE INDEX resources_by_activity ON resources (last_activity_on DESC, id DESC);
CREATE INDEX resources_by_completion ON resources (completed_on) WHERE completed_on IS NOT NULL;

CREATE TABLE resource_goals (
    resource_id  INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    goal_id      INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (resource_id, goal_id)
);
CREATE INDEX resource_goals_by_goal ON resource_goals (goal_id);

CREATE TABLE progress_entries (
    id           INTEGER PRIMARY KEY,
    resource_id  INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    on_date      TEXT NOT NULL CHECK (date(on_date) IS on_date AND on_date BETWEEN '1970-01-01' AND '2100-12-31'),
    units        REAL NOT NULL CHECK (units >= 0),
    minutes      INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX progress_entries_by_resource ON progress_entries (resource_id, on_date, id);
-- Covers the minutes-per-week chart.
CREATE INDEX progress_entries_by_day ON progress_entries (on_date, minutes);

CREATE TRIGGER resources_touch AFTER UPDATE ON resources WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE resources SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER progress_entries_touch AFTER UPDATE ON progress_entries WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE progress_entries SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
