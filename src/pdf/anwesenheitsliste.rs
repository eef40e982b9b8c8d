//! The Anwesenheitsliste: the paper passed round the table on the Sitzung day, on which
//! every member and deputy signs, and the time of leaving is noted for those who go
//! early. It is the record of who was there and the basis of the Sitzungsgeld, so it
//! lists everyone who was a member on the day — with role and Liste/Fraktion — whatever
//! attendance has been recorded in the app. A tagged PDF/A (PDF/UA): the table has
//! header cells, a screen reader reads it row by row.
//!
//! The list is internal (it carries signatures); it holds no address and no bank data.

use super::niederschrift::{angaben, die_sitzung, kopf, rahmen, speichern};
use super::pdfa::Metadaten;
use super::schrift::{pruefen, Schriften};
use super::seiten::{Rand, Seiten};
use super::vorlage::Tabelle;
use super::PdfFehler;
use crate::domain::sitzung::MitgliedRolle;
use crate::domain::{datum, Buero, Mitglied, SitzungAkte};
use chrono::NaiveDateTime;
use printpdf::PdfDocument;

/// The height of a row: room for a signature.
const UNTERSCHRIFT: f32 = 30.0;

/// Members with a seat first (chair, deputy chair, members, advisory members), then the
/// stellvertretende Mitglieder; each group in the Sitzung's order (by family name).
fn reihenfolge(mitglieder: &[Mitglied]) -> Vec<&Mitglied> {
    let mut alle: Vec<&Mitglied> = mitglieder.iter().collect();
    alle.sort_by_key(|m| match m.rolle {
        MitgliedRolle::Vorsitz | MitgliedRolle::StellvVorsitz | MitgliedRolle::Mitglied => 0,
        MitgliedRolle::Beratend => 1,
        MitgliedRolle::StellvMitglied => 2,
    });
    alle
}

/// The Anwesenheitsliste of a Sitzung as PDF/A bytes.
pub fn anwesenheitsliste(
    sitzung: &SitzungAkte,
    buero: &Buero,
    gedruckt: NaiveDateTime,
) -> Result<Vec<u8>, PdfFehler> {
    pruefen("Sitzung, Ort", &sitzung.ort)?;
    for m in &sitzung.mitglieder {
        pruefen(&format!("Mitglied {}, Name", m.person.name), &m.person.name)?;
        pruefen(&format!("Mitglied {}, für", m.person.name), &m.fuer)?;
    }
    let gremium = &sitzung.gremium.daten.name;
    let titel = format!("Anwesenheitsliste für {}", die_sitzung(sitzung));
    let mut doc = PdfDocument::new(&titel);
    let schriften = Schriften::einbetten(&mut doc)?;
    let mut s = Seiten::neu(&schriften, Rand::default());
    kopf(&mut s, buero, sitzung, &titel);
    angaben(
        &mut s,
        &[
            (
                "Datum:",
                format!(
                    "{}, {}",
                    datum::wochentag(sitzung.beginn.date()),
                    datum::deutsch(sitzung.beginn.date())
                ),
            ),
            ("Beginn:", format!("{} Uhr", sitzung.beginn.format("%H:%M"))),
            ("Ort:", sitzung.ort.clone()),
        ],
    );
    s.vorschub(10.0);
    let t = Tabelle {
        spalten: vec![
            ("Nr.", 0.05),
            ("Name", 0.25),
            ("Funktion", 0.16),
            ("Liste/Fraktion", 0.17),
            ("Unterschrift", 0.22),
            ("Verlassen um", 0.15),
        ],
        groesse: 9.0,
    };
    t.kopfzeile(&mut s);
    for (i, m) in reihenfolge(&sitzung.mitglieder).into_iter().enumerate() {
        let mut funktion = m.rolle.label().to_string();
        if !m.stimmrecht && m.rolle != MitgliedRolle::Beratend {
            funktion.push_str(" (ohne Stimmrecht)");
        }
        t.zeile_mindestens(
            &mut s,
            &[
                format!("{}", i + 1),
                m.person.name.clone(),
                funktion,
                m.fuer.clone(),
                String::new(),
                String::new(),
            ],
            UNTERSCHRIFT,
        );
    }
    t.ende(&mut s);
    let kennung = format!(
        "Anwesenheitsliste {}. Sitzung {gremium} am {}",
        sitzung.nummer,
        datum::deutsch(sitzung.beginn.date())
    );
    let seiten = s.fertig(|s, nr, von| rahmen(s, nr, von, &kennung, None));
    speichern(
        doc,
        seiten,
        Metadaten {
            titel,
            autor: buero.kommune.clone(),
            betreff: format!("Anwesenheitsliste – {}", buero.kommune),
            erstellt: gedruckt,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, rolle: MitgliedRolle) -> Mitglied {
        Mitglied::beispiel(name, rolle, "", None)
    }

    #[test]
    fn members_with_a_seat_come_before_the_deputies() {
        use MitgliedRolle::*;
        let alle = [
            m("Vorsitz", Vorsitz),
            m("Adam", StellvMitglied),
            m("Berat", Beratend),
            m("Zora", Mitglied),
        ];
        let namen: Vec<&str> = reihenfolge(&alle)
            .iter()
            .map(|m| m.person.name.as_str())
            .collect();
        assert_eq!(namen, ["Vorsitz", "Zora", "Berat", "Adam"]);
    }
}
