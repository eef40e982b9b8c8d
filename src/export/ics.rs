//! iCalendar (RFC 5545) export of a Gremium's Sitzungen, for the members' calendars.
//!
//! One VEVENT per Sitzung, in local time with a VTIMEZONE for Europe/Berlin (for an office
//! set to another time zone, in UTC); a cancelled
//! Sitzung stays in the file as `STATUS:CANCELLED` so calendars that imported it update.
//! The description lists the öffentliche Tagesordnung only: no nichtöffentlicher TOP, not
//! even its title, ever appears. Lines are folded at 75 octets without splitting a
//! character; text is escaped as the RFC requires.

use crate::domain::sitzung::{SitzungZustand, Teil};
use crate::domain::{zeitzone, Gremium, SitzungAkte};
use chrono::{Duration, NaiveDateTime};

/// Events carry this length: the store keeps no end time.
pub const DAUER_STUNDEN: i64 = 2;

fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            ';' => s.push_str("\\;"),
            ',' => s.push_str("\\,"),
            '\n' => s.push_str("\\n"),
            '\r' => {}
            c => s.push(c),
        }
    }
    s
}

/// Folds a content line at 75 octets (continuation lines begin with one space).
fn falten(zeile: &str, aus: &mut String) {
    let mut laenge = 0;
    for c in zeile.chars() {
        let n = c.len_utf8();
        if laenge + n > 75 {
            aus.push_str("\r\n ");
            laenge = 1;
        }
        aus.push(c);
        laenge += n;
    }
    aus.push_str("\r\n");
}

fn lokal(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The calendar of `gremium`'s `sitzungen`; `kommune` names the UID domain, `jetzt` is
/// the DTSTAMP (local time, converted to UTC).
pub fn kalender(
    gremium: &Gremium,
    sitzungen: &[SitzungAkte],
    kommune: &str,
    jetzt: NaiveDateTime,
) -> String {
    kalender_mit(gremium, sitzungen, kommune, jetzt, None)
}

/// Who invites whom, for an invitation sent by e-mail (iCalendar `METHOD:REQUEST`,
/// RFC 5546).
#[derive(Debug, Clone, Copy)]
pub struct Einladung<'a> {
    /// The office's sender address and name.
    pub organisator: (&'a str, &'a str),
    /// The recipient's address and name.
    pub teilnehmer: (&'a str, &'a str),
}

/// The invitation to one Sitzung sent with the e-mail: the same event as the calendar
/// export (same UID and SEQUENCE, so a second sending updates the entry instead of
/// duplicating it), as `METHOD:REQUEST` with organiser and attendee.
pub fn einladung(
    gremium: &Gremium,
    sitzung: &SitzungAkte,
    kommune: &str,
    jetzt: NaiveDateTime,
    wer: Einladung<'_>,
) -> String {
    kalender_mit(
        gremium,
        std::slice::from_ref(sitzung),
        kommune,
        jetzt,
        Some(wer),
    )
}

/// A calendar address property: `ORGANIZER;CN="Name":mailto:adresse`.
fn adresse(eigenschaft: &str, zusatz: &str, (email, name): (&str, &str)) -> String {
    let cn: String = name
        .chars()
        .filter(|c| !matches!(c, '"' | '\r' | '\n'))
        .collect();
    format!("{eigenschaft};CN=\"{cn}\"{zusatz}:mailto:{email}")
}

