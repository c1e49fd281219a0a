//! Uploaded images (server only). An upload is trusted for nothing: its type
//! is read from its content, it is decoded within limits, scaled down and
//! encoded afresh. What is stored is therefore always a small, clean PNG or
//! JPEG, without the camera's metadata (such as where a photo was taken).

pub mod store;

use image::{imageops::FilterType, DynamicImage, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Largest upload accepted, in bytes.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Largest width or height accepted before scaling, in pixels.
const MAX_SOURCE_SIDE: u32 = 8000;
/// Most pixels a source may have: 24 megapixels, more than a phone's photo.
/// What we keep is at most 480 pixels wide, and decoding costs four bytes per
/// pixel: a small file can declare 8000 × 8000 (256 MB to decode).
pub const MAX_SOURCE_PIXELS: u64 = 24_000_000;
/// Memory one decode may take (24 megapixels at four bytes, plus room).
const MAX_DECODE_BYTES: u64 = 128 * 1024 * 1024;
/// Decodes at once on this server; more uploads wait their turn.
const DECODES_AT_ONCE: usize = 2;
/// How long an upload waits for its turn before it is told to try again.
const DECODE_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// An image ready to store and serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredImage {
    /// `image/png` or `image/jpeg`.
    pub content_type: &'static str,
    /// The encoded bytes.
    pub bytes: Vec<u8>,
    /// Width after scaling.
    pub width: u32,
    /// Height after scaling.
    pub height: u32,
}

/// Why an upload was refused; each is also an error code (`error-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageProblem {
    /// Nothing was sent.
    Empty,
    /// Over [`MAX_UPLOAD_BYTES`].
    TooLarge,
    /// Not a PNG, JPEG or WebP by its content.
    WrongType,
    /// Claims to be an image but cannot be read.
    Unreadable,
    /// More than [`MAX_SOURCE_PIXELS`].
    TooManyPixels,
}

impl ImageProblem {
    /// The error code.
    pub fn code(self) -> &'static str {
        match self {
            ImageProblem::Empty => "image_empty",
            ImageProblem::TooLarge => "image_too_large",
            ImageProblem::WrongType => "image_wrong_type",
            ImageProblem::Unreadable => "image_unreadable",
            ImageProblem::TooManyPixels => "image_too_many_pixels",
        }
    }
}

