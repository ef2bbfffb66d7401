-- The person this record is about, for the résumé export: one row, kept by Settings.
-- Every field may stay empty; the résumé leaves out what is empty. The row exists from
-- the start with a fixed uid (the same on every computer), like `settings`.
CREATE TABLE profile (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    uid         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200 AND name = trim(name)),
    title       TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200 AND title = trim(title)),
    company     TEXT NOT NULL DEFAULT '' CHECK (length(company) <= 200 AND company = trim(company)),
    email       TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254 AND email = trim(email)),
    location    TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 200 AND location = trim(location)),
    url         TEXT NOT NULL DEFAULT '' CHECK (url = '' OR (length(url) <= 2048 AND (url LIKE 'http://%' OR url LIKE 'https://%'))),
    summary     TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO profile (id, uid) VALUES (1, '6a9dc2d4-d4de-52a1-aa7a-eae8006d85b5');

CREATE TRIGGER profile_touch AFTER UPDATE ON profile WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE profile SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
