//! What a member is entitled to for one Sitzung: the Sitzungsgeld for attending, the
//! Verdienstausfall for the hours the clerk enters, the Fahrtkosten for the km (or a flat
//! rate), each at the rate valid on the Sitzung's day ([`super::satz::waehlen`]). Nothing
//! for a member absent, nothing in a Gremium "ohne Entschädigung" (such as the AG
//! Integrationsräte of seed paper 000: "Es werden weder Sitzungsgelder noch
//! Fahrtkostenerstattungen … gezahlt"), nothing for a member who waives it.
//!
//! All amounts are whole cents; the Verdienstausfall of part of an hour is rounded to the
//! nearest cent (half a cent up), once per member and Sitzung, so that the lines of the
//! Auszahlungsliste add up to its total exactly.

use super::satz::{waehlen, Satz, SatzArt};
use crate::domain::befund::Befund;
use crate::domain::betrag::Cent;
use crate::domain::ids::GremiumId;
use crate::domain::sitzung::Herkunft;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the clerk enters for one member and Sitzung.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Angaben {
    /// Hours of Verdienstausfall claimed, in minutes.
    pub minuten: u32,
    /// Kilometres driven (there and back).
    pub km: u32,
    /// A proven hourly wage loss (capped at the Höchstbetrag); none: the Regelstundensatz.
    pub stundensatz: Option<Cent>,
    /// The member waives the Entschädigung for this Sitzung.
    pub verzicht: bool,
}

impl Angaben {
    /// At most a day's hours, at most 2,000 km, no negative wage.
    pub fn pruefen(&self, wer: &str) -> Result<(), Befund> {
        if self.minuten > 24 * 60 {
            return Err(Befund::fehler(
                "stunden",
                format!("Verdienstausfall von {wer}: mehr als 24 Stunden für eine Sitzung."),
            ));
        }
        if self.km > 2_000 {
            return Err(Befund::fehler(
                "km",
                format!(
                    "Fahrtkosten von {wer}: {} km sind mehr als 2.000 km für eine Sitzung.",
                    self.km
                ),
            ));
        }
        if self.stundensatz.is_some_and(|s| s.0 < 0) {
            return Err(Befund::fehler(
                "stundensatz",
                format!("Verdienstausfall von {wer}: Der Stundensatz kann nicht negativ sein."),
            ));
        }
        Ok(())
    }
}

/// Hours as the clerk types them: "2,5", "2.5", "2:30", "3" — in minutes.
pub fn stunden_lesen(text: &str) -> Result<u32, Befund> {
    let t = text.trim();
    let falsch = || {
        Befund::fehler(
            "stunden",
            format!("Stunden „{t}“: Bitte als Zahl (2,5) oder Uhrzeit-Dauer (2:30) eingeben."),
        )
    };
    if t.is_empty() {
        return Ok(0);
    }
    if let Some((h, m)) = t.split_once(':') {
        let h: u32 = h.trim().parse().map_err(|_| falsch())?;
        let m: u32 = m.trim().parse().map_err(|_| falsch())?;
        if m >= 60 {
            return Err(falsch());
        }
        return h
            .checked_mul(60)
            .and_then(|x| x.checked_add(m))
            .ok_or_else(falsch);
    }
    let (ganz, bruch) = t.split_once([',', '.']).unwrap_or((t, ""));
    if ganz.is_empty() && bruch.is_empty()
        || !ganz.chars().all(|c| c.is_ascii_digit())
        || !bruch.chars().all(|c| c.is_ascii_digit())
        || bruch.len() > 2
    {
        return Err(falsch());
    }
    let ganz: u32 = if ganz.is_empty() {
        0
    } else {
        ganz.parse().map_err(|_| falsch())?
    };
    let hundertstel: u32 = format!("{bruch:0<2}").parse().map_err(|_| falsch())?;
    // 2,25 h = 135 min; hundredths of an hour that are no whole minute are refused.
    if !(hundertstel * 60).is_multiple_of(100) {
        return Err(falsch());
    }
    ganz.checked_mul(60)
        .and_then(|x| x.checked_add(hundertstel * 60 / 100))
        .ok_or_else(falsch)
}

