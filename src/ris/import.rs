//! The walk through an OParl endpoint: System (or a Body's own URL) → Bodies → the lists
//! of Organizations, Persons, Meetings and Papers, page by page along `links.next`
//! (`elementsPerPage` is only a hint), each object stored with what it carries (a
//! Meeting's agenda items, a Paper's consultations, the files of both, fetched and checked
//! against `sha512Checksum` where the RIS gives one). Objects marked `deleted` are removed.
//! Organizations become read-only Gremien of the office.
//!
//! Lenient, as real servers require: every quirk of the big vendors that this module knows
//! (an empty `modified_since` list answered with 404 or `[]`, `/body` as one object, deleted
//! entries without `type`, `auxiliaryFile` as an object, blank and "N/A" values, dates like
//! `0000-00-00`, an `id` other than the URL fetched, 1.0 and 1.1 type URLs mixed, control
//! characters unescaped in strings, HTTP 500 on single objects) is skipped or repaired
//! with a warning in the report, never a crash. Only a list page that cannot be fetched
//! stops the import; the pages already read are kept, and the next run resumes there.

use super::abruf::{Abrufer, Fristen};
use super::json;
use super::RisFehler;
use crate::domain::sitzung::GremiumTyp;
use crate::store::{RisDatei, RisGespeichert, RisObjektNeu, Store};
use chrono::{DateTime, NaiveDateTime};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;

/// A list of the OParl endpoint in the office's words ("paper" → "Vorlagen").
fn listenname(feld: &str) -> &str {
    match feld {
        "body" => "Körperschaften",
        "organization" => "Gremien",
        "person" => "Personen",
        "meeting" => "Sitzungen",
        "paper" => "Vorlagen",
        andere => andere,
    }
}

/// Something skipped or repaired, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warnung {
    pub url: String,
    pub grund: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Bericht {
    /// The Body's name.
    pub quelle: String,
    /// The `modified_since` asked for (none at the first import).
    pub seit: Option<String>,
    pub seiten: usize,
    /// Pages taken from an earlier run that broke off.
    pub aus_zwischenspeicher: usize,
    pub gelesen: usize,
    pub neu: usize,
    pub aktualisiert: usize,
    pub unveraendert: usize,
    pub geloescht: usize,
    pub dateien: usize,
    pub uebersprungen: Vec<Warnung>,
    /// Objects whose `modified` could not be read (Bonn's `+02::00`), and the first such
    /// value: without a readable one no `modified_since` is saved.
    pub modified_unlesbar: usize,
    pub modified_beispiel: Option<String>,
    /// Whether a `modified_since` for the next run was saved.
    pub stand_gemerkt: bool,
    /// Results of later Beratungen (HFA, Rat) taken over into the office's Vorlagen
    /// (`api::oparl_import`, domain::beratung_abgleich).
    pub beratungen_uebernommen: usize,
}

impl Bericht {
    /// The report in German, one line each.
    pub fn zeilen(&self) -> Vec<String> {
        let mut z = vec![
            format!(
                "OParl-Import {}{}: {} Seiten ({} aus dem Zwischenspeicher), {} Objekte gelesen",
                self.quelle,
                self.seit
                    .as_ref()
                    .map(|s| format!(" (geändert seit {s})"))
                    .unwrap_or_default(),
                self.seiten,
                self.aus_zwischenspeicher,
                self.gelesen
            ),
            format!(
                "  neu {}, aktualisiert {}, unverändert {}, gelöscht {}, Dateien {}",
                self.neu, self.aktualisiert, self.unveraendert, self.geloescht, self.dateien
            ),
            format!(
                "  übersprungen oder repariert: {}",
                self.uebersprungen.len()
            ),
        ];
        z.extend(
            self.uebersprungen
                .iter()
                .map(|w| format!("    {}: {}", w.url, w.grund)),
        );
        if self.beratungen_uebernommen > 0 {
            z.push(format!(
                "  Ergebnisse späterer Beratungen übernommen (Beschlusskontrolle): {}",
                self.beratungen_uebernommen
            ));
        }
        if self.modified_unlesbar > 0 {
            let beispiel = self
                .modified_beispiel
                .as_deref()
                .map(|b| format!(" (z. B. „{b}“)"))
                .unwrap_or_default();
            z.push(format!(
                "  Änderungszeit (modified) nicht lesbar bei {} Objekten{beispiel}.",
                self.modified_unlesbar
            ));
            if !self.stand_gemerkt {
                z.push(
                    "  Ohne lesbare Änderungszeit merkt sich Ratsbüro keinen Stand: der nächste Import liest wieder alles."
                        .into(),
                );
            }
        }
        z
    }
}

