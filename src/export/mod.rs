//! Exports of the office's data through standard doors. Each exporter decides, and is
//! tested for, what is public: nothing nichtöffentlich leaves through an export.

pub mod ics;
pub mod oparl;

pub use oparl::{exportieren as oparl_exportieren, OparlExport};
