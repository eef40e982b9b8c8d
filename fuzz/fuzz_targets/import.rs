//! The Vorlage import JSON (`vorlage import`, and every structured command argument):
//! any bytes must give a Vorlage or a German error, never a panic. What reads must also
//! pass the live check (dates, amounts, finance sums) and survive a write/read round trip.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|daten: &[u8]| {
    let Ok(text) = std::str::from_utf8(daten) else { return };
    if let Ok(inhalt) = ratsbuero::domain::import::lesen(text) {
        let _ = ratsbuero::domain::pruefung::pruefen(&inhalt, &[]);
        let wieder = serde_json::to_string(&inhalt).expect("serialisierbar");
        let zweimal = ratsbuero::domain::import::lesen(&wieder).expect("round trip");
        assert_eq!(serde_json::to_string(&zweimal).unwrap(), wieder);
    }
});
