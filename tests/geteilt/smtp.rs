//! The SMTP test server of the e-mail tests and benchmarks (`tests/smtp/server.py`:
//! Debian's aiosmtpd, run by /usr/bin/python3) and the certificates it serves, signed by
//! an authority of the test's own. Shared by `tests/integration/versand.rs` and
//! `benches/versand.rs` (included with `#[path]`).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The test's own certificate authority and a server certificate for 127.0.0.1.
pub struct Zertifikate {
    _ordner: tempfile::TempDir,
    pub ca: PathBuf,
    pub crt: PathBuf,
    pub key: PathBuf,
}

pub fn zertifikate() -> Zertifikate {
    let o = tempfile::tempdir().unwrap();
    let p = |n: &str| o.path().join(n);
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(o.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    openssl(&[
        "req",
        "-new",
        "-x509",
        "-days",
        "2",
        "-nodes",
        "-subj",
        "/CN=Ratsbuero Test-CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
    ]);
    openssl(&[
        "req",
        "-new",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    std::fs::write(p("ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n").unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "ext",
        "-out",
        "server.crt",
    ]);
    Zertifikate {
        ca: p("ca.crt"),
        crt: p("server.crt"),
        key: p("server.key"),
        _ordner: o,
    }
}

/// A running test server; stopped when dropped.
pub struct Mailserver {
    kind: Child,
    pub port: u16,
    pub eingang: PathBuf,
}

impl Drop for Mailserver {
    fn drop(&mut self) {
        let _ = self.kind.kill();
        let _ = self.kind.wait();
    }
}

/// Starts `tests/smtp/server.py` with STARTTLS and AUTH (`benutzer`, `kennwort`), writing
/// what it accepts into `eingang`; `zusatz` are its further options (`--implizit`,
/// `--ablehnen ADRESSE`, `--abbruch-nach N`).
pub fn mailserver(
    z: &Zertifikate,
    eingang: &Path,
    (benutzer, kennwort): (&str, &str),
    zusatz: &[&str],
) -> Mailserver {
    let skript = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp/server.py");
    let mut kind = Command::new("/usr/bin/python3")
        .arg(skript)
        .arg("--ordner")
        .arg(eingang)
        .arg("--zertifikat")
        .arg(&z.crt)
        .arg("--schluessel")
        .arg(&z.key)
        .args(["--benutzer", benutzer, "--kennwort", kennwort])
        .args(zusatz)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("/usr/bin/python3 mit python3-aiosmtpd (scripts/setup)");
    let mut zeile = String::new();
    BufReader::new(kind.stdout.take().unwrap())
        .read_line(&mut zeile)
        .unwrap();
    let port = zeile
        .trim()
        .strip_prefix("bereit ")
        .unwrap_or_else(|| panic!("Testserver startete nicht: {zeile:?}"))
        .parse()
        .unwrap();
    Mailserver {
        kind,
        port,
        eingang: eingang.to_path_buf(),
    }
}
