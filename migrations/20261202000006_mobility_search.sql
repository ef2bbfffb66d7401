-- Search (Ctrl/Cmd+K) covers opportunities and conversations too, ended opportunities
-- included, kept in step by triggers like every other kind (migration `_search`).

-- opportunity
CREATE TRIGGER search_opportunities_insert AFTER INSERT ON opportunities BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (9000000000000 + NEW.id, 'opportunity', NEW.id, NEW.title,
            NEW.team || ' ' || NEW.level || ' ' || NEW.next_step || ' ' || NEW.notes);
END;
CREATE TRIGGER search_opportunities_update AFTER UPDATE OF title, team, level, next_step, notes ON opportunities BEGIN
    DELETE FROM search_index WHERE rowid = 9000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (9000000000000 + NEW.id, 'opportunity', NEW.id, NEW.title,
            NEW.team || ' ' || NEW.level || ' ' || NEW.next_step || ' ' || NEW.notes);
END;
CREATE TRIGGER search_opportunities_delete AFTER DELETE ON opportunities BEGIN
    DELETE FROM search_index WHERE rowid = 9000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 9000000000000 + r.id, 'opportunity', r.id, r.title,
           r.team || ' ' || r.level || ' ' || r.next_step || ' ' || r.notes FROM opportunities r;

-- conversation
CREATE TRIGGER search_conversations_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (10000000000000 + NEW.id, 'conversation', NEW.id, NEW.topic,
            NEW.discussed || ' ' || NEW.learned || ' ' || NEW.team || ' ' || NEW.follow_up);
END;
CREATE TRIGGER search_conversations_update AFTER UPDATE OF topic, discussed, learned, team, follow_up ON conversations BEGIN
    DELETE FROM search_index WHERE rowid = 10000000000000 + OLD.id;
    INSERT INTO search_index (rowid, kind, item_id, title, body)
    VALUES (10000000000000 + NEW.id, 'conversation', NEW.id, NEW.topic,
            NEW.discussed || ' ' || NEW.learned || ' ' || NEW.team || ' ' || NEW.follow_up);
END;
CREATE TRIGGER search_conversations_delete AFTER DELETE ON conversations BEGIN
    DELETE FROM search_index WHERE rowid = 10000000000000 + OLD.id;
END;
INSERT INTO search_index (rowid, kind, item_id, title, body)
    SELECT 10000000000000 + r.id, 'conversation', r.id, r.topic,
           r.discussed || ' ' || r.learned || ' ' || r.team || ' ' || r.follow_up FROM conversations r;
