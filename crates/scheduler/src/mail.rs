//! The e-mails: what each one says, as a typed context, and its folder of
//! askama templates under `templates/`: `mail.txt` (the subject and the
//! plain-text part) and `mail.html`. The templates hold no sentence: each
//! is an entry of the catalogue (`catalogue/src/mail.rs`), called as
//! `t.mail_…(…)` in the reader's language, so the text and the HTML part
//! read the same sentence. The shared layout — subject tag, first line,
//! footer, HTML frame — is in `templates/_layout/`. A field a template
//! names must exist in its context, a sentence must exist in the
//! catalogue, and a notice kind without its folder is a missing match
//! arm: all fail to compile. askama escapes values in the HTML part and
//! leaves the subject and the text as they are; a sentence that quotes a
//! word in bold gets it from [`strong`] and is written `|safe`.
//!
//! A new notice e-mail is its sentences in the catalogue, its folder
//! (`mail.txt` with the blocks `subject_line`, `head`, `body`; `mail.html`
//! with `head`, `body`) and its arm in [`Mail::render`]. An e-mail with
//! facts of its own also needs its context here and its payload read in
//! `render`. `golden/` holds every e-mail as it reads, byte for byte.

mod alert;

pub(crate) use alert::HotspotAlert;

use askama::Template;
use catalogue::Tr;
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
    /// The calendar entry a meeting invitation carries (SPEC §11).
    pub calendar: Option<crate::ics::Invitation>,
}

/// A reminder of an information duty (§4.1), to the providing unit.
#[derive(Debug, Clone)]
pub(crate) struct DutyReminder {
    pub lang: Lang,
    pub unit_name: String,
    pub board_name: String,
    /// The duty's period in words, e.g. *Quý III/2026*
    /// (`workflow::duty_period_label`).
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

/// An ad-hoc request for information (§13), to the body asked, at once.
#[derive(Debug, Clone)]
pub(crate) struct DutyRequested {
    pub lang: Lang,
    pub unit_name: String,
    pub board_name: String,
    /// What is asked (`workflow::duty_period_label` of the request).
    pub duty: String,
    /// The case it is about, if any.
    pub case_code: Option<String>,
    /// The due time in the calendar's time zone.
    pub due_local: String,
    /// The duty's page.
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

/// An orientation notice (§12) to a recipient unit, or its reminder (to
/// the unit, or copied to the board).
#[derive(Debug, Clone)]
pub(crate) struct Orientation {
    pub lang: Lang,
    /// Its number, e.g. `3-CV/BTGDV-NB`.
    pub number: String,
    /// The number of the notice it replaces.
    pub replaces: Option<String>,
    pub case_code: String,
    pub title: String,
    pub issuer_name: String,
    /// The recipient unit.
    pub unit_name: String,
    pub messages: String,
    /// The channels' names, joined.
    pub channels: String,
    pub audience: String,
    /// The acknowledgement link, or the case's page for the board's copy.
    pub link: String,
    /// When the link expires, in the calendar's time zone.
    pub expires_local: String,
    /// Working days without acknowledgement (reminders).
    pub working_days: i64,
    /// The board's copy of a reminder.
    pub copy: bool,
}

/// An invitation to a resolution meeting (SPEC §11), to one invited unit.
#[derive(Debug, Clone)]
pub(crate) struct MeetingInvitation {
    pub lang: Lang,
    pub case_code: String,
    pub title: String,
    /// The chairing unit's name.
    pub chair: String,
    /// Start and end in the calendar's time zone.
    pub start_local: String,
    pub end_local: String,
    pub place: String,
    pub agenda: String,
    /// The case's page.
    pub link: String,
    /// The calendar entry sent with it.
    pub calendar: crate::ics::Invitation,
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
    /// The unit the notice speaks of (where a report was forwarded), or a
    /// dash.
    pub unit: String,
    /// The report itself, for a body it is forwarded to, or a dash.
    pub report: String,
    /// The file names of the documents the answer or the conclusion
    /// carries; read on the case's page.
    pub documents: Vec<String>,
    /// The case's page.
    pub link: String,
}

impl DutyReminder {
    /// How the duty stands, in the reader's words.
    pub(crate) fn step_words(&self) -> String {
        let t = Tr(self.lang);
        match self.step {
            DutyReminderStep::Before(days) => t.mail_duty_before(days),
            DutyReminderStep::Due => t.mail_duty_due().to_owned(),
            DutyReminderStep::Overdue(_) => t.mail_duty_overdue().to_owned(),
        }
    }
}

impl CaseReminder {
    /// How the deadline stands, in the reader's words.
    pub(crate) fn step_words(&self) -> &'static str {
        let t = Tr(self.lang);
        match self.step {
            CaseReminderStep::Warning => t.mail_case_warning(),
            CaseReminderStep::Breach => t.mail_case_breach(),
            CaseReminderStep::Overdue(_) => t.mail_case_overdue(),
        }
    }

    /// The deadline as a sentence names it.
    pub(crate) fn deadline_words(&self) -> &'static str {
        self.deadline.step_in_sentence(self.lang)
    }
}

/// One e-mail with what it says.
#[derive(Debug, Clone)]
pub(crate) enum Mail {
    DutyReminder(DutyReminder),
    DutyRequested(DutyRequested),
    CaseReminder(CaseReminder),
    PasswordReset(PasswordReset),
    Notice(NoticeKind, CaseNotice),
    OrientationNotice(Orientation),
    OrientationReminder(Orientation),
    Meeting(Box<MeetingInvitation>),
    /// The daily digest of an address's reminders (§14).
    Digest(Box<crate::digest::Digest>),
    /// The monthly opinion bulletin, to a leader (§16).
    Bulletin(Box<crate::bulletin::BulletinMail>),
    /// An early-warning alert (§16).
    HotspotAlert(Box<HotspotAlert>),
}

