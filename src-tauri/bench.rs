//! `make bench`: fills a fresh database with the standard data set through the generator,
//! then times each call a screen makes and prints p50/p99 per call.
//!
//! `cargo bench --bench bench -- --generate DIR` only writes the data set to
//! `DIR/ladder.sqlite3` (for screenshots and trying the app on realistic data).
//! `--today YYYY-MM-DD` sets the day the data set ends on (2026-11-26 unless given, the
//! day the end-to-end tests pin): an argument rather than the app's `LADDER_TODAY`, which
//! exists only in a `test-hooks` build and the bench is measured without it.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sqlx::{AssertSqlSafe, SqlitePool};

use ladder_lib::demo::generator::{self, Scale};
use ladder_lib::infra::backups::{self, Reason};
use ladder_lib::infra::error::{AppError, AppResult};
use ladder_lib::infra::{limits, restore};
use ladder_lib::learning::csv_import::{self, OnDuplicate};
use ladder_lib::learning::resources::{self, LearningStatus, ResourceFilter};
use ladder_lib::mobility::conversations;
use ladder_lib::mobility::opportunities::{self, EndedPage};
use ladder_lib::planning::plans::{self, Plan, PlanInput};
use ladder_lib::readiness::{evidence, ratings, roles, score};
use ladder_lib::views::keywords;
use ladder_lib::views::network;
use ladder_lib::workflows::exchange;
use ladder_lib::{
    framework::focus_areas, framework::principles, framework::settings, infra::activity,
    infra::clock, infra::db, learning::history, planning::plan_view, planning::review,
    views::goal_detail, wins::coverage, wins::win,
};
use ladder_lib::{
    one_on_ones::agenda, one_on_ones::schedule, people::feedback, people::person,
    views::agenda_draft, views::calendar, views::dashboard, views::person_page, views::search,
};

const RUNS: usize = 2_000;
const TARGET: Duration = Duration::from_millis(5);

/// The promotion packet is assembled on request, not on every screen: its own target.
const PACKET_TARGET: Duration = Duration::from_millis(20);

struct Row {
    call: &'static str,
    p50: Duration,
    p99: Duration,
    target: Duration,
}

impl Row {
    fn within(self, target: Duration) -> Row {
        Row { target, ..self }
    }
}

