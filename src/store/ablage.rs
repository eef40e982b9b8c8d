//! Where an office's data lives: one value, given by the CLI (`--db`, `RATSBUERO_DB`), the
//! app's settings and the tests, and opened by [`Store::oeffnen_ablage`]. Today that is
//! an SQLite file (the embedded default for a one-person office); a PostgreSQL server
//! (`postgres://…`) is recognised and refused with a clear message until its backend
//! exists.

use super::fehler::StoreError;
use super::Store;
use chrono::NaiveDateTime;
use std::fmt;
use std::path::{Path, PathBuf};

/// The file name of the office's database in its folder, and of its backups' ending.
pub const DATEINAME: &str = "ratsbuero.sqlite";
pub const SICHERUNG_ENDUNG: &str = ".sqlite";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ablage {
    /// A database file on this computer.
    Datei(PathBuf),
    /// A database server, as a libpq URI (`postgres://USER@HOST:PORT/DBNAME`).
    Server(String),
}

impl Ablage {
    /// Reads what a user typed: a `postgres://` or `postgresql://` URI names a server,
    /// anything else a file.
    pub fn aus_text(text: &str) -> Ablage {
        let t = text.trim();
        let klein = t.to_ascii_lowercase();
        if klein.starts_with("postgres://") || klein.starts_with("postgresql://") {
            Ablage::Server(t.to_string())
        } else {
            Ablage::Datei(PathBuf::from(t))
        }
    }

    /// Whether this names a server together with its password (in the user part or as
    /// `?password=`): the CLI may take such a URL, a settings file never keeps one.
    pub fn hat_kennwort(&self) -> bool {
        match self {
            Ablage::Datei(_) => false,
            Ablage::Server(url) => url
                .parse::<postgres::Config>()
                .is_ok_and(|c| c.get_password().is_some()),
        }
    }

    /// The database role a server URL names (`postgres://anna@…` → `anna`).
    pub fn benutzer(&self) -> Option<String> {
        match self {
            Ablage::Datei(_) => None,
            Ablage::Server(url) => url
                .parse::<postgres::Config>()
                .ok()
                .and_then(|c| c.get_user().map(str::to_string)),
        }
    }

    /// The file, or why a server cannot be used as one (backups and restores of a file).
    pub fn datei(&self) -> Result<&Path, StoreError> {
        match self {
            Ablage::Datei(p) => Ok(p),
            Ablage::Server(url) => Err(StoreError::ServerNichtVerfuegbar(ohne_kennwort(url))),
        }
    }
}

impl From<PathBuf> for Ablage {
    fn from(p: PathBuf) -> Ablage {
        Ablage::Datei(p)
    }
}

impl std::str::FromStr for Ablage {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Ablage, Self::Err> {
        Ok(Ablage::aus_text(s))
    }
}

/// As the screen and messages show it: a server without its password.
impl fmt::Display for Ablage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ablage::Datei(p) => write!(f, "{}", p.display()),
            Ablage::Server(url) => f.write_str(&ohne_kennwort(url)),
        }
    }
}

/// `postgres://anna:geheim@host/db` → `postgres://anna@host/db`.
pub(crate) fn ohne_kennwort(url: &str) -> String {
    let Some((schema, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let ende = rest.find(['/', '?']).unwrap_or(rest.len());
    let (anmeldung, pfad) = rest.split_at(ende);
    match anmeldung.rsplit_once('@') {
        Some((benutzer, host)) => {
            let benutzer = benutzer.split(':').next().unwrap_or("");
            format!("{schema}://{benutzer}@{host}{pfad}")
        }
        None => url.to_string(),
    }
}

impl Store {
    /// Opens the office at `ablage` (see [`Store::oeffnen_mit`] for a file).
    pub fn oeffnen_ablage(
        ablage: &Ablage,
        jetzt: NaiveDateTime,
        sicherungen: Option<&Path>,
    ) -> Result<Store, StoreError> {
        Store::oeffnen_ablage_mit(ablage, jetzt, sicherungen, None)
    }

    /// Like [`Store::oeffnen_ablage`]; `kennwort` is the server password the user typed.
    pub fn oeffnen_ablage_mit(
        ablage: &Ablage,
        jetzt: NaiveDateTime,
        sicherungen: Option<&Path>,
        kennwort: Option<&str>,
    ) -> Result<Store, StoreError> {
        match ablage {
            Ablage::Datei(pfad) => Store::oeffnen_mit(pfad, jetzt, sicherungen),
            Ablage::Server(url) => Store::oeffnen_server_mit(url, kennwort, jetzt),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_names_a_server_and_hides_its_password() {
        assert_eq!(
            Ablage::aus_text(" /srv/ir.sqlite "),
            Ablage::Datei("/srv/ir.sqlite".into())
        );
        let s = Ablage::aus_text("postgresql://anna:geheim@rathaus:5432/ratsbuero?sslmode=require");
        assert!(matches!(s, Ablage::Server(_)));
        assert_eq!(
            s.to_string(),
            "postgresql://anna@rathaus:5432/ratsbuero?sslmode=require"
        );
        assert!(s.hat_kennwort());
        assert!(Ablage::aus_text("postgres://anna@/ir?host=/tmp&password=x").hat_kennwort());
        assert!(!Ablage::aus_text("postgres://anna@rathaus/ir").hat_kennwort());
        assert_eq!(
            Ablage::aus_text("postgres://anna@rathaus/ir")
                .benutzer()
                .as_deref(),
            Some("anna")
        );
        assert_eq!(Ablage::aus_text("/srv/ir.sqlite").benutzer(), None);
        assert!(!Ablage::aus_text("/srv/ir.sqlite").hat_kennwort());
        assert_eq!(
            Ablage::aus_text("POSTGRES://db/ir").to_string(),
            "POSTGRES://db/ir"
        );
        let e = s.datei().unwrap_err();
        assert_eq!(e.code(), "server");
        assert!(!e.to_string().contains("geheim"), "{e}");
    }
}
