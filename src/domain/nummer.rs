//! Vorlage numbers as the office's scheme writes them: `2014/0290` (Herne, `{jahr}/{nr:04}`),
//! `0207/2016` (Kreis Borken, `{nr:04}/{jahr}`), `14/1923` (RVR, `{wahlperiode}/{nr}`).
//! A revision (Ergänzung) of a released paper appends `/1`, `/2` … to its number.
//!
//! The running number counts per year when the scheme has `{jahr}`, per Wahlperiode when it
//! has `{wahlperiode}` (and no year), otherwise over all time.

use std::fmt::Write;

/// Why a scheme is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaFehler {
    #[error("der Platzhalter {{nr}} (oder {{nr:04}}) fehlt")]
    OhneNummer,
    #[error(
        "unbekannter Platzhalter „{{{0}}}“ (erlaubt: {{jahr}}, {{nr}}, {{nr:04}}, {{wahlperiode}})"
    )]
    Unbekannt(String),
    #[error("eine Klammer ist nicht geschlossen")]
    OffeneKlammer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Teil {
    Text(String),
    Jahr,
    Nr { breite: usize },
    Wahlperiode,
}

/// A parsed numbering scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nummernschema {
    teile: Vec<Teil>,
}

impl Nummernschema {
    pub fn parse(text: &str) -> Result<Self, SchemaFehler> {
        let mut teile = Vec::new();
        let mut rest = text.trim();
        while !rest.is_empty() {
            match rest.find('{') {
                Some(0) => {
                    let ende = rest.find('}').ok_or(SchemaFehler::OffeneKlammer)?;
                    let name = &rest[1..ende];
                    teile.push(match name {
                        "jahr" => Teil::Jahr,
                        "wahlperiode" => Teil::Wahlperiode,
                        "nr" => Teil::Nr { breite: 0 },
                        _ => match name
                            .strip_prefix("nr:0")
                            .and_then(|b| b.parse::<usize>().ok())
                        {
                            Some(breite) if (1..=9).contains(&breite) => Teil::Nr { breite },
                            _ => return Err(SchemaFehler::Unbekannt(name.to_string())),
                        },
                    });
                    rest = &rest[ende + 1..];
                }
                Some(i) => {
                    teile.push(Teil::Text(rest[..i].to_string()));
                    rest = &rest[i..];
                }
                None => {
                    if rest.contains('}') {
                        return Err(SchemaFehler::OffeneKlammer);
                    }
                    teile.push(Teil::Text(rest.to_string()));
                    rest = "";
                }
            }
        }
        if !teile.iter().any(|t| matches!(t, Teil::Nr { .. })) {
            return Err(SchemaFehler::OhneNummer);
        }
        Ok(Self { teile })
    }

    pub fn braucht_wahlperiode(&self) -> bool {
        self.teile.contains(&Teil::Wahlperiode)
    }

    /// The counter the running number belongs to.
    pub fn zaehler(&self, jahr: i32, wahlperiode: &str) -> String {
        if self.teile.contains(&Teil::Jahr) {
            format!("jahr:{jahr}")
        } else if self.braucht_wahlperiode() {
            format!("wahlperiode:{wahlperiode}")
        } else {
            "gesamt".into()
        }
    }

    pub fn formatieren(&self, nr: u32, jahr: i32, wahlperiode: &str) -> String {
        let mut s = String::new();
        for t in &self.teile {
            match t {
                Teil::Text(x) => s.push_str(x),
                Teil::Jahr => {
                    let _ = write!(s, "{jahr}");
                }
                Teil::Wahlperiode => s.push_str(wahlperiode.trim()),
                Teil::Nr { breite } => {
                    let _ = write!(s, "{nr:0breite$}", breite = *breite);
                }
            }
        }
        s
    }
}

/// The number of the `fassung`-th revision of the paper numbered `stamm`.
pub fn fassung(stamm: &str, fassung: u32) -> String {
    if fassung == 0 {
        stamm.to_string()
    } else {
        format!("{stamm}/{fassung}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_schemes_of_the_reference_papers() {
        assert_eq!(
            Nummernschema::parse("{jahr}/{nr:04}")
                .unwrap()
                .formatieren(290, 2014, ""),
            "2014/0290"
        );
        assert_eq!(
            Nummernschema::parse("{nr:04}/{jahr}")
                .unwrap()
                .formatieren(207, 2016, ""),
            "0207/2016"
        );
        assert_eq!(
            Nummernschema::parse("{wahlperiode}/{nr}")
                .unwrap()
                .formatieren(1923, 2025, "14"),
            "14/1923"
        );
        assert_eq!(fassung("0207/2016", 1), "0207/2016/1");
        assert_eq!(fassung("0207/2016", 0), "0207/2016");
    }

    #[test]
    fn counter_follows_the_scheme() {
        let j = Nummernschema::parse("{jahr}/{nr:04}").unwrap();
        assert_eq!(j.zaehler(2026, "14"), "jahr:2026");
        let w = Nummernschema::parse("{wahlperiode}/{nr}").unwrap();
        assert_eq!(w.zaehler(2026, "14"), "wahlperiode:14");
        assert!(w.braucht_wahlperiode());
        assert_eq!(
            Nummernschema::parse("IR-{nr:03}")
                .unwrap()
                .zaehler(2026, ""),
            "gesamt"
        );
    }

    #[test]
    fn bad_schemes_are_refused_with_reason() {
        assert_eq!(
            Nummernschema::parse("{jahr}/"),
            Err(SchemaFehler::OhneNummer)
        );
        assert_eq!(
            Nummernschema::parse("{jahr}/{nummer}"),
            Err(SchemaFehler::Unbekannt("nummer".into()))
        );
        assert_eq!(
            Nummernschema::parse("{jahr/{nr}"),
            Err(SchemaFehler::Unbekannt("jahr/{nr".into()))
        );
        assert_eq!(
            Nummernschema::parse("{nr"),
            Err(SchemaFehler::OffeneKlammer)
        );
        assert!(SchemaFehler::Unbekannt("x".into())
            .to_string()
            .contains("„{x}“"));
    }
}
