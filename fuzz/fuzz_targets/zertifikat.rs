//! PKCS#12 certificate files chosen in the settings: any bytes must be opened or refused
//! with a German error (wrong password, not PKCS#12, no key …), never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|daten: &[u8]| {
    let jetzt = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    if let Err(e) = ratsbuero::pdf::zertifikat_laden(daten, "Geheim-2026", jetzt) {
        assert!(!e.to_string().is_empty());
    }
});
