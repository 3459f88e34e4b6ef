//! Opinion reports written straight into the database, for the tests that
//! need one filed before the reports' own API is there (SPEC §16). The one
//! place to swap for `POST /opinion-reports`.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, Database, EntityTrait, QueryFilter, Set};
use store::entities::{area, opinion_report, user};

use super::TestDb;

/// Files the monthly report of `period` (`2026-11`) by the user of
/// `email` about `area_code`, with no items.
pub async fn file_monthly_report(db: &TestDb, email: &str, area_code: &str, period: &str) {
    let conn = Database::connect(db.url.as_str()).await.expect("connect");
    let reporter = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&conn)
        .await
        .unwrap()
        .expect("the reporter");
    let area = area::Entity::find()
        .filter(area::Column::Code.eq(area_code))
        .one(&conn)
        .await
        .unwrap()
        .expect("the area");
    opinion_report::ActiveModel {
        reporter_id: Set(reporter.id),
        area_id: Set(area.id),
        period: Set(Some(period.to_owned())),
        quick: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&conn)
    .await
    .unwrap();
    let _ = conn.close().await;
}
