//! What only the PostgreSQL backend has to prove: the same search hits as the SQLite
//! file, numbering under 20 processes at once, and the faults of a shared server (a
//! foreign or newer database, a read-only role, a server that goes away mid-work).
//!
//! Each is `#[ignore]`d, so that a plain `cargo test` never reports it as passed without a
//! server: the second pass of `scripts/test` runs them with `--include-ignored` and
//! `RATSBUERO_TEST_SERVER` naming its server; run by hand without one, each fails saying so.

use crate::gemeinsam::{
    betreffs, buero, buero_datei, neue_server_datenbank, test_server, vorlage, zeit, Testbuero,
};
use ratsbuero::store::{Store, StoreError, VorlagenFilter};
use std::collections::BTreeSet;
use std::process::Command;

/// Why the tests below are ignored in a plain run.
macro_rules! nur_mit_server {
    () => {
        "braucht einen PostgreSQL-Server: RATSBUERO_TEST_SERVER=URL cargo test -- --include-ignored (scripts/test)"
    };
}

fn server() -> String {
    test_server().expect("RATSBUERO_TEST_SERVER ist nicht gesetzt: diese Tests brauchen einen PostgreSQL-Server (scripts/pg-server start ORDNER)")
}

/// `postgres://u@/NAME?host=/tmp/x` → `NAME`.
fn datenbankname(url: &str) -> String {
    let vorne = url.split('?').next().unwrap();
    vorne.rsplit_once('/').unwrap().1.to_string()
}

fn admin(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap()
}

/// The same office on both backends: names of many scripts, compounds, umlauts and
/// numbers, some released; built from a fixed seed so both get exactly the same.
fn korpus(b: &mut Testbuero) {
    let namen = [
        "Radojka Mühlenkamp",
        "Fatma Karacakurtoğlu",
        "Łukasz Wiśniewski",
        "Nguyễn Thị Hồng",
        "Ştefan Dumitrescu",
        "Αλέξανδρος Παπαδόπουλος",
        "Наталья Кузнецова",
        "Çağrı Öztürk",
        "Ingrid Straßburger",
        "José Muñoz",
        "مُحَمَّد الأحمد",
    ];
    let themen = [
        "Integrationskonzept",
        "Sprachförderung in Kindertagesstätten",
        "Entsendung in die AG Integrationsräte",
        "Haushalt 2027: Zuschüsse an Migrantenselbstorganisationen",
        "Antidiskriminierungsstelle",
        "Wohnungslosigkeit geflüchteter Familien",
        "Straßenbenennung nach Semra Ertan",
        "Einbürgerungsfeier im Rathaus",
        "Kommunales Integrationszentrum: Jahresbericht",
        "Arbeitsmarktintegration über 25-Jährige",
    ];
    let texte = [
        "Der Integrationsrat berät über die Förderrichtlinie.",
        "Die Verwaltung berichtet über die Beratungsstellen am Bahnhof.",
        "Zum 01.08.2013 wurde ein Kommunales Integrationszentrum errichtet.",
        "Die Bürgermeisterin lädt zur Feierstunde ein; Anmeldung über das Büro.",
        "Straßen, Plätze und Wege im Stadtteil Wanne-Eickel.",
        "Mehrsprachige Elternabende in Türkisch, Arabisch und Ukrainisch.",
    ];
    let mut zufall: u64 = 0x5eed;
    let mut naechste = |n: usize| {
        zufall = zufall
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (zufall >> 33) as usize % n
    };
    for i in 0..60 {
        let mut v = vorlage(&format!("{} ({})", themen[naechste(themen.len())], i + 1));
        v.verfasser = namen[naechste(namen.len())].into();
        v.bearbeiter = namen[naechste(namen.len())].into();
        v.sachverhalt = format!(
            "{} {}",
            texte[naechste(texte.len())],
            texte[naechste(texte.len())]
        );
        v.beschlussvorschlag = format!("Der Integrationsrat nimmt Kenntnis. {}", namen[i % 10]);
        let g = b.store.vorlage_anlegen(&v, zeit("2026-02-01")).unwrap();
        if i % 3 == 0 {
            b.store
                .vorlage_freigeben(g.id, g.version, zeit("2026-02-02"))
                .unwrap();
        }
    }
}

