//! Bytes → clean NFC text.
//!
//! Everything a file can carry that would drive a terminal (escape sequences, C0/C1 controls,
//! bidi overrides) is removed here, once, so no later stage has to think about it.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use thiserror::Error;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

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
    pub encoding: &'static Encoding,
    /// Whether invalid sequences were replaced with U+FFFD.
    pub lossy: bool,
}

const TAB_STOP: usize = 8;

/// Decodes `bytes` into clean NFC text with LF line endings.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_with_info(bytes).map(|(s, _)| s)
}

/// As [`decode`], also telling which encoding was used.
pub fn decode_with_info(bytes: &[u8]) -> Result<(String, Decoded), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (raw, info) = to_unicode(bytes)?;
    let text = clean(&raw);
    if text.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
        return Err(DecodeError::Blank);
    }
    Ok((text, info))
}

fn to_unicode(bytes: &[u8]) -> Result<(String, Decoded), DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (s, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok((
            s.into_owned(),
            Decoded {
                encoding: enc,
                lossy: had_errors,
            },
        ));
    }
    if let Some(enc) = sniff_utf16(bytes) {
        let (s, had_errors) = enc.decode_without_bom_handling(bytes);
        return Ok((
            s.into_owned(),
            Decoded {
                encoding: enc,
                lossy: had_errors,
            },
        ));
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((
            s.to_owned(),
            Decoded {
                encoding: UTF_8,
                lossy: false,
            },
        )),
        Err(_) if mostly_utf8(bytes) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            Ok((
                s,
                Decoded {
                    encoding: UTF_8,
                    lossy: true,
                },
            ))
        }
        Err(_) => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            // The .vn hint makes windows-1258 win over windows-1252 on Vietnamese text.
            let enc = det.guess(Some(b"vn"), false);
            let (s, _, had_errors) = enc.decode(bytes);
            if looks_like_random_bytes(&s) {
                return Err(DecodeError::Binary("not text in any known encoding"));
            }
            Ok((
                s.into_owned(),
                Decoded {
                    encoding: enc,
                    lossy: had_errors,
                },
            ))
        }
    }
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
        (b"7z\xbc\xaf\x27\x1c", "7z archive"),
        (b"RIFF", "RIFF media"),
        (b"OggS", "Ogg media"),
        (b"ID3", "MP3 audio"),
        (b"\x00\x00\x01\x00", "icon"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
    ];
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

/// Decoded text that is mostly controls and symbols came from a binary file.
fn looks_like_random_bytes(s: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in s.chars().take(8192) {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || c == '\u{FFFD}' {
            odd += 1;
        }
    }
    total > 0 && odd * 10 > total
}

/// Characters that take no room and carry no text: removed like controls.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    ) || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` must not survive into the text (newline and tab are handled separately).
fn is_unwanted(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_invisible(c)
}

/// Removes escape sequences and controls, unifies line endings, expands tabs, then NFC.
pub fn clean(raw: &str) -> String {
    let needs_work = raw.bytes().any(|b| b < 0x20 && b != b'\n' || b == 0x7F)
        || (!raw.is_ascii() && raw.chars().any(|c| is_unwanted(c) || is_line_sep(c)));
    let stripped: std::borrow::Cow<str> = if needs_work {
        std::borrow::Cow::Owned(strip(raw))
    } else {
        std::borrow::Cow::Borrowed(raw)
    };
    match is_nfc_quick(stripped.chars()) {
        IsNormalized::Yes => stripped.into_owned(),
        _ => stripped.nfc().collect(),
    }
}

fn is_line_sep(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{0085}')
}

fn strip(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut col = 0usize;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000B}' | '\u{000C}' => {
                out.push('\n');
                col = 0;
            }
            '\r' => {
                // CRLF and a lone CR both end a line.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                col = 0;
            }
            '\t' => {
                let n = TAB_STOP - col % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\u{1B}' => skip_escape(&mut chars),
            '\u{9B}' => skip_csi(&mut chars),
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            c if is_unwanted(c) => {}
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: CSI, OSC/DCS/SOS/PM/APC strings, or a single escape code, removed whole.
fn skip_escape(chars: &mut Chars) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // nF escapes: intermediates then a final byte, e.g. ESC ( B.
        Some(c) if ('\u{20}'..='\u{2F}').contains(&c) => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2F}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7E}').contains(c));
        }
        Some(c) if ('\u{30}'..='\u{7E}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI parameters and intermediates, then one final byte. Stops at a newline so a broken
/// sequence can never swallow the text after it.
fn skip_csi(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{30}'..='\u{3F}' | '\u{20}'..='\u{2F}' => {
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

/// A control string runs to BEL or ST (ESC \ or U+009C); bounded by the end of the line.
fn skip_string(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{07}' | '\u{9C}' => {
                chars.next();
                return;
            }
            '\u{1B}' => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn line_endings_and_tabs() {
        assert_eq!(clean("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(clean("ab\tc\n\td"), "ab      c\n        d");
    }

    #[test]
    fn bidi_and_zero_width_removed() {
        assert_eq!(
            clean("a\u{202E}b\u{2066}c\u{2069}d\u{200B}e\u{FEFF}"),
            "abcde"
        );
    }

    #[test]
    fn nfc_applied() {
        assert_eq!(clean("Hoa\u{300}"), "Hoà");
    }
}
