//! `ratsbuero sicherung …`: backups made, checked and restored.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum SicherungBefehl {
    /// Eine geprüfte Sicherung in den Ordner schreiben (danach Rotation: 7 täglich, 4 wöchentlich, 12 monatlich)
    Erstellen {
        #[arg(long)]
        ziel: PathBuf,
    },
    /// Eine Sicherungsdatei prüfen, ohne etwas zu verändern
    Pruefen { datei: PathBuf },
    /// Die Datenbank durch eine geprüfte Sicherung ersetzen (die bisherige wird beiseitegelegt)
    Wiederherstellen { datei: PathBuf },
}

pub fn pruefung_zeigen(p: &crate::store::SicherungsPruefung) -> String {
    format!(
        "Schema {}, {} Vorlagen, {} Anlagen (SHA-512 geprüft), {:.1} MB, Integrität ok",
        p.schema_version,
        p.vorlagen,
        p.anlagen,
        p.bytes as f64 / 1_000_000.0
    )
}
