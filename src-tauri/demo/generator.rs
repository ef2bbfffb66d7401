//! One generator of realistic data, written through the domain functions.
//!
//! It serves the benchmark ("five years of use"), the screenshots, the tests and the
//! example plan. Output is deterministic for a given `today` and scale, so runs compare.
//!
//! Each quarter gets a plan with goals spread over the seven focus areas, milestones (some
//! completed, some overdue), and check-ins through the quarter. Every past quarter is
//! closed through the quarterly review, carrying two unfinished goals forward; the
//! current quarter's plan is active.

use chrono::{Days, Months, NaiveDate};
use sqlx::SqlitePool;

use crate::demo::samples::{
    WinIdea, ACTIONS, FIRST, GOALS, HEARD, INTENTS, LAST, QUESTIONS, RELATIONS, RESOURCES, STEPS,
    WINS,
};
use crate::infra::clock;
use crate::infra::error::AppResult;
use crate::learning::resources::{self, EntryInput, ResourceInput, Unit};
use crate::one_on_ones::schedule::{self, ActionInput, OneOnOneInput, OneOnOneStatus, Owner};
use crate::people::feedback::{self, ReceivedInput, RequestInput, ResponseInput};
use crate::people::person::{self, PersonInput, Relationship};
use crate::planning::assessments::{self, Assessment};
use crate::planning::checkins::{self, CheckInInput};
use crate::planning::goals::{self, GoalInput, GoalStatus, MeasureKind, Priority};
use crate::planning::milestones::{self, MilestoneInput};
use crate::planning::plans::{self, Plan, PlanInput, PlanStatus};
use crate::planning::review::{self, CloseInput};
use crate::views::agenda_draft;
use crate::wins::story::{self, Story};
use crate::wins::win::{self, WinInput};

mod network;
mod readiness;

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Quarterly plans, the newest in the current quarter.
    pub plans: usize,
    /// Goals in each plan, counting those carried in.
    pub goals_per_plan: usize,
    pub milestones_per_goal: usize,
    pub check_ins_per_goal: usize,
    /// Wins logged during each quarter; every other one gets a STAR story.
    pub wins_per_plan: usize,
    /// Learning resources started each quarter, and progress entries logged on each.
    pub resources_per_plan: usize,
    pub entries_per_resource: usize,
    /// People met over the years, and feedback requests made to them.
    pub people: usize,
    pub requests_per_plan: usize,
    /// One-on-ones with the manager, spread over all the quarters.
    pub one_on_ones: usize,
    /// Conversations logged and opportunities heard of each quarter.
    pub conversations_per_plan: usize,
    pub opportunities_per_plan: usize,
    /// Expectations of the one target role (none: no role), rated and with evidence.
    pub expectations: usize,
}

impl Scale {
    /// Five years of use: 20 plans, 600 goals, about 6,000 milestones, 12,000 check-ins,
    /// 2,000 wins, 2,000 learning resources with 40,000 progress entries, 300 people and
    /// 1,000 feedback requests, 130 one-on-ones, 3,000 conversations, 200 opportunities, and a
    /// target role with 40 expectations.
    pub const STANDARD: Scale = Scale {
        plans: 20,
        goals_per_plan: 30,
        milestones_per_goal: 10,
        check_ins_per_goal: 20,
        wins_per_plan: 100,
        resources_per_plan: 100,
        entries_per_resource: 20,
        people: 300,
        requests_per_plan: 50,
        one_on_ones: 130,
        conversations_per_plan: 150,
        opportunities_per_plan: 10,
        expectations: 40,
    };
}

/// A small deterministic sequence, so generated data is the same run after run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % sides.max(1)
    }
}

/// What the steps share across the whole run.
struct Context<'a> {
    pool: &'a SqlitePool,
    scale: Scale,
    dice: Dice,
    person_ids: Vec<i64>,
    /// The last 1:1's action, which the next 1:1 usually marks done.
    open_action: Option<i64>,
}

/// One plan's quarter while it is being filled.
struct Quarter {
    /// Position of the plan, oldest first.
    index: usize,
    plan: Plan,
    /// The newest plan, still under way on `today`.
    current: bool,
    /// The last day anything happens: the quarter's end, or `today` for the current one.
    last_day: NaiveDate,
    /// Days from the start of the quarter to `last_day`.
    span: u64,
    /// The plan's goals, once they are all in.
    goal_ids: Vec<i64>,
}

