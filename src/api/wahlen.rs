//! Elections as the CLI and the app use them: apportionment and the one-person ballot
//! from counts typed by hand ("Liste A=12"), with German messages for every bad input.

use super::ApiFehler;
use crate::domain::wahl::{
    self, Einzelstimmen, Gruppe, Schritt, Verfahren, WahlArt, Wahlgang, Zaehlung,
};
use crate::domain::{gremium, WahlAkte, WahlNeu};
use crate::domain::{PersonId, VorlageId};
use crate::store::Store;
use chrono::NaiveDateTime;
use serde_json::{json, Map, Value};

/// Reads a count: a whole number ≥ 0 ("--nein", "Liste A").
pub fn anzahl_lesen(feld: &str, text: &str) -> Result<u64, ApiFehler> {
    let t = text.trim();
    if let Ok(n) = t.parse::<i64>() {
        if n < 0 {
            return Err(ApiFehler::feld(
                feld,
                format!("{feld}: {n} ist negativ; Stimmen und Sitze zählen ab 0."),
            ));
        }
    }
    t.parse::<u64>()
        .map_err(|_| ApiFehler::feld(feld, format!("{feld}: „{t}“ ist keine ganze Zahl.")))
}

/// Reads "NAME=ZAHL" pairs (the name may itself hold "=": the last one separates).
pub fn paare_lesen(paare: &[String]) -> Result<Vec<(String, u64)>, ApiFehler> {
    let mut aus: Vec<(String, u64)> = Vec::with_capacity(paare.len());
    for p in paare {
        let (name, zahl) = p.rsplit_once('=').ok_or_else(|| {
            ApiFehler::feld(
                "gruppen",
                format!("„{p}“: erwartet NAME=ZAHL, z. B. „Liste Vielfalt=12“."),
            )
        })?;
        let name = name.trim();
        if name.is_empty() {
            return Err(ApiFehler::feld(
                "gruppen",
                format!("„{p}“: Der Name fehlt."),
            ));
        }
        if aus.iter().any(|(n, _)| n == name) {
            return Err(ApiFehler::feld(
                "gruppen",
                format!("„{name}“ ist doppelt angegeben."),
            ));
        }
        aus.push((name.to_string(), anzahl_lesen(name, zahl)?));
    }
    Ok(aus)
}

fn fehler(e: impl std::fmt::Display) -> ApiFehler {
    ApiFehler::neu("ungueltig", e.to_string())
}

/// The apportionment as the CLI prints it.
pub fn sitzverteilung_json(
    verfahren: &str,
    sitze: &str,
    paare: &[String],
) -> Result<Value, ApiFehler> {
    let verfahren: Verfahren = super::wert_lesen("--verfahren", verfahren)?;
    let sitze = anzahl_lesen("--sitze", sitze)?;
    let sitze = u32::try_from(sitze)
        .map_err(|_| ApiFehler::feld("sitze", format!("--sitze: {sitze} Sitze sind zu viele.")))?;
    let gruppen: Vec<Gruppe> = paare_lesen(paare)?
        .into_iter()
        .map(|(name, stimmen)| Gruppe { name, stimmen })
        .collect();
    let v = wahl::verteilen(verfahren, sitze, &gruppen).map_err(fehler)?;
    Ok(verteilung_json(&v))
}

pub fn verteilung_json(v: &wahl::Sitzverteilung) -> Value {
    let verteilung: Map<String, Value> = v
        .verteilung
        .iter()
        .map(|(n, s)| (n.clone(), json!(s)))
        .collect();
    json!({
        "verfahren": v.verfahren.key(),
        "sitze": v.sitze,
        "verteilung": verteilung,
        "los": v.los.as_ref().map(|p| json!({"gruppen": p.gruppen, "sitze": p.sitze, "wert": p.wert, "exakt": p.wert.to_string()})),
        "reihenfolge": v.reihenfolge.iter().map(|z| json!({"gruppe": z.gruppe, "wert": z.wert})).collect::<Vec<_>>(),
    })
}

/// One ballot of the election of one person, as the CLI prints it.
pub fn einzelwahl_json(
    paare: &[String],
    nein: &str,
    enthaltungen: &str,
    ungueltig: &str,
    engere: bool,
) -> Result<Value, ApiFehler> {
    let stimmen = Einzelstimmen {
        kandidaten: paare_lesen(paare)?,
        nein: anzahl_lesen("--nein", nein)?,
        enthaltungen: anzahl_lesen("--enthaltungen", enthaltungen)?,
        ungueltig: anzahl_lesen("--ungueltig", ungueltig)?,
    };
    let gang = if engere {
        Wahlgang::Engere
    } else {
        Wahlgang::Erster
    };
    let e = wahl::einzelwahl(gang, &stimmen).map_err(fehler)?;
    Ok(serde_json::to_value(&e).expect("Ergebnis als JSON"))
}

