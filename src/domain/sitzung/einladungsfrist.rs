//! The Einladung still to send, before its Ladungsfrist runs out (issue 27 § 4).
//!
//! The Ladungsfrist is the Gremium's (its Geschäftsordnung; for the Rat § 47 Abs. 2 GO NRW
//! leaves it to the Geschäftsordnung, commonly seven days): the Einladung must go out at
//! least that many days before the Sitzung — the same count as
//! [`super::ladungsfrist_pruefen`], which checks the day recorded afterwards. From the
//! office's reminder days ([`crate::domain::Buero::einladung_vorlauf_tage`]) before that
//! last day, a planned Sitzung not yet invited says "Einladung bis Montag, 14.12.2026
//! versenden (Ladungsfrist 7 Tage)"; after it, that the Einladung can no longer reach the
//! members in time (shown red). Pure: the day is passed in.

use super::SitzungZustand;
use crate::domain::datum;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Einladungsfrist {
    /// The last day the Einladung can go out.
    pub bis: NaiveDate,
    /// That day has passed: the Ladungsfrist can no longer be kept.
    pub versaeumt: bool,
    /// What the list and the Sitzung say.
    pub text: String,
}

/// The reminder for a Sitzung, if one is due on `heute`.
pub fn einladungsfrist(
    zustand: SitzungZustand,
    eingeladen_am: Option<NaiveDate>,
    beginn: NaiveDateTime,
    tage: u32,
    vorlauf: u32,
    heute: NaiveDate,
) -> Option<Einladungsfrist> {
    if zustand != SitzungZustand::Geplant || eingeladen_am.is_some() || beginn.date() < heute {
        return None;
    }
    let bis = beginn.date() - chrono::Duration::days(i64::from(tage));
    let tag = format!("{}, {}", datum::wochentag(bis), datum::deutsch(bis));
    if heute > bis {
        return Some(Einladungsfrist {
            bis,
            versaeumt: true,
            text: format!(
                "Ladungsfrist versäumt: die Einladung hätte bis {tag} versandt sein müssen ({tage} Tage vor der Sitzung)."
            ),
        });
    }
    ((bis - heute).num_days() <= i64::from(vorlauf)).then(|| Einladungsfrist {
        bis,
        versaeumt: false,
        text: format!("Einladung bis {tag} versenden (Ladungsfrist {tage} Tage)."),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn beginn() -> NaiveDateTime {
        tag("2026-12-21").and_hms_opt(17, 0, 0).unwrap()
    }

    #[test]
    fn from_the_reminder_days_on_it_names_the_last_day_then_says_it_is_missed() {
        let f = |heute| einladungsfrist(SitzungZustand::Geplant, None, beginn(), 7, 7, tag(heute));
        // Last day: Monday 14.12.2026; reminded from 07.12.
        assert_eq!(f("2026-12-06"), None);
        let e = f("2026-12-07").unwrap();
        assert_eq!(
            e.text,
            "Einladung bis Montag, 14.12.2026 versenden (Ladungsfrist 7 Tage)."
        );
        assert!(!e.versaeumt);
        assert!(
            !f("2026-12-14").unwrap().versaeumt,
            "the last day itself is in time"
        );
        let e = f("2026-12-15").unwrap();
        assert!(e.versaeumt);
        assert!(
            e.text
                .starts_with("Ladungsfrist versäumt: die Einladung hätte bis Montag, 14.12.2026"),
            "{}",
            e.text
        );
        // After the Sitzung, or once invited, or cancelled: nothing to remind.
        assert_eq!(f("2026-12-22"), None);
        assert_eq!(
            einladungsfrist(
                SitzungZustand::Geplant,
                Some(tag("2026-12-10")),
                beginn(),
                7,
                7,
                tag("2026-12-12")
            ),
            None
        );
        assert_eq!(
            einladungsfrist(
                SitzungZustand::Abgesagt,
                None,
                beginn(),
                7,
                7,
                tag("2026-12-12")
            ),
            None
        );
        // No reminder days: only on the last day.
        assert_eq!(
            einladungsfrist(
                SitzungZustand::Geplant,
                None,
                beginn(),
                7,
                0,
                tag("2026-12-13")
            ),
            None
        );
        assert!(einladungsfrist(
            SitzungZustand::Geplant,
            None,
            beginn(),
            7,
            0,
            tag("2026-12-14")
        )
        .is_some());
    }
}
