//! Money in whole cents, written the German way: `1.234,56 €`.
//!
//! Amounts are integers of cents from input to PDF; no floating point touches them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The largest amount in cents (999.999.999.999,99 €), grouped as written: euros in
/// thousands, then the cents.
#[allow(clippy::inconsistent_digit_grouping)]
const HOECHSTBETRAG_CENT: i64 = 999_999_999_999_99;

/// An amount in euro cents.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Cent(pub i64);

/// Why a text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BetragFehler {
    #[error("„{0}“ ist kein Betrag (Beispiel: 1.234,56)")]
    KeinBetrag(String),
    #[error("„{0}“ hat mehr als zwei Nachkommastellen")]
    ZuVieleNachkommastellen(String),
    #[error("„{0}“ ist zu groß")]
    ZuGross(String),
}

impl Cent {
    /// Parses `1.234,56`, `1234,5`, `1234`, `-12,00 €`, `1 234,56`. The point is the
    /// thousands separator and the comma the decimal separator, as written in German.
    pub fn parse(text: &str) -> Result<Cent, BetragFehler> {
        let roh = text.trim();
        let t = roh.trim_end_matches('€').trim_end();
        let (negativ, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, t),
        };
        let kein = || BetragFehler::KeinBetrag(roh.to_string());
        let (ganz, bruch) = match t.split_once(',') {
            Some((g, b)) => (g, b),
            None => (t, ""),
        };
        if ganz.is_empty() && bruch.is_empty() {
            return Err(kein());
        }
        // Thousands separators: groups of three after the first group.
        let gruppen: Vec<&str> = ganz.split(['.', ' ', '\u{a0}', '\u{202f}']).collect();
        if gruppen.len() > 1
            && (gruppen[0].is_empty()
                || gruppen[0].len() > 3
                || gruppen[1..].iter().any(|g| g.len() != 3))
        {
            return Err(kein());
        }
        let ziffern: String = gruppen.concat();
        if !ziffern.chars().all(|c| c.is_ascii_digit())
            || !bruch.chars().all(|c| c.is_ascii_digit())
        {
            return Err(kein());
        }
        if bruch.len() > 2 {
            return Err(BetragFehler::ZuVieleNachkommastellen(roh.to_string()));
        }
        let euro: i64 = if ziffern.is_empty() {
            0
        } else {
            ziffern
                .parse()
                .map_err(|_| BetragFehler::ZuGross(roh.to_string()))?
        };
        let cent: i64 = format!("{bruch:0<2}").parse().map_err(|_| kein())?;
        let wert = euro
            .checked_mul(100)
            .and_then(|e| e.checked_add(cent))
            .filter(|w| *w <= HOECHSTBETRAG_CENT)
            .ok_or_else(|| BetragFehler::ZuGross(roh.to_string()))?;
        Ok(Cent(if negativ { -wert } else { wert }))
    }

    /// `1.234,56` without the currency sign (for form fields).
    pub fn zahl(self) -> String {
        let betrag = self.0.unsigned_abs();
        let gruppiert = tausender(betrag / 100);
        let vorzeichen = if self.0 < 0 { "-" } else { "" };
        format!("{vorzeichen}{gruppiert},{:02}", betrag % 100)
    }

    pub fn checked_add(self, other: Cent) -> Option<Cent> {
        self.0.checked_add(other.0).map(Cent)
    }
}

impl fmt::Display for Cent {
    /// `1.234,56 €`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} €", self.zahl())
    }
}

/// 10000 → "10.000": a whole number as German text writes it, thousands separated by a
/// point (amounts, counts in the Wahlniederschrift, the lengths of a message).
pub fn tausender(n: u64) -> String {
    let s = n.to_string();
    let mut aus = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            aus.push('.');
        }
        aus.push(c);
    }
    aus
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_notation_parses() {
        assert_eq!(Cent::parse("1.234,56").unwrap(), Cent(123_456));
        assert_eq!(Cent::parse("1234,5").unwrap(), Cent(123_450));
        assert_eq!(Cent::parse("1234").unwrap(), Cent(123_400));
        assert_eq!(Cent::parse(" 12.000,00 € ").unwrap(), Cent(1_200_000));
        assert_eq!(Cent::parse("-5,00").unwrap(), Cent(-500));
        assert_eq!(Cent::parse(",50").unwrap(), Cent(50));
        assert_eq!(Cent::parse("1 234 567,89").unwrap(), Cent(123_456_789));
    }

    #[test]
    fn malformed_amounts_are_refused() {
        for t in ["", "abc", "1.23,00", "12,3x", "1.2345", ".123", "1,2,3"] {
            assert!(Cent::parse(t).is_err(), "{t:?} should not parse");
        }
        assert!(matches!(
            Cent::parse("1,234"),
            Err(BetragFehler::ZuVieleNachkommastellen(_))
        ));
        assert!(matches!(
            Cent::parse("99999999999999999999"),
            Err(BetragFehler::ZuGross(_))
        ));
    }

    #[test]
    fn formats_like_the_office() {
        assert_eq!(Cent(123_456).to_string(), "1.234,56 €");
        assert_eq!(Cent(5).to_string(), "0,05 €");
        assert_eq!(Cent(100_000_000).to_string(), "1.000.000,00 €");
        assert_eq!(Cent(-123_456).to_string(), "-1.234,56 €");
    }

    #[test]
    fn format_and_parse_round_trip() {
        for c in [0, 1, 99, 100, 123_456, 99_999_999, -4_200] {
            assert_eq!(Cent::parse(&Cent(c).zahl()).unwrap(), Cent(c));
        }
    }
}
