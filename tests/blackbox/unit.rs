//! `noicom unit add`.

use crate::support::fixtures::{area, migrated};
use crate::support::{TestDb, noicom, on_both_backends};

on_both_backends!(
    a_unit_serving_several_areas_is_added,
    an_unknown_kind_is_refused_listing_the_kinds,
    an_unknown_area_is_refused,
    an_existing_code_is_refused,
);

async fn a_unit_serving_several_areas_is_added(db: TestDb) {
    migrated(&db);
    area(&db, "HN", "Thành phố Hà Nội", None);
    area(&db, "HN-BD", "Phường Ba Đình", Some("HN"));
    area(&db, "HN-HK", "Phường Hoàn Kiếm", Some("HN"));
    let run = noicom(&db)
        .args([
            "unit",
            "add",
            "--code",
            "TAND-KV1",
            "--name",
            "Tòa án nhân dân khu vực 1 - Hà Nội",
        ])
        .args([
            "--kind",
            "court",
            "--area",
            "HN-BD",
            "--serves",
            "HN-BD,HN-HK",
            "--email",
            "tand.kv1@example.vn",
        ])
        .ok();
    assert!(run.stdout.contains("TAND-KV1"), "{run:?}");
}

async fn an_unknown_kind_is_refused_listing_the_kinds(db: TestDb) {
    migrated(&db);
    area(&db, "HN", "Thành phố Hà Nội", None);
    noicom(&db)
        .args([
            "unit", "add", "--code", "UBND-HN", "--name", "UBND", "--kind", "ubnd", "--area", "HN",
        ])
        .run()
        .fails(
            1,
            &["ubnd", "people_committee", "court", "procuracy", "board"],
        );
}

async fn an_unknown_area_is_refused(db: TestDb) {
    migrated(&db);
    noicom(&db)
        .args([
            "unit",
            "add",
            "--code",
            "UBND-HN",
            "--name",
            "UBND",
            "--kind",
            "people_committee",
            "--area",
            "XX",
        ])
        .run()
        .fails(1, &["không tìm thấy", "XX"]);
}

async fn an_existing_code_is_refused(db: TestDb) {
    migrated(&db);
    area(&db, "HN", "Thành phố Hà Nội", None);
    let add = || {
        noicom(&db).args([
            "unit",
            "add",
            "--code",
            "UBND-HN",
            "--name",
            "UBND",
            "--kind",
            "people_committee",
            "--area",
            "HN",
        ])
    };
    add().ok();
    add().run().fails(1, &["UBND-HN", "đã tồn tại"]);
}
