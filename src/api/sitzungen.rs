//! Gremien, people, Sitzungen and their Tagesordnung as the app and the CLI use them.

use super::ApiFehler;
use crate::domain::sitzung::einladungsfrist::{einladungsfrist, Einladungsfrist};
use crate::domain::sitzung::{Anwesenheit, Teil, TopErgebnis};
use crate::domain::{suchtext, GremiumId, PersonId, SitzungId, TopId};
use crate::domain::{
    Gremium, GremiumNeu, MitgliedschaftNeu, Person, PersonNeu, SitzungAkte, TopNeu,
};
use crate::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

pub fn gremium_anlegen(
    store: &mut Store,
    neu: &GremiumNeu,
    jetzt: NaiveDateTime,
) -> Result<Gremium, ApiFehler> {
    Ok(store.gremium_anlegen(neu, jetzt)?)
}

/// The settings of one of the office's Gremien changed (the form "Einstellungen").
pub fn gremium_aendern(
    store: &mut Store,
    id: i64,
    neu: &GremiumNeu,
    jetzt: NaiveDateTime,
) -> Result<Gremium, ApiFehler> {
    Ok(store.gremium_aendern(GremiumId(id), neu, jetzt)?)
}

pub fn gremien(store: &Store) -> Result<Vec<Gremium>, ApiFehler> {
    Ok(store.gremien()?)
}

/// Checks that Gremium `gremium` exists (before anything is written for it).
pub fn gremium_lesen(store: &Store, gremium: i64) -> Result<Gremium, ApiFehler> {
    Ok(store.gremium(GremiumId(gremium))?)
}

pub fn person_anlegen(
    store: &mut Store,
    neu: &PersonNeu,
    jetzt: NaiveDateTime,
) -> Result<Person, ApiFehler> {
    Ok(store.person_anlegen(neu, jetzt)?)
}

pub fn mitgliedschaft_anlegen(store: &mut Store, neu: &MitgliedschaftNeu) -> Result<(), ApiFehler> {
    Ok(store.mitgliedschaft_anlegen(neu)?)
}

/// Changes a membership; ending it is setting "Mitglied bis".
pub fn mitgliedschaft_aendern(store: &mut Store, neu: &MitgliedschaftNeu) -> Result<(), ApiFehler> {
    Ok(store.mitgliedschaft_aendern(neu)?)
}

/// The member form: person and membership changed together, or neither.
pub fn mitglied_aendern(
    store: &mut Store,
    id: i64,
    person: &PersonNeu,
    mitgliedschaft: &MitgliedschaftNeu,
    jetzt: NaiveDateTime,
) -> Result<Person, ApiFehler> {
    Ok(store.mitglied_aendern(crate::domain::PersonId(id), person, mitgliedschaft, jetzt)?)
}

