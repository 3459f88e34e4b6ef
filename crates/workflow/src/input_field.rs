//! The fields of the actions' inputs (SPEC §3.3) as a person meets them:
//! how a form asks for each, and its label there and on the timeline.
//! Each action's list of fields ([`crate::ActionKind::form`], beside
//! [`crate::Command`]) serves the page's form, the reading of
//! a posted form into [`crate::Command`], and the timeline, so an action
//! without its form, or a field without its label, does not compile.

use crate::{DeadlineKind, Lang, Tr};

/// How a field is asked for, read back and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Widget {
    /// A required text (a text area); blank is for the rules to refuse.
    Text,
    /// A text that may be left out (a text area).
    OptText,
    /// A required text on one line; blank is for the rules to refuse.
    Line,
    /// A code typed on one line; blank is missing.
    Code,
    /// One code chosen from a list; blank is missing.
    Pick(Choices),
    /// One code chosen from a list, or none.
    OptPick(Choices),
    /// Every code ticked in a list.
    Checks(Choices),
    /// A local date and time; blank is missing.
    Time,
    /// A local date and time that may be left out.
    OptTime,
    /// A date (`YYYY-MM-DD`); blank is missing.
    Date,
    /// A whole number that may be left out.
    OptNumber,
    /// A box to tick: `true` when ticked.
    Flag,
    /// A list of `{unit, opinion}`: each row a unit of the list and its
    /// opinion in words (an escalation's differing opinions).
    Opinions(Choices),
}

impl Widget {
    /// Whether a blank value is missing input: the fields a form marks as
    /// required (a list of boxes to tick is judged by the rules).
    pub fn required(self) -> bool {
        use Widget::*;
        matches!(self, Text | Line | Code | Pick(_) | Time | Date)
    }
}

/// The list a [`Widget::Pick`], [`Widget::OptPick`] or [`Widget::Checks`]
/// offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    /// [`crate::Sensitivity`].
    Sensitivity,
    /// [`crate::Priority`].
    Priority,
    /// [`crate::HotspotRisk`].
    HotspotRisk,
    /// [`crate::Source`].
    Source,
    /// [`crate::Channel`].
    Channel,
    /// The state bodies serving the case's area, which may lead it.
    LeadUnit,
    /// The units that may coordinate a case in its area: not the party side.
    Coordinating,
    /// The units serving the case's area, whatever their kind (the board
    /// among them: it is invited to meetings and holds opinions).
    Unit,
    /// The units that receive directed communication (SPEC §12).
    Recipient,
    /// The areas the person may file in.
    Area,
    /// The categories.
    Category,
    /// The case's scheduled meetings not yet recorded as held, by number.
    Meeting,
}

/// The codes of a coded enum with their labels in `lang`.
fn listed<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
    lang: Lang,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|&v| (code(v), label(v, lang))).collect()
}

impl Choices {
    /// The codes and labels of a fixed list, in its order; `None` for the
    /// lists the store holds (units, areas, categories).
    pub fn fixed(self, lang: Lang) -> Option<Vec<(&'static str, &'static str)>> {
        use crate::{Channel, HotspotRisk, Priority, Sensitivity, Source};
        Some(match self {
            Choices::Sensitivity => listed(
                Sensitivity::ALL,
                Sensitivity::code,
                Sensitivity::label,
                lang,
            ),
            Choices::Priority => listed(Priority::ALL, Priority::code, Priority::label, lang),
            Choices::HotspotRisk => listed(
                HotspotRisk::ALL,
                HotspotRisk::code,
                HotspotRisk::label,
                lang,
            ),
            Choices::Source => listed(Source::ALL, Source::code, Source::label, lang),
            Choices::Channel => listed(Channel::ALL, Channel::code, Channel::label, lang),
            Choices::LeadUnit
            | Choices::Coordinating
            | Choices::Unit
            | Choices::Recipient
            | Choices::Area
            | Choices::Category
            | Choices::Meeting => return None,
        })
    }

    /// The label of `code` in a fixed list: `Some(None)` for a code the
    /// list lacks, `None` for the lists the store holds.
    pub fn label_of(self, code: &str, lang: Lang) -> Option<Option<&'static str>> {
        let list = self.fixed(lang)?;
        Some(
            list.into_iter()
                .find(|(c, _)| *c == code)
                .map(|(_, label)| label),
        )
    }
}

