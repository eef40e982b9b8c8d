//! Following a recommendation through the Beratungsfolge with the town's RIS.
//!
//! Most decisions of an Integrationsrat are recommendations to the Rat or an Ausschuss:
//! what became of them is decided in the later steps of the Vorlage's Beratungsfolge
//! (Haupt- und Finanzausschuss, Rat). The office enters those results by hand, or takes
//! them over from the town's RIS when it is read in through OParl. This module holds the
//! rule of that match, without I/O:
//! - the RIS Paper is the one whose `reference` is the Vorlage-Nr. (compared without case
//!   and surrounding spaces; the store finds it);
//! - a Consultation of that Paper belongs to a step when one of its Gremien (the
//!   Organization's `name` or `shortName`, else the Meeting's) is the step's Gremium: the
//!   same words without case and extra spaces, or the RIS name beginning with the step's
//!   name and a space ("Rat" is "Rat der Gemeinde Hürtgenwald");
//! - only an AgendaItem's `result` that is not empty is taken, the latest Beratung first
//!   (a TOP "vertagt" and later "beschlossen" gives "beschlossen");
//! - a step that already has a result — entered by hand, or recorded by a Sitzung of the
//!   office — is never overwritten: the office's word wins over the import.

use chrono::NaiveDate;

/// A Beratung of the Paper in the RIS, as the store gathered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RisBeratung {
    /// The names the RIS gives its Gremium (name and short name of each Organization).
    pub gremien: Vec<String>,
    /// The day of its Meeting, if the RIS gives one.
    pub datum: Option<NaiveDate>,
    /// The AgendaItem's `result` ("ungeändert beschlossen"); empty while none.
    pub ergebnis: String,
}

/// A step of the Vorlage's Beratungsfolge as stored: its position, Gremium and result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schritt {
    pub pos: i64,
    pub gremium: String,
    pub ergebnis: String,
}

/// What the RIS gives a step that had no result yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uebernahme {
    pub pos: i64,
    pub datum: Option<NaiveDate>,
    pub ergebnis: String,
}

fn woerter(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the RIS's Gremium `ris` is the step's Gremium `schritt`.
pub fn gremium_passt(schritt: &str, ris: &str) -> bool {
    let (s, r) = (woerter(schritt), woerter(ris));
    !s.is_empty() && (r == s || r.starts_with(&format!("{s} ")))
}

/// The results the RIS gives the steps of one Vorlage that have none yet.
pub fn abgleichen(schritte: &[Schritt], beratungen: &[RisBeratung]) -> Vec<Uebernahme> {
    let mut aus = Vec::new();
    for s in schritte.iter().filter(|s| s.ergebnis.trim().is_empty()) {
        let beste = beratungen
            .iter()
            .filter(|b| !b.ergebnis.trim().is_empty())
            .filter(|b| b.gremien.iter().any(|g| gremium_passt(&s.gremium, g)))
            .max_by_key(|b| b.datum);
        if let Some(b) = beste {
            aus.push(Uebernahme {
                pos: s.pos,
                datum: b.datum,
                ergebnis: b.ergebnis.trim().to_string(),
            });
        }
    }
    aus
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schritt(pos: i64, gremium: &str, ergebnis: &str) -> Schritt {
        Schritt {
            pos,
            gremium: gremium.into(),
            ergebnis: ergebnis.into(),
        }
    }

    fn beratung(gremien: &[&str], tag: Option<(i32, u32, u32)>, ergebnis: &str) -> RisBeratung {
        RisBeratung {
            gremien: gremien.iter().map(|g| g.to_string()).collect(),
            datum: tag.and_then(|(j, m, t)| NaiveDate::from_ymd_opt(j, m, t)),
            ergebnis: ergebnis.into(),
        }
    }

    #[test]
    fn a_gremium_is_matched_by_its_words_or_as_the_start_of_the_ris_name() {
        assert!(gremium_passt(
            "Haupt- und Finanzausschuss",
            "haupt-  und Finanzausschuss"
        ));
        assert!(gremium_passt("Rat", "Rat der Gemeinde Hürtgenwald"));
        assert!(gremium_passt("HFA", "HFA"));
        assert!(!gremium_passt("Rat", "Ratsausschuss für Schule"));
        assert!(!gremium_passt("Integrationsrat", "Rat"));
        assert!(!gremium_passt("", "Rat"));
    }

    #[test]
    fn the_latest_result_of_the_steps_gremium_is_taken_and_an_entered_one_is_kept() {
        let schritte = [
            schritt(0, "Integrationsrat", "Beschluss: einstimmig beschlossen"),
            schritt(1, "Haupt- und Finanzausschuss", ""),
            schritt(2, "Rat", ""),
            schritt(3, "Bezirksvertretung Mitte", ""),
        ];
        let beratungen = [
            beratung(&["Integrationsrat"], Some((2026, 10, 1)), "abgelehnt"),
            beratung(
                &["Haupt- und Finanzausschuss", "HFA"],
                Some((2026, 10, 20)),
                "vertagt",
            ),
            beratung(
                &["Haupt- und Finanzausschuss", "HFA"],
                Some((2026, 11, 3)),
                "einstimmig empfohlen",
            ),
            beratung(&["Rat der Stadt Herne"], Some((2026, 11, 24)), ""),
            beratung(
                &["Bezirksvertretung Mitte"],
                None,
                " zur Kenntnis genommen ",
            ),
        ];
        assert_eq!(
            abgleichen(&schritte, &beratungen),
            [
                Uebernahme {
                    pos: 1,
                    datum: NaiveDate::from_ymd_opt(2026, 11, 3),
                    ergebnis: "einstimmig empfohlen".into()
                },
                Uebernahme {
                    pos: 3,
                    datum: None,
                    ergebnis: "zur Kenntnis genommen".into()
                },
            ]
        );
    }
}
