//! One e-mail as RFC 5322 / MIME bytes: `multipart/mixed` with the text (UTF-8,
//! quoted-printable), the attachments (base64, their names RFC 2231-encoded so that
//! "Einladung_Yılmaz.pdf" arrives as typed) and the calendar invitation
//! (`text/calendar; method=REQUEST`, which mail programs offer to put into the calendar).
//! Exactly one recipient in `To`, no Cc, no Bcc.

use super::PostFehler;
use chrono::{DateTime, FixedOffset};
use lettre::message::header::{ContentDisposition, ContentType};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message};

/// An attachment: its file name, MIME type and bytes.
#[derive(Debug, Clone)]
pub struct Anhang {
    pub name: String,
    pub mime: &'static str,
    pub bytes: std::sync::Arc<Vec<u8>>,
}

/// What a message says, before it is built.
#[derive(Debug, Clone)]
pub struct Entwurf {
    /// The office's sender ("Integrationsrat Herne <ir@herne.de>" or the bare address).
    pub von: String,
    /// The recipient's name and address.
    pub an: (String, String),
    pub betreff: String,
    pub text: String,
    pub anhaenge: Vec<Anhang>,
    /// The iCalendar invitation (`METHOD:REQUEST`), sent as `einladung.ics`.
    pub ics: Option<String>,
    /// `<…@…>`.
    pub message_id: String,
    pub datum: DateTime<FixedOffset>,
}

fn adresse(feld: &'static str, wer: &str, text: &str) -> Result<Address, PostFehler> {
    text.trim()
        .parse::<Address>()
        .map_err(|e| PostFehler::Feld {
            feld,
            meldung: format!(
                "E-Mail-Adresse {wer}: „{}“ ist ungültig ({e}).",
                text.trim()
            ),
        })
}

/// The sender as a mailbox: "Name <adresse>" or the bare address.
pub fn absender(text: &str) -> Result<Mailbox, PostFehler> {
    let t = text.trim();
    let a = crate::domain::versand::absender_adresse(t);
    let name = t
        .strip_suffix('>')
        .and_then(|r| r.rsplit_once('<'))
        .map(|(n, _)| n.trim().trim_matches('"').to_string())
        .filter(|n| !n.is_empty());
    Ok(Mailbox::new(name, adresse("absender", "des Absenders", a)?))
}

/// The message, built.
pub fn bauen(e: &Entwurf) -> Result<Message, PostFehler> {
    let von = absender(&e.von)?;
    let an = Mailbox::new(
        // No name for an address that is its own name (the press list).
        Some(e.an.0.clone()).filter(|n| !n.trim().is_empty() && n.trim() != e.an.1.trim()),
        adresse("email", &format!("von {}", e.an.0), &e.an.1)?,
    );
    let mut teile = MultiPart::mixed().singlepart(SinglePart::plain(e.text.clone()));
    for a in &e.anhaenge {
        let mime = ContentType::parse(a.mime).map_err(|x| PostFehler::Feld {
            feld: "anhang",
            meldung: format!("Anlage {}: Typ {}: {x}", a.name, a.mime),
        })?;
        teile = teile.singlepart(Attachment::new(a.name.clone()).body(a.bytes.to_vec(), mime));
    }
    if let Some(ics) = &e.ics {
        teile = teile.singlepart(
            SinglePart::builder()
                .header(
                    ContentType::parse("text/calendar; charset=utf-8; method=REQUEST")
                        .expect("gültiger Typ"),
                )
                .header(ContentDisposition::attachment("einladung.ics"))
                .body(ics.clone()),
        );
    }
    Message::builder()
        .from(von)
        .to(an)
        .subject(e.betreff.clone())
        .message_id(Some(e.message_id.clone()))
        .date(std::time::SystemTime::from(e.datum))
        .multipart(teile)
        .map_err(|x| PostFehler::Feld {
            feld: "email",
            meldung: format!("Die Nachricht an {} ist unvollständig: {x}", e.an.1),
        })
}

/// The Message-ID of a message: unique per Sitzung, recipient and moment, in the
/// sender's domain.
pub fn message_id(
    sitzung: i64,
    email: &str,
    von: &str,
    zeit: DateTime<FixedOffset>,
    lauf: u64,
) -> String {
    use sha2::{Digest, Sha256};
    let domain = crate::domain::versand::absender_adresse(von)
        .rsplit_once('@')
        .map(|(_, d)| d.to_string())
        .unwrap_or_else(|| "ratsbuero.invalid".into());
    let h = Sha256::digest(format!("{sitzung}\n{email}\n{}\n{lauf}", zeit.to_rfc3339()));
    let kurz: String = h.iter().take(10).map(|b| format!("{b:02x}")).collect();
    format!(
        "<sitzung-{sitzung}.{}.{kurz}@{domain}>",
        zeit.format("%Y%m%d%H%M%S")
    )
}
