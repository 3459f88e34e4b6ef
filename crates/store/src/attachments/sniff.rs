//! What a file is, judged from its content (SPEC §9: never from its name
//! or the type the client claims).

use super::blobs::Blob;
use crate::StoreError;

/// The MIME type sniffed from the content of `blob`, if any signature
/// matches. The head is enough for most formats; an old Office file
/// (a compound file whose directory can be anywhere) and a ZIP-based
/// document whose parts are not at the start need the whole content.
pub(crate) async fn sniff(blob: &Blob) -> Result<Option<String>, StoreError> {
    let from_head = mime(blob.head());
    let needs_all = matches!(
        from_head.as_deref(),
        None | Some("application/zip") | Some("application/x-ole-storage")
    ) && (blob.size as usize) > blob.head().len();
    if needs_all {
        return Ok(mime(&blob.read_all().await?).or(from_head));
    }
    Ok(from_head)
}

fn mime(bytes: &[u8]) -> Option<String> {
    infer::get(bytes).map(|kind| kind.mime_type().to_owned())
}
