//! Dates as the office types and reads them: `31.12.2026` on screen and paper, ISO
//! `2026-12-31` in JSON and the database. Parsing accepts both and names the impossible
//! date in the German form the user knows.

use chrono::NaiveDate;

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatumFehler {
    #[error("Datum {0} ungültig (diesen Tag gibt es nicht)")]
    GibtEsNicht(String),
    #[error("„{0}“ ist kein Datum (TT.MM.JJJJ)")]
    KeinDatum(String),
}

/// Parses `YYYY-MM-DD` or `TT.MM.JJJJ`.
pub fn parse(text: &str) -> Result<NaiveDate, DatumFehler> {
    let t = text.trim();
    let teile: Option<(i32, u32, u32)> = if let Some((j, rest)) = t.split_once('-') {
        rest.split_once('-').and_then(|(m, d)| {
            (j.len() == 4 && m.len() == 2 && d.len() == 2)
                .then(|| Some((j.parse().ok()?, m.parse().ok()?, d.parse().ok()?)))
                .flatten()
        })
    } else if let Some((d, rest)) = t.split_once('.') {
        rest.split_once('.').and_then(|(m, j)| {
            (j.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()))
                .then(|| Some((j.parse().ok()?, m.parse().ok()?, d.parse().ok()?)))
                .flatten()
        })
    } else {
        None
    };
    let (j, m, d) = teile.ok_or_else(|| DatumFehler::KeinDatum(t.to_string()))?;
    NaiveDate::from_ymd_opt(j, m, d)
        .ok_or_else(|| DatumFehler::GibtEsNicht(format!("{d:02}.{m:02}.{j:04}")))
}

/// `31.12.2026`.
pub fn deutsch(datum: NaiveDate) -> String {
    datum.format("%d.%m.%Y").to_string()
}

/// `Donnerstag`: the German weekday.
pub fn wochentag(datum: NaiveDate) -> &'static str {
    use chrono::{Datelike, Weekday};
    match datum.weekday() {
        Weekday::Mon => "Montag",
        Weekday::Tue => "Dienstag",
        Weekday::Wed => "Mittwoch",
        Weekday::Thu => "Donnerstag",
        Weekday::Fri => "Freitag",
        Weekday::Sat => "Samstag",
        Weekday::Sun => "Sonntag",
    }
}

/// `2026-12-31`.
pub fn iso(datum: NaiveDate) -> String {
    datum.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_notations_parse() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(parse("2026-12-03").unwrap(), d);
        assert_eq!(parse("03.12.2026").unwrap(), d);
        assert_eq!(parse("3.12.2026").unwrap(), d);
        assert_eq!(deutsch(d), "03.12.2026");
    }

    #[test]
    fn impossible_date_is_named_in_german_form() {
        assert_eq!(
            parse("2026-02-31").unwrap_err().to_string(),
            "Datum 31.02.2026 ungültig (diesen Tag gibt es nicht)"
        );
        assert_eq!(
            parse("2025-02-29").unwrap_err(),
            DatumFehler::GibtEsNicht("29.02.2025".into())
        );
        assert!(parse("2024-02-29").is_ok());
        assert!(matches!(parse("morgen"), Err(DatumFehler::KeinDatum(_))));
        assert!(matches!(parse("2026-1-1"), Err(DatumFehler::KeinDatum(_))));
    }
}
