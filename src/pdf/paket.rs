//! The session packet: finished PDFs (Einladung and Tagesordnung, each Vorlage, each
//! Anlage) merged into one file with lopdf, an outline (one entry per TOP, its Vorlage and
//! Anlagen nested), and continuous page numbers stamped on every page — also on the
//! Anlagen, which come from elsewhere — together with "nichtöffentlich" on every page of
//! the nichtöffentlicher Teil.
//!
//! The stamp is text in the embedded DejaVu font: a small PDF of stamp pages is made with
//! printpdf and each of its pages is placed on its packet page as a Form XObject, inside
//! `q … Q` so the page's own graphics state cannot disturb it.

use super::schrift::{metrik, Schnitt, Schriften};
use super::seiten::{farbe, Rand, Seiten, A4_BREITE, A4_HOEHE};
use super::PdfFehler;
use lopdf::{dictionary, Bookmark, Document, Object, ObjectId, Stream};
use printpdf::{PdfDocument, PdfSaveOptions};
use std::collections::BTreeMap;

/// Where a piece sits in the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ebene {
    /// Einladung and Tagesordnung: a top-level entry.
    Vorspann,
    /// A TOP: a top-level entry, the piece is its Vorlage.
    Top,
    /// An Anlage: nested under the last TOP.
    Anlage,
}

/// One finished PDF of the packet, opened once (its page count is needed before the
/// merge, for the Tagesordnung).
#[derive(Debug, Clone)]
pub struct Stueck {
    pub titel: String,
    pub ebene: Ebene,
    pub nichtoeffentlich: bool,
    /// What the user calls it in an error message ("Vorlage 2026/0004, Anlage „Plan.pdf“").
    pub quelle: String,
    dokument: Document,
    /// SHA-256 of its bytes (the packet's file identifier is made of them).
    fingerabdruck: [u8; 32],
}

impl Stueck {
    /// Opens `bytes` as a piece, refusing what cannot be merged ([`oeffnen`]).
    pub fn neu(
        titel: String,
        ebene: Ebene,
        bytes: &[u8],
        nichtoeffentlich: bool,
        quelle: String,
    ) -> Result<Stueck, PdfFehler> {
        let dokument = oeffnen(bytes, &quelle)?;
        Ok(Stueck {
            titel,
            ebene,
            nichtoeffentlich,
            quelle,
            dokument,
            fingerabdruck: <sha2::Sha256 as sha2::Digest>::digest(bytes).into(),
        })
    }

    /// Its number of pages.
    pub fn seiten(&self) -> usize {
        self.dokument.get_pages().len()
    }
}

/// Opens a PDF of the packet, refusing what cannot be merged (corrupt, encrypted).
pub fn oeffnen(bytes: &[u8], quelle: &str) -> Result<Document, PdfFehler> {
    let unlesbar = |grund: &str| PdfFehler::PaketStueck {
        quelle: quelle.to_string(),
        grund: grund.to_string(),
    };
    if !bytes.starts_with(b"%PDF") {
        return Err(unlesbar("ist keine PDF-Datei"));
    }
    let d = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::UnsupportedSecurityHandler(_) => unlesbar("ist verschlüsselt"),
        _ => unlesbar("ist beschädigt und nicht lesbar"),
    })?;
    if d.is_encrypted() || d.trailer.get(b"Encrypt").is_ok() {
        return Err(unlesbar("ist verschlüsselt"));
    }
    if d.get_pages().is_empty() {
        return Err(unlesbar("hat keine Seiten"));
    }
    Ok(d)
}

/// Number of pages of a PDF of the packet.
pub fn seitenzahl(bytes: &[u8], quelle: &str) -> Result<usize, PdfFehler> {
    Ok(oeffnen(bytes, quelle)?.get_pages().len())
}

/// The stamp pages: "<kennung> · Seite i von n" (and "nichtöffentlich"), top right.
fn stempel(kennung: &str, nichtoeffentlich: &[bool]) -> Result<Vec<u8>, PdfFehler> {
    let mut doc = PdfDocument::new("Stempel");
    let schriften = Schriften::einbetten(&mut doc)?;
    let mut s = Seiten::neu(&schriften, Rand::default());
    let n = nichtoeffentlich.len();
    for _ in 1..n {
        s.neue_seite();
    }
    let (seiten, _) = s.fertig(|s, nr, _| {
        let text = format!("{kennung} · Seite {nr} von {n}");
        let b = metrik(Schnitt::Fett).breite(&text, 8.0);
        let rechts = A4_BREITE - 30.0;
        s.text_abs(rechts - b, 17.0, &text, Schnitt::Fett, 8.0, None);
        if nichtoeffentlich[nr - 1] {
            let t = "nichtöffentlich";
            let b = metrik(Schnitt::Fett).breite(t, 8.0);
            s.text_abs(
                rechts - b,
                27.0,
                t,
                Schnitt::Fett,
                8.0,
                Some(farbe(138, 28, 28)),
            );
        }
    });
    doc.with_pages(seiten);
    let mut warnungen = Vec::new();
    Ok(doc.save(&PdfSaveOptions::default(), &mut warnungen))
}

