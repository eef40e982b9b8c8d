//! Sending the Einladung by e-mail: who gets which message, the rules of an address, and
//! what the sent log records.
//!
//! One message per recipient, never a shared To or Cc list. Members (and deputies and
//! advisory members) get their own Einladung letter, the members' packet and an
//! invitation for the calendar; an address on a Gremium's press and public list gets the
//! öffentliche packet only, and nothing of the nichtöffentlicher Teil. A member without an
//! address is reached "per Post" with the printed letter.

use super::befund::Befund;
use super::ids::PersonId;
use serde::{Deserialize, Serialize};

/// Which list a recipient is on, and so which packet they get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verteiler {
    /// A member, deputy or advisory member: letter, members' packet, calendar entry.
    Mitglied,
    /// The press and public list of the Gremium: the öffentliche packet.
    Presse,
}

impl Verteiler {
    pub fn key(self) -> &'static str {
        match self {
            Verteiler::Mitglied => "mitglied",
            Verteiler::Presse => "presse",
        }
    }

    pub fn aus_key(k: &str) -> Option<Verteiler> {
        match k {
            "mitglied" => Some(Verteiler::Mitglied),
            "presse" => Some(Verteiler::Presse),
            _ => None,
        }
    }

    /// The packet variant's word, as the CLI prints it.
    pub fn variante(self) -> &'static str {
        match self {
            Verteiler::Mitglied => "mitglieder",
            Verteiler::Presse => "oeffentlich",
        }
    }
}

/// What became of one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VersandStatus {
    /// The server accepted it.
    Gesendet,
    /// The server refused it, or could not be reached: to be sent again.
    Fehlgeschlagen,
    /// Written as an `.eml` file (dry run), not sent.
    Abgelegt,
}

impl VersandStatus {
    pub fn key(self) -> &'static str {
        match self {
            VersandStatus::Gesendet => "gesendet",
            VersandStatus::Fehlgeschlagen => "fehlgeschlagen",
            VersandStatus::Abgelegt => "abgelegt",
        }
    }

    pub fn aus_key(k: &str) -> Option<VersandStatus> {
        match k {
            "gesendet" => Some(VersandStatus::Gesendet),
            "fehlgeschlagen" => Some(VersandStatus::Fehlgeschlagen),
            "abgelegt" => Some(VersandStatus::Abgelegt),
            _ => None,
        }
    }

    /// The German word the lists and the CLI show.
    pub fn wort(self) -> &'static str {
        match self {
            VersandStatus::Gesendet => "gesendet",
            VersandStatus::Fehlgeschlagen => "fehlgeschlagen",
            VersandStatus::Abgelegt => "als Datei abgelegt",
        }
    }
}

/// One recipient of the Einladung.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Empfaenger {
    /// The member; `None` for an address of the press list.
    pub person: Option<PersonId>,
    /// "Dr. Ayşe Yılmaz", or the address itself for the press list.
    pub name: String,
    pub email: String,
    /// "Sehr geehrte Frau Dr. Yılmaz," / "Sehr geehrte Damen und Herren,".
    pub anrede: String,
    pub verteiler: Verteiler,
}

/// An attachment as the log keeps it: name, size and SHA-256 of the bytes sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnhangPruefsumme {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

/// One line of the sent log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersandEintrag {
    pub id: i64,
    pub person: Option<PersonId>,
    pub name: String,
    pub email: String,
    pub verteiler: Verteiler,
    pub message_id: String,
    /// When it was sent (or tried), on the office's clock, "JJJJ-MM-TTTHH:MM:SS".
    pub zeit: String,
    pub status: VersandStatus,
    /// The server's reply, or why it failed.
    pub antwort: String,
    pub anhaenge: Vec<AnhangPruefsumme>,
}

/// The rule of an e-mail address (`feld` names the input): one `@`, a local part and a
/// domain with a dot, no spaces, no list separators, no angle brackets. Returns the
/// address trimmed.
pub fn email_pruefen(feld: &str, wer: &str, text: &str) -> Result<String, Befund> {
    let a = text.trim();
    let falsch = |warum: &str| {
        Befund::fehler(
            feld,
            format!("E-Mail-Adresse {wer}: „{a}“ {warum} (Form: name@stadt.de)."),
        )
    };
    if a.is_empty() {
        return Err(Befund::fehler(feld, format!("E-Mail-Adresse {wer} fehlt.")));
    }
    if a.chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, ',' | ';' | '<' | '>' | '"'))
    {
        return Err(falsch("enthält Leerzeichen oder Trennzeichen"));
    }
    let Some((lokal, domain)) = a.split_once('@') else {
        return Err(falsch("hat kein @"));
    };
    if domain.contains('@') {
        return Err(falsch("hat mehr als ein @"));
    }
    if lokal.is_empty()
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.contains("..")
    {
        return Err(falsch("ist keine vollständige Adresse"));
    }
    Ok(a.to_string())
}

