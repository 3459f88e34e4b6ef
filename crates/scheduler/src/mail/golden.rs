//! Every e-mail, in every step it can take and in both languages, read
//! against the text it was written with (`golden/`): moving a sentence or
//! reshaping a template must not change a byte a reader gets. After a
//! wanted change, `NOICOM_GOLDEN=write cargo test -p scheduler golden`
//! writes the files again, and the diff is reviewed.

use super::*;
use std::path::PathBuf;

/// A title with every character HTML escapes; names, periods and times
/// hold some too, so that each value a sentence quotes is seen escaped.
const TITLE: &str = "Bãi rác <tự phát> & \"nhà\" 'số 5'";

fn notice(lang: Lang, due_local: &str, detail: &str) -> CaseNotice {
    CaseNotice {
        lang,
        case_code: "HN-2026-000123".to_owned(),
        title: TITLE.to_owned(),
        due_local: due_local.to_owned(),
        detail: detail.to_owned(),
        unit: "UBND <xã> & \"Đông\"".to_owned(),
        report: "Rác thải <đổ> & \"trộm\" 'ven sông'".to_owned(),
        documents: vec![
            "Kết luận <số 12> & \"phụ lục\".pdf".to_owned(),
            "Biên bản họp.docx".to_owned(),
        ],
        link: "https://noicom.example.vn/cases/HN-2026-000123?a=1&b=2".to_owned(),
    }
}

/// Every e-mail, named, in `lang`.
fn every_mail(lang: Lang) -> Vec<(String, Mail)> {
    let mut all = Vec::new();
    for (name, step) in [
        ("before", DutyReminderStep::Before(3)),
        ("due", DutyReminderStep::Due),
        ("overdue", DutyReminderStep::Overdue(2)),
    ] {
        let duty = DutyReminder {
            lang,
            unit_name: "UBND phường <Ba Đình> & co".to_owned(),
            board_name: "Ban <Tuyên giáo> & \"Dân vận\"".to_owned(),
            period: format!(
                "{} <&>",
                workflow::duty_period_label(
                    workflow::DutyKind::Periodic,
                    "2026-Q3",
                    None,
                    None,
                    lang
                )
            ),
            due_local: "17:00 08/10/2026 <&>".to_owned(),
            step,
            link: "https://noicom.example.vn/duties/42".to_owned(),
        };
        all.push((format!("duty_reminder-{name}"), Mail::DutyReminder(duty)));
    }
    for (name, step) in [
        ("warning", CaseReminderStep::Warning),
        ("breach", CaseReminderStep::Breach),
        ("overdue", CaseReminderStep::Overdue(1)),
    ] {
        for deadline in DeadlineKind::ALL {
            let case = CaseReminder {
                lang,
                case_code: "HN-2026-000123".to_owned(),
                title: TITLE.to_owned(),
                deadline: *deadline,
                due_local: "17:00 08/10/2026 <&>".to_owned(),
                step,
                link: "https://noicom.example.vn/cases/HN-2026-000123".to_owned(),
            };
            let code = deadline.code();
            all.push((
                format!("case_reminder-{name}-{code}"),
                Mail::CaseReminder(case),
            ));
        }
    }
    for (name, case_code) in [("", None), ("-case", Some("HN-2026-000123"))] {
        all.push((
            format!("duty_requested{name}"),
            Mail::DutyRequested(DutyRequested {
                lang,
                unit_name: "UBND phường <Ba Đình> & co".to_owned(),
                board_name: "Ban <Tuyên giáo> & \"Dân vận\"".to_owned(),
                duty: "Tình hình <sạt lở> & di dời".to_owned(),
                case_code: case_code.map(str::to_owned),
                due_local: "23:59 20/01/2027 <&>".to_owned(),
                link: "https://noicom.example.vn/duties/43".to_owned(),
            }),
        ));
    }
    all.push((
        "password_reset".to_owned(),
        Mail::PasswordReset(PasswordReset {
            lang,
            name: "Nguyễn Văn <A>".to_owned(),
            due_local: "10:30 01/10/2026 <&>".to_owned(),
            link: "https://noicom.example.vn/reset-password?token=abc".to_owned(),
        }),
    ));
    let orientation = |working_days: i64, copy: bool, replaces: Option<&str>| Orientation {
        lang,
        number: "3-CV/BTGDV-<NB>".to_owned(),
        replaces: replaces.map(str::to_owned),
        case_code: "HN-2026-000123".to_owned(),
        title: TITLE.to_owned(),
        issuer_name: "Ban <Tuyên giáo> & \"Dân vận\"".to_owned(),
        unit_name: "Báo <Ninh Bình> & co".to_owned(),
        messages: "Chính quyền đã <khoanh vùng> & di dời".to_owned(),
        channels: "Báo chí, Loa truyền thanh".to_owned(),
        audience: "Nhân dân \"thôn Đông\"".to_owned(),
        link: "https://noicom.example.vn/acknowledge/nc_abc?a=1&b=2".to_owned(),
        expires_local: "10:30 15/10/2026 <&>".to_owned(),
        working_days,
        copy,
    };
    all.push((
        "orientation_notice".to_owned(),
        Mail::OrientationNotice(orientation(0, false, None)),
    ));
    all.push((
        "orientation_notice-replaces".to_owned(),
        Mail::OrientationNotice(orientation(0, false, Some("2-CV/BTGDV-<NB>"))),
    ));
    all.push((
        "orientation_reminder".to_owned(),
        Mail::OrientationReminder(orientation(1, false, None)),
    ));
    all.push((
        "orientation_reminder-copy".to_owned(),
        Mail::OrientationReminder(orientation(3, true, None)),
    ));
    // A meeting invitation is read from its meeting, below.
    for kind in NoticeKind::ALL
        .into_iter()
        .filter(|k| *k != NoticeKind::MeetingInvitation)
    {
        let detail = "Ý kiến 1: <đồng ý>\nÝ kiến 2: \"không\" & 'chưa'";
        let code = kind.code();
        all.push((
            code.to_owned(),
            Mail::Notice(kind, notice(lang, "17:00 08/10/2026 <&>", detail)),
        ));
        all.push((
            format!("{code}-dash"),
            Mail::Notice(kind, notice(lang, "—", "—")),
        ));
    }
    all.push((
        "meeting_invitation".to_owned(),
        Mail::Meeting(Box::new(MeetingInvitation {
            lang,
            case_code: "HN-2026-000123".to_owned(),
            title: TITLE.to_owned(),
            chair: "UBND phường <Ba Đình> & co".to_owned(),
            start_local: "09:00 07/12/2026".to_owned(),
            end_local: "11:00 07/12/2026".to_owned(),
            place: "Hội trường <tầng 2>, số 5 & \"6\"".to_owned(),
            agenda: "Thống nhất <phương án>\nLộ trình & kinh phí".to_owned(),
            link: "https://noicom.example.vn/cases/HN-2026-000123".to_owned(),
            calendar: crate::ics::Invitation {
                uid: "meeting-7@noicom.example.vn".to_owned(),
                sequence: 0,
                stamp: chrono::DateTime::from_timestamp(1_796_000_000, 0).unwrap(),
                starts_at: chrono::DateTime::from_timestamp(1_796_500_000, 0).unwrap(),
                ends_at: chrono::DateTime::from_timestamp(1_796_507_200, 0).unwrap(),
                summary: "Họp giải quyết vụ việc HN-2026-000123".to_owned(),
                location: "Hội trường <tầng 2>, số 5 & \"6\"".to_owned(),
                description: "Thống nhất <phương án>\nLộ trình & kinh phí".to_owned(),
                attendees: vec![crate::ics::Party {
                    name: "Ban Tuyên giáo và Dân vận".to_owned(),
                    email: "btgdv@noicom.example.vn".to_owned(),
                }],
            },
        })),
    ));
    for (name, p_value, baseline) in [
        ("rise", Some(0.0021), 3.75),
        ("rare", Some(1e-7), 0.0),
        ("high_risk", None, 3.75),
    ] {
        all.push((
            format!("hotspot_alert-{name}"),
            Mail::HotspotAlert(Box::new(HotspotAlert::new(
                lang,
                "Phường <Ba Đình> & \"Đông\"".to_owned(),
                "Đất đai & <giải phóng> mặt bằng".to_owned(),
                chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                14.5,
                baseline,
                p_value,
                "https://noicom.example.vn/watch-list".to_owned(),
            ))),
        ));
    }
    all.extend(digests(lang));
    all.push(("opinion_bulletin".to_owned(), bulletin(lang)));
    all
}

