//! Exports of the office's data through standard doors. Each exporter decides, and is
//! tested for, what is public: nothing nichtöffentlich leaves through an export.

//! They take values the API loaded (never the store) and return their own error.

mod fehler;
pub mod ics;
pub mod oparl;

pub use fehler::ExportFehler;
pub use oparl::{exportieren as oparl_exportieren, OparlDaten, OparlExport, Papier};
