//! The generator's conversations and opportunities: each quarter a steady log of coffee
//! chats, mentoring and check-ins with the people met so far, and a few openings moving
//! through the pipeline; past quarters' openings have ended, the current ones are open.

use chrono::Days;

use super::{Context, Quarter};
use crate::infra::error::AppResult;
use crate::mobility::conversations::{self, ConversationInput, ConversationKind};
use crate::mobility::opportunities::{
    self, OpportunityInput, OpportunityPerson, PersonRole, Source,
};
use crate::mobility::stages::Stage;

const TOPICS: [&str; 7] = [
    "Coffee about how their team plans its quarter",
    "Mentoring session on giving clear feedback",
    "Mentoring on leading a first design review",
    "Skip-level on where the department is heading",
    "Check-in on the shared migration project",
    "Internal tech talk and the hallway chat after it",
    "Catch-up about a reorganisation",
];

const ROLES: [&str; 5] = [
    "Engineering Manager",
    "Senior Engineering Manager",
    "Tech Lead Manager",
    "Staff Engineer",
    "Program Manager",
];

const ENDINGS: [Stage; 4] = [
    Stage::NotSelected,
    Stage::Withdrawn,
    Stage::Declined,
    Stage::NotSelected,
];

/// This quarter's conversations, spread evenly over the days that have happened.
pub(super) async fn add_conversations(ctx: &mut Context<'_>, q: &Quarter) -> AppResult<()> {
    let n = ctx.scale.conversations_per_plan;
    if ctx.person_ids.is_empty() {
        return Ok(());
    }
    for k in 0..n {
        let on = q.day(k as u64 * q.span / n.max(1) as u64);
        let kind = k % ConversationKind::ALL.len();
        let first = ctx.person_ids[ctx.dice.roll(ctx.person_ids.len() as u64) as usize];
        let mut people = vec![first];
        if k % 4 == 0 {
            people.push(ctx.person_ids[(q.index + k) % ctx.person_ids.len()]);
        }
        let follow = k % 2 == 0;
        let input = ConversationInput {
            kind: ConversationKind::ALL[kind],
            held_on: on.to_string(),
            topic: TOPICS[kind].to_owned(),
            discussed: Some("What they are working on and what is coming next.".to_owned()),
            learned: Some(
                "Who decides on headcount, and when openings are usually posted.".to_owned(),
            ),
            team: (k % 3 == 0).then(|| format!("Team {}", (k + q.index) % 18 + 1)),
            follow_up: follow.then(|| "Send a short thank-you and the notes".to_owned()),
            follow_up_on: follow.then(|| (on + Days::new(7)).to_string()),
            person_ids: people,
        };
        let c = conversations::create(ctx.pool, input, on).await?;
        let due = on + Days::new(7);
        if follow && due <= q.last_day && k % 5 != 0 {
            conversations::set_follow_up_done(ctx.pool, c.id, Some(due)).await?;
        }
    }
    Ok(())
}

/// This quarter's openings: heard of early, moved a stage or three; in past quarters they
/// end, in the current one they stay open with a dated next step.
pub(super) async fn add_opportunities(ctx: &mut Context<'_>, q: &Quarter) -> AppResult<()> {
    for k in 0..ctx.scale.opportunities_per_plan {
        let heard = q.day(5 + k as u64 * 3);
        let referrer = ctx
            .person_ids
            .get((k * 7 + q.index) % ctx.person_ids.len().max(1))
            .copied();
        let input = OpportunityInput {
            title: format!(
                "{}, Team {}",
                ROLES[k % ROLES.len()],
                (k + q.index) % 18 + 1
            ),
            team: Some(format!("Team {}", (k + q.index) % 18 + 1)),
            level: Some(format!("L{}", 5 + k % 3)),
            url: Some(format!("https://jobs.example.com/{}-{k}", q.index)),
            source: Some(if referrer.is_some() {
                Source::Person
            } else {
                Source::Posting
            }),
            source_person_id: referrer,
            heard_on: Some(heard.to_string()),
            notes: Some(
                "Asks for people leadership and a record of cross-team delivery.".to_owned(),
            ),
            next_step: Some("Ask the hiring manager for twenty minutes".to_owned()),
            next_step_on: Some((heard + Days::new(10)).to_string()),
            bring_to_one_on_one: Some(k % 4 == 0),
            people: referrer.map(|person_id| {
                vec![OpportunityPerson {
                    person_id,
                    role: PersonRole::Referrer,
                }]
            }),
            target_role_id: None,
        };
        let o = opportunities::create(ctx.pool, input, heard).await?;
        move_along(ctx, q, o.id, k).await?;
    }
    Ok(())
}

/// Forward a few stages at one-week steps, then (in a past quarter) an ending.
async fn move_along(ctx: &mut Context<'_>, q: &Quarter, id: i64, k: usize) -> AppResult<()> {
    let steps = 1 + ctx.dice.roll(4) as usize;
    let mut on = q.day(12 + k as u64 * 3);
    for stage in Stage::PATH.iter().skip(1).take(steps) {
        if on > q.last_day {
            return Ok(());
        }
        opportunities::move_stage(ctx.pool, id, *stage, on).await?;
        on = on + Days::new(7);
    }
    if !q.current && on <= q.last_day {
        let end = ENDINGS[k % ENDINGS.len()];
        opportunities::move_stage(ctx.pool, id, end, on).await?;
    }
    Ok(())
}