fn kalender_mit(
    gremium: &Gremium,
    sitzungen: &[SitzungAkte],
    kommune: &str,
    jetzt: NaiveDateTime,
    einladung: Option<Einladung<'_>>,
) -> String {
    let mut aus = String::new();
    let zone = zeitzone::buero();
    let utc = |t: NaiveDateTime| {
        zone.mit_offset(t)
            .with_timezone(&chrono::Utc)
            .format("%Y%m%dT%H%M%SZ")
            .to_string()
    };
    // Europe/Berlin's rules are written out below; another zone's times go out in UTC
    // (RFC 5545 form 2), which every calendar shows in its user's own zone.
    let zeit = |eigenschaft: &str, t: NaiveDateTime| {
        if zone.ist_berlin() {
            format!("{eigenschaft};TZID=Europe/Berlin:{}", lokal(t))
        } else {
            format!("{eigenschaft}:{}", utc(t))
        }
    };
    let stempel = utc(jetzt);
    let domaene: String = crate::domain::suchtext::ohne_zeichen(kommune)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut zeilen: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Ratsbüro//Sitzungskalender//DE".into(),
        "CALSCALE:GREGORIAN".into(),
        if einladung.is_some() {
            "METHOD:REQUEST".into()
        } else {
            "METHOD:PUBLISH".into()
        },
        format!("X-WR-CALNAME:{}", escape(&gremium.daten.name)),
        format!("X-WR-TIMEZONE:{}", zone.name()),
    ];
    if zone.ist_berlin() {
        zeilen.extend(VTIMEZONE.iter().map(|z| z.to_string()));
    }
    for s in sitzungen {
        let oeffentlich: Vec<String> = s
            .tops
            .iter()
            .filter(|t| t.teil == Teil::Oeffentlich)
            .map(
                |t| match t.vorlage.as_ref().and_then(|v| v.nummer.clone()) {
                    Some(n) => format!("{} {} (Vorlage {n})", t.nummer, t.titel),
                    None => format!("{} {}", t.nummer, t.titel),
                },
            )
            .collect();
        let beschreibung = if oeffentlich.is_empty() {
            "Die Tagesordnung wird mit der Einladung bekanntgegeben.".to_string()
        } else {
            format!("Öffentliche Tagesordnung:\n{}", oeffentlich.join("\n"))
        };
        let status = match s.zustand {
            SitzungZustand::Abgesagt => "CANCELLED",
            // Invited to, the Sitzung is set.
            SitzungZustand::Geplant if einladung.is_none() => "TENTATIVE",
            _ => "CONFIRMED",
        };
        zeilen.extend([
            "BEGIN:VEVENT".into(),
            format!(
                "UID:sitzung-{}@{}.ratsbuero",
                s.id.0,
                domaene.trim_matches('-')
            ),
            format!("DTSTAMP:{stempel}"),
            zeit("DTSTART", s.beginn),
            zeit("DTEND", s.beginn + Duration::hours(DAUER_STUNDEN)),
            format!(
                "SUMMARY:{}",
                escape(&format!("{}. Sitzung {}", s.nummer, gremium.daten.name))
            ),
            format!("LOCATION:{}", escape(&s.ort)),
            format!("DESCRIPTION:{}", escape(&beschreibung)),
            format!("STATUS:{status}"),
            format!("SEQUENCE:{}", s.version),
        ]);
        if let Some(e) = einladung {
            zeilen.push(adresse("ORGANIZER", "", e.organisator));
            zeilen.push(adresse(
                "ATTENDEE",
                ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE",
                e.teilnehmer,
            ));
        }
        zeilen.push("END:VEVENT".into());
    }
    zeilen.push("END:VCALENDAR".into());
    for z in zeilen {
        falten(&z, &mut aus);
    }
    aus
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_characters_whole_and_lines_short() {
        let mut aus = String::new();
        falten(
            &format!("DESCRIPTION:{}", "Παπαδόπουλος ".repeat(12)),
            &mut aus,
        );
        for zeile in aus.split("\r\n").filter(|z| !z.is_empty()) {
            assert!(zeile.len() <= 75, "{} Oktette", zeile.len());
        }
        let zurueck = aus.replace("\r\n ", "");
        assert_eq!(
            zurueck.trim_end_matches("\r\n"),
            format!("DESCRIPTION:{}", "Παπαδόπουλος ".repeat(12))
        );
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
