//! The organisation kept in memory (SPEC §17): two servers on one database
//! (two replicas behind a balancer, or `serve` and the command line), each
//! with its own copy. What one changes, the other sees at its very next
//! request, before and after its copy was loaded.

use store::directory::{CategoryChange, NewCategory, UserChange};
use store::{CaseFilter, Store, StoreError};
use testkit::case::{monday, policy, report};
use testkit::{TestDb, on_both_backends, org};
use workflow::Refusal;

on_both_backends!(migrated: a_change_made_through_another_server_is_seen_at_the_next_request);

fn all_cases() -> CaseFilter {
    CaseFilter {
        limit: 10,
        ..CaseFilter::default()
    }
}

async fn a_change_made_through_another_server_is_seen_at_the_next_request(db: TestDb) {
    let here = db.store();
    let o = org::build(here).await;
    let there = Store::connect(&db.url).await.expect("a second server");
    // This server has read the organisation and keeps it.
    here.list_cases(o.officer, &all_cases(), monday())
        .await
        .expect("a list");
    here.file_case(o.reporter, report("Đường hỏng"), monday(), &policy())
        .await
        .expect("filed");

    // A category added there is one to file under here.
    there
        .create_category(
            o.admin,
            NewCategory {
                code: "bridges".into(),
                name_vi: "Cầu cống".into(),
                name_en: "Bridges".into(),
            },
            monday(),
        )
        .await
        .expect("a category");
    let bridge = store::FileRequest {
        category: "bridges".into(),
        ..report("Cầu treo xuống cấp")
    };
    here.file_case(o.reporter, bridge.clone(), monday(), &policy())
        .await
        .expect("filed under the new category");

    // Retired there, it is refused here.
    there
        .update_category(
            o.admin,
            "bridges",
            CategoryChange {
                active: Some(false),
                ..CategoryChange::default()
            },
            monday(),
        )
        .await
        .expect("retired");
    match here
        .file_case(o.reporter, bridge, monday(), &policy())
        .await
    {
        Err(StoreError::Refused(Refusal::UnknownCode { field, .. })) => {
            assert_eq!(field, "category")
        }
        other => panic!("a retired category was accepted: {other:?}"),
    }

    // An officer disabled there lists nothing here.
    there
        .update_user(
            o.admin,
            o.officer.0,
            UserChange {
                disabled: Some(true),
                ..UserChange::default()
            },
            monday(),
        )
        .await
        .expect("disabled");
    match here.list_cases(o.officer, &all_cases(), monday()).await {
        Err(StoreError::NotFound { .. }) => {}
        other => panic!("a disabled officer still lists cases: {other:?}"),
    }
    // Moved to another unit there, the liaison acts for it here.
    there
        .update_user(
            o.admin,
            o.liaison.0,
            UserChange {
                unit: Some("MTTQ-HOANKIEM".into()),
                ..UserChange::default()
            },
            monday(),
        )
        .await
        .expect("moved");
    let actor = here.actor(o.liaison, monday()).await.expect("the liaison");
    assert_eq!(actor.unit.code, "MTTQ-HOANKIEM");
}
