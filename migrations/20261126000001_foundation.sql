-- Ladder's foundation: the fixed focus areas and their facets, the principles framework,
-- development plans, the activity log and the settings row.
-- Timestamps are UTC ISO-8601 text; dates are 'YYYY-MM-DD' text checked to be real dates
-- between 1970 and 2100. Every table keeps created_at/updated_at; triggers move updated_at.

CREATE TABLE focus_areas (
    id          INTEGER PRIMARY KEY,
    position    INTEGER NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    summary     TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE facets (
    id             INTEGER PRIMARY KEY,
    focus_area_id  INTEGER NOT NULL REFERENCES focus_areas (id) ON DELETE RESTRICT,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (focus_area_id, name)
);

CREATE TABLE principles (
    id           INTEGER PRIMARY KEY,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    -- Retired principles stay for history but leave the pickers.
    retired_on   TEXT CHECK (retired_on IS NULL OR date(retired_on) IS retired_on),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX principles_name_unique ON principles (name COLLATE NOCASE);

CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = trim(title)),
    intent      TEXT NOT NULL DEFAULT '' CHECK (length(intent) <= 20000),
    starts_on   TEXT NOT NULL CHECK (date(starts_on) IS starts_on
                                     AND starts_on BETWEEN '1970-01-01' AND '2100-12-31'),
    ends_on     TEXT NOT NULL CHECK (date(ends_on) IS ends_on
                                     AND ends_on BETWEEN '1970-01-01' AND '2100-12-31'),
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'closed')),
    closed_on   TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (ends_on >= starts_on)
);
-- At most one active plan, whatever the application does.
CREATE UNIQUE INDEX plans_one_active ON plans (status) WHERE status = 'active';
CREATE INDEX plans_by_start ON plans (starts_on DESC);

-- What changed, on which entity, when. Rows outlive the entity they describe, so there is
-- no foreign key: the 1:1 agenda and the quarterly review read history from here.
CREATE TABLE activity (
    id           INTEGER PRIMARY KEY,
    occurred_on  TEXT NOT NULL CHECK (date(occurred_on) IS occurred_on),
    entity       TEXT NOT NULL CHECK (length(entity) BETWEEN 1 AND 50),
    entity_id    INTEGER NOT NULL,
    action       TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 50),
    summary      TEXT NOT NULL CHECK (length(summary) <= 20000),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX activity_by_entity ON activity (entity, entity_id);
CREATE INDEX activity_by_day ON activity (occurred_on, id);

