//! Text in the PDFs beyond left-to-right Latin: names and texts in Arabic script (Arabic,
//! Persian, Urdu, Pashto, Kurdish Sorani) and Hebrew, right to left; Ethiopic in its own
//! font; and every piece in another language in a span with its `/Lang`.
//!
//! A line is split into its bidi runs in visual order (`unicode-bidi`, UAX #9), so an
//! Arabic name in a German sentence reads right to left where it stands. A line belongs
//! to a left-to-right paragraph — also one that begins with an Arabic name — unless most
//! of its paragraph's letters are right to left ([`absatz_rtl`]); such a line is set from
//! the right margin and its runs are written in reading order. A run of Arabic script is
//! shaped with `harfrust` in Noto Sans Arabic (the joining forms, lam-alef, the marks) and
//! drawn as glyph ids in visual order, each with the text it stands for (the font's
//! ToUnicode map, [`glyphentexte`]), so that a reader that turns a right-to-left run
//! around (poppler's pdftotext, pdf.js) gives the name back as it was typed. (An
//! `/ActualText` in logical order is what the standard offers, but poppler then turns it
//! around once more.) Other runs (Latin, digits, Hebrew) are DejaVu text, a right-to-left
//! run of them in reversed order; Ethiopic is Noto Sans Ethiopic text.

use super::schrift::{Schnitt, Schriften};
use super::sprache::{abschnitte, rtl_sprache};
use crate::schriftvorrat::{
    aethiopische_schrift, arabische_schrift, ARABISCH_BOLD, ARABISCH_REGULAR,
};
use printpdf::{Codepoint, DictItem, Op, PdfFontHandle, Point, Pt, TextItem};
use std::sync::LazyLock;
use unicode_bidi::{bidi_class, BidiClass, BidiInfo};

/// Whether `text` holds anything written right to left.
pub(super) fn hat_rtl(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// One run of a line, in the order it is drawn (left to right).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Lauf {
    /// The run as typed (logical order).
    pub text: String,
    pub rtl: bool,
}

/// Whether a paragraph is right to left: when most of its letters are. A paragraph in
/// Arabic is set from the right margin; a German one with an Arabic name in it stays left
/// to right, also one that begins with the name (UAX #9's first-strong-letter rule would
/// turn that one around).
pub(super) fn absatz_rtl(text: &str) -> bool {
    let (mut r, mut l) = (0usize, 0usize);
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => r += 1,
            BidiClass::L => l += 1,
            _ => {}
        }
    }
    r > l
}

/// The runs of `text` (one line) in visual order; `rtl` for a line of a right-to-left
/// paragraph.
pub(super) fn laeufe(text: &str, rtl: bool) -> Vec<Lauf> {
    // The common case, a German line with nothing right to left in it: one run.
    if !rtl && !hat_rtl(text) {
        return vec![Lauf {
            text: text.to_string(),
            rtl: false,
        }];
    }
    let basis = if rtl {
        unicode_bidi::Level::rtl()
    } else {
        unicode_bidi::Level::ltr()
    };
    let info = BidiInfo::new(text, Some(basis));
    let mut aus = Vec::new();
    for absatz in &info.paragraphs {
        let (stufen, laeufe) = info.visual_runs(absatz, absatz.range.clone());
        for r in laeufe {
            aus.push(Lauf {
                text: text[r.clone()].to_string(),
                rtl: stufen[r.start].is_rtl(),
            });
        }
    }
    aus
}

/// The width of `text` at `groesse` pt as it is drawn in a left-to-right or (`rtl`)
/// right-to-left paragraph: runs of Arabic script shaped (joining forms, ligatures and
/// marks change the advances), the rest in DejaVu.
pub(super) fn breite(text: &str, schnitt: Schnitt, groesse: f32, rtl: bool) -> f32 {
    let m = super::schrift::metrik(schnitt);
    if !text.chars().any(arabische_schrift) {
        return m.breite(text, groesse);
    }
    laeufe(text, rtl)
        .iter()
        .map(|l| {
            if l.text.chars().any(arabische_schrift) {
                arabische_stuecke(&l.text)
                    .iter()
                    .map(|(t, arabisch)| {
                        if *arabisch {
                            formen(t, schnitt).breite(groesse)
                        } else {
                            m.breite(t, groesse)
                        }
                    })
                    .sum()
            } else {
                m.breite(&l.text, groesse)
            }
        })
        .sum()
}

