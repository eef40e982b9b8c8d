//! *Ratsinformationssystem*: the town's RIS read in through OParl ([`crate::ris`]), and
//! what the office does with it — search it, list its Sitzungen for a Beratungsfolge
//! ("Rat der Stadt, Sitzung am 06.05.2014"), open a paper's files. Everything from the RIS
//! is read-only here.

use super::ApiFehler;
use crate::domain::Gremium;
use crate::ris::abruf::Fristen;
use crate::ris::import::{self, Bericht, Fortschritt};
use crate::ris::RisFehler;
use crate::store::{RisDatei, RisEintrag, Store};
use chrono::NaiveDateTime;
use serde::Serialize;

impl From<RisFehler> for ApiFehler {
    fn from(e: RisFehler) -> Self {
        match e {
            RisFehler::Store(s) => s.into(),
            RisFehler::Adresse { .. } => ApiFehler::feld("url", e.to_string()),
            e => ApiFehler::neu(e.code(), e.to_string()),
        }
    }
}

/// Reads the OParl endpoint `url` into the office (again: only what changed since the
/// last import). `melden` hears of each page; `false` stops the import (it resumes next
/// time). Then the results of later Beratungen of the office's Vorlagen (HFA, Rat) are
/// taken over from what was read (domain::beratung_abgleich).
pub fn oparl_import(
    store: &mut Store,
    url: &str,
    jetzt: NaiveDateTime,
    melden: &mut dyn FnMut(Fortschritt) -> bool,
) -> Result<Bericht, ApiFehler> {
    let mut bericht = import::importieren(store, url, jetzt, Fristen::STANDARD, melden)?;
    bericht.beratungen_uebernommen = store.ris_beratungen_uebernehmen(jetzt)?;
    Ok(bericht)
}

/// Papers, Meetings and Organizations of the RIS that hold every word of `text`.
pub fn ris_suche(store: &Store, text: &str) -> Result<Vec<RisEintrag>, ApiFehler> {
    Ok(store.ris_suche(text, 200)?)
}

/// A Sitzung of the RIS as a Beratungsfolge offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RisSitzung {
    pub url: String,
    /// The Gremium's name as the office knows it (the RIS Organization's Gremium).
    pub gremium: String,
    /// `TT.MM.JJJJ`.
    pub datum: String,
    /// "Rat der Stadt, Sitzung am 06.05.2014".
    pub anzeige: String,
}

/// A RIS Meeting as the office names it: its Organization's Gremium and its day.
fn sitzung(m: RisEintrag, gremien: &[Gremium]) -> RisSitzung {
    let gremium = gremien
        .iter()
        .find(|g| g.ris.as_deref() == Some(m.eltern.as_str()))
        .map(|g| g.daten.name.clone())
        .unwrap_or_else(|| m.name.clone());
    let datum = chrono::NaiveDate::parse_from_str(&m.datum, "%Y-%m-%d")
        .map(crate::domain::datum::deutsch)
        .unwrap_or_else(|_| m.datum.clone());
    RisSitzung {
        anzeige: format!("{gremium}, Sitzung am {datum}"),
        url: m.url,
        gremium,
        datum,
    }
}

/// The Sitzungen of the RIS, newest first, for the Beratungsfolge's choice.
pub fn ris_sitzungen(store: &Store) -> Result<Vec<RisSitzung>, ApiFehler> {
    let gremien = store.gremien()?;
    Ok(store
        .ris_objekte("Meeting")?
        .into_iter()
        .filter(|m| !m.datum.is_empty())
        .map(|m| sitzung(m, &gremien))
        .collect())
}

/// A part of a RIS object: an agenda item ("Ö 1 Haushalt") or a consultation
/// ("Entscheidung – Rat der Stadt, Sitzung am 06.05.2014").
#[derive(Debug, Clone, Serialize)]
pub struct RisKind {
    #[serde(flatten)]
    pub eintrag: RisEintrag,
    pub anzeige: String,
    /// An agenda item's files: its decision (`resolutionFile`) and Anlagen.
    pub dateien: Vec<RisDatei>,
}

/// An object of the RIS with what belongs to it: agenda items or consultations, files.
#[derive(Debug, Clone, Serialize)]
pub struct RisAkte {
    pub eintrag: RisEintrag,
    pub kinder: Vec<RisKind>,
    pub dateien: Vec<RisDatei>,
}

pub fn ris_akte(store: &Store, url: &str) -> Result<RisAkte, ApiFehler> {
    let eintrag = store
        .ris_suche_url(url)?
        .ok_or_else(|| ApiFehler::neu("nicht_gefunden", format!("„{url}“ ist nicht im Büro.")))?;
    let gremien = store.gremien()?;
    let kinder = store
        .ris_kinder(url)?
        .into_iter()
        .map(|k| {
            let anzeige = if k.typ == "Consultation" {
                // A consultation names its meeting's URL (kept in `nummer`).
                let tagung = store
                    .ris_suche_url(&k.nummer)?
                    .filter(|m| m.typ == "Meeting")
                    .map(|m| sitzung(m, &gremien).anzeige);
                [Some(k.name.clone()).filter(|n| !n.is_empty()), tagung]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" – ")
            } else {
                [k.nummer.as_str(), k.name.as_str()]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            Ok(RisKind {
                dateien: store.ris_dateien(&k.url)?,
                eintrag: k,
                anzeige,
            })
        })
        .collect::<Result<_, ApiFehler>>()?;
    Ok(RisAkte {
        kinder,
        dateien: store.ris_dateien(url)?,
        eintrag,
    })
}

/// Objects of one type (`Paper`, `Meeting`, `Organization`, `Person`).
pub fn ris_liste(store: &Store, typ: &str) -> Result<Vec<RisEintrag>, ApiFehler> {
    Ok(store.ris_objekte(typ)?)
}

/// The OParl endpoints the office has imported from (the last one first).
pub fn ris_quellen(store: &Store) -> Result<Vec<crate::store::RisQuelle>, ApiFehler> {
    Ok(store.ris_quellen()?)
}

/// A file of the RIS: its name and bytes.
pub fn ris_datei(store: &Store, url: &str) -> Result<(String, Vec<u8>), ApiFehler> {
    let daten = store.ris_datei_daten(url)?;
    let name = store
        .ris_datei_info(url)?
        .map(|d| d.name)
        .unwrap_or_else(|| "datei".into());
    Ok((name, daten))
}
