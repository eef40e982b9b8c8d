//! The Auszahlungsliste as CSV for the town's cash office (Stadtkasse): one line per
//! payment (a member, a Sitzung). Not public: it carries names, addresses and IBANs, and
//! it is written only where the clerk saves it.
//!
//! The format (README, "Auszahlungsliste als CSV"): UTF-8 with a byte order mark (so that
//! a spreadsheet opened by double click reads the umlauts), `;` between fields as German
//! spreadsheets expect, CRLF line ends (RFC 4180), a field with `;`, `"` or a line break
//! in double quotes. Columns: `Name;Anschrift;Personalnummer;IBAN;Betrag;Buchungstext`,
//! the amount in German notation without thousands separator ("1234,50").

use crate::domain::entschaedigung::auszahlung::Auszahlungsliste;
use crate::domain::entschaedigung::iban;

/// The column names of the first line.
pub const SPALTEN: [&str; 6] = [
    "Name",
    "Anschrift",
    "Personalnummer",
    "IBAN",
    "Betrag",
    "Buchungstext",
];

fn feld(t: &str) -> String {
    if t.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t.to_string()
    }
}

/// The CSV text of the list.
pub fn csv(liste: &Auszahlungsliste) -> String {
    let mut aus = format!("\u{feff}{}\r\n", SPALTEN.join(";"));
    for z in &liste.zahlungen {
        let d = &z.person.daten;
        let zeile = [
            feld(&z.person.name),
            feld(&d.anschrift.replace('\n', ", ")),
            feld(&d.personalnummer),
            feld(&iban::gruppiert(&d.iban)),
            z.posten.summe.zahl().replace('.', ""),
            feld(&format!("Sitzungsgeld {}", z.buchungstext)),
        ]
        .join(";");
        aus.push_str(&zeile);
        aus.push_str("\r\n");
    }
    aus
}
