//! *Einladung per E-Mail*: the outbox of a Sitzung, shown before anything goes out, and
//! the sending itself, message by message into the sent log.
//!
//! Who gets what ([`crate::domain::versand`]): each member (and deputy and advisory
//! member) with an address gets a message of their own with their Einladung letter, the
//! members' packet and the calendar invitation; each address of the Gremium's press list
//! gets the öffentliche packet and the invitation, built from the öffentliche Tagesordnung
//! only, so nothing of the nichtöffentlicher Teil can reach them. A member without an
//! address is listed "per Post" with their printed letter. An attachment larger than the
//! office's limit stops the run before the first message. Every message is logged as it
//! is sent (recipient, Message-ID, time, the server's reply, SHA-256 of each attachment),
//! so a run that breaks off can be finished with *Nur fehlgeschlagene erneut senden*. When
//! every member with an address has been reached, the Sitzung is *eingeladen* on the day
//! of the last message, and the Ladungsfrist is checked against that day.

use super::sitzungen::{sitzung_dateiname, sitzung_einladungen, sitzung_paket, PaketVariante};
use super::ApiFehler;
use crate::domain::sitzung::SitzungZustand;
use crate::domain::versand::{
    AnhangPruefsumme, Empfaenger, SmtpEinstellungen, VersandEintrag, VersandStatus, Verteiler,
    PRESSE_ANREDE,
};
use crate::domain::{datum, gremium, zeitzone, GremiumId, SitzungAkte, SitzungId};
use crate::export::ics;
use crate::post::nachricht::{self, Anhang, Entwurf};
use crate::post::smtp::{Antwort, Postausgang};
use crate::post::PostFehler;
use crate::store::{PresseAdresse, Store, VersandNeu};
use chrono::NaiveDateTime;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl From<PostFehler> for ApiFehler {
    fn from(e: PostFehler) -> Self {
        match &e {
            PostFehler::Feld { feld, meldung } => ApiFehler::feld(feld, meldung.clone()),
            _ => ApiFehler::neu(e.code(), e.to_string()),
        }
    }
}

/// One message of the outbox, as the preview lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Geplant {
    pub empfaenger: Empfaenger,
    /// The attachments' names and sizes in bytes.
    pub anhaenge: Vec<(String, u64)>,
    /// What the sent log says of this address for the Sitzung so far.
    pub bisher: Option<VersandStatus>,
}

/// A member reached by post: their printed letter.
#[derive(Debug, Clone, Serialize)]
pub struct PerPost {
    pub name: String,
    pub dateiname: String,
}

/// The outbox of a Sitzung: every message, the members per post, one message opened as
/// the member will see it, and the question of the confirmation.
#[derive(Debug, Clone, Serialize)]
pub struct Postausgangsvorschau {
    pub sitzung: i64,
    pub betreff: String,
    pub nachrichten: Vec<Geplant>,
    pub per_post: Vec<PerPost>,
    /// The first member's message: text and attachments (the press's when no member has
    /// an address).
    pub beispiel_an: String,
    pub beispiel_text: String,
    /// "23 Nachrichten an 21 Mitglieder und 2 Presseadressen senden?"
    pub frage: String,
    /// After a run that reached some (and failed or was cancelled for others): how many
    /// addresses *Nur fehlgeschlagene erneut senden* reaches (0 when there was no run),
    /// and its question.
    pub noch_offen: usize,
    pub frage_offen: String,
    /// Things to know before sending (Vorlagen still drafts, failed messages of before).
    pub hinweise: Vec<String>,
}

/// Where the messages go.
pub enum Ziel<'a> {
    /// Dry run: each message as an `.eml` file in this folder, nothing sent.
    Ordner(&'a Path),
    /// The office's mail server, with the password (none for a relay).
    Smtp(&'a SmtpEinstellungen, Option<&'a str>),
}

/// A step of the sending, for the progress bar.
#[derive(Debug, Clone, Serialize)]
pub struct VersandFortschritt {
    pub fertig: usize,
    pub gesamt: usize,
    pub an: String,
}