/// A bulletin as `crate::bulletin` writes its payload: the sections are
/// the document's own sentences, written in the reader's language when it
/// is enqueued (here the same Vietnamese ones for both readers).
fn bulletin(lang: Lang) -> Mail {
    use crate::bulletin::{BulletinMail, BulletinPayload, Section};
    let section = |heading: &str, lines: &[&str]| Section {
        heading: heading.to_owned(),
        lines: lines.iter().map(|l| (*l).to_owned()).collect(),
    };
    Mail::Bulletin(Box::new(BulletinMail {
        lang,
        link: "https://noicom.example.vn/bulletin?month=2026-11".to_owned(),
        bulletin: BulletinPayload {
            month: "11/2026".to_owned(),
            month_code: "2026-11".to_owned(),
            area: "Tỉnh <Ninh Bình> & co".to_owned(),
            name: "Nguyễn Văn <A>".to_owned(),
            sections: vec![
                section(
                    "",
                    &["Ban Tuyên giáo và Dân vận báo cáo tình hình dư luận xã hội tháng 11/2026:"],
                ),
                section(
                    "I. TÌNH HÌNH CHUNG",
                    &[
                        "Trong tháng, Ban nhận được 12 báo cáo dư luận xã hội của 9 cộng tác viên, báo cáo viên, với 31 ý kiến.",
                        "Tâm trạng của nhân dân qua các ý kiến: đồng tình 10%, bức xúc 90%.",
                    ],
                ),
                section(
                    "II. NHỮNG VẤN ĐỀ DƯ LUẬN QUAN TÂM",
                    &[
                        "1. Môi trường tại Xã <Gia Viễn>: 9 ý kiến.",
                        "Ý kiến tiêu biểu: “Mùi hôi & khói”",
                    ],
                ),
            ],
        },
    }))
}

