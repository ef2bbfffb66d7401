-- Stable ids: every record the user writes gets a `uid`, a UUID that never changes and is
-- never reused, so an export can be imported and merged (and, later, computers synced) by
-- what a record is rather than by its local integer id. Integer ids stay: the search
-- index and every screen use them.
--
-- A new row gets its uid from an AFTER INSERT trigger when the insert did not give one
-- (an import or a restore from the trash gives the one it carries), so no code path can
-- forget it. The uid is a UUIDv7: the row's creation time in milliseconds, then 74
-- random bits; the unique index below refuses the (never yet seen) collision.
--
-- The seeded rows (the seven focus areas, their facets, the sixteen default principles)
-- and the two one-row tables (settings, profile) get fixed uids, the same on every
-- computer, so two copies of Ladder agree on what they are.
--
-- References that name a kind and an id (the activity log's entity, an agenda item's or
-- a topic's source) get a uid column beside them, filled by a trigger from the row they
-- point at when it is written: the id alone means nothing on another computer.
--
-- The trash's rows become tombstones: `record_uid` names what was deleted, and
-- `discarded_at` marks one whose contents were thrown away (emptying the trash keeps the
-- tombstone, without its title, so a later merge does not bring the record back).
--
-- Filling the uids must not move anyone's `updated_at` (the merge compares them), so the
-- touch triggers are dropped while the columns are filled and made again as they were.

-- 1. The columns.
ALTER TABLE focus_areas ADD COLUMN uid TEXT;
ALTER TABLE facets ADD COLUMN uid TEXT;
ALTER TABLE principles ADD COLUMN uid TEXT;
ALTER TABLE plans ADD COLUMN uid TEXT;
ALTER TABLE activity ADD COLUMN uid TEXT;
ALTER TABLE settings ADD COLUMN uid TEXT;
ALTER TABLE goals ADD COLUMN uid TEXT;
ALTER TABLE goal_facets ADD COLUMN uid TEXT;
ALTER TABLE goal_principles ADD COLUMN uid TEXT;
ALTER TABLE goal_links ADD COLUMN uid TEXT;
ALTER TABLE check_ins ADD COLUMN uid TEXT;
ALTER TABLE milestones ADD COLUMN uid TEXT;
ALTER TABLE self_assessments ADD COLUMN uid TEXT;
ALTER TABLE achievements ADD COLUMN uid TEXT;
ALTER TABLE achievement_principles ADD COLUMN uid TEXT;
ALTER TABLE achievement_links ADD COLUMN uid TEXT;
ALTER TABLE stories ADD COLUMN uid TEXT;
ALTER TABLE resources ADD COLUMN uid TEXT;
ALTER TABLE resource_goals ADD COLUMN uid TEXT;
ALTER TABLE progress_entries ADD COLUMN uid TEXT;
ALTER TABLE people ADD COLUMN uid TEXT;
ALTER TABLE feedback_requests ADD COLUMN uid TEXT;
ALTER TABLE feedback_received ADD COLUMN uid TEXT;
ALTER TABLE feedback_actions ADD COLUMN uid TEXT;
ALTER TABLE one_on_ones ADD COLUMN uid TEXT;
ALTER TABLE agenda_items ADD COLUMN uid TEXT;
ALTER TABLE topics ADD COLUMN uid TEXT;
ALTER TABLE action_items ADD COLUMN uid TEXT;
ALTER TABLE trash ADD COLUMN uid TEXT;
ALTER TABLE activity ADD COLUMN entity_uid TEXT;
ALTER TABLE agenda_items ADD COLUMN source_uid TEXT;
ALTER TABLE topics ADD COLUMN source_uid TEXT;
ALTER TABLE trash ADD COLUMN record_uid TEXT;
ALTER TABLE trash ADD COLUMN discarded_at TEXT CHECK (discarded_at IS NULL OR length(discarded_at) <= 40);

-- 2. Filled without touching updated_at.
DROP TRIGGER focus_areas_touch;
DROP TRIGGER facets_touch;
DROP TRIGGER principles_touch;
DROP TRIGGER plans_touch;
DROP TRIGGER activity_touch;
DROP TRIGGER settings_touch;
DROP TRIGGER goals_touch;
DROP TRIGGER goal_links_touch;
DROP TRIGGER check_ins_touch;
DROP TRIGGER milestones_touch;
DROP TRIGGER self_assessments_touch;
DROP TRIGGER achievements_touch;
DROP TRIGGER achievement_links_touch;
DROP TRIGGER stories_touch;
DROP TRIGGER resources_touch;
DROP TRIGGER progress_entries_touch;
DROP TRIGGER people_touch;
DROP TRIGGER feedback_requests_touch;
DROP TRIGGER feedback_received_touch;
DROP TRIGGER one_on_ones_touch;
DROP TRIGGER agenda_items_touch;
DROP TRIGGER topics_touch;
DROP TRIGGER action_items_touch;
DROP TRIGGER trash_touch;

-- The fixed uids of the seeded rows.
UPDATE focus_areas SET uid = '2c0ce83b-e8f5-5d50-85ac-bd6cd57a925a' WHERE position = 1;
UPDATE focus_areas SET uid = '8af28fd2-6acb-5c40-ade8-5fad24cb011f' WHERE position = 2;
UPDATE focus_areas SET uid = '4a5c5879-82f0-5424-95a4-a2ccd127837e' WHERE position = 3;
UPDATE focus_areas SET uid = '705ce6b9-3c58-5dc6-8860-477e99391730' WHERE position = 4;
UPDATE focus_areas SET uid = '15786dde-6b41-5539-8a71-2e35269bc79b' WHERE position = 5;
UPDATE focus_areas SET uid = '409eca0f-026c-521a-acc9-aef7e3fc093f' WHERE position = 6;
UPDATE focus_areas SET uid = 'b6812277-e099-5ec1-ba40-9ed7b1e431ae' WHERE position = 7;
UPDATE facets SET uid = 'c7e07b96-2e3d-56e9-ac18-b6ff173e6e0f' WHERE position = 1 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 1); -- Exceeding KPIs
UPDATE facets SET uid = '7af92031-6dd4-52e0-bd52-cb761c5663e3' WHERE position = 2 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 1); -- Driving process improvement
UPDATE facets SET uid = '0c39cf37-2af8-5251-9b99-c8f1c9bc7820' WHERE position = 3 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 1); -- Meeting deadlines
UPDATE facets SET uid = '3e32ded0-483b-5aae-9665-efe90e1d039c' WHERE position = 4 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 1); -- High-quality work
UPDATE facets SET uid = 'bbcbb148-8c62-5390-bbad-d8ebbd1a0154' WHERE position = 1 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 2); -- Communication
UPDATE facets SET uid = 'c4cab880-a6ff-5f96-aa4e-e883c29ba2c7' WHERE position = 2 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 2); -- Decision-making
UPDATE facets SET uid = 'cfa7dcfd-ab07-54cd-a53b-dc5e2f902994' WHERE position = 3 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 2); -- Problem-solving
UPDATE facets SET uid = '0c7f48e4-4adb-55f2-9a3f-2ded255e2566' WHERE position = 4 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 2); -- Team building and empowerment
UPDATE facets SET uid = 'd920841b-0ff4-577a-8d05-33e6e74195f8' WHERE position = 1 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 4); -- Leveraging existing knowledge
UPDATE facets SET uid = '5a85b909-726e-5c80-8504-38eee86eaef6' WHERE position = 2 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 4); -- Performance history
UPDATE facets SET uid = '471e94ee-1a03-5349-b629-d1971827e82f' WHERE position = 3 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 4); -- Networking and mentorship
UPDATE facets SET uid = '81dec5f1-6b17-5e19-884e-2c04a2394cad' WHERE position = 4 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 4); -- Internal applications
UPDATE facets SET uid = '49897f0f-d4d6-5e95-9d54-e06beb20b35a' WHERE position = 1 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 5); -- Informal mentorship
UPDATE facets SET uid = '808e8f1b-ab1f-5a0a-a843-95da99d8b251' WHERE position = 2 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 5); -- Visibility
UPDATE facets SET uid = '4f23ba82-4521-5a1a-8059-3132c63f62d7' WHERE position = 3 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 5); -- Diverse perspectives
UPDATE facets SET uid = '4bc8fed7-aec1-5746-9735-a5b71bacbd36' WHERE position = 4 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 5); -- Finding internal opportunities
UPDATE facets SET uid = '9ccb9c1a-d4c0-5b33-8faa-09d936058bed' WHERE position = 1 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 6); -- Technical skills
UPDATE facets SET uid = 'ce3a3ba9-3836-5e1c-80c7-9374cb99e251' WHERE position = 2 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 6); -- Interpersonal skills
UPDATE facets SET uid = '659e4f89-5db9-5523-85c7-db9bddedb511' WHERE position = 1 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 7); -- Courses and certifications
UPDATE facets SET uid = 'fc1c6d17-1899-5312-9047-cc5133f31776' WHERE position = 2 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 7); -- Reading
UPDATE facets SET uid = '405cc9ec-03d3-551e-b9b8-8e3504a53f33' WHERE position = 3 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 7); -- Workshops and conferences
UPDATE facets SET uid = 'c2989534-6468-5a09-bad7-bd44bfeb7ecb' WHERE position = 4 AND focus_area_id = (SELECT id FROM focus_areas WHERE position = 7); -- Feedback-driven learning
UPDATE principles SET uid = '022a77cc-4405-5490-8a9c-03ad668e6dcb' WHERE default_position = 1 AND default_name IS NOT NULL; -- Customer Obsession
UPDATE principles SET uid = 'd0a28be6-87b3-5fe0-b1ec-1f041352b1b4' WHERE default_position = 2 AND default_name IS NOT NULL; -- Ownership
UPDATE principles SET uid = 'b42f0945-6e41-5cf3-bbb8-0aef2cfef960' WHERE default_position = 3 AND default_name IS NOT NULL; -- Invent and Simplify
UPDATE principles SET uid = 'ce261971-22c9-5e01-a47d-87b0ce594575' WHERE default_position = 4 AND default_name IS NOT NULL; -- Are Right, A Lot
UPDATE principles SET uid = '3685a9dd-3a35-505b-b39a-4b7d250e8ef8' WHERE default_position = 5 AND default_name IS NOT NULL; -- Learn and Be Curious
UPDATE principles SET uid = '65598423-5302-567b-977d-33879973870e' WHERE default_position = 6 AND default_name IS NOT NULL; -- Hire and Develop the Best
UPDATE principles SET uid = '83f95a8f-2fed-5bce-8fb2-a662fa42337c' WHERE default_position = 7 AND default_name IS NOT NULL; -- Insist on the Highest Standards
UPDATE principles SET uid = '72f0930b-d767-581c-ae17-eca143bd5f2e' WHERE default_position = 8 AND default_name IS NOT NULL; -- Think Big
UPDATE principles SET uid = 'dd131752-6b12-5093-8644-9dce0401c43c' WHERE default_position = 9 AND default_name IS NOT NULL; -- Bias for Action
UPDATE principles SET uid = '306f04a6-bd52-5e27-bd08-8e3f7848dbf6' WHERE default_position = 10 AND default_name IS NOT NULL; -- Frugality
UPDATE principles SET uid = '4244731c-6255-551c-97ee-54853917d8a2' WHERE default_position = 11 AND default_name IS NOT NULL; -- Earn Trust
UPDATE principles SET uid = '6beefe7e-1540-5cf5-8d41-67b85c870691' WHERE default_position = 12 AND default_name IS NOT NULL; -- Dive Deep
UPDATE principles SET uid = 'd6089172-d085-58bf-9497-cbb751dc3bdd' WHERE default_position = 13 AND default_name IS NOT NULL; -- Have Backbone; Disagree and Commit
UPDATE principles SET uid = 'db0a7012-b34c-5e49-8b45-fd6afd5f7baa' WHERE default_position = 14 AND default_name IS NOT NULL; -- Deliver Results
UPDATE principles SET uid = '289b9744-23d8-513f-863c-bbea8b979369' WHERE default_position = 15 AND default_name IS NOT NULL; -- Strive to be Earth's Best Employer
UPDATE principles SET uid = '9913d32e-db47-5b22-9e17-39ef58e530d5' WHERE default_position = 16 AND default_name IS NOT NULL; -- Success and Scale Bring Broad Responsibility
UPDATE settings SET uid = 'ae03a28d-74f6-5639-bbb6-10deec541745' WHERE id = 1;

