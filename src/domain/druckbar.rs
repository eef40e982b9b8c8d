//! The rule that every text a document prints can be printed: a character no bundled
//! font has is refused at its field, in the words of the screen.

use super::befund::Befund;

/// Refuses text with a character no bundled font can print; `name` is the field in the
/// words of the screen ("Mitglied Leyla Demir, Nachname").
pub fn pruefen(feld: &str, name: &str, text: &str) -> Result<(), Befund> {
    match crate::schriftvorrat::pruefen(name, text) {
        Some(m) => Err(Befund::fehler(feld, m)),
        None => Ok(()),
    }
}

/// The longest text a field takes, in characters (what a document can print on its line
/// and a list can show): Ort 200, TOP title 500, Wahl title 200. (The Betreff's 500 is a
/// rule of the release, [`super::pruefung::BETREFF_MAX`]: a draft keeps a longer one.)
pub const ORT: usize = 200;
pub const TOP_TITEL: usize = 500;
pub const WAHL_TITEL: usize = 200;

/// Refuses text longer than `hoechstens` characters, naming the field as the screen does:
/// "Ort: 10.000 Zeichen sind zu lang (höchstens 200)."
pub fn laenge(feld: &str, name: &str, text: &str, hoechstens: usize) -> Result<(), Befund> {
    let n = text.trim().chars().count();
    if n > hoechstens {
        return Err(Befund::fehler(
            feld,
            format!(
                "{name}: {} Zeichen sind zu lang (höchstens {}).",
                tausender(n),
                tausender(hoechstens)
            ),
        ));
    }
    Ok(())
}

/// Refuses text that cannot be printed or is too long: both rules of a printed field.
pub fn feld(feld: &str, name: &str, text: &str, hoechstens: usize) -> Result<(), Befund> {
    pruefen(feld, name, text)?;
    laenge(feld, name, text, hoechstens)
}

fn tausender(n: usize) -> String {
    super::betrag::tausender(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_refuses_more_than_its_limit_in_characters_not_bytes() {
        assert!(laenge("ort", "Ort", &"ğ".repeat(200), ORT).is_ok());
        let b = laenge("ort", "Ort", &"a".repeat(10_000), ORT).unwrap_err();
        assert_eq!(b.feld, "ort");
        assert_eq!(
            b.meldung,
            "Ort: 10.000 Zeichen sind zu lang (höchstens 200)."
        );
        assert_eq!(
            feld("titel", "TOP, Titel", &"x".repeat(501), TOP_TITEL)
                .unwrap_err()
                .meldung,
            "TOP, Titel: 501 Zeichen sind zu lang (höchstens 500)."
        );
    }
}