pub fn wahl_anlegen(
    store: &mut Store,
    neu: &WahlNeu,
    jetzt: NaiveDateTime,
) -> Result<WahlAkte, ApiFehler> {
    Ok(store.wahl_anlegen(neu, jetzt)?)
}

pub fn wahl_lesen(store: &Store, id: i64) -> Result<WahlAkte, ApiFehler> {
    Ok(store.wahl(id)?)
}

pub fn wahlen(store: &Store, sitzung: i64) -> Result<Vec<WahlAkte>, ApiFehler> {
    Ok(store.wahlen(crate::domain::SitzungId(sitzung))?)
}

/// Every change the app makes to a Wahl names the version it saw.
fn wahl_basis(store: &Store, wahl: i64, basis: Option<i64>) -> Result<(), ApiFehler> {
    if let Some(b) = basis {
        let aktuell = store.wahl(wahl)?.version;
        if aktuell != b {
            return Err(ApiFehler::neu("konflikt", format!("Die Wahl wurde inzwischen an anderer Stelle geändert (jetzt Version {aktuell}, Ihre Eingabe beruht auf Version {b}). Nichts wurde überschrieben; die Wahl wird neu geladen.")));
        }
    }
    Ok(())
}

pub fn wahlvorschlag_anlegen(
    store: &mut Store,
    wahl: i64,
    name: &str,
    eingereicht_von: &str,
    kandidaten: &[i64],
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<WahlAkte, ApiFehler> {
    wahl_basis(store, wahl, basis)?;
    let k: Vec<PersonId> = kandidaten.iter().map(|&p| PersonId(p)).collect();
    Ok(store.wahlvorschlag_anlegen(wahl, name, eingereicht_von, &k, jetzt)?)
}

/// "Umbenennen": a new Bezeichnung for the Wahl.
pub fn wahl_umbenennen(
    store: &mut Store,
    wahl: i64,
    titel: &str,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<WahlAkte, ApiFehler> {
    wahl_basis(store, wahl, basis)?;
    Ok(store.wahl_umbenennen(wahl, titel, jetzt)?)
}

pub fn kandidat_anlegen(
    store: &mut Store,
    wahl: i64,
    person: i64,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<WahlAkte, ApiFehler> {
    wahl_basis(store, wahl, basis)?;
    Ok(store.kandidat_anlegen(wahl, PersonId(person), jetzt)?)
}

pub fn wahlgang_erfassen(
    store: &mut Store,
    wahl: i64,
    z: &Zaehlung,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<WahlAkte, ApiFehler> {
    wahl_basis(store, wahl, basis)?;
    Ok(store.wahlgang_erfassen(wahl, z, jetzt)?)
}

/// The ballot the Wahl waits for, counted: `stimmen` as "NAME=ZAHL" pairs (CLI).
pub fn wahlgang_aus_text(
    store: &Store,
    wahl: i64,
    abgegeben: &str,
    ungueltig: &str,
    enthaltungen: &str,
    nein: &str,
    stimmen: &[String],
) -> Result<Zaehlung, ApiFehler> {
    let akte = store.wahl(wahl)?;
    let gang = match akte.stand.schritt {
        Schritt::Zaehlung { gang, .. } => gang,
        _ => Wahlgang::Erster,
    };
    Ok(Zaehlung {
        gang,
        abgegeben: anzahl_lesen("--abgegeben", abgegeben)?,
        ungueltig: anzahl_lesen("--ungueltig", ungueltig)?,
        enthaltungen: anzahl_lesen("--enthaltungen", enthaltungen)?,
        nein: anzahl_lesen("--nein", nein)?,
        stimmen: paare_lesen(stimmen)?,
    })
}

pub fn los_erfassen(
    store: &mut Store,
    wahl: i64,
    gezogen_von: &str,
    ergebnis: Option<Vec<String>>,
    seed: Option<u64>,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<WahlAkte, ApiFehler> {
    wahl_basis(store, wahl, basis)?;
    Ok(store.los_erfassen(wahl, gezogen_von, ergebnis, seed, jetzt)?)
}

/// The resolution text filled from the result: "Der Integrationsrat entsendet folgende
/// Mitglieder in die AG …: 1. … 2. …". Refused while the Wahl is not decided.
pub fn wahl_beschlusstext(akte: &WahlAkte) -> Result<String, ApiFehler> {
    if akte.stand.schritt != Schritt::Fertig {
        return Err(ApiFehler::neu("wahl_offen", "Die Wahl ist noch nicht entschieden; der Beschlusstext kann noch nicht gefüllt werden."));
    }
    if akte.stand.gewaehlt.is_empty() {
        return Err(ApiFehler::neu(
            "wahl_offen",
            "Bei dieser Wahl ist niemand gewählt.",
        ));
    }
    let liste = akte.stand.gewaehlte_liste("persönliche Stellvertretung");
    let wer = gremium::nominativ(&akte.gremium);
    let kopf = match &akte.ziel {
        Some(z) if akte.stand.gewaehlt.len() == 1 => {
            format!(
                "{wer} entsendet folgendes Mitglied {}:",
                gremium::in_akkusativ(z)
            )
        }
        Some(z) => format!(
            "{wer} entsendet folgende Mitglieder {}:",
            gremium::in_akkusativ(z)
        ),
        None => format!("{wer} wählt ({}):", akte.daten.titel),
    };
    Ok(format!("{kopf}\n{}", liste.join("\n")))
}

/// Writes the resolution text into the Beschlussvorschlag of Vorlage `vorlage` (a draft).
/// Where "Übernehmen" put the Wahl's result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WahlUebernommen {
    /// `beschlussvorschlag` (a draft) or `beschlussvermerk` (a released Vorlage: its
    /// frozen Beschlussvorschlag stays, the decision goes to its TOP in the Wahl's Sitzung).
    pub wohin: &'static str,
    /// The TOP ("Ö 3") that holds the Beschlussvermerk.
    pub top: Option<String>,
    pub text: String,
}

/// "Übernehmen": the Wahl's result as the resolution text of Vorlage `vorlage`. A draft
/// gets it as its Beschlussvorschlag; a released Vorlage keeps its Beschlussvorschlag (it
/// is frozen) and gets the decision as its Beschlussvermerk, through the TOP that treats
/// it in the Wahl's Sitzung (recorded "beschlossen" with the text).
pub fn wahl_in_vorlage(
    store: &mut Store,
    wahl: i64,
    vorlage: i64,
    jetzt: NaiveDateTime,
) -> Result<WahlUebernommen, ApiFehler> {
    let w = store.wahl(wahl)?;
    let text = wahl_beschlusstext(&w)?;
    let akte = store.vorlage(VorlageId(vorlage))?;
    if akte.nummer.is_none() {
        let mut inhalt = akte.inhalt.clone();
        inhalt.beschlussvorschlag = text.clone();
        store.vorlage_speichern(VorlageId(vorlage), akte.version, &inhalt, jetzt)?;
        return Ok(WahlUebernommen {
            wohin: "beschlussvorschlag",
            top: None,
            text,
        });
    }
    let sitzung = store.sitzung(w.daten.sitzung)?;
    let nummer = akte.nummer.clone().unwrap_or_default();
    let top = sitzung
        .tops
        .iter()
        .find(|t| t.vorlage.as_ref().is_some_and(|v| v.id == VorlageId(vorlage)))
        .ok_or_else(|| {
            ApiFehler::feld(
                "vorlage",
                format!(
                    "Die Vorlage {nummer} steht nicht auf der Tagesordnung der Sitzung dieser Wahl: ihr Beschlussvermerk entsteht beim TOP, der sie berät. Setzen Sie sie dort auf die Tagesordnung oder wählen Sie einen Entwurf."
                ),
            )
        })?;
    let top_nummer = top.nummer.clone();
    store.top_ergebnis(
        top.id,
        crate::domain::sitzung::TopErgebnis::Beschlossen,
        &text,
        jetzt,
    )?;
    Ok(WahlUebernommen {
        wohin: "beschlussvermerk",
        top: Some(top_nummer),
        text,
    })
}

/// For an Einheitliche Wahl the CLI/app names the joint list "Einheitlicher Wahlvorschlag".
pub fn art_lesen(text: &str) -> Result<WahlArt, ApiFehler> {
    super::wert_lesen("--art", text)
}

/// The Stimmzettel of the ballot that is due (PDF/A).
pub fn wahl_stimmzettel(
    store: &Store,
    wahl: i64,
    kopien: u32,
    je_blatt: u32,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, ApiFehler> {
    let akte = store.wahl(wahl)?;
    Ok(crate::pdf::wahl::stimmzettel(
        &akte, kopien, je_blatt, jetzt,
    )?)
}

/// The Wahlniederschrift (PDF/A).
pub fn wahl_niederschrift(
    store: &Store,
    wahl: i64,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, ApiFehler> {
    let akte = store.wahl(wahl)?;
    let sitzung = store.sitzung(akte.daten.sitzung)?;
    let buero = store.buero()?;
    Ok(crate::pdf::wahl::wahlniederschrift(
        &akte, &sitzung, &buero, jetzt,
    )?)
}