-- Every other row: a UUIDv7 from its own creation time.
UPDATE focus_areas SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE facets SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE principles SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE plans SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE activity SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE settings SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE goals SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE goal_facets SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE goal_principles SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE goal_links SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE check_ins SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE milestones SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE self_assessments SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE achievements SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE achievement_principles SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE achievement_links SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE stories SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE resources SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE resource_goals SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE progress_entries SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE people SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE feedback_requests SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE feedback_received SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE feedback_actions SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE one_on_ones SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE agenda_items SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE topics SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE action_items SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;
UPDATE trash SET uid = substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE uid IS NULL;

-- What the kind-and-id references point at, where it is still there.
UPDATE activity SET entity_uid = CASE entity
        WHEN 'plan' THEN (SELECT uid FROM plans WHERE id = entity_id)
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = entity_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = entity_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = entity_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = entity_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = entity_id)
        WHEN 'feedback' THEN CASE action WHEN 'received_unasked' THEN (SELECT uid FROM feedback_received WHERE id = entity_id)
                                  ELSE (SELECT uid FROM feedback_requests WHERE id = entity_id) END
        WHEN 'one_on_one' THEN (SELECT uid FROM one_on_ones WHERE id = entity_id)
    END;
UPDATE agenda_items SET source_uid = CASE source_kind
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = source_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = source_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = source_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = source_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = source_id)
        WHEN 'feedback_request' THEN (SELECT uid FROM feedback_requests WHERE id = source_id)
        WHEN 'feedback_received' THEN (SELECT uid FROM feedback_received WHERE id = source_id)
        WHEN 'action_item' THEN (SELECT uid FROM action_items WHERE id = source_id)
    END WHERE source_kind IS NOT NULL;
