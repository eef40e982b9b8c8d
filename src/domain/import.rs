//! Reading a Vorlage from the import JSON (`ratsbuero vorlage import FILE.json`).
//!
//! The format is [`VorlageInhalt`] (README: "Import-Format"). Unknown keys, unknown
//! values and wrong types are refused with a German message that names the field by its
//! path (`beratungsfolge[1].rolle`), so the author of a script knows what to fix.

use super::inhalt::VorlageInhalt;

/// Why an import file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportFehler {
    #[error("Die Datei ist kein gültiges JSON (Zeile {zeile}, Spalte {spalte}).")]
    KeinJson { zeile: usize, spalte: usize },
    #[error("Feld „{pfad}“: {meldung}.")]
    Feld { pfad: String, meldung: String },
    #[error("{0}.")]
    Allgemein(String),
}

/// Parses the import JSON. The top level must be an object (serde would otherwise accept
/// a struct written as an array).
pub fn lesen(json: &str) -> Result<VorlageInhalt, ImportFehler> {
    let wert: serde_json::Value =
        serde_json::from_str(json).map_err(|e| ImportFehler::KeinJson {
            zeile: e.line(),
            spalte: e.column(),
        })?;
    if !wert.is_object() {
        return Err(ImportFehler::Allgemein(
            "Die Datei muss ein JSON-Objekt sein ({ \"betreff\": … })".into(),
        ));
    }
    aus_wert(wert)
}

/// Deserialises any value of the product from JSON with the same German messages that
/// name the field by its path; the Tauri commands read their structured arguments so.
pub fn aus_wert<T: serde::de::DeserializeOwned>(
    wert: serde_json::Value,
) -> Result<T, ImportFehler> {
    serde_path_to_error::deserialize(wert).map_err(|e| {
        let pfad = e.path().to_string();
        übersetzen(pfad, e.inner())
    })
}

fn übersetzen(pfad: String, e: &serde_json::Error) -> ImportFehler {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            return ImportFehler::KeinJson {
                zeile: e.line(),
                spalte: e.column(),
            }
        }
        Category::Data => {}
    }
    let roh = e.to_string();
    let text = roh.split(" at line ").next().unwrap_or(&roh).to_string();
    let zwischen = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    let meldung = if text.starts_with("unknown field") {
        return ImportFehler::Allgemein(format!(
            "Unbekanntes Feld „{}“{}",
            zwischen(&text),
            if pfad == "." || pfad.is_empty() {
                String::new()
            } else {
                format!(" in „{pfad}“")
            }
        ));
    } else if text.starts_with("missing field") {
        let feld = zwischen(&text);
        let voll = if pfad == "." || pfad.is_empty() {
            feld
        } else {
            format!("{pfad}.{feld}")
        };
        return ImportFehler::Feld {
            pfad: voll,
            meldung: "fehlt".into(),
        };
    } else if let Some(rest) = text.strip_prefix("invalid value: ") {
        // e.g. "integer `-1`, expected u64": a count below zero.
        let (ist, soll) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        let wert = match zwischen(ist) {
            w if w.is_empty() => ist.to_string(),
            w => w,
        };
        format!("{wert} {}", ist_kein(&typ_deutsch(soll)))
    } else if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (ist, soll) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        if let Some(getippt) = ist.strip_prefix("string ") {
            // A number field sent as typed ("abc"): name what was typed.
            let getippt = getippt.trim_matches('"');
            return ImportFehler::Feld {
                pfad: if pfad.is_empty() { ".".into() } else { pfad },
                meldung: format!("„{getippt}“ {}", ist_kein(&typ_deutsch(soll))),
            };
        }
        format!(
            "falscher Typ ({} statt {})",
            typ_deutsch(ist),
            typ_deutsch(soll)
        )
    } else {
        text
    };
    ImportFehler::Feld {
        pfad: if pfad.is_empty() { ".".into() } else { pfad },
        meldung,
    }
}

/// "ist keine Zahl", "ist kein Objekt": the sentence for a value of the wrong kind.
fn ist_kein(typ: &str) -> String {
    match typ {
        "Objekt" | "Wahrheitswert" => format!("ist kein {typ}"),
        _ => format!("ist keine {typ}"),
    }
}

fn typ_deutsch(t: &str) -> String {
    let t = t.trim();
    if ["u8", "u16", "u32", "u64", "usize"].contains(&t) {
        "ganze Zahl ab 0".into()
    } else if t.starts_with("integer") || t.starts_with("floating point") || t.starts_with("i64") {
        "Zahl".into()
    } else if t.starts_with("a string") || t.starts_with("string") {
        "Text".into()
    } else if t.starts_with("map") || t.starts_with("struct") {
        "Objekt".into()
    } else if t.starts_with("a sequence") || t.starts_with("sequence") {
        "Liste".into()
    } else if t.starts_with("boolean") {
        "Wahrheitswert".into()
    } else if t == "null" {
        "null".into()
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Rolle, VorlageArt};

    #[test]
    fn full_example_reads() {
        let i = lesen(
            r#"{"art":"antrag","status":"nichtoeffentlich","betreff":"Ü","beratungsfolge":[{"gremium":"Rat","rolle":"entscheidung","datum":"2026-12-03"}],"klimarelevanz":"positiv","finanzielle_auswirkungen":{"art":"folgende","aufwand_einmalig":"1.000,00","haushaltsmittel":"verfuegbar"}}"#,
        )
        .unwrap();
        assert_eq!(i.art, VorlageArt::Antrag);
        assert_eq!(i.beratungsfolge[0].rolle, Rolle::Entscheidung);
        assert_eq!(i.finanzen.aufwand_einmalig, "1.000,00");
    }

    #[test]
    fn errors_name_the_field_in_german() {
        let e = lesen(r#"{"art":"beschluss"}"#).unwrap_err().to_string();
        assert!(
            e.starts_with("Feld „art“: unbekannter Wert „beschluss“"),
            "{e}"
        );
        let e = lesen(r#"{"beratungsfolge":[{"gremium":"Rat","rolle":"abstimmung"}]}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("beratungsfolge[0].rolle"), "{e}");
        let e = lesen(r#"{"beratungsfolge":[{"gremium":"Rat"}]}"#)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("beratungsfolge[0].rolle") && e.contains("fehlt"),
            "{e}"
        );
        let e = lesen(r#"{"betreff": 5}"#).unwrap_err().to_string();
        assert_eq!(e, "Feld „betreff“: falscher Typ (Zahl statt Text).");
        #[derive(Debug, serde::Deserialize)]
        struct Zaehlung {
            #[allow(dead_code)]
            abgegeben: u64,
        }
        let e = aus_wert::<Zaehlung>(serde_json::json!({"abgegeben": -1}))
            .unwrap_err()
            .to_string();
        assert_eq!(e, "Feld „abgegeben“: -1 ist keine ganze Zahl ab 0.");
        let e = lesen(r#"{"titel":"x"}"#).unwrap_err().to_string();
        assert!(e.starts_with("Unbekanntes Feld „titel“"), "{e}");
    }

    #[test]
    fn malformed_json_gives_position() {
        assert_eq!(
            lesen("{\"betreff\": ").unwrap_err(),
            ImportFehler::KeinJson {
                zeile: 1,
                spalte: 12
            }
        );
        assert!(matches!(lesen("{} {}"), Err(ImportFehler::KeinJson { .. })));
        assert!(matches!(lesen("[]"), Err(ImportFehler::Allgemein(_))));
        assert!(matches!(
            lesen("[\"antrag\"]"),
            Err(ImportFehler::Allgemein(_))
        ));
    }
}
