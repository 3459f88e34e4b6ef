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
            period: "2026-Q3 <&>".to_owned(),
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
    all.push((
        "password_reset".to_owned(),
        Mail::PasswordReset(PasswordReset {
            lang,
            name: "Nguyễn Văn <A>".to_owned(),
            due_local: "10:30 01/10/2026 <&>".to_owned(),
            link: "https://noicom.example.vn/reset-password?token=abc".to_owned(),
        }),
    ));
    for kind in NoticeKind::ALL {
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
    all
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
            let got = format!(
                "{}\n=== text\n{}\n=== html\n{}",
                mail.subject, mail.text, mail.html
            );
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
