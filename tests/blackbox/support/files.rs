//! Files the tests upload: a PNG and a PDF whose content a sniffer
//! recognises, of any length.

/// A PNG signature and header followed by `len` bytes of noise.
pub fn png(len: usize) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0".to_vec();
    bytes.extend((0..len).map(|i| (i * 7919 % 251) as u8));
    bytes
}

/// A small PDF.
pub fn pdf(len: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    bytes.resize(len.max(bytes.len()), b' ');
    bytes
}

/// A real photo of `width` × `height` pixels (a gradient) as JPEG, which a
/// thumbnail can be made of.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let photo = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 90])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&photo)
        .expect("a JPEG");
    out
}
