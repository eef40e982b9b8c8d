//! The OParl 1.1 export against the standard's own JSON schemas
//! (`../shared/testdata/oparl-1.1-schema/`, validated with the `jsonschema` crate, formats
//! checked): every object, embedded ones included, validates and carries `created` and
//! `modified`; every link inside the export resolves to a file of the export; the files
//! match their `sha512Checksum`; and not one byte of a nichtöffentliche Vorlage or Anlage,
//! nor of a draft, is in the folder.

use crate::gemeinsam::{buero_mit_schema, vorlage, zeit};
use ratsbuero::api;
use ratsbuero::domain::AnlageNeu;
use ratsbuero::domain::Status;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const BASIS: &str = "https://ratsinfo.herne.de/oparl";

fn schema_ordner() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/oparl-1.1-schema")
}

fn ist_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && !s.contains(char::is_whitespace)
        && s.len() > 8
}

fn validatoren() -> BTreeMap<String, jsonschema::Validator> {
    let mut v = BTreeMap::new();
    for e in std::fs::read_dir(schema_ordner()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let schema: Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let validator = jsonschema::options()
                .should_validate_formats(true)
                .with_format("url", ist_url)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            v.insert(name, validator);
        }
    }
    v
}

/// Validates `wert` and every OParl object inside it; returns how many were checked.
fn pruefen(
    v: &BTreeMap<String, jsonschema::Validator>,
    wert: &Value,
    wo: &str,
    mit_zeiten: bool,
) -> usize {
    let mut fehler = Vec::new();
    let n = sammeln(v, wert, wo, mit_zeiten, &mut fehler);
    assert!(fehler.is_empty(), "{fehler:#?}");
    n
}

fn sammeln(
    v: &BTreeMap<String, jsonschema::Validator>,
    wert: &Value,
    wo: &str,
    mit_zeiten: bool,
    alle: &mut Vec<String>,
) -> usize {
    let mut n = 0;
    match wert {
        Value::Object(m) => {
            if let Some(t) = m.get("type").and_then(Value::as_str) {
                if let Some(name) = t.strip_prefix("https://schema.oparl.org/1.1/") {
                    let val = v
                        .get(name)
                        .unwrap_or_else(|| panic!("{wo}: kein Schema für {name}"));
                    alle.extend(
                        val.iter_errors(wert)
                            .map(|e| format!("{wo} ({name}): {e} bei {}", e.instance_path())),
                    );
                    if mit_zeiten && !(m.contains_key("created") && m.contains_key("modified")) {
                        alle.push(format!("{wo} ({name}): created/modified fehlt"));
                    }
                    n += 1;
                }
            }
            for (k, kind) in m {
                n += sammeln(v, kind, &format!("{wo}.{k}"), mit_zeiten, alle);
            }
        }
        Value::Array(a) => {
            for (i, kind) in a.iter().enumerate() {
                n += sammeln(v, kind, &format!("{wo}[{i}]"), mit_zeiten, alle);
            }
        }
        _ => {}
    }
    n
}

fn alle_dateien(ordner: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(ordner).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            v.extend(alle_dateien(&p));
        } else {
            v.push(p);
        }
    }
    v
}

fn urls(wert: &Value, aus: &mut Vec<String>) {
    match wert {
        Value::String(s) if s.starts_with(BASIS) => aus.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|k| urls(k, aus)),
        Value::Object(m) => m.values().for_each(|k| urls(k, aus)),
        _ => {}
    }
}

