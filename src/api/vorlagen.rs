//! Actions on Vorlagen and Anlagen, and the office settings.

use super::ApiFehler;
use crate::domain::befund::Befund;
use crate::domain::finanzen::FinanzSummen;
use crate::domain::pruefung::{self, AnlageKurz};
use crate::domain::{import, AnlageId, Buero, Status, VorlageArt, VorlageId, VorlageInhalt};
use crate::domain::{AnlageInfo, AnlageNeu, VorlageAkte};
use crate::store::{Gespeichert, Store, VorlageZeile, VorlagenFilter};
use base64::Engine;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

pub fn buero_lesen(store: &Store) -> Result<Buero, ApiFehler> {
    Ok(store.buero()?)
}

/// Saves the office's settings; the process's clock follows their time zone.
pub fn buero_speichern(store: &mut Store, buero: &Buero) -> Result<Buero, ApiFehler> {
    let b = store.buero_speichern(buero)?;
    crate::domain::zeitzone::festlegen(b.zone());
    Ok(b)
}

pub fn vorlage_liste(
    store: &Store,
    filter: &VorlagenFilter,
) -> Result<Vec<VorlageZeile>, ApiFehler> {
    Ok(store.vorlagen(filter)?)
}

pub fn vorlage_lesen(store: &Store, id: i64) -> Result<VorlageAkte, ApiFehler> {
    Ok(store.vorlage(VorlageId(id))?)
}

/// A new, empty draft of the given Art.
pub fn vorlage_neu(
    store: &mut Store,
    art: VorlageArt,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    Ok(store.vorlage_anlegen(
        &VorlageInhalt {
            art,
            ..Default::default()
        },
        jetzt,
    )?)
}

/// The findings and sums for content being edited, without saving it (live checks).
#[derive(Debug, Clone, Serialize)]
pub struct Pruefergebnis {
    pub befunde: Vec<Befund>,
    pub summen: FinanzSummen,
}

pub fn vorlage_pruefen(
    store: &Store,
    id: Option<i64>,
    inhalt: &VorlageInhalt,
) -> Result<Pruefergebnis, ApiFehler> {
    let anlagen: Vec<AnlageKurz> = match id {
        // Only the Anlagen: reading the whole record would check its stored content too.
        Some(id) => store
            .anlagen(VorlageId(id))?
            .into_iter()
            .map(|a| AnlageKurz {
                name: a.name,
                alternativenpruefung: a.alternativenpruefung,
            })
            .collect(),
        None => Vec::new(),
    };
    let (fin, befunde) = pruefung::pruefen(&inhalt.normalisiert(), &anlagen);
    Ok(Pruefergebnis {
        befunde,
        summen: fin.summen(),
    })
}

pub fn vorlage_speichern(
    store: &mut Store,
    id: i64,
    basis: i64,
    inhalt: &VorlageInhalt,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    Ok(store.vorlage_speichern(VorlageId(id), basis, inhalt, jetzt)?)
}

/// "Freigeben": a paper released already (the second click of a double click, or another
/// window) is answered with its released state, not released twice nor refused.
pub fn vorlage_freigeben(
    store: &mut Store,
    id: i64,
    basis: i64,
    jetzt: NaiveDateTime,
) -> Result<VorlageAkte, ApiFehler> {
    let akte = store.vorlage(VorlageId(id))?;
    if akte.zustand == crate::domain::Zustand::Freigegeben {
        return Ok(akte);
    }
    store.vorlage_freigeben(VorlageId(id), basis, jetzt)?;
    Ok(store.vorlage(VorlageId(id))?)
}

pub fn vorlage_neue_fassung(
    store: &mut Store,
    id: i64,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    Ok(store.vorlage_neue_fassung(VorlageId(id), jetzt)?)
}

/// "Als Kopie anlegen": a new draft with the content of Vorlage `id` (also a released
/// one). The Beratungsfolge keeps its Gremien and roles; dates and results belong to the
/// original's Beratung and are left empty. Anlagen are not copied. Content is kept as it
/// was, also a value that is still wrong.
pub fn vorlage_kopieren(
    store: &mut Store,
    id: i64,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    let mut inhalt = store.vorlage(VorlageId(id))?.inhalt;
    for s in &mut inhalt.beratungsfolge {
        s.datum.clear();
        s.ergebnis.clear();
    }
    vorlage_mit_inhalt(store, inhalt, jetzt)
}

