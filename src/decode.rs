//! Bytes → clean NFC text.
//!
//! Everything a file can carry that would drive a terminal (escape sequences, C0/C1 controls,
//! bidi overrides, invisible characters) is removed here, once, so no later stage has to think
//! about it. The order of the checks matters: BOM, binary signatures, BOM-less UTF-16, NUL
//! bytes, UTF-8 (clean or damaged), then a guessed legacy encoding (windows-1258 above all).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;
use thiserror::Error;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_width::UnicodeWidthChar;

/// Why bytes could not become an article's text.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DecodeError {
    #[error("binary file ({0}), not an article")]
    Binary(&'static str),
    #[error("empty file")]
    Empty,
    #[error("file holds only whitespace")]
    Blank,
}

/// Which encoding the bytes were read as (for diagnostics and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded {
    /// The encoding's WHATWG name ("UTF-8", "UTF-16LE", "windows-1258", …; "UTF-32LE"/"UTF-32BE",
    /// which encoding_rs does not know, are decoded here by hand).
    pub encoding: &'static str,
    /// Whether invalid sequences were replaced with U+FFFD.
    pub lossy: bool,
}

const TAB_STOP: usize = 8;

/// How many bytes of a legacy-encoded file the encoding detector reads.
const DETECT_SAMPLE: usize = 64 * 1024;

/// How much of the decoded text the plausibility check looks at.
const SAMPLE_CHARS: usize = 8192;

/// Decodes `bytes` into clean NFC text with LF line endings.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    match plain_utf8(bytes) {
        // One copy (a memcpy) instead of std's validation in String::from_utf8, which took
        // several times longer on Vietnamese text.
        Some((raw, scanned)) => finish_scanned(owned(raw), scanned, UTF_8.name(), false),
        None => decode_with_info(bytes),
    }
    .map(|(s, _)| s)
}

/// How many texts of dropped articles a thread keeps for [`owned`], and how large one may be.
const KEPT_TEXTS: usize = 4;
const KEPT_TEXT_MAX: usize = 64 << 10;

thread_local! {
    /// Texts of articles dropped on this thread ([`recycle`]), emptied, for the next ones: a
    /// text of a few kilobytes is above the sizes glibc's per-thread cache serves, and its
    /// allocation cost more than checking it.
    static KEPT: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `raw` copied into a text kept by [`recycle`] when the last one kept is large enough, else
/// into a new one.
fn owned(raw: &str) -> String {
    match KEPT.try_with(|k| k.borrow_mut().pop()).ok().flatten() {
        Some(mut text) if text.capacity() >= raw.len() => {
            text.clear();
            text.push_str(raw);
            text
        }
        _ => raw.to_owned(),
    }
}

/// Keeps `text` (an article's, being dropped) for [`decode`] on this thread, unless enough
/// are kept or it is large: what is kept stays bounded.
pub(crate) fn recycle(text: String) {
    if text.capacity() == 0 || text.capacity() > KEPT_TEXT_MAX {
        return;
    }
    let _ = KEPT.try_with(|k| {
        let mut k = k.borrow_mut();
        if k.len() < KEPT_TEXTS {
            k.push(text);
        }
    });
}

/// As [`decode`], taking ownership: on a big file, its bytes are dropped before their copy is
/// cleaned, so they do not add their size to the peak.
pub fn decode_vec(bytes: Vec<u8>) -> Result<String, DecodeError> {
    let Some((raw, scanned)) = plain_utf8(&bytes) else {
        return decode_with_info(&bytes).map(|(s, _)| s);
    };
    let raw = raw.to_owned();
    drop(bytes);
    finish_scanned(raw, scanned, UTF_8.name(), false).map(|(s, _)| s)
}

/// `bytes` as text, with [`scan`]'s answer, when they are UTF-8 without a BOM, a binary
/// signature or a NUL byte: the way almost every file goes, decided in one validation and one
/// scan. `None` leaves the bytes to [`decode_with_info`].
fn plain_utf8(bytes: &[u8]) -> Option<(&str, Scan)> {
    let plain = !bytes.is_empty()
        && utf32_bom(bytes).is_none()
        && Encoding::for_bom(bytes).is_none()
        && binary_signature(bytes).is_none();
    if !plain {
        return None;
    }
    let raw = valid_utf8(bytes)?;
    // A NUL is a control, so text the scan finds clean has none: only the others are searched
    // for one (NUL bytes mean UTF-16 or a binary file, which `decode_with_info` sorts out).
    let scanned = scan(raw);
    if scanned.dirty && bytes.contains(&0) {
        return None;
    }
    Some((raw, scanned))
}

/// `bytes` as text when they are valid UTF-8. encoding_rs validates several times faster
/// than `std::str::from_utf8` on text that is not mostly ASCII.
fn valid_utf8(bytes: &[u8]) -> Option<&str> {
    match UTF_8.decode_without_bom_handling_and_without_replacement(bytes)? {
        Cow::Borrowed(s) => Some(s),
        // Only legacy encodings are decoded into a new string; UTF-8 is borrowed or refused.
        Cow::Owned(_) => None,
    }
}

/// As [`decode`], also telling which encoding was used.
pub fn decode_with_info(bytes: &[u8]) -> Result<(String, Decoded), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (raw, encoding, lossy) = to_unicode(bytes)?;
    finish(raw.into_owned(), encoding, lossy)
}

fn finish(
    raw: String,
    encoding: &'static str,
    lossy: bool,
) -> Result<(String, Decoded), DecodeError> {
    let scanned = scan(&raw);
    finish_scanned(raw, scanned, encoding, lossy)
}

/// As [`finish`], with [`scan`]'s answer for `raw` already known.
fn finish_scanned(
    raw: String,
    scan: Scan,
    encoding: &'static str,
    lossy: bool,
) -> Result<(String, Decoded), DecodeError> {
    // Valid UTF-8 without a single control character is text; everything else is checked.
    let checked = scan.dirty || lossy || encoding != UTF_8.name();
    if checked && implausible(&raw) {
        return Err(DecodeError::Binary("not text in any known encoding"));
    }
    let text = clean_owned(raw, scan);
    if text.chars().all(is_blank) {
        return Err(DecodeError::Blank);
    }
    Ok((text, Decoded { encoding, lossy }))
}

/// Characters that show nothing: whitespace (NBSP, U+3000, U+2003 …) and the fillers that
/// render as blanks.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || is_invisible(c)
        || matches!(
            c,
            '\u{115F}' | '\u{1160}' | '\u{2800}' | '\u{3164}' | '\u{FFA0}'
        )
}

