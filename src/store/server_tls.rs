//! Encryption of the connection to the PostgreSQL server: libpq's `sslmode` and
//! `sslrootcert` read off the URL, and the TLS connector they ask for.
//!
//! rust-postgres knows only `disable`, `prefer` and `require`, and refuses the rest of the
//! URL as an unknown option; the office's IT department writes the URL as libpq reads it.
//! So this module takes `sslmode` (all six of libpq's values) and `sslrootcert` out of the
//! URL before rust-postgres parses it, and builds the connector itself, with the
//! platform's TLS library (OpenSSL on Linux, the system's own on Windows and macOS, so the
//! town's certificate store is the one that counts):
//!
//! | `sslmode` | encrypted | server's certificate checked |
//! |---|---|---|
//! | `disable` | no | – |
//! | `allow`, `prefer` (libpq's default) | if the server offers it | no |
//! | `require` | yes | no |
//! | `verify-ca` | yes | signed by a trusted authority |
//! | `verify-full` | yes | signed by a trusted authority, for this host name |
//!
//! The trusted authorities are those of `sslrootcert` (a PEM file; `system` names the
//! system's store), else `~/.postgresql/root.crt` when it exists, else the system's store.
//! Over a Unix socket nothing is encrypted (as with libpq: the socket never leaves the
//! machine).

use super::fehler::StoreError;
use postgres::config::SslMode;
use postgres_native_tls::MakeTlsConnector;
use std::path::PathBuf;

/// What the URL asks of the connection's encryption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verschluesselung {
    modus: Modus,
    /// `sslrootcert`: a PEM file, or `None` for the default (see the module docs).
    wurzel: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modus {
    Aus,
    WennAngeboten,
    Pflicht,
    Aussteller,
    Voll,
}

impl Verschluesselung {
    /// The URL without `sslmode` and `sslrootcert`, and what they asked for. An unknown
    /// `sslmode` names its value (and the URL as `anzeige` shows it, without password).
    pub(crate) fn aus_url(
        url: &str,
        anzeige: &str,
    ) -> Result<(String, Verschluesselung), StoreError> {
        let mut tls = Verschluesselung {
            modus: Modus::WennAngeboten,
            wurzel: None,
        };
        let Some((vorne, abfrage)) = url.split_once('?') else {
            return Ok((url.to_string(), tls));
        };
        let mut rest = Vec::new();
        for teil in abfrage.split('&') {
            let (schluessel, wert) = teil.split_once('=').unwrap_or((teil, ""));
            match schluessel {
                "sslmode" => {
                    tls.modus = match wert {
                        "disable" => Modus::Aus,
                        "allow" | "prefer" => Modus::WennAngeboten,
                        "require" => Modus::Pflicht,
                        "verify-ca" => Modus::Aussteller,
                        "verify-full" => Modus::Voll,
                        _ => {
                            return Err(StoreError::ServerAdresse {
                                url: anzeige.into(),
                                grund: format!(
                                    "sslmode={wert} gibt es nicht (erlaubt: disable, allow, prefer, require, verify-ca, verify-full)"
                                ),
                            });
                        }
                    }
                }
                "sslrootcert" => tls.wurzel = Some(prozent_dekodiert(wert)),
                _ => rest.push(teil),
            }
        }
        let url = if rest.is_empty() {
            vorne.to_string()
        } else {
            format!("{vorne}?{}", rest.join("&"))
        };
        Ok((url, tls))
    }

    /// The mode rust-postgres is given (the checks are the connector's).
    pub(crate) fn ssl_mode(&self) -> SslMode {
        match self.modus {
            Modus::Aus => SslMode::Disable,
            Modus::WennAngeboten => SslMode::Prefer,
            Modus::Pflicht | Modus::Aussteller | Modus::Voll => SslMode::Require,
        }
    }