/// The templates of one e-mail folder, `mail.txt` (its blocks `subject` and
/// `text` rendered apart) and `mail.html`, over the context `$context` of
/// type `$type`, rendered. Each template is a struct that derefs to the
/// context, so a template names the context's fields directly, and holds
/// `t`, the catalogue in the reader's language, for every sentence.
macro_rules! folder {
    (@deref $part:ident $type:ty) => {
        impl std::ops::Deref for $part<'_> {
            type Target = $type;
            fn deref(&self) -> &$type {
                self.context
            }
        }
    };
    ($context:expr, $type:ty, $text:literal, $html:literal $(,)?) => {{
        #[derive(Template)]
        #[template(path = $text, block = "subject")]
        struct Subject<'a> {
            context: &'a $type,
            // A subject of the case's own words only (a reminder's) reads
            // no sentence.
            #[allow(dead_code)]
            t: Tr,
        }
        #[derive(Template)]
        #[template(path = $text, block = "text")]
        struct Text<'a> {
            context: &'a $type,
            t: Tr,
        }
        #[derive(Template)]
        #[template(path = $html)]
        struct Html<'a> {
            context: &'a $type,
            t: Tr,
        }
        folder!(@deref Subject $type);
        folder!(@deref Text $type);
        folder!(@deref Html $type);
        let context: &$type = $context;
        let t = Tr(context.lang);
        Rendered {
            subject: first_line(Subject { context, t }.render()?),
            text: Text { context, t }.render()?,
            html: Html { context, t }.render()?,
            calendar: None,
        }
    }};
}

/// `value` escaped and in bold: a word the HTML part stresses inside a
/// catalogue sentence, which the template then writes as it is (`|safe`).
pub(crate) fn strong(value: impl std::fmt::Display) -> String {
    format!("<strong>{}</strong>", escaped(value))
}

/// `value` escaped as askama escapes a value, for a sentence written
/// `|safe` because it also quotes a [`strong`] word.
pub(crate) fn escaped(value: impl std::fmt::Display) -> String {
    match askama::filters::escape(value, askama::filters::Html) {
        Ok(safe) => safe.to_string(),
        Err(never) => match never {},
    }
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
            Mail::DutyRequested(duty) => folder!(
                duty,
                DutyRequested,
                "duty_requested/mail.txt",
                "duty_requested/mail.html",
            ),
            Mail::CaseReminder(case) => folder!(
                case,
                CaseReminder,
                "case_reminder/mail.txt",
                "case_reminder/mail.html",
            ),
            Mail::Bulletin(bulletin) => folder!(
                bulletin,
                crate::bulletin::BulletinMail,
                "opinion_bulletin/mail.txt",
                "opinion_bulletin/mail.html",
            ),
            Mail::Digest(digest) => folder!(
                digest,
                crate::digest::Digest,
                "reminder_digest/mail.txt",
                "reminder_digest/mail.html",
            ),
            Mail::HotspotAlert(alert) => folder!(
                alert,
                HotspotAlert,
                "hotspot_alert/mail.txt",
                "hotspot_alert/mail.html",
            ),
            Mail::PasswordReset(reset) => folder!(
                reset,
                PasswordReset,
                "password_reset/mail.txt",
                "password_reset/mail.html",
            ),
            Mail::OrientationNotice(o) => folder!(
                o,
                Orientation,
                "orientation_notice/mail.txt",
                "orientation_notice/mail.html",
            ),
            Mail::OrientationReminder(o) => folder!(
                o,
                Orientation,
                "orientation_reminder/mail.txt",
                "orientation_reminder/mail.html",
            ),
            Mail::Meeting(meeting) => Rendered {
                calendar: Some(meeting.calendar.clone()),
                ..folder!(
                    meeting,
                    MeetingInvitation,
                    "meeting_invitation/mail.txt",
                    "meeting_invitation/mail.html",
                )
            },
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
                // Its facts are the meeting's, read into `Mail::Meeting`.
                NoticeKind::MeetingInvitation => {
                    return Err(askama::Error::custom(
                        "a meeting invitation is rendered from its meeting",
                    ));
                }
                NoticeKind::LeadReassigned => folder!(
                    notice,
                    CaseNotice,
                    "lead_reassigned/mail.txt",
                    "lead_reassigned/mail.html",
                ),
                NoticeKind::LeadReleased => folder!(
                    notice,
                    CaseNotice,
                    "lead_released/mail.txt",
                    "lead_released/mail.html",
                ),
                NoticeKind::Forwarded => folder!(
                    notice,
                    CaseNotice,
                    "forwarded/mail.txt",
                    "forwarded/mail.html",
                ),
                NoticeKind::ReportForwarded => folder!(
                    notice,
                    CaseNotice,
                    "report_forwarded/mail.txt",
                    "report_forwarded/mail.html",
                ),
                NoticeKind::ReportDismissed => folder!(
                    notice,
                    CaseNotice,
                    "report_dismissed/mail.txt",
                    "report_dismissed/mail.html",
                ),
                NoticeKind::ReportMerged => folder!(
                    notice,
                    CaseNotice,
                    "report_merged/mail.txt",
                    "report_merged/mail.html",
                ),
                NoticeKind::Concluded => folder!(
                    notice,
                    CaseNotice,
                    "concluded/mail.txt",
                    "concluded/mail.html",
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