async fn measure<T, F, Fut>(call: &'static str, mut f: F) -> AppResult<Row>
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = AppResult<T>>,
{
    for i in 0..50 {
        f(i).await?;
    }
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        let start = Instant::now();
        f(i).await?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(Row {
        call,
        p50: times[RUNS / 2],
        p99: times[RUNS * 99 / 100],
        target: TARGET,
    })
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// What the measurements look up once the data set is in.
struct Fixture {
    pool: SqlitePool,
    today: NaiveDate,
    generated: Duration,
    active: Plan,
    last_closed: Plan,
    busiest_goal: i64,
    /// The first 1:1 still ahead: what Prepare drafts today.
    next_one_on_one: i64,
}

async fn run() -> AppResult<()> {
    let args: Vec<String> = std::env::args().collect();
    let today = match args.iter().position(|a| a == "--today") {
        Some(i) => args
            .get(i + 1)
            .and_then(|text| clock::parse_date(text))
            .ok_or_else(|| AppError::invalid("today", "--today takes a date like 2026-11-26"))?,
        None => NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date"),
    };

    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let dir = args
            .get(i + 1)
            .map(String::as_str)
            .unwrap_or("ladder-sample");
        return write_data_set(&PathBuf::from(dir), today).await;
    }

    let dir = tempfile::tempdir()?;
    let f = set_up(&dir.path().join(db::DB_FILE), today).await?;
    let mut rows = Vec::new();
    rows.extend(measure_plans(&f).await?);
    rows.extend(measure_wins(&f).await?);
    rows.extend(measure_learning(&f).await?);
    rows.extend(measure_people(&f).await?);
    rows.extend(measure_network(&f).await?);
    rows.extend(measure_readiness(&f).await?);
    rows.extend(measure_packet(&f).await?);
    rows.extend(measure_dashboard_and_search(&f).await?);
    rows.extend(measure_one_on_ones(&f).await?);
    rows.extend(measure_settings_and_saves(&f).await?);
    print_table(&f, &rows).await?;
    time_backups(&f, dir.path()).await?;
    time_trash(&f).await?;
    time_exchange(&f, dir.path()).await?;
    time_calendar(&f).await?;
    time_csv_import(&f).await?;
    f.pool.close().await;
    Ok(())
}

/// `--generate DIR`: writes the standard data set to `DIR/ladder.sqlite3` and stops.
async fn write_data_set(dir: &Path, today: NaiveDate) -> AppResult<()> {
    let path = dir.join(db::DB_FILE);
    if path.exists() {
        eprintln!("{} exists already; pick an empty folder", path.display());
        std::process::exit(2);
    }
    let pool = db::connect(&path).await?;
    generator::generate(&pool, today, Scale::STANDARD).await?;
    pool.close().await;
    println!("wrote the standard data set to {}", path.display());
    Ok(())
}

/// Generates the standard data set at `path` and finds what the calls look up.
async fn set_up(path: &Path, today: NaiveDate) -> AppResult<Fixture> {
    let pool = db::connect(path).await?;
    let started = Instant::now();
    generator::generate(&pool, today, Scale::STANDARD).await?;
    let generated = started.elapsed();
    let active = plans::list(&pool).await?[0].clone();
    let last_closed = plans::list(&pool).await?[1].clone();
    let busiest_goal: i64 = sqlx::query_scalar(
        "SELECT goal_id FROM check_ins GROUP BY goal_id ORDER BY count(*) DESC, goal_id LIMIT 1",
    )
    .fetch_one(&pool)
    .await?;
    let next_one_on_one: i64 = sqlx::query_scalar(
        "SELECT id FROM one_on_ones WHERE status = 'scheduled' ORDER BY meets_on LIMIT 1",
    )
    .fetch_one(&pool)
    .await?;
    Ok(Fixture {
        pool,
        today,
        generated,
        active,
        last_closed,
        busiest_goal,
        next_one_on_one,
    })
}

/// Plans, Plan, goal panel and the close-quarter review.
async fn measure_plans(f: &Fixture) -> AppResult<Vec<Row>> {
    let (pool, today) = (&f.pool, f.today);
    let (active, last_closed) = (&f.active, &f.last_closed);
    Ok(vec![
        measure("plans::list (Plans screen)", |_| plans::list(pool)).await?,
        measure("plans::get", |_| plans::get(pool, active.id)).await?,
        measure("plans::defaults (new plan form)", |_| {
            plans::defaults(pool, today)
        })
        .await?,
        measure("plan_view::detail (Plan screen, active plan)", |_| {
            plan_view::detail(pool, active.id, today)
        })
        .await?,
        measure("goal_detail::detail (goal panel)", |_| {
            goal_detail::detail(pool, f.busiest_goal, today)
        })
        .await?,
        measure("review::review (close-quarter review)", |_| {
            review::review(pool, last_closed.id, today)
        })
        .await?,
        measure("review::markdown (review export)", |_| async {
            review::review(pool, last_closed.id, today)
                .await
                .map(|r| review::markdown(&r))
        })
        .await?,
    ])
}

/// The brag log, the coverage grid and interview prep.
async fn measure_wins(f: &Fixture) -> AppResult<Vec<Row>> {
    let pool = &f.pool;
    Ok(vec![
        measure("win::list (brag log, first 100)", |_| {
            win::list(pool, 100, 0)
        })
        .await?,
        measure("win::list (brag log, page 20)", |_| {
            win::list(pool, 100, 1_900)
        })
        .await?,
        measure("coverage::coverage (coverage grid)", |_| {
            coverage::coverage(pool)
        })
        .await?,
        measure(
            "coverage::stories_for (interview prep, one principle)",
            |i| coverage::stories_for(pool, 1 + (i as i64 % 16)),
        )
        .await?,
    ])
}

/// The Learning screen, a resource's panel and the charts.
async fn measure_learning(f: &Fixture) -> AppResult<Vec<Row>> {
    let (pool, today) = (&f.pool, f.today);
    Ok(vec![
        measure("resources::list (Learning screen, first 100)", |_| {
            resources::list(pool, ResourceFilter::default())
        })
        .await?,
        measure("resources::list (in progress only)", |_| {
            resources::list(
                pool,
                ResourceFilter {
                    status: Some(LearningStatus::InProgress),
                    ..ResourceFilter::default()
                },
            )
        })
        .await?,
        measure("resources::detail (resource panel)", |i| {
            resources::detail(pool, 1 + (i as i64 % 2_000))
        })
        .await?,
        measure("history::history (charts)", |_| {
            history::history(pool, today, 1)
        })
        .await?,
    ])
}

/// The Feedback screen and the people list.
async fn measure_people(f: &Fixture) -> AppResult<Vec<Row>> {
    let (pool, today) = (&f.pool, f.today);
    Ok(vec![
        measure("feedback::list_requests (Feedback screen)", |_| {
            feedback::list_requests(pool, today, None, 100)
        })
        .await?,
        measure("feedback::count_long_overdue (Feedback screen)", |_| {
            feedback::count_long_overdue(pool, today)
        })
        .await?,
        measure("feedback::list_received (Feedback screen)", |_| {
            feedback::list_received(pool, None, 100)
        })
        .await?,
        measure("person::list (people)", |_| person::list(pool, false)).await?,
    ])
}

/// The Network & mobility screen, its dashboard panels, the teams view and the review's
/// mentoring evidence.
async fn measure_network(f: &Fixture) -> AppResult<Vec<Row>> {
    let (pool, today) = (&f.pool, f.today);
    let busiest: i64 = sqlx::query_scalar(
        "SELECT person_id FROM conversation_people GROUP BY person_id ORDER BY count(*) DESC LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    Ok(vec![
        measure("opportunities::list (Pipeline, first 20 ended)", |_| {
            opportunities::list(
                pool,
                EndedPage {
                    offset: 0,
                    limit: 20,
                },
                "",
            )
        })
        .await?,
        measure("opportunities::list (Show older: ended 160-200)", |_| {
            opportunities::list(
                pool,
                EndedPage {
                    offset: 160,
                    limit: 40,
                },
                "",
            )
        })
        .await?,
        measure(
            "opportunities::list (filtered by 'manager', 20 ended)",
            |_| {
                opportunities::list(
                    pool,
                    EndedPage {
                        offset: 0,
                        limit: 20,
                    },
                    "manager",
                )
            },
        )
        .await?,
        measure("conversations::list (Conversations, 200)", |_| {
            conversations::list(pool, None, 200)
        })
        .await?,
        measure("conversations::list (one person's)", |_| {
            conversations::list(pool, Some(busiest), 200)
        })
        .await?,
        measure("network::due_steps (dashboard)", |_| {
            network::due_steps(pool, today, 6)
        })
        .await?,
        measure("network::pipeline (dashboard)", |_| network::pipeline(pool)).await?,
        measure("network::teams (teams view)", |_| {
            network::teams(pool, today)
        })
        .await?,
        measure("network::quarter (review)", |_| {
            network::quarter(pool, f.last_closed.id)
        })
        .await?,
        measure("person_page::page (busiest in conversations)", |_| {
            person_page::page(pool, busiest, today)
        })
        .await?,
    ])
}