UPDATE topics SET source_uid = CASE source_kind
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = source_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = source_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = source_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = source_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = source_id)
        WHEN 'feedback_request' THEN (SELECT uid FROM feedback_requests WHERE id = source_id)
        WHEN 'feedback_received' THEN (SELECT uid FROM feedback_received WHERE id = source_id)
        WHEN 'action_item' THEN (SELECT uid FROM action_items WHERE id = source_id)
    END;

-- 3. The touch triggers as they were.
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
CREATE TRIGGER goals_touch AFTER UPDATE ON goals WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE goals SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER goal_links_touch AFTER UPDATE ON goal_links WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE goal_links SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER check_ins_touch AFTER UPDATE ON check_ins WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE check_ins SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER milestones_touch AFTER UPDATE ON milestones WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE milestones SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER self_assessments_touch AFTER UPDATE ON self_assessments WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE self_assessments SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER achievements_touch AFTER UPDATE ON achievements WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE achievements SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER achievement_links_touch AFTER UPDATE ON achievement_links WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE achievement_links SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER stories_touch AFTER UPDATE ON stories WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE stories SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER resources_touch AFTER UPDATE ON resources WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE resources SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER progress_entries_touch AFTER UPDATE ON progress_entries WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE progress_entries SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER people_touch AFTER UPDATE ON people WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE people SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER feedback_requests_touch AFTER UPDATE ON feedback_requests WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE feedback_requests SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER feedback_received_touch AFTER UPDATE ON feedback_received WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE feedback_received SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER one_on_ones_touch AFTER UPDATE ON one_on_ones WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE one_on_ones SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER agenda_items_touch AFTER UPDATE ON agenda_items WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE agenda_items SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER topics_touch AFTER UPDATE ON topics WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE topics SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER action_items_touch AFTER UPDATE ON action_items WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE action_items SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
CREATE TRIGGER trash_touch AFTER UPDATE ON trash WHEN NEW.updated_at IS OLD.updated_at
BEGIN UPDATE trash SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;

