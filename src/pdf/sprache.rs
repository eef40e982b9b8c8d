//! The language of a name or phrase in a German document, told by its letters, for the
//! `/Lang` of a span in tagged PDF: a screen reader reads „Ελένη Παπαδοπούλου“ with a
//! Greek voice and „Şükrü Öztürk“ with a Turkish one instead of spelling them out in German.
//!
//! Only what the letters show is claimed:
//! - a script tells the language where one language is written in it here: Greek (`el`),
//!   Hebrew (`he`); Arabic script is Persian, Urdu or Kurdish Sorani by the letters only
//!   they use, else Arabic; Cyrillic is Ukrainian, Belarusian, Serbian or Macedonian by
//!   theirs, else Russian (Bulgarian has no letter of its own and reads as Russian);
//! - in Ethiopic script a word is Tigrinya (`ti`) by the letters of ቐ, which Amharic
//!   lacks; other Ethiopic words cannot be told;
//! - in Latin script a word is Turkish (ğ ı İ ş), Polish (ą ę ł ń ś ź ż), Romanian (ș ț),
//!   Vietnamese (ơ ư đ, the stacked tone marks), Czech (ř ě ů), Hungarian (ő ű) or Spanish
//!   (ñ) by a letter only that language uses among the members' languages;
//! - a capitalised word whose letters several languages share (ö ü ç, ă â î, á é ó …) joins
//!   the language of a neighbouring word that shows it („Şükrü Öztürk“ is Turkish as a
//!   whole, „Frau Öztürk“ and the „über“ after it stay German); a word in plain ASCII
//!   letters tells nothing.
//!
//! Words of one language next to each other are one span.

use crate::schriftvorrat::arabische_schrift;
use std::ops::Range;

/// What one word's letters say.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kennung {
    /// Only this language uses one of its letters.
    Fest(&'static str),
    /// Its letters fit these languages (and German): it joins a neighbour of one of them.
    Passend(&'static [&'static str]),
    Keine,
}

fn kennung(wort: &str) -> Kennung {
    let hat = |zeichen: &str| wort.chars().any(|c| zeichen.contains(c));
    let im = |von: char, bis: char| wort.chars().any(|c| (von..=bis).contains(&c));
    if let Some(l) = rtl_sprache(wort) {
        return Kennung::Fest(l);
    }
    // Tigrinya by the letters of ቐ (qʼʰ), which Amharic does not have; other Ethiopic
    // words cannot be told apart.
    if im('\u{1250}', '\u{125D}') {
        return Kennung::Fest("ti");
    }
    if im('\u{0370}', '\u{03FF}') || im('\u{1F00}', '\u{1FFF}') {
        return Kennung::Fest("el");
    }
    if im('\u{0400}', '\u{04FF}') {
        return Kennung::Fest(if hat("єЄіІїЇґҐ") {
            "uk"
        } else if hat("ўЎ") {
            "be"
        } else if hat("ѓЃќЌѕЅ") {
            "mk"
        } else if hat("ђЂјЈљЉњЊћЋџЏ") {
            "sr"
        } else {
            "ru"
        });
    }
    if wort.is_ascii() {
        return Kennung::Keine;
    }
    // Vietnamese before the others: its tone marks sit on letters others use too.
    if hat("ơƠưƯđĐĩĨũŨ") || im('\u{1EA0}', '\u{1EF9}') {
        return Kennung::Fest("vi");
    }
    if let Some((_, l)) = EIGENE_BUCHSTABEN.iter().find(|(z, _)| hat(z)) {
        return Kennung::Fest(l);
    }
    GETEILTE_BUCHSTABEN
        .iter()
        .find(|(z, _)| hat(z))
        .map_or(Kennung::Keine, |(_, l)| Kennung::Passend(l))
}

/// Latin letters only one of the members' languages uses.
const EIGENE_BUCHSTABEN: &[(&str, &str)] = &[
    ("ğĞıİşŞ", "tr"),
    ("ąĄęĘłŁńŃśŚźŹżŻ", "pl"),
    ("șȘțȚ", "ro"),
    ("řŘěĚůŮ", "cs"),
    ("őŐűŰ", "hu"),
    ("ñÑ", "es"),
];

/// Latin letters several languages share (and German, for ö ü): a word with them joins
/// a neighbour in one of these languages.
const GETEILTE_BUCHSTABEN: &[(&str, &[&str])] = &[
    ("ăĂ", &["ro", "vi"]),
    ("âÂîÎ", &["ro", "vi", "tr"]),
    ("ćĆ", &["pl"]),
    ("óÓ", &["pl", "vi", "hu", "es", "cs"]),
    ("öÖüÜçÇ", &["tr", "hu"]),
    ("áÁéÉíÍúÚýÝàÀèÈìÌòÒùÙêÊôÔãÃõÕ", &["vi", "cs", "hu", "es"]),
];

/// The language of a right-to-left run, told by its letters: Persian, Urdu and Kurdish
/// Sorani by the letters only they use, else Arabic; Hebrew. `None` when it cannot tell.
pub(super) fn rtl_sprache(text: &str) -> Option<&'static str> {
    let hat = |zeichen: &str| text.chars().any(|c| zeichen.contains(c));
    if text.chars().any(|c| ('\u{0590}'..='\u{05FF}').contains(&c)) {
        Some("he")
    } else if !text.chars().any(arabische_schrift) {
        None
    } else if hat("ڕێۆەڵ") {
        Some("ckb")
    } else if hat("ٹڈڑںےۓھ") {
        Some("ur")
    } else if hat("پچژگیک") {
        Some("fa")
    } else {
        Some("ar")
    }
}