fn to_unicode(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str, bool), DecodeError> {
    // UTF-32 BOMs first: FF FE 00 00 would otherwise read as a UTF-16LE BOM.
    if let Some(le) = utf32_bom(bytes) {
        let (s, lossy) = decode_utf32(&bytes[4..], le);
        let name = if le { "UTF-32LE" } else { "UTF-32BE" };
        return Ok((Cow::Owned(s), name, lossy));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == UTF_8 && body.contains(&0) {
            return Err(DecodeError::Binary("contains NUL bytes"));
        }
        let (s, lossy) = enc.decode_without_bom_handling(body);
        return Ok((s, enc.name(), lossy));
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    // UTF-16 text in Latin script is full of zero bytes: no zero byte, no UTF-16 sniffing.
    if bytes.contains(&0) {
        if let Some(enc) = sniff_utf16(bytes) {
            let (s, lossy) = enc.decode_without_bom_handling(bytes);
            return Ok((s, enc.name(), lossy));
        }
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    match valid_utf8(bytes) {
        Some(s) => Ok((Cow::Borrowed(s), UTF_8.name(), false)),
        None if mostly_utf8(bytes) => Ok((String::from_utf8_lossy(bytes), UTF_8.name(), true)),
        None => {
            let mut det = chardetng::EncodingDetector::new();
            // A sample is as good a guess as the whole file, and chardetng is the slow part.
            let sample = &bytes[..bytes.len().min(DETECT_SAMPLE)];
            det.feed(sample, sample.len() == bytes.len());
            // The .vn hint makes windows-1258 win over windows-1252 on Vietnamese text.
            let enc = det.guess(Some(b"vn"), false);
            let (s, used, lossy) = enc.decode(bytes);
            Ok((s, used.name(), lossy))
        }
    }
}

/// `Some(true)` for a UTF-32LE BOM, `Some(false)` for UTF-32BE.
fn utf32_bom(bytes: &[u8]) -> Option<bool> {
    match bytes.get(..4)? {
        [0xFF, 0xFE, 0, 0] => Some(true),
        [0, 0, 0xFE, 0xFF] => Some(false),
        _ => None,
    }
}

fn decode_utf32(bytes: &[u8], le: bool) -> (String, bool) {
    let mut lossy = !bytes.len().is_multiple_of(4);
    let mut out = String::with_capacity(bytes.len() / 4);
    for q in bytes.chunks_exact(4) {
        let q: [u8; 4] = q.try_into().expect("chunks of 4");
        let n = if le {
            u32::from_le_bytes(q)
        } else {
            u32::from_be_bytes(q)
        };
        out.push(char::from_u32(n).unwrap_or_else(|| {
            lossy = true;
            '\u{FFFD}'
        }));
    }
    if !bytes.len().is_multiple_of(4) {
        out.push('\u{FFFD}');
    }
    (out, lossy)
}

/// UTF-16 without a BOM: text in Latin script has a zero byte in every other position.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for p in sample.chunks_exact(2) {
        even += (p[0] == 0) as usize;
        odd += (p[1] == 0) as usize;
    }
    // Vietnamese UTF-16 still has many ASCII letters and spaces (high byte zero).
    if odd * 5 >= pairs && even * 20 < pairs.max(20) {
        Some(UTF_16LE)
    } else if even * 5 >= pairs && odd * 20 < pairs.max(20) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Well-known signatures of files that are not text. Only signatures no headline starts with
/// (so no "BM" for bitmaps: "BMW …" is a fine title; such files carry NUL bytes anyway).
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7fELF", "executable"),
        (b"\x1f\x8b", "gzip archive"),
        (b"BZh", "bzip2 archive"),
        (b"\xfd7zXZ\x00", "xz archive"),
        (b"\x28\xb5\x2f\xfd", "zstd archive"),
        (b"7z\xbc\xaf\x27\x1c", "7z archive"),
        (b"RIFF", "RIFF media"),
        (b"OggS", "Ogg media"),
        (b"fLaC", "FLAC audio"),
        (b"ID3", "MP3 audio"),
        (b"\x1a\x45\xdf\xa3", "Matroska media"),
        (b"\x00\x00\x01\x00", "icon"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"\x00asm", "WebAssembly module"),
        (b"\xca\xfe\xba\xbe", "Java class or Mach-O"),
        (b"SQLite format 3\x00", "SQLite database"),
    ];
    if bytes.get(4..8) == Some(b"ftyp") {
        return Some("MP4/HEIF media");
    }
    SIGS.iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, k)| *k)
}

/// True when valid multi-byte UTF-8 sequences outnumber the invalid bytes: a UTF-8 file with
/// some damage rather than a legacy encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|b| *b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                good += valid.iter().filter(|b| **b >= 0xC0).count();
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                bad += 1;
                rest = &after[skip.min(after.len())..];
            }
        }
    }
    good > bad
}