/// Reads the beginning of a Sitzung as the app sends it ("03.12.2026 17:00", the date as
/// typed) or as the CLI takes it ("2026-12-03T17:00", also with seconds). An impossible
/// date is named ("Beginn: Datum 31.02.2026 ungültig …"), never moved to another day.
pub fn beginn_lesen(text: &str) -> Result<NaiveDateTime, ApiFehler> {
    let t = text.trim();
    let (tag, uhr) = t.split_once(['T', ' ']).unwrap_or((t, ""));
    if tag.is_empty() {
        return Err(ApiFehler::feld(
            "beginn",
            "Beginn: Datum fehlt (TT.MM.JJJJ).",
        ));
    }
    let datum = crate::domain::datum::parse(tag)
        .map_err(|e| ApiFehler::feld("beginn", format!("Beginn: {e}.")))?;
    let uhr = uhr.trim();
    if uhr.is_empty() {
        return Err(ApiFehler::feld(
            "beginn_zeit",
            "Beginn: Uhrzeit fehlt (HH:MM).",
        ));
    }
    let zeit = ["%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| chrono::NaiveTime::parse_from_str(uhr, f).ok())
        .ok_or_else(|| {
            ApiFehler::feld(
                "beginn_zeit",
                format!("Beginn: „{uhr}“ ist keine Uhrzeit (HH:MM, z. B. 17:00)."),
            )
        })?;
    Ok(datum.and_time(zeit))
}

pub fn sitzung_anlegen(
    store: &mut Store,
    gremium: i64,
    beginn: &str,
    ort: &str,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let beginn = beginn_lesen(beginn)?;
    Ok(store.sitzung_anlegen(GremiumId(gremium), beginn, ort, jetzt)?)
}

pub fn sitzung_lesen(store: &Store, id: i64) -> Result<SitzungAkte, ApiFehler> {
    Ok(store.sitzung(SitzungId(id))?)
}

pub fn sitzungen(store: &Store, gremium: i64) -> Result<Vec<SitzungAkte>, ApiFehler> {
    Ok(store.sitzungen(GremiumId(gremium))?)
}

/// A Sitzung of the list with the reminder of its Einladung, if one is due today.
#[derive(Debug, Clone, Serialize)]
pub struct SitzungInListe {
    #[serde(flatten)]
    pub akte: SitzungAkte,
    pub einladungsfrist: Option<Einladungsfrist>,
}

/// The Sitzungen of a Gremium as the list shows them on `jetzt`'s day: each with the
/// Einladung still to send before its Ladungsfrist ([`einladungsfrist`]).
pub fn sitzungen_liste(
    store: &Store,
    gremium: i64,
    jetzt: NaiveDateTime,
) -> Result<Vec<SitzungInListe>, ApiFehler> {
    let vorlauf = store.buero()?.einladung_vorlauf_tage;
    Ok(store
        .sitzungen(GremiumId(gremium))?
        .into_iter()
        .map(|akte| SitzungInListe {
            einladungsfrist: einladungsfrist(
                akte.zustand,
                akte.eingeladen_am,
                akte.beginn,
                akte.gremium.daten.ladungsfrist_tage,
                vorlauf,
                jetzt.date(),
            ),
            akte,
        })
        .collect())
}

/// A person with (optionally) their membership; both or neither.
pub fn person_anlegen_mit(
    store: &mut Store,
    neu: &PersonNeu,
    mitgliedschaft: Option<&MitgliedschaftNeu>,
    jetzt: NaiveDateTime,
) -> Result<Person, ApiFehler> {
    Ok(store.person_anlegen_mit(neu, mitgliedschaft, jetzt)?)
}

pub fn mitglieder(store: &Store, gremium: i64) -> Result<Vec<crate::domain::Mitglied>, ApiFehler> {
    Ok(store.mitglieder(GremiumId(gremium))?)
}

pub fn personen(store: &Store) -> Result<Vec<Person>, ApiFehler> {
    Ok(store.personen()?)
}

/// Every change the app makes to a Sitzung names the version it saw (`basis`); a change
/// meanwhile (another window, another workstation) is refused and nothing is overwritten.
/// The CLI passes `None` and acts on the newest state.
pub(super) fn basis_pruefen(
    store: &Store,
    sitzung: SitzungId,
    basis: Option<i64>,
) -> Result<(), ApiFehler> {
    match basis {
        Some(b) => Ok(store.sitzung_basis_pruefen(sitzung, b)?),
        None => Ok(()),
    }
}

fn top_basis(store: &Store, top: i64, basis: Option<i64>) -> Result<(), ApiFehler> {
    let sitzung = store.top_sitzung(TopId(top))?;
    basis_pruefen(store, sitzung, basis)
}

pub fn top_hinzufuegen(
    store: &mut Store,
    sitzung: i64,
    neu: &TopNeu,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    basis_pruefen(store, SitzungId(sitzung), basis)?;
    Ok(store.top_hinzufuegen(SitzungId(sitzung), neu, jetzt)?)
}

pub fn top_verschieben(
    store: &mut Store,
    top: i64,
    nach: usize,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    top_basis(store, top, basis)?;
    Ok(store.top_verschieben(TopId(top), nach, jetzt)?)
}

pub fn top_aendern(
    store: &mut Store,
    top: i64,
    titel: &str,
    unterpunkt: bool,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    top_basis(store, top, basis)?;
    Ok(store.top_aendern(TopId(top), titel, unterpunkt, jetzt)?)
}

pub fn top_entfernen(
    store: &mut Store,
    top: i64,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    top_basis(store, top, basis)?;
    Ok(store.top_entfernen(TopId(top), jetzt)?)
}

pub fn top_ergebnis(
    store: &mut Store,
    top: i64,
    ergebnis: TopErgebnis,
    text: &str,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    top_basis(store, top, basis)?;
    Ok(store.top_ergebnis(TopId(top), ergebnis, text, jetzt)?)
}

pub fn sitzung_aendern(
    store: &mut Store,
    sitzung: i64,
    beginn: &str,
    ort: &str,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let beginn = beginn_lesen(beginn)?;
    basis_pruefen(store, SitzungId(sitzung), basis)?;
    Ok(store.sitzung_aendern(SitzungId(sitzung), beginn, ort, jetzt)?)
}

/// Marks the Einladung as sent on `am` ("03.12.2026" or "2026-12-03").
pub fn sitzung_einladen(
    store: &mut Store,
    sitzung: i64,
    am: &str,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let am: NaiveDate = crate::domain::datum::parse(am)
        .map_err(|e| ApiFehler::feld("eingeladen_am", format!("Einladung versandt am: {e}.")))?;
    basis_pruefen(store, SitzungId(sitzung), basis)?;
    Ok(store.sitzung_einladen(SitzungId(sitzung), am, jetzt)?)
}

/// How many Sitzungen still to be held went out with their Ladungsfrist missed (the
/// navigation's warning badge).
/// The Sitzungen still to be held whose Ladungsfrist needs the office: an Einladung that
/// went out too late, or one still to send whose last day is near or past
/// ([`einladungsfrist`]).
pub fn ladungsfrist_unterschritten(
    store: &Store,
    jetzt: NaiveDateTime,
) -> Result<usize, ApiFehler> {
    use crate::domain::sitzung::SitzungZustand;
    let mut n = 0;
    for g in store.gremien()? {
        n += sitzungen_liste(store, g.id.0, jetzt)?
            .iter()
            .filter(|s| {
                matches!(
                    s.akte.zustand,
                    SitzungZustand::Geplant | SitzungZustand::Eingeladen
                )
            })
            .filter(|s| {
                s.einladungsfrist.is_some()
                    || s.akte.befunde.iter().any(|b| b.feld == "eingeladen_am")
            })
            .count();
    }
    Ok(n)
}

pub fn sitzung_absagen(
    store: &mut Store,
    sitzung: i64,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    basis_pruefen(store, SitzungId(sitzung), basis)?;
    Ok(store.sitzung_absagen(SitzungId(sitzung), jetzt)?)
}

/// Takes back a cancellation ("Sitzung wieder aufnehmen").
pub fn sitzung_wieder_aufnehmen(
    store: &mut Store,
    sitzung: i64,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    basis_pruefen(store, SitzungId(sitzung), basis)?;
    Ok(store.sitzung_wieder_aufnehmen(SitzungId(sitzung), jetzt)?)
}

/// Records a member's attendance, its note and, for a member present, the TOP from which
/// they left the Sitzung (`geht_ab`, a TOP id; none: stayed to the end).
#[allow(clippy::too_many_arguments)]
pub fn anwesenheit_setzen(
    store: &mut Store,
    sitzung: i64,
    person: i64,
    status: Option<Anwesenheit>,
    bemerkung: &str,
    geht_ab: Option<i64>,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    basis_pruefen(store, SitzungId(sitzung), basis)?;
    Ok(store.anwesenheit_setzen(
        SitzungId(sitzung),
        PersonId(person),
        status,
        bemerkung,
        geht_ab.map(TopId),
        jetzt,
    )?)
}

/// Reads the end of a Sitzung: "19:15" — also typed "1915" or "19.15" — (the day it
/// began; a time before the beginning means after midnight) or a full date and time.
pub fn ende_lesen(beginn: NaiveDateTime, text: &str) -> Result<NaiveDateTime, ApiFehler> {
    let t = text.trim();
    let uhr = match t.len() {
        3 | 4 if t.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{}:{}", &t[..t.len() - 2], &t[t.len() - 2..])
        }
        _ => t.replacen('.', ":", 1),
    };
    if let Ok(zeit) = chrono::NaiveTime::parse_from_str(&uhr, "%H:%M") {
        let mut ende = beginn.date().and_time(zeit);
        if ende <= beginn {
            ende += chrono::Duration::days(1);
        }
        return Ok(ende);
    }
    beginn_lesen(t).map_err(|_| {
        ApiFehler::feld(
            "ende",
            format!("Ende „{t}“ ist keine gültige Uhrzeit (HH:MM, z. B. 19:15)."),
        )
    })
}

