//! The domain of the office: what a Vorlage is made of and which rules it obeys.
//!
//! Pure data and pure functions: no I/O, no clock, no database. The store turns these
//! values into rows and back; the API layer and the PDF renderer take them as they are.
//! Every rule a user can break lives here, with the German message that names the field.

pub mod aufbewahrung;
pub mod befund;
pub mod beratungsfolge;
pub mod betrag;
pub mod buero;
pub mod datum;
pub mod finanzen;
pub mod ids;
pub mod import;
pub mod inhalt;
pub mod io_text;
pub mod nummer;
pub mod pruefung;
pub mod sitzung;
pub mod suchtext;
pub mod unterschrift;
pub mod wahl;
pub mod werte;
pub mod zeitzone;

pub use befund::{Befund, Schwere};
pub use beratungsfolge::Beratungsschritt;
pub use betrag::Cent;
pub use buero::{Buero, GremiumArt};
pub use finanzen::{FinanzArt, Finanzen, FinanzenEingabe, Haushaltsmittel};
pub use ids::{AnlageId, GremiumId, PersonId, SitzungId, TopId, VorlageId};
pub use inhalt::VorlageInhalt;
pub use nummer::Nummernschema;
pub use unterschrift::{Unterschrift, Zeichnung};
pub use werte::{Klimarelevanz, Rolle, Status, VorlageArt, Zustand};