/// What a run did: one log line per message, the members per post, whether it was
/// cancelled, and whether the Sitzung is now *eingeladen*.
#[derive(Debug, Clone, Serialize)]
pub struct VersandBericht {
    pub ergebnisse: Vec<VersandEintrag>,
    /// Files written by a dry run (the `.eml` files and the letters per post).
    pub dateien: Vec<PathBuf>,
    pub per_post: Vec<PerPost>,
    pub abgebrochen: bool,
    pub eingeladen: bool,
}

/// The messages of a Sitzung, built but not yet given their Message-ID.
struct Vorbereitet {
    sitzung: SitzungAkte,
    betreff: String,
    nachrichten: Vec<(Empfaenger, Vec<Anhang>, String)>,
    per_post: Vec<(PerPost, Arc<Vec<u8>>)>,
    hinweise: Vec<String>,
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0).replace('.', ",")
}

fn termin(s: &SitzungAkte) -> String {
    format!(
        "{}, {}, {} Uhr",
        datum::wochentag(s.beginn.date()),
        datum::deutsch(s.beginn.date()),
        s.beginn.format("%H:%M")
    )
}

fn mitglied_text(s: &SitzungAkte, anrede: &str, kommune: &str) -> String {
    format!(
        "{anrede}\n\nhiermit lade ich Sie zur {}. Sitzung {} ein:\n\n    {}\n    {}\n\n\
         Ihre Einladung mit der Tagesordnung und die Sitzungsunterlagen sind angehängt. \
         Die Datei einladung.ics trägt den Termin in Ihren Kalender ein.\n\n\
         Mit freundlichen Grüßen\n\nIm Auftrag\n{}\n{kommune}\n",
        s.nummer,
        gremium::genitiv(&s.gremium.daten.name),
        termin(s),
        s.ort.trim(),
        s.gremium.daten.name,
    )
}

fn presse_text(s: &SitzungAkte, kommune: &str) -> String {
    format!(
        "{PRESSE_ANREDE}\n\nzur {}. Sitzung {} laden wir Sie zum öffentlichen Teil ein:\n\n    {}\n    {}\n\n\
         Die öffentlichen Sitzungsunterlagen sind angehängt. Die Datei einladung.ics trägt \
         den Termin in Ihren Kalender ein.\n\n\
         Mit freundlichen Grüßen\n\nIm Auftrag\n{}\n{kommune}\n",
        s.nummer,
        gremium::genitiv(&s.gremium.daten.name),
        termin(s),
        s.ort.trim(),
        s.gremium.daten.name,
    )
}

/// A file name that says what it is, with the person's name as written (RFC 2231 carries
/// the umlauts): `Einladung_3_Ayşe_Yılmaz.pdf`.
fn briefname(nummer: i64, name: &str) -> String {
    let mut teil = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() || c == '-' {
            teil.push(c);
        } else if !teil.is_empty() && !teil.ends_with('_') {
            teil.push('_');
        }
    }
    format!("Einladung_{nummer}_{}.pdf", teil.trim_end_matches('_'))
}

