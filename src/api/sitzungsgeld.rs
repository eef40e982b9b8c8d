//! Sitzungsgeld and Entschädigung (issue 27 § 2) as the app and the CLI use them: the
//! rates, what is entered per member and Sitzung, and the Auszahlungsliste for a period —
//! as a tagged PDF for the Sachbearbeitung's signature ([`crate::pdf::auszahlungsliste`])
//! and as a CSV for the town's cash office ([`crate::export::kasse`]). The rules are the
//! domain's ([`crate::domain::entschaedigung`]).
//!
//! Personal data: the list carries names, addresses and IBANs; it is written only where
//! the clerk asks, and no public output (packet, Niederschrift, OParl, iCalendar) reads it.

use super::ApiFehler;
use crate::domain::betrag::Cent;
use crate::domain::entschaedigung::abrechnung::{self, Angaben};
use crate::domain::entschaedigung::auszahlung::{self, Abrechnungszeile, Auszahlungsliste};
use crate::domain::entschaedigung::satz::{Satz, SatzArt, SatzNeu};
use crate::domain::sitzung::Herkunft;
use crate::domain::{datum, GremiumId, PersonId, SitzungAkte, SitzungId};
use crate::store::Store;
use chrono::NaiveDateTime;

/// A rate from the words of the form or the command line: "25,00", "01.01.2027".
pub fn satz_lesen(
    art: &str,
    betrag: &str,
    ab: &str,
    bis: Option<&str>,
    gremium: Option<i64>,
    herkunft: Option<&str>,
) -> Result<SatzNeu, ApiFehler> {
    let art: SatzArt = super::wert_lesen("--art", art)?;
    let betrag = Cent::parse(betrag)
        .map_err(|e| ApiFehler::feld("betrag", format!("{}, Betrag: {e}.", art.label())))?;
    let tag = |feld: &str, wort: &str, t: &str| {
        datum::parse(t).map_err(|e| ApiFehler::feld(feld, format!("{}, {wort}: {e}.", art.label())))
    };
    Ok(SatzNeu {
        art,
        betrag,
        ab: tag("ab", "gültig ab", ab)?,
        bis: bis
            .filter(|b| !b.trim().is_empty())
            .map(|b| tag("bis", "gültig bis", b))
            .transpose()?,
        gremium: gremium.map(GremiumId),
        herkunft: herkunft
            .map(|h| super::wert_lesen::<Herkunft>("--herkunft", h))
            .transpose()?,
    })
}

pub fn satz_anlegen(
    store: &mut Store,
    neu: &SatzNeu,
    jetzt: NaiveDateTime,
) -> Result<Satz, ApiFehler> {
    Ok(store.satz_anlegen(neu, jetzt)?)
}

pub fn saetze(store: &Store) -> Result<Vec<Satz>, ApiFehler> {
    Ok(store.saetze()?)
}

/// Records a member's hours ("2,5" or "2:30"), km, proven hourly wage ("30,00"; empty:
/// the Regelstundensatz) and waiver for a Sitzung.
#[allow(clippy::too_many_arguments)]
pub fn entschaedigung_setzen(
    store: &mut Store,
    sitzung: i64,
    person: i64,
    stunden: &str,
    km: u32,
    stundensatz: &str,
    verzicht: bool,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let minuten = abrechnung::stunden_lesen(stunden)?;
    let stundensatz = match stundensatz.trim() {
        "" => None,
        t => Some(Cent::parse(t).map_err(|e| {
            ApiFehler::feld("stundensatz", format!("Nachgewiesener Stundensatz: {e}."))
        })?),
    };
    super::sitzungen::basis_pruefen(store, SitzungId(sitzung), basis)?;
    let angaben = Angaben {
        minuten,
        km,
        stundensatz,
        verzicht,
    };
    Ok(store.entschaedigung_setzen(SitzungId(sitzung), PersonId(person), &angaben, jetzt)?)
}

/// Kilometres as typed: a whole number ("23"), empty is 0.
pub fn km_lesen(text: &str) -> Result<u32, ApiFehler> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(0);
    }
    t.parse().map_err(|_| {
        ApiFehler::feld(
            "km",
            format!("Kilometer „{t}“: Bitte eine ganze Zahl eingeben (z. B. 23)."),
        )
    })
}

/// What each member of a Sitzung is entitled to (the CLI and the Sitzung screen).
pub fn sitzung_entschaedigung(
    store: &Store,
    sitzung: i64,
) -> Result<Vec<Abrechnungszeile>, ApiFehler> {
    let akte = store.sitzung(SitzungId(sitzung))?;
    let angaben = store.entschaedigungen(SitzungId(sitzung))?;
    Ok(auszahlung::zeilen(&akte, &angaben, &store.saetze()?)?)
}

/// The payments from `von` to `bis` (as typed, TT.MM.JJJJ).
pub fn auszahlungsliste(
    store: &Store,
    von: &str,
    bis: &str,
) -> Result<Auszahlungsliste, ApiFehler> {
    let von =
        datum::parse(von).map_err(|e| ApiFehler::feld("von", format!("Zeitraum von: {e}.")))?;
    let bis =
        datum::parse(bis).map_err(|e| ApiFehler::feld("bis", format!("Zeitraum bis: {e}.")))?;
    if bis < von {
        return Err(ApiFehler::feld("bis", "Zeitraum: „bis“ liegt vor „von“."));
    }
    let sitzungen = store.sitzungen_zur_abrechnung(von, bis)?;
    Ok(auszahlung::zusammenstellen(
        von,
        bis,
        &sitzungen,
        &store.saetze()?,
    )?)
}

/// The CSV for the cash office.
pub fn auszahlung_csv(liste: &Auszahlungsliste) -> String {
    crate::export::kasse::csv(liste)
}

/// The Auszahlungsliste as a tagged PDF/A, for the signature of the Sachbearbeitung.
pub fn auszahlung_pdf(
    store: &Store,
    liste: &Auszahlungsliste,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, ApiFehler> {
    let buero = store.buero()?;
    Ok(crate::pdf::auszahlungsliste::auszahlungsliste(
        liste, &buero, jetzt,
    )?)
}
