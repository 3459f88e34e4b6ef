//! The weekly signals of every area subtree × category, rolled up from
//! what was reported in each area, and the alarms they raise.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Rule, Verdict};
use crate::AreaId;

/// One subtree × category: its signal and its high-risk cases filed per
/// week, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
struct Cell {
    weeks: Vec<f64>,
    high_risk: Vec<u32>,
}

/// Weekly signals by area subtree × category over a run of weeks, each
/// week judged against the ones before it.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalGrid {
    weeks: usize,
    cells: BTreeMap<(AreaId, String), Cell>,
    /// Each area met and its lineage, root first, itself last.
    lineages: HashMap<AreaId, Vec<AreaId>>,
}

/// An alert the rule raises for one subtree × category.
#[derive(Debug, Clone, PartialEq)]
pub struct Alarm {
    /// The subtree's root.
    pub area: AreaId,
    /// Category code.
    pub category: String,
    /// Why, with the figures.
    pub verdict: Verdict,
}

impl SignalGrid {
    /// An empty grid of `weeks` weeks (at least one).
    pub fn new(weeks: usize) -> Self {
        SignalGrid {
            weeks: weeks.max(1),
            cells: BTreeMap::new(),
            lineages: HashMap::new(),
        }
    }

    /// Adds `weight` in week `week` (0 the oldest; out of range is ignored)
    /// and `high_risk` high-risk cases to the area whose lineage (root
    /// first, itself last) is `lineage` and to every subtree holding it.
    pub fn add(
        &mut self,
        lineage: &[AreaId],
        category: &str,
        week: usize,
        weight: f64,
        high_risk: u32,
    ) {
        if week >= self.weeks {
            return;
        }
        for (depth, &area) in lineage.iter().enumerate() {
            self.lineages
                .entry(area)
                .or_insert_with(|| lineage[..=depth].to_vec());
            let cell = self
                .cells
                .entry((area, category.to_owned()))
                .or_insert_with(|| Cell {
                    weeks: vec![0.0; self.weeks],
                    high_risk: vec![0; self.weeks],
                });
            cell.weeks[week] += weight;
            cell.high_risk[week] += high_risk;
        }
    }

    /// The signal of a subtree × category, oldest week first; `None` when
    /// nothing was reported there in the whole run.
    pub fn series(&self, area: AreaId, category: &str) -> Option<&[f64]> {
        self.cells
            .get(&(area, category.to_owned()))
            .map(|c| c.weeks.as_slice())
    }

    /// Every subtree × category with something reported, in order.
    pub fn keys(&self) -> impl Iterator<Item = (AreaId, &str)> {
        self.cells.keys().map(|(a, c)| (*a, c.as_str()))
    }

    /// The alarms of week `week` (0 the oldest; none out of range), judged
    /// against the weeks before it, only the most specific: a subtree does
    /// not alarm for a category when a smaller subtree inside it does —
    /// the alert names the place where it happens, and the boards and
    /// leaders above are told of it anyway.
    pub fn alarms(&self, rule: &Rule, week: usize) -> Vec<Alarm> {
        if week >= self.weeks {
            return Vec::new();
        }
        let raised: Vec<Alarm> = self
            .cells
            .iter()
            .filter_map(|((area, category), cell)| {
                rule.judge(&cell.weeks[..=week], cell.high_risk[week])
                    .map(|verdict| Alarm {
                        area: *area,
                        category: category.clone(),
                        verdict,
                    })
            })
            .collect();
        // (ancestor, category) of every raised alarm, the area itself left out.
        let covered: BTreeSet<(AreaId, &str)> = raised
            .iter()
            .flat_map(|alarm| {
                let lineage = self
                    .lineages
                    .get(&alarm.area)
                    .map_or(&[][..], Vec::as_slice);
                let above = &lineage[..lineage.len().saturating_sub(1)];
                above.iter().map(|a| (*a, alarm.category.as_str()))
            })
            .collect();
        raised
            .iter()
            .filter(|alarm| !covered.contains(&(alarm.area, alarm.category.as_str())))
            .cloned()
            .collect()
    }
}
