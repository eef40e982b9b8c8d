//! Generates the permissions of the app's own commands (one `allow-<command>` per
//! command) so that `capabilities/main.json` can grant exactly these and nothing else.

/// Every command the front end may call. Keep in step with `generate_handler!` in
/// `src/main.rs` and with `capabilities/main.json`.
const COMMANDS: &[&str] = &[
    "buero_lesen",
    "buero_speichern",
    "db_info",
    "db_pfad_setzen",
    "vorlage_liste",
    "vorlage_lesen",
    "vorlage_neu",
    "vorlage_pruefen",
    "vorlage_speichern",
    "vorlage_freigeben",
    "vorlage_neue_fassung",
    "anlage_hinzufuegen",
    "anlage_aendern",
    "anlage_entfernen",
    "vorlage_pdf",
    "vorlage_pdf_signieren",
    "pdf_speichern",
    "zertifikat_setzen",
    "zertifikat_waehlen",
    "sicherung_uebersicht",
    "sicherung_ordner_setzen",
    "sicherung_jetzt",
    "sicherung_automatisch",
    "sicherung_wiederherstellen",
    "sicherung_datei_wiederherstellen",
    "kaltstart_fertig",
    "gremien_liste",
    "sitzungen_liste",
    "sitzung_lesen",
    "sitzung_neu",
    "sitzung_aendern",
    "sitzung_einladen",
    "sitzung_abschliessen",
    "sitzung_absagen",
    "top_neu",
    "top_verschieben",
    "top_aendern",
    "top_entfernen",
    "top_ergebnis",
    "anwesenheit_setzen",
    "sitzung_paket",
    "paket_abbrechen",
    "sitzung_niederschrift",
    "einladungen_speichern",
    "beschlussauszuege_speichern",
    "wahlen_liste",
    "wahl_lesen",
    "personen_liste",
    "wahl_neu",
    "wahlvorschlag_neu",
    "kandidat_neu",
    "wahlgang_erfassen",
    "los_erfassen",
    "wahl_stimmzettel",
    "wahl_niederschrift",
    "wahl_in_vorlage",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri_build failed");
}
