//! Paragraph layout: German line breaking with hyphenation (textwrap's first-fit
//! algorithm over words split by the `hyphenation` crate's de-1996 patterns), measured
//! with the real font widths, and the office's text conventions: a blank line separates
//! paragraphs, a line starting with "- ", "• " or "1. " is a list item with a hanging
//! indent. A word in Arabic script is measured shaped, as it is drawn.

use super::schrift::{metrik, Schnitt};
use hyphenation::{Language, Load, Standard};
use std::sync::LazyLock;
use textwrap::core::{Fragment, Word};
use textwrap::word_splitters::{split_words, WordSplitter};
use textwrap::WordSeparator;

/// The German patterns (de-1996) only, in the `hyphenation` crate's dictionary format
/// (`assets/hyphenation/`): its `embed_all` would build in every language's, 3 MB.
static MUSTER: LazyLock<&[u8]> = crate::schriftvorrat::eingebaut!("de-1996.standard.bincode");

static TRENNER: LazyLock<WordSplitter> = LazyLock::new(|| {
    WordSplitter::Hyphenation(
        Standard::from_reader(Language::German1996, &mut &MUSTER[..])
            .expect("deutsche Trennmuster eingebettet"),
    )
});

/// A block of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Absatz(String),
    /// A list item: its marker ("–", "1.") and text.
    Punkt {
        marke: String,
        text: String,
    },
}

/// Splits the office's plain text into paragraphs and list items.
pub fn bloecke(text: &str) -> Vec<Block> {
    let mut bloecke = Vec::new();
    let mut absatz = String::new();
    let abschliessen = |absatz: &mut String, bloecke: &mut Vec<Block>| {
        if !absatz.trim().is_empty() {
            bloecke.push(Block::Absatz(absatz.trim().to_string()));
        }
        absatz.clear();
    };
    for zeile in text.lines() {
        let t = zeile.trim();
        if t.is_empty() {
            abschliessen(&mut absatz, &mut bloecke);
            continue;
        }
        if let Some((marke, rest)) = listenpunkt(t) {
            abschliessen(&mut absatz, &mut bloecke);
            bloecke.push(Block::Punkt {
                marke,
                text: rest.to_string(),
            });
            continue;
        }
        if !absatz.is_empty() {
            absatz.push(' ');
        }
        absatz.push_str(t);
    }
    abschliessen(&mut absatz, &mut bloecke);
    bloecke
}

fn listenpunkt(t: &str) -> Option<(String, &str)> {
    for p in ["- ", "– ", "• ", "* "] {
        if let Some(rest) = t.strip_prefix(p) {
            return Some(("–".into(), rest.trim_start()));
        }
    }
    let ziffern: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !ziffern.is_empty() && ziffern.len() <= 3 {
        let rest = &t[ziffern.len()..];
        for p in [". ", ") "] {
            if let Some(r) = rest.strip_prefix(p) {
                return Some((format!("{ziffern}{}", &p[..1]), r.trim_start()));
            }
        }
    }
    None
}

#[derive(Debug)]
struct Stueck {
    text: String,
    breite: f64,
    leer: f64,
    strich: f64,
    strich_text: &'static str,
}

impl Fragment for Stueck {
    fn width(&self) -> f64 {
        self.breite
    }
    fn whitespace_width(&self) -> f64 {
        self.leer
    }
    fn penalty_width(&self) -> f64 {
        self.strich
    }
}

/// Breaks `text` into lines no wider than `breite` pt in `schnitt` at `groesse` pt,
/// hyphenating German words where that helps. A word longer than a line is kept whole
/// (it overflows rather than being cut at an arbitrary letter).
pub fn umbrechen(text: &str, breite: f32, schnitt: Schnitt, groesse: f32) -> Vec<String> {
    let m = metrik(schnitt);
    let leer = f64::from(m.breite(" ", groesse));
    let strich = f64::from(m.breite("-", groesse));
    let woerter: Vec<Word> = WordSeparator::AsciiSpace.find_words(text).collect();
    let stuecke: Vec<Stueck> = split_words(woerter, &TRENNER)
        .map(|w| Stueck {
            text: w.word.to_string(),
            breite: f64::from(super::rtl::breite(w.word, schnitt, groesse, false)),
            leer: if w.whitespace.is_empty() { 0.0 } else { leer },
            strich: if w.penalty.is_empty() { 0.0 } else { strich },
            strich_text: if w.penalty.is_empty() { "" } else { "-" },
        })
        .collect();
    let zeilen = textwrap::wrap_algorithms::wrap_first_fit(&stuecke, &[f64::from(breite)]);
    zeilen
        .into_iter()
        .filter(|z| !z.is_empty())
        .map(|z| {
            let mut s = String::new();
            for (i, st) in z.iter().enumerate() {
                s.push_str(&st.text);
                if i + 1 < z.len() {
                    if st.leer > 0.0 {
                        s.push(' ');
                    }
                } else {
                    s.push_str(st.strich_text);
                }
            }
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_lists_are_recognised() {
        let b = bloecke("Erster Absatz\nzweite Zeile.\n\n- Bildung\n- Wohnen\n\n1. Ayşe Yılmaz\n2) Łukasz\nSchluss");
        assert_eq!(
            b,
            vec![
                Block::Absatz("Erster Absatz zweite Zeile.".into()),
                Block::Punkt {
                    marke: "–".into(),
                    text: "Bildung".into()
                },
                Block::Punkt {
                    marke: "–".into(),
                    text: "Wohnen".into()
                },
                Block::Punkt {
                    marke: "1.".into(),
                    text: "Ayşe Yılmaz".into()
                },
                Block::Punkt {
                    marke: "2)".into(),
                    text: "Łukasz".into()
                },
                Block::Absatz("Schluss".into()),
            ]
        );
        // A year at the start of a sentence is not a list item.
        assert_eq!(
            bloecke("2014 wurde beschlossen."),
            vec![Block::Absatz("2014 wurde beschlossen.".into())]
        );
    }

    #[test]
    fn lines_fit_and_long_words_are_hyphenated() {
        let text = "Das Integrationskonzept der Stadtverwaltung beschreibt Handlungsfelder der Integrationsarbeit.";
        let breite = 120.0;
        let zeilen = umbrechen(text, breite, Schnitt::Normal, 10.0);
        assert!(zeilen.len() > 2);
        for z in &zeilen {
            assert!(
                metrik(Schnitt::Normal).breite(z, 10.0) <= breite + 0.01,
                "{z}"
            );
        }
        assert!(zeilen.iter().any(|z| z.ends_with('-')), "{zeilen:?}");
        // Removing the hyphens at line ends gives back the words.
        let wieder = zeilen
            .iter()
            .map(|z| {
                z.strip_suffix('-')
                    .map(str::to_string)
                    .unwrap_or(format!("{z} "))
            })
            .collect::<String>();
        assert_eq!(wieder.trim_end(), text);
    }
}