fn treffer(store: &Store, text: &str) -> BTreeSet<i64> {
    store
        .vorlagen(&VorlagenFilter {
            suche: Some(text.into()),
            grenze: Some(1000),
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("Suche „{text}“: {e}"))
        .into_iter()
        .map(|z| z.id.0)
        .collect()
}

#[test]
#[ignore = nur_mit_server!()]
fn both_backends_find_the_same_vorlagen_for_the_same_words() {
    server();
    let mut datei = buero_datei();
    let mut pg = buero();
    assert!(
        pg.store.ablage().datei().is_err(),
        "zweites Büro liegt auf dem Server"
    );
    korpus(&mut datei);
    korpus(&mut pg);
    let anfragen = [
        "integrationsrat",
        "integration",
        "muehlenkamp",
        "mühlenkamp",
        "karacakurtoglu",
        "Çağrı",
        "ozturk",
        "παπαδόπουλος",
        "кузнецова",
        "محمد",
        "احمد",
        "nguyen hong",
        "strasse",
        "straßburger",
        "sprachförderung kindertagesstätten",
        "2026/0001",
        "2026/00",
        "haushalt 2027",
        "25-jährige",
        "wanne-eickel",
        "bahnhof beratung",
        "feier",
        "AG",
        "x",
        "wohnungsbau",
        "\"*",
        "ukrainisch türkisch",
    ];
    for gemein_ab in [2_000, 5] {
        datei.store.gemein_ab_setzen(gemein_ab);
        pg.store.gemein_ab_setzen(gemein_ab);
        let mut getroffen = 0;
        for a in anfragen {
            let d = treffer(&datei.store, a);
            let s = treffer(&pg.store, a);
            assert_eq!(
                d, s,
                "„{a}“ (gemein ab {gemein_ab}): Datei {d:?}, Server {s:?}"
            );
            getroffen += usize::from(!d.is_empty());
        }
        assert!(getroffen >= 18, "nur {getroffen} Anfragen mit Treffern");
    }
}

#[test]
#[ignore = nur_mit_server!()]
fn twenty_processes_releasing_at_once_get_twenty_consecutive_numbers() {
    server();
    let mut b = buero();
    let ids: Vec<i64> = (0..20)
        .map(|i| {
            b.store
                .vorlage_anlegen(&vorlage(&format!("Antrag {i}")), zeit("2026-03-01"))
                .unwrap()
                .id
                .0
        })
        .collect();
    let start = std::sync::Arc::new(std::sync::Barrier::new(ids.len()));
    let faeden: Vec<_> = ids
        .iter()
        .map(|id| {
            let (db, id, start) = (b.db_arg(), id.to_string(), start.clone());
            std::thread::spawn(move || {
                let mut c = Command::new(env!("CARGO_BIN_EXE_ratsbuero"));
                c.args(["--db", &db, "vorlage", "freigeben", &id])
                    .env_remove("RATSBUERO_DB");
                start.wait();
                c.output().unwrap()
            })
        })
        .collect();
    let mut nummern = Vec::new();
    for f in faeden {
        let o = f.join().unwrap();
        assert!(
            o.status.success(),
            "stderr: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        nummern.push(String::from_utf8(o.stdout).unwrap().trim().to_string());
    }
    let mut laufend: Vec<u32> = nummern
        .iter()
        .map(|n| n.rsplit('/').next().unwrap().parse().unwrap())
        .collect();
    laufend.sort_unstable();
    assert_eq!(
        laufend,
        (1..=20).collect::<Vec<u32>>(),
        "Nummern: {nummern:?}"
    );
    let jahre: BTreeSet<&str> = nummern
        .iter()
        .map(|n| n.split('/').next().unwrap())
        .collect();
    assert_eq!(jahre.len(), 1, "{nummern:?}");
    // What the processes printed is what the office holds.
    let gespeichert: BTreeSet<String> = b
        .noch_einmal()
        .vorlagen(&VorlagenFilter::default())
        .unwrap()
        .into_iter()
        .filter_map(|z| z.nummer)
        .collect();
    assert_eq!(gespeichert, nummern.into_iter().collect());
}

#[test]
#[ignore = nur_mit_server!()]
fn a_database_of_another_application_is_refused_untouched() {
    let url = server();
    let fremd = neue_server_datenbank(&url);
    admin(&fremd)
        .batch_execute("CREATE TABLE kunden (id int PRIMARY KEY, name text); INSERT INTO kunden VALUES (1, 'Müller')")
        .unwrap();
    let e = Store::oeffnen_server(&fremd, zeit("2026-01-05"))
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::FremdeDatenbank(_)), "{e:?}");
    assert!(e.to_string().contains("andere"), "{e}");
    let tabellen: Vec<String> = admin(&fremd)
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(tabellen, ["kunden"]);
}