impl Quarter {
    /// The day `offset` days into the quarter, never past `last_day`.
    fn day(&self, offset: u64) -> NaiveDate {
        self.plan.starts_on + Days::new(offset.min(self.span))
    }
}

/// Fills the database with `scale` worth of history ending in the quarter of `today`.
pub async fn generate(pool: &SqlitePool, today: NaiveDate, scale: Scale) -> AppResult<()> {
    let mut ctx = Context {
        pool,
        scale,
        dice: Dice(7),
        person_ids: Vec::new(),
        open_action: None,
    };
    ctx.person_ids = add_people(pool, scale.people).await?;
    let plan_ids = add_plans(pool, today, scale.plans).await?;
    for (index, &plan_id) in plan_ids.iter().enumerate() {
        let current = index + 1 == plan_ids.len();
        let mut quarter = open_quarter(&mut ctx, index, plan_id, current, today).await?;
        add_goals(&mut ctx, &quarter).await?;
        quarter.goal_ids = sqlx::query_scalar("SELECT id FROM goals WHERE plan_id = ? ORDER BY id")
            .bind(plan_id)
            .fetch_all(pool)
            .await?;
        add_wins(&mut ctx, &quarter).await?;
        add_resources(&mut ctx, &quarter).await?;
        ask_for_feedback(&mut ctx, &quarter).await?;
        add_heard_feedback(&ctx, &quarter).await?;
        hold_one_on_ones(&mut ctx, &quarter, plan_ids.len()).await?;
        network::add_conversations(&mut ctx, &quarter).await?;
        network::add_opportunities(&mut ctx, &quarter).await?;
        if !current {
            close_quarter(&mut ctx, &quarter).await?;
        }
    }
    readiness::add_target_role(&mut ctx, today).await?;
    Ok(())
}

/// The people met over the years; the first is the manager.
async fn add_people(pool: &SqlitePool, count: usize) -> AppResult<Vec<i64>> {
    let mut person_ids = Vec::new();
    for n in 0..count {
        let person = person::create(pool, person_input(n)).await?;
        person_ids.push(person.id);
    }
    Ok(person_ids)
}

fn person_input(n: usize) -> PersonInput {
    PersonInput {
        name: format!(
            "{} {}{}",
            FIRST[n % FIRST.len()],
            // Shifting the surname with the first name keeps pairs unique for the
            // first 120 people and the short example's team varied.
            LAST[(n + n / FIRST.len()) % LAST.len()],
            if n >= 120 {
                format!(" {}", n / 120 + 1)
            } else {
                String::new()
            }
        ),
        role: Some(
            [
                "Engineer",
                "Product manager",
                "Engineering manager",
                "Analyst",
                "Designer",
            ][n % 5]
                .to_owned(),
        ),
        team: Some(format!("Team {}", n % 15 + 1)),
        relationship: Some(if n == 0 {
            Relationship::Manager
        } else {
            RELATIONS[n % RELATIONS.len()]
        }),
        cadence_days: Some([14, 30, 60, 90][n % 4]),
        is_my_manager: Some(n == 0),
        ..PersonInput::default()
    }
}

/// One plan per quarter, oldest first, the newest in the quarter of `today`.
async fn add_plans(pool: &SqlitePool, today: NaiveDate, count: usize) -> AppResult<Vec<i64>> {
    let (current_start, _) = clock::quarter_of(today, 1);
    let mut plan_ids = Vec::new();
    for back in (0..count).rev() {
        let (starts_on, ends_on) =
            clock::quarter_of(current_start - Months::new(3 * back as u32), 1);
        let plan = plans::create(
            pool,
            PlanInput {
                title: format!("{} growth plan", clock::quarter_label(starts_on, 1)),
                intent: Some(INTENTS[back % INTENTS.len()].to_owned()),
                starts_on: Some(starts_on.to_string()),
                ends_on: Some(ends_on.to_string()),
            },
            starts_on,
        )
        .await?;
        plan_ids.push(plan.id);
    }
    Ok(plan_ids)
}

