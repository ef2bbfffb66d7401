-- Fills the golden database of version 20261126000001: a file as Ladder left it after migrations
-- 1 to 1 (foundation), used for a quarter and a half, with rows in every table.
-- `make goldens` runs it on exactly those migrations and writes 20261126000001.sqlite beside it.

-- Foundation: settings, a principle of the user's own, a retired one, three plans, the log.
UPDATE settings SET theme = 'dark' WHERE id = 1;

INSERT INTO principles (id, position, name, description) VALUES
 (17, 17, 'Speak Up for Quality', 'Raise a risk the day you see it, with data, even when the release date is close.');
UPDATE principles SET retired_on = '2026-10-02' WHERE name = 'Frugality';

INSERT INTO plans (id, title, intent, starts_on, ends_on, status, closed_on) VALUES
 (1, 'Q3 2026: own the release train', 'Make releases boring and show I can run the team''s planning.',
  '2026-07-01', '2026-09-30', 'closed', '2026-10-01'),
 (2, 'Q4 2026: ready for team lead', 'Lead the on-call redesign, mentor two juniors and find a sponsor for the team-lead opening.',
  '2026-10-01', '2026-12-31', 'active', NULL),
 (3, 'Q1 2027: first weeks as a lead', '', '2027-01-01', '2027-03-31', 'draft', NULL);

INSERT INTO activity (occurred_on, entity, entity_id, action, summary) VALUES
 ('2026-07-01', 'plan', 1, 'created', 'Created the plan "Q3 2026: own the release train"'),
 ('2026-07-01', 'plan', 1, 'activated', 'Started "Q3 2026: own the release train"'),
 ('2026-10-01', 'plan', 1, 'closed', 'Closed the quarter "Q3 2026: own the release train"'),
 ('2026-10-01', 'plan', 2, 'created', 'Created the plan "Q4 2026: ready for team lead"'),
 ('2026-10-01', 'plan', 2, 'activated', 'Started "Q4 2026: ready for team lead"'),
 ('2026-11-20', 'plan', 3, 'created', 'Created the plan "Q1 2027: first weeks as a lead"');