#[test]
#[ignore = nur_mit_server!()]
fn a_newer_schema_on_the_server_is_refused_untouched() {
    server();
    let b = buero();
    let url = b.db_arg();
    drop(b.store);
    let mut c = admin(&url);
    c.batch_execute("INSERT INTO ratsbuero_schema VALUES (99, '2030-01-01T00:00:00')")
        .unwrap();
    let vorher: i64 = c
        .query_one("SELECT count(*) FROM vorlage", &[])
        .unwrap()
        .get(0);
    let e = Store::oeffnen_server(&url, zeit("2026-01-05"))
        .err()
        .unwrap();
    assert!(
        matches!(e, StoreError::NeueresSchema { gefunden: 99, .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("neuer"), "{e}");
    let versionen: Vec<i64> = c
        .query("SELECT version FROM ratsbuero_schema ORDER BY 1", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(versionen.last(), Some(&99));
    assert_eq!(
        versionen.len() as i64,
        ratsbuero::store::migrationen::neueste_version() + 1
    );
    let nachher: i64 = c
        .query_one("SELECT count(*) FROM vorlage", &[])
        .unwrap()
        .get(0);
    assert_eq!(vorher, nachher);
}

#[test]
#[ignore = nur_mit_server!()]
fn a_role_without_write_rights_reads_and_is_refused_a_save_in_german() {
    server();
    let mut b = buero();
    b.store
        .vorlage_anlegen(&vorlage("Sprachkurse"), zeit("2026-02-01"))
        .unwrap();
    let url = b.db_arg();
    let rolle = format!("leser_{}", std::process::id());
    let mut c = admin(&url);
    c.batch_execute(&format!(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{rolle}') THEN CREATE ROLE {rolle} LOGIN; END IF; END $$;
         GRANT SELECT ON ALL TABLES IN SCHEMA public TO {rolle};"
    ))
    .unwrap();
    let leser_url = url.replacen("postgres://postgres@", &format!("postgres://{rolle}@"), 1);
    let mut leser = Store::oeffnen_server(&leser_url, zeit("2026-01-05")).unwrap();
    let liste = leser.vorlagen(&VorlagenFilter::default()).unwrap();
    assert_eq!(liste.len(), 1);
    let e = leser
        .vorlage_anlegen(&vorlage("Neu"), zeit("2026-02-02"))
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::KeineRechte(_)), "{e:?}");
    assert!(e.to_string().contains("darf hier nicht schreiben"), "{e}");
    assert_eq!(
        b.store.vorlagen(&VorlagenFilter::default()).unwrap().len(),
        1
    );
}

#[test]
#[ignore = nur_mit_server!()]
fn a_server_that_goes_away_mid_work_refuses_the_save_keeps_the_data_and_is_reconnected() {
    let admin_url = server();
    let mut b = buero();
    let g = b
        .store
        .vorlage_anlegen(&vorlage("Sprachkurse"), zeit("2026-02-01"))
        .unwrap();
    let url = b.db_arg();
    let dbname = datenbankname(&url);
    // The server ends this workstation's connection (a restart, a network cut).
    let beendet: i64 = admin(&admin_url)
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'ratsbuero'",
            &[&dbname],
        )
        .unwrap()
        .get(0);
    assert_eq!(beendet, 1);
    let e = b
        .store
        .vorlage_speichern(
            g.id,
            g.version,
            &vorlage("Sprachkurse geändert"),
            zeit("2026-02-02"),
        )
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::ServerWeg), "{e:?}");
    assert!(e.to_string().contains("Verbindung"), "{e}");
    b.store.verbindung_pruefen().unwrap();
    let a = b.store.vorlage(g.id).unwrap();
    assert_eq!(a.inhalt.betreff, "Sprachkurse");
    assert_eq!(a.version, g.version);
    // The draft the editor kept saves now, on its old version.
    b.store
        .vorlage_speichern(
            g.id,
            g.version,
            &vorlage("Sprachkurse geändert"),
            zeit("2026-02-02"),
        )
        .unwrap();
    assert_eq!(
        b.store.vorlage(g.id).unwrap().inhalt.betreff,
        "Sprachkurse geändert"
    );
}