/// A right-to-left run with Arabic script cut into what Noto Sans Arabic prints (letters,
/// their marks, the spaces between them: shaped) and the rest (brackets, quotes, dashes:
/// DejaVu, which has them), in visual order. A piece of the rest is given reversed and
/// with its mirrored characters ("(" drawn as ")"), as a right-to-left run shows them;
/// before, a bracket beside an Arabic name came from Noto Sans Arabic, which has none,
/// and printed as □.
fn arabische_stuecke(text: &str) -> Vec<(String, bool)> {
    let arabisch = |c: char| arabische_schrift(c) || bidi_class(c) == BidiClass::NSM;
    let mut logisch: Vec<(String, bool)> = Vec::new();
    for c in text.chars() {
        // A space stays with what it stands in.
        let art = if c.is_whitespace() {
            logisch.last().map(|l| l.1).unwrap_or(true)
        } else {
            arabisch(c)
        };
        match logisch.last_mut() {
            Some((t, a)) if *a == art => t.push(c),
            _ => logisch.push((c.to_string(), art)),
        }
    }
    logisch
        .into_iter()
        .rev()
        .map(|(t, a)| {
            if a {
                (t, true)
            } else {
                (t.chars().rev().map(gespiegelt).collect(), false)
            }
        })
        .collect()
}

/// The mirror image of a bracket or quote (Bidi_Mirrored, the pairs a name or a title
/// holds), as a right-to-left run draws it.
fn gespiegelt(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

struct Arabisch {
    font: harfrust::Font,
    einheiten: f32,
}

fn arabisch(schnitt: Schnitt) -> &'static Arabisch {
    static NORMAL: LazyLock<Arabisch> = LazyLock::new(|| laden(*ARABISCH_REGULAR));
    static FETT: LazyLock<Arabisch> = LazyLock::new(|| laden(*ARABISCH_BOLD));
    fn laden(daten: &'static [u8]) -> Arabisch {
        let font = harfrust::Font::new(daten, 0).expect("eingebettete Schrift ist gültig");
        let einheiten = f32::from(crate::schriftvorrat::einheiten(daten));
        Arabisch { font, einheiten }
    }
    match schnitt {
        Schnitt::Normal => &NORMAL,
        Schnitt::Fett => &FETT,
    }
}

/// A shaped run: glyph ids left to right, each with its advance (in font units) and the
/// text of its cluster (empty for the further glyphs of a cluster).
#[derive(Debug, Clone)]
pub(super) struct Geformt {
    pub glyphen: Vec<(u16, i32, String)>,
    pub einheiten: f32,
}

impl Geformt {
    /// The run's width at `groesse` pt.
    pub fn breite(&self, groesse: f32) -> f32 {
        self.glyphen.iter().map(|g| g.1 as f32).sum::<f32>() / self.einheiten * groesse
    }
}

/// Shapes a run of Arabic script, right to left.
pub(super) fn formen(text: &str, schnitt: Schnitt) -> Geformt {
    let a = arabisch(schnitt);
    let mut puffer = harfrust::Buffer::new();
    puffer.push_str(text);
    puffer.set_direction(harfrust::Direction::RightToLeft);
    // Every character its own cluster: a mark maps to itself, not to its base letter.
    puffer.set_cluster_level(harfrust::ClusterLevel::Characters);
    puffer.guess_segment_properties();
    let shaper = harfrust::ShaperFont::new(&a.font);
    let _ = harfrust::shape(&shaper, &mut puffer, harfrust::ShapeOptions::new());
    let infos = puffer.glyph_infos();
    let positionen = puffer.glyph_positions();
    let texte = glyphentexte(
        text,
        &infos.iter().map(|g| g.cluster as usize).collect::<Vec<_>>(),
    );
    let glyphen = infos
        .iter()
        .zip(positionen)
        .zip(texte)
        .map(|((g, p), t)| (g.glyph_id as u16, p.x_advance, t))
        .collect();
    Geformt {
        glyphen,
        einheiten: a.einheiten,
    }
}