/// The readiness screen for the standard set's target role (40 expectations).
async fn measure_readiness(f: &Fixture) -> AppResult<Vec<Row>> {
    let (pool, today) = (&f.pool, f.today);
    let role = roles::current(pool)
        .await?
        .ok_or_else(|| AppError::invalid("role", "the standard set has a target role"))?;
    let rated: i64 = sqlx::query_scalar(
        "SELECT expectation_id FROM expectation_ratings GROUP BY expectation_id
         ORDER BY count(*) DESC, expectation_id LIMIT 1",
    )
    .fetch_one(pool)
    .await?;
    let posting = posting_text(1_500);
    Ok(vec![
        measure("roles::list (target roles)", |_| roles::list(pool)).await?,
        measure("score::readiness (readiness screen)", |_| {
            score::readiness(pool, role.id, today)
        })
        .await?,
        measure("score::by_quarter (readiness chart)", |_| {
            score::by_quarter(pool, role.id, today, 1)
        })
        .await?,
        measure("evidence::of_role (readiness screen)", |_| {
            evidence::of_role(pool, role.id)
        })
        .await?,
        measure("ratings::history (an expectation's ratings)", |_| {
            ratings::history(pool, rated)
        })
        .await?,
        measure("evidence::candidates (picker, 2,000 wins)", |_| {
            evidence::candidates(pool, evidence::EvidenceKind::Win, "")
        })
        .await?,
        measure("evidence::candidates (picker, wins filtered)", |_| {
            evidence::candidates(pool, evidence::EvidenceKind::Win, "release")
        })
        .await?,
        measure("keywords::for_text (a 1,500-word posting)", |_| {
            keywords::for_text(pool, &posting)
        })
        .await?,
    ])
}

