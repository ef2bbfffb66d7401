-- Fills the golden database of version 20261127000003: a file as Ladder left it after migrations
-- 1 to 4 (learning), used for a quarter and a half, with rows in every table.
-- `make goldens` runs it on exactly those migrations and writes 20261127000003.sqlite beside it.

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

-- Goals with their facets, principles, links, check-ins, milestones and self-assessments.
INSERT INTO goals (id, plan_id, focus_area_id, title, why, measure, metric_name, metric_unit,
                   baseline, target, due_on, status, priority, carried_from_goal_id) VALUES
 (1, 1, 1, 'Cut release rollbacks to one a month', 'Each rollback costs the team two days and customers notice.',
  'metric', 'Rollbacks per month', 'rollbacks', 4, 1, '2026-09-30', 'in_progress', 'high', NULL),
 (2, 1, 2, 'Run sprint planning for the team', 'Dana wants to see me facilitate before the opening is posted.',
  'done', NULL, '', NULL, NULL, '2026-09-15', 'done', 'medium', NULL),
 (3, 2, 1, 'Cut release rollbacks to one a month', 'Carried over: down from four to two, not yet one.',
  'metric', 'Rollbacks per month', 'rollbacks', 2, 1, '2026-12-15', 'in_progress', 'high', 1),
 (4, 2, 2, 'Lead the on-call redesign', 'A cross-team project with a clear owner is the strongest case for the team-lead role.',
  'done', NULL, '', NULL, NULL, '2026-12-19', 'in_progress', 'high', NULL),
 (5, 2, 5, 'Have coffee with a senior engineer from another org every month', 'Find a sponsor outside my reporting line.',
  'metric', 'Coffee chats', 'chats', 0, 3, '2026-12-31', 'not_started', 'medium', NULL),
 (6, 2, 6, 'Pass the Kubernetes administrator exam', '', 'done', NULL, '', NULL, NULL, '2026-12-20',
  'not_started', 'low', NULL),
 (7, 2, 3, 'Write a postmortem for every incident I lead', 'Shows Insist on the Highest Standards in practice.',
  'done', NULL, '', NULL, NULL, NULL, 'dropped', 'low', NULL);

INSERT INTO goal_facets (goal_id, facet_id) VALUES (1, 2), (2, 5), (3, 1), (3, 2), (4, 6), (4, 8), (5, 14), (6, 17);
INSERT INTO goal_principles (goal_id, principle_id) VALUES (4, 2), (4, 14), (7, 7), (7, 17);
INSERT INTO goal_links (goal_id, url) VALUES
 (1, 'https://wiki.example.com/releases/rollback-review-2026-q3'),
 (4, 'https://docs.example.com/on-call/redesign-proposal');

INSERT INTO check_ins (goal_id, on_date, value, confidence, note) VALUES
 (1, '2026-07-15', 4, 3, ''),
 (1, '2026-08-31', 3, 3, 'The canary stage is live for two services.'),
 (1, '2026-09-28', 2, 2, 'Two rollbacks in September; one was a config change.'),
 (3, '2026-10-20', 2, 3, ''),
 (3, '2026-11-17', 1, 4, 'Only one rollback since the config check landed.'),
 (4, '2026-11-14', NULL, 4, 'Proposal reviewed; pilot agreed in principle.'),
 (5, '2026-11-10', 1, 2, 'Met Luis; nobody booked for December yet.');

INSERT INTO milestones (id, goal_id, position, title, due_on, done_on) VALUES
 (1, 2, 1, 'Shadow Dana''s planning session', '2026-07-20', '2026-07-18'),
 (2, 4, 1, 'Collect pain points from the last ten incidents', '2026-10-24', '2026-10-22'),
 (3, 4, 2, 'Write the proposal and review it with staff engineers', '2026-11-14', '2026-11-13'),
 (4, 4, 3, 'Pilot the new rota with two teams', '2026-12-05', NULL),
 (5, 6, 1, 'Pass the practice exam', '2026-11-21', NULL);

INSERT INTO self_assessments (plan_id, focus_area_id, phase, rating, note) VALUES
 (1, 1, 'opening', 3, 'Releases are my strongest area, but rollbacks hurt.'),
 (1, 2, 'opening', 2, 'I have not led a meeting bigger than stand-up.'),
 (1, 1, 'closing', 4, ''),
 (1, 2, 'closing', 3, 'Ran planning four times.'),
 (2, 2, 'opening', 3, ''),
 (2, 5, 'opening', 2, 'I know few people outside Payments.');

INSERT INTO activity (occurred_on, entity, entity_id, action, summary) VALUES
 ('2026-07-01', 'goal', 1, 'created', 'Added the goal "Cut release rollbacks to one a month"'),
 ('2026-09-28', 'check_in', 3, 'created', 'Checked in on "Cut release rollbacks to one a month": 2 rollbacks'),
 ('2026-09-14', 'goal', 2, 'status', '"Run sprint planning for the team" is done'),
 ('2026-10-01', 'goal', 3, 'carried', 'Carried "Cut release rollbacks to one a month" into Q4 2026'),
 ('2026-10-22', 'milestone', 2, 'completed', 'Done: "Collect pain points from the last ten incidents"'),
 ('2026-11-13', 'milestone', 3, 'completed', 'Done: "Write the proposal and review it with staff engineers"'),
 ('2026-11-17', 'check_in', 5, 'created', 'Checked in on "Cut release rollbacks to one a month": 1 rollback');