/// Checks, decodes and scales an upload so it fits in `max_side` pixels.
/// CPU-heavy: call it from a blocking task.
pub fn normalise(upload: &[u8], max_side: u32) -> Result<StoredImage, ImageProblem> {
    if upload.is_empty() {
        return Err(ImageProblem::Empty);
    }
    if upload.len() > MAX_UPLOAD_BYTES {
        return Err(ImageProblem::TooLarge);
    }
    let format = image::guess_format(upload).map_err(|_| ImageProblem::WrongType)?;
    if !matches!(
        format,
        ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP
    ) {
        return Err(ImageProblem::WrongType);
    }
    // The header says how large the image is: refuse before decoding.
    let (width, height) = ImageReader::with_format(Cursor::new(upload), format)
        .into_dimensions()
        .map_err(|_| ImageProblem::Unreadable)?;
    if u64::from(width) * u64::from(height) > MAX_SOURCE_PIXELS {
        return Err(ImageProblem::TooManyPixels);
    }
    let mut reader = ImageReader::with_format(Cursor::new(upload), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let decoded = reader.decode().map_err(|_| ImageProblem::Unreadable)?;
    let scaled = if decoded.width() > max_side || decoded.height() > max_side {
        decoded.resize(max_side, max_side, FilterType::Lanczos3)
    } else {
        decoded
    };
    encode(scaled)
}

/// [`normalise`] on a blocking thread, at most [`DECODES_AT_ONCE`] at a time
/// on this server: a burst of uploads waits instead of taking all memory.
/// One that waits too long gets a 503 that says to try again.
pub async fn normalise_in_turn(
    upload: Vec<u8>,
    max_side: u32,
) -> Result<Result<StoredImage, ImageProblem>, crate::error::AppError> {
    use crate::error::AppError;
    static TURNS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(DECODES_AT_ONCE);
    let permit = tokio::time::timeout(DECODE_WAIT, TURNS.acquire())
        .await
        .map_err(|_| AppError::Unavailable(crate::i18n::t("error-images-busy")))?
        .map_err(AppError::internal)?;
    let result = tokio::task::spawn_blocking(move || normalise(&upload, max_side))
        .await
        .map_err(AppError::internal);
    drop(permit);
    result
}

/// PNG keeps transparency (logos); everything else becomes a JPEG (photos).
fn encode(image: DynamicImage) -> Result<StoredImage, ImageProblem> {
    let (width, height) = (image.width(), image.height());
    let mut bytes = Vec::new();
    let content_type = if image.color().has_alpha() {
        image
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .map_err(|_| ImageProblem::Unreadable)?;
        "image/png"
    } else {
        let rgb = DynamicImage::ImageRgb8(image.to_rgb8());
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 85);
        rgb.write_with_encoder(encoder)
            .map_err(|_| ImageProblem::Unreadable)?;
        "image/jpeg"
    };
    Ok(StoredImage {
        content_type,
        bytes,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn png(width: u32, height: u32, alpha: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let image = if alpha {
            DynamicImage::ImageRgba8(RgbaImage::from_pixel(
                width,
                height,
                Rgba([20, 90, 80, 128]),
            ))
        } else {
            DynamicImage::ImageRgb8(RgbImage::from_pixel(width, height, Rgb([20, 90, 80])))
        };
        image
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap_or_else(|e| panic!("{e}"));
        out
    }

    #[test]
    fn photos_are_scaled_and_become_jpeg() {
        let stored = normalise(&png(1200, 600, false), 480).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((stored.width, stored.height), (480, 240));
        assert_eq!(stored.content_type, "image/jpeg");
        assert_eq!(
            image::guess_format(&stored.bytes).ok(),
            Some(ImageFormat::Jpeg)
        );
    }

    #[test]
    fn logos_keep_transparency_and_small_ones_their_size() {
        let stored = normalise(&png(64, 32, true), 480).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((stored.width, stored.height), (64, 32));
        assert_eq!(stored.content_type, "image/png");
    }

    #[test]
    fn the_content_decides_not_the_name() {
        assert_eq!(normalise(b"", 480), Err(ImageProblem::Empty));
        assert_eq!(
            normalise(b"<svg onload=alert(1)>", 480),
            Err(ImageProblem::WrongType)
        );
        assert_eq!(
            normalise(b"GIF89a\x01\x00\x01\x00", 480),
            Err(ImageProblem::WrongType)
        );
        let mut broken = png(10, 10, false);
        broken.truncate(40);
        assert_eq!(normalise(&broken, 480), Err(ImageProblem::Unreadable));
        let huge = vec![0u8; MAX_UPLOAD_BYTES + 1];
        assert_eq!(normalise(&huge, 480), Err(ImageProblem::TooLarge));
    }

    /// A 1 × 1 PNG whose header claims `width` × `height`, with a valid
    /// checksum: what an attacker sends.
    fn png_claiming(width: u32, height: u32) -> Vec<u8> {
        let mut crafted = png(1, 1, false);
        // IHDR: length at 8, type at 12, width and height at 16..24, CRC at 29.
        crafted[16..20].copy_from_slice(&width.to_be_bytes());
        crafted[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32(&crafted[12..29]);
        crafted[29..33].copy_from_slice(&crc.to_be_bytes());
        crafted
    }

    /// CRC-32 as PNG uses it (bit by bit; a test needs no table).
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// A small file that declares 8000 × 8000 pixels is refused from its
    /// header, before anything is decoded.
    #[test]
    fn a_header_declaring_too_many_pixels_is_refused_unread() {
        assert_eq!(
            crc32(&png(1, 1, false)[12..29]).to_be_bytes(),
            png(1, 1, false)[29..33]
        );
        assert_eq!(
            normalise(&png_claiming(8000, 8000), 480),
            Err(ImageProblem::TooManyPixels)
        );
        // 24 megapixels is the line: 6000 × 4000 passes the header check
        // (and then fails to decode, having no such pixels).
        assert_eq!(
            normalise(&png_claiming(6000, 4000), 480),
            Err(ImageProblem::Unreadable)
        );
    }
}