/// The promotion packet for the last twelve months, and its Markdown with every item in.
/// (Target p99: 20 ms for assembling a year.)
async fn measure_packet(f: &Fixture) -> AppResult<Vec<Row>> {
    use ladder_lib::views::{packet, packet_markdown};
    let (pool, today) = (&f.pool, f.today);
    let from = today
        .checked_sub_months(chrono::Months::new(12))
        .and_then(|d| d.succ_opt())
        .unwrap_or(today)
        .to_string();
    let to = today.to_string();
    let assembled = packet::assemble(pool, &from, &to, None, today).await?;
    let draft = packet_markdown::PacketDraft {
        title: assembled.title.clone(),
        from: from.clone(),
        to: to.clone(),
        role_name: assembled.role_name.clone(),
        sections: assembled
            .sections
            .iter()
            .map(|s| packet_markdown::DraftSection {
                kind: s.kind,
                items: s
                    .items
                    .iter()
                    .map(|i| packet::PacketItem {
                        included: true,
                        ..i.clone()
                    })
                    .collect(),
            })
            .collect(),
    };
    Ok(vec![
        measure("packet::assemble (a year's promotion packet)", |_| {
            packet::assemble(pool, &from, &to, None, today)
        })
        .await?
        .within(PACKET_TARGET),
        measure("packet_markdown::render (the packet, all in)", |_| {
            let md = packet_markdown::render(&draft);
            async move { md }
        })
        .await?,
    ])
}

/// A job posting of about 1,500 words: its sentences over and over, each time with a
/// numbered team so the phrases are not all the same.
fn posting_text(words: usize) -> String {
    const SENTENCES: &[&str] = &[
        "You will lead a team of engineers and own delivery of the platform roadmap.",
        "Stakeholder management across product, design and finance is a daily part of the job.",
        "Hiring, coaching and mentoring engineers; growing senior engineers into leads.",
        "Run incident reviews and keep on-call healthy; improve reliability and observability.",
        "Plan the quarterly roadmap with product managers and report on delivery metrics.",
        "Data analysis of cycle time, escaped defects and customer satisfaction.",
        "Experience with Kubernetes, Terraform and cloud cost budgets is a plus.",
        "Clear written communication: design documents, status updates, decision records.",
        "Build a culture of feedback, psychological safety and continuous improvement.",
        "Partner with the security team on threat modelling and compliance audits.",
    ];
    let mut text = String::new();
    let mut n = 0;
    while text.split_whitespace().count() < words {
        text.push_str(SENTENCES[n % SENTENCES.len()]);
        text.push_str(&format!(" Team {} in region {}.\n", n, n % 7));
        n += 1;
    }
    text
}