macro_rules! input_fields {
    ($( $(#[$meta:meta])* $variant:ident = ($name:literal, $widget:expr, $key:ident), )+) => {
        /// A field of an action's input.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum InputField {
            $( $(#[$meta])* $variant, )+
        }

        impl InputField {
            /// Every field, in declaration order.
            pub const ALL: &'static [InputField] = &[$(InputField::$variant),+];

            /// Its JSON name in the input and the event payload.
            pub fn name(self) -> &'static str {
                match self { $(InputField::$variant => $name),+ }
            }

            /// How it is asked for and shown.
            pub fn widget(self) -> Widget {
                use Widget::*;
                match self { $(InputField::$variant => $widget),+ }
            }

            /// Its label on the form.
            pub fn label(self, lang: Lang) -> &'static str {
                let t = Tr(lang);
                match self { $(InputField::$variant => t.$key()),+ }
            }
        }
    };
}

input_fields! {
    /// `request_info`'s question.
    Question = ("question", Text, field_question),
    /// A supplement's added text.
    AddedText = ("text", OptText, field_text),
    /// A comment's or a progress update's text.
    Note = ("text", Text, field_text),
    /// Why it was dismissed or reopened.
    Reason = ("reason", Text, field_reason),
    /// The case merged into.
    Target = ("target", Code, field_target),
    /// The board's assessment.
    Sensitivity = ("sensitivity", Pick(Choices::Sensitivity), field_sensitivity),
    /// The board's priority.
    Priority = ("priority", Pick(Choices::Priority), field_priority),
    /// The lead agency.
    LeadUnit = ("lead_unit", Pick(Choices::LeadUnit), lead_unit),
    /// The coordinating agencies.
    CoordinatingUnits = ("coordinating_units", Checks(Choices::Coordinating), coordinating_units),
    /// An answer deadline other than the computed one.
    AnswerDue = ("answer_due", OptTime, field_answer_due),
    /// The written answer.
    Answer = ("answer", Text, field_answer),
    /// Key messages of directed communication.
    Messages = ("messages", Text, field_messages),
    /// Its channels.
    Channels = ("channels", Checks(Choices::Channel), field_channels),
    /// Its audience.
    Audience = ("audience", Line, field_audience),
    /// The units an orientation notice is sent to (SPEC §12).
    Recipients = ("recipients", Checks(Choices::Recipient), field_recipients),
    /// Whether the reporter reads it too (SPEC §10).
    ShareWithReporter = ("share_with_reporter", Flag, field_share_with_reporter),
    /// The differing opinions escalated, each with its unit.
    Opinions = ("opinions", Opinions(Choices::Unit), field_opinions),
    /// The conclusion (kết luận chỉ đạo).
    Conclusion = ("conclusion", Text, field_conclusion),
    /// What was done to resolve it.
    Summary = ("summary", Text, field_summary),
    /// The result as told to the public.
    PublicText = ("text", Text, field_public_text),
    /// The closing remark.
    Remark = ("remark", Text, field_remark),
    /// When a meeting was held.
    HeldAt = ("held_at", Time, field_held_at),
    /// The unit chairing it.
    ChairUnit = ("chair_unit", Pick(Choices::Unit), field_chair_unit),
    /// The units attending it.
    Attendees = ("attendees", Checks(Choices::Unit), field_attendees),
    /// Its minutes.
    Minutes = ("minutes", Text, field_minutes),
    /// When a scheduled meeting starts.
    StartsAt = ("starts_at", Time, field_starts_at),
    /// When it ends, if not after the default length.
    EndsAt = ("ends_at", OptTime, field_ends_at),
    /// Where it is held.
    Place = ("place", Line, field_place),
    /// The units invited to it.
    InvitedUnits = ("invited_units", Checks(Choices::Unit), field_invited_units),
    /// What it is to settle.
    Agenda = ("agenda", Text, field_agenda),
    /// The scheduled meeting a log records.
    Meeting = ("meeting", OptPick(Choices::Meeting), field_meeting),
    /// Whether the board was represented at a meeting held (found by the
    /// rules, never typed).
    BoardPresent = ("board_present", Flag, field_board_present),
    /// A court case's trial date.
    TrialDate = ("trial_date", Date, trial_date),
    /// A court case's verdict date (§13).
    VerdictDate = ("verdict_date", Date, verdict_date),
    /// A report's title.
    Title = ("title", Line, field_title),
    /// What is happening.
    Description = ("description", Text, field_description),
    /// Where.
    Area = ("area", Pick(Choices::Area), field_area),
    /// Its category.
    Category = ("category", Pick(Choices::Category), field_category),
    /// Where the report came from.
    Source = ("source", Pick(Choices::Source), field_source),
    /// How many people it affects.
    PeopleAffected = ("people_affected", OptNumber, field_people_affected),
    /// Its risk of becoming a hotspot.
    HotspotRisk = ("hotspot_risk", OptPick(Choices::HotspotRisk), field_hotspot_risk),
    /// The lead agency a case is handed to (`reassign`).
    NewLeadUnit = ("lead_unit", Pick(Choices::LeadUnit), field_new_lead_unit),
    /// The coordinating agencies from a reassignment on; none keeps them.
    CoordinatingFromNow = ("coordinating_units", Checks(Choices::Coordinating), field_coordinating_from_now),
    /// A new priority, or the same (`reassess`).
    NewPriority = ("priority", OptPick(Choices::Priority), field_new_priority),
    /// A new sensitivity, or the same.
    NewSensitivity = ("sensitivity", OptPick(Choices::Sensitivity), field_new_sensitivity),
    /// A new hotspot risk, or the same.
    NewHotspotRisk = ("hotspot_risk", OptPick(Choices::HotspotRisk), field_new_hotspot_risk),
    /// The competent body a report is forwarded to.
    ToUnit = ("to_unit", Pick(Choices::Unit), field_to_unit),
}

impl InputField {
    /// Its label on a timeline entry, where the form's wording would
    /// read wrong: what was done, not what to do.
    pub fn recorded_label(self, lang: Lang) -> &'static str {
        match self {
            InputField::AnswerDue => DeadlineKind::Answer.due_label(lang),
            InputField::ShareWithReporter => Tr(lang).field_shared_with_reporter(),
            InputField::NewLeadUnit => Tr(lang).lead_unit(),
            InputField::CoordinatingFromNow => Tr(lang).coordinating_units(),
            InputField::NewPriority => Tr(lang).field_priority(),
            InputField::NewSensitivity => Tr(lang).field_sensitivity(),
            InputField::NewHotspotRisk => Tr(lang).field_hotspot_risk(),
            other => other.label(lang),
        }
    }
}

#[cfg(test)]
mod tests;
