//! Rows of the public-opinion network written straight into the database
//! (SPEC §16), for tests whose subject is elsewhere: a collaborator's
//! profile for the opinion-report tests, and a monthly report filed for
//! the roster's duty test. The roster's API (`POST /collaborators`) and the
//! reports' (`POST /opinion-reports`) are tested on their own.

use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, Database, EntityTrait, QueryFilter, Set};
use store::Store;
use store::entities::{area, collaborator, collaborator_area, opinion_report, user};

use super::TestDb;

/// Makes the user `email` an active collaborator since 1/1/2025,
/// open-ended, covering the areas `codes`.
pub async fn give_profile(db: &TestDb, email: &str, codes: &[&str]) {
    let store = Store::connect(&db.url).await.expect("connect");
    let conn = store.connection();
    let user = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(conn)
        .await
        .expect("a user")
        .expect("a known user");
    collaborator::ActiveModel {
        user_id: Set(user.id),
        kind: Set("collaborator".into()),
        term_from: Set(NaiveDate::from_ymd_opt(2025, 1, 1).expect("a day")),
        term_until: Set(None),
        active: Set(true),
        updated_at: Set(Utc::now()),
    }
    .insert(conn)
    .await
    .expect("a profile");
    for code in codes {
        let area = area::Entity::find()
            .filter(area::Column::Code.eq(*code))
            .one(conn)
            .await
            .expect("an area")
            .expect("a known area");
        collaborator_area::ActiveModel {
            user_id: Set(user.id),
            area_id: Set(area.id),
        }
        .insert(conn)
        .await
        .expect("a covered area");
    }
    store.close().await;
}

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