/// The salutation of the press list's messages.
pub const PRESSE_ANREDE: &str = "Sehr geehrte Damen und Herren,";

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Sicherheit {
    /// Plain connection upgraded with STARTTLS (port 587); required, never skipped.
    #[default]
    Starttls,
    /// TLS from the first byte (port 465, `smtps://`).
    Tls,
    /// No encryption: only for a relay inside the town's network, and never with a login.
    Keine,
}

impl Sicherheit {
    pub fn key(self) -> &'static str {
        match self {
            Sicherheit::Starttls => "starttls",
            Sicherheit::Tls => "tls",
            Sicherheit::Keine => "keine",
        }
    }

    pub fn aus_key(k: &str) -> Option<Sicherheit> {
        match k {
            "starttls" => Some(Sicherheit::Starttls),
            "tls" => Some(Sicherheit::Tls),
            "keine" => Some(Sicherheit::Keine),
            _ => None,
        }
    }
}

/// The largest attachment sent unless the office sets another (MB).
pub const GRENZE_MB: u32 = 10;

/// The office's mail settings (*Einstellungen → E-Mail-Versand*). The password is not
/// among them: it is asked for at each sending, or taken from an environment variable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SmtpEinstellungen {
    /// `smtp://HOST:PORT` (or `smtps://HOST:PORT` for TLS from the start).
    pub server: String,
    pub sicherheit: Sicherheit,
    /// The login name; empty for a relay that needs none.
    pub benutzer: String,
    /// The office's sender address ("Integrationsrat Herne <integrationsrat@herne.de>"
    /// or the bare address).
    pub absender: String,
    /// A PEM file with the authority of the server's certificate, when it is not one the
    /// system trusts (a town's own authority); empty for the system's.
    pub ca: String,
    /// The largest attachment, in MB.
    pub grenze_mb: u32,
}

impl Default for SmtpEinstellungen {
    fn default() -> Self {
        SmtpEinstellungen {
            server: String::new(),
            sicherheit: Sicherheit::Starttls,
            benutzer: String::new(),
            absender: String::new(),
            ca: String::new(),
            grenze_mb: GRENZE_MB,
        }
    }
}

/// A mail server's address read off `smtp://HOST:PORT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpServer {
    pub host: String,
    pub port: u16,
    /// `smtps://`: TLS from the first byte.
    pub tls: bool,
}

impl SmtpEinstellungen {
    /// The server's host and port (`smtp://` 587 unless given, `smtps://` 465).
    pub fn adresse(&self) -> Result<SmtpServer, Befund> {
        let s = self.server.trim();
        let falsch = || {
            Befund::fehler(
                "server",
                format!("Mailserver: „{s}“ ist keine Adresse der Form smtp://HOST:PORT."),
            )
        };
        if s.is_empty() {
            return Err(Befund::fehler(
                "server",
                "Mailserver fehlt (smtp://HOST:PORT).",
            ));
        }
        let (tls, rest) = if let Some(r) = s.strip_prefix("smtps://") {
            (true, r)
        } else if let Some(r) = s.strip_prefix("smtp://") {
            (false, r)
        } else {
            return Err(falsch());
        };
        let rest = rest.trim_end_matches('/');
        let (host, port) = match rest.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => {
                (h, p.parse::<u16>().map_err(|_| falsch())?)
            }
            _ => (rest, if tls { 465 } else { 587 }),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() || port == 0 || host.contains(['/', '@', ' ', '?']) {
            return Err(falsch());
        }
        Ok(SmtpServer {
            host: host.to_string(),
            port,
            tls,
        })
    }

