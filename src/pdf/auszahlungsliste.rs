//! The Auszahlungsliste of the Sitzungsgeld for a period, for the signature of the
//! Sachbearbeitung ("sachlich und rechnerisch richtig"): one line per payment (a member
//! and a Sitzung: Sitzungsgeld, Verdienstausfall, Fahrtkosten, Betrag), a sum per person,
//! and the total. A tagged PDF/A (PDF/UA): the table has header cells.
//!
//! Internal and personal: every page says so; the IBAN stays in the CSV for the cash
//! office and is not printed here.

use super::niederschrift::{angaben, rahmen, speichern, unterschriften};
use super::pdfa::Metadaten;
use super::schrift::{pruefen, Schnitt, Schriften};
use super::seiten::{Rand, Seiten};
use super::vorlage::Tabelle;
use super::PdfFehler;
use crate::domain::entschaedigung::auszahlung::Auszahlungsliste;
use crate::domain::{datum, Buero};
use chrono::NaiveDateTime;
use printpdf::PdfDocument;

/// The list as PDF/A bytes.
pub fn auszahlungsliste(
    liste: &Auszahlungsliste,
    buero: &Buero,
    gedruckt: NaiveDateTime,
) -> Result<Vec<u8>, PdfFehler> {
    for z in &liste.zahlungen {
        pruefen(&format!("Mitglied {}, Name", z.person.name), &z.person.name)?;
        pruefen(&format!("Gremium {}", z.gremium), &z.gremium)?;
    }
    let zeitraum = format!(
        "{} – {}",
        datum::deutsch(liste.von),
        datum::deutsch(liste.bis)
    );
    let titel = format!("Auszahlungsliste Sitzungsgeld {zeitraum}");
    let mut doc = PdfDocument::new(&titel);
    let schriften = Schriften::einbetten(&mut doc)?;
    let mut s = Seiten::neu(&schriften, Rand::default());
    s.zeile(0.0, &buero.kommune, Schnitt::Fett, 14.0, 18.0);
    s.vorschub(14.0);
    s.zeile(
        0.0,
        "Auszahlungsliste Sitzungsgeld und Entschädigung",
        Schnitt::Fett,
        13.0,
        17.0,
    );
    s.vorschub(6.0);
    angaben(
        &mut s,
        &[
            ("Zeitraum:", zeitraum.clone()),
            (
                "Zahlungen:",
                format!(
                    "{} an {} Personen",
                    liste.zahlungen.len(),
                    liste.summen.len()
                ),
            ),
            ("Summe:", liste.summe.to_string()),
        ],
    );
    s.vorschub(10.0);
    let t = Tabelle {
        spalten: vec![
            ("Name", 0.22),
            ("Sitzung", 0.30),
            ("Sitzungsgeld", 0.12),
            ("Verdienstausfall", 0.13),
            ("Fahrtkosten", 0.11),
            ("Betrag", 0.12),
        ],
        groesse: 8.5,
    };
    t.kopfzeile(&mut s);
    for (person, summe) in &liste.summen {
        for z in liste.zahlungen.iter().filter(|z| z.person.id == person.id) {
            t.zeile(
                &mut s,
                &[
                    z.person.name.clone(),
                    z.buchungstext.clone(),
                    z.posten.sitzungsgeld.to_string(),
                    z.posten.verdienstausfall.to_string(),
                    z.posten.fahrtkosten.to_string(),
                    z.posten.summe.to_string(),
                ],
            );
        }
        t.zeile(
            &mut s,
            &[
                format!("Summe {}", person.name),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                summe.to_string(),
            ],
        );
    }
    t.zeile(
        &mut s,
        &[
            "Gesamtsumme".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            liste.summe.to_string(),
        ],
    );
    t.ende(&mut s);
    s.vorschub(12.0);
    s.zeile(
        0.0,
        "Sachlich und rechnerisch richtig:",
        Schnitt::Normal,
        10.5,
        14.0,
    );
    s.zeile(
        0.0,
        &format!("{}, {}", buero.kommune, datum::deutsch(gedruckt.date())),
        Schnitt::Normal,
        10.5,
        14.0,
    );
    unterschriften(&mut s, ("", "Sachbearbeitung"), None);
    let kennung = format!("{titel} – vertraulich: personenbezogene Daten");
    let seiten = s.fertig(|s, nr, von| rahmen(s, nr, von, &kennung, None));
    speichern(
        doc,
        seiten,
        Metadaten {
            titel,
            autor: buero.kommune.clone(),
            betreff: format!("Sitzungsgeld – {}", buero.kommune),
            erstellt: gedruckt,
        },
    )
}