/// The standard's example objects through the same validator: all valid except one slip
/// of the standard itself — the AgendaItem embedded in Meeting-01 lacks its required
/// `order`. Finding exactly that shows the validator checks embedded objects too.
#[test]
fn the_standards_examples_validate_with_the_same_validator() {
    let v = validatoren();
    let mut n = 0;
    let mut fehler = Vec::new();
    let mut namen: Vec<PathBuf> = std::fs::read_dir(schema_ordner().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    namen.sort();
    for p in namen {
        let wert: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        n += sammeln(&v, &wert, &name, false, &mut fehler);
    }
    assert!(n >= 8, "{n}");
    assert_eq!(
        fehler,
        vec![
            "Meeting-01.json.agendaItem[0] (AgendaItem): \"order\" is a required property bei "
                .to_string()
        ]
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn export_validates_links_resolve_and_nothing_nichtoeffentlich_leaves() {
    let mut t = buero_mit_schema("{jahr}/{nr:04}", "14");
    let s = &mut t.store;
    let j = zeit("2026-03-01");
    // A public, released paper with a public and a nichtöffentliche Anlage.
    let g = s
        .vorlage_anlegen(&vorlage("Integrationskonzept für Herne"), j)
        .unwrap();
    let (g, _) = s
        .anlage_hinzufuegen(
            g.id,
            g.version,
            AnlageNeu {
                name: "Konzept öffentlich.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: b"%PDF-1.4 oeffentlicher Inhalt".to_vec(),
            },
            j,
        )
        .unwrap();
    let (g, _) = s
        .anlage_hinzufuegen(
            g.id,
            g.version,
            AnlageNeu {
                name: "GEHEIM-Gutachten Mietrückstände.pdf".into(),
                status: Status::Nichtoeffentlich,
                alternativenpruefung: false,
                daten: b"%PDF-1.4 GEHEIMER-ANLAGENINHALT".to_vec(),
            },
            j,
        )
        .unwrap();
    let oeffentlich = s
        .vorlage_freigeben(g.id, g.version, zeit("2026-03-02"))
        .unwrap();
    // Its revision, also released: the two are related papers.
    let f = s
        .vorlage_neue_fassung(oeffentlich.id, zeit("2026-03-05"))
        .unwrap();
    let f = s
        .vorlage_freigeben(f.id, f.version, zeit("2026-03-06"))
        .unwrap();
    // A nichtöffentliche released paper, and a public draft.
    let mut geheim = vorlage("GEHEIM-Personalangelegenheit Frau Nowak");
    geheim.status = Status::Nichtoeffentlich;
    geheim.beratungsfolge[0].gremium = "GEHEIM-Sondergremium".into();
    let g = s.vorlage_anlegen(&geheim, j).unwrap();
    s.vorlage_freigeben(g.id, g.version, j).unwrap();
    let geheim_nr = s.vorlage(g.id).unwrap().nummer;
    s.vorlage_anlegen(&vorlage("ENTWURF-noch nicht veröffentlicht"), j)
        .unwrap();

    // Gremium, a member (contact data stays inside), a Sitzung with both parts.
    let g = s
        .gremium_anlegen(
            &ratsbuero::domain::GremiumNeu {
                name: "Integrationsrat".into(),
                kurzname: "IR".into(),
                typ: ratsbuero::domain::sitzung::GremiumTyp::Integrationsrat,
                wahlperiode: "14".into(),
                ladungsfrist_tage: 7,
                mindestsitzungen_jahr: 2,
                vertretung: Default::default(),
                ohne_entschaedigung: false,
            },
            j,
        )
        .unwrap();
    let p = s
        .person_anlegen(
            &ratsbuero::domain::PersonNeu {
                anrede: "Frau".into(),
                vorname: "Ayşe".into(),
                nachname: "Yılmaz".into(),
                email: "GEHEIM-ayse@example.org".into(),
                telefon: "GEHEIM-0231".into(),
                ..Default::default()
            },
            j,
        )
        .unwrap();
    s.mitgliedschaft_anlegen(&ratsbuero::domain::MitgliedschaftNeu {
        person: p.id,
        gremium: g.id,
        rolle: ratsbuero::domain::sitzung::MitgliedRolle::Vorsitz,
        stimmrecht: true,
        fuer: String::new(),
        herkunft: ratsbuero::domain::sitzung::Herkunft::Direkt,
        von: "01.11.2025".into(),
        bis: String::new(),
    })
    .unwrap();
    s.person_anlegen(
        &ratsbuero::domain::PersonNeu {
            nachname: "GEHEIM-Kontakt ohne Mitgliedschaft".into(),
            ..Default::default()
        },
        j,
    )
    .unwrap();
    let sitzung = s
        .sitzung_anlegen(
            g.id,
            chrono::NaiveDateTime::parse_from_str("2026-12-03T17:00:00", "%Y-%m-%dT%H:%M:%S")
                .unwrap(),
            "Rathaus",
            j,
        )
        .unwrap();
    use ratsbuero::domain::sitzung::Teil;
    s.top_hinzufuegen(
        sitzung.id,
        &ratsbuero::domain::TopNeu {
            teil: Teil::Oeffentlich,
            titel: String::new(),
            vorlage: Some(f.id),
            unterpunkt: false,
        },
        j,
    )
    .unwrap();
    s.top_hinzufuegen(
        sitzung.id,
        &ratsbuero::domain::TopNeu {
            teil: Teil::Nichtoeffentlich,
            titel: "GEHEIM-TOP Personalie".into(),
            vorlage: None,
            unterpunkt: false,
        },
        j,
    )
    .unwrap();

    let ordner = t.ordner.path().join("oparl");
    std::fs::create_dir_all(&ordner).unwrap();
    std::fs::write(ordner.join("alt.json"), "{}").unwrap();
    let e = api::oparl_export(&t.store, &ordner, &format!("{BASIS}/"), zeit("2026-11-22")).unwrap();
    assert_eq!((e.papers, e.files), (2, 4)); // 2 × (Vorlage PDF) + 2 × öffentliche Anlage
    assert!(
        !ordner.join("alt.json").exists(),
        "a new export replaces the old one"
    );

    let v = validatoren();
    let dateien = alle_dateien(&ordner);
    let mut objekte = 0;
    let mut verweise = Vec::new();
    let mut typen = BTreeMap::<String, usize>::new();
    for d in &dateien {
        let mut bytes = std::fs::read(d).unwrap();
        if bytes.starts_with(b"%PDF") && bytes.len() > 1000 {
            // A rendered PDF: its text as poppler extracts it (the streams are compressed).
            let o = std::process::Command::new("pdftotext")
                .arg(d)
                .arg("-")
                .output()
                .expect("pdftotext (poppler-utils)");
            assert!(o.status.success());
            bytes = o.stdout;
            assert!(String::from_utf8_lossy(&bytes).contains("Integrationskonzept"));
        }
        for verboten in ["GEHEIM", "Nowak", "ENTWURF", "GEHEIMER-ANLAGENINHALT"] {
            assert!(
                !String::from_utf8_lossy(&bytes).contains(verboten),
                "{verboten} in {}",
                d.display()
            );
        }
        if let Some(nr) = &geheim_nr {
            if d.extension().is_some_and(|x| x == "json") {
                assert!(
                    !String::from_utf8_lossy(&bytes).contains(&format!("\"{nr}\"")),
                    "Nummer der nichtöffentlichen Vorlage in {}",
                    d.display()
                );
            }
        }
        if d.extension().is_some_and(|x| x == "json") {
            let wert: Value = serde_json::from_slice(&bytes).unwrap();
            objekte += pruefen(&v, &wert, &d.display().to_string(), true);
            urls(&wert, &mut verweise);
            if let Some(t) = wert.get("type").and_then(Value::as_str) {
                *typen
                    .entry(t.rsplit('/').next().unwrap().to_string())
                    .or_default() += 1;
            }
            if let Some(p) = wert.get("pagination") {
                assert!(
                    wert.get("links").is_some() && wert.get("data").is_some(),
                    "{}",
                    d.display()
                );
                assert!(
                    p["totalElements"].as_u64().unwrap() as usize
                        >= wert["data"].as_array().unwrap().len()
                );
            }
        }
    }
    assert!(objekte > 10, "{objekte}");
    for t in [
        "System",
        "Body",
        "Paper",
        "File",
        "Consultation",
        "Organization",
        "LegislativeTerm",
    ] {
        assert!(typen.contains_key(t), "keine Datei vom Typ {t}: {typen:?}");
    }
    // Every link points at a file of the export.
    for u in &verweise {
        let pfad = ordner.join(u.strip_prefix(&format!("{BASIS}/")).unwrap());
        assert!(pfad.is_file(), "{u} zeigt ins Leere");
    }
    // Body: the mandatory lists, and the files match their checksums.
    let body: Value =
        serde_json::from_str(&std::fs::read_to_string(ordner.join("body/1.json")).unwrap())
            .unwrap();
    for k in [
        "organization",
        "person",
        "meeting",
        "paper",
        "legislativeTerm",
    ] {
        assert!(body.get(k).is_some(), "Body.{k} fehlt");
    }
    let files: Value =
        serde_json::from_str(&std::fs::read_to_string(ordner.join("body/1/files.json")).unwrap())
            .unwrap();
    for f in files["data"].as_array().unwrap() {
        let pfad = ordner.join(
            f["accessUrl"]
                .as_str()
                .unwrap()
                .strip_prefix(&format!("{BASIS}/"))
                .unwrap(),
        );
        let daten = std::fs::read(pfad).unwrap();
        assert_eq!(
            f["sha512Checksum"].as_str().unwrap(),
            ratsbuero::domain::anlage::sha512_hex(&daten)
        );
        assert_eq!(f["size"].as_u64().unwrap() as usize, daten.len());
    }
    let papers: Value =
        serde_json::from_str(&std::fs::read_to_string(ordner.join("body/1/papers.json")).unwrap())
            .unwrap();
    let erstes = &papers["data"][0];
    assert_eq!(erstes["name"], "Integrationskonzept für Herne");
    assert_eq!(
        erstes["reference"],
        t.store.vorlage(oeffentlich.id).unwrap().nummer.unwrap()
    );
    assert_eq!(
        erstes["relatedPaper"][0],
        format!("{BASIS}/paper/{}.json", f.id.0)
    );
    assert_eq!(erstes["consultation"][1]["authoritative"], true);
    assert_eq!(erstes["created"], "2026-03-01T10:00:00+01:00");
    assert_eq!(erstes["auxiliaryFile"].as_array().unwrap().len(), 1);
    let meetings: Value = serde_json::from_str(
        &std::fs::read_to_string(ordner.join("body/1/meetings.json")).unwrap(),
    )
    .unwrap();
    let m = &meetings["data"][0];
    assert_eq!(m["start"], "2026-12-03T17:00:00+01:00");
    assert_eq!(
        m["agendaItem"].as_array().unwrap().len(),
        1,
        "nur der öffentliche TOP"
    );
    assert_eq!(m["agendaItem"][0]["number"], "Ö 1");
    let personen: Value =
        serde_json::from_str(&std::fs::read_to_string(ordner.join("body/1/persons.json")).unwrap())
            .unwrap();
    assert_eq!(
        personen["data"].as_array().unwrap().len(),
        1,
        "nur Mitglieder"
    );
    assert_eq!(personen["data"][0]["name"], "Ayşe Yılmaz");

    // A bad base URL is refused before anything is written.
    let leer = t.ordner.path().join("nichts");
    let e =
        api::oparl_export(&t.store, &leer, "ratsinfo.herne.de", zeit("2026-11-22")).unwrap_err();
    assert!(e.message.contains("--basis-url"), "{}", e.message);
    assert!(!leer.exists());
}