    /// The connector that checks the server's certificate as the mode asks. A root
    /// certificate file that cannot be read names its path.
    pub(crate) fn connector(&self, ziel: &str) -> Result<MakeTlsConnector, StoreError> {
        let fehler = |grund: String| StoreError::ServerVerschluesselung {
            ziel: ziel.into(),
            grund,
        };
        let mut b = native_tls::TlsConnector::builder();
        match self.modus {
            Modus::Aus | Modus::WennAngeboten | Modus::Pflicht => {
                b.danger_accept_invalid_certs(true);
                b.danger_accept_invalid_hostnames(true);
            }
            Modus::Aussteller | Modus::Voll => {
                if self.modus == Modus::Aussteller {
                    b.danger_accept_invalid_hostnames(true);
                }
                if let Some(datei) = self.wurzeldatei() {
                    let pem = std::fs::read(&datei).map_err(|e| {
                        fehler(format!(
                            "die Datei der vertrauenswürdigen Zertifikate „{}“ ist nicht lesbar ({e})",
                            datei.display()
                        ))
                    })?;
                    let zertifikate = native_tls::Certificate::stack_from_pem(&pem)
                        .ok()
                        .filter(|z| !z.is_empty())
                        .ok_or_else(|| {
                            fehler(format!(
                                "„{}“ enthält kein Zertifikat im PEM-Format",
                                datei.display()
                            ))
                        })?;
                    b.disable_built_in_roots(true);
                    for z in zertifikate {
                        b.add_root_certificate(z);
                    }
                }
            }
        }
        let connector = b.build().map_err(|e| fehler(e.to_string()))?;
        Ok(MakeTlsConnector::new(connector))
    }

    /// The PEM file of trusted authorities, or `None` for the system's store.
    fn wurzeldatei(&self) -> Option<PathBuf> {
        match self.wurzel.as_deref() {
            Some("system") => None,
            Some(pfad) => Some(PathBuf::from(pfad)),
            None => std::env::var_os("HOME")
                .map(|h| PathBuf::from(h).join(".postgresql/root.crt"))
                .filter(|p| p.is_file()),
        }
    }
}

/// `%2F` and the like in a query value (a path in `sslrootcert=%2Fetc%2F…`).
fn prozent_dekodiert(wert: &str) -> String {
    let b = wert.as_bytes();
    let mut aus = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if let Some(x) = wert
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                aus.push(x);
                i += 3;
                continue;
            }
        }
        aus.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&aus).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sslmode_and_sslrootcert_leave_the_url_and_the_rest_stays() {
        let (url, tls) = Verschluesselung::aus_url(
            "postgres://anna@rathaus:5432/ratsbuero?sslmode=verify-full&sslrootcert=%2Fetc%2Fstadt%20ca.pem&connect_timeout=5",
            "rathaus",
        )
        .unwrap();
        assert_eq!(
            url,
            "postgres://anna@rathaus:5432/ratsbuero?connect_timeout=5"
        );
        assert_eq!(tls.modus, Modus::Voll);
        assert_eq!(tls.wurzel.as_deref(), Some("/etc/stadt ca.pem"));
        assert_eq!(tls.ssl_mode(), SslMode::Require);

        let (url, tls) =
            Verschluesselung::aus_url("postgres://anna@/ratsbuero?host=/run/postgresql", "r")
                .unwrap();
        assert_eq!(url, "postgres://anna@/ratsbuero?host=/run/postgresql");
        assert_eq!(tls.ssl_mode(), SslMode::Prefer);

        let (url, tls) =
            Verschluesselung::aus_url("postgres://anna@rathaus/r?sslmode=require", "r").unwrap();
        assert_eq!(url, "postgres://anna@rathaus/r");
        assert_eq!(tls.modus, Modus::Pflicht);
        assert_eq!(
            Verschluesselung::aus_url("postgres://anna@rathaus/r?sslmode=disable", "r")
                .unwrap()
                .1
                .ssl_mode(),
            SslMode::Disable
        );
        let fehler = Verschluesselung::aus_url("postgres://a@r/r?sslmode=sicher", "r")
            .unwrap_err()
            .to_string();
        assert!(fehler.contains("sslmode=sicher"), "{fehler}");
    }

    #[test]
    fn a_root_certificate_file_that_is_missing_or_no_pem_is_named() {
        let ordner = tempfile::tempdir().unwrap();
        let fehlt = ordner.path().join("fehlt.pem");
        let kein_pem = ordner.path().join("kein.pem");
        std::fs::write(&kein_pem, "kein Zertifikat").unwrap();
        for (datei, erwartet) in [
            (&fehlt, "nicht lesbar"),
            (&kein_pem, "kein Zertifikat im PEM-Format"),
        ] {
            let url = format!(
                "postgres://a@rathaus/r?sslmode=verify-full&sslrootcert={}",
                datei.display()
            );
            let (_, tls) = Verschluesselung::aus_url(&url, "rathaus").unwrap();
            let text = tls.connector("rathaus").err().unwrap().to_string();
            assert!(
                text.contains(erwartet) && text.contains(&datei.display().to_string()),
                "{text}"
            );
        }
    }
}