#[test]
#[ignore = nur_mit_server!()]
fn another_workstations_save_and_open_editor_are_heard_and_a_lost_listener_reconnects() {
    use ratsbuero::store::live::{lauschen, Aenderung};
    use std::sync::mpsc;
    use std::time::Duration;
    let admin_url = server();
    let mut b = buero();
    let url = b.db_arg();
    let (tx, rx) = mpsc::channel();
    let lauscher = lauschen(url.clone(), None, move |a| {
        let _ = tx.send(a);
    });
    std::thread::sleep(Duration::from_millis(800));
    // This workstation's own save is not reported back to it.
    b.store
        .vorlage_anlegen(&vorlage("Eigene"), zeit("2026-02-01"))
        .unwrap();
    assert_eq!(rx.recv_timeout(Duration::from_millis(1500)).ok(), None);
    // Another workstation (a CLI process) saves: heard.
    let json = b.ordner.path().join("v.json");
    std::fs::write(
        &json,
        r#"{"betreff": "Von nebenan", "art": "mitteilungsvorlage"}"#,
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args(["--db", &url, "vorlage", "import"])
        .arg(&json)
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).ok(),
        Some(Aenderung::Geaendert)
    );
    // The server drops the listener's connection: it says so, reconnects and asks for a
    // full refresh (what happened meanwhile was not replayed).
    let beendet: i64 = admin(&admin_url)
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'ratsbuero-lauscher' AND datname = $1",
            &[&datenbankname(&url)],
        )
        .unwrap()
        .get(0);
    assert_eq!(beendet, 1);
    let mut gesehen = Vec::new();
    while let Ok(a) = rx.recv_timeout(Duration::from_secs(8)) {
        let fertig = a == Aenderung::NeuVerbunden;
        gesehen.push(a);
        if fertig {
            break;
        }
    }
    assert_eq!(gesehen, [Aenderung::Getrennt, Aenderung::NeuVerbunden]);

    // Which Vorlage the editors have open: this workstation's own is not reported back,
    // another's is, with its name.
    b.store.bearbeitung_melden(Some(1), "selbst").unwrap();
    assert_eq!(rx.recv_timeout(Duration::from_millis(1500)).ok(), None);
    admin(&url)
        .batch_execute(
            r#"SELECT pg_notify('ratsbuero_offen', '{"kennung": "nebenan-1", "vorlage": 1, "wer": "Ayşe Yılmaz"}')"#,
        )
        .unwrap();
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).ok(),
        Some(Aenderung::Bearbeitung {
            kennung: "nebenan-1".into(),
            vorlage: Some(1),
            wer: "Ayşe Yılmaz".into()
        })
    );
    drop(lauscher);
}

