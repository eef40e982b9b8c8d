//! The office's clock: the time zone the office keeps its times in, a setting of the
//! office (*Einstellungen → Zeitzone*, default Europe/Berlin), with the rules of the IANA
//! time-zone database (`chrono-tz`).
//!
//! Every time the store hands out is a naive time on the office's clock, read from the
//! instant by [`Zeitzone::ortszeit`], never from the machine's own time zone (servers and
//! CI runners often run in UTC). Where a time leaves the office with an offset (OParl's
//! `created`/`modified`, the calendar, PDF dates), [`Zeitzone::mit_offset`] gives it the
//! zone's offset at that time: for Germany CET (+01:00), and CEST (+02:00) from the last
//! Sunday of March, 02:00, to the last Sunday of October, 03:00. In the repeated hour of
//! October the earlier (summer) reading is used; a time in the hour that March skips is
//! read with the offset before the change, as by a clock not yet set forward (02:30 is
//! 03:30 CEST).
//!
//! One process keeps one office open at a time, so the office's zone is process state,
//! like the machine's `TZ` for libc: the binaries set it with [`festlegen`] when they open
//! an office and when its settings are saved; [`buero`] reads it. The conversions
//! themselves are plain functions of a [`Zeitzone`].

use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use std::sync::RwLock;

/// A time zone of the IANA database (`Europe/Berlin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zeitzone(Tz);

/// The default: every office this product was first written for lies in North
/// Rhine-Westphalia.
pub const BERLIN: Zeitzone = Zeitzone(Tz::Europe__Berlin);

impl Default for Zeitzone {
    fn default() -> Self {
        BERLIN
    }
}

impl Zeitzone {
    /// The zone of an IANA name (`Europe/Berlin`, `UTC`; the case as the database writes
    /// it). `None` for anything else.
    pub fn parse(name: &str) -> Option<Zeitzone> {
        name.trim().parse::<Tz>().ok().map(Zeitzone)
    }

    /// The IANA name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Whether this is Europe/Berlin (whose calendar rules the iCalendar export writes out).
    pub fn ist_berlin(self) -> bool {
        self == BERLIN
    }

    /// The office's clock at the instant `utc`.
    pub fn ortszeit(self, utc: NaiveDateTime) -> NaiveDateTime {
        self.0.from_utc_datetime(&utc).naive_local()
    }

    /// The time `t` on the office's clock, with the zone's offset at that time.
    pub fn mit_offset(self, t: NaiveDateTime) -> DateTime<FixedOffset> {
        let offset = match self.0.offset_from_local_datetime(&t) {
            LocalResult::Single(o) | LocalResult::Ambiguous(o, _) => o.fix(),
            // The skipped hour: read by a clock not yet set forward (the offset before).
            LocalResult::None => self
                .0
                .offset_from_local_datetime(&(t - Duration::hours(1)))
                .earliest()
                .unwrap_or_else(|| self.0.offset_from_utc_datetime(&t))
                .fix(),
        };
        t.and_local_timezone(offset)
            .single()
            .expect("a fixed offset is unambiguous")
    }

    /// The time `t` on the office's clock in RFC 3339 with its offset, to the second
    /// (`2026-12-04T21:26:21+01:00`).
    pub fn rfc3339(self, t: NaiveDateTime) -> String {
        self.mit_offset(t)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }
}

static BUERO: RwLock<Zeitzone> = RwLock::new(BERLIN);

/// The zone of the office this process has open (Europe/Berlin until one is opened).
pub fn buero() -> Zeitzone {
    *BUERO.read().unwrap_or_else(|e| e.into_inner())
}

/// Sets the zone of the office this process has open.
pub fn festlegen(zone: Zeitzone) {
    *BUERO.write().unwrap_or_else(|e| e.into_inner()) = zone;
}

/// The time `t` on the open office's clock, with its offset.
pub fn mit_offset(t: NaiveDateTime) -> DateTime<FixedOffset> {
    buero().mit_offset(t)
}

/// The time `t` on the open office's clock in RFC 3339 with its offset.
pub fn rfc3339(t: NaiveDateTime) -> String {
    buero().rfc3339(t)
}

