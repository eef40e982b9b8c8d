//! Beschlusskontrolle (issue 27 § 3): what became of each decision.
//!
//! Every TOP decided in a Sitzung ("beschlossen", "geändert beschlossen") has a follow-up
//! record: the responsible unit (the Vorlage's Federführend unless the office names
//! another), a Wiedervorlage date, a status the office sets (offen, in Arbeit, erledigt)
//! and notes with their dates. "überfällig" is never set by hand: a decision not done
//! whose date has passed is shown so ([`Beschluss::anzeige`]). Pure: the day is passed in.

use super::befund::Befund;
use super::ids::{SitzungId, TopId};
use super::sitzung::{Teil, TopErgebnis};
use super::werte::{wertliste, UnbekannterWert};
use super::{datum, druckbar};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

wertliste!(
    /// How far a decision is carried out, as the office records it.
    BeschlussStatus {
        Offen = "offen", "offen";
        InArbeit = "in_arbeit", "in Arbeit";
        Erledigt = "erledigt", "erledigt";
    }
);

/// A dated note on a decision ("Haushaltsmittel beantragt").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notiz {
    pub datum: NaiveDate,
    pub text: String,
}

/// One decision and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Beschluss {
    /// The TOP that decided it (its id is the decision's).
    pub top: TopId,
    pub sitzung: SitzungId,
    pub gremium: String,
    pub sitzung_am: NaiveDate,
    /// "Ö 3".
    pub top_nummer: String,
    pub teil: Teil,
    pub titel: String,
    pub vorlage_nummer: Option<String>,
    pub ergebnis: TopErgebnis,
    pub beschlusstext: String,
    pub zustaendig: String,
    pub faellig: Option<NaiveDate>,
    pub status: BeschlussStatus,
    pub notizen: Vec<Notiz>,
    /// What the list shows: the status, or "ueberfaellig" once the date has passed.
    pub anzeige: String,
    /// When the office last changed its follow-up (none: never).
    pub geaendert: Option<chrono::NaiveDateTime>,
    /// The Vorlage's Beratungsfolge as it stands — where a recommendation goes next (HFA,
    /// Rat) and, once entered, what came of it there.
    pub beratungsfolge: Vec<Folgeschritt>,
}

/// One step of the Beratungsfolge of the decision's Vorlage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Folgeschritt {
    /// Its place in the Beratungsfolge (the key a change names).
    pub pos: i64,
    pub gremium: String,
    /// `TT.MM.JJJJ` or ISO as stored; empty when not yet set.
    pub datum: String,
    pub ergebnis: String,
    /// The step of the decision's own Gremium: its result is the Sitzung's, not typed here.
    pub eigener: bool,
    /// The day its result was taken over from the town's RIS (none: entered by the office
    /// or recorded by its Sitzung).
    pub ris_uebernommen: Option<NaiveDate>,
}

impl Folgeschritt {
    /// Whether this is the step of the decision's own Gremium `gremium` (the same name, case
    /// aside — as the Sitzung writes its result there, store::vorlage::beratung).
    pub fn ist_eigener(gremium_des_schritts: &str, gremium: &str) -> bool {
        gremium_des_schritts.to_lowercase() == gremium.to_lowercase()
    }

    /// A later step takes a result typed in the Beschlusskontrolle; the own Gremium's step
    /// takes the Sitzung's only.
    pub fn eintragbar(&self) -> Result<(), Befund> {
        if self.eigener {
            return Err(Befund::fehler(
                "beratungsfolge",
                format!(
                    "Das Ergebnis im Gremium „{}“ trägt die Sitzung ein (Bereich Sitzungen).",
                    self.gremium
                ),
            ));
        }
        Ok(())
    }
}

/// The result of a later step (HFA, Rat) as the office types it in the Beschlusskontrolle.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct FolgeschrittAenderung {
    /// `TT.MM.JJJJ`; empty: not known.
    #[serde(default)]
    pub datum: String,
    #[serde(default)]
    pub ergebnis: String,
}

impl FolgeschrittAenderung {
    /// The date (checked) and the result (printable, at most 500 characters).
    pub fn pruefen(&self) -> Result<(Option<NaiveDate>, String), Befund> {
        let tag = match self.datum.trim() {
            "" => None,
            t => Some(
                datum::parse(t)
                    .map_err(|e| Befund::fehler("datum", format!("Datum der Beratung: {e}.")))?,
            ),
        };
        druckbar::feld("ergebnis", "Ergebnis", self.ergebnis.trim(), 500)?;
        Ok((tag, self.ergebnis.trim().to_string()))
    }
}