-- 4. Unique, and set on every insert.
CREATE UNIQUE INDEX focus_areas_by_uid ON focus_areas (uid);
CREATE UNIQUE INDEX facets_by_uid ON facets (uid);
CREATE UNIQUE INDEX principles_by_uid ON principles (uid);
CREATE UNIQUE INDEX plans_by_uid ON plans (uid);
CREATE UNIQUE INDEX activity_by_uid ON activity (uid);
CREATE UNIQUE INDEX settings_by_uid ON settings (uid);
CREATE UNIQUE INDEX goals_by_uid ON goals (uid);
CREATE UNIQUE INDEX goal_facets_by_uid ON goal_facets (uid);
CREATE UNIQUE INDEX goal_principles_by_uid ON goal_principles (uid);
CREATE UNIQUE INDEX goal_links_by_uid ON goal_links (uid);
CREATE UNIQUE INDEX check_ins_by_uid ON check_ins (uid);
CREATE UNIQUE INDEX milestones_by_uid ON milestones (uid);
CREATE UNIQUE INDEX self_assessments_by_uid ON self_assessments (uid);
CREATE UNIQUE INDEX achievements_by_uid ON achievements (uid);
CREATE UNIQUE INDEX achievement_principles_by_uid ON achievement_principles (uid);
CREATE UNIQUE INDEX achievement_links_by_uid ON achievement_links (uid);
CREATE UNIQUE INDEX stories_by_uid ON stories (uid);
CREATE UNIQUE INDEX resources_by_uid ON resources (uid);
CREATE UNIQUE INDEX resource_goals_by_uid ON resource_goals (uid);
CREATE UNIQUE INDEX progress_entries_by_uid ON progress_entries (uid);
CREATE UNIQUE INDEX people_by_uid ON people (uid);
CREATE UNIQUE INDEX feedback_requests_by_uid ON feedback_requests (uid);
CREATE UNIQUE INDEX feedback_received_by_uid ON feedback_received (uid);
CREATE UNIQUE INDEX feedback_actions_by_uid ON feedback_actions (uid);
CREATE UNIQUE INDEX one_on_ones_by_uid ON one_on_ones (uid);
CREATE UNIQUE INDEX agenda_items_by_uid ON agenda_items (uid);
CREATE UNIQUE INDEX topics_by_uid ON topics (uid);
CREATE UNIQUE INDEX action_items_by_uid ON action_items (uid);
CREATE UNIQUE INDEX trash_by_uid ON trash (uid);
CREATE INDEX trash_by_record_uid ON trash (record_uid);

