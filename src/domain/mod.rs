//! The domain of the office: every type the layers exchange and every rule that needs no
//! transaction.
//!
//! The types: the Vorlage record (`vorlage`, its content `inhalt`, its Anlagen `anlage`),
//! `gremium`, `person`, `mitgliedschaft`, the Sitzung with its TOPs (`sitzung`) and the
//! Wahl (`wahl`). The rules, as pure functions returning findings ([`Befund`]) with the
//! German message that names the field: a Vorlage's completeness (`pruefung`), the forms
//! of Gremium, person and membership, an Anlage's name and size, the life of a Sitzung
//! (`sitzung::akte`: what a TOP holds, results, closing, Ladungsfrist), the course of a
//! Wahl (`wahl::akte`, `wahl::verlauf`), the numbering scheme, the retention of backups,
//! and the grammar of a Gremium's name. No I/O, no clock, no database: the store turns
//! these values into rows and back and adds only the checks that need its tables
//! (versions, uniqueness, counters); the API, the PDF renderer and the exporters take
//! them as they are.

pub mod anlage;
pub mod aufbewahrung;
pub mod befund;
pub mod beratung_abgleich;
pub mod beratungsfolge;
pub mod bericht;
pub mod beschluss;
pub mod betrag;
pub mod buero;
pub mod datum;
pub mod druckbar;
pub mod entschaedigung;
pub mod finanzen;
pub mod gremium;
pub mod ids;
pub mod import;
pub mod inhalt;
pub mod io_text;
pub mod mitgliedschaft;
pub mod nummer;
pub mod person;
pub mod pruefung;
pub mod sitzung;
pub mod suchtext;
pub mod unterschrift;
pub mod versand;
pub mod vorlage;
pub mod wahl;
pub mod werte;
pub mod zeitzone;

pub use anlage::{AnlageInfo, AnlageNeu};
pub use befund::{Befund, Schwere};
pub use beratungsfolge::Beratungsschritt;
pub use betrag::Cent;
pub use buero::{Buero, GremiumArt};
pub use finanzen::{FinanzArt, Finanzen, FinanzenEingabe, Haushaltsmittel};
pub use gremium::{Gremium, GremiumNeu};
pub use ids::{AnlageId, GremiumId, PersonId, SitzungId, TopId, VorlageId};
pub use inhalt::VorlageInhalt;
pub use mitgliedschaft::{Mitglied, MitgliedschaftNeu};
pub use nummer::Nummernschema;
pub use person::{Person, PersonNeu};
pub use sitzung::akte::{SitzungAkte, Top, TopNeu, TopVorlage};
pub use unterschrift::{Unterschrift, Zeichnung};
pub use vorlage::VorlageAkte;
pub use wahl::akte::{LosAkte, VorschlagAkte, WahlAkte, WahlNeu};
pub use werte::{Klimarelevanz, Rolle, Status, VorlageArt, Zustand};