/// Decoded text in which more than one character in ten is a stray control, a replacement
/// character or a private-use code point came from a binary file, whatever it was read as.
/// The controls a hostile *text* carries (ESC, BEL, BS, CR, TAB) do not count.
/// Read by bytes, as decoding every char of a dirty article cost more than cleaning it.
fn implausible(s: &str) -> bool {
    let b = s.as_bytes();
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let (mut total, mut odd, mut i) = (0usize, 0usize, 0usize);
    while i < b.len() && total < SAMPLE_CHARS {
        let c = b[i];
        total += 1;
        odd += usize::from(match c {
            // Controls (U+0000–001F, U+007F–009F) but those of hostile text.
            0x00..=0x1F => !matches!(c, b'\n' | b'\r' | b'\t' | 0x1B | 0x07 | 0x08),
            0x7F => true,
            0xC2 => at(i + 1) <= 0x9F,
            // Private use U+E000–EFFF, then U+F000–F8FF and U+FFFD–FFFF.
            0xEE => true,
            0xEF => matches!(
                (at(i + 1), at(i + 2)),
                (0x80..=0xA3, _) | (0xBF, 0xBD..=0xBF)
            ),
            _ => false,
        });
        // `s` is UTF-8: a lead byte tells its char's length.
        i += match c {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    total > 0 && odd * 10 > total
}

/// [`implausible`] char by char, for the tests.
#[cfg(test)]
fn implausible_by_chars(s: &str) -> bool {
    let (mut total, mut odd) = (0usize, 0usize);
    for c in s.chars().take(SAMPLE_CHARS) {
        total += 1;
        let stray_control =
            c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{1B}' | '\u{07}' | '\u{08}');
        let junk = matches!(
            c,
            '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' | '\u{FFFE}' | '\u{FFFF}'
        );
        odd += (stray_control || junk) as usize;
    }
    total > 0 && odd * 10 > total
}

/// Characters that take no room and carry no text (or reorder it): removed like controls.
/// Soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space/joiners and
/// LRM/RLM, bidi embeddings/overrides/isolates, word joiner and invisible operators, BOM,
/// interlinear annotation marks, and tag characters (used to smuggle hidden text).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Whether `c` must not survive into the text (newline is kept, tab becomes spaces).
pub fn is_unwanted(c: char) -> bool {
    (c.is_control() && c != '\n') || is_invisible(c)
}

fn is_line_sep(c: char) -> bool {
    matches!(
        c,
        '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000B}' | '\u{000C}'
    )
}

/// Removes escape sequences and controls, unifies line endings, expands tabs, then NFC.
pub fn clean(raw: &str) -> String {
    clean_owned(raw.to_owned(), scan(raw))
}

/// As [`clean`]; `scan` is [`scan`]'s answer, computed once by the caller.
fn clean_owned(raw: String, scan: Scan) -> String {
    // The common case (clean, precomposed Vietnamese) is decided by the one byte scan.
    if !scan.dirty && scan.surely_nfc {
        return raw;
    }
    let stripped = if scan.dirty { strip(&raw) } else { raw };
    if stripped.is_ascii() {
        return stripped;
    }
    nfc_lines(stripped)
}

/// `s` in NFC, normalising only the lines that are not already: no char composes with a line
/// feed, which is a starter, nor is one reordered across it, so NFC works line by line. A file
/// with a few decomposed letters (or a Greek μ) is checked and copied, not normalised whole.
fn nfc_lines(s: String) -> String {
    let is_nfc = |l: &str| surely_nfc(l) || is_nfc_quick(l.chars()) == IsNormalized::Yes;
    let mut out: Option<String> = None;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', s.as_bytes()).chain(std::iter::once(s.len())) {
        let line = &s[start..end];
        match (&mut out, is_nfc(line)) {
            (Some(out), true) => out.push_str(line),
            (None, true) => {}
            (out, false) => {
                let out = out.get_or_insert_with(|| {
                    let mut o = String::with_capacity(s.len() + s.len() / 8);
                    o.push_str(&s[..start]);
                    o
                });
                out.extend(line.nfc());
            }
        }
        if let (Some(out), true) = (&mut out, end < s.len()) {
            out.push('\n');
        }
        start = end + 1;
    }
    out.unwrap_or(s)
}

/// A byte scan that proves most Vietnamese text NFC without Unicode tables: every character is
/// ASCII, in U+0080–U+02FF (precomposed Latin letters, spacing modifiers), U+1E00–U+1EFF (the
/// precomposed Vietnamese vowels) or U+2002–U+20CF (punctuation such as “ ” … – and currency),
/// none of which has an NFC quick-check value other than Yes. Anything else (combining marks,
/// other scripts) returns false and the full quick check decides.
fn surely_nfc(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            0x00..=0x7F => i += 1,
            0xC2..=0xCB => i += 2,
            0xE1 if matches!(b[i + 1], 0xB8..=0xBB) => i += 3,
            0xE2 if (b[i + 1] == 0x80 && b[i + 2] >= 0x82) || matches!(b[i + 1], 0x81 | 0x82) => {
                i += 3
            }
            _ => return false,
        }
    }
    true
}

/// What one byte scan of a text found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Scan {
    /// [`strip`] would change the text: ASCII controls but LF, and the UTF-8 forms of C1
    /// controls, soft hyphen, U+061C, U+180E, U+200B–200F, U+2028–202E, U+2060–206F, U+FEFF,
    /// U+FFF9–FFFB and tag characters.
    dirty: bool,
    /// [`surely_nfc`]'s answer; only meaningful when the text is not dirty (the scan stops at
    /// the first dirty byte, and stripped text is checked again).
    surely_nfc: bool,
}

/// Byte classes for [`scan`], as bits so that a run of bytes can be tested at once.
const PLAIN: u8 = 0; // printable ASCII, LF, continuation bytes, leads 0xC3–0xCB
const CONTROL: u8 = 1; // ASCII controls but LF, and DEL
const LOOK: u8 = 2; // leads whose next bytes decide: 0xC2, 0xD8, 0xE1, 0xE2, 0xEF, 0xF3
const OTHER: u8 = 4; // any other lead: never stripped, not surely NFC

static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'\n' | 0x20..=0x7E | 0x80..=0xBF | 0xC3..=0xCB => PLAIN,
            0x00..=0x1F | 0x7F => CONTROL,
            0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF | 0xF3 => LOOK,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

/// Whether byte `x`, followed by `y`, surely leaves the text clean and NFC: printable ASCII,
/// LF, continuation bytes, leads 0xC3–0xCB and the precomposed Vietnamese vowels (U+1E00–1EFF,
/// E1 B8–BB). Conservative: anything else (punctuation such as “ ” –, rare in a block) is
/// looked at byte by byte, which cost less than testing for it in every block. Branch-free,
/// so the compiler checks many bytes at once.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
#[inline(always)]
fn surely_plain(x: u8, y: u8) -> bool {
    let ascii = (x.wrapping_sub(0x20) < 0x5F) | (x == b'\n');
    let continuation = x.wrapping_sub(0x80) < 0x40;
    let latin = x.wrapping_sub(0xC3) < 9;
    let vowel = (x == 0xE1) & (y.wrapping_sub(0xB8) < 4);
    ascii | continuation | latin | vowel
}