CREATE TRIGGER focus_areas_uid AFTER INSERT ON focus_areas WHEN NEW.uid IS NULL
BEGIN UPDATE focus_areas SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER facets_uid AFTER INSERT ON facets WHEN NEW.uid IS NULL
BEGIN UPDATE facets SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER principles_uid AFTER INSERT ON principles WHEN NEW.uid IS NULL
BEGIN UPDATE principles SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER plans_uid AFTER INSERT ON plans WHEN NEW.uid IS NULL
BEGIN UPDATE plans SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER activity_uid AFTER INSERT ON activity WHEN NEW.uid IS NULL
BEGIN UPDATE activity SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER settings_uid AFTER INSERT ON settings WHEN NEW.uid IS NULL
BEGIN UPDATE settings SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER goals_uid AFTER INSERT ON goals WHEN NEW.uid IS NULL
BEGIN UPDATE goals SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER goal_facets_uid AFTER INSERT ON goal_facets WHEN NEW.uid IS NULL
BEGIN UPDATE goal_facets SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER goal_principles_uid AFTER INSERT ON goal_principles WHEN NEW.uid IS NULL
BEGIN UPDATE goal_principles SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER goal_links_uid AFTER INSERT ON goal_links WHEN NEW.uid IS NULL
BEGIN UPDATE goal_links SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER check_ins_uid AFTER INSERT ON check_ins WHEN NEW.uid IS NULL
BEGIN UPDATE check_ins SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER milestones_uid AFTER INSERT ON milestones WHEN NEW.uid IS NULL
BEGIN UPDATE milestones SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER self_assessments_uid AFTER INSERT ON self_assessments WHEN NEW.uid IS NULL
BEGIN UPDATE self_assessments SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER achievements_uid AFTER INSERT ON achievements WHEN NEW.uid IS NULL
BEGIN UPDATE achievements SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER achievement_principles_uid AFTER INSERT ON achievement_principles WHEN NEW.uid IS NULL
BEGIN UPDATE achievement_principles SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER achievement_links_uid AFTER INSERT ON achievement_links WHEN NEW.uid IS NULL
BEGIN UPDATE achievement_links SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER stories_uid AFTER INSERT ON stories WHEN NEW.uid IS NULL
BEGIN UPDATE stories SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER resources_uid AFTER INSERT ON resources WHEN NEW.uid IS NULL
BEGIN UPDATE resources SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER resource_goals_uid AFTER INSERT ON resource_goals WHEN NEW.uid IS NULL
BEGIN UPDATE resource_goals SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER progress_entries_uid AFTER INSERT ON progress_entries WHEN NEW.uid IS NULL
BEGIN UPDATE progress_entries SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER people_uid AFTER INSERT ON people WHEN NEW.uid IS NULL
BEGIN UPDATE people SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER feedback_requests_uid AFTER INSERT ON feedback_requests WHEN NEW.uid IS NULL
BEGIN UPDATE feedback_requests SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER feedback_received_uid AFTER INSERT ON feedback_received WHEN NEW.uid IS NULL
BEGIN UPDATE feedback_received SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER feedback_actions_uid AFTER INSERT ON feedback_actions WHEN NEW.uid IS NULL
BEGIN UPDATE feedback_actions SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER one_on_ones_uid AFTER INSERT ON one_on_ones WHEN NEW.uid IS NULL
BEGIN UPDATE one_on_ones SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER agenda_items_uid AFTER INSERT ON agenda_items WHEN NEW.uid IS NULL
BEGIN UPDATE agenda_items SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER topics_uid AFTER INSERT ON topics WHEN NEW.uid IS NULL
BEGIN UPDATE topics SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER action_items_uid AFTER INSERT ON action_items WHEN NEW.uid IS NULL
BEGIN UPDATE action_items SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;
CREATE TRIGGER trash_uid AFTER INSERT ON trash WHEN NEW.uid IS NULL
BEGIN UPDATE trash SET uid = substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 1, 8) || '-' || substr(printf('%012x', CAST(unixepoch(NEW.created_at, 'subsec') * 1000 AS INTEGER)), 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2, 3) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' || lower(hex(randomblob(6))) WHERE rowid = NEW.rowid; END;

