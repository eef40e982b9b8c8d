//! Elections as the CLI and the app use them: apportionment and the one-person ballot
//! from counts typed by hand ("Liste A=12"), with German messages for every bad input.

use super::ApiFehler;
use crate::domain::wahl::{self, Einzelstimmen, Gruppe, Verfahren, Wahlgang};
use serde_json::{json, Map, Value};

/// Reads a count: a whole number ≥ 0 ("--nein", "Liste A").
pub fn anzahl_lesen(feld: &str, text: &str) -> Result<u64, ApiFehler> {
    let t = text.trim();
    if let Ok(n) = t.parse::<i64>() {
        if n < 0 {
            return Err(ApiFehler::feld(feld, format!("{feld}: {n} ist negativ; Stimmen und Sitze zählen ab 0.")));
        }
    }
    t.parse::<u64>().map_err(|_| {
        ApiFehler::feld(feld, format!("{feld}: „{t}“ ist keine ganze Zahl."))
    })
}

/// Reads "NAME=ZAHL" pairs (the name may itself hold "=": the last one separates).
pub fn paare_lesen(paare: &[String]) -> Result<Vec<(String, u64)>, ApiFehler> {
    let mut aus: Vec<(String, u64)> = Vec::with_capacity(paare.len());
    for p in paare {
        let (name, zahl) = p.rsplit_once('=').ok_or_else(|| {
            ApiFehler::feld("gruppen", format!("„{p}“: erwartet NAME=ZAHL, z. B. „Liste Vielfalt=12“."))
        })?;
        let name = name.trim();
        if name.is_empty() {
            return Err(ApiFehler::feld("gruppen", format!("„{p}“: Der Name fehlt.")));
        }
        if aus.iter().any(|(n, _)| n == name) {
            return Err(ApiFehler::feld("gruppen", format!("„{name}“ ist doppelt angegeben.")));
        }
        aus.push((name.to_string(), anzahl_lesen(name, zahl)?));
    }
    Ok(aus)
}

fn fehler(e: impl std::fmt::Display) -> ApiFehler {
    ApiFehler::neu("ungueltig", e.to_string())
}

/// The apportionment as the CLI prints it.
pub fn sitzverteilung_json(verfahren: &str, sitze: &str, paare: &[String]) -> Result<Value, ApiFehler> {
    let verfahren: Verfahren = super::wert_lesen("--verfahren", verfahren)?;
    let sitze = anzahl_lesen("--sitze", sitze)?;
    let sitze = u32::try_from(sitze).map_err(|_| ApiFehler::feld("sitze", format!("--sitze: {sitze} Sitze sind zu viele.")))?;
    let gruppen: Vec<Gruppe> = paare_lesen(paare)?
        .into_iter()
        .map(|(name, stimmen)| Gruppe { name, stimmen })
        .collect();
    let v = wahl::verteilen(verfahren, sitze, &gruppen).map_err(fehler)?;
    Ok(verteilung_json(&v))
}

pub fn verteilung_json(v: &wahl::Sitzverteilung) -> Value {
    let verteilung: Map<String, Value> = v.verteilung.iter().map(|(n, s)| (n.clone(), json!(s))).collect();
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
    let gang = if engere { Wahlgang::Engere } else { Wahlgang::Erster };
    let e = wahl::einzelwahl(gang, &stimmen).map_err(fehler)?;
    Ok(serde_json::to_value(&e).expect("Ergebnis als JSON"))
}
