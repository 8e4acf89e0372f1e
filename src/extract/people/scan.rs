//! The people pass's tokenizer: the tokens of [`crate::extract::tokens::tokenize`], made
//! with table-free letter tests for Vietnamese text (the people pass tokenizes every block:
//! its hot loop). On x86_64, thirty-two bytes are classed at a step ([`scan_sse2`]).

use crate::extract::tokens::{is_alpha, Token, TokenKind};

/// The tokens of `text` into `out` (cleared first), with `base` added to every offset.
///
/// Returns the first word a block's fixes may change (`BlockTokens::refill`): one that does
/// not start with an ASCII lowercase letter or a digit and holds a hyphen or has a dot right
/// after it.
pub fn scan_into(text: &str, base: usize, out: &mut Vec<Token>) -> Option<usize> {
    scan_with::<false>(text, base, out, &mut Vec::new())
}

/// [`scan_into`], and the index of every word or number that may open a run ([`opens`]) into
/// `openers` (cleared first), in order: the run walk goes from one to the next, not over
/// every token.
pub fn scan_openers(
    text: &str,
    base: usize,
    out: &mut Vec<Token>,
    openers: &mut Vec<usize>,
) -> Option<usize> {
    openers.clear();
    scan_with::<true>(text, base, out, openers)
}

/// [`scan_into`], with [`scan_openers`]'s list when `OPEN` (else `openers` is left alone).
fn scan_with<const OPEN: bool>(
    text: &str,
    base: usize,
    out: &mut Vec<Token>,
    openers: &mut Vec<usize>,
) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("popcnt")
    {
        // SAFETY: the CPU has AVX2 and POPCNT, just checked (the answers are cached).
        unsafe { scan_avx2::<OPEN>(text, base, out, openers) }
    } else {
        // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 CPU has it.
        unsafe { scan_sse2::<OPEN>(text, base, out, openers) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    scan_bytes::<OPEN>(text, base, out, openers)
}

/// Whether a word or number token whose first two bytes are `b` and `b1` may open a run of
/// the people pass: a run opens at a capital or at a particle ("van", "de", each starting
/// with "v" or "d"); so not at an ASCII lowercase letter but those, a digit, or "đ" (U+0111),
/// which opens many lowercase words ("đã", "được").
#[inline]
pub fn opens(b: u8, b1: u8) -> bool {
    let closed = b.is_ascii_digit() || (b.is_ascii_lowercase() && b != b'v' && b != b'd');
    let small_d_bar = b == 0xC4 && b1 == 0x91;
    !(closed || small_d_bar)
}

/// The tokens of `text`.
#[cfg(test)]
pub fn scan(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let _ = scan_into(text, 0, &mut out);
    out
}

/// The words and numbers of `toks` (of `text`) that may open a run ([`opens`]): what
/// [`scan_openers`] lists, found by a walk over the tokens.
pub fn openers_of<'t>(text: &'t str, toks: &'t [Token]) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    toks.iter()
        .enumerate()
        .filter(move |(_, t)| {
            t.kind != TokenKind::Punct
                && opens(bytes[t.start], bytes.get(t.start + 1).copied().unwrap_or(0))
        })
        .map(|(i, _)| i)
}

/// Whether a word starting with byte `b` may need a fix.
#[inline]
fn capital(b: u8) -> bool {
    !matches!(b, b'a'..=b'z' | b'0'..=b'9')
}

/// `char::is_alphanumeric` with no table lookup for ASCII and the Vietnamese Latin ranges
/// (the tokens module's tests check those ranges against the standard library), nor for the
/// General Punctuation block, which holds the quotes, dashes and ellipsis of news text and no
/// letter or digit (checked by the tests below).
#[inline]
pub fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// The char at byte `i` and its length, with a fast path for ASCII.
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Byte classes of the scanner: what a byte says on its own.
const SPACE: u8 = 0;
const ALPHA: u8 = 1;
const DIGIT: u8 = 2;
/// An ASCII joiner ("TP.HCM", "Ba-ra-ắc"): inside a word only when a letter or digit follows.
const JOINER: u8 = 3;
const PUNCT: u8 = 4;
/// The lead byte of a two-byte letter of U+0100–U+01FF (Latin Extended-A and -B).
const LATIN2: u8 = 5;
/// Any other non-ASCII byte: the next byte (or the decoded char) settles it.
const OTHER: u8 = 6;

static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => ALPHA,
            b'0'..=b'9' => DIGIT,
            b'.' | b'-' | b'&' | b'\'' | b'_' => JOINER,
            _ => PUNCT,
        };
        b += 1;
    }
    let mut b = 0xC4;
    while b <= 0xC8 {
        t[b] = LATIN2;
        b += 1;
    }
    t
};

