//! Collaborator profiles for the opinion-report tests, written straight
//! into the roster's tables: the one place to swap for the roster's own
//! use case once it exists.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use store::Store;
use store::entities::{area, collaborator, collaborator_area};
use workflow::UserId;

/// Makes `user` an active collaborator from 1/1/2026, open-ended,
/// covering the areas of `codes`.
pub async fn give_profile(store: &Store, user: UserId, codes: &[&str], now: DateTime<Utc>) {
    let db = store.connection();
    collaborator::ActiveModel {
        user_id: Set(user.0),
        kind: Set("collaborator".into()),
        term_from: Set(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
        term_until: Set(None),
        active: Set(true),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .expect("profile");
    for code in codes {
        let area = area::Entity::find()
            .filter(area::Column::Code.eq(*code))
            .one(db)
            .await
            .expect("area")
            .expect("known area");
        collaborator_area::ActiveModel {
            user_id: Set(user.0),
            area_id: Set(area.id),
        }
        .insert(db)
        .await
        .expect("covered area");
    }
}
