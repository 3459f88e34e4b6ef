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