/// [`scan_into`] a char at a step: the scanner of other targets, and the reference for
/// [`scan_sse2`] in the tests. ASCII and the Latin letters Vietnamese uses are told from their
/// bytes ([`CLASS`]); only other chars are decoded.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
fn scan_bytes<const OPEN: bool>(
    text: &str,
    base: usize,
    out: &mut Vec<Token>,
    openers: &mut Vec<usize>,
) -> Option<usize> {
    out.clear();
    // News text has about a token per four or five bytes: room for them at once, not by a
    // doubling per push past each size (capped, so a block of long words takes no more).
    out.reserve((text.len() / 4).min(1 << 12));
    let mut fixable = None;
    // Whether a word starting with byte `b` may need a fix.
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut space_before = true;
    while i < n {
        let b = bytes[i];
        let (len, word, letter) = match CLASS[b as usize] {
            SPACE => {
                space_before = true;
                i += 1;
                continue;
            }
            ALPHA => (1, true, true),
            DIGIT => (1, true, false),
            JOINER | PUNCT => (1, false, false),
            LATIN2 => (2, true, true),
            _ => {
                if let Some(l) = latin_letter_len(bytes, i) {
                    (l, true, true)
                } else {
                    let Some((c, len)) = char_at(text, i) else {
                        break;
                    };
                    if c.is_whitespace() {
                        space_before = true;
                        i += len;
                        continue;
                    }
                    let alnum = is_alnum(c);
                    if !alnum && is_combining(c) {
                        // A stray mark belongs to nothing.
                        space_before = false;
                        i += len;
                        continue;
                    }
                    // Whether it is a letter matters only for a word.
                    (len, alnum, alnum && is_alpha(c))
                }
            }
        };
        if word {
            // A word that starts with a letter has one: no need to look for it.
            let (end, has_letter, hyphen) = if letter {
                let (end, _, hyphen) = word_end::<false>(text, i + len);
                (end, true, hyphen)
            } else {
                word_end::<true>(text, i + len)
            };
            if has_letter && hyphen && capital(b) && fixable.is_none() {
                fixable = Some(out.len());
            }
            if OPEN && opens(b, bytes.get(i + 1).copied().unwrap_or(0)) {
                openers.push(out.len());
            }
            out.push(Token {
                start: base + i,
                end: base + end,
                kind: if has_letter {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                },
                space_before,
            });
            i = end;
        } else {
            let glued_dot = b == b'.' && !space_before;
            if glued_dot && fixable.is_none() {
                let after_word = out.last().is_some_and(|p: &Token| {
                    p.kind == TokenKind::Word && capital(bytes[p.start - base])
                });
                if after_word {
                    fixable = Some(out.len() - 1);
                }
            }
            out.push(Token {
                start: base + i,
                end: base + i + len,
                kind: TokenKind::Punct,
                space_before,
            });
            i += len;
        }
        space_before = false;
    }
    fixable
}

/// The length of the letter at byte `i` if it lies in the Latin blocks holding every
/// Vietnamese letter (U+00C0–U+024F but × and ÷, U+1E00–U+1EFF), all letters.
#[inline]
fn latin_letter_len(bytes: &[u8], i: usize) -> Option<usize> {
    let b = bytes[i];
    let b1 = bytes.get(i + 1).copied().unwrap_or(0);
    match b {
        0xC3 if b1 != 0x97 && b1 != 0xB7 => Some(2),
        0xC4..=0xC8 => Some(2),
        0xC9 if b1 <= 0x8F => Some(2),
        0xE1 if (0xB8..=0xBB).contains(&b1) => Some(3),
        _ => None,
    }
}

/// The end of a word going on at byte `j`, and whether it holds a letter (found only when
/// `LOOK`: a word that started with a letter has one).
#[inline]
fn word_end<const LOOK: bool>(text: &str, mut j: usize) -> (usize, bool, bool) {
    let mut hyphen = false;
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut has_letter = false;
    while j < n {
        let b = bytes[j];
        let class = CLASS[b as usize];
        // Letters first: most bytes of a word are ASCII letters.
        if class == ALPHA {
            if LOOK {
                has_letter = true;
            }
            j += 1;
            continue;
        }
        match class {
            ALPHA => {
                if LOOK {
                    has_letter = true;
                }
                j += 1;
            }
            DIGIT => j += 1,
            LATIN2 => {
                has_letter = true;
                j += 2;
            }
            JOINER if alnum_at(text, j + 1) => {
                hyphen |= b == b'-';
                j += 1;
            }
            SPACE | JOINER | PUNCT => break,
            _ => {
                if let Some(l) = latin_letter_len(bytes, j) {
                    has_letter = true;
                    j += l;
                    continue;
                }
                let Some((d, l)) = char_at(text, j) else {
                    break;
                };
                if is_alnum(d) || is_combining(d) {
                    has_letter |= is_alpha(d);
                    j += l;
                } else if d == '’' && alnum_at(text, j + l) {
                    j += l;
                } else {
                    break;
                }
            }
        }
    }
    (j, has_letter, hyphen)
}

/// Whether a letter or digit starts at byte `i`.
#[inline]
pub fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => char_at(text, i).is_some_and(|(c, _)| is_alnum(c)),
    }
}

/// A word the scanner is in: where it starts, whether whitespace comes before it, and
/// whether it holds a letter and a joining hyphen so far.
#[derive(Clone, Copy)]
struct Open {
    start: usize,
    space_before: bool,
    letter: bool,
    hyphen: bool,
}

/// The scanner's state between steps.
struct Scan<'a, 'o, const OPEN: bool> {
    text: &'a str,
    base: usize,
    out: &'o mut Vec<Token>,
    /// [`scan_openers`]'s list, filled only when `OPEN`.
    openers: &'o mut Vec<usize>,
    fixable: Option<usize>,
    /// Whitespace (or the text's start) came last.
    space_before: bool,
    open: Option<Open>,
}

