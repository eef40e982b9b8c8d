//! Ratsbüro core: the domain, the store, and the API the desktop app and the CLI share.
//!
//! Never depends on Tauri or GTK: `cargo test -p ratsbuero` builds without the webview
//! libraries. See `../shared/DESIGN.md` (architecture) and the README.

pub mod api;
#[cfg(feature = "cli")]
pub mod cli;
pub mod datei;
pub mod domain;
pub mod export;
pub mod pdf;
pub mod post;
pub mod ris;
pub mod schriftvorrat;
pub mod store;
pub mod volltext;