fn vorbereiten(
    store: &Store,
    sitzung: i64,
    jetzt: NaiveDateTime,
) -> Result<Vorbereitet, ApiFehler> {
    let s = store.sitzung(SitzungId(sitzung))?;
    if s.zustand == SitzungZustand::Abgesagt {
        return Err(ApiFehler::feld(
            "zustand",
            "Die Sitzung ist abgesagt: zu ihr wird nicht eingeladen.",
        ));
    }
    if s.zustand == SitzungZustand::Durchgefuehrt || s.ende.is_some() {
        return Err(ApiFehler::feld(
            "zustand",
            "Die Sitzung hat schon stattgefunden: zu ihr wird nicht mehr eingeladen.",
        ));
    }
    let kommune = store.buero()?.kommune;
    let presse = store.presse_liste(s.gremium.id)?;
    let briefe = sitzung_einladungen(store, sitzung, jetzt)?;
    let paket = |variante, wort| -> Result<Anhang, ApiFehler> {
        Ok(Anhang {
            name: sitzung_dateiname(store, sitzung, "Sitzungsunterlagen", Some(wort))?,
            mime: "application/pdf",
            bytes: Arc::new(sitzung_paket(store, sitzung, variante, jetzt)?),
        })
    };
    let mitglieder_paket = paket(PaketVariante::Mitglieder, "Mitglieder")?;
    let betreff = format!(
        "Einladung zur {}. Sitzung {} am {}",
        s.nummer,
        gremium::genitiv(&s.gremium.daten.name),
        datum::deutsch(s.beginn.date())
    );
    let mut nachrichten = Vec::new();
    let mut per_post = Vec::new();
    for (m, brief) in s.mitglieder.iter().zip(briefe) {
        let name = briefname(s.nummer, &m.person.name);
        if m.person.daten.email.trim().is_empty() {
            per_post.push((
                PerPost {
                    name: m.person.name.clone(),
                    dateiname: name,
                },
                Arc::new(brief.bytes),
            ));
            continue;
        }
        let anrede = m.person.daten.briefanrede();
        let e = Empfaenger {
            person: Some(m.person.id),
            name: m.person.name.clone(),
            email: m.person.daten.email.trim().to_string(),
            anrede: anrede.clone(),
            verteiler: Verteiler::Mitglied,
        };
        let anhaenge = vec![
            Anhang {
                name,
                mime: "application/pdf",
                bytes: Arc::new(brief.bytes),
            },
            mitglieder_paket.clone(),
        ];
        nachrichten.push((e, anhaenge, mitglied_text(&s, &anrede, &kommune)));
    }
    if !presse.is_empty() {
        let oeffentlich = paket(PaketVariante::Oeffentlich, "öffentlich")?;
        for PresseAdresse { email, .. } in presse {
            let e = Empfaenger {
                person: None,
                name: email.clone(),
                email,
                anrede: PRESSE_ANREDE.into(),
                verteiler: Verteiler::Presse,
            };
            nachrichten.push((e, vec![oeffentlich.clone()], presse_text(&s, &kommune)));
        }
    }
    if nachrichten.is_empty() && per_post.is_empty() {
        return Err(ApiFehler::feld(
            "mitglieder",
            "Niemand ist einzuladen: das Gremium hat keine Mitglieder und keine Presseadressen.",
        ));
    }
    let mut hinweise = Vec::new();
    if !s.entwuerfe.is_empty() {
        hinweise.push(format!(
            "Noch nicht freigegeben: die Vorlagen zu {} (sie tragen „Entwurf“).",
            s.entwuerfe.join(", ")
        ));
    }
    Ok(Vorbereitet {
        sitzung: s,
        betreff,
        nachrichten,
        per_post,
        hinweise,
    })
}

/// The last status of each address in the log of `sitzung`.
fn bisher(store: &Store, sitzung: i64) -> Result<Vec<(String, VersandStatus)>, ApiFehler> {
    let mut letzte: Vec<(String, VersandStatus)> = Vec::new();
    for e in store.versand_protokoll(SitzungId(sitzung))? {
        let key = e.email.to_lowercase();
        match letzte.iter_mut().find(|(k, _)| *k == key) {
            Some(x) => x.1 = e.status,
            None => letzte.push((key, e.status)),
        }
    }
    Ok(letzte)
}

fn status_von(bisher: &[(String, VersandStatus)], email: &str) -> Option<VersandStatus> {
    let k = email.to_lowercase();
    bisher.iter().find(|(e, _)| *e == k).map(|(_, s)| *s)
}

/// Refuses the run when an attachment is larger than the office's limit.
fn groesse_pruefen(v: &Vorbereitet, grenze_mb: u32) -> Result<(), ApiFehler> {
    let grenze = grenze_mb as u64 * 1_000_000;
    for (_, anhaenge, _) in &v.nachrichten {
        if let Some(a) = anhaenge.iter().find(|a| a.bytes.len() as u64 > grenze) {
            return Err(ApiFehler::feld(
                "grenze_mb",
                format!(
                    "Die Anlage „{}“ ist {} groß, mehr als die Grenze von {grenze_mb} MB: nichts wurde gesendet. \
                     Bitte einen Link auf die Unterlagen senden oder das Paket teilen.",
                    a.name,
                    mb(a.bytes.len() as u64)
                ),
            ));
        }
    }
    Ok(())
}