impl<const OPEN: bool> Scan<'_, '_, OPEN> {
    /// Ends the open word at byte `end`.
    #[inline]
    fn push_word(&mut self, w: Open, end: usize) {
        if w.letter && w.hyphen && capital(self.text.as_bytes()[w.start]) && self.fixable.is_none()
        {
            self.fixable = Some(self.out.len());
        }
        self.out.push(Token {
            start: self.base + w.start,
            end: self.base + end,
            kind: if w.letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            },
            space_before: w.space_before,
        });
    }

    /// A punctuation token of `len` bytes at `at`.
    #[inline]
    fn push_punct(&mut self, at: usize, len: usize, space_before: bool) {
        if self.text.as_bytes()[at] == b'.' && !space_before && self.fixable.is_none() {
            self.fixable = glued_dot(self.out, self.text.as_bytes(), self.base);
        }
        self.out.push(Token {
            start: self.base + at,
            end: self.base + at + len,
            kind: TokenKind::Punct,
            space_before,
        });
    }

    /// One char at byte `p` the masks leave open (a lead byte of no Vietnamese letter, or a
    /// joiner ending a chunk), as [`scan_bytes`] takes it; returns where the next char starts.
    fn step(&mut self, p: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let b = bytes[p];
        if let Some(mut w) = self.open {
            // Inside a word: as `word_end` goes on.
            if b < 0x80 {
                if CLASS[b as usize] == JOINER && alnum_at(text, p + 1) {
                    w.hyphen |= b == b'-';
                    self.open = Some(w);
                    return p + 1;
                }
            } else if let Some(l) = latin_letter_len(bytes, p) {
                w.letter = true;
                self.open = Some(w);
                return p + l;
            } else if let Some((d, l)) = char_at(text, p) {
                if is_alnum(d) || is_combining(d) {
                    w.letter |= is_alpha(d);
                    self.open = Some(w);
                    return p + l;
                }
                if d == '’' && alnum_at(text, p + l) {
                    return p + l;
                }
            }
            self.push_word(w, p);
            self.open = None;
            self.space_before = false;
        }
        // Between words: as the loop of `scan_bytes` takes a char.
        let (len, word, letter) = match CLASS[b as usize] {
            SPACE => {
                self.space_before = true;
                return p + 1;
            }
            ALPHA => (1, true, true),
            DIGIT => (1, true, false),
            JOINER | PUNCT => (1, false, false),
            LATIN2 => (2, true, true),
            _ => {
                if let Some(l) = latin_letter_len(bytes, p) {
                    (l, true, true)
                } else {
                    let Some((c, len)) = char_at(text, p) else {
                        return bytes.len();
                    };
                    if c.is_whitespace() {
                        self.space_before = true;
                        return p + len;
                    }
                    let alnum = is_alnum(c);
                    if !alnum && is_combining(c) {
                        // A stray mark belongs to nothing.
                        self.space_before = false;
                        return p + len;
                    }
                    (len, alnum, alnum && is_alpha(c))
                }
            }
        };
        if word {
            if OPEN && opens(b, bytes.get(p + 1).copied().unwrap_or(0)) {
                // Its token is the next one: nothing ends before it does.
                self.openers.push(self.out.len());
            }
            self.open = Some(Open {
                start: p,
                space_before: self.space_before,
                letter,
                hyphen: false,
            });
        } else {
            self.push_punct(p, len, self.space_before);
        }
        self.space_before = false;
        p + len
    }

    /// The tokens of the [`CHUNK`] bytes at `i` (`chunk[at..]` holds them and one more) up
    /// to the first char the masks cannot settle; returns how many bytes were taken.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "sse2")]
    fn chunk(&mut self, chunk: &[u8], at: usize, i: usize) -> usize {
        self.chunk_with::<false>(chunk, at, i)
    }

    /// [`Scan::chunk`] with the masks made thirty-two bytes at a step.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,popcnt")]
    fn chunk_avx2(&mut self, chunk: &[u8], at: usize, i: usize) -> usize {
        self.chunk_with::<true>(chunk, at, i)
    }

    /// [`Scan::chunk`], its masks made by [`masks32`] when `AVX` (only inlined into a
    /// function with AVX2 enabled), else by [`masks16`].
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn chunk_with<const AVX: bool>(&mut self, chunk: &[u8], at: usize, i: usize) -> usize {
        let (mut sep, mut space, mut slow, mut digit) = (0u64, 0u64, 0u64, 0u64);
        // One bounds check for the chunk and the byte after it, none per load.
        let bytes: &[u8; CHUNK + 1] = chunk[at..at + CHUNK + 1]
            .try_into()
            .unwrap_or(&[b' '; CHUNK + 1]);
        let width = if AVX { 32 } else { 16 };
        for q in 0..CHUNK / width {
            // SAFETY: SSE2 is part of the x86_64 baseline; AVX2 is asked for only by
            // `chunk_avx2`, called only on CPUs that have it.
            let m = unsafe {
                if AVX {
                    masks32(bytes, width * q)
                } else {
                    masks16(bytes, width * q)
                }
            };
            let shift = width * q;
            sep |= u64::from(m.sep) << shift;
            space |= u64::from(m.space) << shift;
            slow |= u64::from(m.slow) << shift;
            digit |= u64::from(m.digit) << shift;
        }
        let carry = u64::from(self.open.is_some());
        // From the chunk's array: a bit's index (64 at most) needs no bounds check.
        let byte = |k: u32| bytes[k as usize];
        let is_joiner = |b: u8| matches!(b, b'.' | b'-' | b'&' | b'\'' | b'_');
        // Up to the first char to decide.
        let mut r = slow.trailing_zeros().min(CHUNK as u32);
        let after = byte(CHUNK as u32);
        let word = !sep;
        let prev_word = (word << 1) | carry;
        // Each byte's next byte starts a word (a letter or digit): within the region, a
        // non-ASCII byte is a letter's.
        let next_word = (word >> 1) | (u64::from(after.is_ascii_alphanumeric()) << 63);
        // A joiner inside a word whose next char is outside the region (a char to decide, or
        // the byte after the chunk and not ASCII) is left to `step`.
        if r > 0
            && is_joiner(byte(r - 1))
            && prev_word >> (r - 1) & 1 != 0
            && (r < CHUNK as u32 || after >= 0x80)
        {
            r -= 1;
        }
        let low = |e: u32| u64::MAX.checked_shr(64 - e).unwrap_or(0);
        let region = low(r);
        // Punctuation between word bytes: a joiner joins them ("TP.HCM", "Ba-ra"). Rare: each
        // is looked at by its byte.
        let mut glued = sep & !space & prev_word & next_word & region;
        let (mut joined, mut hyphens) = (0u64, 0u64);
        while glued != 0 {
            let k = glued.trailing_zeros();
            glued &= glued - 1;
            let b = byte(k);
            if is_joiner(b) {
                joined |= 1 << k;
                if b == b'-' {
                    hyphens |= 1 << k;
                }
            }
        }
        let in_word = (word & region) | joined;
        let prev_in = (in_word << 1) | carry;
        let mut ends = !in_word & prev_in & region;
        let punct = sep & !space & !joined & region;
        let span = |k: u32, e: u32| low(e) & !low(k);
        // Whether a word starting with a digit holds a letter: only such words are looked at.
        let has_letter = |k: u32, e: u32| {
            bytes[k as usize..e as usize]
                .iter()
                .any(|&b| b >= 0x80 || b.is_ascii_alphabetic())
        };
        if let Some(mut w) = self.open {
            if ends == 0 {
                // The word goes on through the region.
                if r > 0 {
                    w.letter = w.letter || has_letter(0, r);
                    w.hyphen |= hyphens != 0;
                    self.open = Some(w);
                    self.space_before = false;
                }
                return r as usize;
            }
            let e = ends.trailing_zeros();
            ends &= ends - 1;
            w.letter = w.letter || has_letter(0, e);
            w.hyphen |= hyphens & low(e) != 0;
            self.push_word(w, i + e as usize);
            self.open = None;
        }
        let word_starts = in_word & !prev_in;
        let mut starts = word_starts | punct;
        // A word still open at the region's end is the start left without an end, the region's
        // last token: made after the loop, which then asks no "is there an end" per word.
        let open_at = (word_starts.count_ones() > ends.count_ones())
            .then(|| 63 - word_starts.leading_zeros());
        if let Some(k) = open_at {
            starts &= !(1u64 << k);
        }
        // Whitespace right before each byte.
        let space_before = (space << 1) | u64::from(self.space_before);
        let (base, from) = (self.base, self.base + i);
        let mut fixable = self.fixable;
        let out = &mut *self.out;
        out.reserve(CHUNK + 1);
        // The tokens are written into the room just reserved and counted in `n`, the list's
        // length set once at the end: no length or room test per token. A chunk's tokens
        // start at distinct bytes of it, so there are at most `CHUNK` of them.
        let mut len = out.len();
        // A pointer, not a slice: no bounds check per token (the room holds `CHUNK + 1`).
        let mut room = out.spare_capacity_mut().as_mut_ptr();
        let mut n = 0;
        if OPEN {
            // The words but numbers starting in the chunk, of which those that may open a
            // run are listed out of line (the tokens' loop below stays as tight as it was).
            let words = in_word & !prev_in & !digit;
            if words != 0 {
                // SAFETY: SSE2 is part of the x86_64 baseline; AVX2 and POPCNT are asked for
                // only from `chunk_avx2`, called only on CPUs that have them.
                unsafe {
                    if AVX {
                        push_openers_avx2(bytes, words, starts, len, self.openers);
                    } else {
                        push_openers_sse2(bytes, words, starts, len, self.openers);
                    }
                }
            }
        }
        // A punctuation token at `k` ends at `k + 1`, a word at its bit of `ends`: no two
        // tokens end at one byte, so each token's end is the lowest bit left of both, taken
        // in turn with the starts (a dot at bit 63 ends at 64, found as no bit left).
        let mut token_ends = ends | (punct << 1);
        // The tokens the loop below settles only by a look at their bytes: words starting with
        // a digit (do they hold a letter?) and, while no fixable word is found, punctuation
        // glued to what comes before (a dot after an initial?) and words holding a hyphen.
        // The others are made without a branch on their kind.
        let mut rare = starts & digit;
        if fixable.is_none() {
            rare |= punct & !space_before;
            if hyphens != 0 {
                rare |= starts & !punct;
            }
        }
        while starts != 0 {
            let k = starts.trailing_zeros();
            starts &= starts - 1;
            let e = token_ends.trailing_zeros();
            token_ends &= token_ends.wrapping_sub(1);
            let sb = space_before >> k & 1 != 0;
            let is_punct = punct >> k & 1 != 0;
            let mut kind = if is_punct {
                TokenKind::Punct
            } else {
                TokenKind::Word
            };
            if rare >> k & 1 != 0 {
                if is_punct {
                    if fixable.is_none() && !sb && byte(k) == b'.' {
                        // The tokens so far made part of the list, for `glued_dot` to see.
                        // SAFETY: the first `n` slots of the room were written below.
                        unsafe { out.set_len(len + n) };
                        fixable = glued_dot(out, self.text.as_bytes(), base);
                        (len, n) = (out.len(), 0);
                        room = out.spare_capacity_mut().as_mut_ptr();
                    }
                } else {
                    // A word starting with a letter holds one.
                    let letter = digit >> k & 1 == 0 || has_letter(k, e);
                    if !letter {
                        kind = TokenKind::Number;
                    }
                    if hyphens != 0
                        && fixable.is_none()
                        && hyphens & span(k, e) != 0
                        && letter
                        && capital(byte(k))
                    {
                        fixable = Some(len + n);
                    }
                }
            }
            // SAFETY: `n` is below the chunk's token count, within the room reserved.
            unsafe {
                (*room.add(n)).write(Token {
                    start: from + k as usize,
                    end: from + e as usize,
                    kind,
                    space_before: sb,
                });
            }
            n += 1;
        }
        // SAFETY: the first `n` slots of the room were written above.
        unsafe { out.set_len(len + n) };
        self.fixable = fixable;
        if let Some(k) = open_at {
            // Open at the region's end: the next step goes on with it.
            let bit = 1u64 << k;
            self.open = Some(Open {
                start: i + k as usize,
                space_before: space_before & bit != 0,
                letter: digit & bit == 0 || has_letter(k, r),
                hyphen: hyphens & span(k, r) != 0,
            });
        }
        if r > 0 {
            self.space_before = space >> (r - 1) & 1 != 0;
        }
        r as usize
    }
}

