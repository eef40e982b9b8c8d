//! Signed PDFs (PAdES baseline B) checked by poppler's `pdfsig` and by pyHanko (PyPI,
//! `tests/signatur/pyhanko_pruefen.py`): valid, trusted and covering the whole document; one changed byte makes it invalid; wrong password, expired certificate
//! and a file that is not PKCS#12 give their German error and no file. The test
//! certificates are made here with the `openssl` command.

use crate::gemeinsam::{buero, zeit};
use ratsbuero::api;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A self-signed RSA certificate valid for 30 days from today, as PKCS#12 (AES, OpenSSL 3
/// default) and, second, in the legacy 3DES/RC2 format older offices still have.
fn zertifikate(dir: &Path) -> (PathBuf, PathBuf) {
    let ok = |c: &mut Command| {
        let o = c.output().expect("openssl fehlt");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let k = dir.join("k.pem");
    let c = dir.join("c.pem");
    ok(Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "30",
            "-subj",
            "/CN=Rainer Weichelt/O=Stadt Herne",
        ])
        .arg("-keyout")
        .arg(&k)
        .arg("-out")
        .arg(&c));
    let modern = dir.join("modern.p12");
    ok(Command::new("openssl")
        .args(["pkcs12", "-export", "-passout", "pass:Geheim-2026"])
        .arg("-inkey")
        .arg(&k)
        .arg("-in")
        .arg(&c)
        .arg("-out")
        .arg(&modern));
    let alt = dir.join("alt.p12");
    ok(Command::new("openssl")
        .args([
            "pkcs12",
            "-export",
            "-legacy",
            "-passout",
            "pass:Geheim-2026",
        ])
        .arg("-inkey")
        .arg(&k)
        .arg("-in")
        .arg(&c)
        .arg("-out")
        .arg(&alt));
    (modern, alt)
}

fn pdfsig(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let datei = dir.path().join("s.pdf");
    std::fs::write(&datei, pdf).unwrap();
    let o = Command::new("pdfsig")
        .arg(&datei)
        .output()
        .expect("pdfsig fehlt (poppler-utils)");
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

/// pyHanko's verdict on the one signature of `pdf`, trusting the test certificate
/// `c.pem` in `dir`: (valid, trusted and over the entire file, its report).
fn pyhanko(pdf: &[u8], dir: &Path) -> (bool, String) {
    let datei = dir.join("pyhanko.pdf");
    std::fs::write(&datei, pdf).unwrap();
    let skript = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/signatur/pyhanko_pruefen.py");
    let o = Command::new("python3")
        .arg(skript)
        .arg(&datei)
        .arg(dir.join("c.pem"))
        .output()
        .expect("python3 fehlt");
    let bericht =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        !bericht.contains("ModuleNotFoundError"),
        "pyHanko fehlt (scripts/setup installiert es: pip install pyHanko): {bericht}"
    );
    (o.status.success(), bericht)
}

/// The office's clock (German time, whatever the machine's time zone).
fn heute() -> chrono::NaiveDateTime {
    api::jetzt()
}

