-- The Teams view (Network & mobility) names every team known from people, conversations
-- and wins, and counts this year's conversations and wins per team. Without these it
-- read every conversation and win in full each time it opened: the partial indexes hold
-- only the rows that name a team, so the names and dates come from the index alone.
CREATE INDEX conversations_by_team ON conversations (team COLLATE NOCASE, held_on) WHERE team <> '';
CREATE INDEX achievements_by_team ON achievements (team COLLATE NOCASE, occurred_on) WHERE team <> '';
CREATE INDEX people_by_team ON people (team COLLATE NOCASE, archived_on) WHERE team <> '';

-- A year's conversations by day, with their team, without a visit to each row; it
-- replaces the index by day that had no team in it (every query that used that one
-- uses this one the same way).
DROP INDEX conversations_by_day;
CREATE INDEX conversations_by_day ON conversations (held_on DESC, id DESC, team);
