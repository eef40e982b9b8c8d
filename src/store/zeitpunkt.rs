//! Instants as the store keeps them: in UTC, whatever the office's or the machine's
//! clock says (schema 10).
//!
//! When something happened — a Vorlage created, changed, released or deleted, a ballot
//! counted, a lot drawn — is an instant. Ratsbüro takes and gives such times as the
//! office's local time (German time, [`crate::domain::zeitzone`]), the way the screens and
//! documents show them; this module converts at the columns: PostgreSQL keeps them as
//! `timestamptz`, the SQLite file as text with a `Z` (`2026-03-05T09:00:00Z`). So two
//! workstations, a server in UTC and a laptop anywhere agree on every instant, and the
//! hour that comes twice in October stays two different hours.
//!
//! A Sitzung's beginn and ende are not instants but times on the office's clock (17:00 is
//! 17:00 in winter and summer): they stay local ([`super::zeit`]).

use super::fehler::StoreError;
use super::sql::{AlsParam, Param, Spalte, Zeile};
use crate::domain::zeitzone;
use chrono::{DateTime, NaiveDateTime, Utc};

/// The text form of an instant in the SQLite file.
pub(crate) const FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// The columns that hold instants (the migration to schema 10 converts them).
pub(crate) const SPALTEN: [(&str, &str); 20] = [
    ("vorlage", "erstellt"),
    ("vorlage", "geaendert"),
    ("vorlage", "freigegeben_am"),
    ("vorlage", "geloescht"),
    ("anlage", "erstellt"),
    ("gremium", "erstellt"),
    ("gremium", "geaendert"),
    ("person", "erstellt"),
    ("person", "geaendert"),
    ("sitzung", "erstellt"),
    ("sitzung", "geaendert"),
    ("sitzung", "geloescht"),
    ("wahl", "erstellt"),
    ("wahl", "geaendert"),
    ("wahl", "geloescht"),
    ("wahlgang", "erfasst"),
    ("los", "zeit"),
    ("muster", "erstellt"),
    ("muster", "geaendert"),
    ("muster", "geloescht"),
];

/// An instant, in seconds since 1970-01-01 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Zeitpunkt(pub(crate) i64);

impl Zeitpunkt {
    /// The instant the office's clock shows as `ortszeit`.
    pub(crate) fn aus_ortszeit(ortszeit: NaiveDateTime) -> Zeitpunkt {
        Zeitpunkt(zeitzone::mit_offset(ortszeit).timestamp())
    }

    /// The office's clock at this instant.
    pub(crate) fn ortszeit(self) -> NaiveDateTime {
        zeitzone::aus_utc(self.utc())
    }

    fn utc(self) -> NaiveDateTime {
        DateTime::<Utc>::from_timestamp(self.0, 0)
            .unwrap_or_default()
            .naive_utc()
    }

    /// `2026-03-05T09:00:00Z`.
    pub(crate) fn text(self) -> String {
        self.utc().format(FORMAT).to_string()
    }

    /// Reads the text form (also the local form of schema 9 and before, read as the
    /// office's clock, for the migration).
    pub(crate) fn aus_text(s: &str) -> Option<Zeitpunkt> {
        if let Ok(u) = NaiveDateTime::parse_from_str(s, FORMAT) {
            return Some(Zeitpunkt(u.and_utc().timestamp()));
        }
        NaiveDateTime::parse_from_str(s, super::ZEITFORMAT)
            .ok()
            .map(Zeitpunkt::aus_ortszeit)
    }
}

impl AlsParam for Zeitpunkt {
    fn param(&self) -> Param<'_> {
        Param::Zeitpunkt(self.0)
    }
}

/// The parameter of an instant column for a time on the office's clock.
pub(crate) fn zeitpunkt(ortszeit: NaiveDateTime) -> Zeitpunkt {
    Zeitpunkt::aus_ortszeit(ortszeit)
}

/// Reads an instant column, as the office's clock showed it.
pub(crate) fn zeitpunkt_aus(r: &Zeile, i: usize) -> Result<NaiveDateTime, StoreError> {
    match r.spalte(i)? {
        Spalte::Zeitpunkt(s) => Ok(Zeitpunkt(s).ortszeit()),
        Spalte::Text(t) if t.ends_with('Z') => Zeitpunkt::aus_text(t)
            .map(Zeitpunkt::ortszeit)
            .ok_or_else(|| {
                StoreError::Beschaedigt(format!("Spalte {i}: „{t}“ ist kein Zeitpunkt"))
            }),
        andere => Err(StoreError::Beschaedigt(format!(
            "Spalte {i}: Zeitpunkt erwartet, gefunden: {andere:?}"
        ))),
    }
}

/// Like [`zeitpunkt_aus`], for a nullable column.
pub(crate) fn zeitpunkt_opt_aus(r: &Zeile, i: usize) -> Result<Option<NaiveDateTime>, StoreError> {
    match r.spalte(i)? {
        Spalte::Null => Ok(None),
        _ => zeitpunkt_aus(r, i).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    #[test]
    fn the_office_clock_and_the_stored_instant_convert_both_ways() {
        for (ort, utc) in [
            ("2026-01-15T10:00:00", "2026-01-15T09:00:00Z"),
            ("2026-07-01T18:30:00", "2026-07-01T16:30:00Z"),
            ("2026-03-29T03:00:00", "2026-03-29T01:00:00Z"),
        ] {
            let z = zeitpunkt(t(ort));
            assert_eq!(z.text(), utc);
            assert_eq!(z.ortszeit(), t(ort));
            assert_eq!(Zeitpunkt::aus_text(utc), Some(z));
            // The local form of schema 9 is read as the office's clock.
            assert_eq!(Zeitpunkt::aus_text(ort), Some(z));
        }
        // The hour that comes twice: two instants an hour apart, both shown as 02:30.
        let frueh = Zeitpunkt::aus_text("2026-10-25T00:30:00Z").unwrap();
        let spaet = Zeitpunkt::aus_text("2026-10-25T01:30:00Z").unwrap();
        assert_eq!(spaet.0 - frueh.0, 3600);
        assert_eq!(frueh.ortszeit(), spaet.ortszeit());
        assert_eq!(Zeitpunkt::aus_text("gestern"), None);
    }
}
