//! The functions the desktop app and the CLI call: one per user action, each a plain
//! function over the [`Store`] (no Tauri types), returning `Result<_, ApiFehler>`.
//!
//! [`ApiFehler`] is what crosses the boundary to the UI: `{code, message, befunde}` with a
//! German message. Arguments from outside (JSON, base64, ids) are checked here, so every
//! command gives a clear message on bad input and leaves the data unchanged.

mod archiv;
mod bericht;
mod beschluesse;
mod demo;
mod dokumente;
mod fehler;
mod konfig;
mod muster;
mod papierkorb;
mod ris;
mod sicherung;
mod sitzungen;
mod sitzungsgeld;
mod sitzungstag;
mod uhr;
mod versand;
mod vorlagen;
mod wahlen;
mod wertlisten;

pub use archiv::{archiv_erzeugen, ArchivErzeugt};
pub use bericht::*;
pub use beschluesse::*;
pub use demo::*;
pub use dokumente::*;
pub use fehler::{argument, bezeichnung, wert_lesen, ApiFehler};
pub use konfig::{standard_db_pfad, standard_sicherung_ordner, AppKonfig};
pub use muster::*;
pub use papierkorb::*;
pub use ris::*;
pub use sicherung::*;
pub use sitzungen::*;
pub use sitzungsgeld::*;
pub use sitzungstag::*;
pub use uhr::{jetzt, zeitzone_uebernehmen};
pub use versand::*;
pub use vorlagen::*;
pub use wahlen::*;
pub use wertlisten::wertlisten;
