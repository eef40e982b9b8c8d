//! JSON as real RIS servers send it: a control character left unescaped inside a string
//! (a tab or line break pasted into a title) is escaped before parsing, and the caller is
//! told, so the report can say so. Values that mean "nothing" — blank strings, "N/A",
//! "0000-00-00" — are read as missing.

use serde_json::Value;

/// The text parsed; `true` when control characters had to be escaped first.
pub fn lesen(text: &str) -> Result<(Value, bool), serde_json::Error> {
    match serde_json::from_str(text) {
        Ok(v) => Ok((v, false)),
        Err(e) if e.is_syntax() => {
            let repariert = steuerzeichen_maskieren(text);
            if repariert == text {
                return Err(e);
            }
            serde_json::from_str(&repariert).map(|v| (v, true))
        }
        Err(e) => Err(e),
    }
}

/// Why a text is no JSON, in German (serde_json says it in English: "EOF while parsing a
/// value at line 1 column 5").
pub fn fehler_deutsch(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let wo = format!("Zeile {}, Spalte {}", e.line(), e.column());
    match e.classify() {
        Category::Eof => format!("die Antwort bricht mitten im JSON ab ({wo})"),
        Category::Syntax => format!("kein gültiges JSON ({wo})"),
        Category::Data => format!("unerwarteter Inhalt im JSON ({wo})"),
        Category::Io => "die Antwort ließ sich nicht lesen".into(),
    }
}

/// Escapes control characters inside string literals (outside them they are whitespace
/// or an error either way).
fn steuerzeichen_maskieren(text: &str) -> String {
    let mut aus = String::with_capacity(text.len() + 16);
    let mut im_string = false;
    let mut escape = false;
    for c in text.chars() {
        if im_string {
            if escape {
                escape = false;
            } else if c == '\\' {
                escape = true;
            } else if c == '"' {
                im_string = false;
            } else if (c as u32) < 0x20 {
                aus.push_str(&format!("\\u{:04x}", c as u32));
                continue;
            }
        } else if c == '"' {
            im_string = true;
        }
        aus.push(c);
    }
    aus
}

/// A text value, or `None` for what means nothing (missing, not a string, blank, "N/A").
pub fn text<'a>(o: &'a Value, feld: &str) -> Option<&'a str> {
    let t = o.get(feld)?.as_str()?.trim();
    match t {
        "" | "N/A" | "n/a" | "NA" | "-" | "null" => None,
        t => Some(t),
    }
}

/// A date no calendar has ("0000-00-00"), as the RIS wrote it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Datum „{0}“ ungültig")]
pub struct UngueltigesDatum(pub String);

/// A date (`JJJJ-MM-TT`, or the day of a date-time); an impossible one is an error that
/// keeps its text.
pub fn datum(o: &Value, feld: &str) -> Result<Option<String>, UngueltigesDatum> {
    let Some(t) = text(o, feld) else {
        return Ok(None);
    };
    let tag = t.get(..10).unwrap_or(t);
    match chrono::NaiveDate::parse_from_str(tag, "%Y-%m-%d") {
        Ok(d) if d.year_ce().1 >= 1000 => Ok(Some(d.format("%Y-%m-%d").to_string())),
        _ => Err(UngueltigesDatum(t.to_string())),
    }
}

use chrono::Datelike;

/// The type of an object, whatever OParl version its type URL names
/// (`https://schema.oparl.org/1.0/Paper` and `…/1.1/Paper` are both `Paper`).
pub fn typ(o: &Value) -> Option<&str> {
    let t = o.get("type")?.as_str()?;
    t.trim_end_matches('/').rsplit('/').next()
}

/// A value that should be a list of objects: a list, or (as some servers send it) one
/// object on its own.
pub fn liste(o: &Value, feld: &str) -> Vec<Value> {
    match o.get(feld) {
        Some(Value::Array(a)) => a.clone(),
        Some(v @ Value::Object(_)) => vec![v.clone()],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_in_strings_are_escaped_and_said() {
        let (v, repariert) = lesen("{\"name\": \"Antrag\tder\nFraktion\"}").unwrap();
        assert!(repariert);
        assert_eq!(v["name"], "Antrag\tder\nFraktion");
        let (_, repariert) = lesen("{\"name\": \"ok\"}").unwrap();
        assert!(!repariert);
        assert!(lesen("{\"name\": ").is_err());
    }

    #[test]
    fn nothing_is_nothing_and_types_of_both_versions() {
        let o: Value = serde_json::json!({"a": " ", "b": "N/A", "c": "Rat", "d": "0000-00-00", "e": "2014-05-06T17:00:00+02:00",
            "type": "https://schema.oparl.org/1.0/Paper", "f": {"x": 1}});
        assert_eq!(text(&o, "a"), None);
        assert_eq!(text(&o, "b"), None);
        assert_eq!(text(&o, "c"), Some("Rat"));
        assert_eq!(datum(&o, "d"), Err(UngueltigesDatum("0000-00-00".into())));
        assert_eq!(datum(&o, "e"), Ok(Some("2014-05-06".into())));
        assert_eq!(datum(&o, "zz"), Ok(None));
        assert_eq!(typ(&o), Some("Paper"));
        assert_eq!(liste(&o, "f").len(), 1);
        assert_eq!(liste(&o, "zz").len(), 0);
    }
}
