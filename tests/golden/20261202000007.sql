-- Fills the golden database of version 20261202000007: a file as Ladder left it after migrations
-- 1 to 15 (indexes by team), with rows in every table: the same rows as
-- versions 20261202000005 and 6 (migration 7 only added indexes).
-- `make goldens` runs it on exactly those migrations and writes 20261202000007.sqlite beside it.

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

-- People, feedback asked for and received, and what the takeaways became (a milestone,
-- a goal and a resource made from them).
INSERT INTO people (id, name, role, team, relationship, notes, cadence_days, last_contact_on,
                    is_my_manager, archived_on) VALUES
 (1, 'Dana Okafor', 'Engineering Manager', 'Payments Platform', 'manager',
  'Prefers a written agenda the day before.', 14, '2026-11-19', 1, NULL),
 (2, 'Luis Ferreira', 'Staff Engineer', 'Infrastructure', 'mentor', 'Reviewed my on-call proposal.',
  30, '2026-11-03', 0, NULL),
 (3, 'Mei Tanaka', 'Product Manager', 'Checkout', 'stakeholder', '', NULL, '2026-10-14', 0, NULL),
 (4, 'Sam Whitfield', 'Senior Engineer', 'Payments Platform', 'peer', 'Left for another company in October.',
  NULL, '2026-09-30', 0, '2026-10-20');

INSERT INTO feedback_requests (id, person_id, focus_area_id, facet_id, goal_id, question, message, status,
                               asked_on, due_on, response, received_on, takeaways) VALUES
 (1, 2, 2, 6, 4, 'How could my on-call proposal make its trade-offs clearer?',
  'Hi Luis, could you tell me by next Wednesday how my on-call proposal could make its trade-offs clearer?',
  'received', '2026-11-04', '2026-11-11',
  'Lead with the two options you rejected and why; the cost table was the most convincing part.',
  '2026-11-10', 'Put the rejected options first; keep the cost table.'),
 (2, 1, 4, 12, NULL, 'What would you need to see from me before the team-lead opening is posted?',
  'Hi Dana, before our next 1:1: what would you need to see from me before the team-lead opening is posted?',
  'asked', '2026-11-20', '2026-12-04', '', NULL, ''),
 (3, 3, 1, NULL, NULL, 'Did the release notes help your team plan the checkout launch?', '', 'draft',
  NULL, NULL, '', NULL, ''),
 (4, 4, 2, 5, 2, 'Was the sprint planning clear enough for you?', '', 'declined', '2026-09-01',
  '2026-09-10', '', NULL, '');

INSERT INTO feedback_received (id, person_id, received_on, what, tone, focus_area_id, goal_id, takeaways) VALUES
 (1, 3, '2026-10-14', 'The launch checklist saved us a week of back-and-forth.', 'positive', 1, 3, ''),
 (2, 1, '2026-11-05', 'In the design review you proposed a solution before the juniors had spoken.',
  'constructive', 2, 4, 'Ask the juniors first in reviews.'),
 (3, 4, '2026-09-30', 'Your planning sessions were the shortest and clearest we had.', 'positive', NULL, NULL, '');

INSERT INTO milestones (id, goal_id, position, title, due_on, done_on) VALUES
 (6, 4, 4, 'Open the proposal with the options we rejected', '2026-11-18', '2026-11-16');
INSERT INTO goals (id, plan_id, focus_area_id, title, why, due_on, priority) VALUES
 (8, 2, 2, 'Let the juniors speak first in design reviews', 'From Dana''s feedback on 5 November.',
  '2026-12-31', 'medium');
INSERT INTO resources (id, kind, title, provider, focus_area_id, unit) VALUES
 (5, 'article', 'Writing design docs that decide', 'Staff Eng', 2, 'lessons');

INSERT INTO feedback_actions (feedback_request_id, feedback_received_id, goal_id, milestone_id, resource_id) VALUES
 (1, NULL, NULL, 6, NULL),
 (1, NULL, NULL, NULL, 5),
 (NULL, 2, 8, NULL, NULL);

