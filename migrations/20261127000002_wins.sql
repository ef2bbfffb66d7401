-- The brag log: achievements with quantified impact, the principles they show, evidence
-- links and an optional STAR story. Also remembers each seeded principle's default name
-- and description so the framework can be restored after edits.

ALTER TABLE principles ADD COLUMN default_name TEXT;
ALTER TABLE principles ADD COLUMN default_description TEXT;
ALTER TABLE principles ADD COLUMN default_position INTEGER;
UPDATE principles SET default_name = name, default_description = description, default_position = position;

CREATE TABLE achievements (
    id                INTEGER PRIMARY KEY,
    occurred_on       TEXT NOT NULL CHECK (date(occurred_on) IS occurred_on
                                           AND occurred_on BETWEEN '1970-01-01' AND '2100-12-31'),
    title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = trim(title)),
    description       TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    focus_area_id     INTEGER REFERENCES focus_areas (id) ON DELETE RESTRICT,
    -- A win outlives the goal it served.
    goal_id           INTEGER REFERENCES goals (id) ON DELETE SET NULL,
    impact_metric     TEXT CHECK (impact_metric IS NULL OR length(impact_metric) BETWEEN 1 AND 200),
    impact_unit       TEXT NOT NULL DEFAULT '' CHECK (length(impact_unit) <= 200),
    impact_before     REAL,
    impact_after      REAL,
    higher_is_better  INTEGER NOT NULL DEFAULT 1 CHECK (higher_is_better IN (0, 1)),
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((impact_metric IS NULL AND impact_before IS NULL AND impact_after IS NULL)
           OR (impact_metric IS NOT NULL AND impact_after IS NOT NULL))
);
CREATE INDEX achievements_by_day ON achievements (occurred_on DESC, id DESC);
CREATE INDEX achievements_by_goal ON achievements (goal_id);

CREATE TABLE achievement_principles (
    achievement_id  INTEGER NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    principle_id    INTEGER NOT NULL REFERENCES principles (id) ON DELETE RESTRICT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (achievement_id, principle_id)
);
CREATE INDEX achievement_principles_by_principle ON achievement_principles (principle_id, achievement_id);

CREATE TABLE achievement_links (
    id              INTEGER PRIMARY KEY,
    achievement_id  INTEGER NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    url             TEXT NOT NULL CHECK (length(url) <= 2048 AND (url LIKE 'http://%' OR url LIKE 'https://%')),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX achievement_links_by_achievement ON achievement_links (achievement_id);

-- One STAR story per achievement, for interviews and promotion packets.
CREATE TABLE stories (
    id              INTEGER PRIMARY KEY,
    achievement_id  INTEGER NOT NULL UNIQUE REFERENCES achievements (id) ON DELETE CASCADE,
    situation       TEXT NOT NULL DEFAULT '' CHECK (length(situation) <= 20000),
    task            TEXT NOT NULL DEFAULT '' CHECK (length(task) <= 20000),
    action          TEXT NOT NULL DEFAULT '' CHECK (length(action) <= 20000),
    result          TEXT NOT NULL DEFAULT '' CHECK (length(result) <= 20000),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TRIGGER achievements_touch AFTER UPDATE ON achievements WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE achievements SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER achievement_links_touch AFTER UPDATE ON achievement_links WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE achievement_links SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER stories_touch AFTER UPDATE ON stories WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE stories SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