    /// Every rule of the settings form, each finding at its field.
    pub fn pruefen(&self) -> Vec<Befund> {
        let mut b = Vec::new();
        if let Err(x) = self.adresse() {
            b.push(x);
        }
        if self.absender.trim().is_empty() {
            b.push(Befund::fehler("absender", "Absenderadresse fehlt."));
        } else if let Err(x) = email_pruefen(
            "absender",
            "des Absenders",
            absender_adresse(&self.absender),
        ) {
            b.push(x);
        }
        if self.sicherheit == Sicherheit::Keine && !self.benutzer.trim().is_empty() {
            b.push(Befund::fehler(
                "sicherheit",
                "Ohne Verschlüsselung wird kein Kennwort gesendet: bitte STARTTLS oder TLS wählen, oder den Benutzernamen leeren.",
            ));
        }
        if self.grenze_mb == 0 || self.grenze_mb > 100 {
            b.push(Befund::fehler(
                "grenze_mb",
                format!(
                    "Größte Anlage: {} MB liegt nicht zwischen 1 und 100 MB.",
                    self.grenze_mb
                ),
            ));
        }
        b
    }
}

/// The bare address of "Name <adresse>" (or the text itself).
pub fn absender_adresse(text: &str) -> &str {
    let t = text.trim();
    match (t.rfind('<'), t.ends_with('>')) {
        (Some(i), true) => &t[i + 1..t.len() - 1],
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_and_named() {
        assert_eq!(
            email_pruefen("email", "der Presse", " redaktion@waz.de ").unwrap(),
            "redaktion@waz.de"
        );
        assert_eq!(
            email_pruefen("email", "", "ayşe.yılmaz@herne.de").unwrap(),
            "ayşe.yılmaz@herne.de"
        );
        for (falsch, warum) in [
            ("", "fehlt"),
            ("redaktion", "hat kein @"),
            ("a@b@c.de", "mehr als ein @"),
            ("a@localhost", "keine vollständige"),
            ("@herne.de", "keine vollständige"),
            ("a b@herne.de", "Leerzeichen"),
            ("a@herne.de, b@herne.de", "Leerzeichen"),
            ("a@herne..de", "keine vollständige"),
        ] {
            let b = email_pruefen("email", "der Presse", falsch).unwrap_err();
            assert_eq!(b.feld, "email");
            assert!(b.meldung.contains(warum), "{falsch}: {}", b.meldung);
            assert!(
                b.meldung.starts_with("E-Mail-Adresse der Presse"),
                "{}",
                b.meldung
            );
        }
    }

    #[test]
    fn the_server_address_and_the_settings_form() {
        let e = |server: &str| SmtpEinstellungen {
            server: server.into(),
            absender: "Integrationsrat Herne <integrationsrat@herne.de>".into(),
            ..SmtpEinstellungen::default()
        };
        assert_eq!(
            e("smtp://mail.herne.de:25").adresse().unwrap(),
            SmtpServer {
                host: "mail.herne.de".into(),
                port: 25,
                tls: false
            }
        );
        assert_eq!(e("smtp://mail.herne.de").adresse().unwrap().port, 587);
        assert_eq!(
            e("smtps://mail.herne.de").adresse().unwrap(),
            SmtpServer {
                host: "mail.herne.de".into(),
                port: 465,
                tls: true
            }
        );
        assert_eq!(e("smtp://127.0.0.1:2525/").adresse().unwrap().port, 2525);
        for falsch in [
            "",
            "mail.herne.de",
            "http://mail.herne.de",
            "smtp://:25",
            "smtp://a:port",
            "smtp://a:0",
        ] {
            let b = e(falsch).pruefen();
            assert_eq!(b.len(), 1, "{falsch}: {b:?}");
            assert_eq!(b[0].feld, "server");
        }
        assert!(e("smtp://mail.herne.de:587").pruefen().is_empty());
        let mut ohne = e("smtp://relay:25");
        ohne.sicherheit = Sicherheit::Keine;
        ohne.benutzer = "ir".into();
        ohne.absender = "kein-at".into();
        ohne.grenze_mb = 0;
        let felder: Vec<_> = ohne.pruefen().into_iter().map(|b| b.feld).collect();
        assert_eq!(felder, ["absender", "sicherheit", "grenze_mb"]);
        assert_eq!(absender_adresse(" IR <ir@herne.de> "), "ir@herne.de");
        assert_eq!(absender_adresse("ir@herne.de"), "ir@herne.de");
    }

    #[test]
    fn keys_go_and_come_back() {
        for v in [Verteiler::Mitglied, Verteiler::Presse] {
            assert_eq!(Verteiler::aus_key(v.key()), Some(v));
        }
        for s in [
            VersandStatus::Gesendet,
            VersandStatus::Fehlgeschlagen,
            VersandStatus::Abgelegt,
        ] {
            assert_eq!(VersandStatus::aus_key(s.key()), Some(s));
        }
        assert_eq!(Verteiler::aus_key("x"), None);
    }
}