/// Closes the Sitzung: end time and Schriftführung (from which the Niederschrift is signed).
pub fn sitzung_abschliessen(
    store: &mut Store,
    sitzung: i64,
    ende: &str,
    schriftfuehrung: &str,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let akte = store.sitzung(SitzungId(sitzung))?;
    let ende = ende_lesen(akte.beginn, ende)?;
    basis_pruefen(store, SitzungId(sitzung), basis)?;
    Ok(store.sitzung_abschliessen(SitzungId(sitzung), ende, schriftfuehrung, jetzt)?)
}

/// The end time ("19:30"; empty: none yet) and the Schriftführung, saved as the clerk
/// leaves each field; "Sitzung abschließen" then closes the Sitzung.
pub fn sitzung_abschlussangaben(
    store: &mut Store,
    sitzung: i64,
    ende: &str,
    schriftfuehrung: &str,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let akte = store.sitzung(SitzungId(sitzung))?;
    let ende = match ende.trim() {
        "" => None,
        text => Some(ende_lesen(akte.beginn, text)?),
    };
    basis_pruefen(store, SitzungId(sitzung), basis)?;
    Ok(store.sitzung_abschlussangaben(SitzungId(sitzung), ende, schriftfuehrung, jetzt)?)
}

/// A file name from a person's name that every file system takes: "celik-ayse".
fn dateiname_teil(text: &str) -> String {
    let mut aus = String::new();
    for c in suchtext::ohne_zeichen(text).chars() {
        if c.is_alphanumeric() {
            aus.push(c);
        } else if !aus.ends_with('-') && !aus.is_empty() {
            aus.push('-');
        }
    }
    aus.trim_end_matches('-').to_string()
}

