use chrono::TimeZone;

use super::*;

fn invitation() -> Invitation {
    Invitation {
        uid: "meeting-7@noicom.example".into(),
        sequence: 0,
        stamp: Utc.with_ymd_and_hms(2026, 12, 5, 1, 0, 0).unwrap(),
        starts_at: Utc.with_ymd_and_hms(2026, 12, 7, 2, 0, 0).unwrap(),
        ends_at: Utc.with_ymd_and_hms(2026, 12, 7, 4, 0, 0).unwrap(),
        summary: "Họp giải quyết vụ việc NB-2026-000027".into(),
        location: "Hội trường UBND phường, tầng 2; phòng 201".into(),
        description: "Thống nhất phương án di dời bãi rác, lộ trình và kinh phí.\nXem vụ việc tại: http://127.0.0.1:8080/cases/NB-2026-000027".into(),
        attendees: vec![
            Party {
                name: "Ban Tuyên giáo và Dân vận Tỉnh ủy".into(),
                email: "btgdv@ninhbinh.example".into(),
            },
            Party {
                name: "Ủy ban nhân dân phường \"Đông Thành\"".into(),
                email: "ubnd@dongthanh.example".into(),
            },
        ],
    }
}

fn organizer() -> Party {
    Party {
        name: "noicom".into(),
        email: "noicom@ninhbinh.example".into(),
    }
}

/// The lines as a reader unfolds them (RFC 5545 §3.1).
fn unfolded(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_line_ends_with_crlf_and_none_is_longer_than_75_octets() {
    let ics = invitation().request(&organizer());
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    // Folding never cuts a letter: every piece is valid UTF-8 by
    // construction, and unfolding gives back the whole description.
    let lines = unfolded(&ics);
    assert!(lines.contains(&"DESCRIPTION:Thống nhất phương án di dời bãi rác\\, lộ trình và kinh phí.\\nXem vụ việc tại: http://127.0.0.1:8080/cases/NB-2026-000027".to_owned()));
}

#[test]
fn it_is_a_request_with_the_properties_calendars_need() {
    let lines = unfolded(&invitation().request(&organizer()));
    for expected in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        "UID:meeting-7@noicom.example",
        "SEQUENCE:0",
        "DTSTAMP:20261205T010000Z",
        "DTSTART:20261207T020000Z",
        "DTEND:20261207T040000Z",
        "SUMMARY:Họp giải quyết vụ việc NB-2026-000027",
        "LOCATION:Hội trường UBND phường\\, tầng 2\\; phòng 201",
        "ORGANIZER;CN=\"noicom\":mailto:noicom@ninhbinh.example",
        "END:VEVENT",
        "END:VCALENDAR",
    ] {
        assert!(
            lines.iter().any(|l| l == expected),
            "{expected} in {lines:#?}"
        );
    }
    let attendees: Vec<_> = lines.iter().filter(|l| l.starts_with("ATTENDEE")).collect();
    assert_eq!(attendees.len(), 2);
    assert!(attendees[0].ends_with(":mailto:btgdv@ninhbinh.example"));
    // A double quote cannot stand inside a quoted parameter.
    assert!(attendees[1].starts_with("ATTENDEE;CN=\"Ủy ban nhân dân phường Đông Thành\";"));
}

#[test]
fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
    assert_eq!(text("a\\b;c,d\r\ne\rf"), "a\\\\b\\;c\\,d\\ne\\nf");
}

#[test]
fn folding_keeps_multi_octet_letters_whole() {
    let mut out = String::new();
    fold_into(&mut out, &format!("SUMMARY:{}", "ệ".repeat(60)));
    for piece in out.split("\r\n").filter(|p| !p.is_empty()) {
        assert!(piece.len() <= 75);
    }
    assert_eq!(
        out.replace("\r\n ", ""),
        format!("SUMMARY:{}\r\n", "ệ".repeat(60))
    );
    let mut short = String::new();
    fold_into(&mut short, "VERSION:2.0");
    assert_eq!(short, "VERSION:2.0\r\n");
}
