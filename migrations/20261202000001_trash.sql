-- The trash. Deleting a plan, goal, milestone, win, resource, person or 1:1 moves it
-- here: every row that went with it (by the foreign keys' cascades) is kept as JSON in
-- trash_rows, and every reference that was set to NULL in trash_links, so restoring
-- puts all of it back. The live tables never hold trashed rows, so no screen, search
-- or count can show one by forgetting a filter. `deleted_at` is the tombstone an export
-- or a sync can carry.

CREATE TABLE trash (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('plan', 'goal', 'milestone', 'win', 'resource', 'person', 'one_on_one')),
    record_id   INTEGER NOT NULL,
    title       TEXT NOT NULL CHECK (length(title) <= 20000),
    contents    TEXT NOT NULL CHECK (length(contents) <= 20000),
    deleted_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX trash_by_time ON trash (deleted_at, id);

-- One deleted row: its table, its rowid then, and its columns as a JSON object.
-- `position` orders them as they were found, owners before what they own.
CREATE TABLE trash_rows (
    id          INTEGER PRIMARY KEY,
    trash_id    INTEGER NOT NULL REFERENCES trash (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    table_name  TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    data        TEXT NOT NULL CHECK (json_valid(data)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (trash_id, position)
);

-- A row that stayed but lost its link to a deleted one (a win whose goal was deleted):
-- restoring links it again if it is still there and still unlinked.
CREATE TABLE trash_links (
    id           INTEGER PRIMARY KEY,
    trash_id     INTEGER NOT NULL REFERENCES trash (id) ON DELETE CASCADE,
    table_name   TEXT NOT NULL,
    row_id       INTEGER NOT NULL,
    column_name  TEXT NOT NULL,
    value        INTEGER NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX trash_links_by_trash ON trash_links (trash_id);

CREATE TRIGGER trash_touch AFTER UPDATE ON trash WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE trash SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER trash_rows_touch AFTER UPDATE ON trash_rows WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE trash_rows SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER trash_links_touch AFTER UPDATE ON trash_links WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE trash_links SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