/// *Jetzt sichern* and the daily backup work on a server as on the file: a checked SQLite
/// file in the backup folder, with every Anlage. The restore replaces the server's office
/// by the backup's in one transaction, keeps the office as it was as one more backup, and
/// another workstation sees the restored office; a damaged backup changes nothing.
#[test]
#[ignore = nur_mit_server!()]
fn a_servers_office_is_backed_up_checked_and_restored_with_its_anlagen() {
    use ratsbuero::domain::{AnlageNeu, Status};
    server();
    let mut b = buero();
    let g = b
        .store
        .vorlage_anlegen(&vorlage("Integrationskonzept"), zeit("2026-03-01"))
        .unwrap();
    let daten = "Konzept für Çağrı und Łukasz ".repeat(5000).into_bytes();
    b.store
        .anlage_hinzufuegen(
            g.id,
            g.version,
            AnlageNeu {
                name: "Konzept.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: daten.clone(),
            },
            zeit("2026-03-01"),
        )
        .unwrap();
    let ordner = b.ordner.path().join("sicherungen");
    let auto = ratsbuero::api::sicherung_automatisch(&b.store, &ordner, zeit("2026-03-02"))
        .unwrap()
        .expect("die erste Sicherung ist fällig");
    assert_eq!((auto.pruefung.vorlagen, auto.pruefung.anlagen), (1, 1));
    // The backup is an office file of its own: it opens and holds the Anlage's bytes.
    let als_datei = Store::oeffnen(&auto.datei, zeit("2026-03-02")).unwrap();
    let anlage = als_datei.vorlage(g.id).unwrap().anlagen[0].id;
    assert_eq!(als_datei.anlage_daten(anlage).unwrap().1, daten);
    drop(als_datei);
    let auto = ratsbuero::api::sicherung_pruefen(&auto.datei).unwrap();
    assert_eq!(auto.vorlagen, 1);

    // Work goes on after the backup: one more Vorlage, and the first one deleted.
    b.store
        .vorlage_anlegen(&vorlage("Interkulturelle Woche"), zeit("2026-03-03"))
        .unwrap();
    let jetzt = ratsbuero::api::sicherung_erstellen(
        &b.store,
        &ordner,
        Default::default(),
        zeit("2026-03-04"),
    )
    .unwrap();
    assert_eq!(jetzt.pruefung.vorlagen, 2);
    let sicherungen = ratsbuero::api::sicherungen(&ordner).unwrap();
    assert_eq!(sicherungen.len(), 2);

    // A damaged backup is refused and the server's office stays as it is.
    let kaputt = ordner.join("kaputt.sqlite");
    std::fs::write(&kaputt, b"keine Datenbank").unwrap();
    let anderer = b.noch_einmal();
    let e = ratsbuero::api::sicherung_wiederherstellen_server(
        &mut b.store,
        &ordner,
        &kaputt,
        zeit("2026-03-05"),
    )
    .unwrap_err();
    assert_eq!(e.code, "keine_datenbank", "{}", e.message);
    assert_eq!(
        betreffs(&anderer),
        ["Integrationskonzept", "Interkulturelle Woche"]
    );

    // The first backup back: one Vorlage with its Anlage; the state before is kept aside.
    let w = ratsbuero::api::sicherung_wiederherstellen_server(
        &mut b.store,
        &ordner,
        &sicherungen[1].datei,
        zeit("2026-03-05"),
    )
    .unwrap();
    assert_eq!(w.pruefung.vorlagen, 1);
    assert_eq!(betreffs(&anderer), ["Integrationskonzept"]);
    assert_eq!(anderer.anlage_daten(anlage).unwrap().1, daten);
    let beiseite = w.beiseite.unwrap();
    assert!(beiseite.starts_with(&ordner), "{}", beiseite.display());
    assert_eq!(
        ratsbuero::api::sicherung_pruefen(&beiseite)
            .unwrap()
            .vorlagen,
        2
    );
    // Not one of the rotation: a further backup of the day leaves it where it is.
    ratsbuero::api::sicherung_erstellen(&b.store, &ordner, Default::default(), zeit("2026-03-05"))
        .unwrap();
    assert!(beiseite.exists());
    assert!(!ratsbuero::api::sicherungen(&ordner)
        .unwrap()
        .iter()
        .any(|s| s.datei == beiseite));
    // The office goes on from there: new ids follow the restored ones.
    let neu = b
        .store
        .vorlage_anlegen(&vorlage("Nach der Wiederherstellung"), zeit("2026-03-06"))
        .unwrap();
    assert!(neu.id.0 > g.id.0);
}

