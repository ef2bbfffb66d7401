-- A goal's links and a win's links are sets: the same address twice says nothing the first
-- did not, and the panels that list them key each row by it. Saving keeps one of each
-- (`limits::urls`); this removes the copies earlier versions stored, keeping the first one
-- (the lowest id, which is the order the panels show), and then lets the database refuse
-- new ones.
DELETE FROM goal_links
WHERE id NOT IN (SELECT min(id) FROM goal_links GROUP BY goal_id, url);
DELETE FROM achievement_links
WHERE id NOT IN (SELECT min(id) FROM achievement_links GROUP BY achievement_id, url);

-- The links of a goal or win in the trash are rows waiting to be inserted again: without
-- this, restoring one that had a copy would now be refused by the index below.
DELETE FROM trash_rows
WHERE table_name = 'goal_links'
  AND id NOT IN (
    SELECT min(id) FROM trash_rows WHERE table_name = 'goal_links'
    GROUP BY trash_id, data ->> '$.goal_id', data ->> '$.url');
DELETE FROM trash_rows
WHERE table_name = 'achievement_links'
  AND id NOT IN (
    SELECT min(id) FROM trash_rows WHERE table_name = 'achievement_links'
    GROUP BY trash_id, data ->> '$.achievement_id', data ->> '$.url');

-- The unique index starts with the owner, so it also serves the lookups by owner that
-- the plain indexes did.
DROP INDEX goal_links_by_goal;
CREATE UNIQUE INDEX goal_links_unique ON goal_links (goal_id, url);
DROP INDEX achievement_links_by_achievement;
CREATE UNIQUE INDEX achievement_links_unique ON achievement_links (achievement_id, url);
