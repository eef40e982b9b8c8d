//! The office's clock is German local time: every time the store keeps is a naive local
//! time, read from the instant by [`aus_utc`] (never from the machine's own time zone). Where a time leaves the office with an offset (OParl's `created`/`modified`, the
//! calendar), this module gives it the offset of Europe/Berlin: CET (+01:00), and CEST
//! (+02:00) from the last Sunday of March, 02:00, to the last Sunday of October, 03:00
//! (EU rule since 1996). In the repeated hour of October the earlier (CEST) reading is used.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, Weekday};

fn letzter_sonntag(jahr: i32, monat: u32) -> NaiveDate {
    let erster_danach = if monat == 12 {
        NaiveDate::from_ymd_opt(jahr + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(jahr, monat + 1, 1)
    }
    .expect("valid month");
    let letzter = erster_danach - Duration::days(1);
    let zurueck = letzter.weekday().num_days_from_sunday();
    letzter - Duration::days(zurueck as i64)
}

/// Whether `t` lies in the summer time of its year, which begins on the last Sunday of
/// March at `beginn` o'clock and ends on the last Sunday of October at `ende` o'clock (on
/// the clock `t` is read from).
fn im_sommer(t: NaiveDateTime, beginn: u32, ende: u32) -> bool {
    let beginn = letzter_sonntag(t.year(), 3)
        .and_hms_opt(beginn, 0, 0)
        .expect("valid");
    let ende = letzter_sonntag(t.year(), 10)
        .and_hms_opt(ende, 0, 0)
        .expect("valid");
    debug_assert_eq!(beginn.weekday(), Weekday::Sun);
    t >= beginn && t < ende
}

/// Whether the local time `t` falls in summer time (CEST): 02:00 to 03:00 local.
pub fn sommerzeit(t: NaiveDateTime) -> bool {
    im_sommer(t, 2, 3)
}

/// The local time `t` with the offset of Europe/Berlin.
pub fn berlin(t: NaiveDateTime) -> DateTime<FixedOffset> {
    let stunden = if sommerzeit(t) { 2 } else { 1 };
    let offset = FixedOffset::east_opt(stunden * 3600).expect("valid offset");
    t.and_local_timezone(offset)
        .single()
        .expect("a fixed offset is unambiguous")
}

/// The local time `t` in RFC 3339 with its offset, to the second
/// (`2026-12-04T21:26:21+01:00`).
pub fn rfc3339(t: NaiveDateTime) -> String {
    berlin(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// The office's local time of the instant `utc`: the clock of the office, whatever time
/// zone the machine it runs on is set to (servers and CI runners often run in UTC).
/// Summer time starts and ends at 01:00 UTC on the last Sundays of March and October.
pub fn aus_utc(utc: NaiveDateTime) -> NaiveDateTime {
    let stunden = if im_sommer(utc, 1, 1) { 2 } else { 1 };
    utc + Duration::hours(stunden)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    #[test]
    fn offsets_follow_the_eu_rule() {
        assert_eq!(
            berlin(t("2026-01-15T10:00:00")).to_rfc3339(),
            "2026-01-15T10:00:00+01:00"
        );
        assert_eq!(
            berlin(t("2026-07-01T18:30:00")).to_rfc3339(),
            "2026-07-01T18:30:00+02:00"
        );
        // 2026: summer time from 29 March 02:00 to 25 October 03:00.
        assert!(!sommerzeit(t("2026-03-29T01:59:59")));
        assert!(sommerzeit(t("2026-03-29T03:00:00")));
        assert!(sommerzeit(t("2026-10-25T02:30:00")));
        assert!(!sommerzeit(t("2026-10-25T03:00:00")));
        // 2027: 28 March and 31 October.
        assert!(sommerzeit(t("2027-03-28T12:00:00")));
        assert!(!sommerzeit(t("2027-03-27T12:00:00")));
        assert!(sommerzeit(t("2027-10-30T12:00:00")));
        assert!(!sommerzeit(t("2027-10-31T12:00:00")));
    }

    #[test]
    fn the_office_clock_reads_an_instant_in_german_time() {
        assert_eq!(aus_utc(t("2026-01-15T09:00:00")), t("2026-01-15T10:00:00"));
        assert_eq!(aus_utc(t("2026-07-01T16:30:00")), t("2026-07-01T18:30:00"));
        // 29 March 2026: 00:59 UTC is 01:59 CET, 01:00 UTC is 03:00 CEST.
        assert_eq!(aus_utc(t("2026-03-29T00:59:00")), t("2026-03-29T01:59:00"));
        assert_eq!(aus_utc(t("2026-03-29T01:00:00")), t("2026-03-29T03:00:00"));
        // 25 October 2026: the hour 02:00–03:00 comes twice, CEST then CET.
        assert_eq!(aus_utc(t("2026-10-25T00:30:00")), t("2026-10-25T02:30:00"));
        assert_eq!(aus_utc(t("2026-10-25T01:30:00")), t("2026-10-25T02:30:00"));
        assert_eq!(aus_utc(t("2026-10-25T02:00:00")), t("2026-10-25T03:00:00"));
        // To the second: the clock's nanoseconds do not reach a document.
        assert_eq!(
            rfc3339(t("2026-12-04T21:26:21") + Duration::nanoseconds(12_288_875)),
            "2026-12-04T21:26:21+01:00"
        );
        // And back: every reading that is not in the repeated hour gives its instant again.
        for u in [
            "2026-01-15T09:00:00",
            "2026-07-01T16:30:00",
            "2026-10-25T02:00:00",
        ] {
            assert_eq!(berlin(aus_utc(t(u))).naive_utc(), t(u), "{u}");
        }
    }
}
