//! Conversations and the opportunities pipeline: every rule with the clock fixed, each
//! refusal at its field with nothing written.

use ladder_lib::mobility::conversations::{self, ConversationInput, ConversationKind};
use ladder_lib::mobility::opportunities::{self, OpportunityInput, OpportunityPerson, PersonRole};
use ladder_lib::mobility::stages::Stage;
use ladder_lib::people::person::{self, PersonInput};
use sqlx::SqlitePool;

use crate::common::{self, day, today};

async fn someone(pool: &SqlitePool, name: &str) -> i64 {
    person::create(
        pool,
        PersonInput {
            name: name.into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

fn chat(on: &str, people: Vec<i64>) -> ConversationInput {
    ConversationInput {
        kind: ConversationKind::CoffeeChat,
        held_on: on.into(),
        topic: "Coffee about the platform team".into(),
        discussed: Some("Their plans for next year.".into()),
        learned: Some("A lead opening is coming.".into()),
        team: Some("Platform".into()),
        follow_up: Some("Send my on-call write-up".into()),
        follow_up_on: Some("2026-11-20".into()),
        person_ids: people,
    }
}

fn opening(title: &str) -> OpportunityInput {
    OpportunityInput {
        title: title.into(),
        team: Some("Platform".into()),
        level: Some("L6".into()),
        url: Some("https://jobs.example.com/1".into()),
        source: None,
        source_person_id: None,
        heard_on: Some("2026-11-02".into()),
        notes: None,
        next_step: None,
        next_step_on: None,
        bring_to_one_on_one: None,
        people: None,
        target_role_id: None,
    }
}

async fn last_contact(pool: &SqlitePool, id: i64) -> Option<String> {
    sqlx::query_scalar("SELECT last_contact_on FROM people WHERE id = ?")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_conversation_moves_each_persons_last_contact_and_deleting_it_works_it_out_again() {
    let t = common::db().await;
    let (mei, dana) = (
        someone(&t.pool, "Mei").await,
        someone(&t.pool, "Dana").await,
    );
    conversations::create(&t.pool, chat("2026-11-01", vec![mei]), today())
        .await
        .unwrap();
    let later = conversations::create(&t.pool, chat("2026-11-10", vec![mei, dana, mei]), today())
        .await
        .unwrap();
    assert_eq!(
        later.person_ids,
        vec![mei, dana],
        "a person named twice is in it once"
    );
    assert_eq!(
        last_contact(&t.pool, mei).await.as_deref(),
        Some("2026-11-10")
    );
    assert_eq!(
        last_contact(&t.pool, dana).await.as_deref(),
        Some("2026-11-10")
    );
    conversations::delete(&t.pool, later.id, today())
        .await
        .unwrap();
    assert_eq!(
        last_contact(&t.pool, mei).await.as_deref(),
        Some("2026-11-01")
    );
    assert_eq!(last_contact(&t.pool, dana).await, None);
    assert_eq!(
        common::count(&t.pool, "trash WHERE kind = 'conversation'").await,
        1
    );
}

#[tokio::test]
async fn a_bad_conversation_is_refused_at_its_field_with_nothing_written() {
    let t = common::db().await;
    let mei = someone(&t.pool, "Mei").await;
    let cases: Vec<(&str, ConversationInput)> = vec![
        ("personIds", chat("2026-11-01", vec![])),
        (
            "followUpOn",
            ConversationInput {
                follow_up_on: Some("2026-10-01".into()),
                ..chat("2026-11-01", vec![mei])
            },
        ),
        (
            "followUp",
            ConversationInput {
                follow_up: None,
                ..chat("2026-11-01", vec![mei])
            },
        ),
        (
            "topic",
            ConversationInput {
                topic: "x".repeat(201),
                ..chat("2026-11-01", vec![mei])
            },
        ),
        (
            "topic",
            ConversationInput {
                topic: "two\nlines".into(),
                ..chat("2026-11-01", vec![mei])
            },
        ),
        ("heldOn", chat("2026-02-30", vec![mei])),
        (
            "learned",
            ConversationInput {
                learned: Some("x".repeat(20_001)),
                ..chat("2026-11-01", vec![mei])
            },
        ),
    ];
    for (field, input) in cases {
        let err = conversations::create(&t.pool, input, today())
            .await
            .unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    let nobody = conversations::create(&t.pool, chat("2026-11-01", vec![mei, 999]), today())
        .await
        .unwrap_err();
    assert_eq!(nobody.kind(), ladder_lib::infra::error::ErrorKind::NotFound);
    assert_eq!(common::count(&t.pool, "conversations").await, 0);
    assert_eq!(common::count(&t.pool, "conversation_people").await, 0);
    assert_eq!(last_contact(&t.pool, mei).await, None);
}

#[tokio::test]
async fn stages_move_forward_with_their_days_and_the_last_change_can_be_taken_back() {
    let t = common::db().await;
    let o = opportunities::create(&t.pool, opening("Team lead, Platform"), today())
        .await
        .unwrap();
    assert_eq!(o.stage, Stage::Spotted);
    assert_eq!(o.history.len(), 1);
    assert_eq!(o.history[0].changed_on, day("2026-11-02"));
    let o = opportunities::move_stage(&t.pool, o.id, Stage::Researching, day("2026-11-05"))
        .await
        .unwrap();
    let o = opportunities::move_stage(&t.pool, o.id, Stage::Applied, day("2026-11-09"))
        .await
        .unwrap();
    let days: Vec<_> = o
        .history
        .iter()
        .map(|c| (c.to_stage, c.changed_on))
        .collect();
    assert_eq!(
        days,
        vec![
            (Stage::Spotted, day("2026-11-02")),
            (Stage::Researching, day("2026-11-05")),
            (Stage::Applied, day("2026-11-09"))
        ]
    );

    let back = opportunities::move_stage(&t.pool, o.id, Stage::Researching, today())
        .await
        .unwrap_err();
    assert_eq!(back.field(), Some("stage"));
    let same = opportunities::move_stage(&t.pool, o.id, Stage::Applied, today())
        .await
        .unwrap_err();
    assert_eq!(same.field(), Some("stage"));
    assert_eq!(
        common::count(&t.pool, "opportunity_stages").await,
        3,
        "nothing written"
    );

    let o = opportunities::undo_last_change(&t.pool, o.id, today())
        .await
        .unwrap();
    assert_eq!(o.stage, Stage::Researching);
    assert_eq!(o.history.len(), 2);
    let o = opportunities::undo_last_change(&t.pool, o.id, today())
        .await
        .unwrap();
    assert_eq!(o.stage, Stage::Spotted);
    assert!(
        opportunities::undo_last_change(&t.pool, o.id, today())
            .await
            .is_err(),
        "spotted stays"
    );
}

#[tokio::test]
async fn an_ended_opportunity_only_reopens_and_the_reopening_is_recorded() {
    let t = common::db().await;
    let o = opportunities::create(&t.pool, opening("EM, Search"), today())
        .await
        .unwrap();
    opportunities::move_stage(&t.pool, o.id, Stage::Interviewing, day("2026-11-10"))
        .await
        .unwrap();
    let o = opportunities::move_stage(&t.pool, o.id, Stage::Withdrawn, day("2026-11-12"))
        .await
        .unwrap();
    assert!(
        opportunities::move_stage(&t.pool, o.id, Stage::Offer, today())
            .await
            .is_err()
    );
    let o = opportunities::reopen(&t.pool, o.id, day("2026-11-20"))
        .await
        .unwrap();
    assert_eq!(o.stage, Stage::Interviewing);
    let last = o.history.last().unwrap();
    assert!(last.reopened);
    assert_eq!(
        (last.from_stage, last.changed_on),
        (Some(Stage::Withdrawn), day("2026-11-20"))
    );
    assert!(
        opportunities::reopen(&t.pool, o.id, today()).await.is_err(),
        "an open one is not reopened"
    );
}

#[tokio::test]
async fn a_bad_opportunity_is_refused_at_its_field() {
    let t = common::db().await;
    let cases: Vec<(&str, OpportunityInput)> = vec![
        (
            "url",
            OpportunityInput {
                url: Some("javascript:alert(1)".into()),
                ..opening("A")
            },
        ),
        ("title", opening("   ")),
        ("title", opening(&"t".repeat(201))),
        (
            "nextStep",
            OpportunityInput {
                next_step_on: Some("2026-12-01".into()),
                ..opening("A")
            },
        ),
        (
            "heardOn",
            OpportunityInput {
                heard_on: Some("someday".into()),
                ..opening("A")
            },
        ),
        (
            "notes",
            OpportunityInput {
                notes: Some("n".repeat(20_001)),
                ..opening("A")
            },
        ),
    ];
    for (field, input) in cases {
        let err = opportunities::create(&t.pool, input, today())
            .await
            .unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    assert_eq!(common::count(&t.pool, "opportunities").await, 0);
}

#[tokio::test]
async fn a_conversation_becomes_an_opportunity_with_its_people_in_one_step() {
    let t = common::db().await;
    let (mei, dana) = (
        someone(&t.pool, "Mei").await,
        someone(&t.pool, "Dana").await,
    );
    let c = conversations::create(&t.pool, chat("2026-11-03", vec![mei, dana]), today())
        .await
        .unwrap();
    let input = OpportunityInput {
        people: Some(vec![OpportunityPerson {
            person_id: mei,
            role: PersonRole::Referrer,
        }]),
        ..opening("Team lead, Platform")
    };
    let o = opportunities::create_from_conversation(&t.pool, c.id, input, today())
        .await
        .unwrap();
    assert_eq!(o.source_conversation_id, Some(c.id));
    assert_eq!(o.heard_on, Some(day("2026-11-03")));
    let roles: Vec<(i64, PersonRole)> = o.people.iter().map(|p| (p.person_id, p.role)).collect();
    assert!(roles.contains(&(mei, PersonRole::Referrer)));
    assert!(roles.contains(&(dana, PersonRole::Other)));
    assert!(!o.bring_to_one_on_one, "off unless the user says so");
    let o = opportunities::set_bring_to_one_on_one(&t.pool, o.id, true)
        .await
        .unwrap();
    assert!(o.bring_to_one_on_one);
}

#[tokio::test]
async fn a_deleted_opportunity_comes_back_from_the_trash_with_its_history() {
    let t = common::db().await;
    let mei = someone(&t.pool, "Mei").await;
    let input = OpportunityInput {
        people: Some(vec![OpportunityPerson {
            person_id: mei,
            role: PersonRole::HiringManager,
        }]),
        ..opening("Team lead")
    };
    let o = opportunities::create(&t.pool, input, today())
        .await
        .unwrap();
    opportunities::move_stage(&t.pool, o.id, Stage::Applied, today())
        .await
        .unwrap();
    let trashed = opportunities::delete(&t.pool, o.id, today()).await.unwrap();
    assert_eq!(common::count(&t.pool, "opportunity_stages").await, 0);
    let restored = ladder_lib::workflows::trash::restore(&t.pool, trashed.trash_id, today())
        .await
        .unwrap();
    let mut conn = t.pool.acquire().await.unwrap();
    let back = opportunities::fetch(&mut conn, restored.record_id)
        .await
        .unwrap();
    assert_eq!(back.stage, Stage::Applied);
    assert_eq!(back.history.len(), 2);
    assert_eq!(back.people.len(), 1);
}

#[tokio::test]
async fn editing_a_conversation_moves_last_contacts_for_who_is_in_it_now() {
    let t = common::db().await;
    let (mei, dana) = (
        someone(&t.pool, "Mei").await,
        someone(&t.pool, "Dana").await,
    );
    let c = conversations::create(&t.pool, chat("2026-11-10", vec![mei]), today())
        .await
        .unwrap();
    let moved = ConversationInput {
        follow_up_on: None,
        ..chat("2026-11-12", vec![dana])
    };
    let c = conversations::update(&t.pool, c.id, moved).await.unwrap();
    assert_eq!(c.person_ids, vec![dana]);
    assert_eq!(
        last_contact(&t.pool, mei).await,
        None,
        "Mei was only in this one"
    );
    assert_eq!(
        last_contact(&t.pool, dana).await.as_deref(),
        Some("2026-11-12")
    );
    let err = conversations::update(&t.pool, c.id, chat("2026-11-12", vec![]))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("personIds"));
    assert_eq!(
        conversations::list(&t.pool, None, 10).await.unwrap()[0].person_ids,
        vec![dana],
        "nothing written"
    );
}

#[tokio::test]
async fn a_follow_up_is_ticked_off_and_opened_again_and_one_without_a_follow_up_is_refused() {
    let t = common::db().await;
    let mei = someone(&t.pool, "Mei").await;
    let c = conversations::create(&t.pool, chat("2026-11-10", vec![mei]), today())
        .await
        .unwrap();
    let done = conversations::set_follow_up_done(&t.pool, c.id, Some(today()))
        .await
        .unwrap();
    assert_eq!(done.follow_up_done_on, Some(today()));
    let open = conversations::set_follow_up_done(&t.pool, c.id, None)
        .await
        .unwrap();
    assert_eq!(open.follow_up_done_on, None);
    let plain = ConversationInput {
        follow_up: None,
        follow_up_on: None,
        ..chat("2026-11-10", vec![mei])
    };
    let plain = conversations::create(&t.pool, plain, today())
        .await
        .unwrap();
    let err = conversations::set_follow_up_done(&t.pool, plain.id, Some(today()))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("followUp"));
}

#[tokio::test]
async fn editing_an_opportunity_changes_its_details_and_people_but_not_its_stage() {
    let t = common::db().await;
    let (mei, dana) = (
        someone(&t.pool, "Mei").await,
        someone(&t.pool, "Dana").await,
    );
    let input = OpportunityInput {
        people: Some(vec![OpportunityPerson {
            person_id: mei,
            role: PersonRole::Referrer,
        }]),
        ..opening("Team lead")
    };
    let o = opportunities::create(&t.pool, input, today())
        .await
        .unwrap();
    opportunities::move_stage(&t.pool, o.id, Stage::Applied, today())
        .await
        .unwrap();
    let edit = OpportunityInput {
        next_step: Some("Prepare for the panel".into()),
        next_step_on: Some("2026-12-03".into()),
        people: Some(vec![OpportunityPerson {
            person_id: dana,
            role: PersonRole::HiringManager,
        }]),
        ..opening("Team lead, Platform")
    };
    let o = opportunities::update(&t.pool, o.id, edit).await.unwrap();
    assert_eq!(
        (o.title.as_str(), o.stage),
        ("Team lead, Platform", Stage::Applied)
    );
    assert_eq!(o.next_step_on, Some(day("2026-12-03")));
    let people: Vec<(i64, PersonRole)> = o.people.iter().map(|p| (p.person_id, p.role)).collect();
    assert_eq!(people, vec![(dana, PersonRole::HiringManager)]);
    let bad = OpportunityInput {
        url: Some("ftp://x".into()),
        ..opening("Team lead")
    };
    let err = opportunities::update(&t.pool, o.id, bad).await.unwrap_err();
    assert_eq!(err.field(), Some("url"));
    let unknown = OpportunityInput {
        people: Some(vec![OpportunityPerson {
            person_id: 999,
            role: PersonRole::Other,
        }]),
        ..opening("Renamed")
    };
    assert!(opportunities::update(&t.pool, o.id, unknown).await.is_err());
    let mut conn = t.pool.acquire().await.unwrap();
    let kept = opportunities::fetch(&mut conn, o.id).await.unwrap();
    assert_eq!(kept.title, "Team lead, Platform", "nothing written");
}