/// The Dashboard's panels and the search palette.
async fn measure_dashboard_and_search(f: &Fixture) -> AppResult<Vec<Row>> {
    let (pool, today) = (&f.pool, f.today);
    Ok(vec![
        measure("dashboard::dashboard (Dashboard, all panels)", |_| {
            dashboard::dashboard(pool, today)
        })
        .await?,
        measure("dashboard::standing (plan panel)", |_| {
            dashboard::standing(pool, today)
        })
        .await?,
        measure("dashboard::due_milestones (this week)", |_| {
            dashboard::due_milestones(pool, today)
        })
        .await?,
        measure("dashboard::catch_ups (this week)", |_| {
            dashboard::catch_ups(pool, today)
        })
        .await?,
        measure("search::search (one common word)", |_| {
            search::search(pool, "planning", 30)
        })
        .await?,
        measure("search::search (two prefixes)", |_| {
            search::search(pool, "team lea", 30)
        })
        .await?,
        measure("search::search (no match)", |_| {
            search::search(pool, "zyzzyva", 30)
        })
        .await?,
    ])
}

/// Preparing a 1:1, a 1:1's page, the 1:1s screen and a person's page.
async fn measure_one_on_ones(f: &Fixture) -> AppResult<Vec<Row>> {
    let (pool, today) = (&f.pool, f.today);
    Ok(vec![
        measure("agenda_draft::preview (prepare the next 1:1)", |_| {
            agenda_draft::preview(pool, f.next_one_on_one, today)
        })
        .await?,
        measure("agenda::detail (a 1:1's page)", |i| {
            agenda::detail(pool, 1 + (i as i64 % 120))
        })
        .await?,
        measure("schedule::list (1:1s screen)", |_| {
            schedule::list(pool, None, None)
        })
        .await?,
        measure("person_page::page (a person's page)", |i| {
            person_page::page(pool, 1 + (i as i64 % 300), today)
        })
        .await?,
    ])
}

/// Focus areas, Settings, the activity feed, and saving the plan form.
async fn measure_settings_and_saves(f: &Fixture) -> AppResult<Vec<Row>> {
    let (pool, today, active) = (&f.pool, f.today, &f.active);
    Ok(vec![
        measure("focus_areas::list (Focus areas)", |_| {
            focus_areas::list(pool)
        })
        .await?,
        measure("principles::list (Focus areas)", |_| {
            principles::list(pool, false)
        })
        .await?,
        measure("settings::get (Settings, start-up)", |_| {
            settings::get(pool)
        })
        .await?,
        measure("activity::recent(50)", |_| activity::recent(pool, 50)).await?,
        measure("plans::update (save the plan form)", |i| {
            let input = PlanInput {
                title: active.title.clone(),
                intent: Some(format!("Revision {i}")),
                ..PlanInput::default()
            };
            plans::update(pool, active.id, input, today)
        })
        .await?,
    ])
}

/// The data set's size, then one table row per call.
async fn print_table(f: &Fixture, rows: &[Row]) -> AppResult<()> {
    println!();
    let mut counts = Vec::new();
    for table in [
        "plans",
        "goals",
        "milestones",
        "check_ins",
        "achievements",
        "stories",
        "resources",
        "progress_entries",
        "activity",
    ] {
        let n: i64 = sqlx::query_scalar(AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
            .fetch_one(&f.pool)
            .await?;
        counts.push(format!("{n} {table}"));
    }
    println!(
        "Standard data set: {}; generated in {:.1} s",
        counts.join(", "),
        f.generated.as_secs_f64()
    );
    println!(
        "{RUNS} runs per call after 50 warm-up runs; target p99 <= {}",
        ms(TARGET)
    );
    println!();
    println!("| call | p50 | p99 | within target |");
    println!("|---|---|---|---|");
    for r in rows {
        let ok = if r.p99 <= r.target { "yes" } else { "NO" };
        let own = if r.target == TARGET {
            String::new()
        } else {
            format!(" (target {})", ms(r.target))
        };
        println!("| {} | {} | {} | {ok}{own} |", r.call, ms(r.p50), ms(r.p99));
    }
    Ok(())
}

/// A 10,000-row CSV import into a fresh database: one run, timed whole.
/// A backup and a restore of the standard set, and what a screen's call costs while a
/// backup runs (the backup schedule never stops the user).
async fn time_backups(f: &Fixture, dir: &Path) -> AppResult<()> {
    let backup_dir = dir.join("bench-backups");
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let started = Instant::now();
        last = Some(backups::create_now(&f.pool, &backup_dir, Reason::Manual).await?);
        times.push(started.elapsed());
    }
    times.sort();
    let backup = last.expect("five backups were taken");
    let file = backup_dir.join(&backup.file_name);
    let target = dir.join("restored").join(db::DB_FILE);
    let mut restore_times = Vec::new();
    for _ in 0..3 {
        let current = db::connect(&target).await?;
        let started = Instant::now();
        restore::check(&file).await?;
        let reopened = restore::swap_in(current, &file, &target).await?;
        restore_times.push(started.elapsed());
        reopened.close().await;
    }
    restore_times.sort();
    println!();
    println!(
        "Backup of the standard set ({} MB): median {} of 5 (VACUUM INTO, sync, integrity_check, rename)",
        backup.bytes / (1024 * 1024),
        ms(times[2])
    );
    println!(
        "Restore of it (check, copy in, reopen): median {} of 3",
        ms(restore_times[1])
    );
    during_backups(f, &backup_dir).await
}