-- One row of preferences.
CREATE TABLE settings (
    id                       INTEGER PRIMARY KEY CHECK (id = 1),
    theme                    TEXT NOT NULL DEFAULT 'system' CHECK (theme IN ('light', 'dark', 'system')),
    fiscal_year_start_month  INTEGER NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    created_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO settings (id) VALUES (1);

CREATE TRIGGER focus_areas_touch AFTER UPDATE ON focus_areas WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE focus_areas SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER facets_touch AFTER UPDATE ON facets WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE facets SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER principles_touch AFTER UPDATE ON principles WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE principles SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER plans_touch AFTER UPDATE ON plans WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE plans SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER activity_touch AFTER UPDATE ON activity WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE activity SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER settings_touch AFTER UPDATE ON settings WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE settings SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;

-- The seven focus areas, fixed. Summaries are our own words.
INSERT INTO focus_areas (id, position, name, summary) VALUES
 (1, 1, 'Performance Excellence', 'Do the current job visibly well: beat the numbers you own, fix how work gets done, hit dates, and ship work people can rely on.'),
 (2, 2, 'Leadership Qualities', 'Show the behaviours of a manager before having the title: clear communication, sound decisions, calm problem-solving, and growing the people around you.'),
 (3, 3, 'Leadership Principles', 'Live the company''s stated values in daily work, and collect concrete examples of each one for reviews and interviews.'),
 (4, 4, 'Internal Mobility', 'Use what you already know about the company, your track record and your contacts to move into a management opening from the inside.'),
 (5, 5, 'Networking', 'Build relationships across teams: mentors, sponsors and peers who widen your view, make your work visible and tell you about openings early.'),
 (6, 6, 'Skill Development', 'Deepen the technical knowledge your team depends on and the people skills that managing it will demand.'),
 (7, 7, 'Continuous Learning', 'Keep learning on purpose: courses and certificates, reading, workshops and conferences, and acting on the feedback you receive.');

-- Facets of each focus area. Leadership Principles has none here: its sub-tags are the
-- principles of the user's framework (the principles table).
INSERT INTO facets (focus_area_id, position, name) VALUES
 (1, 1, 'Exceeding KPIs'),
 (1, 2, 'Driving process improvement'),
 (1, 3, 'Meeting deadlines'),
 (1, 4, 'High-quality work'),
 (2, 1, 'Communication'),
 (2, 2, 'Decision-making'),
 (2, 3, 'Problem-solving'),
 (2, 4, 'Team building and empowerment'),
 (4, 1, 'Leveraging existing knowledge'),
 (4, 2, 'Performance history'),
 (4, 3, 'Networking and mentorship'),
 (4, 4, 'Internal applications'),
 (5, 1, 'Informal mentorship'),
 (5, 2, 'Visibility'),
 (5, 3, 'Diverse perspectives'),
 (5, 4, 'Finding internal opportunities'),
 (6, 1, 'Technical skills'),
 (6, 2, 'Interpersonal skills'),
 (7, 1, 'Courses and certifications'),
 (7, 2, 'Reading'),
 (7, 3, 'Workshops and conferences'),
 (7, 4, 'Feedback-driven learning');

-- The default principles framework: Amazon's sixteen Leadership Principles, each
-- described in a line of our own.
INSERT INTO principles (position, name, description) VALUES
 (1, 'Customer Obsession', 'Begin with the customer''s needs and work backwards; keep their trust above competitors'' moves.'),
 (2, 'Ownership', 'Act for the long term and for the whole company, not only your team; never say "not my job".'),
 (3, 'Invent and Simplify', 'Look for new ideas anywhere, make things simpler, and accept being misunderstood for a while.'),
 (4, 'Are Right, A Lot', 'Use good judgement and instinct, seek views that differ from yours, and test your own beliefs.'),
 (5, 'Learn and Be Curious', 'Keep learning and getting better; explore new possibilities because you want to know.'),
 (6, 'Hire and Develop the Best', 'Raise the bar with each hire and promotion, spot talent, and coach people seriously.'),
 (7, 'Insist on the Highest Standards', 'Keep raising the bar so defects do not travel downstream and problems stay fixed.'),
 (8, 'Think Big', 'Set a bold direction that people can rally around, and look for unexpected ways to serve customers.'),
 (9, 'Bias for Action', 'Move fast when a decision can be undone; calculated risk-taking beats waiting for certainty.'),
 (10, 'Frugality', 'Do more with less; limits breed resourcefulness, and headcount or budget earn no extra credit.'),
 (11, 'Earn Trust', 'Listen closely, speak candidly, treat others with respect, and own your mistakes openly.'),
 (12, 'Dive Deep', 'Stay connected to the details, audit often, and distrust numbers that disagree with the stories.'),
 (13, 'Have Backbone; Disagree and Commit', 'Challenge decisions you disagree with, respectfully, then commit fully once one is made.'),
 (14, 'Deliver Results', 'Focus on the inputs that matter, deliver with the right quality on time, and do not settle.'),
 (15, 'Strive to be Earth''s Best Employer', 'Make work safer, fairer and more rewarding, and help people grow every day.'),
 (16, 'Success and Scale Bring Broad Responsibility', 'Think about the wider effects of your actions on people, communities and the future.');
