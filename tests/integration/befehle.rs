//! The desktop app's command list is kept once (`src-tauri/src/befehle.rs`); the capability
//! must grant exactly those commands, nothing more, so that the front end can reach no
//! other command and every command it calls is allowed; of Tauri's own permissions only
//! listening to the app's events. (The desktop's build checks the
//! same; this test runs without the webview libraries.)

fn befehle() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src-tauri/src/befehle.rs"
    ))
    .unwrap();
    let start = text.find("generate_handler![").unwrap() + "generate_handler![".len();
    let ende = start + text[start..].find(']').unwrap();
    text[start..ende]
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(|e| e.rsplit("::").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_capability_grants_exactly_the_listed_commands() {
    let befehle = befehle();
    assert!(befehle.len() > 70, "{befehle:?}");
    let cap: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src-tauri/capabilities/main.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let (eigene, kern): (Vec<&str>, Vec<&str>) = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .partition(|p| p.starts_with("allow-"));
    // Of Tauri's own: only listening to the app's events (the live refresh of a server).
    assert_eq!(
        kern,
        ["core:event:allow-listen", "core:event:allow-unlisten"]
    );
    let mut erlaubt: Vec<String> = eigene
        .iter()
        .map(|p| p.trim_start_matches("allow-").replace('-', "_"))
        .collect();
    let mut soll = befehle.clone();
    erlaubt.sort();
    soll.sort();
    assert_eq!(erlaubt, soll);
    // Every command the front end calls is in the list.
    let mut ui = String::new();
    for d in ["ui", "ui/screens", "ui/components"] {
        for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + d).unwrap()
        {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "js") {
                ui.push_str(&std::fs::read_to_string(p).unwrap());
            }
        }
    }
    for aufruf in ui.split("aufruf('").skip(1) {
        let name = aufruf.split('\'').next().unwrap();
        assert!(
            befehle.iter().any(|b| b == name),
            "Die Oberfläche ruft „{name}“, das es nicht gibt."
        );
    }
}
