//! When the app cannot start, the user is told in German what is missing — never a
//! silent exit, never a panic text. On Windows this is a message box; elsewhere the text
//! goes to standard error (and the desktop's own crash handling). Under the tests
//! (`RATSBUERO_STARTFEHLER_NACH_STDERR=1`, wine has no one to click the box away) the
//! text goes to standard error on Windows too.
//!
//! Before the window is made, Windows is asked whether the Microsoft Edge WebView2
//! runtime is installed (its registration under EdgeUpdate, per machine or per user):
//! without it no window can be created, and the message names the next step for IT.

/// The German text for a missing WebView2 runtime.
pub const OHNE_WEBVIEW2: &str = "Ratsbüro kann nicht starten: Auf diesem PC fehlt die „Microsoft Edge WebView2-Laufzeit“, mit der Ratsbüro sein Fenster zeigt.\n\nBitte wenden Sie sich an Ihre IT: Sie installiert die Evergreen-Laufzeit von Microsoft (Evergreen Standalone Installer, „MicrosoftEdgeWebView2RuntimeInstallerX64.exe /silent /install“) auf diesem PC. Ihre Daten sind davon nicht berührt.";

/// Shows `text` as the app's start error (see the module doc).
pub fn melden(text: &str) {
    #[cfg(windows)]
    if std::env::var_os("RATSBUERO_STARTFEHLER_NACH_STDERR").is_none() {
        use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONERROR, MB_OK};
        let breit = |s: &str| s.encode_utf16().chain(Some(0)).collect::<Vec<u16>>();
        let (t, titel) = (breit(text), breit("Ratsbüro"));
        // SAFETY: both strings are NUL-terminated UTF-16 and live across the call.
        unsafe {
            MessageBoxW(
                std::ptr::null_mut(),
                t.as_ptr(),
                titel.as_ptr(),
                MB_OK | MB_ICONERROR,
            )
        };
        return;
    }
    eprintln!("{text}");
}

/// The German text for an error of the window system at start.
pub fn fenster_fehler(e: &dyn std::fmt::Display) -> String {
    format!(
        "Ratsbüro kann sein Fenster nicht öffnen ({e}). Meist fehlt die Anzeige-Komponente des Systems oder der Grafiktreiber ist defekt; bitte wenden Sie sich an Ihre IT. Ihre Daten sind davon nicht berührt."
    )
}

/// Whether the WebView2 runtime is registered (Windows; elsewhere always true).
#[cfg(windows)]
pub fn webview2_vorhanden() -> bool {
    use windows_sys::Win32::System::Registry::{
        RegGetValueW, HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, RRF_RT_REG_SZ,
    };
    const CLIENT: &str = r"\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}";
    let breit = |s: &str| s.encode_utf16().chain(Some(0)).collect::<Vec<u16>>();
    let wert = breit("pv");
    let orte = [
        (HKEY_LOCAL_MACHINE, format!(r"SOFTWARE\WOW6432Node{CLIENT}")),
        (HKEY_LOCAL_MACHINE, format!(r"SOFTWARE{CLIENT}")),
        (HKEY_CURRENT_USER, format!(r"Software{CLIENT}")),
    ];
    orte.iter().any(|(wurzel, pfad)| {
        let pfad = breit(pfad);
        let mut puffer = [0u16; 64];
        let mut laenge = std::mem::size_of_val(&puffer) as u32;
        // SAFETY: the strings are NUL-terminated, the buffer and its length match.
        let ok = unsafe {
            RegGetValueW(
                *wurzel,
                pfad.as_ptr(),
                wert.as_ptr(),
                RRF_RT_REG_SZ,
                std::ptr::null_mut(),
                puffer.as_mut_ptr().cast(),
                &mut laenge,
            )
        } == 0;
        // A version of "0.0.0.0" marks a runtime that was removed.
        let version = String::from_utf16_lossy(&puffer[..(laenge as usize / 2).saturating_sub(1)]);
        ok && !version.is_empty() && version != "0.0.0.0"
    })
}

#[cfg(not(windows))]
pub fn webview2_vorhanden() -> bool {
    true
}