/// What byte `i` of `b` tells [`scan`]: `None` when [`strip`] has work, else whether the
/// character starting there (if one does) is surely NFC. Continuation bytes (0x80–0xBF) never
/// match a lead byte tested here, so stepping one byte at a time is exact.
#[inline(always)]
fn scan_byte(b: &[u8], i: usize) -> Option<bool> {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let c = b[i];
    match CLASS[c as usize] {
        PLAIN => Some(true),
        CONTROL => None,
        OTHER => Some(false),
        _ => {
            let (n1, n2) = (at(i + 1), at(i + 2));
            let (dirty, sure) = match c {
                0xC2 => (matches!(n1, 0x80..=0x9F | 0xAD), true),
                0xD8 => (n1 == 0x9C, false),
                0xE1 => (n1 == 0xA0 && n2 == 0x8E, matches!(n1, 0xB8..=0xBB)),
                0xE2 => (
                    matches!(
                        (n1, n2),
                        (0x80, 0x8B..=0x8F | 0xA8..=0xAE) | (0x81, 0xA0..=0xAF)
                    ),
                    (n1 == 0x80 && n2 >= 0x82) || matches!(n1, 0x81 | 0x82),
                ),
                0xEF => (
                    matches!((n1, n2), (0xBB, 0xBF) | (0xBF, 0xB9..=0xBB)),
                    false,
                ),
                _ => (n1 == 0xA0 && n2 <= 0x81, false), // 0xF3
            };
            (!dirty).then_some(sure)
        }
    }
}

/// One pass over the bytes telling whether [`strip`] has work and what [`surely_nfc`] says:
/// most files are clean precomposed text, and for them this pass is all the checking decoding
/// does. Steps of bytes that are all plain ([`skip_plain`]) are skipped whole; the others are
/// looked at byte by byte.
fn scan(s: &str) -> Scan {
    let b = s.as_bytes();
    let mut nfc = true;
    let mut i = 0;
    loop {
        i = skip_plain(b, i);
        if i >= b.len() {
            break;
        }
        for j in i..(i + STEP).min(b.len()) {
            match scan_byte(b, j) {
                None => {
                    return Scan {
                        dirty: true,
                        surely_nfc: false,
                    }
                }
                Some(sure) => nfc &= sure,
            }
        }
        i += STEP;
    }
    Scan {
        dirty: false,
        surely_nfc: nfc,
    }
}

/// Bytes [`skip_plain`] judges at once.
const STEP: usize = 16;

/// Where the run of plain steps from `i` ends: the first step of [`STEP`] bytes that holds a
/// byte [`scan_byte`] does not find clean and surely NFC, or the last bytes (fewer than
/// `STEP + 2`: each byte is judged with the two after it).
fn skip_plain(b: &[u8], i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let i = if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (just checked).
            unsafe { skip_plain_avx2(b, i) }
        } else {
            i
        };
        // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 CPU has it.
        unsafe { skip_plain_sse2(b, i) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let mut i = i;
        while let Some(w) = b.get(i..).and_then(|r| r.first_chunk::<{ STEP + 2 }>()) {
            if !(0..STEP).fold(true, |ok, j| ok & surely_plain(w[j], w[j + 1])) {
                break;
            }
            i += STEP;
        }
        i
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn skip_plain_sse2(b: &[u8], mut i: usize) -> usize {
    while let Some(w) = b.get(i..i + STEP + 2) {
        let w: &[u8; STEP + 2] = w.try_into().expect("STEP + 2 bytes");
        if plain_mask_sse2(w) != 0xFFFF {
            break;
        }
        i += STEP;
    }
    i
}

/// [`skip_plain_sse2`] thirty-two bytes a step, on CPUs with AVX2 (it stops at the first
/// step of thirty-two that is not all plain, for the SSE2 walk to find which half is not).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn skip_plain_avx2(b: &[u8], mut i: usize) -> usize {
    // Sixty-four bytes a step while they last (one test and one bound a step), then thirty-two.
    while let Some(w) = b.get(i..i + 4 * STEP + 2) {
        let (lo, hi) = (&w[..2 * STEP + 2], &w[2 * STEP..]);
        let lo: &[u8; 2 * STEP + 2] = lo.try_into().expect("2 * STEP + 2 bytes");
        let hi: &[u8; 2 * STEP + 2] = hi.try_into().expect("2 * STEP + 2 bytes");
        if plain_mask_avx2(lo) & plain_mask_avx2(hi) != u32::MAX {
            break;
        }
        i += 4 * STEP;
    }
    while let Some(w) = b.get(i..i + 2 * STEP + 2) {
        let w: &[u8; 2 * STEP + 2] = w.try_into().expect("2 * STEP + 2 bytes");
        if plain_mask_avx2(w) != u32::MAX {
            break;
        }
        i += 2 * STEP;
    }
    i
}

/// [`plain_mask_sse2`] of thirty-two bytes, in the same steps.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn plain_mask_avx2(w: &[u8; 2 * STEP + 2]) -> u32 {
    use std::arch::x86_64::*;
    let load = |k: usize| {
        let s = &w[k..k + 2 * STEP];
        // SAFETY: `s` holds the thirty-two bytes read (an unaligned load).
        unsafe { _mm256_loadu_si256(s.as_ptr().cast()) }
    };
    let (x, y, z) = (load(0), load(1), load(2));
    let splat = |v: u8| _mm256_set1_epi8(v as i8);
    let eq = |a: __m256i, v: u8| _mm256_cmpeq_epi8(a, splat(v));
    // Unsigned `lo <= a <= hi` per byte.
    let range = |a: __m256i, lo: u8, hi: u8| {
        let t = _mm256_sub_epi8(a, splat(lo));
        _mm256_cmpeq_epi8(_mm256_min_epu8(t, splat(hi - lo)), t)
    };
    let (and, or, andnot) = (
        |a, b| _mm256_and_si256(a, b),
        |a, b| _mm256_or_si256(a, b),
        |a, b| _mm256_andnot_si256(a, b),
    );
    let simple = or(
        andnot(eq(x, 0x7F), range(x, 0x20, 0xBF)),
        or(eq(x, b'\n'), range(x, 0xC3, 0xCB)),
    );
    let vowel = and(eq(x, 0xE1), range(y, 0xB8, 0xBB));
    let common = _mm256_movemask_epi8(or(simple, vowel)) as u32;
    if common == u32::MAX {
        return common;
    }
    let c2 = and(eq(x, 0xC2), andnot(eq(y, 0xAD), range(y, 0xA0, 0xBF)));
    let e2_80 = and(
        eq(y, 0x80),
        andnot(
            or(range(z, 0x8B, 0x8F), range(z, 0xA8, 0xAE)),
            range(z, 0x82, 0xBF),
        ),
    );
    let e2_81 = andnot(range(z, 0xA0, 0xAF), eq(y, 0x81));
    let e2 = and(eq(x, 0xE2), or(or(e2_80, e2_81), eq(y, 0x82)));
    common | _mm256_movemask_epi8(or(c2, e2)) as u32
}

