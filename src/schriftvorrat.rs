//! The fonts the office prints with (DejaVu Sans regular and bold for Latin, Greek,
//! Cyrillic and Hebrew; Noto Sans Arabic regular and bold for Arabic script; Noto Sans
//! Ethiopic regular and bold for Tigrinya and Amharic; `assets/fonts/`, licences beside
//! them) and the one question every layer asks of them:
//! can this character be printed?
//!
//! It sits beside the domain, not inside the PDF renderer, because the answer is a rule of
//! input: a character no bundled font has is a finding at the field when it is typed
//! ("Das Zeichen 🌻 kann nicht gedruckt werden"), not a surprise at print time. The PDF
//! renderer takes the same bytes and metrics from here.

use read_fonts::tables::cmap::CmapSubtable;
use read_fonts::tables::hmtx::Hmtx;
use read_fonts::types::GlyphId;
use read_fonts::{FontRef, TableProvider};
use std::sync::LazyLock;

/// Data built into the program deflated (`build.rs`), inflated once on first use and kept
/// for the life of the process.
pub(crate) fn entpackt(gepackt: &'static [u8]) -> &'static [u8] {
    Box::leak(
        miniz_oxide::inflate::decompress_to_vec(gepackt)
            .expect("eingebaute Daten lassen sich entpacken")
            .into_boxed_slice(),
    )
}

macro_rules! eingebaut {
    ($datei:literal) => {
        std::sync::LazyLock::new(|| {
            $crate::schriftvorrat::entpackt(include_bytes!(concat!(
                env!("OUT_DIR"),
                "/",
                $datei,
                ".deflate"
            )))
        })
    };
}
pub(crate) use eingebaut;

pub(crate) static REGULAR: LazyLock<&[u8]> = eingebaut!("DejaVuSans.ttf");
pub(crate) static BOLD: LazyLock<&[u8]> = eingebaut!("DejaVuSans-Bold.ttf");
pub(crate) static ARABISCH_REGULAR: LazyLock<&[u8]> = eingebaut!("NotoSansArabic-Regular.ttf");
pub(crate) static ARABISCH_BOLD: LazyLock<&[u8]> = eingebaut!("NotoSansArabic-Bold.ttf");
pub(crate) static AETHIOPISCH_REGULAR: LazyLock<&[u8]> = eingebaut!("NotoSansEthiopic-Regular.ttf");
pub(crate) static AETHIOPISCH_BOLD: LazyLock<&[u8]> = eingebaut!("NotoSansEthiopic-Bold.ttf");

/// Whether `c` is written in Arabic script (then Noto Sans Arabic prints it, shaped).
pub fn arabische_schrift(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether `c` is written in Ethiopic script (Ge'ez: Tigrinya, Amharic; then Noto Sans
/// Ethiopic prints it).
pub fn aethiopische_schrift(c: char) -> bool {
    matches!(c as u32, 0x1200..=0x139F | 0x2D80..=0x2DDF | 0xAB00..=0xAB2F | 0x1E7E0..=0x1E7FF)
}

/// Metrics of one font file, parsed once per process (with `read-fonts`, the font reader
/// that harfrust shapes with).
pub struct Metrik {
    /// The font's best character map (Unicode, full repertoire where it has one).
    zeichen: CmapSubtable<'static>,
    breiten: Hmtx<'static>,
    einheiten: f32,
    /// The faces of the same weight that measure Arabic and Ethiopic script.
    weitere: Option<Weitere>,
}

/// The faces a Latin font hands a character of another script to.
#[derive(Clone, Copy)]
struct Weitere {
    arabisch: &'static LazyLock<Metrik>,
    aethiopisch: &'static LazyLock<Metrik>,
}

impl Metrik {
    fn neu(bytes: &'static [u8], weitere: Option<Weitere>) -> Metrik {
        let font = FontRef::new(bytes).expect("eingebettete Schrift ist gültig");
        let (_, _, zeichen) = font
            .cmap()
            .ok()
            .and_then(|c| c.best_subtable())
            .expect("eingebettete Schrift hat eine Zeichentabelle");
        Metrik {
            zeichen,
            breiten: font.hmtx().expect("eingebettete Schrift hat Breiten"),
            einheiten: f32::from(einheiten(bytes)),
            weitere,
        }
    }

    /// The glyph of `c`; none for a character the font lacks (glyph 0 is `.notdef`).
    fn glyph(&self, c: char) -> Option<GlyphId> {
        self.zeichen.map_codepoint(c).filter(|g| g.to_u32() != 0)
    }

    /// Width of `text` at `groesse` pt. Characters the font lacks count as zero (they are
    /// refused before layout); Arabic script is measured in Noto Sans Arabic (unshaped
    /// advances: `pdf::rtl::breite` measures it shaped), Ethiopic in Noto Sans Ethiopic.
    pub fn breite(&self, text: &str, groesse: f32) -> f32 {
        let mut breite = 0.0;
        for c in text.chars() {
            let m = match self.weitere {
                Some(w) if arabische_schrift(c) => &**w.arabisch,
                Some(w) if aethiopische_schrift(c) => &**w.aethiopisch,
                _ => self,
            };
            if let Some(v) = m.glyph(c).and_then(|g| m.breiten.advance(g)) {
                breite += f32::from(v) / m.einheiten;
            }
        }
        breite * groesse
    }

    /// The advance of glyph `gid`, in em.
    pub fn glyph_breite(&self, gid: u16) -> f32 {
        self.breiten
            .advance(GlyphId::new(u32::from(gid)))
            .map(f32::from)
            .unwrap_or(0.0)
            / self.einheiten
    }

    pub fn hat(&self, c: char) -> bool {
        c.is_control() || self.glyph(c).is_some()
    }
}

/// The units per em of a bundled font file.
pub(crate) fn einheiten(bytes: &'static [u8]) -> u16 {
    FontRef::new(bytes)
        .and_then(|f| f.head())
        .expect("eingebettete Schrift hat einen head")
        .units_per_em()
}

pub(crate) static METRIK_REGULAR: LazyLock<Metrik> = LazyLock::new(|| {
    Metrik::neu(
        *REGULAR,
        Some(Weitere {
            arabisch: &METRIK_ARABISCH_REGULAR,
            aethiopisch: &METRIK_AETHIOPISCH_REGULAR,
        }),
    )
});
pub(crate) static METRIK_BOLD: LazyLock<Metrik> = LazyLock::new(|| {
    Metrik::neu(
        *BOLD,
        Some(Weitere {
            arabisch: &METRIK_ARABISCH_BOLD,
            aethiopisch: &METRIK_AETHIOPISCH_BOLD,
        }),
    )
});
pub(crate) static METRIK_AETHIOPISCH_REGULAR: LazyLock<Metrik> =
    LazyLock::new(|| Metrik::neu(*AETHIOPISCH_REGULAR, None));
pub(crate) static METRIK_AETHIOPISCH_BOLD: LazyLock<Metrik> =
    LazyLock::new(|| Metrik::neu(*AETHIOPISCH_BOLD, None));
pub(crate) static METRIK_ARABISCH_REGULAR: LazyLock<Metrik> =
    LazyLock::new(|| Metrik::neu(*ARABISCH_REGULAR, None));
pub(crate) static METRIK_ARABISCH_BOLD: LazyLock<Metrik> =
    LazyLock::new(|| Metrik::neu(*ARABISCH_BOLD, None));

/// Whether both faces of the font for `c` can show it.
pub fn druckbar(c: char) -> bool {
    if arabische_schrift(c) {
        METRIK_ARABISCH_REGULAR.hat(c) && METRIK_ARABISCH_BOLD.hat(c)
    } else if aethiopische_schrift(c) {
        METRIK_AETHIOPISCH_REGULAR.hat(c) && METRIK_AETHIOPISCH_BOLD.hat(c)
    } else {
        METRIK_REGULAR.hat(c) && METRIK_BOLD.hat(c)
    }
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
            "محمد الأحمد",
            "مُحَمَّد",
            "علی رضایی",
            "پرویز چنگیز ژاله گل",
            "ڕێبوار",
            "שרה לוי",
            "ዮሃንስ ተስፋይ",
            "ሰላም ገብረሚካኤል",
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