/// The outbox of `sitzung` before sending: recipients, attachments with their sizes, the
/// members per post, one message as the member will see it, and the confirmation's
/// question. Checks the size limit of `einstellungen`.
pub fn versand_vorschau(
    store: &Store,
    sitzung: i64,
    einstellungen: &SmtpEinstellungen,
    jetzt: NaiveDateTime,
) -> Result<Postausgangsvorschau, ApiFehler> {
    let v = vorbereiten(store, sitzung, jetzt)?;
    groesse_pruefen(&v, einstellungen.grenze_mb)?;
    let log = bisher(store, sitzung)?;
    let mut hinweise = v.hinweise.clone();
    let fehlgeschlagen = log
        .iter()
        .filter(|(_, s)| *s == VersandStatus::Fehlgeschlagen)
        .count();
    if fehlgeschlagen > 0 {
        hinweise.push(format!(
            "{fehlgeschlagen} Nachricht(en) eines früheren Versands sind fehlgeschlagen: „Nur fehlgeschlagene erneut senden“ erreicht nur diese."
        ));
    }
    let mitglieder = v
        .nachrichten
        .iter()
        .filter(|n| n.0.verteiler == Verteiler::Mitglied)
        .count();
    let presse = v.nachrichten.len() - mitglieder;
    let frage = format!(
        "{} an {} und {} senden?",
        anzahl(v.nachrichten.len(), "Nachricht", "Nachrichten"),
        anzahl(mitglieder, "Mitglied", "Mitglieder"),
        anzahl(presse, "Presseadresse", "Presseadressen"),
    );
    // What `nur_fehlgeschlagene` sends: every address not yet reached, once a run reached
    // someone.
    let erreicht = |e: &Empfaenger| status_von(&log, &e.email) == Some(VersandStatus::Gesendet);
    let noch_offen = if v.nachrichten.iter().any(|n| erreicht(&n.0)) {
        v.nachrichten.iter().filter(|n| !erreicht(&n.0)).count()
    } else {
        0
    };
    let frage_offen = format!(
        "{} an die noch nicht erreichten Adressen senden?",
        anzahl(noch_offen, "Nachricht", "Nachrichten")
    );
    let (beispiel_an, beispiel_text) = v
        .nachrichten
        .first()
        .map(|n| (format!("{} <{}>", n.0.name, n.0.email), n.2.clone()))
        .unwrap_or_default();
    Ok(Postausgangsvorschau {
        sitzung,
        betreff: v.betreff.clone(),
        nachrichten: v
            .nachrichten
            .iter()
            .map(|(e, anhaenge, _)| Geplant {
                bisher: status_von(&log, &e.email),
                empfaenger: e.clone(),
                anhaenge: anhaenge
                    .iter()
                    .map(|a| (a.name.clone(), a.bytes.len() as u64))
                    .chain(std::iter::once(("einladung.ics".into(), 0)))
                    .collect(),
            })
            .collect(),
        per_post: v.per_post.iter().map(|p| p.0.clone()).collect(),
        beispiel_an,
        beispiel_text,
        frage,
        noch_offen,
        frage_offen,
        hinweise,
    })
}