/// Bit `j` set when byte `j` of `w` is plain: [`surely_plain`], or the C2 lead of U+00A0–00BF
/// but the soft hyphen, or the E2 lead of the punctuation of U+2000–20BF that is neither
/// stripped nor unsure (“ ” ‘ ’ – — … ‰ € among them), judged with the two bytes after it.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn plain_mask_sse2(w: &[u8; STEP + 2]) -> u32 {
    use std::arch::x86_64::*;
    let load = |k: usize| {
        let s = &w[k..k + STEP];
        // SAFETY: `s` holds the sixteen bytes read (an unaligned load).
        unsafe { _mm_loadu_si128(s.as_ptr().cast()) }
    };
    let (x, y, z) = (load(0), load(1), load(2));
    let splat = |v: u8| _mm_set1_epi8(v as i8);
    let eq = |a: __m128i, v: u8| _mm_cmpeq_epi8(a, splat(v));
    // Unsigned `lo <= a <= hi` per byte.
    let range = |a: __m128i, lo: u8, hi: u8| {
        let t = _mm_sub_epi8(a, splat(lo));
        _mm_cmpeq_epi8(_mm_min_epu8(t, splat(hi - lo)), t)
    };
    let (and, or, andnot) = (
        |a, b| _mm_and_si128(a, b),
        |a, b| _mm_or_si128(a, b),
        |a, b| _mm_andnot_si128(a, b),
    );
    // Printable ASCII and continuation bytes (0x20..=0xBF but DEL), LF, leads C3..=CB, and
    // the Vietnamese vowels: most steps are only these, and the punctuation is not looked for.
    let simple = or(
        andnot(eq(x, 0x7F), range(x, 0x20, 0xBF)),
        or(eq(x, b'\n'), range(x, 0xC3, 0xCB)),
    );
    let vowel = and(eq(x, 0xE1), range(y, 0xB8, 0xBB));
    let common = _mm_movemask_epi8(or(simple, vowel)) as u32;
    if common == 0xFFFF {
        return common;
    }
    let c2 = and(eq(x, 0xC2), andnot(eq(y, 0xAD), range(y, 0xA0, 0xBF)));
    // E2 80 82..=BF but 8B..=8F and A8..=AE; E2 81 but A0..=AF; E2 82.
    let e2_80 = and(
        eq(y, 0x80),
        andnot(
            or(range(z, 0x8B, 0x8F), range(z, 0xA8, 0xAE)),
            range(z, 0x82, 0xBF),
        ),
    );
    let e2_81 = andnot(range(z, 0xA0, 0xAF), eq(y, 0x81));
    let e2 = and(eq(x, 0xE2), or(or(e2_80, e2_81), eq(y, 0x82)));
    common | _mm_movemask_epi8(or(c2, e2)) as u32
}

/// Whether [`strip`] would change `s`.
#[cfg(test)]
fn needs_strip(s: &str) -> bool {
    scan(s).dirty
}

