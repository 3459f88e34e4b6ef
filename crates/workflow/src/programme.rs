//! Which duty schedules a coordination programme creates (SPEC §4.1, §4.3):
//! every state-body party owes its information to the board party.

use chrono::NaiveDate;

use crate::{Refusal, TimeWindow, UnitRef};

/// The years of a programme's term, `year` to `to` (inclusive), both in
/// [`TimeWindow::PROGRAMME`] around a day and `to` not before `year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgrammeTerm {
    first: i32,
    last: i32,
}

impl ProgrammeTerm {
    /// Parses the inputs `year` and `to` as judged on `today` (a local
    /// date); the first broken rule names its field.
    pub fn parse(year: i32, to: i32, today: NaiveDate) -> Result<ProgrammeTerm, Refusal> {
        TimeWindow::PROGRAMME.check_year("year", year, today)?;
        TimeWindow::PROGRAMME.check_year("to", to, today)?;
        if to < year {
            return Err(Refusal::InvalidInput { field: "to" });
        }
        Ok(ProgrammeTerm {
            first: year,
            last: to,
        })
    }

    /// The first year.
    pub fn first(self) -> i32 {
        self.first
    }

    /// The last year (the first for a one-year programme).
    pub fn last(self) -> i32 {
        self.last
    }

    /// The term as a title names it: `2026`, or `2026–2030`.
    pub fn label(self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}–{}", self.first, self.last)
        }
    }
}

/// The most content items a programme may carry.
pub const MAX_PROGRAMME_ITEMS: usize = 50;

/// A programme's numbered content items (SPEC §15: the annual report is
/// evaluated against them), numbered from 1 in the order given: each a
/// non-blank text, at most [`MAX_PROGRAMME_ITEMS`] of them. A number typed
/// in front of an item ("1. …", "2) …") is the order's, and is dropped.
pub fn programme_items(items: &[String]) -> Result<Vec<String>, Refusal> {
    let items: Vec<&str> = items
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .collect();
    if items.len() > MAX_PROGRAMME_ITEMS {
        return Err(Refusal::InvalidInput { field: "items" });
    }
    items
        .into_iter()
        .map(|item| {
            let digits = item.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
            let text = match item[digits..].strip_prefix(['.', ')']) {
                Some(rest) if digits > 0 => rest.trim(),
                _ => item,
            };
            crate::LongText::parse("items", text).map(crate::LongText::into_string)
        })
        .collect()
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
        .filter(|u| u.kind.receives_duties())
        .collect();
    let [board] = boards.as_slice() else {
        return Err(Refusal::InvalidInput { field: "parties" });
    };
    let pairs: Vec<(UnitRef, UnitRef)> = parties
        .iter()
        .filter(|u| u.kind.owes_duties())
        .map(|u| (u.clone(), (*board).clone()))
        .collect();
    if pairs.is_empty() {
        return Err(Refusal::InvalidInput { field: "parties" });
    }
    Ok(pairs)
}

#[cfg(test)]
mod item_tests {
    use super::*;

    #[test]
    fn items_are_numbered_in_order_without_the_numbers_typed() {
        let typed = [
            "1. Cung cấp thông tin định kỳ",
            "",
            "2) Phối hợp xử lý điểm nóng",
            "Họp giao ban",
        ]
        .map(str::to_owned);
        assert_eq!(
            programme_items(&typed).unwrap(),
            [
                "Cung cấp thông tin định kỳ",
                "Phối hợp xử lý điểm nóng",
                "Họp giao ban"
            ]
        );
        // A year opening an item is no numbering.
        assert_eq!(
            programme_items(&["2026 là năm đầu nhiệm kỳ".to_owned()]).unwrap(),
            ["2026 là năm đầu nhiệm kỳ"]
        );
        let many: Vec<String> = (0..=MAX_PROGRAMME_ITEMS)
            .map(|i| format!("Nội dung {i}"))
            .collect();
        assert_eq!(
            programme_items(&many),
            Err(Refusal::InvalidInput { field: "items" })
        );
        assert_eq!(
            programme_items(&["1.".to_owned()]),
            Err(Refusal::MissingInput { field: "items" })
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{UnitId, UnitKind};

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
        let term = |year, to| ProgrammeTerm::parse(year, to, today).map(|_| ());
        assert_eq!(term(2026, 2030), Ok(()));
        assert_eq!(term(2000, 2000), Ok(()));
        let field = |year, to| {
            ProgrammeTerm::parse(year, to, today)
                .unwrap_err()
                .field()
                .unwrap()
        };
        assert_eq!(field(1990, 1991), "year");
        assert_eq!(field(2026, 99_999), "to");
        assert_eq!(field(2026, 2025), "to");
        assert_eq!(
            ProgrammeTerm::parse(i32::MAX, i32::MAX, today)
                .unwrap_err()
                .code(),
            "time_out_of_range"
        );
    }

    #[test]
    fn a_term_of_one_year_is_named_by_it_and_a_longer_one_by_both_ends() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let label = |year, to| ProgrammeTerm::parse(year, to, today).unwrap().label();
        assert_eq!(label(2026, 2026), "2026");
        assert_eq!(label(2026, 2030), "2026–2030");
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
