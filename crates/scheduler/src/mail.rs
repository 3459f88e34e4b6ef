//! The e-mails: what each one says, as a typed context, and its folder of
//! askama templates under `templates/`: `mail.txt` (the subject and the
//! plain-text part) and `mail.html`, each in both languages. The shared
//! layout — subject tag, first line, footer, HTML frame — is in
//! `templates/_layout/`. A field a template names must exist in its
//! context, and a notice kind without its folder is a missing match arm:
//! both fail to compile. askama escapes values in the HTML part and leaves
//! the subject and the text as they are.
//!
//! A new notice e-mail is its folder (`mail.txt` with the blocks
//! `subject_vi`, `subject_en`, `head`, `vi`, `en`; `mail.html` with `head`,
//! `vi`, `en`) and its arm in [`Mail::render`]. An e-mail with facts of its
//! own also needs its context here and its payload read in `render`.

use askama::Template;
use workflow::{CaseReminderStep, DeadlineKind, DutyReminderStep, Lang, NoticeKind};

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

/// A reminder of an information duty (§4.1), to the providing unit.
#[derive(Debug, Clone)]
pub(crate) struct DutyReminder {
    pub lang: Lang,
    pub unit_name: String,
    pub board_name: String,
    /// The duty's period, e.g. `2026-Q3`.
    pub period: String,
    /// The due time in the calendar's time zone.
    pub due_local: String,
    pub step: DutyReminderStep,
    /// The duty's page.
    pub link: String,
}

/// A reminder of a case deadline (§3.4).
#[derive(Debug, Clone)]
pub(crate) struct CaseReminder {
    pub lang: Lang,
    pub case_code: String,
    pub title: String,
    pub deadline: DeadlineKind,
    /// The due time in the calendar's time zone.
    pub due_local: String,
    pub step: CaseReminderStep,
    /// The case's page.
    pub link: String,
}

/// A one-time password reset link.
#[derive(Debug, Clone)]
pub(crate) struct PasswordReset {
    pub lang: Lang,
    /// The account holder's name.
    pub name: String,
    /// When the link expires, in the calendar's time zone.
    pub due_local: String,
    /// The page that takes the new password.
    pub link: String,
}

/// An event notice of §5; every kind says it with the same facts.
#[derive(Debug, Clone)]
pub(crate) struct CaseNotice {
    pub lang: Lang,
    pub case_code: String,
    pub title: String,
    /// The written answer's due time, or a dash for readers who may not
    /// see it.
    pub due_local: String,
    /// What the reader acts on (the question, the opinions, the result),
    /// or a dash.
    pub detail: String,
    /// The case's page.
    pub link: String,
}

/// One e-mail with what it says.
#[derive(Debug, Clone)]
pub(crate) enum Mail {
    DutyReminder(DutyReminder),
    CaseReminder(CaseReminder),
    PasswordReset(PasswordReset),
    Notice(NoticeKind, CaseNotice),
}

/// The templates of one e-mail folder, `mail.txt` (its blocks `subject` and
/// `text` rendered apart) and `mail.html`, over the context `$context` of
/// type `$type`, rendered. Each template is a struct that derefs to the
/// context, so a template names the context's fields directly.
macro_rules! folder {
    (@deref $part:ident $type:ty) => {
        impl std::ops::Deref for $part<'_> {
            type Target = $type;
            fn deref(&self) -> &$type {
                self.0
            }
        }
    };
    ($context:expr, $type:ty, $text:literal, $html:literal $(,)?) => {{
        #[derive(Template)]
        #[template(path = $text, block = "subject")]
        struct Subject<'a>(&'a $type);
        #[derive(Template)]
        #[template(path = $text, block = "text")]
        struct Text<'a>(&'a $type);
        #[derive(Template)]
        #[template(path = $html)]
        struct Html<'a>(&'a $type);
        folder!(@deref Subject $type);
        folder!(@deref Text $type);
        folder!(@deref Html $type);
        let context: &$type = $context;
        Rendered {
            subject: first_line(Subject(context).render()?),
            text: Text(context).render()?,
            html: Html(context).render()?,
        }
    }};
}

impl Mail {
    /// The subject, text and HTML of the e-mail in its reader's language.
    pub(crate) fn render(&self) -> Result<Rendered, askama::Error> {
        Ok(match self {
            Mail::DutyReminder(duty) => folder!(
                duty,
                DutyReminder,
                "duty_reminder/mail.txt",
                "duty_reminder/mail.html",
            ),
            Mail::CaseReminder(case) => folder!(
                case,
                CaseReminder,
                "case_reminder/mail.txt",
                "case_reminder/mail.html",
            ),
            Mail::PasswordReset(reset) => folder!(
                reset,
                PasswordReset,
                "password_reset/mail.txt",
                "password_reset/mail.html",
            ),
            Mail::Notice(kind, notice) => match kind {
                NoticeKind::CaseAssigned => folder!(
                    notice,
                    CaseNotice,
                    "case_assigned/mail.txt",
                    "case_assigned/mail.html",
                ),
                NoticeKind::InfoRequested => folder!(
                    notice,
                    CaseNotice,
                    "info_requested/mail.txt",
                    "info_requested/mail.html",
                ),
                NoticeKind::AnswerReceived => folder!(
                    notice,
                    CaseNotice,
                    "answer_received/mail.txt",
                    "answer_received/mail.html",
                ),
                NoticeKind::Escalated => folder!(
                    notice,
                    CaseNotice,
                    "escalated/mail.txt",
                    "escalated/mail.html",
                ),
                NoticeKind::ResultPublished => folder!(
                    notice,
                    CaseNotice,
                    "result_published/mail.txt",
                    "result_published/mail.html",
                ),
            },
        })
    }
}

/// A subject is one line even when a value (a title) holds a line break.
fn first_line(subject: String) -> String {
    subject.lines().next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod golden;
#[cfg(test)]
mod tests;