/// Lists into `openers` the tokens of a chunk that may open a run ([`opens`]), of `words`, the
/// bytes that start a word or a number but no digit: the bits of `starts` (the bytes where
/// the chunk's tokens start, the first of them token `first`) count a token's index.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
#[inline(never)]
fn push_openers_avx2(
    bytes: &[u8; CHUNK + 1],
    words: u64,
    starts: u64,
    first: usize,
    openers: &mut Vec<usize>,
) {
    let closed = closed32(bytes, 0) | closed32(bytes, 32) << 32;
    push_openers(words & !closed, starts, first, openers);
}

/// [`push_openers_avx2`] sixteen bytes at a step.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline(never)]
fn push_openers_sse2(
    bytes: &[u8; CHUNK + 1],
    words: u64,
    starts: u64,
    first: usize,
    openers: &mut Vec<usize>,
) {
    let mut closed = 0;
    for q in 0..CHUNK / 16 {
        closed |= closed16(bytes, 16 * q) << (16 * q);
    }
    push_openers(words & !closed, starts, first, openers);
}

/// The tokens at the bits of `open`, as [`push_openers_avx2`] counts them.
#[inline(always)]
fn push_openers(mut open: u64, starts: u64, first: usize, openers: &mut Vec<usize>) {
    while open != 0 {
        let k = open.trailing_zeros();
        open &= open - 1;
        let before = starts & ((1u64 << k) - 1);
        openers.push(first + before.count_ones() as usize);
    }
}

