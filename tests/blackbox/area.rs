//! `noicom area add` and `noicom area import`.

use crate::support::fixtures::{area, migrated, unit};
use crate::support::{TestDb, noicom, on_both_backends};

on_both_backends!(
    adding_a_root_and_a_child_area_works,
    adding_an_area_to_a_new_database_creates_its_tables_first,
    adding_an_existing_code_is_refused,
    adding_under_an_unknown_parent_is_refused,
    importing_a_good_file_adds_every_row,
    a_malformed_row_is_named_by_its_line_and_nothing_is_imported,
    a_row_with_an_unknown_parent_is_named_by_its_line_and_nothing_is_imported,
);

async fn adding_a_root_and_a_child_area_works(db: TestDb) {
    migrated(&db);
    let run = noicom(&db)
        .args(["area", "add", "--code", "HN", "--name", "Thành phố Hà Nội"])
        .ok();
    assert!(run.stdout.contains("HN"), "{run:?}");
    noicom(&db)
        .args([
            "area",
            "add",
            "--code",
            "HN-BD",
            "--name",
            "Phường Ba Đình",
            "--parent",
            "HN",
        ])
        .ok();
    // The child exists: a unit can have it as its home area.
    unit(
        &db,
        "UBND-BD",
        "Ủy ban nhân dân phường Ba Đình",
        "people_committee",
        "HN-BD",
    );
}

/// An operator's first command on a new database is often not `migrate`:
/// it creates the tables as `serve` does, instead of "no such table".
async fn adding_an_area_to_a_new_database_creates_its_tables_first(db: TestDb) {
    let run = noicom(&db)
        .args(["area", "add", "--code", "HN", "--name", "Thành phố Hà Nội"])
        .ok();
    assert!(run.stdout.contains("HN"), "{run:?}");
    noicom(&db).args(["migrate"]).ok();
    area(&db, "HN-BD", "Phường Ba Đình", Some("HN"));
}

async fn adding_an_existing_code_is_refused(db: TestDb) {
    migrated(&db);
    area(&db, "HN", "Thành phố Hà Nội", None);
    noicom(&db)
        .args(["area", "add", "--code", "HN", "--name", "Hà Nội"])
        .run()
        .fails(1, &["HN", "đã tồn tại"]);
}

async fn adding_under_an_unknown_parent_is_refused(db: TestDb) {
    migrated(&db);
    noicom(&db)
        .args([
            "area",
            "add",
            "--code",
            "HN-BD",
            "--name",
            "Phường Ba Đình",
            "--parent",
            "XX",
        ])
        .run()
        .fails(1, &["không tìm thấy", "XX"]);
}

async fn importing_a_good_file_adds_every_row(db: TestDb) {
    migrated(&db);
    let csv = db.dir().join("areas.csv");
    std::fs::write(
        &csv,
        "code,name,parent\nHN,Thành phố Hà Nội,\nHN-BD,Phường Ba Đình,HN\n\"HN-HK\",\"Phường Hoàn Kiếm, Hà Nội\",HN\n",
    )
    .unwrap();
    let run = noicom(&db)
        .args(["area", "import", csv.to_str().unwrap()])
        .ok();
    assert!(run.stdout.contains('3'), "{run:?}");
    // Every row is there.
    for code in ["HN", "HN-BD", "HN-HK"] {
        noicom(&db)
            .args(["area", "add", "--code", code, "--name", "x"])
            .run()
            .fails(1, &[code, "đã tồn tại"]);
    }
}

async fn a_malformed_row_is_named_by_its_line_and_nothing_is_imported(db: TestDb) {
    migrated(&db);
    let csv = db.dir().join("areas.csv");
    std::fs::write(
        &csv,
        "code,name,parent\nHN,Thành phố Hà Nội,\nHN-BD,Phường Ba Đình\n",
    )
    .unwrap();
    noicom(&db)
        .args(["area", "import", csv.to_str().unwrap()])
        .run()
        .fails(1, &["dòng 3", "areas.csv"]);
    // Line 2 was not imported either.
    area(&db, "HN", "Thành phố Hà Nội", None);
}

async fn a_row_with_an_unknown_parent_is_named_by_its_line_and_nothing_is_imported(db: TestDb) {
    migrated(&db);
    let csv = db.dir().join("areas.csv");
    // A blank line before the bad row: the error must still name the line
    // of the file, not the row's position.
    std::fs::write(
        &csv,
        "code,name,parent\nHN,Thành phố Hà Nội,\nHN-BD,Phường Ba Đình,HN\n\nHN-X,Phường X,XX\n",
    )
    .unwrap();
    noicom(&db)
        .args(["area", "import", csv.to_str().unwrap()])
        .run()
        .fails(1, &["dòng 5", "XX"]);
    // The good rows before it were rolled back.
    area(&db, "HN", "Thành phố Hà Nội", None);
    area(&db, "HN-BD", "Phường Ba Đình", Some("HN"));
}
