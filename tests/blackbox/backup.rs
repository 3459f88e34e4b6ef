//! `noicom backup FILE`: an SQLite copy that holds the data; on PostgreSQL a
//! clear pointer to pg_dump.

use crate::support::fixtures::{area, migrated};
use crate::support::{Backend, TestDb, noicom, on_both_backends};
use testkit::sqlite_url;

on_both_backends!(a_backup_holds_the_data_and_can_be_opened);

async fn a_backup_holds_the_data_and_can_be_opened(db: TestDb) {
    migrated(&db);
    area(&db, "HN", "Thành phố Hà Nội", None);
    let copy = db.dir().join("backup.db");
    let copy_arg = copy.to_str().unwrap();
    if db.backend == Backend::Postgres {
        noicom(&db)
            .args(["backup", copy_arg])
            .run()
            .fails(1, &["pg_dump"]);
        return;
    }

    noicom(&db).args(["backup", copy_arg]).ok();
    assert!(copy.is_file(), "no backup file at {}", copy.display());
    // Writing the copy again is refused rather than overwriting it.
    noicom(&db)
        .args(["backup", copy_arg])
        .run()
        .fails(1, &["backup.db"]);

    // The copy is a database noicom accepts and it holds the area.
    let copy_url = sqlite_url(&copy);
    let on_copy = || noicom(&db).env("NOICOM_DATABASE_URL", &copy_url);
    on_copy().args(["migrate"]).ok();
    on_copy()
        .args(["area", "add", "--code", "HN", "--name", "Hà Nội"])
        .run()
        .fails(1, &["HN", "đã tồn tại"]);
}
