//! Sitzungsgeld and Entschädigung (issue 27 § 2): the rates as office data with their
//! validity ([`satz`]), what each member present is entitled to for one Sitzung
//! ([`abrechnung`]), and the bank account it is paid to ([`iban`]).
//!
//! The law behind it: § 45 GO NRW (Entschädigung der Ratsmitglieder, sachkundigen Bürger
//! und Einwohner, and — by § 27 Abs. 9 GO NRW — of the members of the Integrationsrat),
//! the Entschädigungsverordnung NRW (EntschVO: Sitzungsgeld, Regelstundensatz and
//! Höchstbetrag of the Verdienstausfall), and the town's Hauptsatzung, which sets the
//! amounts within it. The amounts change (the EntschVO is adjusted, often at 1 January),
//! so no amount is written in code: each rate is a row with a first day, and the rate of
//! a Sitzung is the one valid on its day.
//!
//! Entschädigung data is personal: it goes into the Auszahlungsliste for the office and
//! the town's cash office, and into no public document.

pub mod abrechnung;
pub mod auszahlung;
pub mod iban;
pub mod satz;