-- Wins, the principles they show, their links and STAR stories.
INSERT INTO achievements (id, occurred_on, title, description, focus_area_id, goal_id, impact_metric,
                          impact_unit, impact_before, impact_after, higher_is_better) VALUES
 (1, '2026-09-12', 'Added a canary stage to the release pipeline', 'Rollbacks fell from four a month to two.',
  1, 1, 'Rollbacks per month', 'rollbacks', 4, 2, 0),
 (2, '2026-11-06', 'Led the incident review for the payments outage',
  'Ran the review without blame; three fixes shipped within a week.', 2, 4, NULL, '', NULL, NULL, 1),
 (3, '2026-11-19', 'Onboarded two new engineers in a week', '', 2, NULL,
  'Days to first merged change', 'days', 9, 3, 0);

INSERT INTO achievement_principles (achievement_id, principle_id) VALUES (1, 7), (1, 14), (2, 2), (2, 11), (3, 6);
INSERT INTO achievement_links (achievement_id, url) VALUES
 (1, 'https://ci.example.com/pipelines/release/canary'),
 (2, 'https://wiki.example.com/incidents/2026-11-04-payments');

INSERT INTO stories (achievement_id, situation, task, action, result) VALUES
 (1, 'Releases were rolled back four times a month, each costing two days.',
  'Make a bad release visible before it reached every customer.',
  'Proposed a canary stage, wrote the health checks and ran it for two services first.',
  'Rollbacks halved in a month; the stage is now the default for every service.'),
 (2, 'A payments outage lasted 40 minutes during the evening peak.',
  'Run the review so that the team learned something instead of blaming someone.',
  'Prepared a timeline, asked the on-call engineer to tell it, kept the discussion on causes.',
  'Three fixes shipped within a week; the format became the team''s template.');

INSERT INTO activity (occurred_on, entity, entity_id, action, summary) VALUES
 ('2026-09-12', 'achievement', 1, 'created', 'Logged a win: "Added a canary stage to the release pipeline"'),
 ('2026-09-13', 'achievement', 1, 'story', 'Wrote the STAR story of "Added a canary stage to the release pipeline"'),
 ('2026-11-06', 'achievement', 2, 'created', 'Logged a win: "Led the incident review for the payments outage"'),
 ('2026-11-19', 'achievement', 3, 'created', 'Logged a win: "Onboarded two new engineers in a week"');

-- Learning resources, the goals they serve and their progress logs; the totals on each
-- row are what the log adds up to, as learning::recompute keeps them.
INSERT INTO resources (id, kind, title, provider, url, focus_area_id, total_units, unit, target_on,
                       certificate_url, notes, manual_status, manual_on, units_done, minutes_spent,
                       status, completed_on, last_activity_on) VALUES
 (1, 'certification', 'Certified Kubernetes Administrator', 'Linux Foundation',
  'https://training.linuxfoundation.org/certification/cka/', 6, 40, 'lessons', '2026-12-20', NULL,
  'The exam voucher expires in March.', NULL, NULL, 26, 780, 'in_progress', NULL, '2026-11-22'),
 (2, 'book', 'The Manager''s Path', 'Camille Fournier', NULL, 2, 260, 'pages', NULL, NULL,
  'Chapters 3 and 4 on being a tech lead.', NULL, NULL, 260, 600, 'completed', '2026-09-20', '2026-09-20'),
 (3, 'video', 'On-call that people do not dread', 'QCon', 'https://www.youtube.com/watch?v=oncall2026', 6,
  1.5, 'hours', NULL, NULL, '', 'dropped', '2026-10-30', 0.5, 30, 'dropped', NULL, '2026-10-30'),
 (4, 'workshop', 'Giving feedback that lands', 'People team', NULL, 2, NULL, 'hours', '2027-01-29',
  NULL, '', NULL, NULL, 0, 0, 'planned', NULL, NULL);

INSERT INTO resource_goals (resource_id, goal_id) VALUES (1, 6), (2, 4), (3, 4);

INSERT INTO progress_entries (resource_id, on_date, units, minutes, note) VALUES
 (1, '2026-10-05', 10, 300, 'Cluster architecture and installation'),
 (1, '2026-11-01', 10, 300, ''),
 (1, '2026-11-22', 6, 180, 'Storage and networking'),
 (2, '2026-08-10', 120, 300, ''),
 (2, '2026-09-20', 140, 300, 'Finished; the chapter on tech leads is the one to reread.'),
 (3, '2026-10-28', 0.5, 30, '');

INSERT INTO activity (occurred_on, entity, entity_id, action, summary) VALUES
 ('2026-09-20', 'resource', 2, 'completed', 'Finished "The Manager''s Path"'),
 ('2026-11-22', 'resource', 1, 'progress', '6 lessons of "Certified Kubernetes Administrator"');
