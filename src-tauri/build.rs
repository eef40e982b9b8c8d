//! Generates the permissions of the app's own commands (one `allow-<command>` per
//! command) so that `capabilities/main.json` can grant exactly these and nothing else.

/// The commands, read from the one list in `src/befehle.rs` (the last path segment of
/// each entry of its `generate_handler!`).
fn befehle() -> Vec<String> {
    let text = std::fs::read_to_string("src/befehle.rs").expect("src/befehle.rs lesbar");
    let start = text
        .find("generate_handler![")
        .expect("generate_handler! in befehle.rs")
        + "generate_handler![".len();
    let ende = start + text[start..].find(']').expect("Ende der Befehlsliste");
    text[start..ende]
        .split(',')
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
        .map(|e| e.rsplit("::").next().unwrap_or(e).to_string())
        .collect()
}

/// `capabilities/main.json` must grant exactly `allow-<command>` for each command.
fn capability_pruefen(befehle: &[String]) {
    let text =
        std::fs::read_to_string("capabilities/main.json").expect("capabilities/main.json lesbar");
    let mut erlaubt: Vec<String> = text
        .split('"')
        .filter(|t| t.starts_with("allow-"))
        .map(|t| t.trim_start_matches("allow-").replace('-', "_"))
        .collect();
    let mut soll = befehle.to_vec();
    erlaubt.sort();
    soll.sort();
    assert_eq!(
        erlaubt, soll,
        "capabilities/main.json erlaubt andere Befehle als src/befehle.rs listet"
    );
}

fn main() {
    println!("cargo:rerun-if-changed=src/befehle.rs");
    println!("cargo:rerun-if-changed=capabilities/main.json");
    let befehle = befehle();
    capability_pruefen(&befehle);
    // tauri-build keeps the names for the whole build: leaked once, in a build script.
    let namen: Vec<&'static str> = befehle
        .into_iter()
        .map(|b| &*Box::leak(b.into_boxed_str()))
        .collect();
    let namen: &'static [&'static str] = Box::leak(namen.into_boxed_slice());
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(namen)),
    )
    .expect("tauri_build failed");
}
