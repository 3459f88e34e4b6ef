//! Reading the entries of a configured year: `2026-04-30` or the inclusive
//! range `2026-02-14..2026-02-22`.

use chrono::{Datelike, NaiveDate};

/// The longest range accepted; a longer one is surely a typo (the longest
/// holiday, Tết, is about ten days).
const MAX_RANGE_DAYS: i64 = 31;

/// Parses a year key such as `"2026"`.
pub(super) fn year_key(key: &str) -> Result<i32, String> {
    let ok = key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit());
    match key.parse::<i32>() {
        Ok(year) if ok => Ok(year),
        _ => Err(format!(
            "calendar.years.«{key}»: the key must be a year such as 2026"
        )),
    }
}

/// The days of one entry, all of which must fall in `year`.
pub(super) fn entry(entry: &str, year: i32) -> Result<Vec<NaiveDate>, String> {
    let text = entry.trim();
    let (first, last) = match text.split_once("..") {
        Some((a, b)) => (date(a, entry)?, date(b, entry)?),
        None => {
            let day = date(text, entry)?;
            (day, day)
        }
    };
    if last < first {
        return Err(format!("«{entry}»: the range ends before it starts"));
    }
    if (last - first).num_days() >= MAX_RANGE_DAYS {
        return Err(format!(
            "«{entry}»: a range longer than {MAX_RANGE_DAYS} days is surely a mistake"
        ));
    }
    if first.year() != year || last.year() != year {
        return Err(format!(
            "«{entry}»: the date is not in {year}; list it under its own year"
        ));
    }
    Ok(first.iter_days().take_while(|day| *day <= last).collect())
}

fn date(text: &str, entry: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    // `%Y` alone would accept `26-1-1`; insist on the ISO shape.
    let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(day) if shaped => Ok(day),
        _ => Err(format!(
            "«{entry}»: «{text}» is not a date of the form YYYY-MM-DD"
        )),
    }
}
