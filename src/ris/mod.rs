//! The town's Ratsinformationssystem read in through OParl 1.0 and 1.1 (ALLRIS,
//! SessionNet, SD.NET and the others all publish it): System → Body → the lists of
//! Organizations, Persons, Meetings and Papers, every page by `links.next`, with the
//! agenda items, consultations and files they carry.
//!
//! [`abruf`] fetches (a blocking client with timeouts and retries with back-off),
//! [`json`] reads what real servers send (leniently), [`import`] walks the endpoint and
//! stores what it finds ([`crate::store`]'s `ris_*` tables), with a report of what was
//! read, updated, deleted and skipped, and why. An import that breaks off resumes from the
//! raw pages it kept; the next import asks only for what changed (`modified_since`).

pub mod abruf;
pub mod import;
pub mod json;

use crate::store::StoreError;

/// Errors that stop an import (a single object the RIS cannot give is a warning in the
/// report instead).
#[derive(Debug, thiserror::Error)]
pub enum RisFehler {
    /// The address is not an OParl endpoint's.
    #[error("OParl-Adresse „{url}“: {grund}")]
    Adresse { url: String, grund: String },
    /// A list page could not be fetched (after the retries): the import can be resumed.
    #[error("{url} ist nicht abrufbar: {grund}. Ein erneuter Import setzt hier fort.")]
    Abruf { url: String, grund: String },
    /// What came back is not OParl.
    #[error("{url} liefert kein lesbares OParl: {grund}")]
    Inhalt { url: String, grund: String },
    #[error("Abgebrochen: der Import setzt beim nächsten Mal hier fort.")]
    Abgebrochen,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl RisFehler {
    /// Stable machine-readable code (the `code` of `{code, message}` at the UI boundary).
    pub fn code(&self) -> &'static str {
        match self {
            RisFehler::Adresse { .. } => "ungueltig",
            RisFehler::Abruf { .. } => "ris_abruf",
            RisFehler::Inhalt { .. } => "ris_inhalt",
            RisFehler::Abgebrochen => "abgebrochen",
            RisFehler::Store(e) => e.code(),
        }
    }
}
