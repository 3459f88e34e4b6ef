//! The organisation the API tests work in: the city HN with two wards,
//! its board, People's Committee, party committee and procuracy, a Front
//! committee in each ward and the People's Committee of Hoàn Kiếm, and a
//! user of every role with a bearer token from `noicom user add
//! --print-token`.

use serde_json::json;

use super::fixtures::{area, migrated, unit};
use super::{Client, Server, TestDb, noicom};

/// The password of every user of the town.
pub const PASSWORD: &str = "mật-khẩu-thử-2026";

/// The bearer tokens of the town's users.
pub struct Town {
    /// Reporter of the Front of Ba Đình (HN-BD).
    pub reporter: String,
    /// Reporter of the Front of Hoàn Kiếm (HN-HK): another commune.
    pub other_reporter: String,
    /// Board officer of BTG-HN.
    pub officer: String,
    /// Liaison of UBND-HN (the lead unit of the tests).
    pub liaison: String,
    /// Liaison of the procuracy VKSND-HN: jurisdiction, never involved.
    pub procuracy: String,
    /// Leader of TU-HN.
    pub leader: String,
    /// Administrator.
    pub admin: String,
}

impl Town {
    /// Gives the reporter `email` an active collaborator profile from
    /// 1/1/2025, open-ended, covering the areas `codes`, as the
    /// administrator does over the roster's API.
    pub async fn give_profile(&self, server: &Server, email: &str, codes: &[&str]) {
        let profile = json!({"user": email, "kind": "collaborator", "areas": codes,
                             "from": "2025-01-01"});
        Client::bearer(server, &self.admin)
            .post("/collaborators", &profile)
            .await
            .expect(201);
    }
}

/// Builds the town through the command line.
pub fn town(db: &TestDb) -> Town {
    migrated(db);
    area(db, "HN", "Thành phố Hà Nội", None);
    area(db, "HN-BD", "Phường Ba Đình", Some("HN"));
    area(db, "HN-HK", "Phường Hoàn Kiếm", Some("HN"));
    unit(
        db,
        "BTG-HN",
        "Ban Tuyên giáo và Dân vận Thành ủy",
        "board",
        "HN",
    );
    unit(
        db,
        "UBND-HN",
        "UBND thành phố Hà Nội",
        "people_committee",
        "HN",
    );
    unit(db, "TU-HN", "Thành ủy Hà Nội", "party_committee", "HN");
    unit(
        db,
        "VKSND-HN",
        "Viện kiểm sát nhân dân thành phố",
        "procuracy",
        "HN",
    );
    unit(
        db,
        "MTTQ-BD",
        "Ủy ban MTTQ phường Ba Đình",
        "front",
        "HN-BD",
    );
    unit(
        db,
        "MTTQ-HK",
        "Ủy ban MTTQ phường Hoàn Kiếm",
        "front",
        "HN-HK",
    );
    Town {
        reporter: user(db, "ctv.bd@example.vn", "reporter", "MTTQ-BD"),
        other_reporter: user(db, "ctv.hk@example.vn", "reporter", "MTTQ-HK"),
        officer: user(db, "canbo@example.vn", "board_officer", "BTG-HN"),
        liaison: user(db, "ubnd@example.vn", "agency_liaison", "UBND-HN"),
        procuracy: user(db, "vks@example.vn", "agency_liaison", "VKSND-HN"),
        leader: user(db, "lanhdao@example.vn", "leader", "TU-HN"),
        admin: user(db, "quantri@example.vn", "admin", "BTG-HN"),
    }
}

/// Adds a user with [`PASSWORD`] and returns their token.
pub fn user(db: &TestDb, email: &str, role: &str, unit: &str) -> String {
    let run = noicom(db)
        .args([
            "user", "add", "--email", email, "--name", email, "--role", role, "--unit", unit,
        ])
        .args(["--password-stdin", "--print-token"])
        .stdin(&format!("{PASSWORD}\n"))
        .ok();
    run.stdout.trim().to_owned()
}
