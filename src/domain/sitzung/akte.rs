//! A Sitzung as every layer sees it (its Gremium, TOPs, members and findings), and the
//! rules of its life that need no database: the numbering of the TOPs, what a TOP may
//! hold, when a result can be recorded, what closing a Sitzung needs, and the warnings
//! shown with it.

use super::{ladungsfrist_pruefen, mindestsitzungen_pruefen, top_nummern};
use super::{SitzungZustand, Teil, TopErgebnis};
use crate::domain::befund::Befund;
use crate::domain::gremium::Gremium;
use crate::domain::ids::{SitzungId, TopId, VorlageId};
use crate::domain::mitgliedschaft::Mitglied;
use crate::domain::{datum, druckbar, Status};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The Vorlage of a TOP, as the Tagesordnung shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopVorlage {
    pub id: VorlageId,
    pub nummer: Option<String>,
    pub betreff: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Top {
    pub id: TopId,
    pub teil: Teil,
    /// "Ö 1", "N 2".
    pub nummer: String,
    /// An Unterpunkt of the TOP before it ("Ö 2.1").
    pub unterpunkt: bool,
    /// The item's own title, or the Betreff of its Vorlage.
    pub titel: String,
    pub vorlage: Option<TopVorlage>,
    pub ergebnis: Option<TopErgebnis>,
    pub ergebnis_text: String,
    /// The chair recorded "Beschlussunfähigkeit festgestellt" at this TOP (at most one
    /// per Sitzung; [`super::beschlussfaehigkeit`]).
    pub beschlussunfaehig: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SitzungAkte {
    pub id: SitzungId,
    pub gremium: Gremium,
    pub nummer: i64,
    pub beginn: NaiveDateTime,
    pub ort: String,
    pub zustand: SitzungZustand,
    pub eingeladen_am: Option<NaiveDate>,
    /// When the Sitzung closed (recorded with the Niederschrift).
    pub ende: Option<NaiveDateTime>,
    /// Who kept the minutes (Schriftführer/-in).
    pub schriftfuehrung: String,
    pub version: i64,
    pub tops: Vec<Top>,
    pub mitglieder: Vec<Mitglied>,
    /// Warnings: Ladungsfrist, sessions a year.
    pub befunde: Vec<Befund>,
    /// The TOPs ("Ö 2") whose Vorlage is still a draft: a packet or Einladung printed now
    /// shows it as "Entwurf – nicht freigegeben", so the secretary is asked first.
    pub entwuerfe: Vec<String>,
    /// Why the Sitzung cannot go into the Papierkorb ([`loeschen_pruefen`]), if it cannot.
    pub nicht_loeschbar: Option<String>,
    /// The count of voters and the quorum at the opening and at each TOP, in order
    /// ([`super::beschlussfaehigkeit::verlauf`]).
    pub beschlussfaehigkeit: Vec<super::beschlussfaehigkeit::Beschlussfaehigkeit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopNeu {
    pub teil: Teil,
    #[serde(default)]
    pub titel: String,
    #[serde(default)]
    pub vorlage: Option<VorlageId>,
    #[serde(default)]
    pub unterpunkt: bool,
}

impl TopNeu {
    /// A printable title, and a title unless the TOP puts a Vorlage up for Beratung.
    pub fn pruefen(&self) -> Result<(), Befund> {
        titel_pruefen(
            &self.titel,
            self.vorlage.is_some(),
            "TOP: Titel fehlt (oder eine Vorlage wählen).",
        )
    }
}

/// The title of a TOP as changed: printable, and not empty without a Vorlage.
pub fn titel_pruefen(titel: &str, mit_vorlage: bool, fehlt: &str) -> Result<(), Befund> {
    druckbar::feld("titel", "TOP, Titel", titel, druckbar::TOP_TITEL)?;
    if !mit_vorlage && titel.trim().is_empty() {
        return Err(Befund::fehler("titel", fehlt));
    }
    Ok(())
}

/// § 48 GO NRW: a nichtöffentliche Vorlage is beraten only in the nichtöffentlicher Teil.
pub fn vorlage_im_teil_pruefen(vorlage: &TopVorlage, teil: Teil) -> Result<(), Befund> {
    if vorlage.status == Status::Nichtoeffentlich && teil == Teil::Oeffentlich {
        return Err(Befund::fehler(
            "teil",
            format!(
                "Die Vorlage {} „{}“ ist nichtöffentlich und kann nur im nichtöffentlichen Teil beraten werden.",
                vorlage.name(),
                vorlage.betreff
            ),
        ));
    }
    Ok(())
}

impl TopVorlage {
    /// Its number, or "(Entwurf 7)" before it has one.
    pub fn name(&self) -> String {
        self.nummer
            .clone()
            .unwrap_or_else(|| format!("(Entwurf {})", self.id.0))
    }
}

/// The Tagesordnung can change until the Sitzung took place or was cancelled.
pub fn tagesordnung_offen(zustand: SitzungZustand) -> Result<(), Befund> {
    if matches!(
        zustand,
        SitzungZustand::Durchgefuehrt | SitzungZustand::Abgesagt
    ) {
        return Err(Befund::fehler(
            "zustand",
            format!(
                "Die Sitzung ist {}; ihre Tagesordnung kann nicht mehr geändert werden.",
                zustand.label()
            ),
        ));
    }
    Ok(())
}

/// A result for a TOP: "geändert beschlossen" needs the changed text; a cancelled
/// Sitzung has none; a Sitzung has results from its day on (`heute`).
pub fn ergebnis_pruefen(
    ergebnis: TopErgebnis,
    text: &str,
    zustand: SitzungZustand,
    beginn: NaiveDateTime,
    heute: NaiveDate,
) -> Result<(), Befund> {
    if ergebnis == TopErgebnis::Geaendert && text.trim().is_empty() {
        return Err(Befund::fehler(
            "ergebnis_text",
            "Geändert beschlossen: Bitte den geänderten Beschluss eintragen.",
        ));
    }
    if zustand == SitzungZustand::Abgesagt {
        return Err(Befund::fehler(
            "zustand",
            "Die Sitzung ist abgesagt; ein Ergebnis kann nicht eingetragen werden.",
        ));
    }
    let tag = beginn.date();
    if tag > heute {
        return Err(Befund::fehler(
            "ergebnis",
            format!(
                "Die Sitzung am {} hat noch nicht stattgefunden; ein Ergebnis kann erst ab dem Sitzungstag eingetragen werden.",
                datum::deutsch(tag)
            ),
        ));
    }
    Ok(())
}

/// The Einladung goes out before the Sitzung: a date after its day is a typing error.
pub fn einladung_pruefen(am: NaiveDate, beginn: NaiveDateTime) -> Result<(), Befund> {
    if am > beginn.date() {
        return Err(Befund::fehler(
            "eingeladen_am",
            format!(
                "Einladung versandt am {}: Das liegt nach der Sitzung am {}.",
                datum::deutsch(am),
                datum::deutsch(beginn.date())
            ),
        ));
    }
    Ok(())
}

/// A Sitzung goes into the Papierkorb only before it took place, and only without
/// Vorlagen on its Tagesordnung (their Beratungsfolge names its date). `vorlagen`: how
/// many TOPs carry one. The screen asks this before it asks "Sitzung löschen?".
pub fn loeschen_pruefen(zustand: SitzungZustand, vorlagen: usize) -> Result<(), Befund> {
    if zustand == SitzungZustand::Durchgefuehrt {
        return Err(Befund::fehler(
            "zustand",
            "Eine durchgeführte Sitzung kann nicht gelöscht werden; ihre Niederschrift gehört zu den Akten.",
        ));
    }
    if vorlagen > 0 {
        return Err(Befund::fehler(
            "tagesordnung",
            format!(
                "Auf der Tagesordnung {} noch {vorlagen} {}. Entfernen Sie erst diese TOPs (oder sagen Sie die Sitzung ab).",
                if vorlagen == 1 { "steht" } else { "stehen" },
                if vorlagen == 1 { "Vorlage" } else { "Vorlagen" }
            ),
        ));
    }
    Ok(())
}

/// A Bemerkung belongs to an attendance: without one it would be dropped, so it is refused
/// at its field and stays there until the attendance is chosen.
pub fn bemerkung_pruefen(name: &str, mit_status: bool, bemerkung: &str) -> Result<(), Befund> {
    if !mit_status && !bemerkung.trim().is_empty() {
        return Err(Befund::fehler(
            "bemerkung",
            format!("Bemerkung zu {name}: Bitte zuerst die Anwesenheit wählen; die Bemerkung wird mit ihr gespeichert."),
        ));
    }
    druckbar::feld(
        "bemerkung",
        &format!("Bemerkung zu {name}"),
        bemerkung,
        druckbar::ORT,
    )
}

/// A TOP with a recorded result stays on the Tagesordnung: it is history.
pub fn entfernen_pruefen(hat_ergebnis: bool) -> Result<(), Befund> {
    if hat_ergebnis {
        return Err(Befund::fehler(
            "top",
            "Der TOP hat schon ein Ergebnis und kann nicht mehr entfernt werden.",
        ));
    }
    Ok(())
}

/// The Beschlussvermerk a TOP's result leaves in the Vorlage's Beratungsfolge.
pub fn beschlussvermerk(ergebnis: TopErgebnis, text: &str) -> String {
    if text.trim().is_empty() {
        ergebnis.label().to_string()
    } else {
        format!("{}: {}", ergebnis.label(), text.trim())
    }
}

/// Closing a Sitzung: not a cancelled one, with the Schriftführung named, ending after its
/// beginning on the same or the next day.
pub fn abschluss_pruefen(
    akte: &SitzungAkte,
    ende: NaiveDateTime,
    schriftfuehrung: &str,
) -> Result<(), Befund> {
    if akte.zustand == SitzungZustand::Abgesagt {
        return Err(Befund::fehler("zustand", "Die Sitzung ist abgesagt."));
    }
    if schriftfuehrung.trim().is_empty() {
        return Err(Befund::fehler(
            "schriftfuehrung",
            "Schriftführung fehlt: Wer hat die Niederschrift geführt?",
        ));
    }
    ende_pruefen(akte, ende)
}

/// An end after the beginning, on the same or the next day.
fn ende_pruefen(akte: &SitzungAkte, ende: NaiveDateTime) -> Result<(), Befund> {
    let dauer = ende - akte.beginn;
    if dauer <= chrono::Duration::zero() || dauer > chrono::Duration::hours(24) {
        return Err(Befund::fehler(
            "ende",
            format!(
                "Ende {} liegt nicht nach dem Beginn {} (am selben oder folgenden Tag).",
                ende.format("%d.%m.%Y %H:%M"),
                akte.beginn.format("%d.%m.%Y %H:%M")
            ),
        ));
    }
    Ok(())
}

/// The end time and the Schriftführung typed before the Sitzung is closed: kept as the
/// clerk types them (each saved when its field is left, like every field of the Sitzung),
/// checked each alone — an end after the beginning, a printable name. "Sitzung
/// abschließen" then needs both ([`abschluss_pruefen`]); a Sitzung already closed keeps
/// needing both.
pub fn abschlussangaben_pruefen(
    akte: &SitzungAkte,
    ende: Option<NaiveDateTime>,
    schriftfuehrung: &str,
) -> Result<(), Befund> {
    druckbar::feld(
        "schriftfuehrung",
        "Schriftführung",
        schriftfuehrung.trim(),
        200,
    )?;
    match (akte.zustand, ende) {
        (SitzungZustand::Durchgefuehrt, Some(e)) => abschluss_pruefen(akte, e, schriftfuehrung),
        (SitzungZustand::Durchgefuehrt, None) => Err(Befund::fehler(
            "ende",
            "Ende fehlt: Die Sitzung ist abgeschlossen, ihr Ende steht in der Niederschrift.",
        )),
        (SitzungZustand::Abgesagt, _) => {
            Err(Befund::fehler("zustand", "Die Sitzung ist abgesagt."))
        }
        (_, Some(e)) => ende_pruefen(akte, e),
        (_, None) => Ok(()),
    }
}

/// The numbers of the TOPs whose Vorlage has no number yet (a draft: the number comes
/// with the release).
pub fn entwuerfe(tops: &[Top]) -> Vec<String> {
    tops.iter()
        .filter(|t| t.vorlage.as_ref().is_some_and(|v| v.nummer.is_none()))
        .map(|t| t.nummer.clone())
        .collect()
}

/// Gives every TOP its number ("Ö 1", "Ö 1.1", "N 1") from its part and order.
pub fn nummerieren(tops: &mut [Top]) {
    for teil in [Teil::Oeffentlich, Teil::Nichtoeffentlich] {
        let unter: Vec<bool> = tops
            .iter()
            .filter(|t| t.teil == teil)
            .map(|t| t.unterpunkt)
            .collect();
        let nummern = top_nummern(teil, &unter);
        for (t, n) in tops.iter_mut().filter(|t| t.teil == teil).zip(nummern) {
            t.nummer = n;
        }
    }
}

/// The warnings shown with a Sitzung: the Ladungsfrist once the Einladung is out, and the
/// Gremium's minimum of Sitzungen in the Sitzung's year (`beginne`: all its Sitzungen held
/// or planned, not cancelled).
pub fn befunde(
    gremium: &Gremium,
    eingeladen_am: Option<NaiveDate>,
    beginn: NaiveDateTime,
    beginne: &[NaiveDateTime],
) -> Vec<Befund> {
    let mut befunde = Vec::new();
    if let Some(am) = eingeladen_am {
        befunde.extend(ladungsfrist_pruefen(
            gremium.daten.ladungsfrist_tage,
            am,
            beginn,
        ));
    }
    if gremium.daten.mindestsitzungen_jahr > 0 {
        befunde.extend(mindestsitzungen_pruefen(
            gremium.daten.mindestsitzungen_jahr,
            &[beginn.year()],
            beginne,
        ));
    }
    befunde
}