-- Only when the row pointed at is there: an update that changes nothing would still move
-- updated_at (the touch trigger), and an import gives the row the time it had.
CREATE TRIGGER activity_entity_uid AFTER INSERT ON activity WHEN NEW.entity_uid IS NULL
BEGIN UPDATE activity SET entity_uid = CASE NEW.entity
        WHEN 'plan' THEN (SELECT uid FROM plans WHERE id = NEW.entity_id)
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = NEW.entity_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = NEW.entity_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = NEW.entity_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = NEW.entity_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = NEW.entity_id)
        WHEN 'feedback' THEN CASE NEW.action WHEN 'received_unasked' THEN (SELECT uid FROM feedback_received WHERE id = NEW.entity_id)
                                  ELSE (SELECT uid FROM feedback_requests WHERE id = NEW.entity_id) END
        WHEN 'one_on_one' THEN (SELECT uid FROM one_on_ones WHERE id = NEW.entity_id)
    END
    WHERE id = NEW.id AND CASE NEW.entity
        WHEN 'plan' THEN (SELECT uid FROM plans WHERE id = NEW.entity_id)
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = NEW.entity_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = NEW.entity_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = NEW.entity_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = NEW.entity_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = NEW.entity_id)
        WHEN 'feedback' THEN CASE NEW.action WHEN 'received_unasked' THEN (SELECT uid FROM feedback_received WHERE id = NEW.entity_id)
                                  ELSE (SELECT uid FROM feedback_requests WHERE id = NEW.entity_id) END
        WHEN 'one_on_one' THEN (SELECT uid FROM one_on_ones WHERE id = NEW.entity_id)
    END IS NOT NULL; END;
