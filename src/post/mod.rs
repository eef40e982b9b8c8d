//! E-mail out of the office: a message built as RFC 5322 / MIME ([`nachricht`]: one
//! recipient, the text, the PDFs, the calendar invitation; file names with umlauts as
//! RFC 2231 asks) and handed to the office's mail server ([`smtp`]: STARTTLS or TLS from
//! the first byte, AUTH, the server's reply kept). Both with `lettre`. What goes to whom
//! is decided above, in `api::versand`; this module knows no Sitzung.

pub mod nachricht;
pub mod smtp;

/// Errors of building and sending mail, each with a stable code and a German message.
#[derive(Debug, thiserror::Error)]
pub enum PostFehler {
    /// A setting or an address is wrong (`feld` names it).
    #[error("{meldung}")]
    Feld { feld: &'static str, meldung: String },
    /// The mail server cannot be reached, refuses the login or the connection broke.
    #[error("Mailserver {server}: {grund}")]
    Server { server: String, grund: String },
}

impl PostFehler {
    /// Stable machine-readable code (the `code` of `{code, message}` at the UI boundary).
    pub fn code(&self) -> &'static str {
        match self {
            PostFehler::Feld { .. } => "ungueltig",
            PostFehler::Server { .. } => "mailserver",
        }
    }
}
