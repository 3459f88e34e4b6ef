//! The pure domain of noicom: the case workflow of SPEC §3, the deadline
//! calendar of §3.4 and the period and reminder arithmetic of §4.
//!
//! Nothing here does I/O or reads a clock: `now` is always a parameter, so
//! every rule can be tested exhaustively and the store can call it inside a
//! database transaction.

mod action;
mod actor;
mod apply;
mod attachment;
mod audience;
mod bulletin;
mod calendar;
mod candidates;
mod case;
mod coded;
mod codes;
mod command;
mod deadline;
mod deadline_kind;
mod desk;
mod digest;
mod duty;
mod early_warning;
mod event;
mod ids;
mod input;
mod input_field;
mod notice;
mod opinion_codes;
mod opinion_report;
mod orientation;
mod password;
mod period;
mod programme;
mod reach;
mod redirect;
mod refusal;
mod reminder;
mod report;
mod request_limit;
mod roster;
mod rules;
mod schedule;
mod search;
mod sign_in;
mod state;
mod state_group;
#[cfg(test)]
mod testkit;
mod time_window;
mod visibility;
#[cfg(test)]
mod who_may_table;

pub use action::{ActionKind, FileInput, MergeTarget, Opinion, Orientation};
pub use actor::{Actor, AreaRef, Role, UnitKind, UnitRef};
pub use apply::{
    MAX_SHORT_TEXT_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, MEETING_DEFAULT_HOURS, Outcome, Policy,
    apply, file,
};
pub use attachment::{
    ACCEPTED_TYPES, MAX_FILE_NAME_CHARS, MAX_FILES_PER_REQUEST, check_attachment,
    check_attachment_type, sanitise_file_name,
};
pub use audience::{
    Audience, INTERNAL_FILTERS, SHARE_WITH_REPORTER, Sight, attachment_audience, deadlines_read,
    description_listed, event_audience, event_sight, filters_on_internal_facts, reader,
};
pub use bulletin::{
    BULLETIN_CONCERNS, Concern, OpinionLine, bulletin_due, bulletin_month, mood_shares,
    top_concerns,
};
pub use calendar::{Calendar, CalendarConfig, YearCalendar, YearStatus};
pub use candidates::{
    UnitCandidates, check_coordinating_unit, check_lead_unit, check_recipient,
    recipient_candidates, unit_candidates,
};
pub use case::Case;
pub use catalogue::{Lang, Tr};
pub use codes::{Channel, HotspotRisk, Priority, Sensitivity, Source};
pub use command::Command;
pub use deadline::{ByPriority, Deadline, DeadlinePolicy, DeadlineRule, DeadlineSpec};
pub use deadline_kind::DeadlineKind;
pub use desk::{Desk, desks};
pub use digest::{DigestGroup, DigestLine, DigestSection, DueWords, digest_sections, due_words};
pub use duty::{
    CaseReminderPolicy, CaseReminderStep, DueRule, DutyAction, DutyKind, DutyMove, DutyNow,
    DutyOutcome, DutyParties, DutyRecord, DutyReminderPolicy, DutyReminderStep, DutyRequest,
    DutyScope, DutyStatus, OverdueDuties, TrialDuties, allowed_duty_actions, apply_duty,
    check_duty_request, check_duty_requester, day_label, duty_period_label, duty_transition,
    duty_visibility, period_code_from_words, period_code_label, trial_duties,
};
pub use early_warning::{
    Acknowledged, Alarm, BASELINE_WEEKS, CASE_WEIGHT, Rule as AlertRule, SERIES_WEEKS, SWEEP_WEEKS,
    SignalGrid, Verdict, check_alert_acknowledgement, is_high_risk, item_weight, may_read_alert,
    poisson_upper_tail, week_begins, week_index, week_start, weeks_judged,
};
pub use event::{Event, EventPayload};
pub use ids::{AreaId, CaseId, UnitId, UserId};
pub use input::{Email, LongText, NonBlankText, NotAnEmail, ShortText};
pub use input_field::{Choices, InputField, Widget};
pub use notice::{Notice, NoticeKind, Recipients};
pub use opinion_codes::{AlertReason, CollaboratorKind, Mood, OpinionReach};
pub use opinion_report::{
    FilerProfile, ItemProblem, MAX_OPINION_ITEMS, MAX_OPINION_SUMMARY_CHARS, NewOpinionItem,
    NewOpinionReport, OpinionItemInput, OpinionRefusal, OpinionReportFacts, OpinionReportInput,
    OpinionVisibility, ReportKind, case_title_from_summary, check_case_from_item,
    check_opinion_filer, check_serving_filer, hotspot_risk_of, opinion_visibility, report_month,
};
pub use orientation::{
    ACKNOWLEDGEMENT_LINK_DAYS, COPY_BOARD_AFTER_WORKING_DAYS, OrientationReminder,
    acknowledgement_expires, notice_still_owed, orientation_reminder,
    orientation_reminder_recipients,
};
pub use password::{MIN_PASSWORD_CHARS, check_new_password};
pub use period::{Cadence, Period};
pub use programme::{MAX_PROGRAMME_ITEMS, ProgrammeTerm, programme_items, programme_schedules};
pub use reach::{reached_through, unit_reachable};
pub use redirect::{redirect_target, same_site_path};
pub use refusal::{Refusal, field_label, value_label};
pub use reminder::{
    ReminderRecipients, case_deadline_holder, case_reminder_recipients, duty_reminder_recipients,
};
pub use report::{
    CaseSteps, Compliance, DeadlineOutcome, MIN_CASES_TO_MEASURE, Spread, deadline_outcome,
    duty_compliance, enough_to_measure, hours_taken, spread, working_days_taken,
};
pub use request_limit::{LimitDecision, RequestLimit, ResetRequestLimits};
pub use roster::{
    CollaboratorInput, CollaboratorProfile, DEFAULT_OPINION_REPORT_DAY, MAX_OPINION_REPORT_DAY,
    OpinionReportDuty, RosterScope, Term, check_collaborator, check_collaborator_user,
    check_roster_change, is_serving, opinion_period_label, opinion_report_due_on,
    opinion_reports_owed, parse_day, roster_scope,
};
pub use rules::{
    allowed_actions, can_view, check_action, check_administration, check_filing, check_reports,
    role_may, trial_court,
};
pub use schedule::{ScheduleSettings, check_schedule, check_schedule_parties};
pub use search::{MAX_SEARCH_CHARS, MAX_SEARCH_WORDS, check_search};
pub use sign_in::{Attempts, SignInThrottle, ThrottleDecision};
pub use state::{CaseState, ReporterState};
pub use state_group::StateGroup;
pub use time_window::TimeWindow;
pub use visibility::{Scope, Visibility, visibility};
