//! The e-mail templates, one folder per e-mail under `templates/`, built
//! into the binary, and the `{{name}}` substitution that fills them.
//! Values are HTML-escaped in the HTML part; a name without a value is
//! left visible so that a missing field shows in tests, not as a blank.
//! Each e-mail is a [`Template`]; its folder is chosen by an exhaustive
//! match, so a notice kind without its folder does not compile.

use std::collections::HashMap;

use store::auth::PASSWORD_RESET;
use store::reminders::{CASE_REMINDER, DUTY_REMINDER};
use workflow::NoticeKind;

/// The six files of one e-mail: subject, text and HTML in vi and en.
struct Files {
    subject: [&'static str; 2],
    text: [&'static str; 2],
    html: [&'static str; 2],
}

macro_rules! files {
    ($dir:literal) => {
        Files {
            subject: [
                include_str!(concat!("../templates/", $dir, "/subject.vi.txt")),
                include_str!(concat!("../templates/", $dir, "/subject.en.txt")),
            ],
            text: [
                include_str!(concat!("../templates/", $dir, "/body.vi.txt")),
                include_str!(concat!("../templates/", $dir, "/body.en.txt")),
            ],
            html: [
                include_str!(concat!("../templates/", $dir, "/body.vi.html")),
                include_str!(concat!("../templates/", $dir, "/body.en.html")),
            ],
        }
    };
}

/// Which e-mail an outbox row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Template {
    /// A duty reminder (§4.1).
    DutyReminder,
    /// A case deadline reminder (§3.4).
    CaseReminder,
    /// A one-time password reset link.
    PasswordReset,
    /// An event notice of §5, one folder per kind.
    Notice(NoticeKind),
}

impl Template {
    /// The template of an outbox `kind`; `None` for a kind no code writes.
    pub(crate) fn of_kind(kind: &str) -> Option<Template> {
        Some(match kind {
            DUTY_REMINDER => Template::DutyReminder,
            CASE_REMINDER => Template::CaseReminder,
            PASSWORD_RESET => Template::PasswordReset,
            other => Template::Notice(NoticeKind::from_code(other)?),
        })
    }

    fn files(self) -> Files {
        match self {
            Template::DutyReminder => files!("duty_reminder"),
            Template::CaseReminder => files!("case_reminder"),
            Template::PasswordReset => files!("password_reset"),
            Template::Notice(kind) => match kind {
                NoticeKind::CaseAssigned => files!("case_assigned"),
                NoticeKind::InfoRequested => files!("info_requested"),
                NoticeKind::AnswerReceived => files!("answer_received"),
                NoticeKind::Escalated => files!("escalated"),
                NoticeKind::ResultPublished => files!("result_published"),
            },
        }
    }
}

/// A rendered e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// One line.
    pub subject: String,
    /// The plain-text part.
    pub text: String,
    /// The HTML part.
    pub html: String,
}

/// Fills `template` in `lang` (`en`, anything else is Vietnamese).
pub(crate) fn fill(template: Template, lang: &str, values: &HashMap<&str, String>) -> Rendered {
    let files = template.files();
    let i = usize::from(lang == "en");
    Rendered {
        subject: substitute(files.subject[i], values, false)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
        text: substitute(files.text[i], values, false),
        html: substitute(files.html[i], values, true),
    }
}

fn substitute(template: &str, values: &HashMap<&str, String>, html: bool) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = after[..close].trim();
        match values.get(name) {
            Some(value) if html => out.push_str(&escape(value)),
            Some(value) => out.push_str(value),
            None => out.push_str(&rest[open..open + 2 + close + 2]),
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_replaced_and_html_is_escaped() {
        let values = HashMap::from([("title", "Đất <đai> & nhà".to_owned())]);
        assert_eq!(
            substitute("a {{title}} b", &values, false),
            "a Đất <đai> & nhà b"
        );
        assert_eq!(
            substitute("{{ title }}", &values, true),
            "Đất &lt;đai&gt; &amp; nhà"
        );
        assert_eq!(substitute("{{missing}}!", &values, false), "{{missing}}!");
    }

    #[test]
    fn every_template_has_both_languages_and_its_own_words() {
        let mut all = vec![
            Template::DutyReminder,
            Template::CaseReminder,
            Template::PasswordReset,
        ];
        all.extend(NoticeKind::ALL.map(Template::Notice));
        let mut subjects = Vec::new();
        for template in all {
            let vi = fill(template, "vi", &HashMap::new());
            let en = fill(template, "en", &HashMap::new());
            assert_ne!(vi.text, en.text, "{template:?}");
            assert_ne!(vi.subject, en.subject, "{template:?}");
            assert!(vi.html.contains("lang=\"vi\""), "{template:?}");
            assert!(en.html.contains("lang=\"en\""), "{template:?}");
            subjects.push(vi.subject);
        }
        let count = subjects.len();
        subjects.sort();
        subjects.dedup();
        assert_eq!(subjects.len(), count, "two e-mails share a subject");
    }

    #[test]
    fn outbox_kinds_name_their_template() {
        assert_eq!(
            Template::of_kind("escalated"),
            Some(Template::Notice(NoticeKind::Escalated))
        );
        assert_eq!(
            Template::of_kind("duty_reminder"),
            Some(Template::DutyReminder)
        );
        assert_eq!(Template::of_kind("case_notice"), None);
    }
}
