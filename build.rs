//! Compresses the data the core builds into its program — the fonts of the PDFs and the
//! German hyphenation patterns — into `OUT_DIR`, so that they take half the room in the
//! installed program (`schriftvorrat` and `pdf::satz` inflate each once, at first use).
//! The files in `assets/` stay as their makers publish them, with their licences.

use std::path::Path;

const DATEIEN: &[&str] = &[
    "assets/fonts/DejaVuSans.ttf",
    "assets/fonts/DejaVuSans-Bold.ttf",
    "assets/fonts/NotoSansArabic-Regular.ttf",
    "assets/fonts/NotoSansArabic-Bold.ttf",
    "assets/fonts/NotoSansEthiopic-Regular.ttf",
    "assets/fonts/NotoSansEthiopic-Bold.ttf",
    "assets/hyphenation/de-1996.standard.bincode",
];

fn main() {
    let aus = std::env::var_os("OUT_DIR").expect("OUT_DIR");
    for pfad in DATEIEN {
        println!("cargo:rerun-if-changed={pfad}");
        let daten = std::fs::read(pfad).unwrap_or_else(|e| panic!("{pfad}: {e}"));
        let gepackt = miniz_oxide::deflate::compress_to_vec(&daten, 10);
        let name = Path::new(pfad).file_name().expect("Dateiname");
        let ziel = Path::new(&aus).join(format!("{}.deflate", name.to_string_lossy()));
        std::fs::write(&ziel, gepackt).unwrap_or_else(|e| panic!("{}: {e}", ziel.display()));
    }
}
