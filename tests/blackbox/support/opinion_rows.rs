//! Collaborator profiles for the opinion-report tests, written straight
//! into the roster's tables (`collaborators`, `collaborator_areas`): the
//! one place to swap for the roster's own API once it exists.

use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use store::Store;
use store::entities::{area, collaborator, collaborator_area, user};

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