const ERBBAR: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// Copies the attributes a page inherits from its page tree onto the page itself, since
/// the tree is replaced by the packet's.
fn erbe_einsetzen(d: &mut Document, seite: ObjectId) -> Result<(), PdfFehler> {
    let mut geerbt: Vec<(Vec<u8>, Object)> = Vec::new();
    {
        let dict = d.get_dictionary(seite)?;
        let mut fehlend: Vec<&[u8]> = ERBBAR.iter().copied().filter(|k| !dict.has(k)).collect();
        let mut eltern = dict.get(b"Parent").and_then(Object::as_reference).ok();
        while let (Some(p), false) = (eltern, fehlend.is_empty()) {
            let pd = d.get_dictionary(p)?;
            fehlend.retain(|k| match pd.get(k) {
                Ok(v) => {
                    geerbt.push((k.to_vec(), v.clone()));
                    false
                }
                Err(_) => true,
            });
            eltern = pd.get(b"Parent").and_then(Object::as_reference).ok();
        }
    }
    let dict = d.get_dictionary_mut(seite)?;
    for (k, v) in geerbt {
        dict.set(k, v);
    }
    if !dict.has(b"MediaBox") {
        dict.set(
            "MediaBox",
            vec![0.into(), 0.into(), A4_BREITE.into(), A4_HOEHE.into()],
        );
    }
    Ok(())
}

fn zahl(o: &Object) -> f32 {
    o.as_float()
        .or_else(|_| o.as_i64().map(|i| i as f32))
        .unwrap_or(0.0)
}

