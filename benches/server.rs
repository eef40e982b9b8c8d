//! Benchmarks of the PostgreSQL backend, beside the SQLite figures of `--bench store`:
//! durable save of a Vorlage over the Unix socket, search over the same 10,000 Vorlagen
//! (moved onto the server with `umzug`, the move timed; the hits compared with the file's),
//! 10 writer processes saving and releasing for 30 s (0 lost, 0 duplicate numbers), and
//! the move of an office with 500 MB of Anlagen from a file onto the server.
//!
//! The server is `RATSBUERO_TEST_SERVER` (an admin URL, as `scripts/pg-server` prints it)
//! or, without it, a throw-away one this benchmark starts and stops itself. The writer
//! processes are this benchmark binary again, started with `RATSBUERO_BENCH_SCHREIBER`.

use ratsbuero::domain::{AnlageNeu, Status};
use ratsbuero::store::{Store, VorlagenFilter};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod gemeinsam;
use gemeinsam::{inhalt, jetzt, perzentile, ANFRAGEN};

const SCHREIBER: &str = "RATSBUERO_BENCH_SCHREIBER";
const SCHREIBER_SEKUNDEN: u64 = 30;

/// The server: the given one, or one started here (stopped on drop).
struct Server {
    admin: String,
    ordner: Option<PathBuf>,
}

impl Server {
    fn holen() -> Server {
        if let Some(url) = std::env::var("RATSBUERO_TEST_SERVER")
            .ok()
            .filter(|u| !u.is_empty())
        {
            return Server {
                admin: url,
                ordner: None,
            };
        }
        let ordner =
            std::env::temp_dir().join(format!("ratsbuero-bench-pg-{}", std::process::id()));
        let skript = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/pg-server");
        let o = Command::new(&skript)
            .arg("start")
            .arg(&ordner)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        Server {
            admin: String::from_utf8(o.stdout).unwrap().trim().to_string(),
            ordner: Some(ordner),
        }
    }

    /// A fresh database; its URL.
    fn datenbank(&self, name: &str) -> String {
        let mut c = postgres::Client::connect(&self.admin, postgres::NoTls).unwrap();
        c.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .unwrap();
        c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
        let (vorne, hinten) = self.admin.split_once('?').unwrap_or((&self.admin, ""));
        let basis = vorne.rsplit_once('/').unwrap().0;
        if hinten.is_empty() {
            format!("{basis}/{name}")
        } else {
            format!("{basis}/{name}?{hinten}")
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(o) = &self.ordner {
            let skript = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/pg-server");
            let _ = Command::new(skript).arg("stop").arg(o).status();
        }
    }
}

fn speichern(url: &str) {
    let mut store = Store::oeffnen_server(url, jetzt()).unwrap();
    let g = store.vorlage_anlegen(&inhalt(0), jetzt()).unwrap();
    let mut version = g.version;
    for n in 1..=100 {
        version = store
            .vorlage_speichern(g.id, version, &inhalt(n), jetzt())
            .unwrap()
            .version;
    }
    let zeiten: Vec<Duration> = (0..1000)
        .map(|n| {
            let t = Instant::now();
            version = store
                .vorlage_speichern(g.id, version, &inhalt(n + 200), jetzt())
                .unwrap()
                .version;
            t.elapsed()
        })
        .collect();
    let (p50, p95) = perzentile(zeiten);
    println!("ERGEBNIS server vorlage_speichern: p50 {p50:.3} ms, p95 {p95:.3} ms (1000 Speicherungen, Unix-Socket)");
}

/// The 10,000 Vorlagen of `--bench store` in a file, moved onto the server (timed); then
/// each query of `--bench store` on both, hits compared.
fn suchen(server: &Server) {
    let dir = tempfile::tempdir().unwrap();
    let datei = dir.path().join("suche.sqlite");
    {
        let mut s = Store::oeffnen(&datei, jetzt()).unwrap();
        for i in 0..10_000 {
            s.vorlage_anlegen(&inhalt(i), jetzt()).unwrap();
        }
    }
    let quelle = Store::oeffnen(&datei, jetzt()).unwrap();
    let url = server.datenbank("bench_suche");
    let t = Instant::now();
    ratsbuero::api::umzug(
        &quelle,
        &ratsbuero::store::Ablage::Server(url.clone()),
        jetzt(),
    )
    .unwrap();
    println!(
        "ERGEBNIS server umzug 10.000 Vorlagen ohne Anlagen, Datei → Server: {:.1} s",
        t.elapsed().as_secs_f64()
    );
    // The steady state an office works in: the bulk load vacuumed, as autovacuum would
    // do it a minute later (measured meanwhile, it would time autovacuum).
    postgres::Client::connect(&url, postgres::NoTls)
        .unwrap()
        .batch_execute("VACUUM (ANALYZE)")
        .unwrap();
    let pg = Store::oeffnen_server(&url, jetzt()).unwrap();
    for anfrage in ANFRAGEN {
        let filter = VorlagenFilter {
            suche: Some((*anfrage).into()),
            grenze: Some(200),
            ..Default::default()
        };
        let alle = VorlagenFilter {
            grenze: Some(20_000),
            ..filter.clone()
        };
        let ids = |s: &Store| -> BTreeSet<i64> {
            s.vorlagen(&alle)
                .unwrap()
                .into_iter()
                .map(|z| z.id.0)
                .collect()
        };
        let (d, p) = (ids(&quelle), ids(&pg));
        assert_eq!(d, p, "„{anfrage}“: andere Treffer auf dem Server");
        for _ in 0..20 {
            pg.vorlagen(&filter).unwrap();
        }
        let zeiten: Vec<Duration> = (0..300)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(pg.vorlagen(&filter).unwrap());
                t.elapsed()
            })
            .collect();
        let (p50, p95) = perzentile(zeiten);
        println!(
            "ERGEBNIS server suche „{anfrage}“: p50 {p50:.3} ms, p95 {p95:.3} ms ({} Treffer wie in der Datei, Liste max. 200)",
            d.len()
        );
    }
}