/// Deleting the last closed quarter (its goals, milestones, check-ins, ratings and tags go
/// to the trash) and taking it back, five times each.
async fn time_trash(f: &Fixture) -> AppResult<()> {
    let mut deletes = Vec::new();
    let mut restores = Vec::new();
    let mut rows = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let trashed = plans::delete(&f.pool, f.last_closed.id, f.today).await?;
        deletes.push(started.elapsed());
        rows = sqlx::query_scalar("SELECT count(*) FROM trash_rows")
            .fetch_one(&f.pool)
            .await?;
        let started = Instant::now();
        ladder_lib::workflows::trash::restore(&f.pool, trashed.trash_id, f.today).await?;
        restores.push(started.elapsed());
    }
    deletes.sort();
    restores.sort();
    println!(
        "Delete of the last closed quarter ({rows} rows to the trash): median {}; restore: median {} (of 5)",
        ms(deletes[2]),
        ms(restores[2])
    );
    Ok(())
}

/// The whole record out as JSON (three times), into three empty databases, and the
/// preview of merging it back into the database it came from (everything unchanged).
async fn time_exchange(f: &Fixture, dir: &Path) -> AppResult<()> {
    let at = "2026-11-26T12:00:00.000Z";
    let mut exports = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let started = Instant::now();
        last = Some(exchange::export(&f.pool, "bench", at, |_, _| {}).await?);
        exports.push(started.elapsed());
    }
    let exported = last.expect("three exports ran");
    let mut imports = Vec::new();
    for run in 0..3 {
        let pool = db::connect(&dir.join(format!("import-{run}")).join(db::DB_FILE)).await?;
        let started = Instant::now();
        exchange::import(&pool, exported.text.as_bytes(), f.today, |_, _| {}).await?;
        imports.push(started.elapsed());
        pool.close().await;
    }
    let started = Instant::now();
    let report = exchange::preview(&f.pool, exported.text.as_bytes(), f.today).await?;
    let merge = started.elapsed();
    exports.sort();
    imports.sort();
    println!(
        "Export of everything ({} records, {:.1} MB of JSON): median {} of 3; import into an empty database: median {} of 3; preview of merging it back ({} unchanged): {}",
        exported.records,
        exported.text.len() as f64 / (1024.0 * 1024.0),
        ms(exports[1]),
        ms(imports[1]),
        report.totals.unchanged,
        ms(merge)
    );
    Ok(())
}