/// Merges the pieces into one packet with outline and stamped page numbers.
pub fn zusammenfuegen(
    stuecke: Vec<Stueck>,
    meta: &super::Metadaten,
    kennung: &str,
) -> Result<Vec<u8>, PdfFehler> {
    // PDF/A like its pieces, claimed only when every Anlage from elsewhere is PDF/A too;
    // PDF/UA only when every piece is tagged.
    let mut pdfa = true;
    let mut pdfua = true;
    // PDF/A-2a when every piece is tagged and every Anlage from elsewhere says A itself.
    let mut stufe_a = true;
    let mut fingerabdruck = <sha2::Sha256 as sha2::Digest>::new();
    let mut ziel = Document::with_version("1.7");
    let mut max_id = 1;
    let mut seiten: Vec<ObjectId> = Vec::new();
    let mut noe: Vec<bool> = Vec::new();
    let mut seitenobjekte: BTreeMap<ObjectId, Object> = BTreeMap::new();
    // The joined structure tree: each tagged piece a Part of one Document, their
    // ParentTree keys (and the pages' /StructParents) moved past the ones before.
    let mut teile: Vec<ObjectId> = Vec::new();
    let mut nums: Vec<Object> = Vec::new();
    let mut naechster_schluessel: i64 = 0;

    let mut aufnehmen =
        |mut d: Document, ziel: &mut Document| -> Result<Vec<ObjectId>, PdfFehler> {
            super::objekte::verschieben(&mut d, max_id);
            max_id = d.max_id + 1;
            let ids: Vec<ObjectId> = d.get_pages().into_values().collect();
            for &id in &ids {
                erbe_einsetzen(&mut d, id)?;
            }
            match struktur_des_stuecks(&d) {
                Some((oben, stueck_nums, weiter)) => {
                    let versatz = naechster_schluessel;
                    for paar in stueck_nums.chunks(2) {
                        if let [Object::Integer(k), wert] = paar {
                            nums.push(Object::Integer(k + versatz));
                            nums.push(wert.clone());
                        }
                    }
                    for &id in &ids {
                        let seite = d.get_dictionary_mut(id)?;
                        if let Ok(k) = seite.get(b"StructParents").and_then(Object::as_i64) {
                            seite.set("StructParents", k + versatz);
                        }
                    }
                    naechster_schluessel += weiter;
                    teile.extend(oben);
                }
                // An Anlage from elsewhere without a tree goes in as it is.
                None => {
                    for &id in &ids {
                        d.get_dictionary_mut(id)?.remove(b"StructParents");
                    }
                }
            }
            for (id, obj) in std::mem::take(&mut d.objects) {
                match obj.type_name().unwrap_or(b"") {
                    b"Catalog" | b"Pages" | b"Outlines" | b"Outline" => {}
                    b"Page" if ids.contains(&id) => {
                        seitenobjekte.insert(id, obj);
                    }
                    _ => {
                        ziel.objects.insert(id, obj);
                    }
                }
            }
            Ok(ids)
        };
    let mut gliederung = Vec::with_capacity(stuecke.len());
    for st in stuecke {
        let d = st.dokument;
        if st.ebene == Ebene::Anlage {
            let erklaert = super::pdfa::erklaert_pdfa(&d);
            pdfa &= erklaert.is_some();
            stufe_a &= erklaert == Some('A');
            pdfua &= d.catalog().is_ok_and(|k| k.has(b"StructTreeRoot"));
        }
        sha2::Digest::update(&mut fingerabdruck, st.fingerabdruck);
        let ids = aufnehmen(d, &mut ziel)?;
        gliederung.push((st.titel, st.ebene, ids[0]));
        noe.extend(std::iter::repeat_n(st.nichtoeffentlich, ids.len()));
        seiten.extend(ids);
    }
    let stempel_ids = aufnehmen(
        oeffnen(&stempel(kennung, &noe)?, "Seitenstempel")?,
        &mut ziel,
    )?;

    let pages_id = (max_id, 0);
    let katalog_id = (max_id + 1, 0);
    ziel.max_id = max_id + 1;
    for (k, &id) in seiten.iter().enumerate() {
        // The stamp page as a Form XObject.
        let stempel_seite = seitenobjekte
            .get(&stempel_ids[k])
            .and_then(|o| o.as_dict().ok())
            .cloned()
            .ok_or_else(|| PdfFehler::PaketStueck {
                quelle: "Seitenstempel".into(),
                grund: "fehlt".into(),
            })?;
        let inhalt = {
            let mut roh = Vec::new();
            let refs: Vec<ObjectId> = match stempel_seite.get(b"Contents") {
                Ok(Object::Reference(r)) => vec![*r],
                Ok(Object::Array(a)) => a.iter().filter_map(|o| o.as_reference().ok()).collect(),
                _ => Vec::new(),
            };
            for r in refs {
                if let Ok(Object::Stream(s)) = ziel.get_object(r) {
                    roh.extend(
                        s.decompressed_content()
                            .unwrap_or_else(|_| s.content.clone()),
                    );
                    roh.push(b'\n');
                }
            }
            roh
        };
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), A4_BREITE.into(), A4_HOEHE.into()],
                "Resources" => stempel_seite.get(b"Resources").cloned().unwrap_or(Object::Dictionary(lopdf::Dictionary::new())),
            },
            inhalt,
        );
        let form_id = ziel.add_object(form);

        let mut seite = seitenobjekte
            .remove(&id)
            .and_then(|o| o.as_dict().ok().cloned())
            .unwrap_or_default();
        let mb: Vec<f32> = seite
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .map(|a| a.iter().map(zahl).collect())
            .unwrap_or_else(|_| vec![0.0, 0.0, A4_BREITE, A4_HOEHE]);
        let (dx, dy) = (mb[2] - A4_BREITE, mb[3] - A4_HOEHE);
        let mut ressourcen = match seite.get(b"Resources") {
            Ok(Object::Reference(r)) => ziel.get_dictionary(*r).cloned().unwrap_or_default(),
            Ok(Object::Dictionary(d)) => d.clone(),
            _ => lopdf::Dictionary::new(),
        };
        let mut xobjekte = match ressourcen.get(b"XObject") {
            Ok(Object::Reference(r)) => ziel.get_dictionary(*r).cloned().unwrap_or_default(),
            Ok(Object::Dictionary(d)) => d.clone(),
            _ => lopdf::Dictionary::new(),
        };
        xobjekte.set("RatsbueroStempel", form_id);
        ressourcen.set("XObject", xobjekte);
        seite.set("Resources", ressourcen);
        let vorher = ziel.add_object(Stream::new(lopdf::Dictionary::new(), b"q\n".to_vec()));
        // The stamp is an artifact: a screen reader reads the page, not its number.
        let nachher = ziel.add_object(Stream::new(
            lopdf::Dictionary::new(),
            format!("Q\n/Artifact BMC q 1 0 0 1 {dx:.2} {dy:.2} cm /RatsbueroStempel Do Q EMC\n")
                .into_bytes(),
        ));
        let mut inhalte = vec![Object::Reference(vorher)];
        match seite.get(b"Contents") {
            Ok(Object::Reference(r)) => inhalte.push(Object::Reference(*r)),
            Ok(Object::Array(a)) => inhalte.extend(a.iter().cloned()),
            _ => {}
        }
        inhalte.push(Object::Reference(nachher));
        seite.set("Contents", inhalte);
        seite.set("Parent", pages_id);
        ziel.objects.insert(id, Object::Dictionary(seite));
    }
    ziel.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Count" => seiten.len() as i64,
            "Kids" => seiten.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>(),
        }),
    );
    ziel.objects.insert(
        katalog_id,
        Object::Dictionary(dictionary! {
            "Type" => "Catalog",
            "Pages" => pages_id,
            "PageMode" => "UseOutlines",
        }),
    );
    ziel.trailer.set("Root", katalog_id);
    if !teile.is_empty() {
        let dokument = ziel.new_object_id();
        let wurzel = ziel.add_object(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => dokument,
            "ParentTree" => dictionary! { "Nums" => nums },
            "ParentTreeNextKey" => naechster_schluessel,
        });
        for &t in &teile {
            let teil = ziel.get_dictionary_mut(t)?;
            teil.set("S", "Part");
            teil.set("P", dokument);
            teil.remove(b"Lang");
        }
        ziel.objects.insert(
            dokument,
            Object::Dictionary(dictionary! {
                "Type" => "StructElem",
                "S" => "Document",
                "P" => wurzel,
                "K" => teile.iter().map(|&t| Object::Reference(t)).collect::<Vec<_>>(),
            }),
        );
        let k = ziel.get_dictionary_mut(katalog_id)?;
        k.set("StructTreeRoot", wurzel);
        k.set("MarkInfo", dictionary! { "Marked" => true });
        k.set("Lang", Object::string_literal("de-DE"));
        k.set(
            "ViewerPreferences",
            dictionary! { "DisplayDocTitle" => true },
        );
    }
    let mut top: Option<u32> = None;
    for (titel, ebene, seite) in gliederung {
        let b = Bookmark::new(titel, [0.0, 0.0, 0.0], 0, seite);
        match ebene {
            Ebene::Vorspann => {
                ziel.add_bookmark(b, None);
                top = None;
            }
            Ebene::Top => top = Some(ziel.add_bookmark(b, None)),
            Ebene::Anlage => {
                ziel.add_bookmark(b, top);
            }
        }
    }
    if let Some(outline) = ziel.build_outline() {
        ziel.get_dictionary_mut(katalog_id)?
            .set("Outlines", outline);
    }
    let kennung_datei = sha2::Digest::finalize(fingerabdruck);
    super::pdfa::einsetzen(&mut ziel, meta, pdfa, pdfua, stufe_a, &kennung_datei[..16])?;
    super::objekte::unerreichbare_entfernen(&mut ziel);
    ziel.compress();
    // A classic cross-reference table: the pieces' own xref streams are not carried over,
    // and every reader (poppler, qpdf, Acrobat) reads the table without complaint.
    ziel.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let mut aus = Vec::new();
    ziel.save_to(&mut aus)?;
    Ok(aus)
}

