//! Cryptographic signature of a finished PDF (PAdES baseline B): a CMS/PKCS#7 detached
//! SignedData over the whole file except the signature value (SHA-256, RSA PKCS#1 v1.5),
//! with the signer's certificate chain and the ESS signing-certificate-v2 attribute, in a
//! signature field on the page of the signature block.
//!
//! The certificate comes from a PKCS#12 file (p12-keystore decodes PBES2/AES as well as
//! the legacy 3DES/RC2 files); CMS and X.509 are RustCrypto's `cms` and `x509-cert`. No
//! ASN.1 is written by hand: the one extra attribute is a `der`-derived structure.

use super::PdfFehler;
use chrono::{NaiveDateTime, TimeZone, Utc};
use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode};
use lopdf::{dictionary, Document, Object, StringFormat};
use rsa::pkcs8::DecodePrivateKey;
use sha2::{Digest, Sha256};
use x509_cert::attr::Attribute;
use x509_cert::spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;

/// Room reserved for the CMS value in the file (bytes; written as twice as many hex digits).
const KAPAZITAET: usize = 16 * 1024;
/// A number as wide as any offset the ByteRange will hold, so the file keeps its length.
const PLATZHALTER: i64 = 9_999_999_999;

/// A signing certificate with its private key, loaded and checked.
pub struct Zertifikat {
    schluessel: rsa::RsaPrivateKey,
    kette: Vec<Certificate>,
    /// The signer's common name (or the whole subject), for the signature dictionary.
    pub name: String,
}

/// Where the signature field sits: page (1-based) and rectangle in PDF points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Feld {
    pub seite: u32,
    pub rechteck: [f32; 4],
}

impl Feld {
    /// A field without area on the first page: the signature is in the file and every
    /// reader lists it, but nothing is drawn (a packet or a Niederschrift has no block
    /// the stamp belongs beside).
    pub fn unsichtbar() -> Feld {
        Feld {
            seite: 1,
            rechteck: [0.0; 4],
        }
    }
}

/// The instant of the office's local time `t`.
fn zeit_utc(t: NaiveDateTime) -> chrono::DateTime<Utc> {
    crate::domain::zeitzone::mit_offset(t).with_timezone(&Utc)
}

/// A PDF date with its offset from UTC (`D:20261204203000+01'00'`).
pub(super) fn pdf_datum(t: NaiveDateTime) -> String {
    let mit = crate::domain::zeitzone::mit_offset(t);
    let versatz = mit.format("%:z").to_string().replace(':', "'");
    format!("{}{versatz}'", mit.format("D:%Y%m%d%H%M%S"))
}

/// Opens a PKCS#12 file. A wrong password, a file that is not PKCS#12, a key that is not
/// RSA, and a certificate not valid at `jetzt` are refused with their own message.
pub fn zertifikat_laden(
    daten: &[u8],
    kennwort: &str,
    jetzt: NaiveDateTime,
) -> Result<Zertifikat, PdfFehler> {
    let speicher = p12_keystore::KeyStore::from_pkcs12(
        daten,
        kennwort,
        p12_keystore::Pkcs12ImportPolicy::Strict,
    )
    .map_err(|e| match e {
        p12_keystore::error::Error::MacError(_) | p12_keystore::error::Error::UnpadError => {
            PdfFehler::FalschesKennwort
        }
        _ if daten.first() == Some(&0x30) && !kennwort.is_empty() => PdfFehler::FalschesKennwort,
        _ => PdfFehler::KeinPkcs12,
    })?;
    let (_, kette) = speicher
        .private_key_chain()
        .ok_or(PdfFehler::KeinSchluessel)?;
    let schluessel = rsa::RsaPrivateKey::from_pkcs8_der(kette.key().as_der())
        .map_err(|_| PdfFehler::Schluesselart)?;
    let zertifikate: Vec<Certificate> = kette
        .certs()
        .iter()
        .map(|c| Certificate::from_der(c.as_der()))
        .collect::<Result<_, _>>()
        .map_err(|_| PdfFehler::KeinPkcs12)?;
    let eigenes = zertifikate.first().ok_or(PdfFehler::KeinSchluessel)?;
    let gueltigkeit = &eigenes.tbs_certificate.validity;
    let ab = gueltigkeit.not_before.to_unix_duration().as_secs() as i64;
    let bis = gueltigkeit.not_after.to_unix_duration().as_secs() as i64;
    let jetzt_s = zeit_utc(jetzt).timestamp();
    let datum = |s: i64| {
        Utc.timestamp_opt(s, 0)
            .single()
            .map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default()
    };
    if jetzt_s > bis {
        return Err(PdfFehler::Abgelaufen(datum(bis)));
    }
    if jetzt_s < ab {
        return Err(PdfFehler::NochNichtGueltig(datum(ab)));
    }
    let subjekt = eigenes.tbs_certificate.subject.to_string();
    let name = subjekt
        .split(',')
        .find_map(|t| t.trim().strip_prefix("CN="))
        .map(str::to_string)
        .unwrap_or(subjekt);
    Ok(Zertifikat {
        schluessel,
        kette: zertifikate,
        name,
    })
}

