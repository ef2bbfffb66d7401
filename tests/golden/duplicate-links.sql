-- Links stored twice, as versions before 20261202000002 (unique links) allowed: run on a
-- copy of the golden database of version 20261202000001 by
-- `golden::links_stored_twice_are_kept_once_by_the_upgrade`, which then upgrades it and
-- checks that one of each is left, the first, and nothing else is lost.

-- Goal 1 already has https://wiki.example.com/releases/rollback-review-2026-q3 (id 1).
INSERT INTO goal_links (id, goal_id, url) VALUES
 (101, 1, 'https://wiki.example.com/releases/rollback-review-2026-q3'),
 (102, 1, 'https://wiki.example.com/releases/rollback-review-2026-q3'),
 -- The same address on another goal is not a copy.
 (103, 2, 'https://wiki.example.com/releases/rollback-review-2026-q3'),
 -- Differs by case in its path: another address.
 (104, 1, 'https://wiki.example.com/releases/Rollback-Review-2026-q3');

-- Win 1 already has https://ci.example.com/pipelines/release/canary (id 1).
INSERT INTO achievement_links (id, achievement_id, url) VALUES
 (201, 1, 'https://ci.example.com/pipelines/release/canary'),
 (202, 3, 'https://ci.example.com/pipelines/release/canary');

-- The goal in the trash (90) had one link, stored twice.
INSERT INTO trash_rows (id, trash_id, position, table_name, row_id, data) VALUES
 (301, 1, 3, 'goal_links', 301, '{"id":301,"goal_id":90,"url":"https://docs.example.com/brown-bag","created_at":"2026-10-02T09:00:00.000Z","updated_at":"2026-10-02T09:00:00.000Z"}'),
 (302, 1, 4, 'goal_links', 302, '{"id":302,"goal_id":90,"url":"https://docs.example.com/brown-bag","created_at":"2026-10-02T09:00:00.000Z","updated_at":"2026-10-02T09:00:00.000Z"}');