/// PDF/A (rule 6.3.3-1) wants an appearance for every visible annotation: the signature
/// field has one, a stamp beside the signature block that names the signer, and it does
/// not cover the block's text. The signing time carries its offset from UTC.
fn sichtbar_und_mit_zeitzone(pdf: &[u8], dir: &Path) {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut felder = 0;
    for (_, seite) in doc.get_pages() {
        let annots = match doc.get_dictionary(seite).unwrap().get(b"Annots") {
            Ok(a) => a.as_array().unwrap().clone(),
            Err(_) => continue,
        };
        for a in annots {
            let w = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
            let rect: Vec<f32> = w
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_float().unwrap())
                .collect();
            assert!(rect[2] > rect[0] && rect[3] > rect[1], "{rect:?}");
            let n = w.get(b"AP").unwrap().as_dict().unwrap().get(b"N").unwrap();
            let stream = doc
                .get_object(n.as_reference().unwrap())
                .unwrap()
                .as_stream()
                .unwrap();
            assert_eq!(
                stream.dict.get(b"Subtype").unwrap().as_name().unwrap(),
                b"Form"
            );
            felder += 1;
            // The stamp's text, and that the block's own text is not under it.
            let datei = dir.join("sichtbar.pdf");
            std::fs::write(&datei, pdf).unwrap();
            let seite_nr = doc
                .get_pages()
                .into_iter()
                .find(|(_, id)| *id == seite)
                .unwrap()
                .0
                .to_string();
            let bereich = |x: f32, y: f32, b: f32, h: f32| {
                let o = Command::new("pdftotext")
                    .args(["-f", &seite_nr, "-l", &seite_nr, "-x"])
                    .arg(format!("{}", x as i32))
                    .arg("-y")
                    .arg(format!("{}", (841.89 - y - h) as i32))
                    .args([
                        "-W",
                        &format!("{}", b as i32),
                        "-H",
                        &format!("{}", h as i32),
                    ])
                    .arg(&datei)
                    .arg("-")
                    .output()
                    .unwrap();
                String::from_utf8_lossy(&o.stdout)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let im_stempel = bereich(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]);
            assert!(
                im_stempel.starts_with("Elektronisch signiert von Rainer Weichelt am "),
                "{im_stempel:?}"
            );
            assert!(im_stempel.ends_with("Uhr"), "{im_stempel:?}");
        }
    }
    assert_eq!(felder, 1);
    // The field is a Form element of the structure tree; the signed file stays tagged.
    let arten = crate::pdf::struktur_pruefen(pdf);
    assert!(arten.iter().any(|a| a == "Form"), "{arten:?}");
    crate::pdf::pdfua_ohne_befund(pdf);
    let m = String::from_utf8_lossy(pdf);
    let stelle = m
        .find("/M(D:")
        .or_else(|| m.find("/M (D:").map(|i| i + 1))
        .expect("/M")
        + 5;
    let datum = &m[stelle..stelle + 21];
    assert!(
        datum[14..].starts_with("+01'00'") || datum[14..].starts_with("+02'00'"),
        "{datum}"
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks with openssl, pdfsig and pyHanko (Linux programs)"
)]
fn signed_pdf_is_valid_and_covers_the_whole_document_and_one_byte_breaks_it() {
    let dir = tempfile::tempdir().unwrap();
    let (modern, alt) = zertifikate(dir.path());
    let mut b = buero();
    let g = b
        .store
        .vorlage_anlegen(
            &crate::gemeinsam::vorlage("Gesamtstädtisches Integrationskonzept"),
            zeit("2026-01-05"),
        )
        .unwrap();
    b.store
        .vorlage_freigeben(g.id, g.version, zeit("2026-01-05"))
        .unwrap();
    for p12 in [modern, alt] {
        let pdf = api::vorlage_pdf_signiert(
            &b.store,
            g.id.0,
            &std::fs::read(&p12).unwrap(),
            "Geheim-2026",
            heute(),
        )
        .unwrap();
        let bericht = pdfsig(&pdf);
        assert!(bericht.contains("Signature is Valid."), "{bericht}");
        assert!(bericht.contains("Total document signed"), "{bericht}");
        assert!(
            bericht.contains("ETSI.CAdES.detached") && bericht.contains("SHA-256"),
            "{bericht}"
        );
        assert!(bericht.contains("Rainer Weichelt"), "{bericht}");
        let (gueltig, bericht) = pyhanko(&pdf, dir.path());
        assert!(gueltig, "pyHanko: {bericht}");
        assert!(
            bericht.contains("+01:00") || bericht.contains("+02:00"),
            "Signaturzeit mit deutscher Zeitzone: {bericht}"
        );
        sichtbar_und_mit_zeitzone(&pdf, dir.path());
        let (ok, _) = (
            Command::new("qpdf")
                .arg("--check")
                .arg({
                    let f = dir.path().join("q.pdf");
                    std::fs::write(&f, &pdf).unwrap();
                    f
                })
                .status()
                .unwrap()
                .success(),
            (),
        );
        assert!(ok, "qpdf --check");

        // Change one byte inside the signed range (a digit of the page text stream).
        let mut verfaelscht = pdf.clone();
        let stelle = pdf.windows(8).position(|w| w == b"/Length ").unwrap() + 8;
        verfaelscht[stelle - 9] ^= 0x01;
        let bericht = pdfsig(&verfaelscht);
        assert!(
            !bericht.contains("Signature is Valid."),
            "verfälschte Datei gilt als gültig:\n{bericht}"
        );
        assert!(
            bericht.contains("Digest Mismatch") || bericht.contains("Invalid"),
            "{bericht}"
        );
        let (gueltig, bericht) = pyhanko(&verfaelscht, dir.path());
        assert!(
            !gueltig,
            "pyHanko hält die verfälschte Datei für gültig:\n{bericht}"
        );
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks with openssl, pdfsig and pyHanko (Linux programs)"
)]
fn wrong_password_expired_certificate_and_non_pkcs12_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (modern, _) = zertifikate(dir.path());
    let p12 = std::fs::read(&modern).unwrap();
    let mut b = buero();
    let g = b
        .store
        .vorlage_anlegen(&crate::gemeinsam::vorlage("Entsendung"), zeit("2026-01-05"))
        .unwrap();

    let e = api::vorlage_pdf_signiert(&b.store, g.id.0, &p12, "falsch", heute()).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("kennwort", "Zertifikat: Das Kennwort ist falsch.")
    );
    let in_zwei_jahren = heute() + chrono::Duration::days(730);
    let e = api::vorlage_pdf_signiert(&b.store, g.id.0, &p12, "Geheim-2026", in_zwei_jahren)
        .unwrap_err();
    assert_eq!(e.code, "zertifikat_ungueltig");
    assert!(
        e.message.starts_with("Zertifikat: Das Zertifikat ist am ")
            && e.message.ends_with(" abgelaufen."),
        "{}",
        e.message
    );
    let e = api::vorlage_pdf_signiert(
        &b.store,
        g.id.0,
        b"%PDF-1.7 kein Zertifikat",
        "Geheim-2026",
        heute(),
    )
    .unwrap_err();
    assert_eq!(e.code, "zertifikat");
    assert!(e.message.contains("kein PKCS#12-Zertifikat"));

    // Through the CLI: exit code 1, German message, and no file left behind.
    let ziel = dir.path().join("aus");
    std::fs::create_dir(&ziel).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args([
            "--db",
            &b.db_arg(),
            "vorlage",
            "pdf",
            &g.id.0.to_string(),
            "--out",
        ])
        .arg(ziel.join("v.pdf"))
        .arg("--zertifikat")
        .arg(&modern)
        .args(["--kennwort-env", "RB_TEST_KENNWORT"])
        .env("RB_TEST_KENNWORT", "falsch")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Das Kennwort ist falsch."));
    assert_eq!(std::fs::read_dir(&ziel).unwrap().count(), 0);
}

