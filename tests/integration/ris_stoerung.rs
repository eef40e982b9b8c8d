//! The OParl import against a server having a bad day (issue 28), served from 127.0.0.1
//! with kept-alive connections as real RIS servers keep them: one that goes quiet in the
//! middle of an import, one that trickles a byte now and then, and one that loses a later
//! page of a list (404). Each stops the import within its deadline with a German message
//! (never the HTTP library's English), saves no `modified_since`, and the next run, with
//! the server well again, reads everything.

use crate::gemeinsam::{buero, zeit, Testbuero};
use ratsbuero::api;
use ratsbuero::ris::abruf::Fristen;
use ratsbuero::ris::import::{importieren, Bericht};
use ratsbuero::ris::RisFehler;
use serde_json::json;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How the server behaves now.
#[derive(Default)]
struct Laune {
    routen: HashMap<String, String>,
    /// Requests still answered before it goes quiet (None: it answers everything).
    noch: Option<usize>,
    /// Paths whose body comes one byte every 300 ms.
    troepfeln: Vec<String>,
    log: Vec<String>,
}

struct Launisch {
    basis: String,
    laune: Arc<Mutex<Laune>>,
}

impl Launisch {
    fn neu() -> Launisch {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let basis = format!("http://127.0.0.1:{}", l.local_addr().unwrap().port());
        let laune = Arc::new(Mutex::new(Laune::default()));
        let l2 = laune.clone();
        std::thread::spawn(move || {
            for s in l.incoming() {
                let Ok(mut s) = s else { continue };
                let laune = l2.clone();
                // One connection, many requests (keep-alive), as a real server.
                std::thread::spawn(move || {
                    let mut r = BufReader::new(s.try_clone().unwrap());
                    loop {
                        let mut zeile = String::new();
                        if r.read_line(&mut zeile).unwrap_or(0) == 0 {
                            return;
                        }
                        loop {
                            let mut h = String::new();
                            if r.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                                break;
                            }
                        }
                        let pfad = zeile.split(' ').nth(1).unwrap_or("/").to_string();
                        let (body, still, langsam) = {
                            let mut l = laune.lock().unwrap();
                            l.log.push(pfad.clone());
                            let still = match l.noch.as_mut() {
                                Some(0) => true,
                                Some(n) => {
                                    *n -= 1;
                                    false
                                }
                                None => false,
                            };
                            (
                                l.routen.get(&pfad).cloned(),
                                still,
                                l.troepfeln.contains(&pfad),
                            )
                        };
                        if still {
                            // Reads on, answers nothing, keeps the connection open.
                            std::thread::sleep(Duration::from_secs(30));
                            return;
                        }
                        let (status, body) = match body {
                            Some(b) => (200, b),
                            None => (404, "{}".to_string()),
                        };
                        let kopf = format!(
                            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: keep-alive\r\n\r\n",
                            body.len()
                        );
                        if s.write_all(kopf.as_bytes()).is_err() {
                            return;
                        }
                        if langsam {
                            for b in body.as_bytes() {
                                std::thread::sleep(Duration::from_millis(300));
                                if s.write_all(&[*b]).is_err() {
                                    return;
                                }
                            }
                        } else if s.write_all(body.as_bytes()).is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Launisch { basis, laune }
    }

    fn u(&self, pfad: &str) -> String {
        format!("{}{pfad}", self.basis)
    }

    fn setzen(&self, pfad: &str, v: serde_json::Value) {
        self.laune
            .lock()
            .unwrap()
            .routen
            .insert(pfad.into(), v.to_string());
    }

    fn entfernen(&self, pfad: &str) {
        self.laune.lock().unwrap().routen.remove(pfad);
    }

    /// A Body with `n` Papers, ten on a page.
    fn rat(&self, n: usize) {
        self.setzen("/body", json!({"id": self.u("/body"), "type": "https://schema.oparl.org/1.1/Body", "name": "Gemeinde Hürtgenwald", "paper": self.u("/papers")}));
        let seiten = n.div_ceil(10);
        for s in 1..=seiten {
            let pfad = if s == 1 {
                "/papers".to_string()
            } else {
                format!("/papers?page={s}")
            };
            let daten: Vec<_> = ((s - 1) * 10 + 1..=(s * 10).min(n))
                .map(|i| json!({"id": self.u(&format!("/paper/{i}")), "type": "https://schema.oparl.org/1.1/Paper",
                    "name": format!("Vorlage {i} über Straßenausbaubeiträge"), "reference": format!("{i}/2026"),
                    "modified": format!("2026-11-{:02}T10:00:00+01:00", 1 + i % 28)}))
                .collect();
            let next = if s < seiten {
                json!({"next": self.u(&format!("/papers?page={}", s + 1))})
            } else {
                json!({})
            };
            self.setzen(&pfad, json!({"data": daten, "links": next}));
        }
    }
}

/// Short deadlines, so that a test waits seconds, not minutes.
const KURZ: Fristen = Fristen {
    verbinden: Duration::from_secs(1),
    seite: Duration::from_secs(1),
    datei: Duration::from_secs(2),
    pause: Duration::from_millis(20),
};

fn lesen(b: &mut Testbuero, url: &str) -> Result<Bericht, RisFehler> {
    importieren(&mut b.store, url, zeit("2026-12-07"), KURZ, &mut |_| true)
}

/// The English of the HTTP and JSON libraries never reaches the clerk.
fn deutsch(meldung: &str) {
    for englisch in [
        "timed out",
        "status line",
        "response body",
        "EOF while",
        "Error",
        "error",
        "connection",
    ] {
        assert!(
            !meldung.contains(englisch),
            "englisch ({englisch}): {meldung}"
        );
    }
}

fn papiere(b: &Testbuero) -> usize {
    api::ris_liste(&b.store, "Paper").unwrap().len()
}

/// The saved `modified_since` of the source (empty: none).
fn stand(b: &mut Testbuero, url: &str) -> String {
    b.store.ris_quelle(url).unwrap().stand
}

#[test]
fn a_server_that_goes_quiet_mid_import_stops_it_in_time_and_the_next_run_reads_the_rest() {
    let server = Launisch::neu();
    server.rat(35);
    // /body and two pages answered, then silence (on the kept-alive connection and any new one).
    server.laune.lock().unwrap().noch = Some(3);
    let mut b = buero();
    let start = Instant::now();
    let f = lesen(&mut b, &server.u("/body")).unwrap_err();
    let dauer = start.elapsed();
    // Three tries of one second each, and the pauses: never the hang of before.
    assert!(dauer < Duration::from_secs(8), "{dauer:?}");
    let m = f.to_string();
    assert!(
        m.contains("/papers?page=3") && m.contains("binnen 1 s"),
        "{m}"
    );
    deutsch(&m);
    assert_eq!(papiere(&b), 20, "was gelesen war, bleibt");
    assert_eq!(
        stand(&mut b, &server.u("/body")),
        "",
        "kein modified_since nach einem Abbruch"
    );

    server.laune.lock().unwrap().noch = None;
    let bericht = lesen(&mut b, &server.u("/body")).unwrap();
    assert_eq!(papiere(&b), 35);
    assert_eq!(bericht.aus_zwischenspeicher, 3, "{bericht:?}");
    assert_ne!(stand(&mut b, &server.u("/body")), "");
}

#[test]
fn a_server_that_trickles_is_given_up_within_the_deadline() {
    let server = Launisch::neu();
    server.rat(12);
    server
        .laune
        .lock()
        .unwrap()
        .troepfeln
        .push("/papers?page=2".into());
    let mut b = buero();
    let start = Instant::now();
    let f = lesen(&mut b, &server.u("/body")).unwrap_err();
    assert!(
        start.elapsed() < Duration::from_secs(8),
        "{:?}",
        start.elapsed()
    );
    let m = f.to_string();
    assert!(
        m.contains("/papers?page=2") && m.contains("binnen 1 s"),
        "{m}"
    );
    deutsch(&m);
    assert_eq!(stand(&mut b, &server.u("/body")), "");
    server.laune.lock().unwrap().troepfeln.clear();
    lesen(&mut b, &server.u("/body")).unwrap();
    assert_eq!(papiere(&b), 12);
}

#[test]
fn a_lost_later_page_stops_the_import_and_nothing_is_lost_for_good() {
    let server = Launisch::neu();
    server.rat(25);
    let seite2 = server.laune.lock().unwrap().routen["/papers?page=2"].clone();
    server.entfernen("/papers?page=2");
    let mut b = buero();
    let f = lesen(&mut b, &server.u("/body")).unwrap_err();
    let m = f.to_string();
    assert!(
        m.contains("HTTP 404 auf Seite 2 der Liste der Vorlagen") && m.contains("setzt hier fort"),
        "{m}"
    );
    deutsch(&m);
    assert_eq!(papiere(&b), 10);
    assert_eq!(
        stand(&mut b, &server.u("/body")),
        "",
        "kein modified_since: der Rest käme nie"
    );
    // The page is back: the next run fetches it and the rest (not only `modified_since`).
    server
        .laune
        .lock()
        .unwrap()
        .routen
        .insert("/papers?page=2".into(), seite2);
    lesen(&mut b, &server.u("/body")).unwrap();
    assert_eq!(papiere(&b), 25);
}

#[test]
fn a_body_cut_off_mid_json_is_named_in_german() {
    let server = Launisch::neu();
    server.rat(5);
    server
        .laune
        .lock()
        .unwrap()
        .routen
        .insert("/papers".into(), "{\"data\": [{\"id\": \"x\"".into());
    let mut b = buero();
    let m = lesen(&mut b, &server.u("/body")).unwrap_err().to_string();
    assert!(m.contains("bricht mitten im JSON ab"), "{m}");
    deutsch(&m);
}

#[test]
fn a_modified_that_cannot_be_read_is_named_in_the_report_and_no_stand_is_pretended() {
    let server = Launisch::neu();
    server.rat(3);
    // Bonn's servers write the offset with two colons.
    let seite = server.laune.lock().unwrap().routen["/papers"].replace("+01:00", "+02::00");
    server
        .laune
        .lock()
        .unwrap()
        .routen
        .insert("/papers".into(), seite);
    let mut b = buero();
    let bericht = lesen(&mut b, &server.u("/body")).unwrap();
    assert_eq!(papiere(&b), 3);
    assert_eq!(bericht.modified_unlesbar, 3, "{bericht:?}");
    let zeilen = bericht.zeilen().join("\n");
    assert!(
        zeilen.contains("Änderungszeit (modified) nicht lesbar bei 3 Objekten (z. B. „2026-11-")
            && zeilen.contains("+02::00“)")
            && zeilen.contains("der nächste Import liest wieder alles"),
        "{zeilen}"
    );
    assert_eq!(stand(&mut b, &server.u("/body")), "");
}

#[test]
fn a_file_without_file_name_is_stored_under_its_name_and_the_extension_of_its_type() {
    let server = Launisch::neu();
    server.setzen("/body", json!({"id": server.u("/body"), "type": "https://schema.oparl.org/1.1/Body", "name": "Gemeinde Hürtgenwald", "paper": server.u("/papers")}));
    // As SD.NET sends it: name and mimeType, no fileName.
    server.setzen("/papers", json!({"data": [{"id": server.u("/paper/1"), "type": "https://schema.oparl.org/1.1/Paper",
        "name": "Straßenausbau", "reference": "1/2026", "modified": "2026-11-02T10:00:00+01:00",
        "mainFile": {"id": server.u("/file/1"), "type": "https://schema.oparl.org/1.1/File", "name": "Beschlussvorlage öffentlich",
            "mimeType": "application/pdf", "accessUrl": server.u("/file/1/inhalt")}}], "links": {}}));
    server.laune.lock().unwrap().routen.insert(
        "/file/1/inhalt".into(),
        "%PDF-1.4 kein echter Inhalt".into(),
    );
    let mut b = buero();
    lesen(&mut b, &server.u("/body")).unwrap();
    let (name, daten) = api::ris_datei(&b.store, &server.u("/file/1")).unwrap();
    assert_eq!(name, "Beschlussvorlage öffentlich.pdf");
    assert_eq!(daten, b"%PDF-1.4 kein echter Inhalt");
}

#[test]
fn a_title_with_line_breaks_is_listed_on_one_line_by_the_command_line() {
    let server = Launisch::neu();
    server.rat(2);
    // 1,188 of Hürtgenwald's real titles hold line breaks.
    let seite = server.laune.lock().unwrap().routen["/papers"].replace(
        "Vorlage 1 über Straßenausbaubeiträge",
        "Vorlage 1 über\\r\\n\\tStraßenausbaubeiträge",
    );
    assert!(seite.contains("über\\r\\n\\tStraßen"), "{seite}");
    server
        .laune
        .lock()
        .unwrap()
        .routen
        .insert("/papers".into(), seite);
    let mut b = buero();
    lesen(&mut b, &server.u("/body")).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args(["--db", &b.db_arg(), "oparl", "liste"])
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.lines()
            .any(|z| z.split('\t').nth(3) == Some("Vorlage 1 über Straßenausbaubeiträge")),
        "{text}"
    );
}