/// The calendar export of the standard set, everything and the active plan's: what the
/// command does apart from the save dialog and the file write (one read transaction,
/// then the iCalendar text).
async fn time_calendar(f: &Fixture) -> AppResult<()> {
    let (pool, today, plan) = (&f.pool, f.today, f.active.id);
    let all = calendar::gather(pool, calendar::Scope::default(), today).await?;
    let text = calendar::ics(&all);
    let everything = measure("calendar export (standard set)", |_| async {
        calendar::gather(pool, calendar::Scope::default(), today)
            .await
            .map(|c| calendar::ics(&c))
    })
    .await?;
    let one = calendar::gather(
        pool,
        calendar::Scope {
            plan_id: Some(plan),
            pipeline: false,
        },
        today,
    )
    .await?;
    let one_plan = measure("calendar export (active plan)", |_| async {
        calendar::gather(
            pool,
            calendar::Scope {
                plan_id: Some(plan),
                pipeline: false,
            },
            today,
        )
        .await
        .map(|c| calendar::ics(&c))
    })
    .await?;
    println!(
        "Calendar export of the standard set ({} events, {} KB): p50 {}, p99 {}; the active plan's ({} events): p50 {}, p99 {}",
        all.events.len(),
        text.len() / 1024,
        ms(everything.p50),
        ms(everything.p99),
        one.events.len(),
        ms(one_plan.p50),
        ms(one_plan.p99),
    );
    Ok(())
}

/// The dashboard's p50/p99 while backups are taken back to back.
async fn during_backups(f: &Fixture, backup_dir: &Path) -> AppResult<()> {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (pool, dir, flag) = (f.pool.clone(), backup_dir.to_path_buf(), stop.clone());
    let backing_up = tokio::spawn(async move {
        let mut taken = 0;
        while !flag.load(std::sync::atomic::Ordering::Relaxed) {
            backups::create_now(&pool, &dir, Reason::Periodic).await?;
            taken += 1;
        }
        AppResult::Ok(taken)
    });
    let (pool, today) = (&f.pool, f.today);
    let row = measure("dashboard::dashboard during backups", |_| {
        dashboard::dashboard(pool, today)
    })
    .await?;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let taken = backing_up
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))??;
    println!(
        "Dashboard while {taken} backups ran: p50 {}, p99 {}",
        ms(row.p50),
        ms(row.p99)
    );
    Ok(())
}

/// A 10,000-row CSV file into the standard data set, timed over what the two commands
/// do apart from the native dialog and the backup (timed above): the preview reads the
/// file within the limits, parses and checks it; the import parses and checks the held
/// bytes again, looks for duplicates, writes in one transaction and sends the progress
/// events (serialised as `emit` does). Three runs, each with new titles.
async fn time_csv_import(f: &Fixture) -> AppResult<()> {
    let dir = tempfile::tempdir()?;
    println!();
    for run in 1..=3 {
        let mut csv = String::from(
            "title,kind,provider,url,total units,unit,focus area,status,target date\n",
        );
        for i in 0..10_000 {
            csv.push_str(&format!(
                "Course {run}-{i},course,Provider {},https://learn.example.com/{i},12,lessons,Skill Development,planned,2027-06-30\n",
                i % 40
            ));
        }
        let path = dir.path().join(format!("courses-{run}.csv"));
        std::fs::write(&path, &csv)?;
        let started = Instant::now();
        let bytes = tokio::task::spawn_blocking(move || limits::read_import_file(&path))
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))??;
        let preview = csv_import::preview(&f.pool, &bytes).await?;
        let previewed = started.elapsed();
        let mut events = Vec::new();
        let outcome = csv_import::import(&f.pool, &bytes, OnDuplicate::Skip, f.today, |d, n| {
            events.push(serde_json::to_string(&(d, n)).unwrap_or_default())
        })
        .await?;
        let imported = started.elapsed() - previewed;
        // Each run imports into the standard set as it was, so the three runs measure the
        // same thing rather than a library that grows by 10,000 each time.
        sqlx::query(
            "DELETE FROM resources WHERE title LIKE 'Course %-%' AND provider LIKE 'Provider %'",
        )
        .execute(&f.pool)
        .await?;
        println!(
            "CSV import of 10,000 rows ({} KB), run {run}: preview {} ({} rows sent), import {} ({} created, {} progress events; target 500 ms), together {}",
            csv.len() / 1024,
            ms(previewed),
            preview.rows.len(),
            ms(imported),
            outcome.created,
            events.len(),
            ms(previewed + imported),
        );
    }
    Ok(())
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    if let Err(err) = runtime.block_on(run()) {
        eprintln!("bench failed: {err}");
        std::process::exit(1);
    }
}
