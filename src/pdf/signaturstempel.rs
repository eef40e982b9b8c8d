//! The visible stamp of a cryptographic signature: a frame with "Elektronisch signiert",
//! the signer's name and the signing time, beside the signature block. It is the
//! signature field's appearance stream (`/AP /N`), which PDF/A requires of every visible
//! annotation (veraPDF rule 6.3.3-1; a field without one is not PDF/A-2b).
//!
//! The text is set by printpdf in the embedded DejaVu font on a page of its own; that
//! page's content and resources become a Form XObject of the field's size in the signed
//! document (as the packet's page stamps do, [`super::paket`]).

use super::schrift::{metrik, pruefen, Schnitt, Schriften};
use super::seiten::{farbe, Rand, Seiten, A4_HOEHE};
use super::PdfFehler;
use lopdf::{dictionary, Document, Object, ObjectId, Stream};
use printpdf::{PdfDocument, PdfSaveOptions};

/// The lines of the stamp: a heading, then the rest.
pub(super) fn zeilen(name: &str, am: &str) -> [String; 3] {
    [
        "Elektronisch signiert".into(),
        format!("von {name}"),
        format!("am {am}"),
    ]
}

/// Adds the stamp (`breite` × `hoehe` pt) to `doc`; the id of its Form XObject.
pub(super) fn erscheinung(
    doc: &mut Document,
    breite: f32,
    hoehe: f32,
    zeilen: &[String],
) -> Result<ObjectId, PdfFehler> {
    for z in zeilen {
        pruefen("Signatur", z)?;
    }
    let mut pdf = PdfDocument::new("Signatur");
    let schriften = Schriften::einbetten(&mut pdf)?;
    let s = Seiten::neu(&schriften, Rand::default());
    let blau = farbe(22, 62, 120);
    let (seiten, _) = s.fertig(|s, _, _| {
        // The frame, half a line inside the box so that it is not clipped.
        let (r, u) = (breite - 0.5, hoehe - 0.5);
        for (x1, y1, x2, y2) in [
            (0.5, 0.5, r, 0.5),
            (r, 0.5, r, u),
            (r, u, 0.5, u),
            (0.5, u, 0.5, 0.5),
        ] {
            s.strecke(x1, y1, x2, y2, 0.8);
        }
        let mut y = 6.0;
        for (i, z) in zeilen.iter().enumerate() {
            let schnitt = if i == 0 {
                Schnitt::Fett
            } else {
                Schnitt::Normal
            };
            // A long name is set smaller rather than cut.
            let passend = (breite - 12.0) / metrik(schnitt).breite(z, 1.0).max(0.01);
            let groesse = passend.min(8.5);
            y += groesse + 4.0;
            s.text_abs(6.0, y, z, schnitt, groesse, Some(blau.clone()));
        }
    });
    pdf.with_pages(seiten);
    let mut warnungen = Vec::new();
    let bytes = pdf.save(&PdfSaveOptions::default(), &mut warnungen);

    let mut stempel = Document::load_mem(&bytes)?;
    stempel.renumber_objects_with(doc.max_id + 1);
    doc.max_id = stempel.max_id;
    let seite_id = *stempel
        .get_pages()
        .get(&1)
        .ok_or_else(|| PdfFehler::Signatur("Stempelseite fehlt".into()))?;
    let seite = stempel.get_dictionary(seite_id)?.clone();
    let mut inhalt = Vec::new();
    let refs: Vec<ObjectId> = match seite.get(b"Contents") {
        Ok(Object::Reference(r)) => vec![*r],
        Ok(Object::Array(a)) => a.iter().filter_map(|o| o.as_reference().ok()).collect(),
        _ => Vec::new(),
    };
    for &r in &refs {
        if let Ok(Object::Stream(st)) = stempel.get_object(r) {
            inhalt.extend(
                st.decompressed_content()
                    .unwrap_or_else(|_| st.content.clone()),
            );
            inhalt.push(b'\n');
        }
    }
    let ressourcen = seite
        .get(b"Resources")
        .cloned()
        .unwrap_or(Object::Dictionary(lopdf::Dictionary::new()));
    let info = stempel
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok();
    for (id, obj) in std::mem::take(&mut stempel.objects) {
        let geruest = matches!(
            obj.type_name().unwrap_or(b""),
            b"Catalog" | b"Pages" | b"Page" | b"Metadata"
        );
        if !geruest && Some(id) != info && !refs.contains(&id) {
            doc.objects.insert(id, obj);
        }
    }
    let mut form = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            // The page's top-left corner, where the stamp was set.
            "BBox" => vec![0.into(), (A4_HOEHE - hoehe).into(), breite.into(), A4_HOEHE.into()],
            "Resources" => ressourcen,
        },
        inhalt,
    );
    let _ = form.compress();
    Ok(doc.add_object(form))
}

/// The empty appearance of a field without area.
pub(super) fn leer(doc: &mut Document) -> ObjectId {
    doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 0.into(), 0.into()],
        },
        Vec::new(),
    ))
}