impl Beschluss {
    /// The Stand as the documents write it: "überfällig" once the date has passed, else
    /// the status ("in Arbeit").
    pub fn stand_text(&self) -> &'static str {
        if self.anzeige == "ueberfaellig" {
            "überfällig"
        } else {
            self.status.label()
        }
    }
}

/// Whether a TOP's result is a decision to follow up.
pub fn ist_beschluss(ergebnis: Option<TopErgebnis>) -> bool {
    matches!(
        ergebnis,
        Some(TopErgebnis::Beschlossen | TopErgebnis::Geaendert)
    )
}

/// "ueberfaellig" for a decision not done whose Wiedervorlage has passed, else the status.
pub fn anzeige(status: BeschlussStatus, faellig: Option<NaiveDate>, heute: NaiveDate) -> String {
    if status != BeschlussStatus::Erledigt && faellig.is_some_and(|f| f < heute) {
        "ueberfaellig".into()
    } else {
        status.key().into()
    }
}

/// What the office changes on a decision, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct BeschlussAenderung {
    pub status: String,
    /// `TT.MM.JJJJ`; empty: no date.
    #[serde(default)]
    pub faellig: String,
    #[serde(default)]
    pub zustaendig: String,
}

/// The checked values of a [`BeschlussAenderung`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BeschlussWerte {
    pub status: BeschlussStatus,
    pub faellig: Option<NaiveDate>,
    pub zustaendig: String,
}

impl BeschlussAenderung {
    pub fn pruefen(&self) -> Result<BeschlussWerte, Befund> {
        let status = self.status.trim().parse::<BeschlussStatus>().map_err(|_| {
            Befund::fehler(
                "status",
                format!(
                    "Stand „{}“ gibt es nicht (offen, in Arbeit oder erledigt).",
                    self.status.trim()
                ),
            )
        })?;
        let faellig = match self.faellig.trim() {
            "" => None,
            t => Some(
                datum::parse(t)
                    .map_err(|e| Befund::fehler("faellig", format!("Wiedervorlage: {e}.")))?,
            ),
        };
        druckbar::feld("zustaendig", "Zuständig", self.zustaendig.trim(), 200)?;
        Ok(BeschlussWerte {
            status,
            faellig,
            zustaendig: self.zustaendig.trim().to_string(),
        })
    }
}

/// A note's text: not empty, printable, at most 2,000 characters.
pub fn notiz_pruefen(text: &str) -> Result<(), Befund> {
    if text.trim().is_empty() {
        return Err(Befund::fehler("notiz", "Die Notiz ist leer."));
    }
    druckbar::feld("notiz", "Notiz", text.trim(), 2000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> NaiveDate {
        datum::parse(s).unwrap()
    }

    #[test]
    fn overdue_is_shown_by_the_date_never_for_a_decision_done() {
        let heute = tag("07.12.2026");
        assert_eq!(
            anzeige(BeschlussStatus::Offen, Some(tag("06.12.2026")), heute),
            "ueberfaellig"
        );
        assert_eq!(
            anzeige(BeschlussStatus::InArbeit, Some(tag("06.12.2026")), heute),
            "ueberfaellig"
        );
        assert_eq!(
            anzeige(BeschlussStatus::Offen, Some(tag("07.12.2026")), heute),
            "offen"
        );
        assert_eq!(
            anzeige(BeschlussStatus::Erledigt, Some(tag("01.01.2026")), heute),
            "erledigt"
        );
        assert_eq!(anzeige(BeschlussStatus::Offen, None, heute), "offen");
    }

    #[test]
    fn a_change_is_checked_field_by_field() {
        let a = |status: &str, faellig: &str, zustaendig: &str| BeschlussAenderung {
            status: status.into(),
            faellig: faellig.into(),
            zustaendig: zustaendig.into(),
        };
        let w = a("in_arbeit", "31.01.2027", "FB 51").pruefen().unwrap();
        assert_eq!(w.faellig, Some(tag("31.01.2027")));
        assert_eq!(a("fertig", "", "").pruefen().unwrap_err().feld, "status");
        assert_eq!(
            a("offen", "31.02.2027", "").pruefen().unwrap_err().feld,
            "faellig"
        );
        assert_eq!(
            a("offen", "", "FB 51 📎").pruefen().unwrap_err().feld,
            "zustaendig"
        );
        assert!(ist_beschluss(Some(TopErgebnis::Geaendert)));
        assert!(!ist_beschluss(Some(TopErgebnis::Abgelehnt)));
        assert!(!ist_beschluss(None));
    }
}
