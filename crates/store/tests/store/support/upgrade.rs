//! Databases part-way through the migrations, to test an upgrade of data
//! written before a migration.

use chrono::Utc;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
use store::Store;
use store::entities::{area, case};
use workflow::UserId;

use testkit::{Backend, TestDb};

/// A database migrated up to, not including, the migration `name`: data
/// written here meets that migration as an upgrade would.
pub async fn migrated_before(backend: Backend, name: &str) -> TestDb {
    let before = Migrator::migrations()
        .iter()
        .position(|m| m.name() == name)
        .unwrap_or_else(|| panic!("no migration {name}"));
    let db = TestDb::unmigrated(backend).await;
    Migrator::up(db.store().connection(), Some(before as u32))
        .await
        .expect("migrate");
    db
}

/// A case of Ba Đình as the code of the time wrote it, with only the
/// columns every schema has: the code of today files through tables an
/// older schema does not have yet (the organisation's generation counter).
/// Returns its code, `HN-2026-00000<number>`.
pub async fn case_row(
    s: &Store,
    by: UserId,
    title: &str,
    description: &str,
    number: u32,
) -> String {
    let db = s.connection();
    let area = area::Entity::find()
        .filter(area::Column::Code.eq("HN-BADINH"))
        .one(db)
        .await
        .expect("read")
        .expect("Ba Đình");
    let code = format!("HN-2026-{number:06}");
    let now = Utc::now();
    // Only the id comes back: RETURNING every column would name columns
    // this schema does not have yet.
    let row = case::ActiveModel {
        code: Set(code.clone()),
        area_id: Set(area.id),
        title: Set(title.to_owned()),
        description: Set(description.to_owned()),
        search_title: Set(store::words(&format!("{code} {title}"))),
        search_text: Set(store::words(&format!("{code} {title} {description}"))),
        category: Set("land".to_owned()),
        source: Set("collaborator".to_owned()),
        sensitivity: Set("normal".to_owned()),
        priority: Set("normal".to_owned()),
        reporter_id: Set(by.0),
        state: Set("reported".to_owned()),
        result_published: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    case::Entity::insert(row)
        .exec(db)
        .await
        .expect("a case row");
    code
}
