-- Drafting an agenda reads the activity log by kind of change and day, and check-ins by
-- day; counting a 1:1's agenda reads only the items still on it. (Measured on the
-- standard data set: without them the learning and goal windows scanned every resource
-- or check-in row.)
CREATE INDEX activity_by_kind_day ON activity (entity, action, occurred_on);
CREATE INDEX agenda_items_visible ON agenda_items (one_on_one_id) WHERE removed = 0;
CREATE INDEX check_ins_by_day ON check_ins (on_date);