/// The text each glyph of a shaped right-to-left run stands for, given the glyphs' cluster
/// starts (byte offsets into `text`) in visual order.
///
/// A PDF maps a glyph to one text wherever it is used (its ToUnicode entry), so a glyph
/// must stand for the same letters everywhere: a letter's glyph for that letter, a mark's
/// glyph for its marks. Shaping does not keep to that by itself: it reorders marks (shadda
/// before fatha) and the font joins some into one glyph (shadda with fatha), and then the
/// cluster of the letter before swallows a mark — medial م would read مَ in one word and م
/// in the next. So a mark that landed in a letter's text goes to the mark glyph on the same
/// letter, and a glyph's marks are in canonical order. Every text is reversed, and so is a
/// ligature's (لا stands for ال): a reader takes the glyphs in visual order and turns a
/// right-to-left run around as a whole (poppler, pdf.js), which gives the run as typed.
fn glyphentexte(text: &str, cluster: &[usize]) -> Vec<String> {
    let ist_marke = |c: char| bidi_class(c) == BidiClass::NSM;
    let mut anfaenge: Vec<usize> = cluster.to_vec();
    anfaenge.sort_unstable();
    anfaenge.dedup();
    // Each cluster's text goes to the first glyph of it (in logical order, i.e. from the
    // right), the others of a cluster stand for nothing.
    let mut texte: Vec<Vec<char>> = vec![Vec::new(); cluster.len()];
    let mut gesehen = std::collections::BTreeSet::new();
    for i in (0..cluster.len()).rev() {
        let start = cluster[i];
        if gesehen.insert(start) {
            let ende = anfaenge
                .iter()
                .find(|&&a| a > start)
                .copied()
                .unwrap_or(text.len());
            texte[i] = text.get(start..ende).unwrap_or_default().chars().collect();
        }
    }
    // Marks swallowed by a letter's glyph move to the mark glyph after it (logical order).
    let mut i = cluster.len();
    while i > 0 {
        i -= 1;
        let hat_buchstabe = texte[i].iter().any(|&c| !ist_marke(c));
        let marken: Vec<char> = texte[i].iter().copied().filter(|&c| ist_marke(c)).collect();
        if !hat_buchstabe || marken.is_empty() {
            continue;
        }
        // The next glyph in logical order (to the left) that is a mark glyph on this letter.
        let ziel = (0..i)
            .rev()
            .take_while(|&j| texte[j].iter().all(|&c| ist_marke(c)))
            .find(|&j| !texte[j].is_empty());
        if let Some(j) = ziel {
            texte[i].retain(|&c| !ist_marke(c));
            texte[j].extend(marken);
        }
    }
    texte
        .into_iter()
        .map(|mut t| {
            t.sort_by_key(|&c| unicode_normalization::char::canonical_combining_class(c));
            t.into_iter().rev().collect()
        })
        .collect()
}

