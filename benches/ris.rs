//! The OParl import of 1,000 papers: an office with 1,000 released, public Vorlagen
//! exported as OParl (each paper with its Vorlage as PDF), served by Python's own
//! `http.server` on 127.0.0.1, read into an empty office — every page, every object,
//! every file fetched and checked. Then the same import again, which asks only for what
//! changed (`modified_since`) and finds nothing. Three runs each; the README reports the
//! median.

#[allow(dead_code)]
mod gemeinsam;
use gemeinsam::{inhalt, jetzt};
use ratsbuero::api;
use ratsbuero::store::Store;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PAPERS: usize = 1_000;
const LAEUFE: usize = 3;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let o = tempfile::tempdir().unwrap();
    let mut quelle = Store::oeffnen(&o.path().join("rathaus.sqlite"), jetzt()).unwrap();
    for i in 0..PAPERS {
        let mut v = inhalt(i);
        v.status = ratsbuero::domain::Status::Oeffentlich;
        let g = quelle.vorlage_anlegen(&v, jetzt()).unwrap();
        quelle.vorlage_freigeben(g.id, g.version, jetzt()).unwrap();
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let basis = format!("http://127.0.0.1:{port}");
    let ordner = o.path().join("oparl");
    let t = Instant::now();
    let e = api::oparl_export(&quelle, &ordner, &basis, jetzt()).unwrap();
    println!(
        "ris: Export von {} Vorlagen mit {} Dateien in {:.1} s",
        e.papers,
        e.files,
        t.elapsed().as_secs_f64()
    );
    let mut server = Command::new("/usr/bin/python3")
        .args([
            "-m",
            "http.server",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--directory",
        ])
        .arg(&ordner)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until it answers.
    let bis = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() && Instant::now() < bis {
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut voll = Vec::new();
    let mut wieder = Vec::new();
    for lauf in 0..LAEUFE {
        let mut ziel =
            Store::oeffnen(&o.path().join(format!("buero{lauf}.sqlite")), jetzt()).unwrap();
        let t = Instant::now();
        let b = api::oparl_import(
            &mut ziel,
            &format!("{basis}/system.json"),
            jetzt(),
            &mut |_| true,
        )
        .unwrap();
        voll.push(t.elapsed().as_secs_f64());
        assert!(b.uebersprungen.is_empty(), "{:?}", b.uebersprungen);
        assert_eq!(ziel.ris_objekte("Paper").unwrap().len(), PAPERS);
        assert_eq!(b.dateien, PAPERS);
        let t = Instant::now();
        let b2 = api::oparl_import(
            &mut ziel,
            &format!("{basis}/system.json"),
            jetzt(),
            &mut |_| true,
        )
        .unwrap();
        wieder.push(t.elapsed().as_secs_f64());
        assert!(b2.seit.is_some());
        assert_eq!(b2.neu, 0);
    }
    let _ = server.kill();
    let _ = server.wait();
    println!(
        "ris: OParl-Import von {PAPERS} Vorlagen mit {PAPERS} Dateien (python3 http.server, 127.0.0.1): Median {:.2} s; Läufe {:?}",
        median(voll.clone()),
        voll.iter().map(|x| format!("{x:.2}")).collect::<Vec<_>>()
    );
    println!(
        "ris: erneuter Import (modified_since, nichts geändert): Median {:.3} s; Läufe {:?}",
        median(wieder.clone()),
        wieder.iter().map(|x| format!("{x:.3}")).collect::<Vec<_>>()
    );
}