/// The daily digest: a liaison's, with every group, and the board's,
/// which names a unit nobody could remind. Built as the dispatcher builds
/// it, at 09:00 on Monday 18/1/2027.
fn digests(lang: Lang) -> Vec<(String, Mail)> {
    use crate::digest::{CaseItem, DutyItem, Item, build};
    let calendar = workflow::Calendar::vietnam_default();
    let at =
        |y, m, d, h| calendar.at_local_hour(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(), h);
    let end = |y, m, d| calendar.end_of_day(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap());
    let now = at(2027, 1, 18, 9);
    let duty = |id: i64, due: chrono::DateTime<chrono::Utc>, unreached: bool| {
        Item::Duty(DutyItem {
            duty_id: id,
            duty_kind: Some("periodic".to_owned()),
            period: "2026-Q4".to_owned(),
            case_code: None,
            topic: None,
            unit_name: "UBND phường <Ba Đình> & co".to_owned(),
            board_name: "Ban <Tuyên giáo> & \"Dân vận\"".to_owned(),
            due_at: due.fixed_offset(),
            unreached,
        })
    };
    let case = |code: &str, deadline: &str, holder: Option<&str>, due| {
        Item::Case(CaseItem {
            case_code: code.to_owned(),
            title: TITLE.to_owned(),
            deadline: deadline.to_owned(),
            holder: holder.map(str::to_owned),
            due_at: chrono::DateTime::<chrono::Utc>::fixed_offset(&due),
            unreached: false,
        })
    };
    let liaison = vec![
        ("duty:7".to_owned(), duty(7, end(2027, 1, 25), false)),
        (
            "case:1:answer".to_owned(),
            case(
                "HN-2026-000123",
                "answer",
                Some("UBND phường <Ba Đình> & co"),
                end(2027, 1, 13),
            ),
        ),
        (
            "case:2:resolution".to_owned(),
            case(
                "HN-2026-000124",
                "resolution",
                Some("UBND phường <Ba Đình> & co"),
                end(2027, 1, 18),
            ),
        ),
        (
            "case:3:triage".to_owned(),
            case("HN-2026-000125", "triage", None, at(2027, 1, 18, 8)),
        ),
    ];
    let board = vec![("duty:8".to_owned(), duty(8, end(2027, 1, 11), true))];
    let base = "https://noicom.example.vn/";
    let mut out = Vec::new();
    for (name, reader, items) in [
        ("reminder_digest", "Nguyễn Văn <A>", liaison),
        (
            "reminder_digest-board",
            "Ban <Tuyên giáo> & \"Dân vận\"",
            board,
        ),
    ] {
        let day = calendar.local_date(now);
        let digest = build(lang, reader.to_owned(), day, items, now, &calendar, base)
            .expect("items to list");
        out.push((name.to_owned(), Mail::Digest(Box::new(digest))));
    }
    out
}

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/mail/golden")
}

#[test]
fn every_mail_reads_byte_for_byte_as_written() {
    let write = std::env::var("NOICOM_GOLDEN").is_ok_and(|v| v == "write");
    let mut differ = Vec::new();
    for lang in [Lang::Vi, Lang::En] {
        for (name, mail) in every_mail(lang) {
            let mail = mail.render().unwrap();
            let mut got = format!(
                "{}\n=== text\n{}\n=== html\n{}",
                mail.subject, mail.text, mail.html
            );
            if let Some(calendar) = &mail.calendar {
                let organizer = crate::ics::Party {
                    name: "noicom".to_owned(),
                    email: "noicom@noicom.example.vn".to_owned(),
                };
                got.push_str("\n=== calendar\n");
                got.push_str(&calendar.request(&organizer));
            }
            let path = folder().join(format!("{name}.{}.txt", lang.code()));
            if write {
                std::fs::create_dir_all(folder()).unwrap();
                std::fs::write(&path, &got).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(got.as_str()) {
                differ.push(path.display().to_string());
            }
        }
    }
    assert!(
        differ.is_empty(),
        "e-mails that read differently: {differ:#?}"
    );
}

/// What a reader must never meet in an e-mail (issue 15): a code quoted
/// for programmers, or serde's English about a field.
#[test]
fn no_mail_reads_like_a_programmer_wrote_it() {
    const PHRASES: &[&str] = &["`", "missing field", "unknown variant", "expected one of"];
    let mut found = Vec::new();
    for lang in [Lang::Vi, Lang::En] {
        for (name, mail) in every_mail(lang) {
            let mail = mail.render().unwrap();
            let read = format!("{}\n{}\n{}", mail.subject, mail.text, mail.html);
            found.extend(
                PHRASES
                    .iter()
                    .filter(|p| read.contains(**p))
                    .map(|p| format!("{name}.{}: {p}", lang.code())),
            );
        }
    }
    assert!(
        found.is_empty(),
        "e-mails with programmers' words: {found:#?}"
    );
}
