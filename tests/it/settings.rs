use ladder_lib::framework::settings::{self, SettingsInput, Theme};
use ladder_lib::infra::error::ErrorKind;
use ladder_lib::infra::input;
use serde_json::json;

use crate::common;

#[tokio::test]
async fn settings_start_with_the_system_theme_and_calendar_quarters() {
    let t = common::db().await;
    let s = settings::get(&t.pool).await.unwrap();
    assert_eq!((s.theme, s.fiscal_year_start_month), (Theme::System, 1));
}

#[tokio::test]
async fn settings_change_one_field_at_a_time() {
    let t = common::db().await;
    let s = settings::update(
        &t.pool,
        SettingsInput {
            theme: Some(Theme::Dark),
            ..SettingsInput::default()
        },
    )
    .await
    .unwrap();
    assert_eq!((s.theme, s.fiscal_year_start_month), (Theme::Dark, 1));
    let s = settings::update(
        &t.pool,
        SettingsInput {
            fiscal_year_start_month: Some(4),
            ..SettingsInput::default()
        },
    )
    .await
    .unwrap();
    assert_eq!((s.theme, s.fiscal_year_start_month), (Theme::Dark, 4));
}

#[tokio::test]
async fn months_outside_the_year_and_unknown_themes_are_refused() {
    let t = common::db().await;
    for month in [0, 13, -1] {
        let err = settings::update(
            &t.pool,
            SettingsInput {
                theme: Some(Theme::Light),
                fiscal_year_start_month: Some(month),
            },
        )
        .await
        .unwrap_err();
        assert_eq!(err.field(), Some("fiscalYearStartMonth"));
    }
    let s = settings::get(&t.pool).await.unwrap();
    assert_eq!(
        s.theme,
        Theme::System,
        "a refused update changes no field at all"
    );
    let err = input::parse::<SettingsInput>(json!({"theme": "purple"})).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Invalid, Some("theme"))
    );
}
