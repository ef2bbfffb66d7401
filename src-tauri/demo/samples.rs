//! The words the generator builds its data from: goal ideas per focus area, wins with
//! their numbers, courses and books, feedback questions, names. Kept apart from the
//! generator's logic so each reads on its own.

use crate::learning::resources::{ResourceKind, Unit};
use crate::people::feedback::Tone;
use crate::people::person::Relationship;

pub(crate) const QUESTIONS: &[&str] = &[
    "What is one thing I should keep doing, and one I should change?",
    "How clear were my updates in the planning meeting?",
    "When I ran the incident review, what would you have done differently?",
    "Do I give the team enough room to propose their own solutions?",
    "What should I do more of to be ready to lead the team?",
    "How did the hiring debrief I chaired come across?",
];

pub(crate) const HEARD: &[(&str, Tone)] = &[
    (
        "Your write-up of the outage was the clearest one this year.",
        Tone::Positive,
    ),
    (
        "In the review you answered for the team before they could speak.",
        Tone::Constructive,
    ),
    (
        "Thanks for pairing with the new joiner all week; it made a difference.",
        Tone::Positive,
    ),
    (
        "The roadmap slides had too much detail for the leadership audience.",
        Tone::Constructive,
    ),
];

pub(crate) const ACTIONS: &[&str] = &[
    "Send the draft hiring plan",
    "Introduce me to the platform lead",
    "Write up the on-call proposal",
    "Share the promotion criteria",
    "Book a skip-level coffee",
];

pub(crate) const INTENTS: &[&str] = &[
    "Show I can run a team's work end to end before asking for the manager role.",
    "Close the gap my last review named: make my decisions and their reasons visible.",
    "Take on the hiring loop for the new team and mentor two newer engineers.",
    "Lead the migration project and report on it to the skip-level every month.",
    "Finish the management course and practise its lessons in weekly 1:1s.",
    "Get known outside my team: present twice at the operations review.",
    "Cut the backlog of escaped defects and write the playbook for it.",
    "Prepare an internal application for the open team-lead position.",
];

/// Goal ideas per focus area (index = focus area id - 1).
pub(crate) const GOALS: [&[&str]; 7] = [
    &[
        "Cut escaped defects",
        "Ship the quarterly roadmap on time",
        "Automate the weekly report",
        "Raise on-call response rate",
    ],
    &[
        "Run the team's planning meetings",
        "Mentor two newer engineers",
        "Write decision records for big calls",
        "Lead a post-incident review",
    ],
    &[
        "Collect a story for each principle",
        "Own a customer escalation end to end",
        "Simplify the release checklist",
    ],
    &[
        "Shadow a manager for a month",
        "Apply for the team-lead opening",
        "Map the org's open leadership roles",
    ],
    &[
        "Monthly coffee with a skip-level",
        "Present at the operations review",
        "Join the cross-team architecture group",
    ],
    &[
        "Learn the billing system deeply",
        "Practise giving hard feedback",
        "Get fluent in the data warehouse",
    ],
    &[
        "Finish the people-management course",
        "Read two leadership books",
        "Attend the regional tech conference",
    ],
];

/// A win: title, impact metric, unit, before, after, whether higher is better.
pub(crate) type WinIdea = (&'static str, &'static str, &'static str, f64, f64, bool);

pub(crate) const WINS: &[WinIdea] = &[
    (
        "Cut the release failure rate",
        "Failed releases",
        "per month",
        8.0,
        1.0,
        false,
    ),
    (
        "Sped up the nightly data load",
        "Load time",
        "minutes",
        95.0,
        30.0,
        false,
    ),
    (
        "Grew the on-call rota",
        "Engineers on the rota",
        "people",
        4.0,
        9.0,
        true,
    ),
    (
        "Closed the customer escalation early",
        "Days to resolve",
        "days",
        12.0,
        3.0,
        false,
    ),
    (
        "Automated the weekly report",
        "Hours spent each week",
        "hours",
        6.0,
        0.5,
        false,
    ),
    (
        "Raised test coverage of billing",
        "Line coverage",
        "%",
        41.0,
        78.0,
        true,
    ),
    (
        "Mentored a new engineer to first on-call",
        "Weeks to first on-call",
        "weeks",
        12.0,
        6.0,
        false,
    ),
    (
        "Presented the migration plan to leadership",
        "",
        "",
        0.0,
        0.0,
        true,
    ),
];

pub(crate) const RESOURCES: &[(&str, &str, ResourceKind, Unit)] = &[
    (
        "People management essentials",
        "Coursely",
        ResourceKind::Course,
        Unit::Lessons,
    ),
    (
        "The first-time manager",
        "Northwind Press",
        ResourceKind::Book,
        Unit::Chapters,
    ),
    (
        "Cloud architect certificate",
        "CloudCo",
        ResourceKind::Certification,
        Unit::Hours,
    ),
    (
        "Negotiation for engineers",
        "Internal academy",
        ResourceKind::Workshop,
        Unit::Hours,
    ),
    (
        "Designing data systems",
        "Northwind Press",
        ResourceKind::Book,
        Unit::Pages,
    ),
    (
        "Leading without authority",
        "Talks weekly",
        ResourceKind::Podcast,
        Unit::Hours,
    ),
    (
        "Running effective 1:1s",
        "Coursely",
        ResourceKind::Video,
        Unit::Lessons,
    ),
];

pub(crate) const STEPS: &[&str] = &[
    "Agree the scope with my manager",
    "Draft a first version",
    "Ask a peer for feedback",
    "Share the draft with the team",
    "Run the first session",
    "Measure the baseline",
    "Write up what I learned",
    "Review progress in a 1:1",
    "Fix what the review found",
    "Present the result",
];

pub(crate) const FIRST: [&str; 12] = [
    "Priya", "Sam", "Ana", "Dana", "Eli", "Noor", "Kenji", "Lena", "Omar", "Rosa", "Tom", "Yara",
];

pub(crate) const LAST: [&str; 10] = [
    "Raman", "Okafor", "Lind", "Silva", "Kowalski", "Haddad", "Moreau", "Tanaka", "Berg", "Quinn",
];

pub(crate) const RELATIONS: [Relationship; 6] = [
    Relationship::Peer,
    Relationship::Stakeholder,
    Relationship::Mentor,
    Relationship::SkipLevel,
    Relationship::DirectReport,
    Relationship::Other,
];
