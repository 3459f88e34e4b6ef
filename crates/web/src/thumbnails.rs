//! Thumbnails of the photos of a case (issue 15): made from the stored
//! file on first request, kept in memory up to a bound, keyed by the
//! content's hash. Who may read one is decided before this module is asked
//! (the attachment's own read rule); the cache is shared because the same
//! content makes the same thumbnail for everyone who may see it.
//!
//! A photo is untrusted input: its declared size is checked before any
//! pixel is decoded, decoding allocates at most [`MAX_DECODE_BYTES`], and
//! at most [`DECODERS`] photos are decoded at once, so a bad or huge file
//! costs one failed thumbnail, not the server.

use std::collections::{HashMap, VecDeque};
use std::io::Cursor;
use std::sync::{Arc, LazyLock, Mutex};

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use tokio::sync::Semaphore;

/// The longest side of a thumbnail, in pixels (twice the shown size, for
/// sharp high-density screens).
pub(crate) const SIDE: u32 = 320;

/// The widest or tallest photo decoded (a 200-megapixel phone's photo is
/// 16,320 pixels wide).
const MAX_SIDE: u32 = 16_384;

/// The most memory one decoding may take.
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// How many photos are decoded at the same time.
const DECODERS: usize = 2;

/// How many bytes of thumbnails the cache holds.
const CACHE_BYTES: usize = 32 * 1024 * 1024;

/// How many entries (thumbnails and known failures) the cache holds.
const CACHE_ENTRIES: usize = 4096;

/// The types a thumbnail is made of: those the enabled decoders read.
pub(crate) fn format_of(content_type: &str) -> Option<ImageFormat> {
    match content_type {
        "image/jpeg" => Some(ImageFormat::Jpeg),
        "image/png" => Some(ImageFormat::Png),
        "image/webp" => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// A JPEG thumbnail of the photo `bytes` of `format`, at most [`SIDE`]
/// pixels on its longest side, turned as the camera said; `None` when the
/// file cannot be read within the limits.
pub(crate) fn make(bytes: &[u8], format: ImageFormat) -> Option<Vec<u8>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder.orientation().ok();
    let mut photo = DynamicImage::from_decoder(decoder).ok()?;
    if let Some(orientation) = orientation {
        photo.apply_orientation(orientation);
    }
    let small = DynamicImage::ImageRgb8(photo.thumbnail(SIDE, SIDE).to_rgb8());
    let mut out = Vec::new();
    small
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, 80))
        .ok()?;
    Some(out)
}

/// What is known of the content with some hash: its thumbnail, or that it
/// has none.
type Known = Option<Arc<[u8]>>;

/// The thumbnails made, oldest first out when full.
#[derive(Default)]
struct Cache {
    known: HashMap<String, Known>,
    order: VecDeque<String>,
    bytes: usize,
}

impl Cache {
    fn put(&mut self, sha256: &str, thumb: Known) {
        if self.known.contains_key(sha256) {
            return;
        }
        self.bytes += thumb.as_ref().map_or(0, |t| t.len());
        self.known.insert(sha256.to_owned(), thumb);
        self.order.push_back(sha256.to_owned());
        while self.bytes > CACHE_BYTES || self.order.len() > CACHE_ENTRIES {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(Some(gone)) = self.known.remove(&oldest) {
                self.bytes -= gone.len();
            }
        }
    }
}

static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(Mutex::default);
static DECODING: Semaphore = Semaphore::const_new(DECODERS);

/// What is known of the content `sha256`, if it was tried.
pub(crate) fn known(sha256: &str) -> Option<Known> {
    let cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache.known.get(sha256).cloned()
}

/// Whether the content `sha256` was tried and gave no thumbnail: a page
/// then offers the plain download link only.
pub(crate) fn failed(sha256: &str) -> bool {
    matches!(known(sha256), Some(None))
}

/// The thumbnail of the content `sha256`, made with `read` (which reads
/// the stored file) unless known; `None` when it cannot be made.
pub(crate) async fn thumbnail<F, Fut>(sha256: &str, format: ImageFormat, read: F) -> Known
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<Vec<u8>>>,
{
    if let Some(known) = known(sha256) {
        return known;
    }
    let _turn = DECODING.acquire().await.ok()?;
    // Another request may have made it while this one waited.
    if let Some(known) = known(sha256) {
        return known;
    }
    let made = match read().await {
        Some(bytes) => tokio::task::spawn_blocking(move || make(&bytes, format))
            .await
            .ok()
            .flatten()
            .map(Arc::from),
        // The stored file could not be read now: nothing learnt.
        None => return None,
    };
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache.put(sha256, made.clone());
    made
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, RgbImage};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let photo = RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(
                photo.as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
        out
    }

    #[test]
    fn a_photo_shrinks_to_the_side_keeping_its_shape() {
        let thumb = make(&png(1000, 500), ImageFormat::Png).expect("a thumbnail");
        let read = image::load_from_memory_with_format(&thumb, ImageFormat::Jpeg).unwrap();
        assert_eq!((read.width(), read.height()), (SIDE, SIDE / 2));
    }

    #[test]
    fn noise_gives_no_thumbnail() {
        assert!(make(b"\x89PNG\r\n\x1a\nnot really", ImageFormat::Png).is_none());
        assert!(make(b"", ImageFormat::Jpeg).is_none());
    }

    #[test]
    fn a_photo_declaring_a_huge_size_is_not_decoded() {
        // A valid header for 100,000 × 100,000 pixels and no pixels.
        let mut bytes = png(1, 1);
        bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        assert!(make(&bytes, ImageFormat::Png).is_none());
    }

    #[test]
    fn the_cache_forgets_the_oldest_beyond_its_bound() {
        let mut cache = Cache::default();
        for i in 0..CACHE_ENTRIES + 10 {
            cache.put(&format!("{i:064x}"), None);
        }
        assert_eq!(cache.known.len(), CACHE_ENTRIES);
        assert!(!cache.known.contains_key(&format!("{:064x}", 0)));
        let big: Arc<[u8]> = vec![0u8; CACHE_BYTES / 2 + 1].into();
        cache.put("a", Some(big.clone()));
        cache.put("b", Some(big));
        assert!(cache.bytes <= CACHE_BYTES);
        assert!(cache.known.contains_key("b"));
    }
}