/// ESSCertIDv2 with the default hash algorithm (SHA-256): only the certificate's hash.
#[derive(der::Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
}

/// SigningCertificateV2 (RFC 5035), required by CAdES/PAdES baseline B.
#[derive(der::Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

fn pdf_text(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn fehler(e: impl std::fmt::Display) -> PdfFehler {
    PdfFehler::Signatur(e.to_string())
}

fn cms(z: &Zertifikat, digest: &[u8]) -> Result<Vec<u8>, PdfFehler> {
    let eigenes = &z.kette[0];
    let inhalt = EncapsulatedContentInfo {
        econtent_type: const_oid::db::rfc5911::ID_DATA,
        econtent: None,
    };
    let sha256 = AlgorithmIdentifierOwned {
        oid: const_oid::db::rfc5912::ID_SHA_256,
        parameters: None,
    };
    let signer = rsa::pkcs1v15::SigningKey::<Sha256>::new(z.schluessel.clone());
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: eigenes.tbs_certificate.issuer.clone(),
        serial_number: eigenes.tbs_certificate.serial_number.clone(),
    });
    let mut info = SignerInfoBuilder::new(&signer, sid, sha256.clone(), &inhalt, Some(digest))
        .map_err(fehler)?;
    let zert_hash = Sha256::digest(eigenes.to_der().map_err(fehler)?);
    let esscert = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(zert_hash.to_vec()).map_err(fehler)?,
        }],
    };
    let mut werte = SetOfVec::new();
    werte
        .insert(Any::encode_from(&esscert).map_err(fehler)?)
        .map_err(fehler)?;
    info.add_signed_attribute(Attribute {
        oid: const_oid::db::rfc5911::ID_AA_SIGNING_CERTIFICATE_V_2,
        values: werte,
    })
    .map_err(fehler)?;
    let mut builder = SignedDataBuilder::new(&inhalt);
    builder.add_digest_algorithm(sha256).map_err(fehler)?;
    for c in &z.kette {
        builder
            .add_certificate(CertificateChoices::Certificate(c.clone()))
            .map_err(fehler)?;
    }
    builder
        .add_signer_info::<_, rsa::pkcs1v15::Signature>(info)
        .map_err(fehler)?;
    builder.build().map_err(fehler)?.to_der().map_err(fehler)
}

fn finden(heuhaufen: &[u8], nadel: &[u8]) -> Option<usize> {
    heuhaufen.windows(nadel.len()).position(|w| w == nadel)
}

/// In a tagged document the signature field is a `Form` element of the structure tree (an
/// object reference to the widget, found back through the ParentTree), as PDF/UA asks of
/// every annotation. An untagged document is left as it is.
fn struktur_anhaengen(
    doc: &mut Document,
    widget: lopdf::ObjectId,
    seite: lopdf::ObjectId,
    name: &str,
) -> Result<(), PdfFehler> {
    let Ok(wurzel_id) = doc
        .catalog()?
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
    else {
        return Ok(());
    };
    let wurzel = doc.get_dictionary(wurzel_id)?.clone();
    let Ok(dokument) = wurzel.get(b"K").and_then(Object::as_reference) else {
        return Ok(());
    };
    let schluessel = wurzel
        .get(b"ParentTreeNextKey")
        .and_then(Object::as_i64)
        .unwrap_or(0);
    let form = doc.add_object(dictionary! {
        "Type" => "StructElem",
        "S" => "Form",
        "P" => dokument,
        "Alt" => pdf_text(&format!("Elektronische Signatur von {name}")),
        "K" => dictionary! { "Type" => "OBJR", "Obj" => widget, "Pg" => seite },
    });
    if let Ok(Object::Array(k)) = doc.get_dictionary_mut(dokument)?.get_mut(b"K") {
        k.push(Object::Reference(form));
    }
    doc.get_dictionary_mut(widget)?
        .set("StructParent", schluessel);
    let baum = doc.get_dictionary_mut(wurzel_id)?;
    if let Ok(Object::Dictionary(pt)) = baum.get_mut(b"ParentTree") {
        if let Ok(Object::Array(nums)) = pt.get_mut(b"Nums") {
            nums.push(Object::Integer(schluessel));
            nums.push(Object::Reference(form));
        }
    }
    baum.set("ParentTreeNextKey", schluessel + 1);
    Ok(())
}

/// Whether `pdf` holds a signature field already.
pub fn ist_signiert(pdf: &[u8]) -> bool {
    Document::load_mem(pdf).is_ok_and(|d| {
        d.objects.values().any(|o| {
            o.as_dict()
                .is_ok_and(|d| d.get(b"FT").and_then(Object::as_name).ok() == Some(b"Sig"))
        })
    })
}