/// The operations that draw `text` with its left edge at `x` on the baseline `y` (PDF
/// coordinates), run by run: the bidi runs in visual order, a left-to-right run cut further
/// where its words change language ([`super::sprache`]), each piece in a span with its
/// `/Lang` when it shows one.
#[allow(clippy::too_many_arguments)]
pub(super) fn zeichnen(
    ops: &mut Vec<Op>,
    schriften: &Schriften,
    x: f32,
    y: f32,
    text: &str,
    schnitt: Schnitt,
    groesse: f32,
    rtl: bool,
) {
    // The pieces left to right with their widths.
    let mut stuecke: Vec<(printpdf::FontId, TextItem, f32, Option<&str>)> = Vec::new();
    for lauf in laeufe(text, rtl) {
        if lauf.text.chars().any(arabische_schrift) {
            for (teil, arabisch) in arabische_stuecke(&lauf.text) {
                if !arabisch {
                    let breite = super::schrift::metrik(schnitt).breite(&teil, groesse);
                    stuecke.push((
                        schriften.id(schnitt),
                        TextItem::Text(teil),
                        breite,
                        rtl_sprache(&lauf.text),
                    ));
                    continue;
                }
                let g = formen(&teil, schnitt);
                let glyphen = g
                    .glyphen
                    .iter()
                    .map(|(gid, vorschub, teil)| {
                        // printpdf advances by the glyph's width in the font; the shaped advance
                        // (a mark has none) is set with the TJ offset after the glyph.
                        let breite_1000 = super::schrift::arabisch_breite(schnitt, *gid) * 1000.0;
                        let soll_1000 = *vorschub as f32 / g.einheiten * 1000.0;
                        Codepoint {
                            gid: *gid,
                            offset: breite_1000 - soll_1000,
                            cid: Some(teil.clone()),
                        }
                    })
                    .collect();
                stuecke.push((
                    schriften.arabisch(schnitt),
                    TextItem::GlyphIds(glyphen),
                    g.breite(groesse),
                    rtl_sprache(&lauf.text),
                ));
            }
        } else if lauf.rtl {
            // Hebrew and the like: reversed, its brackets mirrored as in an Arabic run.
            let sichtbar: String = lauf.text.chars().rev().map(gespiegelt).collect();
            let breite = super::schrift::metrik(schnitt).breite(&sichtbar, groesse);
            stuecke.push((
                schriften.id(schnitt),
                TextItem::Text(sichtbar),
                breite,
                rtl_sprache(&lauf.text),
            ));
        } else {
            for (bereich, sprache) in abschnitte(&lauf.text) {
                for (teil, aethiopisch) in nach_schrift(&lauf.text[bereich]) {
                    let breite = super::schrift::metrik(schnitt).breite(teil, groesse);
                    let font = if aethiopisch {
                        schriften.aethiopisch(schnitt)
                    } else {
                        schriften.id(schnitt)
                    };
                    stuecke.push((font, TextItem::Text(teil.to_string()), breite, sprache));
                }
            }
        }
    }
    // Placed left to right; written in reading order, which a screen reader follows: a
    // right-to-left line from its right end.
    let mut platziert = Vec::with_capacity(stuecke.len());
    let mut links = x;
    for (font, item, breite, sprache) in stuecke {
        platziert.push((font, item, links, sprache));
        links += breite;
    }
    if rtl {
        platziert.reverse();
    }
    for (font, item, x, sprache) in platziert {
        zeigen(ops, font, item, x, y, groesse, sprache);
    }
}

/// `text` cut where it changes between Ethiopic script (printed in Noto Sans Ethiopic) and
/// the rest (DejaVu); a space between Ethiopic words stays with them.
fn nach_schrift(text: &str) -> Vec<(&str, bool)> {
    let mut aus: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut aktuell: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let art = if c == ' ' {
            aktuell.unwrap_or(false)
        } else {
            aethiopische_schrift(c)
        };
        match aktuell {
            Some(a) if a != art => {
                aus.push((&text[start..i], a));
                start = i;
            }
            _ => {}
        }
        aktuell = Some(art);
    }
    if start < text.len() {
        aus.push((&text[start..], aktuell.unwrap_or(false)));
    }
    aus
}