/// One finished document of a series (Einladungen, Beschlussauszüge).
#[derive(Debug, Clone, Serialize)]
pub struct Schreiben {
    pub dateiname: String,
    /// Whom or what it is for ("Ayşe Yılmaz", "Ö 2").
    pub fuer: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// The Einladung as one letter per member of the Gremium (members, deputies and advisory
/// members), each with address and salutation and the complete Tagesordnung; PDF/A.
pub fn sitzung_einladungen(
    store: &Store,
    sitzung: i64,
    jetzt: NaiveDateTime,
) -> Result<Vec<Schreiben>, ApiFehler> {
    use crate::pdf::tagesordnung::{self, Eintrag, Empfaenger};
    let s = store.sitzung(SitzungId(sitzung))?;
    if s.mitglieder.is_empty() {
        return Err(ApiFehler::feld(
            "mitglieder",
            format!(
                "Das Gremium „{}“ hat keine Mitglieder, an die eingeladen werden kann.",
                s.gremium.daten.name
            ),
        ));
    }
    let buero = store.buero()?;
    let eintraege: Vec<Eintrag> = s
        .tops
        .iter()
        .map(|t| Eintrag {
            teil: t.teil,
            nummer: t.nummer.clone(),
            titel: t.titel.clone(),
            vorlage: t.vorlage.as_ref().and_then(|v| v.nummer.clone()),
            seite: None,
        })
        .collect();
    let datum = s
        .eingeladen_am
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or(jetzt);
    let titel = format!(
        "Einladung zur {}. Sitzung {}",
        s.nummer,
        crate::domain::gremium::genitiv(&s.gremium.daten.name)
    );
    s.mitglieder
        .iter()
        .map(|m| {
            let roh =
                tagesordnung::einladung(&s, &buero, &eintraege, Empfaenger::Mitglied(m), datum)?;
            let bytes = crate::pdf::pdfa_fertig(
                roh,
                &crate::pdf::Metadaten {
                    titel: titel.clone(),
                    autor: buero.kommune.clone(),
                    betreff: format!("Einladung an {}", m.person.name),
                    erstellt: jetzt,
                },
            )?;
            Ok(Schreiben {
                dateiname: format!(
                    "einladung-{}-{}.pdf",
                    s.nummer,
                    dateiname_teil(&m.person.daten.sortname())
                ),
                fuer: m.person.name.clone(),
                bytes,
            })
        })
        .collect()
}

/// The resolution text of each TOP (see `pdf::niederschrift::Beschluss`).
fn beschluesse<'a>(
    store: &Store,
    s: &'a SitzungAkte,
    nur_oeffentlich: bool,
) -> Result<Vec<crate::pdf::niederschrift::Beschluss<'a>>, ApiFehler> {
    use crate::pdf::niederschrift::Beschluss;
    s.tops
        .iter()
        .filter(|t| !nur_oeffentlich || t.teil == Teil::Oeffentlich)
        .map(|t| {
            let vorschlag = match &t.vorlage {
                Some(v) => Some(store.vorlage(v.id)?.inhalt.beschlussvorschlag),
                None => None,
            };
            Ok(Beschluss::neu(t, vorschlag.as_deref()))
        })
        .collect()
}