/// The bytes at `i..i + 32` a word opening with opens no run ([`opens`]) but the digits: ASCII
/// lowercase letters but "v" and "d", and the lead byte of "đ" (`i + 33 <= CHUNK + 1`).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn closed32(bytes: &[u8; CHUNK + 1], i: usize) -> u64 {
    use std::arch::x86_64::*;
    let b = &bytes[i..i + 33];
    // SAFETY: `b` holds the thirty-two bytes at 0 and at 1; unaligned loads need no more.
    let (v, next) = unsafe {
        (
            _mm256_loadu_si256(b.as_ptr().cast()),
            _mm256_loadu_si256(b.as_ptr().add(1).cast()),
        )
    };
    let splat = |b: u8| _mm256_set1_epi8(b as i8);
    let eq = |x: __m256i, b: u8| _mm256_cmpeq_epi8(x, splat(b));
    let lower = _mm256_and_si256(
        _mm256_cmpgt_epi8(v, splat(b'a' - 1)),
        _mm256_cmpgt_epi8(splat(b'z' + 1), v),
    );
    let particle = _mm256_or_si256(eq(v, b'v'), eq(v, b'd'));
    let dd = _mm256_and_si256(eq(v, 0xC4), eq(next, 0x91));
    let closed = _mm256_or_si256(_mm256_andnot_si256(particle, lower), dd);
    u64::from(_mm256_movemask_epi8(closed) as u32)
}

/// [`closed32`] of sixteen bytes (`i + 17 <= CHUNK + 1`).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn closed16(bytes: &[u8; CHUNK + 1], i: usize) -> u64 {
    use std::arch::x86_64::*;
    let b = &bytes[i..i + 17];
    // SAFETY: `b` holds the sixteen bytes at 0 and at 1; unaligned loads need no more.
    let (v, next) = unsafe {
        (
            _mm_loadu_si128(b.as_ptr().cast()),
            _mm_loadu_si128(b.as_ptr().add(1).cast()),
        )
    };
    let splat = |b: u8| _mm_set1_epi8(b as i8);
    let eq = |x: __m128i, b: u8| _mm_cmpeq_epi8(x, splat(b));
    let lower = _mm_and_si128(
        _mm_cmpgt_epi8(v, splat(b'a' - 1)),
        _mm_cmpgt_epi8(splat(b'z' + 1), v),
    );
    let particle = _mm_or_si128(eq(v, b'v'), eq(v, b'd'));
    let dd = _mm_and_si128(eq(v, 0xC4), eq(next, 0x91));
    let closed = _mm_or_si128(_mm_andnot_si128(particle, lower), dd);
    u64::from(_mm_movemask_epi8(closed) as u16)
}

