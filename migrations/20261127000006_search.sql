-- Global search (Ctrl/Cmd+K): one FTS5 index over goals, milestones, learning resources,
-- people, feedback, wins and 1:1 notes, kept in step by triggers. Each row's rowid is
-- kind × 10^12 + the item's id, so a trigger finds its row without a scan.

CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED,
    item_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- goal
CREATE TRIGGER search_goals_insert AFTER INSERT ON goals BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (1000000000000 + NEW.id, 'goal', NEW.id, NEW.title, NEW.why);
END;
CREATE TRIGGER search_goals_update AFTER UPDATE OF title, why ON goals BEGIN
    DELETE FROM search_index WHERE rowid = 1000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (1000000000000 + NEW.id, 'goal', NEW.id, NEW.title, NEW.why);
END;
CREATE TRIGGER search_goals_delete AFTER DELETE ON goals BEGIN
    DELETE FROM search_index WHERE rowid = 1000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 1000000000000 + r.id, 'goal', r.id, r.title, r.why FROM goals r;

-- milestone
CREATE TRIGGER search_milestones_insert AFTER INSERT ON milestones BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (2000000000000 + NEW.id, 'milestone', NEW.id, NEW.title, '');
END;
CREATE TRIGGER search_milestones_update AFTER UPDATE OF title ON milestones BEGIN
    DELETE FROM search_index WHERE rowid = 2000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (2000000000000 + NEW.id, 'milestone', NEW.id, NEW.title, '');
END;
CREATE TRIGGER search_milestones_delete AFTER DELETE ON milestones BEGIN
    DELETE FROM search_index WHERE rowid = 2000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 2000000000000 + r.id, 'milestone', r.id, r.title, '' FROM milestones r;

-- resource
CREATE TRIGGER search_resources_insert AFTER INSERT ON resources BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (3000000000000 + NEW.id, 'resource', NEW.id, NEW.title, NEW.provider || ' ' || NEW.notes);
END;
CREATE TRIGGER search_resources_update AFTER UPDATE OF title, provider, notes ON resources BEGIN
    DELETE FROM search_index WHERE rowid = 3000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (3000000000000 + NEW.id, 'resource', NEW.id, NEW.title, NEW.provider || ' ' || NEW.notes);
END;
CREATE TRIGGER search_resources_delete AFTER DELETE ON resources BEGIN
    DELETE FROM search_index WHERE rowid = 3000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 3000000000000 + r.id, 'resource', r.id, r.title, r.provider || ' ' || r.notes FROM resources r;

-- person
CREATE TRIGGER search_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (4000000000000 + NEW.id, 'person', NEW.id, NEW.name, NEW.role || ' ' || NEW.team || ' ' || NEW.notes);
END;
CREATE TRIGGER search_people_update AFTER UPDATE OF name, role, team, notes ON people BEGIN
    DELETE FROM search_index WHERE rowid = 4000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (4000000000000 + NEW.id, 'person', NEW.id, NEW.name, NEW.role || ' ' || NEW.team || ' ' || NEW.notes);
END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_index WHERE rowid = 4000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 4000000000000 + r.id, 'person', r.id, r.name, r.role || ' ' || r.team || ' ' || r.notes FROM people r;

-- feedback_request
CREATE TRIGGER search_feedback_requests_insert AFTER INSERT ON feedback_requests BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (5000000000000 + NEW.id, 'feedback_request', NEW.id, NEW.question, NEW.response || ' ' || NEW.takeaways);
END;
CREATE TRIGGER search_feedback_requests_update AFTER UPDATE OF question, response, takeaways ON feedback_requests BEGIN
    DELETE FROM search_index WHERE rowid = 5000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (5000000000000 + NEW.id, 'feedback_request', NEW.id, NEW.question, NEW.response || ' ' || NEW.takeaways);
END;
CREATE TRIGGER search_feedback_requests_delete AFTER DELETE ON feedback_requests BEGIN
    DELETE FROM search_index WHERE rowid = 5000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 5000000000000 + r.id, 'feedback_request', r.id, r.question, r.response || ' ' || r.takeaways FROM feedback_requests r;

-- feedback_received
CREATE TRIGGER search_feedback_received_insert AFTER INSERT ON feedback_received BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (6000000000000 + NEW.id, 'feedback_received', NEW.id, (SELECT 'Feedback from ' || name FROM people WHERE id = NEW.person_id), NEW.what || ' ' || NEW.takeaways);
END;
CREATE TRIGGER search_feedback_received_update AFTER UPDATE OF what, takeaways ON feedback_received BEGIN
    DELETE FROM search_index WHERE rowid = 6000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (6000000000000 + NEW.id, 'feedback_received', NEW.id, (SELECT 'Feedback from ' || name FROM people WHERE id = NEW.person_id), NEW.what || ' ' || NEW.takeaways);
END;
CREATE TRIGGER search_feedback_received_delete AFTER DELETE ON feedback_received BEGIN
    DELETE FROM search_index WHERE rowid = 6000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 6000000000000 + r.id, 'feedback_received', r.id, (SELECT 'Feedback from ' || name FROM people WHERE id = r.person_id), r.what || ' ' || r.takeaways FROM feedback_received r;

-- achievement
CREATE TRIGGER search_achievements_insert AFTER INSERT ON achievements BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (7000000000000 + NEW.id, 'achievement', NEW.id, NEW.title, NEW.description);
END;
CREATE TRIGGER search_achievements_update AFTER UPDATE OF title, description ON achievements BEGIN
    DELETE FROM search_index WHERE rowid = 7000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (7000000000000 + NEW.id, 'achievement', NEW.id, NEW.title, NEW.description);
END;
CREATE TRIGGER search_achievements_delete AFTER DELETE ON achievements BEGIN
    DELETE FROM search_index WHERE rowid = 7000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 7000000000000 + r.id, 'achievement', r.id, r.title, r.description FROM achievements r;

-- one_on_one
CREATE TRIGGER search_one_on_ones_insert AFTER INSERT ON one_on_ones BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (8000000000000 + NEW.id, 'one_on_one', NEW.id, (SELECT '1:1 with ' || name FROM people WHERE id = NEW.person_id) || ', ' || NEW.meets_on, NEW.notes);
END;
CREATE TRIGGER search_one_on_ones_update AFTER UPDATE OF notes, meets_on, person_id ON one_on_ones BEGIN
    DELETE FROM search_index WHERE rowid = 8000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (8000000000000 + NEW.id, 'one_on_one', NEW.id, (SELECT '1:1 with ' || name FROM people WHERE id = NEW.person_id) || ', ' || NEW.meets_on, NEW.notes);
END;
CREATE TRIGGER search_one_on_ones_delete AFTER DELETE ON one_on_ones BEGIN
    DELETE FROM search_index WHERE rowid = 8000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 8000000000000 + r.id, 'one_on_one', r.id, (SELECT '1:1 with ' || name FROM people WHERE id = r.person_id) || ', ' || r.meets_on, r.notes FROM one_on_ones r;

-- A person's new name reaches the rows whose title carries it.
CREATE TRIGGER search_people_rename AFTER UPDATE OF name ON people BEGIN
    UPDATE search_index SET title = '1:1 with ' || NEW.name || ', ' ||
        (SELECT meets_on FROM one_on_ones WHERE id = search_index.item_id)
    WHERE rowid IN (SELECT 8000000000000 + id FROM one_on_ones WHERE person_id = NEW.id);
    UPDATE search_index SET title = 'Feedback from ' || NEW.name
    WHERE rowid IN (SELECT 6000000000000 + id FROM feedback_received WHERE person_id = NEW.id);
END;