/// A session packet and a Niederschrift are signed like a Vorlage (`--zertifikat …
/// --kennwort-env …`): pdfsig accepts the signature over the whole file, the packet stays
/// PDF/A (the field has an appearance, empty as it has no area), a wrong password writes
/// nothing.
#[test]
#[cfg_attr(
    windows,
    ignore = "checks with openssl, pdfsig and pyHanko (Linux programs)"
)]
fn a_session_packet_and_a_niederschrift_are_signed_like_a_vorlage() {
    let dir = tempfile::tempdir().unwrap();
    let (modern, _) = zertifikate(dir.path());
    let db = dir.path().join("demo.sqlite");
    let cli = |args: &[&str], kennwort: &str| {
        Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("RATSBUERO_DB")
            .env("RB_KENNWORT", kennwort)
            .output()
            .unwrap()
    };
    let ok = |o: std::process::Output| {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    ok(cli(&["demo"], ""));
    ok(cli(
        &[
            "sitzung",
            "abschliessen",
            "1",
            "--ende",
            "19:30",
            "--schriftfuehrung",
            "Małgorzata Kowalczyk",
        ],
        "",
    ));
    let zert = modern.to_str().unwrap();
    for (art, datei, grund) in [
        ("paket", "paket.pdf", "Sitzungspaket der 1. Sitzung"),
        (
            "niederschrift",
            "niederschrift.pdf",
            "Niederschrift über die 1. Sitzung",
        ),
    ] {
        let aus = dir.path().join(datei);
        let mut args = vec!["sitzung", art, "1", "--out", aus.to_str().unwrap()];
        if art == "paket" {
            args.extend(["--variante", "mitglieder"]);
        }
        args.extend(["--zertifikat", zert, "--kennwort-env", "RB_KENNWORT"]);
        // A wrong password: refused, nothing written.
        let o = cli(&args, "falsch");
        assert_eq!(o.status.code(), Some(1));
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("Kennwort"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!aus.exists());
        ok(cli(&args, "Geheim-2026"));
        let pdf = std::fs::read(&aus).unwrap();
        let bericht = pdfsig(&pdf);
        assert!(bericht.contains("Signature is Valid."), "{art}: {bericht}");
        assert!(
            bericht.contains("Total document signed"),
            "{art}: {bericht}"
        );
        assert!(bericht.contains("Rainer Weichelt"), "{art}: {bericht}");
        let (gueltig, bericht) = pyhanko(&pdf, dir.path());
        assert!(gueltig, "{art}, pyHanko: {bericht}");
        let d = lopdf::Document::load_mem(&pdf).unwrap();
        let gruende: Vec<String> = d
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok()?.get(b"Reason").ok())
            .filter_map(|r| lopdf::decode_text_string(r).ok())
            .collect();
        assert!(
            gruende.iter().any(|r| r.starts_with(grund)),
            "{art}: Grund „{grund}“ fehlt: {gruende:?}"
        );
        crate::pdf::technisch_einwandfrei(&pdf);
        let widget = d
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .find(|d| d.get(b"FT").and_then(|f| f.as_name()).ok() == Some(b"Sig"))
            .expect("Signaturfeld");
        assert!(
            widget.get(b"AP").is_ok(),
            "{art}: Signaturfeld ohne Erscheinung"
        );
        // Signing it once more would break the first signature: refused.
        let store = ratsbuero::store::Store::oeffnen(&db, heute()).unwrap();
        let e = api::sitzung_pdf_signieren(
            &store,
            1,
            api::SitzungsDokument::Paket,
            &pdf,
            &std::fs::read(&modern).unwrap(),
            "Geheim-2026",
            heute(),
        )
        .unwrap_err();
        assert_eq!(e.code, "schon_signiert", "{}", e.message);
    }
}