#[test]
#[ignore = nur_mit_server!()]
fn a_role_that_needs_a_password_is_asked_for_one_and_a_wrong_one_is_named() {
    let admin_url = server();
    let b = buero();
    let rolle = format!("mit_kennwort_{}", std::process::id());
    let mut c = admin(&admin_url);
    c.batch_execute(&format!(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{rolle}') THEN CREATE ROLE {rolle} LOGIN PASSWORD 'Ölweg 7'; END IF; END $$;"
    ))
    .unwrap();
    let hba: String = c.query_one("SHOW hba_file", &[]).unwrap().get(0);
    let alt = std::fs::read_to_string(&hba).unwrap();
    if !alt.contains(&rolle) {
        std::fs::write(&hba, format!("local all {rolle} scram-sha-256\n{alt}")).unwrap();
        c.batch_execute("SELECT pg_reload_conf()").unwrap();
    }
    admin(&b.db_arg())
        .batch_execute(&format!(
            "GRANT ALL ON ALL TABLES IN SCHEMA public TO {rolle}; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {rolle}"
        ))
        .unwrap();
    let url = b
        .db_arg()
        .replacen("postgres://postgres@", &format!("postgres://{rolle}@"), 1);
    // No password anywhere (PGPASSFILE names no file; PGPASSWORD is not set in the tests).
    std::env::set_var("PGPASSFILE", b.ordner.path().join("keine"));
    let e = Store::oeffnen_server(&url, zeit("2026-01-05"))
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::ServerAnmeldung { .. }), "{e:?}");
    assert!(e.to_string().contains("kein Kennwort gefunden"), "{e}");
    let e = Store::oeffnen_server_mit(&url, Some("falsch"), zeit("2026-01-05"))
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::ServerAnmeldung { .. }), "{e:?}");
    assert!(!e.to_string().contains("falsch"), "{e}");
    Store::oeffnen_server_mit(&url, Some("Ölweg 7"), zeit("2026-01-05")).unwrap();
}

/// `key=value` of the URL's query.
fn abfragewert(url: &str, schluessel: &str) -> Option<String> {
    url.split_once('?')?.1.split('&').find_map(|t| {
        t.strip_prefix(schluessel)
            .and_then(|r| r.strip_prefix('='))
            .map(str::to_string)
    })
}

