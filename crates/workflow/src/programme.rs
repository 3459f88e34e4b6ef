//! Which duty schedules a coordination programme creates (SPEC §4.1, §4.3):
//! every state-body party owes its information to the board party.

use chrono::NaiveDate;

use crate::{Refusal, TimeWindow, UnitKind, UnitRef};

/// The years of a programme's term, `year` to `to` (inclusive), if both lie
/// in [`TimeWindow::PROGRAMME`] around `today` and `to` is not before
/// `year`. The first broken rule names its field.
pub fn check_programme_term(year: i32, to: i32, today: NaiveDate) -> Result<(), Refusal> {
    TimeWindow::PROGRAMME.check_year("year", year, today)?;
    TimeWindow::PROGRAMME.check_year("to", to, today)?;
    if to < year {
        return Err(Refusal::InvalidInput { field: "to" });
    }
    Ok(())
}

/// The (provider, recipient board) pairs of a programme's default schedules.
/// The parties must be active and include exactly one board and at least one
/// state body.
pub fn programme_schedules(parties: &[UnitRef]) -> Result<Vec<(UnitRef, UnitRef)>, Refusal> {
    if let Some(gone) = parties.iter().find(|u| !u.active) {
        return Err(Refusal::UnitInactive {
            unit: gone.code.clone(),
        });
    }
    let boards: Vec<&UnitRef> = parties
        .iter()
        .filter(|u| u.kind == UnitKind::Board)
        .collect();
    let [board] = boards.as_slice() else {
        return Err(Refusal::InvalidInput { field: "parties" });
    };
    let pairs: Vec<(UnitRef, UnitRef)> = parties
        .iter()
        .filter(|u| u.kind.is_state_body())
        .map(|u| (u.clone(), (*board).clone()))
        .collect();
    if pairs.is_empty() {
        return Err(Refusal::InvalidInput { field: "parties" });
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UnitId;

    fn unit(id: i64, kind: UnitKind) -> UnitRef {
        UnitRef {
            id: UnitId(id),
            code: format!("U{id}"),
            kind,
            serves: vec![],
            active: true,
        }
    }

    #[test]
    fn a_term_lies_around_today_and_ends_after_it_begins() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(check_programme_term(2026, 2030, today), Ok(()));
        assert_eq!(check_programme_term(2000, 2000, today), Ok(()));
        let field = |year, to| {
            check_programme_term(year, to, today)
                .unwrap_err()
                .field()
                .unwrap()
        };
        assert_eq!(field(1990, 1991), "year");
        assert_eq!(field(2026, 99_999), "to");
        assert_eq!(field(2026, 2025), "to");
        assert_eq!(
            check_programme_term(i32::MAX, i32::MAX, today)
                .unwrap_err()
                .code(),
            "time_out_of_range"
        );
    }

    #[test]
    fn each_state_body_party_owes_the_board() {
        let parties = [
            unit(1, UnitKind::Board),
            unit(2, UnitKind::PeopleCommittee),
            unit(3, UnitKind::Court),
            unit(4, UnitKind::Front),
        ];
        let pairs = programme_schedules(&parties).unwrap();
        let ids: Vec<_> = pairs.iter().map(|(p, b)| (p.id.0, b.id.0)).collect();
        assert_eq!(ids, vec![(2, 1), (3, 1)]);
    }

    #[test]
    fn a_programme_without_a_board_is_refused() {
        let parties = [unit(2, UnitKind::PeopleCommittee)];
        assert_eq!(
            programme_schedules(&parties),
            Err(Refusal::InvalidInput { field: "parties" })
        );
    }

    #[test]
    fn a_programme_without_a_state_body_is_refused() {
        let parties = [unit(1, UnitKind::Board), unit(4, UnitKind::Front)];
        assert_eq!(
            programme_schedules(&parties),
            Err(Refusal::InvalidInput { field: "parties" })
        );
    }

    #[test]
    fn an_abolished_party_is_refused() {
        let mut gone = unit(2, UnitKind::PeopleCommittee);
        gone.active = false;
        let parties = [unit(1, UnitKind::Board), gone];
        assert_eq!(
            programme_schedules(&parties),
            Err(Refusal::UnitInactive { unit: "U2".into() })
        );
    }
}
