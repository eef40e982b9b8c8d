//! Folding text for the full-text search, the way German office staff type.
//!
//! Case and diacritics do not matter ("celik" finds "Çelik", "lukasz" finds "Łukasz"),
//! and the German substitutions work both ways: "muehlenkamp" and "muhlenkamp" both find
//! "Mühlenkamp", "strasse" finds "Straße". To make that possible every word is indexed in
//! its stripped form (`muhlenkamp`) and, where it differs, in its transliterated form
//! (`muehlenkamp`). A query word is folded the stripped way and matched as a prefix, so
//! "integrationsrat" finds "Integrationsrates".
//!
//! Arabic script (Arabic, Persian, Urdu, Pashto, Kurdish) is folded the way Arabic search
//! engines do: the short vowels and other harakat are dropped (a combining mark, as
//! above), the tatweel that stretches a word is dropped, the forms of alef (أ إ آ ٱ) become
//! ا, and the Persian and Urdu yeh and keheh (ی ى ک) become Arabic ي and ك: "محمد" finds
//! "مُحَمَّد" and "أحمد" finds "احمد". A word with the article ال is also indexed without it
//! ("احمد" finds "الأحمد"). A mark inside a word never splits it.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Letters NFKD does not decompose, with their base letters.
fn ersatz(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ø' | 'Ø' => "o",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ı' => "i",
        'þ' | 'Þ' => "th",
        // Arabic script (see the module docs).
        '\u{0640}' => "",
        '\u{0671}' | '\u{0672}' | '\u{0673}' => "\u{0627}",
        '\u{0649}' | '\u{06CC}' | '\u{06D0}' => "\u{064A}",
        '\u{06A9}' => "\u{0643}",
        _ => return None,
    })
}

/// Lower case without diacritics: "Çelik" → "celik", "Straße" → "strasse".
pub fn ohne_zeichen(wort: &str) -> String {
    let mut s = String::with_capacity(wort.len());
    for c in wort.chars() {
        match ersatz(c) {
            Some(r) => s.push_str(r),
            None => {
                for d in c.nfkd().filter(|d| !is_combining_mark(*d)) {
                    s.extend(d.to_lowercase());
                }
            }
        }
    }
    s
}

/// German transliteration first (ä → ae, ö → oe, ü → ue), then [`ohne_zeichen`].
pub fn umschrift(wort: &str) -> String {
    let mut s = String::with_capacity(wort.len() + 4);
    for c in wort.chars() {
        match c {
            'ä' | 'Ä' => s.push_str("ae"),
            'ö' | 'Ö' => s.push_str("oe"),
            'ü' | 'Ü' => s.push_str("ue"),
            _ => s.push(c),
        }
    }
    ohne_zeichen(&s)
}

fn woerter(text: &str) -> impl Iterator<Item = &str> {
    // A combining mark (an Arabic haraka, a combining accent) and the tatweel belong to
    // the word they sit in.
    text.split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c) || c == '\u{0640}'))
        .filter(|w| !w.is_empty())
}

/// An Arabic word without its article ال, when a word of at least two letters is left.
fn ohne_artikel(wort: &str) -> Option<&str> {
    wort.strip_prefix("\u{0627}\u{0644}")
        .filter(|rest| rest.chars().count() >= 2)
}

/// The text as it goes into the index.
pub fn falten(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for w in woerter(text) {
        let a = ohne_zeichen(w);
        let b = umschrift(w);
        out.push_str(&a);
        out.push(' ');
        if a != b {
            out.push_str(&b);
            out.push(' ');
        }
        // An Arabic name with its article (الأحمد, al-Ahmad) is found by the name alone.
        if let Some(ohne) = ohne_artikel(&a) {
            out.push_str(ohne);
            out.push(' ');
        }
    }
    out.pop();
    out
}

/// The FTS5 query for what the user typed: every word must match as a prefix. `None`
/// when nothing searchable was typed.
pub fn anfrage(text: &str) -> Option<String> {
    let teile: Vec<String> = woerter(text)
        .map(|w| {
            let a = ohne_zeichen(w);
            let b = umschrift(w);
            if a == b {
                format!("\"{a}\"*")
            } else {
                format!("(\"{a}\"* OR \"{b}\"*)")
            }
        })
        .collect();
    // FTS5 needs the explicit AND before a parenthesised group.
    (!teile.is_empty()).then(|| teile.join(" AND "))
}

/// The folded Nr./Betreff/names (`kopf`) and texts (`text`, both from [`falten`]) as a
/// PostgreSQL `tsvector` literal: every word a lexeme at its position, weight A in the
/// head and B in the texts, so that `ts_rank` weighs them as bm25 does on SQLite.
pub fn tsvector(kopf: &str, text: &str) -> String {
    let mut out = String::with_capacity(kopf.len() + text.len() + 64);
    let woerter = kopf
        .split(' ')
        .map(|w| (w, 'A'))
        .chain(text.split(' ').map(|w| (w, 'B')))
        .filter(|(w, _)| !w.is_empty());
    for (i, (w, gewicht)) in woerter.enumerate() {
        if !out.is_empty() {
            out.push(' ');
        }
        // Positions end at 16383 (PostgreSQL's limit); later words keep that position.
        out.push_str(&format!("'{w}':{}{gewicht}", (i + 1).min(16383)));
    }
    out
}

/// The same search as [`anfrage`] for PostgreSQL: a `tsquery` of quoted prefix lexemes,
/// `'celik':* & ('muehl':* | 'muhl':*)`. The words are alphanumeric, so quoting them
/// needs no escapes.
pub fn anfrage_tsquery(text: &str) -> Option<String> {
    tsquery_aus(&anfrage_woerter(text), "")
}