/// Over TCP the connection is encrypted as `sslmode` asks, with libpq's meaning:
/// `verify-full` checks the authority (`sslrootcert`) and the host name, `verify-ca` only
/// the authority, `require` neither. The test server's certificate (scripts/pg-server) is
/// for `localhost` only, signed by a throw-away authority beside its socket.
#[test]
#[ignore = nur_mit_server!()]
fn the_connection_is_encrypted_and_the_servers_certificate_checked_as_sslmode_asks() {
    server();
    let b = buero();
    let url = b.db_arg();
    let (ordner, port) = (
        abfragewert(&url, "host").unwrap(),
        abfragewert(&url, "port").expect("scripts/pg-server gibt den TCP-Port an"),
    );
    let name = datenbankname(&url);
    let wurzel = format!("{ordner}/root.crt");
    let tcp = |host: &str, rest: &str| format!("postgres://postgres@{host}:{port}/{name}?{rest}");

    let mut s = Store::oeffnen_server(
        &tcp(
            "localhost",
            &format!("sslmode=verify-full&sslrootcert={wurzel}"),
        ),
        zeit("2026-01-05"),
    )
    .unwrap();
    let id = s
        .vorlage_anlegen(&vorlage("Verschlüsselt gespeichert"), zeit("2026-01-06"))
        .unwrap()
        .id;
    let (verschluesselt, verbindungen): (bool, i64) = {
        let r = admin(&url)
            .query_one(
                "SELECT coalesce(bool_and(s.ssl), false), count(*) FROM pg_stat_ssl s
                 JOIN pg_stat_activity a USING (pid)
                 WHERE a.datname = $1 AND a.client_addr IS NOT NULL",
                &[&name],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert!(
        verbindungen >= 1 && verschluesselt,
        "{verbindungen} Verbindungen, alle mit TLS: {verschluesselt}"
    );
    assert_eq!(
        s.vorlage(id).unwrap().inhalt.betreff,
        "Verschlüsselt gespeichert"
    );
    drop(s);

    // The certificate is for localhost, not for 127.0.0.1: verify-full refuses, in German;
    // verify-ca (authority only) and require (no check) connect.
    let e = Store::oeffnen_server(
        &tcp(
            "127.0.0.1",
            &format!("sslmode=verify-full&sslrootcert={wurzel}"),
        ),
        zeit("2026-01-05"),
    )
    .err()
    .unwrap();
    assert!(
        matches!(e, StoreError::ServerVerschluesselung { .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("verschlüsselte Verbindung"), "{e}");
    for rest in [
        format!("sslmode=verify-ca&sslrootcert={wurzel}"),
        "sslmode=require".into(),
    ] {
        Store::oeffnen_server(&tcp("127.0.0.1", &rest), zeit("2026-01-05"))
            .unwrap_or_else(|e| panic!("{rest}: {e}"));
    }
    // Without sslrootcert the system's store decides, and it does not know the test's
    // authority.
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    if !home.is_some_and(|h| h.join(".postgresql/root.crt").exists()) {
        let e = Store::oeffnen_server(&tcp("localhost", "sslmode=verify-full"), zeit("2026-01-05"))
            .err()
            .unwrap();
        assert!(
            matches!(e, StoreError::ServerVerschluesselung { .. }),
            "{e:?}"
        );
    }
    // A root certificate file that is not there is named, and nothing is connected.
    let e = Store::oeffnen_server(
        &tcp(
            "localhost",
            "sslmode=verify-full&sslrootcert=/nirgends/stadt-ca.pem",
        ),
        zeit("2026-01-05"),
    )
    .err()
    .unwrap();
    assert!(e.to_string().contains("/nirgends/stadt-ca.pem"), "{e}");
}

/// Schema 10 on the server: the instants become `timestamptz`, read from the German time
/// of schema 9; the office sees the same times, and a save is an instant in UTC.
#[test]
#[ignore = nur_mit_server!()]
fn schema_10_turns_the_servers_instants_into_timestamptz_from_german_time() {
    let admin_url = server();
    let url = neue_server_datenbank(&admin_url);
    let mut c = admin(&url);
    c.batch_execute(
        "CREATE TABLE ratsbuero_schema (version BIGINT PRIMARY KEY, eingespielt TEXT NOT NULL)",
    )
    .unwrap();
    let mut dateien: Vec<_> = std::fs::read_dir("src/store/server_sql")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dateien.sort();
    for (i, d) in dateien.iter().take(9).enumerate() {
        c.batch_execute(&std::fs::read_to_string(d).unwrap())
            .unwrap();
        c.execute(
            "INSERT INTO ratsbuero_schema VALUES ($1, '2026-01-01T00:00:00')",
            &[&(i as i64 + 1)],
        )
        .unwrap();
    }
    c.batch_execute(
        "INSERT INTO vorlage (id, zustand, art, status, betreff, version, erstellt, geaendert, freigegeben_am, nummer)
           VALUES (1, 'freigegeben', 'anfrage', 'oeffentlich', 'Aus Schema 9', 1, '2026-01-15T10:00:00', '2026-07-01T18:30:00', '2026-07-01T18:30:00', '2026/0001')",
    )
    .unwrap();
    let mut s = Store::oeffnen_server(&url, zeit("2026-08-01")).unwrap();
    let utc = |c: &mut postgres::Client, spalte: &str, id: i64| -> String {
        c.query_one(
            &format!("SELECT to_char({spalte} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM vorlage WHERE id = $1"),
            &[&id],
        )
        .unwrap()
        .get(0)
    };
    let typ: String = c
        .query_one(
            "SELECT data_type::text FROM information_schema.columns WHERE table_name = 'vorlage' AND column_name = 'geaendert'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(typ, "timestamp with time zone");
    assert_eq!(utc(&mut c, "erstellt", 1), "2026-01-15T09:00:00");
    assert_eq!(utc(&mut c, "geaendert", 1), "2026-07-01T16:30:00");
    let t = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap();
    let akte = s.vorlage(ratsbuero::domain::VorlageId(1)).unwrap();
    assert_eq!(akte.erstellt, t("2026-01-15T10:00:00"));
    assert_eq!(akte.freigegeben_am, Some(t("2026-07-01T18:30:00")));
    c.batch_execute("SELECT setval(pg_get_serial_sequence('vorlage', 'id'), 1)")
        .unwrap();
    let neu = s
        .vorlage_anlegen(&vorlage("Nach Schema 10"), t("2026-12-04T21:15:00"))
        .unwrap();
    assert_eq!(utc(&mut c, "geaendert", neu.id.0), "2026-12-04T20:15:00");
    assert_eq!(
        s.vorlage(neu.id).unwrap().geaendert,
        t("2026-12-04T21:15:00")
    );
}
