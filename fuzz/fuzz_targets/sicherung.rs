//! Backup files (`sicherung pruefen|wiederherstellen`): the check of an arbitrary file
//! must give a verdict — sound, or a German reason — and never panic. The corpus starts
//! from a real backup, so the mutations reach SQLite's page and record parsing.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|daten: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    let datei = dir.path().join("s.sqlite");
    std::fs::write(&datei, daten).expect("write");
    match ratsbuero::store::sicherung_pruefen(&datei) {
        Ok(p) => assert!(p.schema_version >= 1),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
