//! A rate of the Entschädigung: what it is for, its amount, from which day it holds, and
//! for whom (all Gremien or one; every member or one kind of member).
//!
//! The rate of a Sitzung is found by [`waehlen`]: among the rates of its kind valid on the
//! Sitzung's day, the most specific (Gremium and kind of member, then Gremium, then kind,
//! then the general one), and of those the one with the latest first day — so a new rate
//! "ab 01.01.2027" takes over from that day without the old one being ended by hand.

use crate::domain::befund::Befund;
use crate::domain::betrag::Cent;
use crate::domain::ids::GremiumId;
use crate::domain::sitzung::Herkunft;
use crate::domain::werte::{wertliste, UnbekannterWert};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

wertliste!(
    /// What a rate pays.
    SatzArt {
        Sitzungsgeld = "sitzungsgeld", "Sitzungsgeld je Sitzung";
        Verdienstausfall = "verdienstausfall", "Verdienstausfall je Stunde (Regelstundensatz)";
        VerdienstausfallHoechst = "verdienstausfall_hoechst", "Verdienstausfall je Stunde, Höchstbetrag bei Nachweis";
        Fahrtkosten = "fahrtkosten", "Fahrtkosten je km";
        FahrtkostenPauschale = "fahrtkosten_pauschale", "Fahrtkosten, Pauschale je Sitzung";
    }
);

/// A rate as the form and the CLI give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SatzNeu {
    pub art: SatzArt,
    pub betrag: Cent,
    pub ab: NaiveDate,
    #[serde(default)]
    pub bis: Option<NaiveDate>,
    /// For one Gremium only (none: all).
    #[serde(default)]
    pub gremium: Option<GremiumId>,
    /// For one kind of member only (none: every member).
    #[serde(default)]
    pub herkunft: Option<Herkunft>,
}

/// A rate as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Satz {
    pub id: i64,
    #[serde(flatten)]
    pub daten: SatzNeu,
}

impl SatzNeu {
    /// An amount of at least 0, at most 1.000 € (a typing error beyond), and "bis" not
    /// before "ab".
    pub fn pruefen(&self) -> Result<(), Befund> {
        if self.betrag.0 < 0 || self.betrag.0 > 100_000 {
            return Err(Befund::fehler(
                "betrag",
                format!(
                    "{}: Der Betrag {} liegt nicht zwischen 0,00 € und 1.000,00 €.",
                    self.art.label(),
                    self.betrag
                ),
            ));
        }
        if self.bis.is_some_and(|bis| bis < self.ab) {
            return Err(Befund::fehler(
                "bis",
                format!(
                    "{}: „gültig bis“ liegt vor „gültig ab“ ({}).",
                    self.art.label(),
                    crate::domain::datum::deutsch(self.ab)
                ),
            ));
        }
        Ok(())
    }

    fn gilt_am(&self, tag: NaiveDate) -> bool {
        self.ab <= tag && self.bis.is_none_or(|bis| tag <= bis)
    }

    /// How specific the rate is for a member of `gremium` of kind `herkunft`, or none if
    /// it is not for them: 3 Gremium and kind, 2 Gremium, 1 kind, 0 general.
    fn passt(&self, gremium: GremiumId, herkunft: Herkunft) -> Option<u8> {
        let g = match self.gremium {
            Some(x) if x != gremium => return None,
            Some(_) => 2,
            None => 0,
        };
        let h = match self.herkunft {
            Some(x) if x != herkunft => return None,
            Some(_) => 1,
            None => 0,
        };
        Some(g + h)
    }
}

/// The rate of kind `art` for a member of `gremium` of kind `herkunft` on `tag`.
pub fn waehlen(
    saetze: &[Satz],
    art: SatzArt,
    tag: NaiveDate,
    gremium: GremiumId,
    herkunft: Herkunft,
) -> Option<&Satz> {
    saetze
        .iter()
        .filter(|s| s.daten.art == art && s.daten.gilt_am(tag))
        .filter_map(|s| s.daten.passt(gremium, herkunft).map(|p| (p, s)))
        .max_by_key(|(p, s)| (*p, s.daten.ab, s.id))
        .map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> NaiveDate {
        crate::domain::datum::parse(s).unwrap()
    }

    fn satz(
        id: i64,
        art: SatzArt,
        cent: i64,
        ab: &str,
        gremium: Option<i64>,
        herkunft: Option<Herkunft>,
    ) -> Satz {
        Satz {
            id,
            daten: SatzNeu {
                art,
                betrag: Cent(cent),
                ab: tag(ab),
                bis: None,
                gremium: gremium.map(GremiumId),
                herkunft,
            },
        }
    }

    #[test]
    fn a_new_rate_at_1_january_applies_from_that_day_on() {
        let s = [
            satz(1, SatzArt::Sitzungsgeld, 2_550, "01.01.2026", None, None),
            satz(2, SatzArt::Sitzungsgeld, 2_640, "01.01.2027", None, None),
        ];
        let g = GremiumId(1);
        let am = |t| {
            waehlen(&s, SatzArt::Sitzungsgeld, tag(t), g, Herkunft::Direkt).map(|s| s.daten.betrag)
        };
        assert_eq!(am("31.12.2026"), Some(Cent(2_550)));
        assert_eq!(am("01.01.2027"), Some(Cent(2_640)));
        assert_eq!(am("31.12.2025"), None);
    }

    #[test]
    fn the_most_specific_rate_wins() {
        let s = [
            satz(1, SatzArt::Sitzungsgeld, 2_550, "01.01.2026", None, None),
            satz(
                2,
                SatzArt::Sitzungsgeld,
                2_000,
                "01.01.2026",
                None,
                Some(Herkunft::Sonstig),
            ),
            satz(3, SatzArt::Sitzungsgeld, 3_000, "01.01.2026", Some(7), None),
            satz(
                4,
                SatzArt::Verdienstausfall,
                1_099,
                "01.01.2026",
                None,
                None,
            ),
        ];
        let w = |g, h| {
            waehlen(
                &s,
                SatzArt::Sitzungsgeld,
                tag("10.06.2026"),
                GremiumId(g),
                h,
            )
            .unwrap()
            .id
        };
        assert_eq!(w(1, Herkunft::Direkt), 1);
        assert_eq!(w(1, Herkunft::Sonstig), 2);
        assert_eq!(w(7, Herkunft::Sonstig), 3);
    }

    #[test]
    fn an_ended_rate_no_longer_holds_and_bad_rates_are_refused() {
        let mut s = satz(1, SatzArt::Fahrtkosten, 30, "01.01.2026", None, None);
        s.daten.bis = Some(tag("30.06.2026"));
        assert!(waehlen(
            std::slice::from_ref(&s),
            SatzArt::Fahrtkosten,
            tag("01.07.2026"),
            GremiumId(1),
            Herkunft::Rat
        )
        .is_none());
        assert!(s.daten.pruefen().is_ok());
        s.daten.bis = Some(tag("31.12.2025"));
        assert_eq!(s.daten.pruefen().unwrap_err().feld, "bis");
        s.daten.bis = None;
        s.daten.betrag = Cent(-1);
        assert_eq!(s.daten.pruefen().unwrap_err().feld, "betrag");
    }
}