/// The `tsquery` of one word's forms, or of all words (AND), each a prefix; `gewicht`
/// `"A"` restricts the match to Nr./Betreff/names.
pub fn tsquery_aus(woerter: &[Vec<String>], gewicht: &str) -> Option<String> {
    let teile: Vec<String> = woerter
        .iter()
        .map(|formen| match formen.as_slice() {
            [a] => format!("'{a}':*{gewicht}"),
            _ => format!(
                "({})",
                formen
                    .iter()
                    .map(|f| format!("'{f}':*{gewicht}"))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
        })
        .collect();
    (!teile.is_empty()).then(|| teile.join(" & "))
}

/// The least letters of a query word looked up as a part of a compound: the part index
/// holds every three letters (SQLite's FTS5 `trigram`, PostgreSQL's `pg_trgm`).
pub const TEILWORT_MINDESTENS: usize = 3;

/// The folded forms of each query word for the part index ("strasse" inside
/// "bahnhofstrasse", "forderung"/"foerderung" inside "sprachforderung"), or `None` when a
/// word is shorter than [`TEILWORT_MINDESTENS`] letters: such a query is answered by the
/// word index alone.
pub fn teilwort_formen(text: &str) -> Option<Vec<Vec<String>>> {
    let formen = anfrage_woerter(text);
    let kurz = formen
        .iter()
        .flatten()
        .any(|f| f.chars().count() < TEILWORT_MINDESTENS);
    (!formen.is_empty() && !kurz).then_some(formen)
}

/// The FTS5 query of the part index (tokenizer `trigram`) for [`teilwort_formen`]: every
/// word must occur somewhere, in one of its forms.
pub fn teilwort_anfrage(formen: &[Vec<String>]) -> String {
    formen
        .iter()
        .map(|f| {
            let oder: Vec<String> = f.iter().map(|w| format!("\"{w}\"")).collect();
            format!("({})", oder.join(" OR "))
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The folded forms of each query word (one or two: "muhlenkamp", "muehlenkamp"), for
/// asking the index how common a word is.
pub fn anfrage_woerter(text: &str) -> Vec<Vec<String>> {
    woerter(text)
        .map(|w| {
            let a = ohne_zeichen(w);
            let b = umschrift(w);
            if a == b {
                vec![a]
            } else {
                vec![a, b]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compound_part_is_looked_up_in_the_part_index_from_three_letters_on() {
        let f = teilwort_formen("Förderung strasse").unwrap();
        assert_eq!(
            f,
            vec![
                vec!["forderung".to_string(), "foerderung".to_string()],
                vec!["strasse".to_string()]
            ]
        );
        assert_eq!(
            teilwort_anfrage(&f),
            "(\"forderung\" OR \"foerderung\") AND (\"strasse\")"
        );
        // The folded text holds the part as typed: "Bahnhofstraße", "Sprachförderung".
        assert!(falten("Bahnhofstraße").contains("strasse"));
        assert!(falten("Sprachförderung").contains("foerderung"));
        assert_eq!(
            teilwort_formen("AG Integrationsrat"),
            None,
            "AG: zwei Buchstaben"
        );
        assert_eq!(teilwort_formen("  "), None);
    }

    #[test]
    fn arabic_script_folds_without_harakat_tatweel_and_alef_forms() {
        // مُحَمَّد with its vowels and shadda, and stretched by a tatweel.
        assert_eq!(falten("مُحَمَّد"), "محمد");
        assert_eq!(falten("محـــمد"), "محمد");
        assert_eq!(falten("أحمد إبراهيم آمنة"), "احمد ابراهيم امنة");
        assert_eq!(falten("ٱلأحمد"), "الاحمد احمد");
        // Persian yeh and keheh, Arabic alef maqsura.
        assert_eq!(falten("علی"), "علي");
        assert_eq!(falten("مصطفى"), "مصطفي");
        assert_eq!(falten("کریم"), "كريم");
        assert_eq!(anfrage("محمد الأحمد").unwrap(), "\"محمد\"* AND \"الاحمد\"*");
        // A combining accent does not split a Latin word either.
        assert_eq!(falten("Ştefan Nguyễn"), "stefan nguyen");
    }

    #[test]
    fn names_in_many_scripts_fold_to_their_base_letters() {
        assert_eq!(ohne_zeichen("Çelik"), "celik");
        assert_eq!(ohne_zeichen("Özdemir"), "ozdemir");
        assert_eq!(ohne_zeichen("Łukasz Wójcik"), "lukasz wojcik");
        assert_eq!(ohne_zeichen("İlkay Işık"), "ilkay isik");
        assert_eq!(ohne_zeichen("Ștefan Țurcanu"), "stefan turcanu");
        assert_eq!(ohne_zeichen("Nguyễn Thị Hồng"), "nguyen thi hong");
        assert_eq!(ohne_zeichen("Ελένη"), "ελενη");
        assert_eq!(ohne_zeichen("Ёлкин"), "елкин");
    }

    #[test]
    fn both_german_spellings_are_indexed() {
        assert_eq!(
            falten("Mühlenkamp, Straße"),
            "muhlenkamp muehlenkamp strasse"
        );
        assert_eq!(falten("Rat der Stadt"), "rat der stadt");
    }

    #[test]
    fn query_is_a_conjunction_of_prefixes() {
        assert_eq!(
            anfrage("Integrationsrat 2014").unwrap(),
            "\"integrationsrat\"* AND \"2014\"*"
        );
        assert_eq!(
            anfrage("celik Förderung").unwrap(),
            "\"celik\"* AND (\"forderung\"* OR \"foerderung\"*)"
        );
        assert_eq!(anfrage("Mühlen").unwrap(), "(\"muhlen\"* OR \"muehlen\"*)");
        assert_eq!(anfrage(" \"*( ) "), None);
    }
}
