//! The small organisation most tests start from: the province HN with one
//! ward, its board and its People's Committee.

use super::{TestDb, noicom};

/// Applies the migrations.
pub fn migrated(db: &TestDb) {
    noicom(db).args(["migrate"]).ok();
}

/// Migrates and adds the areas HN and HN-BD (a ward of HN) and the units
/// BTG-HN (board) and UBND-HN (People's Committee), both serving HN.
pub fn province(db: &TestDb) {
    migrated(db);
    area(db, "HN", "Thành phố Hà Nội", None);
    area(db, "HN-BD", "Phường Ba Đình", Some("HN"));
    unit(
        db,
        "BTG-HN",
        "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội",
        "board",
        "HN",
    );
    unit(
        db,
        "UBND-HN",
        "Ủy ban nhân dân thành phố Hà Nội",
        "people_committee",
        "HN",
    );
}

/// `noicom area add`, expected to succeed.
pub fn area(db: &TestDb, code: &str, name: &str, parent: Option<&str>) {
    let mut args = vec!["area", "add", "--code", code, "--name", name];
    if let Some(parent) = parent {
        args.extend(["--parent", parent]);
    }
    noicom(db).args(args).ok();
}

/// `noicom unit add`, expected to succeed.
pub fn unit(db: &TestDb, code: &str, name: &str, kind: &str, area: &str) {
    noicom(db)
        .args([
            "unit", "add", "--code", code, "--name", name, "--kind", kind, "--area", area,
        ])
        .ok();
}

/// The quarters whose duties a programme makes at once when it is added
/// (SPEC §14): the one of today in Hà Nội and the next, as period codes.
pub fn quarters_of_today() -> (String, String) {
    use chrono::Datelike;
    let today = chrono::Utc::now() + chrono::Duration::hours(7);
    let (year, quarter) = (today.year(), (today.month() - 1) / 3 + 1);
    let next = if quarter == 4 {
        (year + 1, 1)
    } else {
        (year, quarter + 1)
    };
    (
        format!("{year}-Q{quarter}"),
        format!("{}-Q{}", next.0, next.1),
    )
}
