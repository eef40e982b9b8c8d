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

/// A text as a JavaScript string literal.
fn js_text(text: &str) -> String {
    let mut aus = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => aus.push_str("\\\""),
            '\\' => aus.push_str("\\\\"),
            '\n' => aus.push_str("\\n"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                aus.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => aus.push(c),
        }
    }
    aus.push('"');
    aus
}

/// The Handbuch ships inside the program, like the fonts: the pages of `docs/handbuch/`
/// become `ui/handbuch/seiten.js` (a module of their Markdown texts; F1 shows them,
/// `ui/components/hilfe.js`). Written only when it changed, so that the embedded UI is
/// not rebuilt for nothing. The pictures stay in `docs/` (the program's size).
fn handbuch() {
    println!("cargo:rerun-if-changed=../docs/handbuch");
    let mut seiten: Vec<(String, String)> = std::fs::read_dir("../docs/handbuch")
        .expect("docs/handbuch lesbar")
        .map(|e| e.expect("Eintrag in docs/handbuch").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            println!("cargo:rerun-if-changed={}", p.display());
            (
                name,
                std::fs::read_to_string(&p).expect("Handbuchseite lesbar"),
            )
        })
        .collect();
    seiten.sort();
    let mut js = String::from(
        "// Erzeugt von src-tauri/build.rs aus docs/handbuch/*.md – nicht von Hand ändern.\nexport const SEITEN = {\n",
    );
    for (name, text) in &seiten {
        js.push_str(&format!("  {}: {},\n", js_text(name), js_text(text)));
    }
    js.push_str("};\n");
    let ziel = std::path::Path::new("../ui/handbuch/seiten.js");
    if std::fs::read_to_string(ziel).ok().as_deref() != Some(js.as_str()) {
        std::fs::create_dir_all(ziel.parent().unwrap()).expect("ui/handbuch anlegbar");
        std::fs::write(ziel, js).expect("ui/handbuch/seiten.js schreibbar");
    }
}

fn main() {
    handbuch();
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
