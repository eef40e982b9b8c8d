//! OParl 1.1 export: the office's **public** data as static JSON files that any web server
//! can serve, with the files themselves beside them.
//!
//! What is public: released (freigegebene) Vorlagen whose status is öffentlich, their
//! öffentliche Anlagen, their Beratungsfolge (as Consultations and Organizations), and the
//! Vorlage itself as PDF (`mainFile`). Nothing of a nichtöffentliche Vorlage or Anlage is
//! written — not its title, not its number, not a link — and drafts are not published.
//! Gremien, their members (name and form of address, never contact data) with their
//! memberships, and the Sitzungen with their öffentliche TOPs only.
//!
//! Layout under the export folder (each object's `id` is its file's URL under `--basis-url`):
//! `system.json`, `bodies.json`, `body/1.json`, `body/1/<list>.json` (paged: `-2`, `-3` …),
//! `organization/<slug>.json`, `legislative-term/1.json`, `paper/<id>.json`,
//! `consultation/<paper>-<n>.json`, `file/<id>.json`, `dateien/<id>.<ext>`.
//! The folder is built beside the target and swapped in at the end: an export that fails
//! leaves the previous one untouched.

use super::fehler::ExportFehler;
use crate::domain::{
    suchtext, zeitzone, AnlageInfo, Buero, Gremium, MitgliedschaftNeu, Person, Rolle, SitzungAkte,
    Status, VorlageAkte, VorlageId, Zustand,
};
use chrono::NaiveDateTime;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const OPARL: &str = "https://schema.oparl.org/1.1/";
/// Elements per list page.
pub const SEITE: usize = 100;

/// What an export wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OparlExport {
    pub ordner: PathBuf,
    pub papers: usize,
    pub files: usize,
    pub organizations: usize,
}

fn typ(name: &str) -> String {
    format!("{OPARL}{name}")
}

