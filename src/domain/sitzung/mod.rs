//! Gremien, Mitgliedschaften, Sitzungen and their Tagesordnung: the vocabularies, the
//! numbering of TOPs (Ö 1, Ö 2 … N 1 …) and the rules a secretary is warned about
//! (Ladungsfrist, minimum number of sessions a year). Pure functions; the store keeps the
//! rows, this module says what they mean.

pub mod akte;
pub mod beschlussfaehigkeit;
pub mod einladungsfrist;
pub mod stimmen;

use super::befund::Befund;
use super::werte::{wertliste, UnbekannterWert};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

wertliste!(
    /// The kind of a Gremium.
    GremiumTyp {
        Integrationsrat = "integrationsrat", "Integrationsrat";
        AusschussChancengerechtigkeit = "ausschuss_chancengerechtigkeit", "Ausschuss für Chancengerechtigkeit und Integration";
        Rat = "rat", "Rat";
        Ausschuss = "ausschuss", "Ausschuss";
        Arbeitsgemeinschaft = "arbeitsgemeinschaft", "Arbeitsgemeinschaft";
        Extern = "extern", "externes Gremium";
    }
);

wertliste!(
    /// The role of a member in a Gremium.
    MitgliedRolle {
        Vorsitz = "vorsitz", "Vorsitz";
        StellvVorsitz = "stellv_vorsitz", "stellv. Vorsitz";
        Mitglied = "mitglied", "Mitglied";
        StellvMitglied = "stellv_mitglied", "stellv. Mitglied";
        Beratend = "beratend", "beratendes Mitglied";
    }
);

wertliste!(
    /// How the deputies of a Gremium step in for an absent member (its setting;
    /// [`stimmen`]): for a member of their Liste/Fraktion in their order, or each for one
    /// named member (persönliche Stellvertretung).
    Vertretung {
        Liste = "liste", "Stellvertretung der Liste/Fraktion";
        Persoenlich = "persoenlich", "persönliche Stellvertretung";
    }
);

// The enum is written by `wertliste!`, which takes no `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for Vertretung {
    fn default() -> Self {
        Vertretung::Liste
    }
}

wertliste!(
    /// How a member came into the Integrationsrat (§ 27 GO NRW): elected directly by the
    /// migrants, or sent by the Rat from among its members.
    Herkunft {
        Direkt = "direkt", "direkt gewählt";
        Rat = "rat", "vom Rat entsandt";
        Sonstig = "sonstig", "sonstig";
    }
);

wertliste!(
    /// The state of a Sitzung.
    SitzungZustand {
        Geplant = "geplant", "geplant";
        Eingeladen = "eingeladen", "eingeladen";
        Durchgefuehrt = "durchgefuehrt", "durchgeführt";
        Abgesagt = "abgesagt", "abgesagt";
    }
);

wertliste!(
    /// The part of the Tagesordnung a TOP sits in.
    Teil {
        Oeffentlich = "oeffentlich", "öffentlicher Teil";
        Nichtoeffentlich = "nichtoeffentlich", "nichtöffentlicher Teil";
    }
);

wertliste!(
    /// What became of a TOP.
    TopErgebnis {
        Beschlossen = "beschlossen", "beschlossen";
        Abgelehnt = "abgelehnt", "abgelehnt";
        Vertagt = "vertagt", "vertagt";
        Kenntnis = "kenntnis", "zur Kenntnis genommen";
        Geaendert = "geaendert", "geändert beschlossen";
    }
);

wertliste!(
    /// Whether a member attended a Sitzung (for the Niederschrift).
    Anwesenheit {
        Anwesend = "anwesend", "anwesend";
        Entschuldigt = "entschuldigt", "entschuldigt";
        Abwesend = "abwesend", "nicht anwesend";
    }
);

impl Teil {
    /// The letter councils number the part with: Ö or N.
    pub fn kuerzel(self) -> &'static str {
        match self {
            Teil::Oeffentlich => "Ö",
            Teil::Nichtoeffentlich => "N",
        }
    }
}

