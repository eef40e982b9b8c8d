//! Which backups to keep: the grandfather–father–son rule of the office's backup folder
//! (by default 7 daily, 4 weekly, 12 monthly).
//!
//! The rule looks only at the backups' timestamps, not at the clock: for each of the
//! newest `taeglich` calendar days that have a backup, the newest backup of that day is
//! kept; likewise for ISO weeks and calendar months. The newest backup is always kept. A
//! pure function, so the rotation is tested without files.

use chrono::{Datelike, NaiveDateTime};
use std::collections::BTreeSet;

/// How many days, weeks and months keep a backup each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aufbewahrung {
    pub taeglich: usize,
    pub woechentlich: usize,
    pub monatlich: usize,
}

impl Default for Aufbewahrung {
    fn default() -> Self {
        Aufbewahrung {
            taeglich: 7,
            woechentlich: 4,
            monatlich: 12,
        }
    }
}

impl Aufbewahrung {
    /// For each timestamp (any order), whether its backup is kept.
    pub fn behalten(&self, zeiten: &[NaiveDateTime]) -> Vec<bool> {
        let mut reihenfolge: Vec<usize> = (0..zeiten.len()).collect();
        reihenfolge.sort_by(|&a, &b| zeiten[b].cmp(&zeiten[a]));
        let mut behalten = vec![false; zeiten.len()];
        if let Some(&neueste) = reihenfolge.first() {
            behalten[neueste] = true;
        }
        let mut waehlen = |anzahl: usize, schluessel: &dyn Fn(NaiveDateTime) -> (i32, u32)| {
            let mut gesehen = BTreeSet::new();
            for &i in &reihenfolge {
                if gesehen.len() == anzahl && !gesehen.contains(&schluessel(zeiten[i])) {
                    break;
                }
                if gesehen.insert(schluessel(zeiten[i])) {
                    behalten[i] = true;
                }
            }
        };
        waehlen(self.taeglich, &|t| (t.year(), t.ordinal()));
        waehlen(self.woechentlich, &|t| {
            let w = t.iso_week();
            (w.year(), w.week())
        });
        waehlen(self.monatlich, &|t| (t.year(), t.month()));
        behalten
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn t(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn two_years_of_daily_backups_keep_seven_days_four_weeks_twelve_months() {
        let start = t(2025, 1, 1, 12);
        let zeiten: Vec<NaiveDateTime> = (0..730).map(|i| start + Duration::days(i)).collect();
        let b = Aufbewahrung::default().behalten(&zeiten);
        let kept: Vec<NaiveDateTime> = zeiten
            .iter()
            .zip(&b)
            .filter(|(_, k)| **k)
            .map(|(z, _)| *z)
            .collect();
        let letzte = *zeiten.last().unwrap(); // 2026-12-31
                                              // the last 7 days
        for i in 0..7 {
            assert!(kept.contains(&(letzte - Duration::days(i))), "Tag -{i}");
        }
        // the newest of each of the last 12 months: the months' last days
        for m in 1..=12 {
            let letzter_tag = if m == 12 {
                t(2026, 12, 31, 12)
            } else {
                t(2026, m + 1, 1, 12) - Duration::days(1)
            };
            assert!(kept.contains(&letzter_tag), "Monat {m}");
        }
        assert!(kept.iter().all(|z| z.year() == 2026), "nichts aus 2025");
        // 7 days + up to 4 Sundays (the weeks' newest) + 12 month ends, with overlaps
        assert!(
            kept.len() <= 7 + 4 + 12 && kept.len() >= 12 + 4,
            "{}",
            kept.len()
        );
    }

    #[test]
    fn several_backups_a_day_keep_only_that_days_newest_and_the_newest_is_always_kept() {
        let zeiten = vec![
            t(2026, 11, 20, 9),
            t(2026, 11, 20, 17),
            t(2026, 11, 21, 8),
            t(2026, 11, 21, 8) + Duration::minutes(1),
        ];
        let b = Aufbewahrung {
            taeglich: 1,
            woechentlich: 0,
            monatlich: 0,
        }
        .behalten(&zeiten);
        assert_eq!(b, vec![false, false, false, true]);
        let b = Aufbewahrung::default().behalten(&zeiten);
        assert_eq!(b, vec![false, true, false, true]);
        assert_eq!(
            Aufbewahrung {
                taeglich: 0,
                woechentlich: 0,
                monatlich: 0
            }
            .behalten(&zeiten),
            vec![false, false, false, true]
        );
        assert!(Aufbewahrung::default().behalten(&[]).is_empty());
    }
}
