//! Beratungsfolge: the ordered steps a Vorlage passes through the Gremien
//! (Integrationsrat Vorberatung → Haupt- und Finanzausschuss Vorberatung → Rat
//! Entscheidung, as on the Herne paper), each with its date and, once known, its result.

use super::befund::Befund;
use super::datum;
use super::werte::Rolle;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One step. `datum` is the Sitzungsdatum as typed (`YYYY-MM-DD` or `TT.MM.JJJJ`; empty
/// while not yet planned); `ergebnis` is filled after the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Beratungsschritt {
    pub gremium: String,
    pub rolle: Rolle,
    #[serde(default)]
    pub datum: String,
    #[serde(default)]
    pub ergebnis: String,
}

/// Checks every step; returns the parsed dates (None where empty or wrong).
pub fn pruefen(schritte: &[Beratungsschritt], befunde: &mut Vec<Befund>) -> Vec<Option<NaiveDate>> {
    let mut daten = Vec::with_capacity(schritte.len());
    for (i, s) in schritte.iter().enumerate() {
        let nr = i + 1;
        if s.gremium.trim().is_empty() {
            befunde.push(Befund::unvollstaendig(
                format!("beratungsfolge.{i}.gremium"),
                format!("Beratungsfolge, Schritt {nr}: Gremium fehlt."),
            ));
        }
        let d = if s.datum.trim().is_empty() {
            None
        } else {
            match datum::parse(&s.datum) {
                Ok(d) => Some(d),
                Err(e) => {
                    befunde.push(Befund::fehler(
                        format!("beratungsfolge.{i}.datum"),
                        format!("Beratungsfolge, Schritt {nr}: {e}."),
                    ));
                    None
                }
            }
        };
        daten.push(d);
    }
    let mut letztes: Option<(usize, NaiveDate)> = None;
    for (i, d) in daten.iter().enumerate() {
        if let Some(d) = d {
            if let Some((j, vorher)) = letztes {
                if *d < vorher {
                    befunde.push(Befund::hinweis(
                        format!("beratungsfolge.{i}.datum"),
                        format!(
                            "Beratungsfolge, Schritt {}: Das Datum {} liegt vor dem von Schritt {} ({}).",
                            i + 1,
                            datum::deutsch(*d),
                            j + 1,
                            datum::deutsch(vorher)
                        ),
                    ));
                }
            }
            letztes = Some((i, *d));
        }
    }
    daten
}

/// Normalises a step for storage: trimmed text, dates in ISO form where they parse.
pub fn normalisieren(s: &Beratungsschritt) -> Beratungsschritt {
    Beratungsschritt {
        gremium: s.gremium.trim().to_string(),
        rolle: s.rolle,
        datum: datum::parse(&s.datum)
            .map(datum::iso)
            .unwrap_or_else(|_| s.datum.trim().to_string()),
        ergebnis: s.ergebnis.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Schwere;

    fn schritt(gremium: &str, rolle: Rolle, datum: &str) -> Beratungsschritt {
        Beratungsschritt {
            gremium: gremium.into(),
            rolle,
            datum: datum.into(),
            ergebnis: String::new(),
        }
    }

    #[test]
    fn impossible_date_is_an_error_naming_step_and_date() {
        let mut b = Vec::new();
        let folge = [
            schritt("Integrationsrat", Rolle::Vorberatung, "2026-03-01"),
            schritt("Rat", Rolle::Entscheidung, "2026-02-31"),
        ];
        let daten = pruefen(&folge, &mut b);
        assert_eq!(daten[1], None);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].feld, "beratungsfolge.1.datum");
        assert_eq!(b[0].schwere, Schwere::Fehler);
        assert!(
            b[0].meldung.contains("Beratungsfolge, Schritt 2")
                && b[0].meldung.contains("31.02.2026")
        );
    }

    #[test]
    fn dates_out_of_order_are_a_hint_and_missing_gremium_incomplete() {
        let mut b = Vec::new();
        pruefen(
            &[
                schritt("Rat", Rolle::Entscheidung, "06.05.2014"),
                schritt(" ", Rolle::Vorberatung, "2014-04-16"),
            ],
            &mut b,
        );
        let schweren: Vec<_> = b.iter().map(|x| x.schwere).collect();
        assert_eq!(schweren, [Schwere::Unvollstaendig, Schwere::Hinweis]);
    }

    #[test]
    fn normalising_writes_iso_dates() {
        let n = normalisieren(&schritt(" Rat ", Rolle::Entscheidung, "6.5.2014"));
        assert_eq!(
            (n.gremium.as_str(), n.datum.as_str()),
            ("Rat", "2014-05-06")
        );
    }
}
