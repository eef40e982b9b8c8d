//! Exports of the office's data through standard doors. Each exporter decides, and is
//! tested for, what is public: nothing nichtöffentlich leaves through an export.

//! They take values the API loaded (never the store) and return their own error. The
//! Word file is the exception that proves the rule: it is the Vorlage as the office has it
//! (like its PDF), for the office's own hands, a nichtöffentliche one marked so on every
//! page.

pub mod docx;
mod fehler;
pub mod ics;
pub mod kasse;
pub mod oparl;

pub use docx::vorlage_docx;
pub use fehler::ExportFehler;
pub use oparl::{exportieren as oparl_exportieren, OparlDaten, OparlExport, Papier};