fn strip(raw: &str) -> String {
    let b = raw.as_bytes();
    // A lone CR ends a line in CR-only (old Mac) files; inside a file with LF endings it is
    // the "overwrite this line" trick, shown as a space so no text hides another.
    let lone_cr = memchr::memchr_iter(b'\r', b)
        .filter(|&i| b.get(i + 1) != Some(&b'\n'))
        .count();
    let cr_ends_line = lone_cr > 0 && lone_cr >= memchr::memchr_iter(b'\n', b).count();

    let mut out = String::with_capacity(raw.len());
    // The column a tab starts at, as the terminal counts them (combining marks take none, wide
    // characters two), is `col` plus the width of what `out` got after `col_at`: summed only
    // when a tab comes.
    let (mut col, mut col_at) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        // The text up to the next char to drop or change is kept as it is.
        let next = next_dirty(b, i);
        out.push_str(&raw[i..next]);
        if let Some(nl) = memchr::memrchr(b'\n', &b[i..next]) {
            col = 0;
            col_at = out.len() - (next - i - nl - 1);
        }
        if next == b.len() {
            break;
        }
        let c = raw[next..]
            .chars()
            .next()
            .expect("a dirty byte starts a char");
        i = next + c.len_utf8();
        match c {
            c if is_line_sep(c) => {
                out.push('\n');
                (col, col_at) = (0, out.len());
            }
            '\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                    out.push('\n');
                    (col, col_at) = (0, out.len());
                } else if cr_ends_line {
                    out.push('\n');
                    (col, col_at) = (0, out.len());
                } else {
                    out.push(' ');
                }
            }
            '\t' => {
                col += out[col_at..]
                    .chars()
                    .map(|c| c.width().unwrap_or(0))
                    .sum::<usize>();
                let n = TAB_STOP - col % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', n));
                (col, col_at) = (col + n, out.len());
            }
            '\u{1B}' => i = skip_escape(raw, i),
            '\u{9B}' => i = skip_csi(raw, i),
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => i = skip_string(raw, i),
            c if is_unwanted(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The first byte from `i` on that starts a char [`strip`] drops or changes, or the end.
fn next_dirty(b: &[u8], mut i: usize) -> usize {
    loop {
        i = skip_plain(b, i);
        if i >= b.len() {
            break;
        }
        for j in i..(i + STEP).min(b.len()) {
            if scan_byte(b, j).is_none() {
                return j;
            }
        }
        i += STEP;
    }
    b.len()
}

/// After ESC at `i`: CSI, OSC/DCS/SOS/PM/APC strings, or a single escape code, removed whole.
/// Returns where the text goes on.
fn skip_escape(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    match b.get(i) {
        Some(b'[') => skip_csi(s, i + 1),
        Some(b']' | b'P' | b'X' | b'^' | b'_') => skip_string(s, i + 1),
        // nF escapes: intermediates then a final byte, e.g. ESC ( B.
        Some(0x20..=0x2F) => {
            let mut i = i;
            while matches!(b.get(i), Some(0x20..=0x2F)) {
                i += 1;
            }
            i + usize::from(matches!(b.get(i), Some(0x30..=0x7E)))
        }
        Some(0x30..=0x7E) => i + 1,
        _ => i,
    }
}

/// CSI parameters and intermediates, then one final byte. Stops at anything else (a newline,
/// a letter outside ASCII) so a broken sequence never swallows the text after it.
fn skip_csi(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while let Some(&c) = b.get(i) {
        match c {
            0x20..=0x3F => i += 1,
            0x40..=0x7E => return i + 1,
            _ => return i,
        }
    }
    i
}

/// A control string runs to BEL or ST (ESC \ or U+009C), bounded by the end of the line. An
/// ESC that is not ST ends the string and is left for the caller, as a terminal would treat it.
fn skip_string(s: &str, mut i: usize) -> usize {
    while let Some(c) = s[i..].chars().next() {
        match c {
            '\u{07}' | '\u{9C}' => return i + c.len_utf8(),
            '\u{1B}' => {
                return if s.as_bytes().get(i + 1) == Some(&b'\\') {
                    i + 2
                } else {
                    i
                };
            }
            '\n' | '\r' => return i,
            _ => i += c.len_utf8(),
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recycled_text_takes_the_next_file_when_large_enough() {
        // Runs on a thread of its own: the texts kept are the thread's.
        std::thread::spawn(|| {
            let kept = String::with_capacity(100);
            let at = kept.as_ptr();
            recycle(kept);
            let text = decode("Tiêu đề\nMột đoạn văn.\n".as_bytes()).unwrap();
            assert_eq!(text, "Tiêu đề\nMột đoạn văn.\n");
            assert_eq!(text.as_ptr(), at, "the kept text is reused");
            // Too small for the next one: a new text, the same bytes.
            recycle(String::with_capacity(4));
            assert_eq!(
                decode(b"A longer title line").unwrap(),
                "A longer title line"
            );
            // Large ones and more than a few are not kept.
            recycle(String::with_capacity(KEPT_TEXT_MAX + 1));
            (0..2 * KEPT_TEXTS).for_each(|_| recycle(String::with_capacity(10)));
            assert_eq!(KEPT.with_borrow(|k| k.len()), KEPT_TEXTS);
            assert!(KEPT.with_borrow(|k| k.iter().all(|t| t.capacity() <= KEPT_TEXT_MAX)));
        })
        .join()
        .unwrap();
    }

    #[test]
    fn strips_sequences_whole() {
        assert_eq!(clean("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(clean("x\x1b]0;evil title\x07y"), "xy");
        assert_eq!(
            clean("x\x1b]8;;http://e.com\x1b\\link\x1b]8;;\x1b\\y"),
            "xlinky"
        );
        assert_eq!(clean("a\u{9b}2Jb"), "ab");
        assert_eq!(clean("a\x1bcb"), "ab");
        assert_eq!(clean("a\x1b(Bb"), "ab");
        assert_eq!(clean("bell\x07 bs\x08 del\x7f."), "bell bs del.");
        // An OSC cut short by another sequence: both go, the text stays.
        assert_eq!(clean("a\x1b]0;t\x1b[31mb"), "ab");
        assert_eq!(clean("a\u{9d}0;t\u{9c}b"), "ab");
        assert_eq!(clean("a\x1bPq#0;2\x1b\\b"), "ab");
    }

    #[test]
    fn line_endings_and_tabs() {
        assert_eq!(clean("a\r\nb\r\nc\n"), "a\nb\nc\n");
        assert_eq!(clean("a\rb\rc\r"), "a\nb\nc\n");
        // A lone CR among LF lines would hide text in a terminal: it becomes a space.
        assert_eq!(clean("a\nsafe\rEVIL\nb\n"), "a\nsafe EVIL\nb\n");
        assert_eq!(clean("ab\tc\n\td"), "ab      c\n        d");
        // Combining marks take no column: the tab still stops at 8.
        assert_eq!(clean("Hoa\u{300}\tx"), "Hoà     x");
    }

    #[test]
    fn bidi_and_zero_width_removed() {
        assert_eq!(
            clean("a\u{202E}b\u{2066}c\u{2069}d\u{200B}e\u{FEFF}f\u{AD}g\u{E0041}"),
            "abcdefg"
        );
    }

    #[test]
    fn nfc_fast_path_agrees_with_the_quick_check() {
        for n in (0x80..0x2100u32).chain(0x1E00..0x1F00) {
            let Some(c) = char::from_u32(n) else { continue };
            let s = format!("a{c}b");
            if surely_nfc(&s) {
                assert!(unicode_normalization::is_nfc(&s), "U+{n:04X}");
            }
        }
        assert!(surely_nfc("Nguyễn Văn Đức “Hà Nội” – 5€"));
        assert!(!surely_nfc("Hoa\u{300}"));
        assert!(!surely_nfc("\u{2000}"));
    }

    #[test]
    fn scan_agrees_with_surely_nfc() {
        for n in (0x20..0x3000u32)
            .chain(0xD800 - 0x100..0xD800)
            .chain(0xE000..0x11000)
            .chain(0x1F000..0x1F700)
            .chain(0xE0000..0xE0100)
        {
            let Some(c) = char::from_u32(n) else { continue };
            let s = format!("Vi\u{1EC7}t {c}\u{1EA1}");
            let got = scan(&s);
            if !got.dirty {
                assert_eq!(got.surely_nfc, surely_nfc(&s), "U+{n:04X}");
            }
        }
        assert_eq!(
            scan("Nguyễn Văn Đức “Hà Nội” – 5€\n"),
            Scan {
                dirty: false,
                surely_nfc: true
            }
        );
        assert!(!scan("Hoa\u{300}").surely_nfc);
        assert!(scan("Hoa\u{300}\u{1b}").dirty);
    }

    #[test]
    fn surely_plain_bytes_are_clean_and_nfc() {
        // Every byte pair the block test accepts is one the byte-by-byte path accepts too,
        // whatever the byte after them.
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                if surely_plain(x, y) {
                    for z in 0..=255u8 {
                        assert_eq!(
                            scan_byte(&[x, y, z], 0),
                            Some(true),
                            "{x:02X} {y:02X} {z:02X}"
                        );
                    }
                }
            }
        }
        assert!(surely_plain(0xE1, 0xBB) && !surely_plain(0xE1, 0xA0) && !surely_plain(0xC2, 0xA0));
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn plain_steps_are_clean_and_nfc() {
        // Every byte the step test calls plain, whatever the two bytes after it, is one the
        // byte-by-byte path calls clean and surely NFC; and the test is no weaker than
        // `surely_plain`.
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                for z in 0..=255u8 {
                    let mut w = [b'a'; STEP + 2];
                    w[STEP - 1..].copy_from_slice(&[x, y, z]);
                    // SAFETY: SSE2 is part of the x86_64 baseline.
                    let plain = unsafe { plain_mask_sse2(&w) } >> (STEP - 1) & 1 == 1;
                    if plain {
                        assert_eq!(
                            scan_byte(&[x, y, z], 0),
                            Some(true),
                            "{x:02X} {y:02X} {z:02X}"
                        );
                    }
                    assert!(plain || !surely_plain(x, y), "{x:02X} {y:02X} {z:02X}");
                }
            }
        }
        // The AVX2 mask is the SSE2 mask of each half, at every place of a step.
        if std::is_x86_feature_detected!("avx2") {
            let mut rng = 0x2545_F491_4F6C_DD1Du64;
            let bytes: [u8; 24] = [
                0x00, 0x0A, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x81, 0x82, 0x8B, 0x92, 0x9F, 0xA0, 0xA8,
                0xAD, 0xAF, 0xB8, 0xBB, 0xBF, 0xC2, 0xC3, 0xCB, 0xE1, 0xE2,
            ];
            for _ in 0..200_000 {
                let mut w = [0u8; 2 * STEP + 2];
                for b in w.iter_mut() {
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    *b = bytes[(rng % 24) as usize];
                }
                let lo: &[u8; STEP + 2] = w[..STEP + 2].try_into().unwrap();
                let hi: &[u8; STEP + 2] = w[STEP..].try_into().unwrap();
                // SAFETY: SSE2 is baseline, AVX2 was just checked.
                let (wide, lo, hi) = unsafe {
                    (
                        plain_mask_avx2(&w),
                        plain_mask_sse2(lo),
                        plain_mask_sse2(hi),
                    )
                };
                assert_eq!(wide, lo | hi << 16, "{w:02X?}");
            }
        }
        // Quotes, dashes and the euro sign are plain; NBSP too, the soft hyphen not.
        for (t, plain) in [
            ("“x” – …", true),
            ("5 € ‰", true),
            ("a\u{A0}b", true),
            ("a\u{AD}b", false),
        ] {
            let mut w = [b'a'; STEP + 2];
            w[..t.len()].copy_from_slice(t.as_bytes());
            // SAFETY: SSE2 is part of the x86_64 baseline.
            assert_eq!(unsafe { plain_mask_sse2(&w) } == 0xFFFF, plain, "{t:?}");
        }
    }

    #[test]
    fn scan_finds_a_flag_in_any_block() {
        let line = "Thủ tướng Nguyễn Xuân Phúc “đi” thăm – 5€ Hà Nội.\n";
        let base = line.repeat(9);
        assert_eq!(
            scan(&base),
            Scan {
                dirty: false,
                surely_nfc: true
            }
        );
        for (at, _) in base.char_indices() {
            for bad in ["\u{1b}", "\u{200B}", "\u{AD}", "\u{9B}", "\u{E0041}", "\r"] {
                let mut t = base.clone();
                t.insert_str(at, bad);
                assert!(scan(&t).dirty, "{bad:?} at {at}");
            }
            for odd in ["\u{300}", "\u{2000}", "\u{1F00}", "\u{4E00}", "\u{FB01}"] {
                let mut t = base.clone();
                t.insert_str(at, odd);
                assert_eq!(
                    scan(&t),
                    Scan {
                        dirty: false,
                        surely_nfc: false
                    },
                    "{odd:?} at {at}"
                );
            }
        }
    }

    // The char-at-a-time `strip` the byte-run one replaced, kept as its reference.
    fn strip_by_chars(raw: &str) -> String {
        // A lone CR ends a line in CR-only (old Mac) files; inside a file with LF endings it is
        // the "overwrite this line" trick, shown as a space so no text hides another.
        let lone_cr = raw
            .match_indices('\r')
            .filter(|(i, _)| raw.as_bytes().get(i + 1) != Some(&b'\n'))
            .count();
        let lf = raw.bytes().filter(|b| *b == b'\n').count();
        let cr_ends_line = lone_cr > 0 && lone_cr >= lf;

        let mut out = String::with_capacity(raw.len());
        let mut col = 0usize;
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\n' => {
                    out.push('\n');
                    col = 0;
                }
                c if is_line_sep(c) => {
                    out.push('\n');
                    col = 0;
                }
                '\r' => {
                    if chars.next_if_eq(&'\n').is_some() || cr_ends_line {
                        out.push('\n');
                        col = 0;
                    } else {
                        out.push(' ');
                        col += 1;
                    }
                }
                '\t' => {
                    let n = TAB_STOP - col % TAB_STOP;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                }
                '\u{1B}' => ref_skip_escape(&mut chars),
                '\u{9B}' => ref_skip_csi(&mut chars),
                '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => ref_skip_string(&mut chars),
                c if is_unwanted(c) => {}
                c => {
                    out.push(c);
                    // Columns as the terminal counts them, so tab stops line up after combining
                    // marks (width 0) and wide characters (width 2).
                    col += c.width().unwrap_or(0);
                }
            }
        }
        out
    }

    type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

    /// After ESC: CSI, OSC/DCS/SOS/PM/APC strings, or a single escape code, removed whole.
    fn ref_skip_escape(chars: &mut Chars) {
        match chars.peek().copied() {
            Some('[') => {
                chars.next();
                ref_skip_csi(chars);
            }
            Some(']' | 'P' | 'X' | '^' | '_') => {
                chars.next();
                ref_skip_string(chars);
            }
            // nF escapes: intermediates then a final byte, e.g. ESC ( B.
            Some('\u{20}'..='\u{2F}') => {
                while chars
                    .next_if(|c| ('\u{20}'..='\u{2F}').contains(c))
                    .is_some()
                {}
                chars.next_if(|c| ('\u{30}'..='\u{7E}').contains(c));
            }
            Some('\u{30}'..='\u{7E}') => {
                chars.next();
            }
            _ => {}
        }
    }

    /// CSI parameters and intermediates, then one final byte. Stops at anything else (a newline,
    /// a letter outside ASCII) so a broken sequence never swallows the text after it.
    fn ref_skip_csi(chars: &mut Chars) {
        while let Some(&c) = chars.peek() {
            match c {
                '\u{20}'..='\u{3F}' => {
                    chars.next();
                }
                '\u{40}'..='\u{7E}' => {
                    chars.next();
                    return;
                }
                _ => return,
            }
        }
    }

    /// A control string runs to BEL or ST (ESC \ or U+009C), bounded by the end of the line. An
    /// ESC that is not ST ends the string and is left for the caller, as a terminal would treat it.
    fn ref_skip_string(chars: &mut Chars) {
        while let Some(&c) = chars.peek() {
            match c {
                '\u{07}' | '\u{9C}' => {
                    chars.next();
                    return;
                }
                '\u{1B}' => {
                    let mut ahead = chars.clone();
                    ahead.next();
                    if ahead.peek() == Some(&'\\') {
                        chars.next();
                        chars.next();
                    }
                    return;
                }
                '\n' | '\r' => return,
                _ => {
                    chars.next();
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn strip_agrees_with_the_char_walk(
            parts in proptest::collection::vec(
                "(Hà Nội|x|\t|\r|\n|\r\n|\u{1b}|\\[|\\]|31m|;|0|P|X|\\^|_|\\(|B|\u{7}|\\\\|\u{9b}|\u{9c}|\u{9d}|\u{90}|\u{85}|\u{b}|\u{c}|\u{ad}|\u{200b}|\u{2028}|\u{202e}|\u{2066}|\u{feff}|\u{e0041}|\u{7f}|\u{1}|a\u{300}|漢|“|”|–| )",
                0..60,
            )
        ) {
            let t: String = parts.concat();
            proptest::prop_assert_eq!(strip(&t), strip_by_chars(&t), "{:?}", t);
        }

        #[test]
        fn implausible_by_bytes_agrees_with_chars(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-zà-ỹ \n\t\r]{0,6}",
                    proptest::sample::select(vec![
                        "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{1b}", "\u{1f}", "\u{7f}",
                        "\u{80}", "\u{9f}", "\u{a0}", "\u{ad}", "\u{d7ff}\u{e000}",
                        "\u{efff}", "\u{f000}", "\u{f8ff}", "\u{f900}", "\u{fffc}", "\u{fffd}",
                        "\u{fffe}", "\u{ffff}", "\u{10000}", "\u{f0000}", "\u{10ffff}",
                    ].into_iter().map(String::from).collect::<Vec<_>>()),
                ],
                0..60,
            ),
            repeat in 1usize..400,
        ) {
            let t = parts.concat().repeat(repeat);
            proptest::prop_assert_eq!(implausible(&t), implausible_by_chars(&t));
        }

        #[test]
        fn nfc_by_lines_is_nfc(
            parts in proptest::collection::vec(
                "(Hoa|a|\u{300}|\u{301}|\u{323}|\u{302}|o\u{31b}|\n|\n\u{301}|ệ|μ|Ω|\u{2126}|한|\u{1100}\u{1161}| )",
                0..40,
            )
        ) {
            let t: String = parts.concat();
            proptest::prop_assert_eq!(nfc_lines(t.clone()), t.nfc().collect::<String>(), "{:?}", t);
        }
    }

    #[test]
    fn nfc_applied() {
        assert_eq!(clean("Hoa\u{300}"), "Hoà");
    }

    #[test]
    fn byte_scan_agrees_with_char_test() {
        for n in 0..=0x3000u32 {
            let Some(c) = char::from_u32(n) else { continue };
            let s = format!("x{c}y");
            let expect = (is_unwanted(c) || is_line_sep(c) || c == '\r') && c != '\n';
            assert_eq!(needs_strip(&s), expect, "U+{n:04X}");
        }
        for c in ['\u{FEFF}', '\u{FFF9}', '\u{FFFB}', '\u{E0001}', '\u{E007F}'] {
            assert!(needs_strip(&format!("x{c}")), "{c:?}");
        }
        for c in ['\u{FFFC}', '\u{E0080}', '\u{1EA1}', '\u{1800}'] {
            assert!(!needs_strip(&format!("x{c}")), "{c:?}");
        }
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn owned_and_borrowed_decoding_agree(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-z \n]{0,8}".prop_map(String::into_bytes),
                    "[à-ỹ\u{300}\u{1b}\u{202e}]{0,4}".prop_map(String::into_bytes),
                    proptest::collection::vec(proptest::num::u8::ANY, 0..4),
                    // Overlong, surrogate, too large, truncated, stray continuation.
                    proptest::sample::select(vec![
                        vec![0xC0, 0xAF], vec![0xE0, 0x80, 0xAF], vec![0xED, 0xA0, 0x80],
                        vec![0xF4, 0x90, 0x80, 0x80], vec![0xE1, 0xBA], vec![0x80],
                        vec![0xF0, 0x9F, 0x98, 0x80], vec![0xEF, 0xBB, 0xBF],
                    ]),
                ],
                0..40,
            )
        ) {
            let bytes = parts.concat();
            proptest::prop_assert_eq!(valid_utf8(&bytes), std::str::from_utf8(&bytes).ok());
            let general = decode_with_info(&bytes).map(|(s, _)| s);
            proptest::prop_assert_eq!(decode_vec(bytes.clone()), general.clone());
            proptest::prop_assert_eq!(decode(&bytes), general);
        }
    }

    #[test]
    fn nul_bytes_in_valid_utf8_are_not_text() {
        // Valid UTF-8 with a NUL anywhere, in clean or dirty text, goes the way of `decode`.
        let clean = "Hà Nội mùa thu năm ấy\n".repeat(4);
        for at in 0..clean.len() {
            if !clean.is_char_boundary(at) {
                continue;
            }
            for extra in ["\0", "\0\r", "\r\0", "\0\0"] {
                let mut t = clean.clone();
                t.insert_str(at, extra);
                let b = t.into_bytes();
                let general = decode_with_info(&b).map(|(s, _)| s);
                assert_eq!(decode(&b), general, "{extra:?} at {at}");
                assert_eq!(decode_vec(b.clone()), general, "{extra:?} at {at}");
                assert!(decode_vec(b).is_err(), "{extra:?} at {at}");
            }
        }
        let utf16: Vec<u8> = "Hà Nội\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode_vec(utf16.clone()).unwrap(), "Hà Nội\n");
        assert_eq!(decode_vec(utf16.clone()), decode(&utf16));
    }

    #[test]
    fn utf32_with_bom() {
        let mut b = vec![0xFF, 0xFE, 0, 0];
        for c in "Hà Nội\n".chars() {
            b.extend((c as u32).to_le_bytes());
        }
        let (s, info) = decode_with_info(&b).unwrap();
        assert_eq!(s, "Hà Nội\n");
        assert_eq!(info.encoding, "UTF-32LE");
    }
}