/// "2,5" for 150 minutes, "2:20" if the minutes are no hundredth of an hour.
pub fn stunden_text(minuten: u32) -> String {
    if (minuten * 100).is_multiple_of(60) {
        let h = minuten * 100 / 60;
        let text = format!("{},{:02}", h / 100, h % 100);
        text.trim_end_matches('0').trim_end_matches(',').to_string()
    } else {
        format!("{}:{:02}", minuten / 60, minuten % 60)
    }
}

/// One member at one Sitzung, as the calculation needs it.
#[derive(Debug, Clone)]
pub struct Fall<'a> {
    pub tag: NaiveDate,
    pub gremium: GremiumId,
    pub ohne_entschaedigung: bool,
    pub herkunft: Herkunft,
    pub anwesend: bool,
    pub angaben: &'a Angaben,
}

/// What one member is entitled to for one Sitzung.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Posten {
    pub sitzungsgeld: Cent,
    pub verdienstausfall: Cent,
    pub fahrtkosten: Cent,
    pub summe: Cent,
    /// Why nothing is paid: "nicht anwesend", "verzichtet", "Gremium ohne Entschädigung".
    pub hinweis: Option<String>,
}

fn satz<'s>(saetze: &'s [Satz], art: SatzArt, fall: &Fall) -> Option<&'s Satz> {
    waehlen(saetze, art, fall.tag, fall.gremium, fall.herkunft)
}

fn fehlt(art: SatzArt, tag: NaiveDate) -> Befund {
    Befund::fehler(
        "satz",
        format!(
            "Für den {} ist kein Satz „{}“ eingetragen (Einstellungen › Sitzungsgeld).",
            crate::domain::datum::deutsch(tag),
            art.label()
        ),
    )
}

