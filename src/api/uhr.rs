//! The office's clock, for the binaries that own it (the app and the CLI): the current
//! instant in the office's local time, whatever time zone the machine is set to. Every
//! core function takes the time as a parameter; only the binaries read the clock.

use crate::domain::zeitzone;
use chrono::NaiveDateTime;

/// Now, as the office's clock on the wall shows it.
pub fn jetzt() -> NaiveDateTime {
    zeitzone::aus_utc(chrono::Utc::now().naive_utc())
}
