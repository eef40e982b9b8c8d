//! `ratsbuero bericht jahr JAHR --out DATEI.pdf|.docx [--oeffentlich]`: the year's report
//! (Tätigkeitsbericht) as a Mitteilungsvorlage draft of the office, printed at once.

use super::jetzt;
use crate::api::{self, ApiFehler};
use crate::store::Store;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum BerichtBefehl {
    /// Den Tätigkeitsbericht eines Jahres als Entwurf anlegen und als PDF oder Word ausgeben
    Jahr {
        jahr: i32,
        /// DATEI.pdf oder DATEI.docx
        #[arg(long)]
        out: PathBuf,
        /// Die öffentliche Fassung: kein nichtöffentlicher TOP wird genannt
        #[arg(long)]
        oeffentlich: bool,
    },
}

pub fn bericht(store: &mut Store, befehl: BerichtBefehl) -> Result<(), ApiFehler> {
    match befehl {
        BerichtBefehl::Jahr {
            jahr,
            out,
            oeffentlich,
        } => {
            let word = match out
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_lowercase)
                .as_deref()
            {
                Some("pdf") => false,
                Some("docx") => true,
                _ => {
                    return Err(ApiFehler::feld(
                        "out",
                        format!(
                            "--out {}: bitte eine Datei auf .pdf oder .docx.",
                            out.display()
                        ),
                    ))
                }
            };
            let jetzt = jetzt();
            let g = api::bericht_entwurf(store, jahr, oeffentlich, jetzt)?;
            let bytes = if word {
                api::vorlage_docx(store, g.id.0, jetzt)?
            } else {
                api::vorlage_pdf(store, g.id.0, jetzt)?
            };
            api::datei_schreiben(&out, &bytes)?;
            zeile!(
                "Tätigkeitsbericht {jahr} als Entwurf {} angelegt; {} geschrieben.",
                g.id.0,
                out.display()
            );
        }
    }
    Ok(())
}
