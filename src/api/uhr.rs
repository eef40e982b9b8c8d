//! The office's clock, for the binaries that own it (the app and the CLI): the current
//! instant on the office's clock, whatever time zone the machine is set to, and the
//! office's time zone taken over from its settings. Every core function takes the time
//! as a parameter; only the binaries read the clock.

use super::ApiFehler;
use crate::domain::zeitzone;
use crate::store::Store;
use chrono::NaiveDateTime;

/// Now, as the office's clock on the wall shows it.
pub fn jetzt() -> NaiveDateTime {
    zeitzone::aus_utc(chrono::Utc::now().naive_utc())
}

/// Sets the process's clock to the time zone of the office `store` holds. The binaries
/// call it whenever they open an office; saving the settings calls it too.
pub fn zeitzone_uebernehmen(store: &Store) -> Result<(), ApiFehler> {
    zeitzone::festlegen(store.buero()?.zone());
    Ok(())
}