/// A tagged piece's top elements, its ParentTree (`Nums`, keys from 0) and the key after
/// its last; `None` for an untagged one (or a tree this merge does not know how to join).
fn struktur_des_stuecks(d: &Document) -> Option<(Vec<ObjectId>, Vec<Object>, i64)> {
    let wurzel = d
        .catalog()
        .ok()?
        .get(b"StructTreeRoot")
        .ok()?
        .as_reference()
        .ok()?;
    let wurzel = d.get_dictionary(wurzel).ok()?;
    let baum = match wurzel.get(b"ParentTree").ok()? {
        Object::Reference(r) => d.get_dictionary(*r).ok()?,
        Object::Dictionary(b) => b,
        _ => return None,
    };
    let nums = baum.get(b"Nums").ok()?.as_array().ok()?.clone();
    let oben: Vec<ObjectId> = match wurzel.get(b"K").ok()? {
        Object::Reference(r) => vec![*r],
        Object::Array(a) => a.iter().filter_map(|o| o.as_reference().ok()).collect(),
        _ => return None,
    };
    let hoechster = nums
        .chunks(2)
        .filter_map(|p| p.first()?.as_i64().ok())
        .max()
        .unwrap_or(-1);
    let weiter = wurzel
        .get(b"ParentTreeNextKey")
        .and_then(Object::as_i64)
        .unwrap_or(0)
        .max(hoechster + 1);
    Some((oben, nums, weiter))
}