/// Activates the plan and rates the focus areas at the start of its quarter.
async fn open_quarter(
    ctx: &mut Context<'_>,
    index: usize,
    plan_id: i64,
    current: bool,
    today: NaiveDate,
) -> AppResult<Quarter> {
    let pool = ctx.pool;
    let plan = plans::get(pool, plan_id).await?;
    let last_day = if current {
        today.min(plan.ends_on)
    } else {
        plan.ends_on
    };
    let span = (last_day - plan.starts_on).num_days().max(0) as u64;
    if plan.status == PlanStatus::Draft {
        plans::set_status(pool, plan_id, PlanStatus::Active, plan.starts_on).await?;
    }
    let opening = rate_focus_areas(&mut ctx.dice);
    assessments::save_opening(pool, plan_id, opening).await?;
    Ok(Quarter {
        index,
        plan,
        current,
        last_day,
        span,
        goal_ids: Vec::new(),
    })
}

/// A rating for each of the seven focus areas.
fn rate_focus_areas(dice: &mut Dice) -> Vec<Assessment> {
    (1..=7)
        .map(|area| Assessment {
            focus_area_id: area,
            rating: 1 + dice.roll(5) as i64,
            note: String::new(),
        })
        .collect()
}

/// Tops the plan up to its share of goals (carried goals count), each with its
/// milestones, check-ins and, in a past quarter, how it ended.
async fn add_goals(ctx: &mut Context<'_>, q: &Quarter) -> AppResult<()> {
    let pool = ctx.pool;
    let mut titles: Vec<String> = sqlx::query_scalar("SELECT title FROM goals WHERE plan_id = ?")
        .bind(q.plan.id)
        .fetch_all(pool)
        .await?;
    for g in titles.len()..ctx.scale.goals_per_plan {
        let ideas = GOALS[g % 7];
        // The next idea for this area that the plan does not hold yet (carried goals
        // come in with their titles).
        let title = (0..ideas.len())
            .map(|k| ideas[(g / 7 + q.index + k) % ideas.len()].to_owned())
            .find(|t| !titles.contains(t))
            .unwrap_or_else(|| format!("{} (part {})", ideas[g % ideas.len()], g / 7 + 1));
        titles.push(title.clone());
        let (baseline, target) = if g.is_multiple_of(2) {
            (20.0, 5.0)
        } else {
            (0.0, 10.0)
        };
        let input = goal_input(q, g, title, baseline, target);
        let goal = goals::create(pool, q.plan.id, input, q.plan.starts_on).await?;
        add_milestones(ctx, q, g, goal.id).await?;
        add_check_ins(ctx, q, goal.id, baseline, target).await?;
        if !q.current {
            settle_goal(ctx, q, goal.id).await?;
        }
    }
    Ok(())
}

/// The `g`th goal of the plan; every third is measured by a metric.
fn goal_input(q: &Quarter, g: usize, title: String, baseline: f64, target: f64) -> GoalInput {
    let metric = g.is_multiple_of(3);
    GoalInput {
        title,
        focus_area_id: (g % 7) as i64 + 1,
        why: Some(format!(
            "Part of this quarter's intent: {}",
            INTENTS[q.index % INTENTS.len()]
        )),
        measure: Some(if metric {
            MeasureKind::Metric
        } else {
            MeasureKind::Done
        }),
        metric_name: metric.then(|| {
            if g.is_multiple_of(2) {
                "Open issues"
            } else {
                "Sessions held"
            }
            .to_owned()
        }),
        metric_unit: metric.then(|| {
            if g.is_multiple_of(2) {
                "issues"
            } else {
                "sessions"
            }
            .to_owned()
        }),
        baseline: metric.then_some(baseline),
        target: metric.then_some(target),
        due_on: Some(q.plan.ends_on.to_string()),
        priority: Some([Priority::High, Priority::Medium, Priority::Low][g % 3]),
        ..GoalInput::default()
    }
}

