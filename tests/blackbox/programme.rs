//! `noicom programme add`.

use crate::support::fixtures::{province, quarters_of_today, unit};
use crate::support::{TestDb, noicom, on_both_backends};

on_both_backends!(
    a_programme_creates_a_duty_schedule_per_state_body,
    an_unknown_party_is_refused,
    a_term_that_ends_before_it_starts_is_refused,
    a_programme_shows_its_duties_at_once,
);

async fn a_programme_creates_a_duty_schedule_per_state_body(db: TestDb) {
    province(&db);
    unit(
        &db,
        "TAND-HN",
        "Tòa án nhân dân thành phố Hà Nội",
        "court",
        "HN",
    );
    let run = noicom(&db)
        .args([
            "programme",
            "add",
            "--year",
            "2026",
            "--to",
            "2030",
            "--area",
            "HN",
        ])
        .args(["--parties", "BTG-HN,UBND-HN,TAND-HN"])
        .ok();
    assert!(run.stdout.contains("UBND-HN → BTG-HN"), "{run:?}");
    assert!(run.stdout.contains("TAND-HN → BTG-HN"), "{run:?}");
}

async fn an_unknown_party_is_refused(db: TestDb) {
    province(&db);
    noicom(&db)
        .args([
            "programme",
            "add",
            "--year",
            "2026",
            "--area",
            "HN",
            "--parties",
            "BTG-HN,XX",
        ])
        .run()
        .fails(1, &["XX"]);
}

async fn a_term_that_ends_before_it_starts_is_refused(db: TestDb) {
    province(&db);
    noicom(&db)
        .args([
            "programme",
            "add",
            "--year",
            "2026",
            "--to",
            "2025",
            "--area",
            "HN",
            "--parties",
            "BTG-HN,UBND-HN",
        ])
        .run()
        .fails(1, &["2025", "2026"]);
}

async fn a_programme_shows_its_duties_at_once(db: TestDb) {
    let town = crate::support::town::town(&db);
    let (this, next) = quarters_of_today();
    let year = &this[..4];
    let run = noicom(&db)
        .args(["programme", "add", "--year", year, "--area", "HN"])
        .args(["--parties", "BTG-HN,UBND-HN"])
        .ok();
    assert!(run.stdout.contains("2 nghĩa vụ"), "{run:?}");
    // No sweep has run: the duties are there at once.
    let server = crate::support::Server::start(&db, &[]).await;
    let liaison = crate::support::Client::bearer(&server, &town.liaison);
    let duties = liaison.get("/duties").await.expect(200);
    let periods: Vec<&str> = duties["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|d| d["period"].as_str())
        .collect();
    assert_eq!(periods, [next.as_str(), this.as_str()], "{duties:#}");
}
