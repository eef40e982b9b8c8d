//! The Auszahlungsliste: from the Sitzungen of a period, what each member present is
//! paid, one payment per member and Sitzung, sorted by person then date, with the sums
//! per person and in all — exact in cents ([`super::abrechnung`] per line, integer sums).
//! A Sitzung whose rate is missing stops the list with the reason: a list that leaves
//! someone out would be wrong.

use super::abrechnung::{self, Angaben, Fall, Posten};
use super::satz::Satz;
use crate::domain::befund::Befund;
use crate::domain::betrag::Cent;
use crate::domain::sitzung::{Anwesenheit, Herkunft};
use crate::domain::{datum, Person, PersonId, SitzungAkte, SitzungId};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// One member's line for one Sitzung.
#[derive(Debug, Clone, Serialize)]
pub struct Abrechnungszeile {
    pub person: Person,
    pub herkunft: Herkunft,
    pub anwesend: bool,
    pub angaben: Angaben,
    /// The hours as the clerk reads them ("2,5").
    pub stunden: String,
    pub posten: Posten,
}

/// What each member of a Sitzung is entitled to, from what was entered (`angaben`).
pub fn zeilen(
    akte: &SitzungAkte,
    angaben: &HashMap<PersonId, Angaben>,
    saetze: &[Satz],
) -> Result<Vec<Abrechnungszeile>, Befund> {
    let leer = Angaben::default();
    akte.mitglieder
        .iter()
        .map(|m| {
            let a = angaben.get(&m.person.id).unwrap_or(&leer);
            let anwesend = m.anwesenheit == Some(Anwesenheit::Anwesend);
            let posten = abrechnung::berechnen(
                saetze,
                &Fall {
                    tag: akte.beginn.date(),
                    gremium: akte.gremium.id,
                    ohne_entschaedigung: akte.gremium.daten.ohne_entschaedigung,
                    herkunft: m.herkunft,
                    anwesend,
                    angaben: a,
                },
            )?;
            Ok(Abrechnungszeile {
                person: m.person.clone(),
                herkunft: m.herkunft,
                anwesend,
                angaben: a.clone(),
                stunden: abrechnung::stunden_text(a.minuten),
                posten,
            })
        })
        .collect()
}

/// One payment: a member, a Sitzung, the amounts.
#[derive(Debug, Clone, Serialize)]
pub struct Auszahlung {
    pub person: Person,
    pub sitzung: SitzungId,
    pub gremium: String,
    pub tag: NaiveDate,
    /// "3. Sitzung Integrationsrat am 10.12.2026" (the cash office's Buchungstext).
    pub buchungstext: String,
    pub posten: Posten,
}

/// The list of a period.
#[derive(Debug, Clone, Serialize)]
pub struct Auszahlungsliste {
    pub von: NaiveDate,
    pub bis: NaiveDate,
    pub zahlungen: Vec<Auszahlung>,
    /// Per person: the person and the sum of their payments.
    pub summen: Vec<(Person, Cent)>,
    pub summe: Cent,
}

/// The list from the Sitzungen of the period with what was entered for them.
pub fn zusammenstellen(
    von: NaiveDate,
    bis: NaiveDate,
    sitzungen: &[(SitzungAkte, HashMap<PersonId, Angaben>)],
    saetze: &[Satz],
) -> Result<Auszahlungsliste, Befund> {
    let mut zahlungen = Vec::new();
    for (akte, angaben) in sitzungen {
        let buchungstext = format!(
            "{}. Sitzung {} am {}",
            akte.nummer,
            akte.gremium.daten.name,
            datum::deutsch(akte.beginn.date())
        );
        let z = zeilen(akte, angaben, saetze)
            .map_err(|e| Befund::fehler(&e.feld, format!("{buchungstext}: {}", e.meldung)))?;
        for zeile in z.into_iter().filter(|z| z.posten.summe.0 > 0) {
            zahlungen.push(Auszahlung {
                person: zeile.person,
                sitzung: akte.id,
                gremium: akte.gremium.daten.name.clone(),
                tag: akte.beginn.date(),
                buchungstext: buchungstext.clone(),
                posten: zeile.posten,
            });
        }
    }
    zahlungen
        .sort_by_cached_key(|z| (z.person.daten.sortname(), z.person.id.0, z.tag, z.sitzung.0));
    let mut summen: Vec<(Person, Cent)> = Vec::new();
    for z in &zahlungen {
        match summen.last_mut() {
            Some((p, s)) if p.id == z.person.id => s.0 += z.posten.summe.0,
            _ => summen.push((z.person.clone(), z.posten.summe)),
        }
    }
    let summe = Cent(zahlungen.iter().map(|z| z.posten.summe.0).sum());
    Ok(Auszahlungsliste {
        von,
        bis,
        zahlungen,
        summen,
        summe,
    })
}