/// One writer process: saves its own Vorlage again and again and every 10th step
/// releases a new one; prints `SAVE version` and `NUMMER nr` after each commit.
fn schreiber(url: &str, nr: usize) {
    use std::io::Write;
    let mut store = Store::oeffnen_server(url, jetzt()).unwrap();
    let mut aus = std::io::stdout().lock();
    let g = store.vorlage_anlegen(&inhalt(nr), jetzt()).unwrap();
    writeln!(aus, "ID {}", g.id.0).unwrap();
    let mut version = g.version;
    let ende = Instant::now() + Duration::from_secs(SCHREIBER_SEKUNDEN);
    let mut schritt = 0;
    while Instant::now() < ende {
        schritt += 1;
        match store.vorlage_speichern(g.id, version, &inhalt(nr * 100_000 + schritt), jetzt()) {
            Ok(s) => {
                version = s.version;
                writeln!(aus, "SAVE {version}").unwrap();
            }
            Err(ratsbuero::store::StoreError::Gesperrt) => continue,
            Err(e) => panic!("{e}"),
        }
        if schritt % 10 == 0 {
            let n = store.vorlage_anlegen(&inhalt(schritt), jetzt()).unwrap();
            let f = store.vorlage_freigeben(n.id, n.version, jetzt()).unwrap();
            let nummer = store.vorlage(f.id).unwrap().nummer.unwrap();
            writeln!(aus, "NUMMER {nummer}").unwrap();
        }
    }
}

