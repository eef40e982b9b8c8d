//! The embedded fonts (DejaVu Sans regular and bold, Noto Sans Arabic regular and bold for
//! Arabic script, Noto Sans Ethiopic regular and bold for Ethiopic, from `assets/fonts/`, licences beside them) and their metrics. printpdf does not measure text, so widths come from the font's
//! own advance widths (read-fonts); a character the font lacks is an error that names it,
//! never a silent box.

use super::PdfFehler;
use printpdf::{FontId, ParsedFont, PdfDocument};

use crate::schriftvorrat::{
    Metrik, AETHIOPISCH_BOLD, AETHIOPISCH_REGULAR, ARABISCH_BOLD, ARABISCH_REGULAR, BOLD,
    METRIK_BOLD, METRIK_REGULAR, REGULAR,
};
use std::sync::LazyLock;

/// Which face of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schnitt {
    Normal,
    Fett,
}

/// The fonts registered in one document.
pub struct Schriften {
    normal: FontId,
    fett: FontId,
    arabisch_normal: FontId,
    arabisch_fett: FontId,
    aethiopisch_normal: FontId,
    aethiopisch_fett: FontId,
}

/// The fonts parsed once per process (printpdf embeds only the glyphs a document uses,
/// so a document without Arabic script carries none of Noto Sans Arabic).
static GEPARST: LazyLock<Option<[ParsedFont; 6]>> = LazyLock::new(|| {
    let mut warnungen = Vec::new();
    Some([
        ParsedFont::from_bytes(*REGULAR, 0, &mut warnungen)?,
        ParsedFont::from_bytes(*BOLD, 0, &mut warnungen)?,
        ParsedFont::from_bytes(*ARABISCH_REGULAR, 0, &mut warnungen)?,
        ParsedFont::from_bytes(*ARABISCH_BOLD, 0, &mut warnungen)?,
        ParsedFont::from_bytes(*AETHIOPISCH_REGULAR, 0, &mut warnungen)?,
        ParsedFont::from_bytes(*AETHIOPISCH_BOLD, 0, &mut warnungen)?,
    ])
});

impl Schriften {
    /// Registers both fonts in `doc`.
    pub fn einbetten(doc: &mut PdfDocument) -> Result<Schriften, PdfFehler> {
        let [normal, fett, arabisch_normal, arabisch_fett, aethiopisch_normal, aethiopisch_fett] =
            GEPARST.as_ref().ok_or(PdfFehler::Schrift(
                "DejaVuSans/NotoSansArabic/NotoSansEthiopic",
            ))?;
        Ok(Schriften {
            normal: doc.add_font(normal),
            fett: doc.add_font(fett),
            arabisch_normal: doc.add_font(arabisch_normal),
            arabisch_fett: doc.add_font(arabisch_fett),
            aethiopisch_normal: doc.add_font(aethiopisch_normal),
            aethiopisch_fett: doc.add_font(aethiopisch_fett),
        })
    }

    /// The font of Arabic script.
    pub fn arabisch(&self, s: Schnitt) -> FontId {
        match s {
            Schnitt::Normal => self.arabisch_normal.clone(),
            Schnitt::Fett => self.arabisch_fett.clone(),
        }
    }

    /// The font of Ethiopic script.
    pub fn aethiopisch(&self, s: Schnitt) -> FontId {
        match s {
            Schnitt::Normal => self.aethiopisch_normal.clone(),
            Schnitt::Fett => self.aethiopisch_fett.clone(),
        }
    }

    pub fn id(&self, s: Schnitt) -> FontId {
        match s {
            Schnitt::Normal => self.normal.clone(),
            Schnitt::Fett => self.fett.clone(),
        }
    }
}

pub fn metrik(s: Schnitt) -> &'static Metrik {
    match s {
        Schnitt::Normal => &METRIK_REGULAR,
        Schnitt::Fett => &METRIK_BOLD,
    }
}

/// The advance of glyph `gid` of the Arabic font, in em.
pub fn arabisch_breite(s: Schnitt, gid: u16) -> f32 {
    let m = match s {
        Schnitt::Normal => &*crate::schriftvorrat::METRIK_ARABISCH_REGULAR,
        Schnitt::Fett => &*crate::schriftvorrat::METRIK_ARABISCH_BOLD,
    };
    m.glyph_breite(gid)
}

/// Checks that both faces can show every character of `text`; the error names the field
/// and the character with its code point.
pub fn pruefen(feld: &str, text: &str) -> Result<(), PdfFehler> {
    match crate::schriftvorrat::erstes_fehlendes(text) {
        Some(zeichen) => Err(PdfFehler::ZeichenFehlt {
            feld: feld.to_string(),
            zeichen,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_required_script_are_covered() {
        for name in [
            "Mühlenkamp Straße",
            "Ağaoğlu Işık İnce Şahin",
            "Łukasz Żak Świątek",
            "Ștefan Țurcanu",
            "Nguyễn Thị Hồng Đặng Phạm Ngọc",
            "Елена Смирнова",
            "Γιώργος Παπαδόπουλος",
            "€ „“ – …",
        ] {
            pruefen("test", name).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn a_missing_glyph_is_named() {
        let e = pruefen("Betreff", "Fest 🎉").unwrap_err();
        assert_eq!(
            e.to_string(),
            "Betreff: Das Zeichen „🎉“ (U+1F389) kann die PDF-Schrift nicht darstellen."
        );
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let m = metrik(Schnitt::Normal);
        assert!(m.breite("WWW", 10.0) > m.breite("iii", 10.0));
        assert!((m.breite("Rat", 20.0) - 2.0 * m.breite("Rat", 10.0)).abs() < 0.001);
        assert!(metrik(Schnitt::Fett).breite("Rat", 10.0) > m.breite("Rat", 10.0));
    }
}