/// After a dot glued to the last of `out`: the first fixable word if that is a capitalised
/// word ([`scan_into`]).
fn glued_dot(out: &[Token], bytes: &[u8], base: usize) -> Option<usize> {
    let p = out.last()?;
    (p.kind == TokenKind::Word && capital(bytes[p.start - base])).then(|| out.len() - 1)
}

/// Bytes [`Scan::chunk`] classes at a step.
const CHUNK: usize = 64;

/// [`scan_into`] [`CHUNK`] bytes at a step: one pass of byte compares classes the ASCII bytes
/// (spaces, other punctuation, letters and digits) and finds the lead bytes of chars that are
/// no Vietnamese letter; tokens begin and end at the bits of the masks, and only those rare
/// chars (typographic quotes and dashes, other scripts, ×, ÷, combining marks) and a joiner
/// at a chunk's end are taken one by one ([`Scan::step`]).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn scan_sse2<const OPEN: bool>(
    text: &str,
    base: usize,
    out: &mut Vec<Token>,
    openers: &mut Vec<usize>,
) -> Option<usize> {
    scan_chunks::<false, OPEN>(text, base, out, openers)
}

/// [`scan_sse2`] with the masks of a chunk made thirty-two bytes at a step.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt")]
fn scan_avx2<const OPEN: bool>(
    text: &str,
    base: usize,
    out: &mut Vec<Token>,
    openers: &mut Vec<usize>,
) -> Option<usize> {
    scan_chunks::<true, OPEN>(text, base, out, openers)
}

/// The walk of [`scan_sse2`] and [`scan_avx2`].
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn scan_chunks<const AVX: bool, const OPEN: bool>(
    text: &str,
    base: usize,
    out: &mut Vec<Token>,
    openers: &mut Vec<usize>,
) -> Option<usize> {
    out.clear();
    // News text has about a token per four or five bytes: room for them at once, not by a
    // doubling per push past each size (capped, so a block of long words takes no more).
    out.reserve((text.len() / 4).min(1 << 12));
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut s = Scan::<OPEN> {
        text,
        base,
        out,
        openers,
        fixable: None,
        space_before: true,
        open: None,
    };
    let mut padded: [u8; CHUNK + 1];
    let mut i = 0;
    while i < n {
        let (chunk, at) = if i + CHUNK < n {
            (bytes, i)
        } else {
            // The last bytes padded with spaces, which end a word and start none.
            padded = [b' '; CHUNK + 1];
            padded[..n - i].copy_from_slice(&bytes[i..]);
            (&padded[..], 0)
        };
        // SAFETY: SSE2 is part of the x86_64 baseline; `AVX` only from `scan_avx2`, called
        // only on CPUs with AVX2.
        let r = unsafe {
            if AVX {
                s.chunk_avx2(chunk, at, i)
            } else {
                s.chunk(chunk, at, i)
            }
        };
        if i + r >= n {
            break;
        }
        i += r;
        if r < CHUNK {
            i = s.step(i);
        }
    }
    if let Some(w) = s.open.take() {
        s.push_word(w, n);
    }
    s.fixable
}

/// Bit masks of sixteen bytes.
#[cfg(target_arch = "x86_64")]
struct Masks {
    /// ASCII bytes that are no letter or digit.
    sep: u32,
    /// ASCII whitespace.
    space: u32,
    /// Lead bytes of chars [`latin_letter_len`] does not take, and all of 0xC9.
    slow: u32,
    /// ASCII digits.
    digit: u32,
}

/// The [`Masks`] of the sixteen bytes at `i` (`i + 17 <= CHUNK + 1`). Bytes compare as
/// signed: ASCII is non-negative, every other byte negative.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn masks16(bytes: &[u8; CHUNK + 1], i: usize) -> Masks {
    use std::arch::x86_64::*;
    let at = |k: usize| {
        let mut w = [0u8; 16];
        w.copy_from_slice(&bytes[k..k + 16]);
        // SAFETY: an unaligned load of sixteen bytes from a local array.
        unsafe { _mm_loadu_si128(w.as_ptr().cast()) }
    };
    let v = at(i);
    // Each byte's next byte.
    let next = at(i + 1);
    let splat = |b: u8| _mm_set1_epi8(b as i8);
    let eq = |x: __m128i, b: u8| _mm_cmpeq_epi8(x, splat(b));
    // Signed `lo <= x <= hi` per byte.
    let within = |x: __m128i, lo: u8, hi: u8| {
        _mm_and_si128(
            _mm_cmpgt_epi8(x, splat(lo.wrapping_sub(1))),
            _mm_cmpgt_epi8(splat(hi.wrapping_add(1)), x),
        )
    };
    let m = |x: __m128i| _mm_movemask_epi8(x) as u32;
    let digit = within(v, b'0', b'9');
    let letter = within(_mm_or_si128(v, splat(0x20)), b'a', b'z');
    let non_ascii = m(v);
    let space = _mm_or_si128(within(v, b'\t', b'\r'), eq(v, b' '));
    // Lead bytes: 0xC0 and up.
    let lead = m(_mm_cmpgt_epi8(v, splat(0xBF))) & non_ascii;
    // The leads `latin_letter_len` takes but 0xC9 (rare): 0xC3 but before 0x97 or 0xB7 (×
    // and ÷), 0xC4 to 0xC8, 0xE1 before 0xB8..=0xBB.
    let c3 = _mm_andnot_si128(eq(_mm_and_si128(next, splat(0xDF)), 0x97), eq(v, 0xC3));
    let e1 = _mm_and_si128(eq(v, 0xE1), eq(_mm_and_si128(next, splat(0xFC)), 0xB8));
    let known = _mm_or_si128(_mm_or_si128(within(v, 0xC4, 0xC8), c3), e1);
    let digit = m(digit);
    Masks {
        sep: !(digit | m(letter) | non_ascii) & 0xFFFF,
        space: m(space),
        slow: lead & !m(known),
        digit,
    }
}

