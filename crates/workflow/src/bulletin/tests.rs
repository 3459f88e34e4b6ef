use chrono::NaiveDate;

use super::*;

fn line(category: &str, area: i64, mood: Mood, reach: OpinionReach) -> OpinionLine {
    OpinionLine {
        category: category.to_owned(),
        area: AreaId(area),
        mood,
        reach,
    }
}

#[test]
fn the_most_troubling_concern_comes_first() {
    let items = vec![
        line("traffic", 1, Mood::Neutral, OpinionReach::Many),
        line("traffic", 1, Mood::Supportive, OpinionReach::Many),
        line("traffic", 1, Mood::Neutral, OpinionReach::Few),
        line("environment", 2, Mood::Angry, OpinionReach::Widespread),
        line("environment", 2, Mood::Concerned, OpinionReach::Many),
        line("environment", 3, Mood::Angry, OpinionReach::Few),
    ];
    let top = top_concerns(&items, 5);
    assert_eq!(
        top.iter()
            .map(|c| (
                c.category.as_str(),
                c.area.0,
                c.items,
                c.troubled,
                c.widespread
            ))
            .collect::<Vec<_>>(),
        vec![
            ("environment", 2, 2, 2, 1),
            ("environment", 3, 1, 1, 0),
            ("traffic", 1, 3, 0, 0),
        ]
    );
    assert_eq!(top_concerns(&items, 1).len(), 1);
    assert!(top_concerns(&[], 5).is_empty());
}

#[test]
fn mood_shares_add_up_to_a_hundred() {
    let items = vec![
        line("a", 1, Mood::Angry, OpinionReach::Few),
        line("a", 1, Mood::Concerned, OpinionReach::Few),
        line("a", 1, Mood::Neutral, OpinionReach::Few),
    ];
    let shares = mood_shares(&items);
    assert_eq!(
        shares,
        vec![
            (Mood::Supportive, 0, 0),
            (Mood::Neutral, 1, 34),
            (Mood::Concerned, 1, 33),
            (Mood::Angry, 1, 33),
        ]
    );
    assert_eq!(shares.iter().map(|s| s.2).sum::<u32>(), 100);
    for n in 1..40u32 {
        let items: Vec<OpinionLine> = (0..n)
            .map(|i| line("a", 1, Mood::ALL[(i as usize * 7) % 4], OpinionReach::Few))
            .collect();
        assert_eq!(
            mood_shares(&items).iter().map(|s| s.2).sum::<u32>(),
            100,
            "{n}"
        );
    }
    assert!(mood_shares(&[]).iter().all(|s| s.1 == 0 && s.2 == 0));
}

#[test]
fn a_bulletin_is_of_the_month_before() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(bulletin_month(day(2026, 12, 3)).to_string(), "2026-11");
    assert_eq!(bulletin_month(day(2027, 1, 1)).to_string(), "2026-12");
}

#[test]
fn the_bulletin_is_due_from_its_day_and_hour() {
    let at = |d, h| {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    };
    assert_eq!(bulletin_due(at(2, 23), 3, 8), None);
    assert_eq!(bulletin_due(at(3, 7), 3, 8), None);
    assert_eq!(
        bulletin_due(at(3, 8), 3, 8).map(|p| p.to_string()),
        Some("2026-11".to_owned())
    );
    assert_eq!(
        bulletin_due(at(31, 0), 3, 8).map(|p| p.to_string()),
        Some("2026-11".to_owned())
    );
}
