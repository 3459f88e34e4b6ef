//! Units e-mail cannot reach (`Store::unreachable_units`): no address of
//! their own and no enabled liaison with one (a board through its
//! officers, a party committee through its leaders), with the cases they
//! lead and the duties they owe; for administrators only.

use serde_json::json;
use store::StoreError;
use store::directory::{UnitChange, UserChange};
use workflow::Calendar;

use crate::duties::{in_q4, programme};
use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::{TestDb, on_both_backends};

on_both_backends!(migrated: units_nobody_receives_for_are_listed_until_someone_does);

async fn codes(s: &store::Store, admin: workflow::UserId) -> Vec<String> {
    s.unreachable_units(admin, in_q4())
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.code)
        .collect()
}

async fn units_nobody_receives_for_are_listed_until_someone_does(db: TestDb) {
    let s = db.store();
    let o = org::build(s).await;
    programme(s).await;
    s.materialise_duties(in_q4(), &Calendar::vietnam_default())
        .await
        .unwrap();
    // UBND-HN leads a case; it has no liaison and no address.
    let p = policy();
    let c = s
        .file_case(o.reporter, report("Ùn tắc giao thông"), monday(), &p)
        .await
        .unwrap();
    let accept = json!({"action": "accept", "sensitivity": "normal", "priority": "normal", "lead_unit": "UBND-HN"});
    s.act(o.officer, &c.code, c.version, action(accept), monday(), &p)
        .await
        .unwrap();

    // The board (officers), the party committee (leaders), UBND-BADINH
    // and the court (liaisons) are reached; the Fronts (reporters only)
    // and the two People's Committees without a liaison are not.
    assert_eq!(
        codes(s, o.admin).await,
        ["MTTQ-BADINH", "MTTQ-HOANKIEM", "UBND-HN", "UBND-HOANKIEM"]
    );
    assert_eq!(s.count_unreachable_units(in_q4()).await.unwrap(), 4);
    let listed = s.unreachable_units(o.admin, in_q4()).await.unwrap();
    let city = listed.iter().find(|u| u.code == "UBND-HN").unwrap();
    assert_eq!((city.open_cases, city.pending_duties), (1, 0));

    // An address takes a unit off the list; a disabled liaison puts its
    // unit on it, with the duties it owes.
    let change = UnitChange {
        email: Some("vanphong@ubnd.hanoi.example.vn".into()),
        ..UnitChange::default()
    };
    s.update_unit(
        o.admin,
        "UBND-HN",
        change,
        in_q4(),
        &Calendar::vietnam_default(),
    )
    .await
    .unwrap();
    let disable = UserChange {
        disabled: Some(true),
        ..UserChange::default()
    };
    s.update_user(o.admin, o.liaison.0, disable, in_q4())
        .await
        .unwrap();
    assert_eq!(
        codes(s, o.admin).await,
        [
            "MTTQ-BADINH",
            "MTTQ-HOANKIEM",
            "UBND-BADINH",
            "UBND-HOANKIEM"
        ]
    );
    let listed = s.unreachable_units(o.admin, in_q4()).await.unwrap();
    let ward = listed.iter().find(|u| u.code == "UBND-BADINH").unwrap();
    assert_eq!(ward.pending_duties, 2);
    assert_eq!(s.count_unreachable_units(in_q4()).await.unwrap(), 4);

    // Not for anyone else.
    let refused = s.unreachable_units(o.officer, in_q4()).await.unwrap_err();
    assert!(matches!(refused, StoreError::Refused(_)), "{refused:?}");
}