fn zeit(t: &NaiveDateTime) -> String {
    zeitzone::rfc3339(*t)
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in suchtext::umschrift(name).chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

/// Checks the base URL: http(s), no spaces, no query; returned without a trailing slash.
fn basis_pruefen(basis: &str) -> Result<String, ExportFehler> {
    let b = basis.trim().trim_end_matches('/');
    let rest = b
        .strip_prefix("https://")
        .or_else(|| b.strip_prefix("http://"));
    match rest {
        Some(r)
            if !r.is_empty()
                && !r.starts_with('/')
                && !r.contains(|c: char| c.is_whitespace() || c == '?' || c == '#') =>
        {
            Ok(b.to_string())
        }
        _ => Err(ExportFehler::Feld {
            feld: "basis_url",
            meldung: format!("--basis-url: „{basis}“ ist keine gültige http(s)-Adresse (z. B. https://ratsinfo.beispiel.de/oparl)."),
        }),
    }
}

struct Schreiber {
    basis: String,
    ordner: PathBuf,
}

impl Schreiber {
    fn url(&self, pfad: &str) -> String {
        format!("{}/{pfad}", self.basis)
    }

    fn datei(&self, pfad: &str, daten: &[u8]) -> Result<(), ExportFehler> {
        let ziel = self.ordner.join(pfad);
        if let Some(o) = ziel.parent() {
            std::fs::create_dir_all(o).map_err(|e| schreibfehler(o, e))?;
        }
        std::fs::write(&ziel, daten).map_err(|e| schreibfehler(&ziel, e))
    }

    fn objekt(&self, pfad: &str, wert: &Value) -> Result<(), ExportFehler> {
        let text = serde_json::to_vec_pretty(wert).expect("JSON");
        self.datei(pfad, &text)
    }

    /// An external list, in pages of [`SEITE`]: `<name>.json`, `<name>-2.json`, …
    fn liste(&self, name: &str, elemente: &[Value]) -> Result<String, ExportFehler> {
        let seiten = elemente.len().div_ceil(SEITE).max(1);
        let seite_pfad = |n: usize| match n {
            1 => format!("{name}.json"),
            n => format!("{name}-{n}.json"),
        };
        for n in 1..=seiten {
            let daten: Vec<Value> = elemente
                .iter()
                .skip((n - 1) * SEITE)
                .take(SEITE)
                .cloned()
                .collect();
            let mut links = Map::new();
            links.insert("first".into(), self.url(&seite_pfad(1)).into());
            links.insert("last".into(), self.url(&seite_pfad(seiten)).into());
            links.insert("self".into(), self.url(&seite_pfad(n)).into());
            if n > 1 {
                links.insert("prev".into(), self.url(&seite_pfad(n - 1)).into());
            }
            if n < seiten {
                links.insert("next".into(), self.url(&seite_pfad(n + 1)).into());
            }
            self.objekt(
                &seite_pfad(n),
                &json!({
                    "data": daten,
                    "pagination": {
                        "totalElements": elemente.len(),
                        "elementsPerPage": SEITE,
                        "currentPage": n,
                        "totalPages": seiten,
                    },
                    "links": links,
                }),
            )?;
        }
        Ok(self.url(&seite_pfad(1)))
    }
}

fn schreibfehler(pfad: &Path, quelle: std::io::Error) -> ExportFehler {
    ExportFehler::Datei {
        pfad: pfad.to_path_buf(),
        quelle,
    }
}

fn endung(name: &str) -> String {
    let e: String = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    if e.is_empty() {
        "bin".into()
    } else {
        e
    }
}

/// A released, öffentliche Vorlage as the export publishes it: its record, its PDF (the
/// public variant) and its öffentliche Anlagen with their bytes.
pub struct Papier {
    pub akte: VorlageAkte,
    pub pdf: Vec<u8>,
    pub anlagen: Vec<(AnlageInfo, Vec<u8>)>,
}

/// Everything the export publishes, as the API loaded it.
pub struct OparlDaten {
    pub buero: Buero,
    /// Released, öffentliche Vorlagen only; checked again here.
    pub papiere: Vec<Papier>,
    pub gremien: Vec<Gremium>,
    /// The address book; the export publishes only the members among them.
    pub personen: Vec<Person>,
    pub mitgliedschaften: Vec<(i64, MitgliedschaftNeu)>,
    pub sitzungen: Vec<SitzungAkte>,
}

/// Writes the OParl export of `daten` into `ordner` (replacing a previous export there).
pub fn exportieren(
    daten: &OparlDaten,
    ordner: &Path,
    basis_url: &str,
    jetzt: NaiveDateTime,
) -> Result<OparlExport, ExportFehler> {
    let basis = basis_pruefen(basis_url)?;
    // The loader filtered already; checked again here, since a leak is the worst case.
    let papiere: Vec<&Papier> = daten
        .papiere
        .iter()
        .filter(|p| {
            p.akte.inhalt.status == Status::Oeffentlich && p.akte.zustand == Zustand::Freigegeben
        })
        .collect();

    let name = ordner
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "oparl".into());
    let neu = ordner.with_file_name(format!(".{name}.unfertig-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&neu);
    let w = Schreiber {
        basis,
        ordner: neu.clone(),
    };
    let ergebnis = schreiben(&w, daten, &papiere, jetzt);
    let ergebnis = ergebnis.and_then(|e| {
        let alt = ordner.with_file_name(format!(".{name}.alt-{}", std::process::id()));
        if ordner.exists() {
            std::fs::rename(ordner, &alt).map_err(|e| schreibfehler(ordner, e))?;
        }
        std::fs::rename(&neu, ordner).map_err(|e| {
            let _ = std::fs::rename(&alt, ordner);
            schreibfehler(ordner, e)
        })?;
        let _ = std::fs::remove_dir_all(&alt);
        Ok(OparlExport {
            ordner: ordner.to_path_buf(),
            ..e
        })
    });
    if ergebnis.is_err() {
        let _ = std::fs::remove_dir_all(&neu);
    }
    ergebnis
}

fn iso_datum(text: &str) -> Option<String> {
    crate::domain::datum::parse(text)
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

fn schreiben(
    w: &Schreiber,
    sd: &OparlDaten,
    papiere: &[&Papier],
    jetzt: NaiveDateTime,
) -> Result<OparlExport, ExportFehler> {
    let buero = &sd.buero;
    let jetzt_s = zeitzone::rfc3339(jetzt);
    let body = w.url("body/1.json");
    let eingerichtet = papiere
        .iter()
        .map(|p| zeit(&p.akte.erstellt))
        .min()
        .unwrap_or_else(|| jetzt_s.clone());

    // Organizations: the office's own Gremium, then every Gremium of a public Beratungsfolge.
    let mut gremien: BTreeMap<String, String> = BTreeMap::new();
    let mut org_url = |name: &str| -> String {
        let naechste = gremien.len() + 1;
        let s = gremien
            .entry(name.to_string())
            .or_insert_with(|| match slug(name) {
                s if s.is_empty() => format!("gremium-{naechste}"),
                s => s,
            })
            .clone();
        w.url(&format!("organization/{s}.json"))
    };
    let eigenes = org_url(&buero.gremium_name);
    let org_von: BTreeMap<i64, String> = sd
        .gremien
        .iter()
        .map(|g| (g.id.0, org_url(&g.daten.name)))
        .collect();

    let mut paper_objekte = Vec::new();
    let mut file_objekte = Vec::new();
    let mut consultation_objekte = Vec::new();
    let mut beratungen: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let exportiert: Vec<VorlageId> = papiere.iter().map(|p| p.akte.id).collect();
    for p in papiere {
        let a = &p.akte;
        let paper = w.url(&format!("paper/{}.json", a.id.0));
        let erstellt = zeit(&a.erstellt);
        let geaendert = zeit(&a.geaendert);
        let datum = a
            .freigegeben_am
            .map(|d| d.date().format("%Y-%m-%d").to_string());
        let nummer = a.nummer.clone().unwrap_or_default();

        let mut datei_objekt = |id: String,
                                name: String,
                                datei_name: String,
                                mime: &str,
                                daten: &[u8],
                                erstellt: &str|
         -> Result<Value, ExportFehler> {
            let ablage = format!("dateien/{id}.{}", endung(&datei_name));
            w.datei(&ablage, daten)?;
            let mut f = json!({
                "id": w.url(&format!("file/{id}.json")),
                "type": typ("File"),
                "name": name,
                "fileName": datei_name,
                "mimeType": mime,
                "size": daten.len(),
                "sha512Checksum": crate::domain::anlage::sha512_hex(daten),
                "accessUrl": w.url(&ablage),
                "downloadUrl": w.url(&ablage),
                "paper": [paper.clone()],
                "created": erstellt,
                "modified": erstellt,
            });
            if let Some(d) = &datum {
                f["date"] = d.clone().into();
            }
            w.objekt(&format!("file/{id}.json"), &f)?;
            file_objekte.push(f.clone());
            Ok(f)
        };
        let main_file = datei_objekt(
            format!("vorlage-{}", a.id.0),
            format!("{} {nummer}", a.inhalt.art.label()),
            format!("Vorlage_{}.pdf", slug(&nummer)),
            "application/pdf",
            &p.pdf,
            &geaendert,
        )?;
        let mut hilfsdateien = Vec::new();
        for (info, daten) in &p.anlagen {
            hilfsdateien.push(datei_objekt(
                format!("{}", info.id.0),
                format!("Anlage {}: {}", info.nr, info.name),
                info.name.clone(),
                &info.mime,
                daten,
                &zeit(&info.erstellt),
            )?);
        }

        let mut konsultationen = Vec::new();
        for (n, s) in a.inhalt.beratungsfolge.iter().enumerate() {
            let org = org_url(&s.gremium);
            let id = w.url(&format!("consultation/{}-{}.json", a.id.0, n + 1));
            let c = json!({
                "id": id,
                "type": typ("Consultation"),
                "paper": paper,
                "organization": [org.clone()],
                "authoritative": s.rolle == Rolle::Entscheidung,
                "role": s.rolle.label(),
                "created": erstellt,
                "modified": geaendert,
            });
            w.objekt(&format!("consultation/{}-{}.json", a.id.0, n + 1), &c)?;
            beratungen.entry(org).or_default().push(c.clone());
            consultation_objekte.push(c.clone());
            konsultationen.push(c);
        }

        let verwandt: Vec<String> = [a.vorgaenger_id, a.nachfolger_id]
            .into_iter()
            .flatten()
            .filter(|v| exportiert.contains(v))
            .map(|v| w.url(&format!("paper/{}.json", v.0)))
            .collect();
        let mut objekt = json!({
            "id": paper,
            "type": typ("Paper"),
            "body": body,
            "name": a.inhalt.betreff,
            "reference": nummer,
            "paperType": a.inhalt.art.label(),
            "mainFile": main_file,
            "auxiliaryFile": hilfsdateien,
            "consultation": konsultationen,
            "created": erstellt,
            "modified": geaendert,
        });
        if let Some(d) = &datum {
            objekt["date"] = d.clone().into();
        }
        if !verwandt.is_empty() {
            objekt["relatedPaper"] = verwandt.into();
        }
        w.objekt(&format!("paper/{}.json", a.id.0), &objekt)?;
        paper_objekte.push(objekt);
    }

    // Members: name and form of address only (no contact data), and their memberships.
    let mut mitgliedschaft_objekte = Vec::new();
    let mut mitglieder_je_org: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (id, m) in &sd.mitgliedschaften {
        let Some(org) = org_von.get(&m.gremium.0) else {
            continue;
        };
        let url = w.url(&format!("membership/{id}.json"));
        let mut o = json!({
            "id": url,
            "type": typ("Membership"),
            "person": w.url(&format!("person/{}.json", m.person.0)),
            "organization": org,
            "role": m.rolle.label(),
            "votingRight": m.stimmrecht,
            "created": eingerichtet,
            "modified": jetzt_s,
        });
        if let Some(d) = iso_datum(&m.von) {
            o["startDate"] = d.into();
        }
        if let Some(d) = iso_datum(&m.bis) {
            o["endDate"] = d.into();
        }
        w.objekt(&format!("membership/{id}.json"), &o)?;
        mitglieder_je_org.entry(org.clone()).or_default().push(url);
        mitgliedschaft_objekte.push(o);
    }
    let mut person_objekte = Vec::new();
    // Only members are public persons; anyone else in the address book stays inside.
    for p in sd
        .personen
        .iter()
        .filter(|p| sd.mitgliedschaften.iter().any(|(_, m)| m.person == p.id))
    {
        let mut o = json!({
            "id": w.url(&format!("person/{}.json", p.id.0)),
            "type": typ("Person"),
            "body": body,
            "name": p.name,
            "familyName": p.daten.nachname,
            "membership": mitgliedschaft_objekte
                .iter()
                .filter(|m| m["person"] == w.url(&format!("person/{}.json", p.id.0)).as_str())
                .cloned()
                .collect::<Vec<_>>(),
            "created": eingerichtet,
            "modified": jetzt_s,
        });
        if !p.daten.vorname.is_empty() {
            o["givenName"] = p.daten.vorname.clone().into();
        }
        if !p.daten.anrede.is_empty() {
            o["formOfAddress"] = p.daten.anrede.clone().into();
        }
        if !p.daten.titel.is_empty() {
            o["title"] = vec![p.daten.titel.clone()].into();
        }
        w.objekt(&format!("person/{}.json", p.id.0), &o)?;
        person_objekte.push(o);
    }
    // Meetings with their öffentliche TOPs only: a nichtöffentlicher TOP is not even counted.
    let mut meeting_objekte = Vec::new();
    let mut agenda_objekte = Vec::new();
    let mut meetings_je_org: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for s in &sd.sitzungen {
        let org = org_von
            .get(&s.gremium.id.0)
            .cloned()
            .unwrap_or_else(|| eigenes.clone());
        let meeting = w.url(&format!("meeting/{}.json", s.id.0));
        let start = zeitzone::rfc3339(s.beginn);
        let mut tops = Vec::new();
        for (order, t) in s
            .tops
            .iter()
            .filter(|t| t.teil == crate::domain::sitzung::Teil::Oeffentlich)
            .enumerate()
        {
            let mut a = json!({
                "id": w.url(&format!("agenda-item/{}.json", t.id.0)),
                "type": typ("AgendaItem"),
                "meeting": meeting,
                "number": t.nummer,
                "order": order + 1,
                "name": t.titel,
                "public": true,
                "created": start,
                "modified": jetzt_s,
            });
            if let Some(e) = t.ergebnis {
                a["result"] = e.label().into();
            }
            w.objekt(&format!("agenda-item/{}.json", t.id.0), &a)?;
            agenda_objekte.push(a.clone());
            tops.push(a);
        }
        let m = json!({
            "id": meeting,
            "type": typ("Meeting"),
            "name": format!("{}. Sitzung {}", s.nummer, s.gremium.daten.name),
            "meetingState": s.zustand.label(),
            "cancelled": s.zustand == crate::domain::sitzung::SitzungZustand::Abgesagt,
            "start": start,
            "organization": [org.clone()],
            "agendaItem": tops,
            "created": start,
            "modified": jetzt_s,
        });
        w.objekt(&format!("meeting/{}.json", s.id.0), &m)?;
        meetings_je_org.entry(org).or_default().push(m.clone());
        meeting_objekte.push(m);
    }

    let mut organisationen = Vec::new();
    for (name, s) in &gremien {
        let id = w.url(&format!("organization/{s}.json"));
        let eigen = id == eigenes;
        let mut o = json!({
            "id": id,
            "type": typ("Organization"),
            "body": body,
            "name": name,
            "organizationType": if eigen { "Gremium" } else { "Gremium (Beratungsfolge)" },
            "membership": mitglieder_je_org.get(&id).cloned().unwrap_or_default(),
            "meeting": w.liste(
                &format!("organization/{s}/meetings"),
                meetings_je_org.get(&id).map(Vec::as_slice).unwrap_or_default(),
            )?,
            "consultation": w.liste(
                &format!("organization/{s}/consultations"),
                beratungen.get(&id).map(Vec::as_slice).unwrap_or_default(),
            )?,
            "created": eingerichtet,
            "modified": jetzt_s,
        });
        if eigen {
            o["classification"] = buero.gremium_art.label().into();
        }
        w.objekt(&format!("organization/{s}.json"), &o)?;
        organisationen.push(o);
    }

    let mut perioden = Vec::new();
    if !buero.wahlperiode.trim().is_empty() {
        let lt = json!({
            "id": w.url("legislative-term/1.json"),
            "type": typ("LegislativeTerm"),
            "body": body,
            "name": format!("Wahlperiode {}", buero.wahlperiode.trim()),
            "created": eingerichtet,
            "modified": jetzt_s,
        });
        w.objekt("legislative-term/1.json", &lt)?;
        perioden.push(lt);
    }

    let body_objekt = json!({
        "id": body,
        "type": typ("Body"),
        "system": w.url("system.json"),
        "name": buero.kommune,
        "shortName": buero.kommune,
        "organization": w.liste("body/1/organizations", &organisationen)?,
        "person": w.liste("body/1/persons", &person_objekte)?,
        "meeting": w.liste("body/1/meetings", &meeting_objekte)?,
        "paper": w.liste("body/1/papers", &paper_objekte)?,
        "legislativeTerm": perioden,
        "legislativeTermList": w.liste("body/1/legislative-terms", &perioden)?,
        "agendaItem": w.liste("body/1/agenda-items", &agenda_objekte)?,
        "consultation": w.liste("body/1/consultations", &consultation_objekte)?,
        "file": w.liste("body/1/files", &file_objekte)?,
        "membership": w.liste("body/1/memberships", &mitgliedschaft_objekte)?,
        "classification": buero.gremium_art.label(),
        "created": eingerichtet,
        "modified": jetzt_s,
    });
    w.objekt("body/1.json", &body_objekt)?;
    w.liste("bodies", std::slice::from_ref(&body_objekt))?;
    w.objekt(
        "system.json",
        &json!({
            "id": w.url("system.json"),
            "type": typ("System"),
            "oparlVersion": OPARL,
            "body": w.url("bodies.json"),
            "name": format!("Ratsbüro – {}", buero.kommune),
            "created": eingerichtet,
            "modified": jetzt_s,
        }),
    )?;
    Ok(OparlExport {
        ordner: w.ordner.clone(),
        papers: paper_objekte.len(),
        files: file_objekte.len(),
        organizations: organisationen.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_and_slugs() {
        assert_eq!(
            basis_pruefen("https://ratsinfo.herne.de/oparl/").unwrap(),
            "https://ratsinfo.herne.de/oparl"
        );
        for falsch in [
            "",
            "ftp://x",
            "https://",
            "ratsinfo.de",
            "https://a b",
            "https://x?y=1",
        ] {
            let e = basis_pruefen(falsch).unwrap_err();
            assert!(e.to_string().starts_with("--basis-url:"), "{falsch}");
        }
        assert_eq!(slug("Rat der Stadt Herne"), "rat-der-stadt-herne");
        assert_eq!(
            slug("Ausschuss für Soziales, Gleichstellung und Integration"),
            "ausschuss-fuer-soziales-gleichstellung-und-integration"
        );
        assert_eq!(slug("Совет"), "");
    }
}