/// A new draft holding `inhalt` as it is (also a value that is still wrong).
pub(super) fn vorlage_mit_inhalt(
    store: &mut Store,
    inhalt: VorlageInhalt,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    let neu = store.vorlage_anlegen(
        &VorlageInhalt {
            art: inhalt.art,
            ..Default::default()
        },
        jetzt,
    )?;
    Ok(store.vorlage_speichern(neu.id, neu.version, &inhalt, jetzt)?)
}

/// What `vorlage import` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Importiert {
    pub id: VorlageId,
    pub nummer: Option<String>,
    #[serde(skip)]
    pub befunde: Vec<Befund>,
}

/// Imports a Vorlage from the import JSON as a draft. Malformed JSON, unknown keys or
/// values, wrong values and a missing Betreff are refused and nothing is written;
/// other incomplete parts are reported and stay to be finished in the app.
pub fn vorlage_importieren(
    store: &mut Store,
    json: &str,
    jetzt: NaiveDateTime,
) -> Result<Importiert, ApiFehler> {
    let inhalt = import::lesen(json)?;
    if inhalt.betreff.trim().is_empty() {
        return Err(ApiFehler::feld("betreff", "Betreff fehlt."));
    }
    let g = store.vorlage_anlegen(&inhalt, jetzt)?;
    Ok(Importiert {
        id: g.id,
        nummer: None,
        befunde: g.befunde,
    })
}

/// An Anlage as the UI sends it: the file's bytes in base64 (a FileReader data URL's
/// payload).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnlageUpload {
    pub name: String,
    pub status: Status,
    #[serde(default)]
    pub alternativenpruefung: bool,
    pub daten_base64: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnlageGespeichert {
    pub gespeichert: Gespeichert,
    pub anlage: AnlageInfo,
}

pub fn anlage_hinzufuegen(
    store: &mut Store,
    vorlage: i64,
    basis: i64,
    upload: AnlageUpload,
    jetzt: NaiveDateTime,
) -> Result<AnlageGespeichert, ApiFehler> {
    let roh = upload
        .daten_base64
        .split_once("base64,")
        .map(|(_, d)| d)
        .unwrap_or(&upload.daten_base64);
    let daten = base64::engine::general_purpose::STANDARD
        .decode(roh.trim())
        .map_err(|_| {
            ApiFehler::feld(
                "anlagen",
                format!(
                    "Anlage „{}“: Die Datei kam beschädigt an (kein Base64).",
                    upload.name
                ),
            )
        })?;
    let neu = AnlageNeu {
        name: upload.name,
        status: upload.status,
        alternativenpruefung: upload.alternativenpruefung,
        daten,
    };
    let (gespeichert, anlage) = store.anlage_hinzufuegen(VorlageId(vorlage), basis, neu, jetzt)?;
    Ok(AnlageGespeichert {
        gespeichert,
        anlage,
    })
}

/// Attaches a file read by the caller (the CLI's `vorlage anlage`) to the draft as it
/// stands now.
pub fn anlage_aus_datei(
    store: &mut Store,
    vorlage: i64,
    name: String,
    daten: Vec<u8>,
    status: Status,
    jetzt: NaiveDateTime,
) -> Result<AnlageGespeichert, ApiFehler> {
    let basis = store.vorlage(VorlageId(vorlage))?.version;
    let neu = AnlageNeu {
        name,
        status,
        alternativenpruefung: false,
        daten,
    };
    let (gespeichert, anlage) = store.anlage_hinzufuegen(VorlageId(vorlage), basis, neu, jetzt)?;
    Ok(AnlageGespeichert {
        gespeichert,
        anlage,
    })
}

pub fn anlage_aendern(
    store: &mut Store,
    vorlage: i64,
    basis: i64,
    anlage: i64,
    status: Status,
    alternativenpruefung: bool,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    Ok(store.anlage_aendern(
        VorlageId(vorlage),
        basis,
        AnlageId(anlage),
        status,
        alternativenpruefung,
        jetzt,
    )?)
}

pub fn anlage_entfernen(
    store: &mut Store,
    vorlage: i64,
    basis: i64,
    anlage: i64,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    Ok(store.anlage_entfernen(VorlageId(vorlage), basis, AnlageId(anlage), jetzt)?)
}