/// The Niederschrift (§ 52 GO NRW) as PDF/A; the public one holds only the öffentlicher Teil.
pub fn sitzung_niederschrift(
    store: &Store,
    sitzung: i64,
    variante: PaketVariante,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, ApiFehler> {
    let s = store.sitzung(SitzungId(sitzung))?;
    let buero = store.buero()?;
    let b = beschluesse(store, &s, variante == PaketVariante::Oeffentlich)?;
    Ok(crate::pdf::niederschrift::niederschrift(
        &s, &buero, &b, jetzt,
    )?)
}

/// One Beschlussauszug per TOP with a recorded result.
pub fn sitzung_beschlussauszuege(
    store: &Store,
    sitzung: i64,
    jetzt: NaiveDateTime,
) -> Result<Vec<Schreiben>, ApiFehler> {
    let s = store.sitzung(SitzungId(sitzung))?;
    if s.ende.is_none() {
        return Err(crate::pdf::PdfFehler::NichtAbgeschlossen.into());
    }
    let buero = store.buero()?;
    let alle = beschluesse(store, &s, false)?;
    let mit: Vec<_> = alle.iter().filter(|b| b.top.ergebnis.is_some()).collect();
    if mit.is_empty() {
        return Err(ApiFehler::feld(
            "ergebnis",
            "Für keinen TOP ist ein Ergebnis eingetragen; es gibt keine Beschlussauszüge.",
        ));
    }
    mit.into_iter()
        .map(|b| {
            Ok(Schreiben {
                dateiname: format!(
                    "beschlussauszug-{}-{}.pdf",
                    s.nummer,
                    dateiname_teil(&b.top.nummer)
                ),
                fuer: b.top.nummer.clone(),
                bytes: crate::pdf::niederschrift::beschlussauszug(&s, &buero, b, jetzt)?,
            })
        })
        .collect()
}

/// Writes a series of documents into `ordner` (created if missing); each file whole or
/// not at all. Returns the paths written.
pub fn schreiben_ablegen(
    ordner: &std::path::Path,
    schreiben: &[Schreiben],
) -> Result<Vec<std::path::PathBuf>, ApiFehler> {
    std::fs::create_dir_all(ordner).map_err(|e| {
        ApiFehler::neu(
            "datei",
            format!(
                "Der Ordner „{}“ kann nicht angelegt werden: {}",
                ordner.display(),
                crate::domain::io_text::io_text(&e)
            ),
        )
    })?;
    schreiben
        .iter()
        .map(|s| {
            let ziel = ordner.join(&s.dateiname);
            super::datei_schreiben(&ziel, &s.bytes)?;
            Ok(ziel)
        })
        .collect()
}

pub use crate::pdf::sitzungspaket::Fortschritt;

/// The `.ics` calendar of a Gremium's Sitzungen (öffentliche TOPs only).
pub fn sitzungen_ics(
    store: &Store,
    gremium: i64,
    jetzt: NaiveDateTime,
) -> Result<String, ApiFehler> {
    let g = store.gremium(GremiumId(gremium))?;
    let s = store.sitzungen(GremiumId(gremium))?;
    let kommune = store.buero()?.kommune;
    Ok(crate::export::ics::kalender(&g, &s, &kommune, jetzt))
}

/// Which packet: for press and public (only the öffentlicher Teil and öffentliche
/// Anlagen), or for the members (complete).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaketVariante {
    Oeffentlich,
    Mitglieder,
}