CREATE TRIGGER agenda_items_source_uid AFTER INSERT ON agenda_items WHEN NEW.source_uid IS NULL AND NEW.source_kind IS NOT NULL
BEGIN UPDATE agenda_items SET source_uid = CASE NEW.source_kind
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = NEW.source_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = NEW.source_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = NEW.source_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = NEW.source_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = NEW.source_id)
        WHEN 'feedback_request' THEN (SELECT uid FROM feedback_requests WHERE id = NEW.source_id)
        WHEN 'feedback_received' THEN (SELECT uid FROM feedback_received WHERE id = NEW.source_id)
        WHEN 'action_item' THEN (SELECT uid FROM action_items WHERE id = NEW.source_id)
    END
    WHERE id = NEW.id AND CASE NEW.source_kind
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = NEW.source_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = NEW.source_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = NEW.source_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = NEW.source_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = NEW.source_id)
        WHEN 'feedback_request' THEN (SELECT uid FROM feedback_requests WHERE id = NEW.source_id)
        WHEN 'feedback_received' THEN (SELECT uid FROM feedback_received WHERE id = NEW.source_id)
        WHEN 'action_item' THEN (SELECT uid FROM action_items WHERE id = NEW.source_id)
    END IS NOT NULL; END;
CREATE TRIGGER topics_source_uid AFTER INSERT ON topics WHEN NEW.source_uid IS NULL
BEGIN UPDATE topics SET source_uid = CASE NEW.source_kind
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = NEW.source_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = NEW.source_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = NEW.source_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = NEW.source_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = NEW.source_id)
        WHEN 'feedback_request' THEN (SELECT uid FROM feedback_requests WHERE id = NEW.source_id)
        WHEN 'feedback_received' THEN (SELECT uid FROM feedback_received WHERE id = NEW.source_id)
        WHEN 'action_item' THEN (SELECT uid FROM action_items WHERE id = NEW.source_id)
    END
    WHERE id = NEW.id AND CASE NEW.source_kind
        WHEN 'goal' THEN (SELECT uid FROM goals WHERE id = NEW.source_id)
        WHEN 'milestone' THEN (SELECT uid FROM milestones WHERE id = NEW.source_id)
        WHEN 'check_in' THEN (SELECT uid FROM check_ins WHERE id = NEW.source_id)
        WHEN 'achievement' THEN (SELECT uid FROM achievements WHERE id = NEW.source_id)
        WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = NEW.source_id)
        WHEN 'feedback_request' THEN (SELECT uid FROM feedback_requests WHERE id = NEW.source_id)
        WHEN 'feedback_received' THEN (SELECT uid FROM feedback_received WHERE id = NEW.source_id)
        WHEN 'action_item' THEN (SELECT uid FROM action_items WHERE id = NEW.source_id)
    END IS NOT NULL; END;