/// One piece of text at `x`, `y`; in a span with its `/Lang` when it has one (a screen
/// reader reads it in that language).
fn zeigen(
    ops: &mut Vec<Op>,
    font: printpdf::FontId,
    item: TextItem,
    x: f32,
    y: f32,
    groesse: f32,
    sprache: Option<&str>,
) {
    if let Some(l) = sprache {
        ops.push(Op::BeginMarkedContentWithProperties {
            tag: "Span".into(),
            properties: DictItem::Dict {
                map: [(
                    "Lang".to_string(),
                    DictItem::String {
                        data: l.as_bytes().to_vec(),
                        literal: true,
                    },
                )]
                .into(),
            },
        });
    }
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(font),
        size: Pt(groesse),
    });
    ops.push(Op::SetTextCursor {
        pos: Point { x: Pt(x), y: Pt(y) },
    });
    ops.push(Op::ShowText { items: vec![item] });
    ops.push(Op::EndTextSection);
    if sprache.is_some() {
        ops.push(Op::EndMarkedContent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_beside_arabic_come_from_dejavu_mirrored_in_visual_order() {
        // "(أحمد)" logically: "(", the name, ")"; drawn left to right: ")" mirrored to
        // "(", the name shaped, "(" mirrored to ")".
        let s = arabische_stuecke("(أحمد)");
        assert_eq!(
            s,
            vec![
                ("(".to_string(), false),
                ("أحمد".to_string(), true),
                (")".to_string(), false)
            ]
        );
        // Every piece printed in DejaVu is one DejaVu has.
        let m = super::super::schrift::metrik(Schnitt::Normal);
        for (t, arabisch) in arabische_stuecke("«محمد» [علي] (أحمد) – كريم") {
            if !arabisch {
                assert!(t.chars().all(|c| m.hat(c)), "{t:?} nicht in DejaVu");
            }
        }
    }

    #[test]
    fn an_arabic_name_in_a_german_line_is_one_right_to_left_run() {
        let l = laeufe("Frau محمد الأحمد berichtet", false);
        assert_eq!(l.len(), 3, "{l:?}");
        assert!(!l[0].rtl && l[1].rtl && !l[2].rtl);
        assert_eq!(l[1].text.trim(), "محمد الأحمد");
        // A line that begins with an Arabic name is still a German line: the name first.
        let l = laeufe("محمد الأحمد stellt das Konzept vor.", false);
        assert!(l[0].rtl && !l.last().unwrap().rtl, "{l:?}");
        assert_eq!(l[0].text.trim(), "محمد الأحمد");
    }

    #[test]
    fn shaping_joins_the_letters_and_keeps_the_text_of_each_glyph() {
        // محمد: four letters, joined: initial, medial, medial, final forms — four glyphs
        // other than the isolated ones, in visual order (the first letter rightmost).
        let g = formen("محمد", Schnitt::Normal);
        assert_eq!(g.glyphen.len(), 4);
        let text: String = g.glyphen.iter().rev().map(|g| g.2.as_str()).collect();
        assert_eq!(text, "محمد");
        // A mark is a glyph of its own with its own text.
        let m = formen("مُ", Schnitt::Normal);
        assert_eq!(m.glyphen.len(), 2);
        assert!(m.glyphen.iter().any(|g| g.2 == "\u{064F}"));
        let isoliert = formen("م", Schnitt::Normal).glyphen[0].0;
        assert_ne!(
            g.glyphen[3].0, isoliert,
            "das م am Wortanfang ist verbunden"
        );
        // Lam-alef is one ligature for two letters.
        let la = formen("لا", Schnitt::Normal);
        assert_eq!(la.glyphen.len(), 1);
        assert_eq!(la.glyphen[0].2, "ال", "in Leserichtung umgekehrt");
        assert!(g.breite(10.0) > 0.0);
    }

    #[test]
    fn a_glyph_stands_for_the_same_letters_in_every_word() {
        // Medial م in محمد with harakat and in المركز without; shadda with fatha (one
        // glyph in Noto) on د; shadda typed before fatha.
        let woerter = [
            "مُحَمَّد",
            "المركز",
            "شَدَّة",
            "\u{0634}\u{064E}\u{062F}\u{0651}\u{064E}\u{0629}",
            "لا",
        ];
        let mut je_glyph: std::collections::BTreeMap<u16, String> = Default::default();
        for w in woerter {
            let g = formen(w, Schnitt::Normal);
            for (gid, _, t) in &g.glyphen {
                if let Some(alt) = je_glyph.insert(*gid, t.clone()) {
                    assert_eq!(&alt, t, "Glyph {gid} in „{w}“");
                }
            }
            // Read back as a reader does: glyphs in visual order, the run turned around.
            let gelesen: String = g
                .glyphen
                .iter()
                .flat_map(|g| g.2.chars())
                .collect::<String>()
                .chars()
                .rev()
                .collect();
            use unicode_normalization::UnicodeNormalization;
            assert_eq!(gelesen, w.nfc().collect::<String>(), "„{w}“");
        }
    }
}
