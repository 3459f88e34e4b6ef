//! Ad-hoc requests for information (SPEC §13, *khi cần thiết*, seed 003):
//! a board officer asks a state body of their jurisdiction for
//! information on a topic by a due time; the request becomes a duty of
//! kind `ad_hoc` owed to the officer's board, reminded as a periodic one.

use chrono::{DateTime, Utc};

use crate::{Actor, AreaRef, Refusal, ShortText, TimeWindow, UnitId, UnitRef};

/// An ad-hoc request as the rules accepted it: what the store writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyRequest {
    /// The body asked.
    pub provider: UnitId,
    /// The board asking (the officer's).
    pub recipient: UnitId,
    /// What is asked, trimmed.
    pub topic: ShortText,
    /// When it is due.
    pub due_at: DateTime<Utc>,
}

/// Whether `actor` may ask for information at all: a board officer of a
/// board. Asked before any input is read, so that who may comes first.
pub fn check_duty_requester(actor: &Actor) -> Result<(), Refusal> {
    if !actor.role.requests_duties() || !actor.unit.kind.receives_duties() {
        return Err(Refusal::DutyRequestNotAllowed);
    }
    Ok(())
}

/// Checks a request by `actor` to `provider` (serving `provider_serves`)
/// for `topic` by `due_at`, at `now`: who may first (403), then the unit,
/// the topic and the due time (422 naming the field).
pub fn check_duty_request(
    actor: &Actor,
    provider: &UnitRef,
    provider_serves: &[AreaRef],
    topic: &str,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<DutyRequest, Refusal> {
    check_duty_requester(actor)?;
    if !provider.kind.owes_duties() {
        return Err(Refusal::NotADutyProvider {
            unit: provider.code.clone(),
        });
    }
    if !provider.active {
        return Err(Refusal::UnitInactive {
            unit: provider.code.clone(),
        });
    }
    // A board asks the bodies it coordinates with: those serving an area
    // of its own jurisdiction.
    if !provider_serves
        .iter()
        .any(|area| actor.unit.has_jurisdiction_over(area))
    {
        return Err(Refusal::UnitOutsideArea {
            field: "unit",
            unit: provider.code.clone(),
        });
    }
    let topic = ShortText::parse("topic", topic)?;
    if due_at <= now {
        return Err(Refusal::DeadlineInPast { field: "due_at" });
    }
    let due_at = TimeWindow::ANSWER_DUE.check("due_at", due_at, now)?;
    Ok(DutyRequest {
        provider: provider.id,
        recipient: actor.unit.id,
        topic,
        due_at,
    })
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::testkit::*;

    fn ask(
        actor: &Actor,
        provider: &UnitRef,
        topic: &str,
        due: DateTime<Utc>,
    ) -> Result<DutyRequest, Refusal> {
        check_duty_request(actor, provider, &[commune()], topic, due, now())
    }

    #[test]
    fn a_board_officer_asks_a_state_body_of_the_area() {
        let due = now() + Duration::days(7);
        let request = ask(
            &board_officer(),
            &people_committee(),
            "  Tình hình sạt lở  ",
            due,
        )
        .unwrap();
        assert_eq!(request.provider, people_committee().id);
        assert_eq!(request.recipient, board().id);
        assert_eq!(request.topic.as_str(), "Tình hình sạt lở");
        assert_eq!(request.due_at, due);
    }

    #[test]
    fn nobody_else_asks() {
        let due = now() + Duration::days(7);
        for actor in [
            liaison_of(people_committee()),
            leader(),
            admin(),
            reporter(),
        ] {
            assert_eq!(
                ask(&actor, &people_committee(), "x", due),
                Err(Refusal::DutyRequestNotAllowed),
                "{:?}",
                actor.role
            );
        }
        // Who may is judged before the input.
        assert_eq!(
            ask(&leader(), &people_committee(), " ", now()),
            Err(Refusal::DutyRequestNotAllowed)
        );
    }

    #[test]
    fn the_input_is_refused_in_words_naming_its_field() {
        let officer = board_officer();
        let due = now() + Duration::days(7);
        let blank = ask(&officer, &people_committee(), "   ", due).unwrap_err();
        assert_eq!(blank, Refusal::MissingInput { field: "topic" });
        let past = ask(
            &officer,
            &people_committee(),
            "x",
            now() - Duration::hours(1),
        )
        .unwrap_err();
        assert_eq!(past, Refusal::DeadlineInPast { field: "due_at" });
        assert_eq!(past.field(), Some("due_at"));
        let far = ask(
            &officer,
            &people_committee(),
            "x",
            now() + Duration::days(365 * 3),
        );
        assert!(matches!(
            far,
            Err(Refusal::TimeOutOfRange {
                field: "due_at",
                ..
            })
        ));
        let front = ask(&officer, &front(), "x", due).unwrap_err();
        assert_eq!(front.field(), Some("unit"));
        assert!(matches!(front, Refusal::NotADutyProvider { .. }));
        let elsewhere = check_duty_request(
            &officer,
            &other_people_committee(),
            &[other_province()],
            "x",
            due,
            now(),
        )
        .unwrap_err();
        assert!(matches!(
            elsewhere,
            Refusal::UnitOutsideArea { field: "unit", .. }
        ));
        let gone = ask(&officer, &abolished_people_committee(), "x", due).unwrap_err();
        assert!(matches!(gone, Refusal::UnitInactive { .. }));
    }
}
