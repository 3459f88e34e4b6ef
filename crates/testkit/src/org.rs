//! A small organisation to act in: Hà Nội with two wards, its board, state
//! bodies, a regional court and a user of every role.

use store::Store;
use store::admin::{NewArea, NewUnit, NewUser};
use workflow::{Lang, Role, UnitKind, UserId};

// Set up on the Monday the tests act on.
use crate::case::monday;

/// The users of the fixture.
pub struct Org {
    /// Reporter of the Front of Ba Đình (MTTQ-BADINH).
    pub reporter: UserId,
    /// Reporter of the Front of Hoàn Kiếm (MTTQ-HOANKIEM): another ward.
    pub other_reporter: UserId,
    /// Board officer of BTG-HN.
    pub officer: UserId,
    /// Liaison of UBND-BADINH.
    pub liaison: UserId,
    /// Liaison of the regional court TAND-KV1.
    pub court: UserId,
    /// Leader of TU-HN.
    pub leader: UserId,
    /// Administrator (of BTG-HN).
    pub admin: UserId,
}

/// Adds the areas, units and users to a migrated store.
pub async fn build(store: &Store) -> Org {
    for (code, name, parent) in [
        ("HN", "Thành phố Hà Nội", None),
        ("HN-BADINH", "Phường Ba Đình", Some("HN")),
        ("HN-HOANKIEM", "Phường Hoàn Kiếm", Some("HN")),
    ] {
        store
            .add_area(
                NewArea {
                    code: code.into(),
                    name: name.into(),
                    parent: parent.map(Into::into),
                },
                monday(),
            )
            .await
            .expect("area");
    }
    for (code, name, kind, area, serves) in [
        (
            "BTG-HN",
            "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội",
            UnitKind::Board,
            "HN",
            vec![],
        ),
        (
            "TU-HN",
            "Thành ủy Hà Nội",
            UnitKind::PartyCommittee,
            "HN",
            vec![],
        ),
        (
            "UBND-HN",
            "UBND Thành phố Hà Nội",
            UnitKind::PeopleCommittee,
            "HN",
            vec![],
        ),
        (
            "UBND-BADINH",
            "UBND Phường Ba Đình",
            UnitKind::PeopleCommittee,
            "HN-BADINH",
            vec![],
        ),
        (
            "UBND-HOANKIEM",
            "UBND Phường Hoàn Kiếm",
            UnitKind::PeopleCommittee,
            "HN-HOANKIEM",
            vec![],
        ),
        (
            "TAND-KV1",
            "Tòa án nhân dân khu vực 1 – Hà Nội",
            UnitKind::Court,
            "HN-BADINH",
            vec!["HN-BADINH".to_owned(), "HN-HOANKIEM".to_owned()],
        ),
        (
            "MTTQ-BADINH",
            "Ủy ban MTTQ Phường Ba Đình",
            UnitKind::Front,
            "HN-BADINH",
            vec![],
        ),
        (
            "MTTQ-HOANKIEM",
            "Ủy ban MTTQ Phường Hoàn Kiếm",
            UnitKind::Front,
            "HN-HOANKIEM",
            vec![],
        ),
    ] {
        store
            .add_unit(
                NewUnit {
                    code: code.into(),
                    name: name.into(),
                    kind,
                    area: area.into(),
                    serves,
                    email: None,
                },
                monday(),
            )
            .await
            .expect("unit");
    }
    let user = |email: &str, role, unit: &str| NewUser {
        email: email.into(),
        name: format!("Người dùng {email}"),
        role,
        unit: unit.into(),
        password: None,
        lang: Lang::Vi,
    };
    let mut ids = Vec::new();
    for u in [
        user("ctv.badinh@example.vn", Role::Reporter, "MTTQ-BADINH"),
        user("ctv.hoankiem@example.vn", Role::Reporter, "MTTQ-HOANKIEM"),
        user("canbo@btg.example.vn", Role::BoardOfficer, "BTG-HN"),
        user(
            "daumoi@badinh.example.vn",
            Role::AgencyLiaison,
            "UBND-BADINH",
        ),
        user("daumoi@tand.example.vn", Role::AgencyLiaison, "TAND-KV1"),
        user("lanhdao@thanhuy.example.vn", Role::Leader, "TU-HN"),
        user("admin@example.vn", Role::Admin, "BTG-HN"),
    ] {
        ids.push(UserId(store.add_user(u, monday()).await.expect("user")));
    }
    Org {
        reporter: ids[0],
        other_reporter: ids[1],
        officer: ids[2],
        liaison: ids[3],
        court: ids[4],
        leader: ids[5],
        admin: ids[6],
    }
}