/// A step of the import, for the progress bar.
#[derive(Debug, Clone, Serialize)]
pub struct Fortschritt {
    /// `organization`, `person`, `meeting`, `paper`.
    pub liste: String,
    pub seite: usize,
    pub gelesen: usize,
    pub dateien: usize,
}

struct Lauf<'a> {
    store: &'a mut Store,
    abrufer: Abrufer,
    quelle: i64,
    bericht: Bericht,
    jetzt: NaiveDateTime,
    melden: &'a mut dyn FnMut(Fortschritt) -> bool,
    /// The newest `modified` seen.
    stand: Option<DateTime<chrono::FixedOffset>>,
    dateien_gesehen: HashSet<String>,
}

/// The name a fetched file is stored and saved under: its `fileName`; SD.NET sends none,
/// so its `name` ("Beschluss") with the extension its `mimeType` stands for
/// ("Beschluss.pdf"), unless the name has that extension already.
fn dateiname(datei: Option<&str>, name: Option<&str>, mime: &str) -> String {
    if let Some(d) = datei.map(str::trim).filter(|d| !d.is_empty()) {
        return d.to_string();
    }
    let name = name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("Datei");
    let endung = match mime
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
        .as_str()
    {
        "application/pdf" => "pdf",
        "application/msword" => "doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "docx",
        "application/vnd.oasis.opendocument.text" => "odt",
        "application/vnd.ms-excel" => "xls",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
        "application/vnd.oasis.opendocument.spreadsheet" => "ods",
        "application/vnd.ms-powerpoint" => "ppt",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => "pptx",
        "application/rtf" | "text/rtf" => "rtf",
        "application/zip" => "zip",
        "text/plain" => "txt",
        "text/html" => "html",
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/tiff" => "tif",
        "image/gif" => "gif",
        _ => return name.to_string(),
    };
    if name
        .rsplit_once('.')
        .is_some_and(|(_, e)| e.eq_ignore_ascii_case(endung))
    {
        name.to_string()
    } else {
        format!("{name}.{endung}")
    }
}

/// A list URL asking only for what changed since `seit`.
fn mit_seit(url: &str, seit: &str) -> String {
    let wert: String = seit
        .chars()
        .map(|c| match c {
            '+' => "%2B".to_string(),
            ':' => "%3A".to_string(),
            c => c.to_string(),
        })
        .collect();
    let trenner = if url.contains('?') { '&' } else { '?' };
    format!("{url}{trenner}modified_since={wert}")
}

/// The kind of Gremium an Organization is, from its classification and name.
fn gremium_typ(o: &Value) -> GremiumTyp {
    let text = [
        json::text(o, "classification"),
        json::text(o, "organizationType"),
        json::text(o, "name"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
    .to_lowercase();
    if text.contains("chancengerechtigkeit") {
        GremiumTyp::AusschussChancengerechtigkeit
    } else if text.contains("integrationsrat") {
        GremiumTyp::Integrationsrat
    } else if text.contains("arbeitsgemeinschaft") {
        GremiumTyp::Arbeitsgemeinschaft
    } else if text.contains("ausschuss") {
        GremiumTyp::Ausschuss
    } else if text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "rat" | "stadtrat" | "gemeinderat" | "kreistag" | "ratsversammlung"
        )
    }) {
        GremiumTyp::Rat
    } else {
        GremiumTyp::Extern
    }
}

