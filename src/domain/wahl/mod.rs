//! Elections and Entsendungen under § 50 GO NRW: exact apportionment of seats among lists,
//! the election of one person with its run-off, and the lots both may need. Pure rules;
//! the store keeps Wahlen, Wahlgänge and Lose, the PDF module prints ballots and minutes.

pub mod akte;
pub mod bruch;
pub mod einzelwahl;
pub mod sitzverteilung;
pub mod verlauf;

pub use bruch::Bruch;
pub use einzelwahl::{einzelwahl, Ausgang, EinzelErgebnis, Einzelstimmen, Wahlgang};
pub use sitzverteilung::{verteilen, Gruppe, Patt, Sitzverteilung, Verfahren, VerteilungFehler};
pub use verlauf::{
    los_ziehen, stand, zaehlung_pruefen, Losziehung, Schritt, Vorschlag, WahlArt, WahlStand,
    Wahlvorgabe, Zaehlung,
};
