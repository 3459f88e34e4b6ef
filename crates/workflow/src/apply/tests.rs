//! One test per input rule of every action, and a case's whole life; the
//! helpers here are shared by the files below.

mod accept;
mod board_moves;
mod events;
mod filing;
mod progress;
mod triage;

use chrono::{Duration, NaiveDate};
use serde_json::json;

use super::*;
use crate::testkit::*;
use crate::{
    ActionKind as A, CaseState as S, Channel, DeadlineSpec, NoticeKind as N, Priority,
    Recipients as To, Refusal as R, TimeWindow, UnitKind, UnitRef, UserId,
};

fn run(case: &Case, actor: &Actor, command: Command) -> Result<Outcome, R> {
    apply(case, actor, command, now(), &policy())
}

fn command(kind: A) -> Command {
    valid_command(kind).unwrap()
}

fn accept(lead: UnitRef, coordinating: Vec<UnitRef>) -> Command {
    Command::Accept {
        sensitivity: crate::Sensitivity::Normal,
        priority: Priority::High,
        lead_unit: lead,
        coordinating_units: coordinating,
        answer_due: None,
    }
}

fn meeting(chair: UnitRef, attendees: Vec<UnitRef>, held_at: DateTime<Utc>) -> Command {
    Command::LogMeeting {
        meeting: None,
        held_at,
        chair_unit: chair,
        attendees,
        minutes: "Biên bản.".to_owned(),
    }
}
