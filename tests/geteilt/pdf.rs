//! A large PDF for the tests and benchmarks of the e-mail (a session packet of many MB):
//! shared by `tests/integration/versand.rs` and `benches/versand.rs` (included with
//! `#[path]`).

/// A real PDF of about `bytes` bytes that no compression shrinks: one page with an
/// image of noise.
pub fn grosses_pdf(bytes: usize) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let rauschen: Vec<u8> = (0..bytes)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let breite = 500;
    let hoehe = bytes / (breite * 3);
    let mut d = Document::with_version("1.7");
    let bild = d.add_object(Stream::new(
        dictionary! {"Type" => "XObject", "Subtype" => "Image", "Width" => breite as i64, "Height" => hoehe as i64, "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8},
        rauschen[..breite * hoehe * 3].to_vec(),
    ));
    let inhalt = d.add_object(Stream::new(
        dictionary! {},
        b"q 500 0 0 700 50 50 cm /Im1 Do Q".to_vec(),
    ));
    let seiten = d.new_object_id();
    let seite = d.add_object(dictionary! {
        "Type" => "Page", "Parent" => seiten, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => inhalt, "Resources" => dictionary! {"XObject" => dictionary! {"Im1" => bild}},
    });
    d.objects.insert(
        seiten,
        Object::Dictionary(
            dictionary! {"Type" => "Pages", "Kids" => vec![seite.into()], "Count" => 1},
        ),
    );
    let katalog = d.add_object(dictionary! {"Type" => "Catalog", "Pages" => seiten});
    d.trailer.set("Root", katalog);
    let mut aus = Vec::new();
    d.save_to(&mut aus).unwrap();
    aus
}
