//! Elections and Entsendungen under § 50 GO NRW: exact apportionment of seats among lists,
//! the election of one person with its run-off, and the lots both may need. Pure rules;
//! the store keeps Wahlen, Wahlgänge and Lose, the PDF module prints ballots and minutes.

pub mod bruch;
pub mod einzelwahl;
pub mod sitzverteilung;

pub use bruch::Bruch;
pub use einzelwahl::{einzelwahl, Ausgang, EinzelErgebnis, Einzelstimmen, Wahlgang};
pub use sitzverteilung::{verteilen, Gruppe, Patt, Sitzverteilung, Verfahren, VerteilungFehler};