impl Lauf<'_> {
    fn warnen(&mut self, url: &str, grund: impl Into<String>) {
        self.bericht.uebersprungen.push(Warnung {
            url: url.to_string(),
            grund: grund.into(),
        });
    }

    /// A page or object by URL: from the pages an earlier run kept, else fetched (and
    /// kept once it reads as JSON: a maintenance page is never kept). `Ok(None)` for a
    /// 404.
    fn seite(&mut self, url: &str) -> Result<Option<Value>, RisFehler> {
        let (text, neu) = match self.store.ris_seite(url)? {
            Some(t) => {
                self.bericht.aus_zwischenspeicher += 1;
                (t, false)
            }
            None => {
                let a = self.abrufer.holen(url).map_err(|f| RisFehler::Abruf {
                    url: url.to_string(),
                    grund: f.grund,
                })?;
                if a.status == 404 {
                    return Ok(None);
                }
                if !(200..300).contains(&a.status) {
                    return Err(RisFehler::Abruf {
                        url: url.to_string(),
                        grund: format!("HTTP {}", a.status),
                    });
                }
                (String::from_utf8_lossy(&a.bytes).into_owned(), true)
            }
        };
        self.bericht.seiten += 1;
        let (wert, repariert) = json::lesen(&text).map_err(|e| RisFehler::Inhalt {
            url: url.to_string(),
            grund: json::fehler_deutsch(&e),
        })?;
        if neu {
            self.store.ris_seite_merken(self.quelle, url, &text)?;
        }
        if repariert {
            self.warnen(
                url,
                "unmaskierte Steuerzeichen in Zeichenketten, maskiert und gelesen",
            );
        }
        Ok(Some(wert))
    }

    /// A single object by URL; what the server cannot give is skipped with a warning.
    fn objekt(&mut self, url: &str) -> Option<Value> {
        match self.seite(url) {
            Ok(Some(v)) if v.is_object() => {
                self.id_pruefen(&v, url);
                Some(v)
            }
            Ok(Some(_)) => {
                self.warnen(url, "kein OParl-Objekt, übersprungen");
                None
            }
            Ok(None) => {
                self.warnen(url, "HTTP 404, übersprungen");
                None
            }
            Err(RisFehler::Store(e)) => {
                self.warnen(url, e.to_string());
                None
            }
            Err(e) => {
                let grund = match e {
                    RisFehler::Abruf { grund, .. } | RisFehler::Inhalt { grund, .. } => grund,
                    e => e.to_string(),
                };
                self.warnen(url, format!("{grund}, übersprungen"));
                None
            }
        }
    }

    /// An object fetched by URL whose `id` is another: said, and the `id` counts.
    fn id_pruefen(&mut self, o: &Value, url: &str) {
        if let Some(id) = json::text(o, "id")
            .filter(|id| *id != url)
            .map(str::to_string)
        {
            self.warnen(
                url,
                format!("id „{id}“ weicht von der abgerufenen Adresse ab; die id gilt"),
            );
        }
    }

    /// Every element of a (paged) list, handed to `jedes` page by page.
    fn liste(
        &mut self,
        name: &str,
        url: &str,
        jedes: &mut dyn FnMut(&mut Self, Value) -> Result<(), RisFehler>,
    ) -> Result<(), RisFehler> {
        let mut gesehen = HashSet::new();
        let mut naechste = Some(url.to_string());
        let mut n = 0;
        while let Some(u) = naechste.take() {
            if !gesehen.insert(u.clone()) {
                self.warnen(&u, "links.next führt im Kreis; die Liste endet hier");
                break;
            }
            n += 1;
            if !(self.melden)(Fortschritt {
                liste: name.to_string(),
                seite: n,
                gelesen: self.bericht.gelesen,
                dateien: self.bericht.dateien,
            }) {
                return Err(RisFehler::Abgebrochen);
            }
            let Some(seite) = self.seite(&u)? else {
                // A first page answered with 404 is an empty list (SD.NET's empty change
                // lists); a later one is a page the server lost: the import stops, saves
                // no `modified_since`, and the next run fetches the rest.
                if n > 1 {
                    return Err(RisFehler::Abruf {
                        url: u,
                        grund: format!(
                            "HTTP 404 auf Seite {n} der Liste der {} (die Seiten davor sind gelesen)",
                            listenname(name)
                        ),
                    });
                }
                self.warnen(&u, "leere Liste als HTTP 404 beantwortet");
                break;
            };
            let elemente = match &seite {
                Value::Array(a) => a.clone(),
                Value::Object(o) if o.contains_key("data") => {
                    naechste = seite
                        .get("links")
                        .and_then(|l| json::text(l, "next"))
                        .map(str::to_string);
                    json::liste(&seite, "data")
                }
                // A list answered with one object (`/body` of some servers).
                Value::Object(_) if json::typ(&seite).is_some() => {
                    self.warnen(
                        &u,
                        "Liste als einzelnes Objekt geliefert, als Liste mit einem Element gelesen",
                    );
                    vec![seite.clone()]
                }
                _ => {
                    return Err(RisFehler::Inhalt {
                        url: u.clone(),
                        grund: "weder Liste noch Objekt".into(),
                    })
                }
            };
            for e in elemente {
                jedes(self, e)?;
            }
        }
        Ok(())
    }

    fn merke_stand(&mut self, o: &Value) {
        let Some(text) = json::text(o, "modified") else {
            return;
        };
        match DateTime::parse_from_rfc3339(text) {
            Ok(m) => {
                if self.stand.is_none_or(|s| m > s) {
                    self.stand = Some(m);
                }
            }
            Err(_) => {
                self.bericht.modified_unlesbar += 1;
                if self.bericht.modified_beispiel.is_none() {
                    self.bericht.modified_beispiel = Some(text.to_string());
                }
            }
        }
    }

    fn datum(&mut self, o: &Value, feld: &str, url: &str) -> String {
        match json::datum(o, feld) {
            Ok(d) => d.unwrap_or_default(),
            Err(e) => {
                self.warnen(url, format!("{feld}: {e}, ohne Datum gelesen"));
                String::new()
            }
        }
    }

    /// Stores `o` under `neu`'s fields; its JSON and `modified` are taken from `o` itself.
    fn speichern(&mut self, o: &Value, neu: RisObjektNeu<'_>) -> Result<RisGespeichert, RisFehler> {
        let roh = o.to_string();
        let neu = RisObjektNeu {
            geaendert: json::text(o, "modified").unwrap_or(""),
            json: &roh,
            ..neu
        };
        let g = self.store.ris_objekt_speichern(self.quelle, &neu)?;
        self.bericht.gelesen += 1;
        match g {
            RisGespeichert::Neu => self.bericht.neu += 1,
            RisGespeichert::Aktualisiert => self.bericht.aktualisiert += 1,
            RisGespeichert::Unveraendert => self.bericht.unveraendert += 1,
        }
        self.merke_stand(o);
        Ok(g)
    }

    /// One element of a list (or embedded in another object).
    fn element(&mut self, e: Value, erwartet: &str) -> Result<(), RisFehler> {
        let o = match e {
            Value::String(url) => match self.objekt(&url) {
                Some(o) => o,
                None => return Ok(()),
            },
            Value::Object(_) => e,
            _ => {
                self.warnen(
                    "",
                    format!("ein Element der Liste „{erwartet}“ ist kein Objekt, übersprungen"),
                );
                return Ok(());
            }
        };
        let Some(id) = json::text(&o, "id").map(str::to_string) else {
            self.warnen("", format!("ein {erwartet} ohne id, übersprungen"));
            return Ok(());
        };
        // Deleted: removed, whatever (or whether) its type says.
        if o.get("deleted").and_then(Value::as_bool) == Some(true) {
            if self.store.ris_objekt_entfernen(&id)? {
                self.bericht.geloescht += 1;
            }
            self.merke_stand(&o);
            return Ok(());
        }
        let typ = json::typ(&o).unwrap_or(erwartet).to_string();
        match typ.as_str() {
            "Organization" => {
                let Some(name) = json::text(&o, "name")
                    .or(json::text(&o, "shortName"))
                    .map(str::to_string)
                else {
                    self.warnen(&id, "Organisation ohne Namen, übersprungen");
                    return Ok(());
                };
                let kurz = json::text(&o, "shortName").unwrap_or("").to_string();
                self.speichern(
                    &o,
                    RisObjektNeu {
                        url: &id,
                        typ: &typ,
                        name: &name,
                        nummer: &kurz,
                        ..Default::default()
                    },
                )?;
                self.store
                    .ris_gremium(&id, &name, &kurz, gremium_typ(&o), self.jetzt)?;
            }
            "Person" => {
                let name = json::text(&o, "name")
                    .map(str::to_string)
                    .unwrap_or_else(|| {
                        [json::text(&o, "givenName"), json::text(&o, "familyName")]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" ")
                    });
                self.speichern(
                    &o,
                    RisObjektNeu {
                        url: &id,
                        typ: &typ,
                        name: &name,
                        ..Default::default()
                    },
                )?;
            }
            "Meeting" => {
                let name = json::text(&o, "name").unwrap_or("Sitzung").to_string();
                let datum = self.datum(&o, "start", &id);
                let gremium = match o.get("organization") {
                    Some(Value::Array(a)) => {
                        a.first().and_then(Value::as_str).unwrap_or("").to_string()
                    }
                    Some(Value::String(s)) => s.clone(),
                    _ => String::new(),
                };
                let g = self.speichern(
                    &o,
                    RisObjektNeu {
                        url: &id,
                        typ: &typ,
                        name: &name,
                        datum: &datum,
                        eltern: &gremium,
                        ..Default::default()
                    },
                )?;
                // The agenda items, and their files: the decision (`resolutionFile`) and the
                // Anlagen of the TOP (`auxiliaryFile`), kept with their TOP.
                let mut top_dateien = Vec::new();
                for (i, top) in json::liste(&o, "agendaItem").into_iter().enumerate() {
                    let Some(top_id) = json::text(&top, "id").map(str::to_string) else {
                        continue;
                    };
                    if let Some(d) = top.get("resolutionFile") {
                        top_dateien.push((d.clone(), top_id.clone()));
                    }
                    for d in self.dateiliste(&top, &top_id) {
                        top_dateien.push((d, top_id.clone()));
                    }
                    let titel = json::text(&top, "name").unwrap_or("").to_string();
                    let nummer = json::text(&top, "number")
                        .map(str::to_string)
                        .unwrap_or_else(|| (i + 1).to_string());
                    self.speichern(
                        &top,
                        RisObjektNeu {
                            url: &top_id,
                            typ: "AgendaItem",
                            name: &titel,
                            nummer: &nummer,
                            datum: &datum,
                            eltern: &id,
                            ..Default::default()
                        },
                    )?;
                }
                let mut dateien = Vec::new();
                for feld in ["invitation", "resultsProtocol", "verbatimProtocol"] {
                    if let Some(d) = o.get(feld) {
                        dateien.push(d.clone());
                    }
                }
                dateien.extend(self.dateiliste(&o, &id));
                for d in dateien {
                    self.datei(d, &id, g != RisGespeichert::Unveraendert)?;
                }
                for (d, top_id) in top_dateien {
                    self.datei(d, &top_id, g != RisGespeichert::Unveraendert)?;
                }
            }
            "Paper" => {
                let name = json::text(&o, "name")
                    .unwrap_or("(ohne Betreff)")
                    .to_string();
                let nummer = json::text(&o, "reference").unwrap_or("").to_string();
                let datum = self.datum(&o, "date", &id);
                let g = self.speichern(
                    &o,
                    RisObjektNeu {
                        url: &id,
                        typ: &typ,
                        name: &name,
                        nummer: &nummer,
                        datum: &datum,
                        ..Default::default()
                    },
                )?;
                for b in json::liste(&o, "consultation") {
                    let Some(b_id) = json::text(&b, "id").map(str::to_string) else {
                        continue;
                    };
                    let rolle = json::text(&b, "role").unwrap_or("").to_string();
                    let sitzung = json::text(&b, "meeting").unwrap_or("").to_string();
                    self.speichern(
                        &b,
                        RisObjektNeu {
                            url: &b_id,
                            typ: "Consultation",
                            name: &rolle,
                            nummer: &sitzung,
                            eltern: &id,
                            ..Default::default()
                        },
                    )?;
                }
                let mut dateien: Vec<Value> = o.get("mainFile").cloned().into_iter().collect();
                dateien.extend(self.dateiliste(&o, &id));
                for d in dateien {
                    self.datei(d, &id, g != RisGespeichert::Unveraendert)?;
                }
            }
            _ => {
                let name = json::text(&o, "name").unwrap_or("").to_string();
                self.speichern(
                    &o,
                    RisObjektNeu {
                        url: &id,
                        typ: &typ,
                        name: &name,
                        ..Default::default()
                    },
                )?;
            }
        }
        Ok(())
    }

    /// `auxiliaryFile`: a list, or (some servers) one object.
    fn dateiliste(&mut self, o: &Value, url: &str) -> Vec<Value> {
        if matches!(o.get("auxiliaryFile"), Some(Value::Object(_))) {
            self.warnen(
                url,
                "auxiliaryFile als einzelnes Objekt statt als Liste, als Liste gelesen",
            );
        }
        json::liste(o, "auxiliaryFile")
    }

    /// A file of `fuer`: fetched (unless here and `fuer` unchanged), checked against its
    /// SHA-512 where given, stored; what fails is skipped with a warning.
    fn datei(&mut self, d: Value, fuer: &str, geaendert: bool) -> Result<(), RisFehler> {
        let d = match d {
            Value::String(url) => match self.objekt(&url) {
                Some(o) => o,
                None => return Ok(()),
            },
            Value::Object(_) => d,
            _ => return Ok(()),
        };
        let Some(id) = json::text(&d, "id").map(str::to_string) else {
            self.warnen(fuer, "Datei ohne id, übersprungen");
            return Ok(());
        };
        if !self.dateien_gesehen.insert(id.clone()) {
            return Ok(());
        }
        if d.get("deleted").and_then(Value::as_bool) == Some(true) {
            self.store.ris_objekt_entfernen(&id)?;
            return Ok(());
        }
        if !geaendert && self.store.ris_datei_da(&id)? {
            return Ok(());
        }
        let Some(quelle) = json::text(&d, "downloadUrl")
            .or(json::text(&d, "accessUrl"))
            .map(str::to_string)
        else {
            self.warnen(&id, "Datei ohne accessUrl, übersprungen");
            return Ok(());
        };
        let bytes = match self.abrufer.datei(&quelle) {
            Ok(a) if (200..300).contains(&a.status) => a.bytes,
            Ok(a) => {
                self.warnen(&quelle, format!("HTTP {}, Datei übersprungen", a.status));
                return Ok(());
            }
            Err(f) => {
                self.warnen(&quelle, format!("{}, Datei übersprungen", f.grund));
                return Ok(());
            }
        };
        let sha512 = crate::domain::anlage::sha512_hex(&bytes);
        if let Some(soll) = json::text(&d, "sha512Checksum") {
            if !soll.eq_ignore_ascii_case(&sha512) {
                self.warnen(
                    &quelle,
                    "SHA-512 stimmt nicht mit sha512Checksum überein, Datei übersprungen",
                );
                return Ok(());
            }
        }
        let mime = json::text(&d, "mimeType")
            .unwrap_or("application/octet-stream")
            .to_string();
        let name = dateiname(json::text(&d, "fileName"), json::text(&d, "name"), &mime);
        self.store.ris_datei_speichern(
            &RisDatei {
                url: id,
                fuer: fuer.to_string(),
                name,
                mime,
                bytes: bytes.len() as u64,
                sha512,
            },
            &bytes,
        )?;
        self.bericht.dateien += 1;
        Ok(())
    }
}