/// Steps spread over the quarter; most past ones get done, a few slip and stay overdue.
async fn add_milestones(
    ctx: &mut Context<'_>,
    q: &Quarter,
    g: usize,
    goal_id: i64,
) -> AppResult<()> {
    let count = ctx.scale.milestones_per_goal;
    for m in 0..count {
        let due = q.day((m as u64 + 1) * 90 / (count as u64 + 1));
        let step = MilestoneInput {
            title: STEPS[(m + g * 3) % STEPS.len()].to_owned(),
            due_on: Some(due.to_string()),
        };
        let added = milestones::add(ctx.pool, goal_id, step, q.plan.starts_on).await?;
        if due <= q.last_day && ctx.dice.roll(10) < 7 {
            milestones::set_done(ctx.pool, added.id, true, due).await?;
        }
    }
    Ok(())
}

/// Check-ins through the quarter, the value drifting towards most of the target.
async fn add_check_ins(
    ctx: &mut Context<'_>,
    q: &Quarter,
    goal_id: i64,
    baseline: f64,
    target: f64,
) -> AppResult<()> {
    let count = ctx.scale.check_ins_per_goal;
    for c in 0..count {
        let on = q.day((c as u64 + 1) * q.span / (count as u64 + 1));
        let share = (c + 1) as f64 / count as f64;
        let drift = ctx.dice.roll(5) as f64 - 2.0;
        let value = baseline + (target - baseline) * share * 0.9 + drift;
        let input = CheckInInput {
            on_date: Some(on.to_string()),
            value: Some(value),
            confidence: 1 + ctx.dice.roll(5) as i64,
            note: None,
        };
        checkins::add(ctx.pool, goal_id, input, q.last_day).await?;
    }
    Ok(())
}

/// How a past quarter's goal ended: mostly done, some dropped, the rest left open.
async fn settle_goal(ctx: &mut Context<'_>, q: &Quarter, goal_id: i64) -> AppResult<()> {
    let status = match ctx.dice.roll(10) {
        0..=5 => Some(GoalStatus::Done),
        6 => Some(GoalStatus::Dropped),
        _ => None,
    };
    if let Some(status) = status {
        goals::set_status(ctx.pool, goal_id, status, q.last_day).await?;
    }
    Ok(())
}

/// Wins logged through the quarter; every other one gets a STAR story.
async fn add_wins(ctx: &mut Context<'_>, q: &Quarter) -> AppResult<()> {
    let count = ctx.scale.wins_per_plan;
    for w in 0..count {
        let on = q.day((w as u64 * q.span) / count.max(1) as u64);
        let first = 1 + ctx.dice.roll(16) as i64;
        let input = win_input(q, w, on, first);
        let win = win::create(ctx.pool, input, q.last_day).await?;
        if w.is_multiple_of(2) {
            let story = star_story(WINS[(w + q.index) % WINS.len()]);
            story::save(ctx.pool, win.id, story, q.last_day).await?;
        }
    }
    Ok(())
}

/// The `w`th win of the quarter, tied to one principle (every third to two).
fn win_input(q: &Quarter, w: usize, on: NaiveDate, first: i64) -> WinInput {
    let (title, metric, unit, before, after, higher) = WINS[(w + q.index) % WINS.len()];
    let principles = if w.is_multiple_of(3) {
        vec![first, 1 + (first % 16)]
    } else {
        vec![first]
    };
    let goal_ids = &q.goal_ids;
    WinInput {
        team: w.is_multiple_of(4).then(|| format!("Team {}", w % 18 + 1)),
        title: title.to_owned(),
        occurred_on: Some(on.to_string()),
        description: Some(format!("Logged during {}.", q.plan.title)),
        focus_area_id: Some((w % 7) as i64 + 1),
        goal_id: w
            .is_multiple_of(4)
            .then(|| goal_ids[w % goal_ids.len().max(1)])
            .filter(|_| !goal_ids.is_empty()),
        impact_metric: (!metric.is_empty()).then(|| metric.to_owned()),
        impact_unit: Some(unit.to_owned()),
        impact_before: (!metric.is_empty()).then_some(before),
        impact_after: (!metric.is_empty()).then_some(after),
        higher_is_better: Some(higher),
        principle_ids: Some(principles),
        links: None,
    }
}

/// The STAR story told about a win.
fn star_story((title, metric, unit, before, after, _): WinIdea) -> Story {
    Story {
        situation: format!("{title}: the team had lived with the problem for months."),
        task: "I took it on without being asked and agreed a target with my manager.".to_owned(),
        action:
            "I measured the baseline, fixed the biggest cause first and shared progress weekly."
                .to_owned(),
        result: if metric.is_empty() {
            "Leadership approved the plan in the first meeting.".to_owned()
        } else {
            format!("{metric} went from {before} to {after} {unit}.")
        },
    }
}

