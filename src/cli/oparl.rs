//! `ratsbuero oparl …`: the public data through the OParl door.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum OparlBefehl {
    /// Statische OParl-1.1-Dateien in den Ordner schreiben (nur Öffentliches)
    Export {
        ordner: PathBuf,
        /// Adresse, unter der der Ordner veröffentlicht wird, z. B. https://ratsinfo.beispiel.de/oparl
        #[arg(long)]
        basis_url: String,
    },
}