/// The entitlement of one member for one Sitzung; a missing rate is named.
pub fn berechnen(saetze: &[Satz], fall: &Fall) -> Result<Posten, Befund> {
    let nichts = |grund: &str| Posten {
        hinweis: Some(grund.into()),
        ..Default::default()
    };
    if !fall.anwesend {
        return Ok(nichts("nicht anwesend"));
    }
    if fall.ohne_entschaedigung {
        return Ok(nichts("Gremium ohne Entschädigung"));
    }
    if fall.angaben.verzicht {
        return Ok(nichts("verzichtet"));
    }
    let sitzungsgeld = satz(saetze, SatzArt::Sitzungsgeld, fall)
        .ok_or_else(|| fehlt(SatzArt::Sitzungsgeld, fall.tag))?
        .daten
        .betrag;
    let a = fall.angaben;
    let verdienstausfall = if a.minuten == 0 {
        Cent(0)
    } else {
        let stundensatz = match a.stundensatz {
            None => {
                satz(saetze, SatzArt::Verdienstausfall, fall)
                    .ok_or_else(|| fehlt(SatzArt::Verdienstausfall, fall.tag))?
                    .daten
                    .betrag
            }
            Some(nachgewiesen) => {
                let hoechst = satz(saetze, SatzArt::VerdienstausfallHoechst, fall)
                    .ok_or_else(|| fehlt(SatzArt::VerdienstausfallHoechst, fall.tag))?
                    .daten
                    .betrag;
                nachgewiesen.min(hoechst)
            }
        };
        Cent((i64::from(a.minuten) * stundensatz.0 + 30) / 60)
    };
    let fahrtkosten = if a.km == 0 {
        Cent(0)
    } else if let Some(s) = satz(saetze, SatzArt::Fahrtkosten, fall) {
        Cent(i64::from(a.km) * s.daten.betrag.0)
    } else {
        satz(saetze, SatzArt::FahrtkostenPauschale, fall)
            .ok_or_else(|| fehlt(SatzArt::Fahrtkosten, fall.tag))?
            .daten
            .betrag
    };
    Ok(Posten {
        sitzungsgeld,
        verdienstausfall,
        fahrtkosten,
        summe: Cent(sitzungsgeld.0 + verdienstausfall.0 + fahrtkosten.0),
        hinweis: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::entschaedigung::satz::SatzNeu;

    fn tag(s: &str) -> NaiveDate {
        crate::domain::datum::parse(s).unwrap()
    }

    fn saetze() -> Vec<Satz> {
        [
            (SatzArt::Sitzungsgeld, 2_550, "01.01.2026"),
            (SatzArt::Sitzungsgeld, 2_640, "01.01.2027"),
            (SatzArt::Verdienstausfall, 1_099, "01.01.2026"),
            (SatzArt::VerdienstausfallHoechst, 8_000, "01.01.2026"),
            (SatzArt::Fahrtkosten, 30, "01.01.2026"),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, (art, cent, ab))| Satz {
            id: i as i64 + 1,
            daten: SatzNeu {
                art,
                betrag: Cent(cent),
                ab: tag(ab),
                bis: None,
                gremium: None,
                herkunft: None,
            },
        })
        .collect()
    }

    fn fall<'a>(t: &str, a: &'a Angaben) -> Fall<'a> {
        Fall {
            tag: tag(t),
            gremium: GremiumId(1),
            ohne_entschaedigung: false,
            herkunft: Herkunft::Direkt,
            anwesend: true,
            angaben: a,
        }
    }

    #[test]
    fn sitzungsgeld_verdienstausfall_and_km_in_cents() {
        let a = Angaben {
            minuten: 150,
            km: 23,
            ..Default::default()
        };
        let p = berechnen(&saetze(), &fall("10.12.2026", &a)).unwrap();
        // 2,5 h × 10,99 € = 27,475 € → 27,48 €; 23 km × 0,30 € = 6,90 €.
        assert_eq!(
            (p.sitzungsgeld, p.verdienstausfall, p.fahrtkosten, p.summe),
            (Cent(2_550), Cent(2_748), Cent(690), Cent(5_988))
        );
        // From 1 January the new Sitzungsgeld.
        assert_eq!(
            berechnen(&saetze(), &fall("14.01.2027", &a))
                .unwrap()
                .sitzungsgeld,
            Cent(2_640)
        );
    }

    #[test]
    fn a_proven_wage_is_capped_at_the_hoechstbetrag() {
        let a = Angaben {
            minuten: 60,
            stundensatz: Some(Cent(9_500)),
            ..Default::default()
        };
        assert_eq!(
            berechnen(&saetze(), &fall("10.12.2026", &a))
                .unwrap()
                .verdienstausfall,
            Cent(8_000)
        );
        let a = Angaben {
            minuten: 90,
            stundensatz: Some(Cent(3_000)),
            ..Default::default()
        };
        assert_eq!(
            berechnen(&saetze(), &fall("10.12.2026", &a))
                .unwrap()
                .verdienstausfall,
            Cent(4_500)
        );
    }

    #[test]
    fn nothing_for_the_absent_the_waiving_and_a_gremium_without_entschaedigung() {
        let a = Angaben {
            minuten: 60,
            km: 10,
            ..Default::default()
        };
        let mut f = fall("10.12.2026", &a);
        f.anwesend = false;
        assert_eq!(berechnen(&saetze(), &f).unwrap().summe, Cent(0));
        let mut f = fall("10.12.2026", &a);
        f.ohne_entschaedigung = true;
        let p = berechnen(&saetze(), &f).unwrap();
        assert_eq!(
            (p.summe, p.hinweis.as_deref()),
            (Cent(0), Some("Gremium ohne Entschädigung"))
        );
        let v = Angaben {
            verzicht: true,
            ..a.clone()
        };
        assert_eq!(
            berechnen(&saetze(), &fall("10.12.2026", &v))
                .unwrap()
                .hinweis
                .as_deref(),
            Some("verzichtet")
        );
    }

    #[test]
    fn a_missing_rate_is_named() {
        let e = berechnen(&saetze(), &fall("10.12.2025", &Angaben::default())).unwrap_err();
        assert_eq!(e.meldung, "Für den 10.12.2025 ist kein Satz „Sitzungsgeld je Sitzung“ eingetragen (Einstellungen › Sitzungsgeld).");
    }

    #[test]
    fn hours_as_typed() {
        assert_eq!(stunden_lesen("2,5").unwrap(), 150);
        assert_eq!(stunden_lesen("2.25").unwrap(), 135);
        assert_eq!(stunden_lesen("2:20").unwrap(), 140);
        assert_eq!(stunden_lesen("3").unwrap(), 180);
        assert_eq!(stunden_lesen("").unwrap(), 0);
        for t in ["zwei", "2,333", "2:75", "-1", "2,13"] {
            assert_eq!(stunden_lesen(t).unwrap_err().feld, "stunden", "{t}");
        }
        assert_eq!(stunden_text(150), "2,5");
        assert_eq!(stunden_text(180), "3");
        assert_eq!(stunden_text(140), "2:20");
        assert_eq!(stunden_text(135), "2,25");
    }
}
