//! The activity log stores its kinds as strings that old databases already hold: the
//! enums must keep writing exactly those, or readers that bind them would miss old rows.

use ladder_lib::infra::activity::{self, Action, Entity};

use crate::common::{self, today};

const ENTITIES: [(Entity, &str); 8] = [
    (Entity::Plan, "plan"),
    (Entity::Goal, "goal"),
    (Entity::Milestone, "milestone"),
    (Entity::CheckIn, "check_in"),
    (Entity::Achievement, "achievement"),
    (Entity::Resource, "resource"),
    (Entity::Feedback, "feedback"),
    (Entity::OneOnOne, "one_on_one"),
];

const ACTIONS: [(Action, &str); 17] = [
    (Action::Created, "created"),
    (Action::Edited, "edited"),
    (Action::Deleted, "deleted"),
    (Action::Restored, "restored"),
    (Action::Activated, "activated"),
    (Action::Drafted, "drafted"),
    (Action::Closed, "closed"),
    (Action::Carried, "carried"),
    (Action::Status, "status"),
    (Action::Completed, "completed"),
    (Action::Reopened, "reopened"),
    (Action::Progress, "progress"),
    (Action::Imported, "imported"),
    (Action::Received, "received"),
    (Action::ReceivedUnasked, "received_unasked"),
    (Action::Story, "story"),
    (Action::Held, "held"),
];

#[tokio::test]
async fn activity_kinds_are_stored_as_the_strings_old_rows_hold() {
    let t = common::db().await;
    let mut conn = t.pool.acquire().await.unwrap();
    for (i, (entity, stored)) in ENTITIES.iter().enumerate() {
        let (action, action_text) = ACTIONS[i % ACTIONS.len()];
        activity::record(&mut conn, today(), *entity, i as i64, action, "x")
            .await
            .unwrap();
        let row: (String, String) =
            sqlx::query_as("SELECT entity, action FROM activity WHERE entity_id = ?")
                .bind(i as i64)
                .fetch_one(&mut *conn)
                .await
                .unwrap();
        assert_eq!(row, (stored.to_string(), action_text.to_string()));
    }
    for (i, (action, stored)) in ACTIONS.iter().enumerate() {
        let id = 100 + i as i64;
        activity::record(&mut conn, today(), Entity::Goal, id, *action, "x")
            .await
            .unwrap();
        // Read back by binding the enum, as the agenda does, and by the literal string.
        let by_enum: i64 =
            sqlx::query_scalar("SELECT count(*) FROM activity WHERE entity_id = ? AND action = ?")
                .bind(id)
                .bind(*action)
                .fetch_one(&mut *conn)
                .await
                .unwrap();
        let by_text: i64 =
            sqlx::query_scalar("SELECT count(*) FROM activity WHERE entity_id = ? AND action = ?")
                .bind(id)
                .bind(*stored)
                .fetch_one(&mut *conn)
                .await
                .unwrap();
        assert_eq!(
            (by_enum, by_text),
            (1, 1),
            "{action:?} is not stored as {stored:?}"
        );
    }
}