/// [`masks16`] of the thirty-two bytes at `i` (`i + 33 <= CHUNK + 1`) at once.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn masks32(bytes: &[u8; CHUNK + 1], i: usize) -> Masks {
    use std::arch::x86_64::*;
    // One bounds check for both loads.
    let b = &bytes[i..i + 33];
    // SAFETY: `b` holds the thirty-two bytes at 0 and at 1; unaligned loads need no more.
    let (v, next) = unsafe {
        (
            _mm256_loadu_si256(b.as_ptr().cast()),
            // Each byte's next byte.
            _mm256_loadu_si256(b.as_ptr().add(1).cast()),
        )
    };
    let splat = |b: u8| _mm256_set1_epi8(b as i8);
    let eq = |x: __m256i, b: u8| _mm256_cmpeq_epi8(x, splat(b));
    // Signed `lo <= x <= hi` per byte.
    let within = |x: __m256i, lo: u8, hi: u8| {
        _mm256_and_si256(
            _mm256_cmpgt_epi8(x, splat(lo.wrapping_sub(1))),
            _mm256_cmpgt_epi8(splat(hi.wrapping_add(1)), x),
        )
    };
    let m = |x: __m256i| _mm256_movemask_epi8(x) as u32;
    let digit = within(v, b'0', b'9');
    let letter = within(_mm256_or_si256(v, splat(0x20)), b'a', b'z');
    let non_ascii = m(v);
    let space = _mm256_or_si256(within(v, b'\t', b'\r'), eq(v, b' '));
    // Lead bytes: 0xC0 and up.
    let lead = m(_mm256_cmpgt_epi8(v, splat(0xBF))) & non_ascii;
    let c3 = _mm256_andnot_si256(eq(_mm256_and_si256(next, splat(0xDF)), 0x97), eq(v, 0xC3));
    let e1 = _mm256_and_si256(eq(v, 0xE1), eq(_mm256_and_si256(next, splat(0xFC)), 0xB8));
    let known = _mm256_or_si256(_mm256_or_si256(within(v, 0xC4, 0xC8), c3), e1);
    let digit = m(digit);
    Masks {
        sep: !(digit | m(letter) | non_ascii),
        space: m(space),
        slow: lead & !m(known),
        digit,
    }
}

#[cfg(test)]
mod tests {
    use super::{scan, scan_bytes};
    use crate::extract::tokens::tokenize;

    proptest::proptest! {
        #[test]
        fn scan_is_tokenize(t in "[ a-zA-Z×÷ÀÿɏɐḀỿĐđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ.,’&_'\\-\u{301}\u{300}0-9\n“”…]{0,60}") {
            proptest::prop_assert_eq!(scan(&t), tokenize(&t));
        }

        #[test]
        fn scan_finds_the_first_fixable_word(t in "[ a-zA-ZĐđÂâ.\\-0-9,]{0,40}") {
            // A word not starting with a lowercase ASCII letter or a digit, holding a hyphen
            // or with a dot glued after it.
            let toks = scan(&t);
            let b = t.as_bytes();
            let want = (0..toks.len()).find(|&i| {
                let w = &toks[i];
                w.kind == crate::extract::tokens::TokenKind::Word
                    && !matches!(b[w.start], b'a'..=b'z' | b'0'..=b'9')
                    && (b[w.start..w.end].contains(&b'-')
                        || toks.get(i + 1).is_some_and(|n| {
                            n.kind == crate::extract::tokens::TokenKind::Punct
                                && !n.space_before
                                && b[n.start] == b'.'
                        }))
            });
            let mut out = Vec::new();
            proptest::prop_assert_eq!(super::scan_into(&t, 0, &mut out), want);
        }

    }