/// Learning resources started this quarter, with progress logged through it.
async fn add_resources(ctx: &mut Context<'_>, q: &Quarter) -> AppResult<()> {
    for r in 0..ctx.scale.resources_per_plan {
        let (_, _, _, unit) = RESOURCES[r % RESOURCES.len()];
        let per_entry = if unit == Unit::Pages { 10.0 } else { 1.0 };
        let input = resource_input(q, r, per_entry, ctx.scale.entries_per_resource);
        let resource = resources::create(ctx.pool, input, q.plan.starts_on).await?;
        let count = ctx.scale.entries_per_resource;
        for e in 0..count {
            let on = q.day((e as u64 + 1) * q.span / (count as u64 + 1));
            let entry = EntryInput {
                on_date: Some(on.to_string()),
                units: Some(per_entry),
                minutes: Some(20 + ctx.dice.roll(60) as i64),
                ..EntryInput::default()
            };
            resources::log_progress(ctx.pool, resource.id, entry, q.last_day).await?;
        }
    }
    Ok(())
}

/// The `r`th resource of the quarter, sized so `entries` entries of `per_entry` finish
/// about a third of them; the rest stay in progress.
fn resource_input(q: &Quarter, r: usize, per_entry: f64, entries: usize) -> ResourceInput {
    let (name, provider, kind, unit) = RESOURCES[r % RESOURCES.len()];
    let entries = entries as f64;
    let total = if r.is_multiple_of(3) {
        entries * per_entry
    } else {
        entries * per_entry * 2.0
    };
    let goal_ids = &q.goal_ids;
    ResourceInput {
        kind: Some(kind),
        title: format!(
            "{name} ({} #{})",
            clock::quarter_label(q.plan.starts_on, 1),
            r + 1
        ),
        provider: Some(provider.to_owned()),
        url: Some(format!("https://learn.example.com/{}", r + 1)),
        focus_area_id: Some(if r.is_multiple_of(2) { 7 } else { 6 }),
        total_units: Some(total),
        unit: Some(unit),
        target_on: Some(q.plan.ends_on.to_string()),
        goal_ids: goal_ids.get(r % goal_ids.len().max(1)).map(|g| vec![*g]),
        ..ResourceInput::default()
    }
}

/// Feedback requests through the quarter: most get asked; most of those get answered.
async fn ask_for_feedback(ctx: &mut Context<'_>, q: &Quarter) -> AppResult<()> {
    let pool = ctx.pool;
    let count = ctx.scale.requests_per_plan;
    for n in 0..count {
        if ctx.person_ids.is_empty() {
            break;
        }
        let asked_day = q.day((n as u64 * q.span) / count.max(1) as u64);
        let input = request_input(ctx, q, n, asked_day);
        let request = feedback::create_request(pool, input, asked_day).await?;
        if !n.is_multiple_of(5) {
            feedback::mark_asked(pool, request.id, asked_day).await?;
            let answered = asked_day + Days::new(1 + ctx.dice.roll(10));
            if !n.is_multiple_of(4) && answered <= q.last_day {
                let answer = ResponseInput {
                    response: "Keep sharing decisions early; give the team more room to propose solutions.".to_owned(),
                    received_on: Some(answered.to_string()),
                    takeaways: Some("Ask before proposing.".to_owned()),
                };
                feedback::record_response(pool, request.id, answer, q.last_day).await?;
            }
        }
    }
    Ok(())
}

/// The `n`th feedback request of the quarter, due two weeks after it is asked.
fn request_input(ctx: &Context<'_>, q: &Quarter, n: usize, asked_day: NaiveDate) -> RequestInput {
    let (person_ids, goal_ids) = (&ctx.person_ids, &q.goal_ids);
    RequestInput {
        person_id: person_ids[(n * 7 + q.index) % person_ids.len()],
        focus_area_id: (n % 7) as i64 + 1,
        facet_id: None,
        goal_id: goal_ids.get(n % goal_ids.len().max(1)).copied(),
        question: QUESTIONS[(n + q.index) % QUESTIONS.len()].to_owned(),
        due_on: Some((asked_day + Days::new(14)).to_string()),
    }
}