INSERT INTO activity (occurred_on, entity, entity_id, action, summary) VALUES
 ('2026-11-10', 'feedback', 1, 'received', 'Luis Ferreira answered "How could my on-call proposal make its trade-offs clearer?"'),
 ('2026-11-05', 'feedback', 2, 'received_unasked', 'Dana Okafor: "In the design review you proposed a solution before the juniors had spoken."'),
 ('2026-11-11', 'goal', 8, 'created', 'Added the goal "Let the juniors speak first in design reviews"');

-- 1:1s with their agendas (a removed item kept hidden), saved topics and action items.
INSERT INTO one_on_ones (id, person_id, meets_on, status, notes, prepared_on) VALUES
 (1, 1, '2026-11-05', 'held',
  'Talked about the design review. Dana will ask the director about the team-lead timeline.', '2026-11-04'),
 (2, 1, '2026-11-19', 'held', 'Proposal approved for a pilot. Next: pick the two pilot teams.', '2026-11-18'),
 (3, 1, '2026-12-03', 'scheduled', '', '2026-11-26'),
 (4, 2, '2026-11-03', 'held', 'Mentoring: how to run a review with more senior people in the room.', NULL),
 (5, 3, '2026-10-28', 'cancelled', '', NULL);

INSERT INTO topics (id, person_id, source_kind, source_id, text, one_on_one_id) VALUES
 (1, 1, 'feedback_request', 1, 'Luis''s feedback on the proposal', 3),
 (2, 1, 'achievement', 3, 'Onboarded two new engineers in a week', NULL);

INSERT INTO action_items (id, one_on_one_id, text, owner, due_on, done_on) VALUES
 (1, 1, 'Ask the director about the team-lead timeline', 'them', '2026-11-19', NULL),
 (2, 1, 'Share the on-call proposal draft', 'me', '2026-11-12', '2026-11-11'),
 (3, 2, 'Pick the two pilot teams', 'me', '2026-11-26', NULL);

INSERT INTO agenda_items (one_on_one_id, position, section, text, source_kind, source_id, source_key,
                          edited, removed, discussed) VALUES
 (2, 0, 'wins', 'Led the incident review for the payments outage', 'achievement', 2, 'achievement:2', 0, 0, 1),
 (2, 1, 'milestones', '“Write the proposal and review it with staff engineers” (Lead the on-call redesign)',
  'milestone', 3, 'milestone:3', 0, 0, 1),
 (2, 2, 'help', 'Nobody booked for a December coffee chat yet: who should I ask?', 'check_in', 7, 'check_in:7', 1, 0, 0),
 (2, 3, 'learning', '“Certified Kubernetes Administrator”: 65 % done', 'resource', 1, 'resource:1', 0, 1, 0),
 (2, 4, 'career', 'What does the path to team lead look like from here?', NULL, NULL, NULL, 0, 0, 1),
 (3, 0, 'follow_ups', 'Action for Dana: Ask the director about the team-lead timeline', 'action_item', 1, 'action:1', 0, 0, 0),
 (3, 1, 'topics', 'Luis''s feedback on the proposal', 'feedback_request', 1, 'topic:1', 0, 0, 0),
 (3, 2, 'mine', 'Holiday cover for on-call', NULL, NULL, NULL, 0, 0, 0);

INSERT INTO activity (occurred_on, entity, entity_id, action, summary) VALUES
 ('2026-11-05', 'one_on_one', 1, 'held', '1:1 with Dana Okafor'),
 ('2026-11-19', 'one_on_one', 2, 'held', '1:1 with Dana Okafor'),
 ('2026-11-03', 'one_on_one', 4, 'held', '1:1 with Luis Ferreira');

-- Trash: a goal deleted with its milestone and a tag; a win was linked to it. The milestone's
-- row lacks updated_at, as a row trashed before a migration added a column would.
INSERT INTO trash (id, kind, record_id, title, contents, deleted_at) VALUES
 (1, 'goal', 90, 'Run a brown-bag on incident reviews', '1 milestone and 1 principle tag', '2026-11-20T15:04:05.000Z');
