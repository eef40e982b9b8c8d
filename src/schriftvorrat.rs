//! The fonts the office prints with (DejaVu Sans regular and bold, `assets/fonts/`, licence
//! beside them) and the one question every layer asks of them: can this character be
//! printed?
//!
//! It sits beside the domain, not inside the PDF renderer, because the answer is a rule of
//! input: a character no bundled font has is a finding at the field when it is typed
//! ("Das Zeichen 🌻 kann nicht gedruckt werden"), not a surprise at print time. The PDF
//! renderer takes the same bytes and metrics from here.

use std::sync::LazyLock;

pub(crate) static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub(crate) static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// Metrics of one font file, parsed once per process.
pub struct Metrik {
    face: ttf_parser::Face<'static>,
    einheiten: f32,
}

impl Metrik {
    fn neu(bytes: &'static [u8]) -> Metrik {
        let face = ttf_parser::Face::parse(bytes, 0).expect("eingebettete Schrift ist gültig");
        let einheiten = f32::from(face.units_per_em());
        Metrik { face, einheiten }
    }

    /// Width of `text` at `groesse` pt. Characters the font lacks count as zero (they are
    /// refused before layout).
    pub fn breite(&self, text: &str, groesse: f32) -> f32 {
        let einheiten: u32 = text
            .chars()
            .filter_map(|c| self.face.glyph_index(c))
            .filter_map(|g| self.face.glyph_hor_advance(g))
            .map(u32::from)
            .sum();
        einheiten as f32 / self.einheiten * groesse
    }

    pub fn hat(&self, c: char) -> bool {
        c.is_control() || self.face.glyph_index(c).is_some()
    }
}

pub(crate) static METRIK_REGULAR: LazyLock<Metrik> = LazyLock::new(|| Metrik::neu(REGULAR));
pub(crate) static METRIK_BOLD: LazyLock<Metrik> = LazyLock::new(|| Metrik::neu(BOLD));

/// Whether both faces can show `c`.
pub fn druckbar(c: char) -> bool {
    METRIK_REGULAR.hat(c) && METRIK_BOLD.hat(c)
}

/// The first character of `text` no bundled font can print.
pub fn erstes_fehlendes(text: &str) -> Option<char> {
    text.chars().find(|c| !druckbar(*c))
}

/// The German sentence for a field (in the words of the screen) holding `zeichen`.
pub fn meldung(feldname: &str, zeichen: char) -> String {
    format!(
        "{feldname}: Das Zeichen „{zeichen}“ (U+{:04X}) kann nicht gedruckt werden, die PDF-Schrift hat es nicht. Bitte entfernen oder ersetzen.",
        zeichen as u32
    )
}

/// `Some(message)` when `text` holds a character that cannot be printed.
pub fn pruefen(feldname: &str, text: &str) -> Option<String> {
    erstes_fehlendes(text).map(|z| meldung(feldname, z))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn international_names_print_and_pictographs_do_not() {
        for name in [
            "Ağaoğlu Işık İnce Şahin",
            "Łukasz Żak Świątek",
            "Ștefan Țurcanu",
            "Nguyễn Thị Hồng Đặng",
            "Елена Смирнова",
            "Γιώργος Παπαδόπουλος",
        ] {
            assert_eq!(erstes_fehlendes(name), None, "{name}");
        }
        assert_eq!(erstes_fehlendes("Leyla Demir 🌻"), Some('🌻'));
        assert_eq!(
            pruefen("Betreff", "Fest 👍").unwrap(),
            "Betreff: Das Zeichen „👍“ (U+1F44D) kann nicht gedruckt werden, die PDF-Schrift hat es nicht. Bitte entfernen oder ersetzen."
        );
    }
}
