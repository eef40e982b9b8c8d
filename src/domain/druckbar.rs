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
