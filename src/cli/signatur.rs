//! `--zertifikat FILE.p12 --kennwort-env VAR`: the signing certificate of a document the
//! CLI writes, and its password from an environment variable (never from the command
//! line, where every user of the machine could read it).

use crate::api::{self, ApiFehler};
use crate::store::Store;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct SignaturArgs {
    /// PKCS#12-Zertifikat (.p12/.pfx) zum Signieren
    #[arg(long, requires = "kennwort_env")]
    pub zertifikat: Option<PathBuf>,
    /// Name der Umgebungsvariablen mit dem Kennwort des Zertifikats
    #[arg(long, requires = "zertifikat")]
    pub kennwort_env: Option<String>,
}

impl SignaturArgs {
    /// The certificate's bytes and its password, when asked to sign.
    pub fn lesen(&self) -> Result<Option<(Vec<u8>, String)>, ApiFehler> {
        let (Some(datei), Some(variable)) = (&self.zertifikat, &self.kennwort_env) else {
            return Ok(None);
        };
        let p12 = api::zertifikat_datei_lesen(datei)?;
        let kennwort = std::env::var(variable).map_err(|_| {
            ApiFehler::feld(
                "kennwort_env",
                format!("Die Umgebungsvariable {variable} mit dem Kennwort ist nicht gesetzt."),
            )
        })?;
        Ok(Some((p12, kennwort)))
    }

    /// A finished packet or Niederschrift, signed when asked to.
    pub fn sitzung(
        &self,
        store: &Store,
        sitzung: i64,
        dokument: api::SitzungsDokument,
        pdf: Vec<u8>,
    ) -> Result<Vec<u8>, ApiFehler> {
        match self.lesen()? {
            Some((p12, kennwort)) => api::sitzung_pdf_signieren(
                store,
                sitzung,
                dokument,
                &pdf,
                &p12,
                &kennwort,
                super::jetzt(),
            ),
            None => Ok(pdf),
        }
    }
}