/// The numbers of the TOPs of one part, in order, as councils write them: "Ö 1", "Ö 2",
/// and an Unterpunkt under the TOP before it "Ö 2.1", "Ö 2.2". `unterpunkte[i]` says
/// whether the i-th TOP is an Unterpunkt; one at the very start has no TOP to belong to
/// and counts as a TOP of its own.
pub fn top_nummern(teil: Teil, unterpunkte: &[bool]) -> Vec<String> {
    let (mut haupt, mut unter) = (0usize, 0usize);
    unterpunkte
        .iter()
        .map(|&u| {
            if u && haupt > 0 {
                unter += 1;
                format!("{} {haupt}.{unter}", teil.kuerzel())
            } else {
                haupt += 1;
                unter = 0;
                format!("{} {haupt}", teil.kuerzel())
            }
        })
        .collect()
}

/// The Ladungsfrist: between the day the Einladung goes out and the day of the Sitzung
/// there must be at least `tage` full days. A shorter time is a warning (an urgent
/// session can be called at shorter notice, so it is not an error).
pub fn ladungsfrist_pruefen(
    tage: u32,
    eingeladen_am: NaiveDate,
    beginn: NaiveDateTime,
) -> Option<Befund> {
    let abstand = (beginn.date() - eingeladen_am).num_days();
    (abstand < i64::from(tage)).then(|| {
        Befund::hinweis(
            "eingeladen_am",
            format!(
                "Ladungsfrist unterschritten: Einladung am {}, Sitzung am {} – {} statt mindestens {} Tage.",
                super::datum::deutsch(eingeladen_am),
                super::datum::deutsch(beginn.date()),
                abstand.max(0),
                tage
            ),
        )
    })
}

/// The minimum number of sessions a year (e.g. the AG Integrationsräte meets at least
/// twice): a warning for each year of `jahre` whose planned, held or called sessions
/// (`beginne`, cancelled ones left out by the caller) fall short.
pub fn mindestsitzungen_pruefen(
    minimum: u32,
    jahre: &[i32],
    beginne: &[NaiveDateTime],
) -> Vec<Befund> {
    jahre
        .iter()
        .filter_map(|&jahr| {
            let anzahl = beginne.iter().filter(|b| b.year() == jahr).count() as u32;
            (anzahl < minimum).then(|| {
                Befund::hinweis(
                    "sitzungen",
                    format!(
                        "{jahr}: {anzahl} {} geplant, mindestens {minimum} vorgeschrieben.",
                        if anzahl == 1 { "Sitzung" } else { "Sitzungen" }
                    ),
                )
            })
        })
        .collect()
}

/// § 49 Abs. 1 GO NRW: a Gremium can decide when more than half of its members with a
/// voting right are present.
pub fn beschlussfaehig(anwesend: usize, stimmberechtigt: usize) -> bool {
    stimmberechtigt > 0 && 2 * anwesend > stimmberechtigt
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn quorum_is_more_than_half() {
        assert!(beschlussfaehig(5, 9));
        assert!(!beschlussfaehig(4, 8));
        assert!(beschlussfaehig(5, 8));
        assert!(!beschlussfaehig(0, 0));
    }

    #[test]
    fn top_numbers_per_part_with_unterpunkte() {
        assert_eq!(
            top_nummern(Teil::Oeffentlich, &[false, false, true, true, false, true]),
            ["Ö 1", "Ö 2", "Ö 2.1", "Ö 2.2", "Ö 3", "Ö 3.1"]
        );
        assert_eq!(
            top_nummern(Teil::Nichtoeffentlich, &[true, false, false]),
            ["N 1", "N 2", "N 3"]
        );
        assert!(top_nummern(Teil::Oeffentlich, &[]).is_empty());
    }

    #[test]
    fn ladungsfrist_warns_when_the_einladung_is_late() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(ladungsfrist_pruefen(7, d("2026-11-26"), t("2026-12-03T17:00")).is_none());
        let b = ladungsfrist_pruefen(7, d("2026-11-27"), t("2026-12-03T17:00")).unwrap();
        assert_eq!(
            b.meldung,
            "Ladungsfrist unterschritten: Einladung am 27.11.2026, Sitzung am 03.12.2026 – 6 statt mindestens 7 Tage."
        );
    }

    #[test]
    fn minimum_sessions_per_year() {
        let s = [
            t("2026-03-01T17:00"),
            t("2027-03-01T17:00"),
            t("2027-09-01T17:00"),
        ];
        let b = mindestsitzungen_pruefen(2, &[2026, 2027], &s);
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].meldung,
            "2026: 1 Sitzung geplant, mindestens 2 vorgeschrieben."
        );
        assert!(mindestsitzungen_pruefen(0, &[2026], &[]).is_empty());
    }
}