fn zehn_schreiber(server: &Server) {
    let url = server.datenbank("bench_schreiber");
    Store::oeffnen_server(&url, jetzt()).unwrap();
    let kinder: Vec<_> = (0..10)
        .map(|nr| {
            Command::new(std::env::current_exe().unwrap())
                .env(SCHREIBER, format!("{nr} {url}"))
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut saves = 0u64;
    let mut nummern = Vec::new();
    let mut verloren = 0;
    let store = Store::oeffnen_server(&url, jetzt()).unwrap();
    for k in kinder {
        let o = k.wait_with_output().unwrap();
        assert!(o.status.success());
        let text = String::from_utf8(o.stdout).unwrap();
        let mut id = 0;
        let mut letzte = 0;
        for z in text.lines() {
            match z.split_once(' ') {
                Some(("ID", i)) => id = i.parse().unwrap(),
                Some(("SAVE", v)) => {
                    saves += 1;
                    letzte = v.parse().unwrap();
                }
                Some(("NUMMER", n)) => nummern.push(n.to_string()),
                _ => {}
            }
        }
        // Every acknowledged save is there: the stored version is the last acknowledged.
        let v = store
            .vorlage(ratsbuero::domain::VorlageId(id))
            .unwrap()
            .version;
        if v != letzte {
            verloren += 1;
        }
    }
    let eindeutig: BTreeSet<&String> = nummern.iter().collect();
    let doppelt = nummern.len() - eindeutig.len();
    let mut laufend: Vec<u32> = nummern
        .iter()
        .map(|n| n.rsplit('/').next().unwrap().parse().unwrap())
        .collect();
    laufend.sort_unstable();
    let luecken = laufend.windows(2).filter(|w| w[1] != w[0] + 1).count();
    println!(
        "ERGEBNIS server 10 Schreibprozesse × {SCHREIBER_SEKUNDEN} s: {saves} Speicherungen = {:.0}/s, {} Freigaben, {verloren} verloren, {doppelt} doppelte Nummern, {luecken} Lücken",
        saves as f64 / SCHREIBER_SEKUNDEN as f64,
        nummern.len()
    );
    assert_eq!((verloren, doppelt, luecken), (0, 0, 0));
}

/// 10,000 Vorlagen and 500 MB of Anlagen (500 × 1 MB) in a file, moved onto the server.
fn umzug_gross(server: &Server) {
    let dir = tempfile::tempdir().unwrap();
    let datei = dir.path().join("gross.sqlite");
    {
        let mut s = Store::oeffnen(&datei, jetzt()).unwrap();
        for i in 0..10_000 {
            let g = s.vorlage_anlegen(&inhalt(i), jetzt()).unwrap();
            if i % 20 == 0 {
                let daten: Vec<u8> = (0..1_000_000u32)
                    .map(|k| (k.wrapping_mul(2654435761).wrapping_add(i as u32) >> 11) as u8)
                    .collect();
                s.anlage_hinzufuegen(
                    g.id,
                    g.version,
                    AnlageNeu {
                        name: format!("Anlage {i}.pdf"),
                        status: Status::Oeffentlich,
                        alternativenpruefung: false,
                        daten,
                    },
                    jetzt(),
                )
                .unwrap();
            }
        }
    }
    let quelle = Store::oeffnen(&datei, jetzt()).unwrap();
    let url = server.datenbank("bench_umzug");
    let t = Instant::now();
    let bericht =
        ratsbuero::api::umzug(&quelle, &ratsbuero::store::Ablage::Server(url), jetzt()).unwrap();
    println!(
        "ERGEBNIS server umzug 10.000 Vorlagen + 500 × 1 MB Anlagen, Datei → Server, geprüft: {:.1} s",
        t.elapsed().as_secs_f64()
    );
    println!("{bericht}");
}

fn main() {
    if let Ok(auftrag) = std::env::var(SCHREIBER) {
        let (nr, url) = auftrag.split_once(' ').unwrap();
        schreiber(url, nr.parse().unwrap());
        return;
    }
    // `cargo bench` passes --bench; `cargo test --benches` runs it once with nothing to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let server = Server::holen();
    // RATSBUERO_BENCH_NUR=speichern,suchen,… runs only those parts (to look at one).
    let nur = std::env::var("RATSBUERO_BENCH_NUR").unwrap_or_default();
    let teil = |name: &str| nur.is_empty() || nur.split(',').any(|n| n == name);
    if teil("speichern") {
        speichern(&server.datenbank("bench_speichern"));
    }
    if teil("suchen") {
        suchen(&server);
    }
    if teil("schreiber") {
        zehn_schreiber(&server);
    }
    if teil("umzug") {
        umzug_gross(&server);
    }
}
