//! The IBAN a member's Entschädigung is paid to: typed with or without spaces, checked by
//! its check digits (ISO 13616, mod 97), and shown in groups of four. Personal data: it
//! goes into the Auszahlungsliste for the cash office and nowhere else.

use crate::domain::befund::Befund;

/// The IBAN without spaces, upper case, or a German refusal naming `wer`. Empty stays
/// empty (not every member has given one).
pub fn pruefen(wer: &str, text: &str) -> Result<String, Befund> {
    let iban: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if iban.is_empty() {
        return Ok(iban);
    }
    let falsch =
        |grund: &str| Befund::fehler("iban", format!("IBAN von {wer}: „{}“ {grund}", text.trim()));
    if !(15..=34).contains(&iban.len())
        || !iban.chars().all(|c| c.is_ascii_alphanumeric())
        || !iban[..2].chars().all(|c| c.is_ascii_uppercase())
        || !iban[2..4].chars().all(|c| c.is_ascii_digit())
    {
        return Err(falsch(
            "ist keine IBAN (Beispiel: DE02 1203 0000 0000 2020 51).",
        ));
    }
    if iban.starts_with("DE") && iban.len() != 22 {
        return Err(falsch("hat nicht die 22 Stellen einer deutschen IBAN."));
    }
    // The check: the first four characters moved to the end, letters as 10..35, mod 97 = 1.
    let rest = iban[4..]
        .chars()
        .chain(iban[..4].chars())
        .fold(0u32, |r, c| {
            let n = c.to_digit(36).unwrap_or(0);
            if n >= 10 {
                (r * 100 + n) % 97
            } else {
                (r * 10 + n) % 97
            }
        });
    if rest != 1 {
        return Err(falsch(
            "hat eine falsche Prüfziffer – bitte vergleichen Sie sie mit der Angabe des Mitglieds.",
        ));
    }
    Ok(iban)
}

/// "DE02 1203 0000 0000 2020 51".
pub fn gruppiert(iban: &str) -> String {
    iban.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_iban_is_taken_with_or_without_spaces() {
        assert_eq!(
            pruefen("A", "DE02 1203 0000 0000 2020 51").unwrap(),
            "DE02120300000000202051"
        );
        assert_eq!(
            pruefen("A", "de02120300000000202051").unwrap(),
            "DE02120300000000202051"
        );
        assert_eq!(pruefen("A", "  ").unwrap(), "");
        assert_eq!(
            gruppiert("DE02120300000000202051"),
            "DE02 1203 0000 0000 2020 51"
        );
    }

    #[test]
    fn a_wrong_check_digit_or_length_is_named() {
        let e = pruefen("Ayşe Yılmaz", "DE03 1203 0000 0000 2020 51").unwrap_err();
        assert_eq!(e.feld, "iban");
        assert!(
            e.meldung.starts_with(
                "IBAN von Ayşe Yılmaz: „DE03 1203 0000 0000 2020 51“ hat eine falsche Prüfziffer"
            ),
            "{}",
            e.meldung
        );
        assert!(pruefen("A", "DE02 1203 0000 0000 2020").is_err());
        assert!(pruefen("A", "Kontonummer 1234").is_err());
    }
}
