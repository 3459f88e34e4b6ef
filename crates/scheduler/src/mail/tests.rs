//! Every e-mail in both languages from hand-made contexts: each has its
//! own words, and values are escaped in the HTML part only.

use super::*;

fn notice(lang: Lang, title: &str) -> CaseNotice {
    CaseNotice {
        lang,
        case_code: "HN-2026-000123".to_owned(),
        title: title.to_owned(),
        due_local: "17:00 08/10/2026".to_owned(),
        detail: "Đề nghị gửi ảnh hiện trường.".to_owned(),
        unit: "UBND xã Đông Anh".to_owned(),
        report: "Rác thải đổ trộm ven sông.".to_owned(),
        documents: Vec::new(),
        link: "https://noicom.example.vn/cases/HN-2026-000123".to_owned(),
    }
}

/// One of every e-mail in `lang`.
fn every_mail(lang: Lang) -> Vec<Mail> {
    let mut all = vec![
        Mail::DutyReminder(DutyReminder {
            lang,
            unit_name: "UBND phường Ba Đình".to_owned(),
            board_name: "Ban Tuyên giáo và Dân vận".to_owned(),
            period: "2026-Q3".to_owned(),
            due_local: "17:00 08/10/2026".to_owned(),
            step: DutyReminderStep::Before(3),
            link: "https://noicom.example.vn/duties/42".to_owned(),
        }),
        Mail::CaseReminder(CaseReminder {
            lang,
            case_code: "HN-2026-000123".to_owned(),
            title: "Bãi rác tự phát".to_owned(),
            deadline: DeadlineKind::Answer,
            due_local: "17:00 08/10/2026".to_owned(),
            step: CaseReminderStep::Breach,
            link: "https://noicom.example.vn/cases/HN-2026-000123".to_owned(),
        }),
        Mail::PasswordReset(PasswordReset {
            lang,
            name: "Nguyễn Văn A".to_owned(),
            due_local: "10:30 01/10/2026".to_owned(),
            link: "https://noicom.example.vn/reset-password?token=abc".to_owned(),
        }),
    ];
    // A meeting invitation is read from its meeting (golden.rs has it).
    all.extend(
        NoticeKind::ALL
            .into_iter()
            .filter(|k| *k != NoticeKind::MeetingInvitation)
            .map(|kind| Mail::Notice(kind, notice(lang, "Bãi rác tự phát"))),
    );
    all
}

#[test]
fn values_are_escaped_in_the_html_part_only() {
    let title = "Đất <đai> & nhà";
    let mail = Mail::Notice(NoticeKind::Escalated, notice(Lang::Vi, title))
        .render()
        .unwrap();
    assert!(
        mail.text
            .contains("Vụ việc HN-2026-000123 — Đất <đai> & nhà")
    );
    assert!(mail.subject.starts_with("[noicom] HN-2026-000123: "));
    assert!(
        mail.html.contains("Đất &#60;đai&#62; &#38; nhà"),
        "{}",
        mail.html
    );
    assert!(!mail.html.contains(title));
}

#[test]
fn every_template_has_both_languages_and_its_own_words() {
    let mut subjects = Vec::new();
    for (vi, en) in every_mail(Lang::Vi).into_iter().zip(every_mail(Lang::En)) {
        let what = format!("{vi:?}");
        let (vi, en) = (vi.render().unwrap(), en.render().unwrap());
        assert_ne!(vi.text, en.text, "{what}");
        assert_ne!(vi.subject, en.subject, "{what}");
        assert!(vi.html.contains("lang=\"vi\""), "{what}");
        assert!(en.html.contains("lang=\"en\""), "{what}");
        for part in [&vi.text, &vi.html, &en.text, &en.html] {
            assert!(part.contains("noicom"), "{what}: no footer in {part}");
        }
        subjects.push(vi.subject);
    }
    let count = subjects.len();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), count, "two e-mails share a subject");
}

#[test]
fn a_subject_is_one_line() {
    let Mail::DutyReminder(mut duty) = every_mail(Lang::Vi).remove(0) else {
        unreachable!("the first e-mail is the duty reminder")
    };
    duty.unit_name = "UBND\nphường Ba Đình".to_owned();
    let mail = Mail::DutyReminder(duty).render().unwrap();
    assert_eq!(
        mail.subject,
        "[noicom] còn 3 ngày đến hạn: cung cấp thông tin (2026-Q3) — UBND"
    );
    assert!(mail.text.starts_with("Kính gửi UBND\nphường Ba Đình,\n\n"));
}