INSERT INTO trash_rows (trash_id, position, table_name, row_id, data) VALUES
 (1, 0, 'goals', 90, json_object('id', 90, 'plan_id', 2, 'focus_area_id', 3, 'title', 'Run a brown-bag on incident reviews',
   'why', 'Share what the payments review taught us.', 'measure', 'done', 'metric_name', NULL, 'metric_unit', '',
   'baseline', NULL, 'target', NULL, 'due_on', '2026-12-15', 'status', 'not_started', 'priority', 'medium',
   'carried_from_goal_id', NULL, 'created_at', '2026-10-02T09:00:00.000Z', 'updated_at', '2026-10-02T09:00:00.000Z')),
 (1, 1, 'milestones', 90, json_object('id', 90, 'goal_id', 90, 'title', 'Book a room', 'position', 1, 'due_on', NULL,
   'done_on', NULL, 'created_at', '2026-10-02T09:01:00.000Z')),
 (1, 2, 'goal_principles', 1, json_object('goal_id', 90, 'principle_id', 4, 'created_at', '2026-10-02T09:00:00.000Z',
   'updated_at', '2026-10-02T09:00:00.000Z'));
INSERT INTO trash_links (trash_id, table_name, row_id, column_name, value) VALUES
 (1, 'achievements', 1, 'goal_id', 90);
UPDATE achievements SET goal_id = NULL WHERE id = 1;

-- The profile the résumé is written from.
UPDATE profile SET name = 'Sam Rivera', title = 'Senior Software Engineer', company = 'Northwind Logistics', email = 'sam@example.com',
  location = 'Lisbon, Portugal', url = 'https://example.com/sam',
  summary = 'Backend engineer growing into team leadership.' WHERE id = 1;

-- Conversations and the people in them; a win that names its team.
INSERT INTO conversations (id, kind, held_on, topic, discussed, learned, team, follow_up, follow_up_on) VALUES
 (1, 'coffee_chat', '2026-11-03', 'Coffee with Mei about the platform team', 'Their roadmap for next year.',
  'A team-lead opening is coming in January.', 'Platform', 'Send Mei my on-call write-up', '2026-11-10'),
 (2, 'mentoring_given', '2026-11-12', 'Mentoring Luis on code review', '', '', '', '', NULL);
INSERT INTO conversation_people (conversation_id, person_id) VALUES (1, 3), (2, 2);
UPDATE achievements SET team = 'Payments' WHERE id = 2;

-- An opening heard of in that coffee, moved twice, with its people and what it asks for.
INSERT INTO opportunities (id, title, team, level, url, source, source_person_id, source_conversation_id,
                           heard_on, stage, notes, next_step, next_step_on, bring_to_one_on_one) VALUES
 (1, 'Team lead, Platform', 'Platform', 'L6', 'https://jobs.example.com/4711', 'conversation', 3, 1,
  '2026-11-03', 'talked_to_hiring_manager', 'Mei says they want someone who has run on-call.',
  'Ask Dana for a referral', '2026-11-30', 1),
 (2, 'Engineering manager, Search', 'Search', 'M1', NULL, 'posting', NULL, NULL, '2026-10-20', 'withdrawn', '', '', NULL, 0);
INSERT INTO opportunity_stages (opportunity_id, from_stage, to_stage, changed_on, reopened) VALUES
 (1, NULL, 'spotted', '2026-11-03', 0),
 (1, 'spotted', 'researching', '2026-11-05', 0),
 (1, 'researching', 'talked_to_hiring_manager', '2026-11-20', 0),
 (2, NULL, 'spotted', '2026-10-20', 0),
 (2, 'spotted', 'withdrawn', '2026-11-01', 0);
INSERT INTO opportunity_people (opportunity_id, person_id, role) VALUES (1, 3, 'referrer'), (1, 1, 'other');
INSERT INTO opportunity_focus_areas (opportunity_id, focus_area_id) VALUES (1, 2), (1, 4);
INSERT INTO opportunity_principles (opportunity_id, principle_id) VALUES (1, 2);
