//! `ratsbuero vorlage …`: drafting, listing, searching and releasing Vorlagen.

use super::{jetzt, json};
use crate::api::{self, ApiFehler};
use crate::domain::Schwere;
use crate::store::Store;
use crate::store::VorlagenFilter;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum VorlageBefehl {
    /// Eine Vorlage aus einer JSON-Datei als Entwurf anlegen
    Import { datei: PathBuf },
    /// Alle Vorlagen auflisten
    Liste {
        #[arg(long)]
        json: bool,
    },
    /// Eine Vorlage zeigen
    Zeigen {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Volltextsuche
    Suche {
        text: String,
        #[arg(long)]
        json: bool,
    },
    /// Eine Datei als Anlage an einen Entwurf hängen (PDF, DOCX, ODT: ihr Text wird durchsuchbar)
    Anlage {
        id: i64,
        datei: PathBuf,
        /// oeffentlich oder nichtoeffentlich
        #[arg(long, default_value = "oeffentlich")]
        status: String,
    },
    /// Einen Entwurf freigeben (vergibt die Vorlage-Nr.)
    Freigeben { id: i64 },
    /// Neue Fassung einer freigegebenen Vorlage anlegen
    NeueFassung { id: i64 },
    /// Die Vorlage als Word-Datei (.docx) schreiben
    Docx {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Die Vorlage als PDF/A-Datei schreiben
    Pdf {
        id: i64,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        signatur: super::signatur::SignaturArgs,
    },
}

/// A file named on the command line that cannot be read, in German.
fn nicht_lesbar(datei: &std::path::Path, e: &std::io::Error) -> ApiFehler {
    ApiFehler::neu(
        "datei",
        format!(
            "„{}“ kann nicht gelesen werden: {}",
            datei.display(),
            crate::domain::io_text::io_text(e)
        ),
    )
}

pub fn vorlage(store: &mut Store, befehl: VorlageBefehl) -> Result<(), ApiFehler> {
    match befehl {
        VorlageBefehl::Import { datei } => {
            let text = std::fs::read_to_string(&datei).map_err(|e| nicht_lesbar(&datei, &e))?;
            let i = api::vorlage_importieren(store, &text, jetzt())?;
            let offen: Vec<_> = i
                .befunde
                .iter()
                .filter(|b| b.schwere >= Schwere::Unvollstaendig)
                .collect();
            if !offen.is_empty() {
                eprintln!("Als Entwurf angelegt; vor der Freigabe noch zu erledigen:");
                for b in offen {
                    eprintln!("  – {}", b.meldung);
                }
            }
            zeile!("{}", serde_json::to_string(&i).expect("serialisierbar"));
        }
        VorlageBefehl::Anlage { id, datei, status } => {
            let status = super::wert("status", &status)?;
            let daten = std::fs::read(&datei).map_err(|e| nicht_lesbar(&datei, &e))?;
            let name = datei
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let a = api::anlage_aus_datei(store, id, name, daten, status, jetzt())?;
            zeile!("Anlage {}: {}", a.anlage.nr, a.anlage.name);
            if a.anlage.textschicht == crate::domain::anlage::Textschicht::Scan {
                eprintln!("Hinweis: Die PDF-Datei hat keine Textschicht (ein Scan): Die Suche findet ihren Inhalt nicht.");
            }
        }
        VorlageBefehl::Liste { json: als_json } => {
            liste(store, &VorlagenFilter::default(), als_json)?
        }
        VorlageBefehl::Suche {
            text,
            json: als_json,
        } => liste(
            store,
            &VorlagenFilter {
                suche: Some(text),
                ..Default::default()
            },
            als_json,
        )?,
        VorlageBefehl::Zeigen { id, json: als_json } => {
            let a = api::vorlage_lesen(store, id)?;
            if als_json {
                zeile!("{}", json(&a));
            } else {
                zeile!(
                    "Vorlage {}  ({}, {}, {})",
                    a.nummer.as_deref().unwrap_or("ohne Nr."),
                    a.inhalt.art,
                    a.inhalt.status,
                    a.zustand
                );
                zeile!("Betreff: {}", a.inhalt.betreff);
                zeile!(
                    "Verfasser: {}  Federführend: {}  Bearbeiter/-in: {}",
                    a.inhalt.verfasser,
                    a.inhalt.federfuehrend,
                    a.inhalt.bearbeiter
                );
                for s in &a.inhalt.beratungsfolge {
                    zeile!("  {} – {} – {} {}", s.gremium, s.rolle, s.datum, s.ergebnis);
                }
                for b in &a.befunde {
                    zeile!("! {}", b.meldung);
                }
            }
        }
        VorlageBefehl::Freigeben { id } => {
            let version = api::vorlage_lesen(store, id)?.version;
            let a = api::vorlage_freigeben(store, id, version, jetzt())?;
            zeile!("{}", a.nummer.unwrap_or_default());
        }
        VorlageBefehl::Docx { id, out } => {
            let docx = api::vorlage_docx(store, id, jetzt())?;
            api::datei_schreiben(&out, &docx)?;
            eprintln!(
                "{} geschrieben ({} KB).",
                out.display(),
                docx.len().div_ceil(1024)
            );
        }
        VorlageBefehl::Pdf { id, out, signatur } => {
            let pdf = match signatur.lesen()? {
                Some((p12, kennwort)) => {
                    api::vorlage_pdf_signiert(store, id, &p12, &kennwort, jetzt())?
                }
                None => api::vorlage_pdf(store, id, jetzt())?,
            };
            api::datei_schreiben(&out, &pdf)?;
            eprintln!(
                "{} geschrieben ({} KB).",
                out.display(),
                pdf.len().div_ceil(1024)
            );
        }
        VorlageBefehl::NeueFassung { id } => {
            let g = api::vorlage_neue_fassung(store, id, jetzt())?;
            zeile!("{}", serde_json::json!({ "id": g.id }));
        }
    }
    Ok(())
}

fn liste(store: &Store, filter: &VorlagenFilter, als_json: bool) -> Result<(), ApiFehler> {
    let zeilen = api::vorlage_liste(store, filter)?;
    if als_json {
        zeile!("{}", json(&zeilen));
    } else {
        for z in zeilen {
            zeile!(
                "{:>5}  {:<14} {:<18} {:<16} {}{}",
                z.id,
                z.nummer.as_deref().unwrap_or("Entwurf"),
                z.art.label(),
                z.status.label(),
                super::einzeilig(&z.betreff),
                z.fundstelle
                    .as_deref()
                    .map(|f| format!(" — {f}"))
                    .unwrap_or_default()
            );
        }
    }
    Ok(())
}