/// Reads the OParl endpoint `url` (a System's or a Body's URL) into `store`, waiting as
/// `fristen` say ([`Fristen::STANDARD`] in the office); `melden` hears of every page and stops the import when
/// it returns `false` (the pages read are kept: the next run resumes).
pub fn importieren(
    store: &mut Store,
    url: &str,
    jetzt: NaiveDateTime,
    fristen: Fristen,
    melden: &mut dyn FnMut(Fortschritt) -> bool,
) -> Result<Bericht, RisFehler> {
    let url = url.trim();
    if !(url.starts_with("http://") || url.starts_with("https://"))
        || url.contains(char::is_whitespace)
    {
        return Err(RisFehler::Adresse {
            url: url.to_string(),
            grund: "keine http(s)-Adresse (z. B. https://ris.stadt.de/oparl/v1.1/system)".into(),
        });
    }
    let abrufer = Abrufer::neu(fristen).map_err(|f| RisFehler::Abruf {
        url: url.to_string(),
        grund: f.grund,
    })?;
    let quelle = store.ris_quelle(url)?;
    let seit = Some(quelle.stand.clone()).filter(|s| !s.is_empty());
    let mut lauf = Lauf {
        store,
        abrufer,
        quelle: quelle.id,
        bericht: Bericht {
            seit: seit.clone(),
            ..Bericht::default()
        },
        jetzt,
        melden,
        stand: None,
        dateien_gesehen: HashSet::new(),
    };
    let wurzel = match lauf.seite(url)? {
        Some(w) if w.is_object() => w,
        _ => {
            return Err(RisFehler::Inhalt {
                url: url.to_string(),
                grund: "kein OParl-System und kein Body".into(),
            })
        }
    };
    lauf.id_pruefen(&wurzel, url);
    let mut bodies: Vec<Value> = Vec::new();
    match json::typ(&wurzel) {
        Some("System") => {
            let Some(liste) = json::text(&wurzel, "body").map(str::to_string) else {
                return Err(RisFehler::Inhalt {
                    url: url.to_string(),
                    grund: "das System nennt keine Body-Liste".into(),
                });
            };
            lauf.liste("body", &liste, &mut |l, b| {
                match b {
                    Value::String(u) => {
                        if let Some(o) = l.objekt(&u) {
                            bodies.push(o);
                        }
                    }
                    b => bodies.push(b),
                }
                Ok(())
            })?;
        }
        Some("Body") => bodies.push(wurzel.clone()),
        _ => {
            return Err(RisFehler::Inhalt {
                url: url.to_string(),
                grund: "weder System noch Body (type fehlt oder ist unbekannt)".into(),
            })
        }
    }
    let mut namen = Vec::new();
    for body in bodies {
        if let Some(n) = json::text(&body, "name").or(json::text(&body, "shortName")) {
            namen.push(n.to_string());
        }
        for (feld, typ) in [
            ("organization", "Organization"),
            ("person", "Person"),
            ("meeting", "Meeting"),
            ("paper", "Paper"),
        ] {
            let Some(liste) = json::text(&body, feld).map(str::to_string) else {
                continue;
            };
            let liste = match &seit {
                Some(s) => mit_seit(&liste, s),
                None => liste,
            };
            lauf.liste(feld, &liste, &mut |l, e| l.element(e, typ))?;
        }
    }
    lauf.bericht.stand_gemerkt = lauf.stand.is_some();
    let stand = lauf
        .stand
        .map(|s| s.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
        .or(seit)
        .unwrap_or_default();
    let name = namen.join(", ");
    lauf.bericht.quelle = if name.is_empty() {
        url.to_string()
    } else {
        name.clone()
    };
    lauf.store
        .ris_quelle_fertig(lauf.quelle, &name, &stand, jetzt)?;
    Ok(lauf.bericht)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_file_name_is_named_from_its_name_and_mime_type() {
        assert_eq!(
            dateiname(Some("Vorlage 12.pdf"), Some("Vorlage"), "application/pdf"),
            "Vorlage 12.pdf"
        );
        assert_eq!(
            dateiname(None, Some("Beschluss"), "application/pdf"),
            "Beschluss.pdf"
        );
        assert_eq!(
            dateiname(None, Some("Beschluss.PDF"), "application/pdf"),
            "Beschluss.PDF"
        );
        assert_eq!(
            dateiname(
                None,
                Some("Anlage 2 Kostenaufstellung"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            ),
            "Anlage 2 Kostenaufstellung.docx"
        );
        assert_eq!(
            dateiname(Some(" "), None, "application/pdf; charset=binary"),
            "Datei.pdf"
        );
        assert_eq!(
            dateiname(None, Some("Plan"), "application/x-unbekannt"),
            "Plan"
        );
    }

    #[test]
    fn modified_since_is_encoded_into_the_list_url() {
        assert_eq!(
            mit_seit("https://ris/papers", "2014-05-06T17:00:00+02:00"),
            "https://ris/papers?modified_since=2014-05-06T17%3A00%3A00%2B02%3A00"
        );
        assert_eq!(
            mit_seit("https://ris/papers?body=1", "2014-05-06T17:00:00Z"),
            "https://ris/papers?body=1&modified_since=2014-05-06T17%3A00%3A00Z"
        );
    }

    #[test]
    fn the_kind_of_gremium_from_classification_and_name() {
        let g = |v: Value| gremium_typ(&v);
        assert_eq!(
            g(serde_json::json!({"name": "Rat der Stadt"})),
            GremiumTyp::Rat
        );
        assert_eq!(
            g(serde_json::json!({"name": "Kreistag Borken"})),
            GremiumTyp::Rat
        );
        assert_eq!(
            g(serde_json::json!({"name": "Haupt- und Finanzausschuss"})),
            GremiumTyp::Ausschuss
        );
        assert_eq!(
            g(serde_json::json!({"name": "Integrationsrat"})),
            GremiumTyp::Integrationsrat
        );
        assert_eq!(
            g(serde_json::json!({"name": "Fraktion Die Grünen", "classification": "Fraktion"})),
            GremiumTyp::Extern
        );
        assert_eq!(
            g(serde_json::json!({"name": "Ratsarbeitskreis"})),
            GremiumTyp::Extern
        );
    }
}
