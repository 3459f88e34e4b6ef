//! `noicom migrate` on empty databases, and again on a migrated one.

use crate::support::fixtures::area;
use crate::support::{TestDb, noicom, on_both_backends};

on_both_backends!(migrate_creates_the_schema_and_a_second_run_changes_nothing);

async fn migrate_creates_the_schema_and_a_second_run_changes_nothing(db: TestDb) {
    noicom(&db).args(["migrate"]).ok();
    area(&db, "HN", "Thành phố Hà Nội", None);

    noicom(&db).args(["migrate"]).ok();

    // The area is still there: adding it again is a duplicate.
    noicom(&db)
        .args(["area", "add", "--code", "HN", "--name", "Hà Nội"])
        .run()
        .fails(1, &["HN", "đã tồn tại"]);
}
