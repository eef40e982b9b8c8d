//! German spell checking in the text fields.
//!
//! WebKitGTK checks spelling with enchant/hunspell when its web context asks for it; the
//! dictionary is Debian's `hunspell-de-de` (installed by `scripts/setup`, a dependency of
//! the .deb). The language is the office's, de-DE, whatever the system locale says. On
//! other platforms the system webview checks as the system is set.

/// Turns spell checking on, language de-DE, for the main window's webview.
pub fn einschalten(app: &tauri::App) {
    #[cfg(target_os = "linux")]
    {
        use tauri::Manager;
        use webkit2gtk::{WebContextExt, WebViewExt};
        if let Some(fenster) = app.get_webview_window("main") {
            let _ = fenster.with_webview(|w| {
                if let Some(kontext) = w.inner().context() {
                    kontext.set_spell_checking_enabled(true);
                    kontext.set_spell_checking_languages(&["de_DE"]);
                }
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