/// The open office's clock at the instant `utc`.
pub fn aus_utc(utc: NaiveDateTime) -> NaiveDateTime {
    buero().ortszeit(utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    #[test]
    fn offsets_follow_the_eu_rule() {
        let z = BERLIN;
        assert_eq!(
            z.mit_offset(t("2026-01-15T10:00:00")).to_rfc3339(),
            "2026-01-15T10:00:00+01:00"
        );
        assert_eq!(
            z.mit_offset(t("2026-07-01T18:30:00")).to_rfc3339(),
            "2026-07-01T18:30:00+02:00"
        );
        let sommer = |s: &str| z.mit_offset(t(s)).offset().local_minus_utc() == 7200;
        // 2026: summer time from 29 March 02:00 to 25 October 03:00.
        assert!(!sommer("2026-03-29T01:59:59"));
        // The skipped hour, read by a clock not yet set forward: 02:30 CET is 03:30 CEST.
        let vorgestellt = z.mit_offset(t("2026-03-29T02:30:00"));
        assert_eq!(vorgestellt.to_rfc3339(), "2026-03-29T02:30:00+01:00");
        assert_eq!(
            z.ortszeit(vorgestellt.naive_utc()),
            t("2026-03-29T03:30:00")
        );
        assert!(sommer("2026-03-29T03:00:00"));
        assert!(
            sommer("2026-10-25T02:30:00"),
            "the repeated hour: the earlier reading"
        );
        assert!(!sommer("2026-10-25T03:00:00"));
        // 2027: 28 March and 31 October.
        assert!(sommer("2027-03-28T12:00:00"));
        assert!(!sommer("2027-03-27T12:00:00"));
        assert!(sommer("2027-10-30T12:00:00"));
        assert!(!sommer("2027-10-31T12:00:00"));
    }

    #[test]
    fn the_office_clock_reads_an_instant_in_its_zone() {
        let z = BERLIN;
        assert_eq!(
            z.ortszeit(t("2026-01-15T09:00:00")),
            t("2026-01-15T10:00:00")
        );
        assert_eq!(
            z.ortszeit(t("2026-07-01T16:30:00")),
            t("2026-07-01T18:30:00")
        );
        // 29 March 2026: 00:59 UTC is 01:59 CET, 01:00 UTC is 03:00 CEST.
        assert_eq!(
            z.ortszeit(t("2026-03-29T00:59:00")),
            t("2026-03-29T01:59:00")
        );
        assert_eq!(
            z.ortszeit(t("2026-03-29T01:00:00")),
            t("2026-03-29T03:00:00")
        );
        // 25 October 2026: the hour 02:00–03:00 comes twice, CEST then CET.
        assert_eq!(
            z.ortszeit(t("2026-10-25T00:30:00")),
            t("2026-10-25T02:30:00")
        );
        assert_eq!(
            z.ortszeit(t("2026-10-25T01:30:00")),
            t("2026-10-25T02:30:00")
        );
        assert_eq!(
            z.ortszeit(t("2026-10-25T02:00:00")),
            t("2026-10-25T03:00:00")
        );
        // To the second: the clock's nanoseconds do not reach a document.
        assert_eq!(
            z.rfc3339(t("2026-12-04T21:26:21") + Duration::nanoseconds(12_288_875)),
            "2026-12-04T21:26:21+01:00"
        );
        // And back: every reading that is not in the repeated hour gives its instant again.
        for u in [
            "2026-01-15T09:00:00",
            "2026-07-01T16:30:00",
            "2026-10-25T02:00:00",
        ] {
            assert_eq!(z.mit_offset(z.ortszeit(t(u))).naive_utc(), t(u), "{u}");
        }
    }

    #[test]
    fn another_office_keeps_its_own_clock() {
        let tokio = Zeitzone::parse("Asia/Tokyo").unwrap();
        assert_eq!(
            tokio.ortszeit(t("2026-07-01T16:30:00")),
            t("2026-07-02T01:30:00")
        );
        assert_eq!(
            tokio.rfc3339(t("2026-07-02T01:30:00")),
            "2026-07-02T01:30:00+09:00"
        );
        let utc = Zeitzone::parse(" UTC ").unwrap();
        assert_eq!(
            utc.rfc3339(t("2026-07-01T16:30:00")),
            "2026-07-01T16:30:00+00:00"
        );
        let istanbul = Zeitzone::parse("Europe/Istanbul").unwrap();
        assert_eq!(
            istanbul.rfc3339(t("2026-01-15T10:00:00")),
            "2026-01-15T10:00:00+03:00"
        );
        assert_eq!(istanbul.name(), "Europe/Istanbul");
        assert!(!istanbul.ist_berlin() && BERLIN.ist_berlin());
        for falsch in ["", "Berlin", "Europe/Berln", "MEZ", "+01:00"] {
            assert_eq!(Zeitzone::parse(falsch), None, "{falsch}");
        }
    }
}