/// `text` cut into pieces, each with the language its words show (`None`: German, or
/// nothing to tell). The pieces cover `text` without gaps; a piece's words are followed
/// by their spaces.
pub(super) fn abschnitte(text: &str) -> Vec<(Range<usize>, Option<&'static str>)> {
    // Plain ASCII letters tell nothing (most lines of a German document).
    if text.is_ascii() {
        return vec![(0..text.len(), None)];
    }
    // Words with the spaces after them.
    let mut woerter: Vec<(Range<usize>, Kennung)> = Vec::new();
    let mut start = 0;
    let mut im_raum = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            im_raum = true;
        } else if im_raum {
            woerter.push((start..i, kennung(&text[start..i])));
            start = i;
            im_raum = false;
        }
    }
    if start < text.len() {
        woerter.push((start..text.len(), kennung(&text[start..])));
    }
    // A capitalised word (a name) that fits a neighbour's language takes it; the neighbour
    // may itself have taken it („Nguyễn Ánh Tâm“). German words after a name stay German
    // („Öztürk über“).
    let mut sprachen: Vec<Option<&'static str>> = woerter
        .iter()
        .map(|(_, k)| match k {
            Kennung::Fest(l) => Some(*l),
            _ => None,
        })
        .collect();
    for _ in 0..2 {
        for i in 0..woerter.len() {
            let gross = text[woerter[i].0.clone()]
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase);
            if let (Kennung::Passend(moeglich), true) = (woerter[i].1, gross) {
                let nachbarn = [i.checked_sub(1), Some(i + 1)];
                sprachen[i] = nachbarn
                    .into_iter()
                    .flatten()
                    .filter_map(|n| sprachen.get(n).copied().flatten())
                    .find(|l| moeglich.contains(l));
            }
        }
    }
    let mut aus: Vec<(Range<usize>, Option<&'static str>)> = Vec::new();
    for ((bereich, _), sprache) in woerter.into_iter().zip(sprachen) {
        match aus.last_mut() {
            Some((b, l)) if *l == sprache => b.end = bereich.end,
            _ => aus.push((bereich, sprache)),
        }
    }
    aus
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sprachen(text: &str) -> Vec<(&str, Option<&'static str>)> {
        abschnitte(text)
            .into_iter()
            .map(|(b, l)| (text[b].trim_end(), l))
            .collect()
    }

    #[test]
    fn the_language_of_a_right_to_left_run_is_told_by_its_letters() {
        assert_eq!(rtl_sprache("محمد الأحمد"), Some("ar"));
        assert_eq!(rtl_sprache("پرویز احمدی"), Some("fa"));
        assert_eq!(rtl_sprache("عمران خان ٹوانہ"), Some("ur"));
        assert_eq!(rtl_sprache("ڕێبوار کەریم"), Some("ckb"));
        assert_eq!(rtl_sprache("שרה לוי"), Some("he"));
        assert_eq!(rtl_sprache("123"), None);
    }

    #[test]
    fn names_are_spans_in_their_language_and_german_stays_unmarked() {
        assert_eq!(
            sprachen("Es berichtet Şükrü Öztürk über die Öffnungszeiten."),
            [
                ("Es berichtet", None),
                ("Şükrü Öztürk", Some("tr")),
                ("über die Öffnungszeiten.", None)
            ]
        );
        assert_eq!(sprachen("Frau Öztürk"), [("Frau Öztürk", None)]);
        assert_eq!(
            sprachen("Nguyễn Thị Hằng, Trần Ngọc Ánh"),
            [("Nguyễn Thị Hằng, Trần Ngọc Ánh", Some("vi"))]
        );
        assert_eq!(sprachen("Phạm Văn Đồng"), [("Phạm Văn Đồng", Some("vi"))]);
        assert_eq!(sprachen("Nguyễn Ánh Tâm"), [("Nguyễn Ánh Tâm", Some("vi"))]);
        assert_eq!(
            sprachen("Ioana Drăgușanu"),
            [("Ioana", None), ("Drăgușanu", Some("ro"))]
        );
        assert_eq!(
            sprachen("Łukasz Żółkiewski und Ελένη Παπαδοπούλου"),
            [
                ("Łukasz Żółkiewski", Some("pl")),
                ("und", None),
                ("Ελένη Παπαδοπούλου", Some("el"))
            ]
        );
        assert_eq!(sprachen("Елена Смирнова"), [("Елена Смирнова", Some("ru"))]);
        assert_eq!(sprachen("Їжак"), [("Їжак", Some("uk"))]);
        assert_eq!(sprachen("ቐለ ዮሃንስ"), [("ቐለ", Some("ti")), ("ዮሃንስ", None)]);
        assert_eq!(
            sprachen("Jürgen Weiß, Zoë Müller-Straße"),
            [("Jürgen Weiß, Zoë Müller-Straße", None)]
        );
        assert_eq!(sprachen("Jürgen Weiß – 5 €"), [("Jürgen Weiß – 5 €", None)]);
        assert_eq!(sprachen("Ayşe Yılmaz"), [("Ayşe Yılmaz", Some("tr"))]);
        assert_eq!(sprachen("Vorlage 2026/0004"), [("Vorlage 2026/0004", None)]);
        // The pieces cover the text.
        let t = "  Ayşe  Yılmaz und  Jürgen ";
        let a = abschnitte(t);
        assert_eq!(a.first().unwrap().0.start, 0);
        assert_eq!(a.last().unwrap().0.end, t.len());
        assert!(a.windows(2).all(|w| w[0].0.end == w[1].0.start));
    }
}