    #[test]
    fn is_alnum_is_the_standard_test() {
        let ranges = [(0..0x300u32), (0x1DC0..0x2100), (0x3000..0x3010)];
        for u in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(super::is_alnum(c), c.is_alphanumeric(), "U+{u:04X}");
        }
    }

    #[test]
    fn scan_matches_the_shared_tokenizer() {
        for t in [
            "Đồng chí Trần Thị Lộc- Ủy viên BTV, Trưởng ban",
            "Công an TP.HCM (PC67). Nguyễn Văn Q. và “Sở TT&TT” 3,27 H’Hen Niê",
            "x\u{301}y ½ ٣ 𝔸 ß İ",
        ] {
            assert_eq!(scan(t), tokenize(t), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn chunked_scan_is_the_byte_scan(t in "[ a-zA-Z0-9×÷ÀÿɏɐʃḀỿᄀĐđàầẫăắếệờữỳỹ.,’&_'\\-\u{301}\u{300}\u{a0}\n\t“”…½٣𝔸αΩ]{0,200}") {
            let (mut want, mut want_open) = (Vec::new(), Vec::new());
            let want_fix = scan_bytes::<true>(&t, 7, &mut want, &mut want_open);
            let (mut got, mut got_open) = (Vec::new(), Vec::new());
            let got_fix = super::scan_openers(&t, 7, &mut got, &mut got_open);
            proptest::prop_assert_eq!(&got, &want);
            proptest::prop_assert_eq!(got_fix, want_fix);
            proptest::prop_assert_eq!(&got_open, &want_open);
            // Each list is the walk's over the tokens (offsets back to the text's).
            let local: Vec<_> = want.iter().map(|k| crate::extract::tokens::Token { start: k.start - 7, end: k.end - 7, ..*k }).collect();
            let walk: Vec<usize> = super::openers_of(&t, &local).collect();
            proptest::prop_assert_eq!(&want_open, &walk);
            // And the plain scan is the same scan.
            let mut plain = Vec::new();
            proptest::prop_assert_eq!(super::scan_into(&t, 7, &mut plain), want_fix);
            proptest::prop_assert_eq!(&plain, &want);
        }

        #[test]
        fn chunked_scan_is_the_byte_scan_on_any_text(t in proptest::string::string_regex("(?s).{0,150}").unwrap_or_else(|_| unreachable!())) {
            let (mut want, mut want_open) = (Vec::new(), Vec::new());
            let want_fix = scan_bytes::<true>(&t, 3, &mut want, &mut want_open);
            let (mut got, mut got_open) = (Vec::new(), Vec::new());
            let got_fix = super::scan_openers(&t, 3, &mut got, &mut got_open);
            proptest::prop_assert_eq!(&got, &want);
            proptest::prop_assert_eq!(got_fix, want_fix);
            proptest::prop_assert_eq!(&got_open, &want_open);
            // Each list is the walk's over the tokens (offsets back to the text's).
            let local: Vec<_> = want.iter().map(|k| crate::extract::tokens::Token { start: k.start - 3, end: k.end - 3, ..*k }).collect();
            let walk: Vec<usize> = super::openers_of(&t, &local).collect();
            proptest::prop_assert_eq!(&want_open, &walk);
            // And the plain scan is the same scan.
            let mut plain = Vec::new();
            proptest::prop_assert_eq!(super::scan_into(&t, 3, &mut plain), want_fix);
            proptest::prop_assert_eq!(&plain, &want);
        }

        #[test]
        fn sse2_and_avx2_scans_are_the_byte_scan(t in "[ a-zA-Z0-9×÷ÀÿɏɐʃḀỿᄀĐđàầẫăắếệờữỳỹ.,’&_'\\-\u{301}\u{300}\u{a0}\n\t“”…½٣𝔸αΩ]{0,300}") {
            let (mut want, mut want_open) = (Vec::new(), Vec::new());
            let want_fix = scan_bytes::<true>(&t, 5, &mut want, &mut want_open);
            let (mut got, mut got_open) = (Vec::new(), Vec::new());
            // SAFETY: SSE2 is part of the x86_64 baseline.
            #[cfg(target_arch = "x86_64")]
            let got_fix = unsafe { super::scan_sse2::<true>(&t, 5, &mut got, &mut got_open) };
            #[cfg(target_arch = "x86_64")]
            {
                proptest::prop_assert_eq!(&got, &want);
                proptest::prop_assert_eq!(got_fix, want_fix);
                proptest::prop_assert_eq!(&got_open, &want_open);
            }
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("popcnt") {
                got_open.clear();
                // SAFETY: the CPU has AVX2, just checked.
                let got_fix = unsafe { super::scan_avx2::<true>(&t, 5, &mut got, &mut got_open) };
                proptest::prop_assert_eq!(&got, &want);
                proptest::prop_assert_eq!(got_fix, want_fix);
                proptest::prop_assert_eq!(&got_open, &want_open);
            }
        }

        #[test]
        #[cfg(target_arch = "x86_64")]
        fn masks32_are_two_masks16(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), super::CHUNK + 1)) {
            if std::arch::is_x86_feature_detected!("avx2") {
                let b: &[u8; super::CHUNK + 1] = bytes.as_slice().try_into().unwrap_or(&[0; super::CHUNK + 1]);
                for i in [0, 32] {
                    // SAFETY: the CPU has AVX2, just checked; SSE2 is baseline.
                    let (w, lo, hi) = unsafe { (super::masks32(b, i), super::masks16(b, i), super::masks16(b, i + 16)) };
                    let two = |l: u32, h: u32| l | h << 16;
                    proptest::prop_assert_eq!(w.sep, two(lo.sep, hi.sep));
                    proptest::prop_assert_eq!(w.space, two(lo.space, hi.space));
                    proptest::prop_assert_eq!(w.slow, two(lo.slow, hi.slow));
                    proptest::prop_assert_eq!(w.digit, two(lo.digit, hi.digit));
                }
            }
        }

        #[test]
        fn chunked_scan_is_the_byte_scan_on_words(t in "([A-Za-zĐđÂâ]{1,9}[ .\\-,]{1,2}){0,40}") {
            let mut want = Vec::new();
            let want_fix = scan_bytes::<false>(&t, 0, &mut want, &mut Vec::new());
            let mut got = Vec::new();
            let got_fix = super::scan_into(&t, 0, &mut got);
            proptest::prop_assert_eq!(&got, &want);
            proptest::prop_assert_eq!(got_fix, want_fix);
        }
    }
}
