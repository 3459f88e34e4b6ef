use super::*;

type Input = Command<String, String>;

#[test]
fn the_actions_that_name_a_files_field_are_those_whose_input_holds_files() {
    for kind in ActionKind::ALL {
        if let Some(mut command) = crate::testkit::valid_command(*kind) {
            assert_eq!(
                command.files_mut().is_some(),
                kind.files_field().is_some(),
                "{kind:?}"
            );
        }
    }
}

fn parse(json: &str) -> Result<Input, serde_json::Error> {
    serde_json::from_str(json)
}

#[test]
fn a_client_names_units_and_cases_by_code() {
    let input = parse(
        r#"{"action":"accept","sensitivity":"normal","priority":"high",
            "lead_unit":"UBND-HN","coordinating_units":["TAND-KV1"]}"#,
    )
    .unwrap();
    assert_eq!(input.kind(), ActionKind::Accept);
    let units: Vec<_> = input
        .units()
        .into_iter()
        .map(|(f, u)| (f, u.as_str()))
        .collect();
    assert_eq!(
        units,
        vec![("lead_unit", "UBND-HN"), ("coordinating_units", "TAND-KV1")]
    );
}

#[test]
fn unknown_fields_and_actions_are_refused() {
    assert!(parse(r#"{"action":"dismiss","reason":"x","extra":1}"#).is_err());
    assert!(parse(r#"{"action":"explode"}"#).is_err());
    assert!(
        parse(r#"{"action":"orient","messages":"m","channels":[],"audience":"a","x":1}"#).is_err()
    );
}

#[test]
fn optional_inputs_may_be_left_out() {
    let input = parse(r#"{"action":"respond","answer":"Đã trả lời"}"#).unwrap();
    assert_eq!(input.files(), &[] as &[i64]);
}

#[test]
fn resolving_maps_every_unit_with_its_field_and_the_target() {
    let input = parse(
        r#"{"action":"log_meeting","held_at":"2026-03-02T01:00:00Z","chair_unit":"A",
            "attendees":["B","C"],"minutes":"m"}"#,
    )
    .unwrap();
    let resolved: Command<String, ()> = input
        .resolve(
            |field, code| Ok::<_, ()>(format!("{field}:{code}")),
            |_| Ok(()),
        )
        .unwrap();
    let units: Vec<_> = resolved
        .units()
        .into_iter()
        .map(|(_, u)| u.clone())
        .collect();
    assert_eq!(units, vec!["chair_unit:A", "attendees:B", "attendees:C"]);
    let merge = parse(r#"{"action":"merge","target":"HN-2026-000001"}"#).unwrap();
    let err = merge
        .resolve(
            |_, _| Ok::<String, String>(String::new()),
            Err::<(), String>,
        )
        .unwrap_err();
    assert_eq!(err, "HN-2026-000001");
}