impl std::str::FromStr for PaketVariante {
    type Err = ApiFehler;
    fn from_str(s: &str) -> Result<Self, ApiFehler> {
        match s.trim() {
            "oeffentlich" => Ok(PaketVariante::Oeffentlich),
            "mitglieder" => Ok(PaketVariante::Mitglieder),
            _ => Err(ApiFehler::feld(
                "variante",
                format!("--variante: unbekannter Wert „{s}“ (erlaubt: oeffentlich, mitglieder)."),
            )),
        }
    }
}

/// The session packet as one PDF: Einladung and Tagesordnung with page numbers, then for
/// each TOP its Vorlage and the Vorlage's PDF Anlagen; outline and continuous page
/// numbers. The public variant leaves out the nichtöffentlicher Teil entirely (not even
/// its TOP titles) and every nichtöffentliche Anlage. An Anlage stored as PDF that cannot
/// be read stops the packet with a message naming the Vorlage and the Anlage.
pub fn sitzung_paket(
    store: &Store,
    sitzung: i64,
    variante: PaketVariante,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, ApiFehler> {
    sitzung_paket_mit(store, sitzung, variante, jetzt, &mut |_| true)
}

/// As `sitzung_paket`, reporting each step to `melden`; when `melden` returns `false` the
/// packet is abandoned (code `abgebrochen`) and nothing is returned. Loads the packet
/// value (the Vorlagen on the variant's TOPs and their PDF Anlagen); the layout is
/// [`crate::pdf::sitzungspaket`].
pub fn sitzung_paket_mit(
    store: &Store,
    sitzung: i64,
    variante: PaketVariante,
    jetzt: NaiveDateTime,
    melden: &mut dyn FnMut(Fortschritt) -> bool,
) -> Result<Vec<u8>, ApiFehler> {
    use crate::pdf::sitzungspaket::{self, Sitzungspaket};
    let s = store.sitzung(SitzungId(sitzung))?;
    let mitglieder = variante == PaketVariante::Mitglieder;
    let mut vorlagen = std::collections::BTreeMap::new();
    let mut anlagen = std::collections::BTreeMap::new();
    for v in sitzungspaket::tops(&s, mitglieder).filter_map(|t| t.vorlage.as_ref()) {
        let akte = store.vorlage(v.id)?;
        // Only the bytes the variant prints (the layout filters again).
        let akte = if mitglieder {
            akte
        } else {
            akte.oeffentliche_fassung()
        };
        for a in akte.anlagen.iter().filter(|a| a.mime == "application/pdf") {
            anlagen.insert(a.id, store.anlage_daten(a.id)?.1);
        }
        vorlagen.insert(v.id, akte);
    }
    let paket = Sitzungspaket {
        buero: store.buero()?,
        sitzung: s,
        mitglieder,
        vorlagen,
        anlagen,
        jetzt,
    };
    Ok(sitzungspaket::sitzungspaket(paket, melden)?)
}

/// The file name of a Sitzung document: `Sitzungspaket_IR_3_mitglieder.pdf`,
/// `Niederschrift_IR_3.pdf` (`was` is the document's word, `zusatz` an optional suffix).
pub fn sitzung_dateiname(
    store: &Store,
    sitzung: i64,
    was: &str,
    zusatz: Option<&str>,
) -> Result<String, ApiFehler> {
    let s = store.sitzung(SitzungId(sitzung))?;
    let kurz = if s.gremium.daten.kurzname.is_empty() {
        &s.gremium.daten.name
    } else {
        &s.gremium.daten.kurzname
    };
    let kurz: String = kurz
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let mut name = format!("{was}_{kurz}_{}", s.nummer);
    if let Some(z) = zusatz {
        name.push('_');
        name.push_str(z);
    }
    Ok(format!("{name}.pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beginn_as_typed_in_the_app_and_on_the_cli() {
        let erwartet = chrono::NaiveDate::from_ymd_opt(2026, 12, 16)
            .unwrap()
            .and_hms_opt(17, 0, 0)
            .unwrap();
        assert_eq!(beginn_lesen("16.12.2026 17:00").unwrap(), erwartet);
        assert_eq!(beginn_lesen("2026-12-16T17:00").unwrap(), erwartet);
        assert_eq!(beginn_lesen("2026-12-16T17:00:00").unwrap(), erwartet);
        let e = beginn_lesen("31.02.2026 17:00").unwrap_err();
        assert_eq!(
            e.message,
            "Beginn: Datum 31.02.2026 ungültig (diesen Tag gibt es nicht)."
        );
        assert_eq!(e.befunde[0].feld, "beginn");
        assert_eq!(
            beginn_lesen("31.0").unwrap_err().message,
            "Beginn: „31.0“ ist kein Datum (TT.MM.JJJJ)."
        );
        assert_eq!(
            beginn_lesen("16.12.2026 25:00").unwrap_err().befunde[0].feld,
            "beginn_zeit"
        );
        assert_eq!(
            beginn_lesen("16.12.2026").unwrap_err().message,
            "Beginn: Uhrzeit fehlt (HH:MM)."
        );
    }
}

/// Which document of a Sitzung is signed (the reason the signature gives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SitzungsDokument {
    Paket,
    Niederschrift,
}

/// Signs the finished packet or Niederschrift `pdf` of `sitzung` — the one on screen, as
/// it is — with the certificate `p12` (PAdES, a field without area: a packet has no
/// signature block of its own). A PDF that is signed already is refused (a second
/// signature written this way would break the first).
pub fn sitzung_pdf_signieren(
    store: &Store,
    sitzung: i64,
    dokument: SitzungsDokument,
    pdf: &[u8],
    p12: &[u8],
    kennwort: &str,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, ApiFehler> {
    let zertifikat = crate::pdf::zertifikat_laden(p12, kennwort, jetzt)?;
    if crate::pdf::ist_signiert(pdf) {
        return Err(ApiFehler::neu(
            "schon_signiert",
            "Dieses PDF ist schon signiert. Für eine neue Signatur das PDF neu erstellen.",
        ));
    }
    let s = store.sitzung(SitzungId(sitzung))?;
    let sitzung = format!(
        "{}. Sitzung {} am {}",
        s.nummer,
        crate::domain::gremium::genitiv(&s.gremium.daten.name),
        crate::domain::datum::deutsch(s.beginn.date())
    );
    let grund = match dokument {
        SitzungsDokument::Paket => format!("Sitzungspaket der {sitzung}"),
        SitzungsDokument::Niederschrift => format!("Niederschrift über die {sitzung}"),
    };
    Ok(crate::pdf::signieren(
        pdf,
        &zertifikat,
        crate::pdf::Feld::unsichtbar(),
        &grund,
        jetzt,
    )?)
}