/// Feedback heard without asking, twice a quarter.
async fn add_heard_feedback(ctx: &Context<'_>, q: &Quarter) -> AppResult<()> {
    let person_ids = &ctx.person_ids;
    for h in 0..2 {
        if person_ids.is_empty() {
            break;
        }
        let (what, tone) = HEARD[(q.index * 2 + h) % HEARD.len()];
        let heard = ReceivedInput {
            person_id: person_ids[(q.index * 3 + h * 5) % person_ids.len()],
            received_on: Some(q.day(q.span * (h as u64 + 1) / 3).to_string()),
            what: what.to_owned(),
            tone: Some(tone),
            focus_area_id: Some(((q.index + h) % 7) as i64 + 1),
            ..ReceivedInput::default()
        };
        feedback::add_received(ctx.pool, heard, q.last_day).await?;
    }
    Ok(())
}

/// This quarter's share of the 1:1s with the manager, spread evenly over it; those
/// still ahead stay scheduled.
async fn hold_one_on_ones(ctx: &mut Context<'_>, q: &Quarter, plan_count: usize) -> AppResult<()> {
    let from = q.index * ctx.scale.one_on_ones / plan_count;
    let to = (q.index + 1) * ctx.scale.one_on_ones / plan_count;
    let quarter = (q.plan.ends_on - q.plan.starts_on).num_days().max(1) as u64;
    for k in from..to {
        if ctx.person_ids.is_empty() {
            break;
        }
        let on = q.plan.starts_on + Days::new(3 + (k - from) as u64 * quarter / (to - from) as u64);
        let input = OneOnOneInput {
            person_id: None,
            meets_on: on.to_string(),
        };
        let meeting = schedule::create(ctx.pool, input).await?;
        if on <= q.last_day {
            hold_meeting(ctx, k, meeting.id, on).await?;
        }
    }
    Ok(())
}

/// A 1:1 that has happened: the last action mostly done, prepared, four items in five
/// discussed, notes and one new action, held.
async fn hold_meeting(
    ctx: &mut Context<'_>,
    k: usize,
    meeting_id: i64,
    on: NaiveDate,
) -> AppResult<()> {
    let pool = ctx.pool;
    if let Some(previous) = ctx.open_action.take() {
        if !k.is_multiple_of(3) {
            schedule::set_action_done(pool, previous, true, on).await?;
        }
    }
    let (detail, _) = agenda_draft::prepare(pool, meeting_id, on).await?;
    for (n, item) in detail.agenda.iter().enumerate() {
        if n % 5 != 1 {
            crate::one_on_ones::agenda::set_discussed(pool, item.id, true).await?;
        }
    }
    let notes = "Went through the goals that moved and agreed the next steps.";
    schedule::save_notes(pool, meeting_id, notes).await?;
    let action = ActionInput {
        text: ACTIONS[k % ACTIONS.len()].to_owned(),
        owner: Some(if k.is_multiple_of(2) {
            Owner::Me
        } else {
            Owner::Them
        }),
        due_on: Some((on + Days::new(14)).to_string()),
    };
    ctx.open_action = Some(schedule::add_action(pool, meeting_id, action).await?.id);
    schedule::set_status(pool, meeting_id, OneOnOneStatus::Held, on).await?;
    Ok(())
}

/// Closes a past quarter through the review, rating the areas again and carrying two
/// unfinished goals forward.
async fn close_quarter(ctx: &mut Context<'_>, q: &Quarter) -> AppResult<()> {
    let pool = ctx.pool;
    let detail = crate::planning::plan_view::detail(pool, q.plan.id, q.last_day).await?;
    let carry: Vec<i64> = detail
        .areas
        .iter()
        .flat_map(|a| a.goals.iter())
        .filter(|g| g.status.is_open())
        .take(2)
        .map(|g| g.id)
        .collect();
    let closing = rate_focus_areas(&mut ctx.dice);
    let input = CloseInput {
        carry_goal_ids: carry,
        closing,
    };
    review::close_quarter(pool, q.plan.id, input, q.plan.ends_on).await?;
    Ok(())
}