/// Signs `pdf` with `z`; the signature field is placed at `feld`. `jetzt` is the claimed
/// signing time (/M).
pub fn signieren(
    pdf: &[u8],
    z: &Zertifikat,
    feld: Feld,
    grund: &str,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, PdfFehler> {
    let mut doc = Document::load_mem(pdf)?;
    let seite_id = *doc
        .get_pages()
        .get(&feld.seite)
        .ok_or_else(|| PdfFehler::Signatur(format!("Seite {} fehlt", feld.seite)))?;
    let signatur_id = doc.add_object(dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "ETSI.CAdES.detached",
        "ByteRange" => vec![Object::Integer(0), Object::Integer(PLATZHALTER), Object::Integer(PLATZHALTER), Object::Integer(PLATZHALTER)],
        "Contents" => Object::String(vec![0u8; KAPAZITAET], StringFormat::Hexadecimal),
        "M" => Object::string_literal(pdf_datum(jetzt)),
        "Name" => pdf_text(&z.name),
        "Reason" => pdf_text(grund),
    });
    let [x1, y1, x2, y2] = feld.rechteck;
    let am = jetzt.format("%d.%m.%Y, %H:%M Uhr").to_string();
    let erscheinung = if x2 > x1 && y2 > y1 {
        super::signaturstempel::erscheinung(
            &mut doc,
            x2 - x1,
            y2 - y1,
            &super::signaturstempel::zeilen(&z.name, &am),
        )?
    } else {
        // An appearance all the same (an empty one), as PDF/A asks of every widget.
        super::signaturstempel::leer(&mut doc)
    };
    let widget_id = doc.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => Object::string_literal("Unterschrift"),
        "V" => signatur_id,
        "Rect" => vec![Object::Real(x1), Object::Real(y1), Object::Real(x2), Object::Real(y2)],
        "P" => seite_id,
        "F" => 132,
        "AP" => dictionary! { "N" => erscheinung },
        // What a screen reader says for the field (PDF/UA asks it of every form field).
        "TU" => pdf_text(&format!("Elektronische Signatur von {}", z.name)),
    });
    struktur_anhaengen(&mut doc, widget_id, seite_id, &z.name)?;
    {
        let seite = doc.get_dictionary_mut(seite_id)?;
        match seite.get_mut(b"Annots") {
            Ok(Object::Array(a)) => a.push(Object::Reference(widget_id)),
            _ => seite.set("Annots", vec![Object::Reference(widget_id)]),
        }
    }
    doc.catalog_mut()?.set(
        "AcroForm",
        dictionary! { "Fields" => vec![Object::Reference(widget_id)], "SigFlags" => 3 },
    );
    let mut datei = Vec::with_capacity(pdf.len() + 2 * KAPAZITAET + 2048);
    doc.save_to(&mut datei)?;

    // Locate the placeholders in the serialised file.
    let mut leer = Vec::with_capacity(2 * KAPAZITAET + 2);
    leer.push(b'<');
    leer.extend(std::iter::repeat_n(b'0', 2 * KAPAZITAET));
    leer.push(b'>');
    let anfang = finden(&datei, &leer)
        .ok_or_else(|| PdfFehler::Signatur("Platz für die Signatur nicht gefunden".into()))?;
    let ende = anfang + leer.len();
    let muster = format!("{PLATZHALTER} {PLATZHALTER} {PLATZHALTER}]");
    let br = finden(&datei, muster.as_bytes())
        .ok_or_else(|| PdfFehler::Signatur("ByteRange nicht gefunden".into()))?;
    let br_anfang = datei[..br]
        .iter()
        .rposition(|b| *b == b'[')
        .ok_or_else(|| PdfFehler::Signatur("ByteRange".into()))?;
    let br_ende = br + muster.len();
    let werte = format!("[0 {anfang} {ende} {}]", datei.len() - ende);
    let breite = br_ende - br_anfang;
    if werte.len() > breite {
        return Err(PdfFehler::Signatur("ByteRange passt nicht".into()));
    }
    datei[br_anfang..br_ende].copy_from_slice(format!("{werte:<breite$}").as_bytes());

    let mut h = Sha256::new();
    h.update(&datei[..anfang]);
    h.update(&datei[ende..]);
    let wert = cms(z, &h.finalize())?;
    if wert.len() > KAPAZITAET {
        return Err(PdfFehler::Signatur(format!(
            "Signatur ({} Bytes) größer als der reservierte Platz",
            wert.len()
        )));
    }
    let mut hex = String::with_capacity(wert.len() * 2);
    for b in &wert {
        hex.push_str(&format!("{b:02X}"));
    }
    datei[anfang + 1..anfang + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(datei)
}