fn anzahl(n: usize, eins: &str, viele: &str) -> String {
    format!("{n} {}", if n == 1 { eins } else { viele })
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The press and public list of a Gremium.
pub fn presse_liste(store: &Store, gremium: i64) -> Result<Vec<PresseAdresse>, ApiFehler> {
    Ok(store.presse_liste(GremiumId(gremium))?)
}

/// Puts an address on a Gremium's press and public list.
pub fn presse_hinzufuegen(
    store: &mut Store,
    gremium: i64,
    email: &str,
    jetzt: NaiveDateTime,
) -> Result<PresseAdresse, ApiFehler> {
    Ok(store.presse_hinzufuegen(GremiumId(gremium), email, jetzt)?)
}

/// Takes an address off the list (*Rückgängig*: [`presse_zurueckholen`]).
pub fn presse_entfernen(store: &mut Store, id: i64, jetzt: NaiveDateTime) -> Result<(), ApiFehler> {
    Ok(store.presse_entfernen(id, jetzt)?)
}

pub fn presse_zurueckholen(store: &mut Store, id: i64) -> Result<PresseAdresse, ApiFehler> {
    Ok(store.presse_zurueckholen(id)?)
}

/// The office's mail settings.
pub fn smtp_lesen(store: &Store) -> Result<SmtpEinstellungen, ApiFehler> {
    Ok(store.smtp()?)
}

pub fn smtp_speichern(
    store: &mut Store,
    e: &SmtpEinstellungen,
) -> Result<SmtpEinstellungen, ApiFehler> {
    Ok(store.smtp_speichern(e)?)
}

/// The sent log of a Sitzung.
pub fn versand_protokoll(store: &Store, sitzung: i64) -> Result<Vec<VersandEintrag>, ApiFehler> {
    Ok(store.versand_protokoll(SitzungId(sitzung))?)
}

/// Sends the Einladung of `sitzung` (or, with [`Ziel::Ordner`], writes each message as an
/// `.eml` file). With `nur_fehlgeschlagene`, only the addresses not yet reached in an
/// earlier run. `melden` hears of each message before it goes; when it returns `false`
/// the run stops there (what was sent is logged). The sender is `absender` (the settings'
/// for a server; any for a dry run).
// One user action with its settings; a struct of them would only be built to be taken apart.
#[allow(clippy::too_many_arguments)]
pub fn versand_ausfuehren(
    store: &mut Store,
    sitzung: i64,
    ziel: Ziel<'_>,
    absender: &str,
    nur_fehlgeschlagene: bool,
    grenze_mb: u32,
    jetzt: NaiveDateTime,
    melden: &mut dyn FnMut(VersandFortschritt) -> bool,
) -> Result<VersandBericht, ApiFehler> {
    let v = vorbereiten(store, sitzung, jetzt)?;
    groesse_pruefen(&v, grenze_mb)?;
    let von = nachricht::absender(absender)?;
    let von_text = von.to_string();
    let organisator_name = von
        .name
        .clone()
        .unwrap_or_else(|| v.sitzung.gremium.daten.name.clone());
    let organisator_email = von.email.to_string();
    let log = bisher(store, sitzung)?;
    let postausgang = match &ziel {
        Ziel::Smtp(e, kennwort) => {
            let p = Postausgang::neu(e, *kennwort)?;
            p.pruefen()?;
            Some(p)
        }
        Ziel::Ordner(o) => {
            std::fs::create_dir_all(o).map_err(|e| {
                ApiFehler::neu(
                    "datei",
                    format!(
                        "Der Ordner „{}“ kann nicht angelegt werden: {}",
                        o.display(),
                        crate::domain::io_text::io_text(&e)
                    ),
                )
            })?;
            None
        }
    };
    let kommune = store.buero()?.kommune;
    let offset = zeitzone::mit_offset(jetzt);
    let zu_senden: Vec<_> = v
        .nachrichten
        .iter()
        .filter(|(e, ..)| {
            !nur_fehlgeschlagene || status_von(&log, &e.email) != Some(VersandStatus::Gesendet)
        })
        .collect();
    let gesamt = zu_senden.len();
    let mut bericht = VersandBericht {
        ergebnisse: Vec::new(),
        dateien: Vec::new(),
        per_post: v.per_post.iter().map(|p| p.0.clone()).collect(),
        abgebrochen: false,
        eingeladen: false,
    };
    for (i, (e, anhaenge, text)) in zu_senden.into_iter().enumerate() {
        if !melden(VersandFortschritt {
            fertig: i,
            gesamt,
            an: format!("{} <{}>", e.name, e.email),
        }) {
            bericht.abgebrochen = true;
            break;
        }
        // The invitation of each recipient: the members' from the Sitzung, the press's
        // from the same Sitzung (the calendar event lists only öffentliche TOPs).
        let ics = ics::einladung(
            &v.sitzung.gremium,
            &v.sitzung,
            &kommune,
            jetzt,
            ics::Einladung {
                organisator: (&organisator_email, &organisator_name),
                teilnehmer: (&e.email, &e.name),
            },
        );
        let message_id = nachricht::message_id(
            sitzung,
            &e.email,
            absender,
            offset,
            i as u64 + jetzt.and_utc().timestamp_subsec_nanos() as u64,
        );
        let entwurf = Entwurf {
            von: von_text.clone(),
            an: (e.name.clone(), e.email.clone()),
            betreff: v.betreff.clone(),
            text: text.clone(),
            anhaenge: anhaenge.clone(),
            ics: Some(ics.clone()),
            message_id: message_id.clone(),
            datum: offset,
        };
        let m = nachricht::bauen(&entwurf)?;
        let mut pruefsummen: Vec<AnhangPruefsumme> = anhaenge
            .iter()
            .map(|a| AnhangPruefsumme {
                name: a.name.clone(),
                bytes: a.bytes.len() as u64,
                sha256: sha256(&a.bytes),
            })
            .collect();
        pruefsummen.push(AnhangPruefsumme {
            name: "einladung.ics".into(),
            bytes: ics.len() as u64,
            sha256: sha256(ics.as_bytes()),
        });
        let (status, antwort) = match (&ziel, &postausgang) {
            (Ziel::Ordner(o), _) => {
                let datei = o.join(format!(
                    "{:03}_{}_{}.eml",
                    i + 1,
                    e.verteiler.key(),
                    e.email.replace(
                        |c: char| !c.is_ascii_alphanumeric() && c != '.' && c != '@',
                        "_"
                    )
                ));
                super::datei_schreiben(&datei, &m.formatted())?;
                let a = format!("als Datei {}", datei.display());
                bericht.dateien.push(datei);
                (VersandStatus::Abgelegt, a)
            }
            (_, Some(p)) => match p.senden(&m) {
                Antwort::Angenommen(r) => (VersandStatus::Gesendet, r),
                Antwort::Abgewiesen(r) => (VersandStatus::Fehlgeschlagen, r),
            },
            (Ziel::Smtp(..), None) => unreachable!("a server run has its connection"),
        };
        let eintrag = store.versand_eintragen(
            SitzungId(sitzung),
            &VersandNeu {
                person: e.person,
                name: &e.name,
                email: &e.email,
                verteiler: e.verteiler,
                message_id: &message_id,
                status,
                antwort: &antwort,
                anhaenge: &pruefsummen,
            },
            jetzt,
        )?;
        bericht.ergebnisse.push(eintrag);
    }
    if let Ziel::Ordner(o) = &ziel {
        for (p, bytes) in &v.per_post {
            let datei = o.join(&p.dateiname);
            super::datei_schreiben(&datei, bytes)?;
            bericht.dateien.push(datei);
        }
    }
    // Eingeladen once every member with an address has been reached (on a server run).
    if postausgang.is_some() && !bericht.abgebrochen {
        let log = bisher(store, sitzung)?;
        let alle = v
            .nachrichten
            .iter()
            .filter(|n| n.0.verteiler == Verteiler::Mitglied)
            .all(|n| status_von(&log, &n.0.email) == Some(VersandStatus::Gesendet));
        let hat_mitglieder = v
            .nachrichten
            .iter()
            .any(|n| n.0.verteiler == Verteiler::Mitglied);
        if alle && hat_mitglieder && v.sitzung.zustand == SitzungZustand::Geplant {
            store.sitzung_einladen(SitzungId(sitzung), jetzt.date(), jetzt)?;
            bericht.eingeladen = true;
        }
    }
    Ok(bericht)
}
