//! A fast word scan: byte ranges of runs of letters and digits, and the tables that say which
//! words may open an organisation's name. Cheaper than full tokenizing, which only the windows
//! after a likely head need.

use crate::extract::tokens::is_letter;
use crate::lexicon::orgs::FastMap;

/// Byte ranges of the words of `src`, in order.
#[cfg(test)]
pub fn word_spans(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(src.len() / 6);
    out.extend(WordSpans::new(src));
    out
}

/// ASCII letters and digits.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// The iterator behind [`word_spans`], for callers that need no vector.
pub struct WordSpans<'a> {
    src: &'a str,
    i: usize,
    /// A char of lead byte 0xCC or 0xCD (the combining marks U+0300..=U+036F among them) was
    /// read.
    pub saw_mark: bool,
    /// A `_` was read (between words: it is no word char). Saves a second pass over the text.
    pub saw_underscore: bool,
    /// [`Self::fill`] stopped inside a word that starts at `start`.
    in_word: bool,
    start: usize,
}

impl<'a> WordSpans<'a> {
    pub fn new(src: &'a str) -> Self {
        WordSpans {
            src,
            i: 0,
            saw_mark: false,
            saw_underscore: false,
            in_word: false,
            start: 0,
        }
    }

    /// Whether the char at byte `i` is part of a word, and its length. Decides on the lead
    /// byte: ASCII by table, the Latin and Vietnamese letters (lead bytes 0xC3..=0xC9 and
    /// 0xE1 0xBA/0xBB) without decoding, anything else decoded.
    #[inline(always)]
    fn letter_at(&mut self, i: usize) -> (bool, usize) {
        let bytes = self.src.as_bytes();
        match bytes[i] {
            b @ 0..=0x7F => (ASCII_WORD[b as usize], 1),
            0xC4..=0xC9 => (true, 2),
            0xC3 => (!matches!(bytes.get(i + 1), Some(0x97 | 0xB7)), 2),
            0xE1 if matches!(bytes.get(i + 1), Some(0xBA | 0xBB)) => (true, 3),
            b => {
                self.saw_mark |= matches!(b, 0xCC | 0xCD);
                let c = self.src[i..].chars().next().unwrap_or(' ');
                (is_letter(c), c.len_utf8())
            }
        }
    }
}

impl WordSpans<'_> {
    /// Appends the next words to `out` as flat pairs `base + start, base + end`: `max` of
    /// them or a few more, all the rest at the end of the text; nothing once the text is done.
    /// Not to be mixed with [`Iterator::next`] on one walk. Offsets must fit in a `u32`.
    pub fn fill(&mut self, out: &mut Vec<u32>, base: u32, max: usize) {
        debug_assert!(base as usize + self.src.len() <= u32::MAX as usize);
        #[cfg(target_arch = "x86_64")]
        if has_avx2() {
            // SAFETY: the CPU has AVX2, BMI1 and POPCNT, just checked (the answer is cached).
            unsafe { self.fill_avx2(out, base, max) }
        } else {
            // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 CPU has it.
            unsafe { self.fill_sse2(out, base, max) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        self.fill_chars(out, base, max)
    }

    /// [`Self::fill`] a char at a step: the walk of other targets, and a reference for
    /// [`Self::fill_sse2`] in the tests.
    #[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
    fn fill_chars(&mut self, out: &mut Vec<u32>, base: u32, max: usize) {
        let bytes = self.src.as_bytes();
        let n = bytes.len();
        let (mut i, mut in_word, mut start) = (self.i, self.in_word, self.start);
        let mut words = 0;
        while words < max && i < n {
            let b = bytes[i];
            let (letter, len) = if b < 0x80 {
                self.saw_underscore |= b == b'_';
                (ASCII_WORD[b as usize], 1)
            } else {
                self.letter_at(i)
            };
            if letter && !in_word {
                start = i;
                in_word = true;
            } else if !letter && in_word {
                out.extend([base + start as u32, base + i as u32]);
                words += 1;
                in_word = false;
            }
            i += len;
        }
        if i >= n && in_word {
            out.extend([base + start as u32, base + n as u32]);
            in_word = false;
        }
        (self.i, self.in_word, self.start) = (i, in_word, start);
    }

    /// [`Self::fill`] sixty-four bytes at a step: one pass of byte compares finds the ASCII
    /// chars that end words and the chars [`Self::letter_at`] must decide; words begin and
    /// end at the bits of the first mask, and only the rare chars of the second (typographic
    /// quotes and dashes, other scripts, ×, ÷, combining marks) are looked at one by one.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "sse2")]
    fn fill_sse2(&mut self, out: &mut Vec<u32>, base: u32, max: usize) {
        self.fill_steps(out, base, max, |chunk, at| {
            // Thirty-two bytes: two steps of sixteen in one mask.
            let (sep_lo, slow_lo, underscore_lo) = masks16(chunk, at);
            let (sep_hi, slow_hi, underscore_hi) = masks16(chunk, at + 16);
            (
                sep_lo | sep_hi << 16,
                slow_lo | slow_hi << 16,
                underscore_lo | underscore_hi,
            )
        })
    }

    /// [`Self::fill_sse2`] with the masks of thirty-two bytes made at once: about half
    /// the instructions per step. BMI1 and POPCNT (which every AVX2 CPU has) count and find
    /// the edges in one instruction each instead of a dozen.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,bmi1,popcnt")]
    fn fill_avx2(&mut self, out: &mut Vec<u32>, base: u32, max: usize) {
        self.fill_steps(out, base, max, |chunk, at| masks32(chunk, at))
    }

    /// The walk of [`Self::fill_sse2`] and [`Self::fill_avx2`], with `masks` giving the
    /// separator, slow and `_` masks of the thirty-two bytes at a position (thirty-three
    /// readable), taken sixty-four bytes a step. Every place where a word starts or ends is
    /// written in turn, a word's start then its end: an open word's start is taken back at the
    /// end and kept for the next call.
    #[inline(always)]
    fn fill_steps(
        &mut self,
        out: &mut Vec<u32>,
        base: u32,
        max: usize,
        masks: impl Fn(&[u8], usize) -> (u32, u32, u32),
    ) {
        let bytes = self.src.as_bytes();
        let n = bytes.len();
        let (mut i, mut in_word) = (self.i, self.in_word);
        let target = out.len() + 2 * max;
        if in_word {
            out.push(base + self.start as u32);
        }
        let mut padded: [u8; 65];
        while out.len() < target && i < n {
            let (chunk, at) = if i + 65 <= n {
                (bytes, i)
            } else {
                // The last bytes padded with spaces, which end a word and start none.
                padded = [b' '; 65];
                padded[..n - i].copy_from_slice(&bytes[i..]);
                (&padded[..], 0)
            };
            {
                // Sixty-four bytes: two steps of thirty-two in one mask.
                let (sep_lo, slow_lo, underscore_lo) = masks(chunk, at);
                let (sep_hi, slow_hi, underscore_hi) = masks(chunk, at + 32);
                let sep = u64::from(sep_lo) | u64::from(sep_hi) << 32;
                let slow = u64::from(slow_lo) | u64::from(slow_hi) << 32;
                self.saw_underscore |= (underscore_lo | underscore_hi) != 0;
                // Bytes before the first char to decide: ASCII separators, and letters with
                // their continuation bytes.
                let limit = slow.trailing_zeros();
                let in_range = u64::MAX.checked_shr(64 - limit).unwrap_or(0);
                let word = !sep & in_range;
                // A bit where a byte is a word byte and the one before is not, or the reverse.
                let mut edges = (word ^ ((word << 1) | u64::from(in_word))) & in_range;
                let count = edges.count_ones() as usize;
                in_word ^= count & 1 == 1;
                // At most sixty-four edges, written four at a time (the writes past the last
                // edge are not kept): room once, then plain writes.
                out.reserve(64 + 4);
                let at = base + i as u32;
                let len = out.len();
                // SAFETY: `reserve` made room for sixty-eight entries after the length, and
                // at most sixty-four edges take at most sixteen rounds of four writes; only
                // the `count` entries written for edges are kept by `set_len`.
                unsafe {
                    let mut p = out.as_mut_ptr().add(len);
                    while edges != 0 {
                        for _ in 0..4 {
                            // Past the last edge: a value no one reads.
                            p.write(at.wrapping_add(edges.trailing_zeros()));
                            p = p.add(1);
                            edges &= edges.wrapping_sub(1);
                        }
                    }
                    out.set_len(len + count);
                }
                // Past the text's end only the padding is left.
                i = (i + limit as usize).min(n);
                if limit == 64 || i == n {
                    continue;
                }
            }
            // The char to decide: a lead byte.
            debug_assert!(bytes[i] >= 0xC0);
            let (letter, len) = self.letter_at(i);
            if letter != in_word {
                out.push(base + i as u32);
                in_word = letter;
            }
            i += len;
        }
        if i >= n && in_word {
            out.push(base + n as u32);
            in_word = false;
        }
        if in_word {
            // The open word's start, written above, is given again by the next call.
            self.start = (out.pop().unwrap_or(base) - base) as usize;
        }
        (self.i, self.in_word) = (i, in_word);
    }
}

/// Whether [`WordSpans::fill_avx2`] may run: AVX2 with BMI1 and POPCNT.
#[cfg(target_arch = "x86_64")]
fn has_avx2() -> bool {
    std::arch::is_x86_feature_detected!("avx2")
        && std::arch::is_x86_feature_detected!("bmi1")
        && std::arch::is_x86_feature_detected!("popcnt")
}

/// [`masks16`] of the thirty-two bytes at `i` (`i + 33 <= bytes.len()`) at once.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn masks32(bytes: &[u8], i: usize) -> (u32, u32, u32) {
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
    // Unsigned `lo <= x <= hi` per byte.
    let range = |x: __m256i, lo: u8, hi: u8| {
        let t = _mm256_sub_epi8(x, splat(lo));
        _mm256_cmpeq_epi8(_mm256_min_epu8(t, splat(hi - lo)), t)
    };
    let digit = range(v, b'0', b'9');
    let letter = range(_mm256_or_si256(v, splat(0x20)), b'a', b'z');
    let ascii = _mm256_cmpgt_epi8(v, _mm256_set1_epi8(-1));
    let sep = _mm256_andnot_si256(_mm256_or_si256(digit, letter), ascii);
    let lead = _mm256_cmpeq_epi8(_mm256_max_epu8(v, splat(0xC0)), v);
    let latin = range(v, 0xC4, 0xC9);
    let c3 = _mm256_cmpeq_epi8(v, splat(0xC3));
    let times_or_divide = _mm256_cmpeq_epi8(_mm256_and_si256(next, splat(0xDF)), splat(0x97));
    let vietnamese = _mm256_and_si256(
        _mm256_cmpeq_epi8(v, splat(0xE1)),
        _mm256_cmpeq_epi8(_mm256_and_si256(next, splat(0xFE)), splat(0xBA)),
    );
    let known = _mm256_or_si256(
        _mm256_or_si256(latin, vietnamese),
        _mm256_andnot_si256(times_or_divide, c3),
    );
    let slow = _mm256_andnot_si256(known, lead);
    let underscore = _mm256_cmpeq_epi8(v, splat(b'_'));
    (
        _mm256_movemask_epi8(sep) as u32,
        _mm256_movemask_epi8(slow) as u32,
        _mm256_movemask_epi8(underscore) as u32,
    )
}

/// For the sixteen bytes at `i` (`i + 17 <= bytes.len()`): bit masks of the ASCII bytes that
/// are no word char, of the chars [`WordSpans::letter_at`] must decide (the lead bytes other
/// than 0xC4..=0xC9, 0xC3 before anything but 0x97 and 0xB7 (× and ÷), and 0xE1 before 0xBA
/// or 0xBB), and of the `_` bytes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn masks16(bytes: &[u8], i: usize) -> (u32, u32, u32) {
    use std::arch::x86_64::*;
    // One bounds check for both loads.
    let b = &bytes[i..i + 17];
    // SAFETY: `b` holds the sixteen bytes at 0 and at 1; unaligned loads need no more.
    let (v, next) = unsafe {
        (
            _mm_loadu_si128(b.as_ptr().cast()),
            // Each byte's next byte.
            _mm_loadu_si128(b.as_ptr().add(1).cast()),
        )
    };
    let splat = |b: u8| _mm_set1_epi8(b as i8);
    // Unsigned `lo <= x <= hi` per byte.
    let range = |x: __m128i, lo: u8, hi: u8| {
        let t = _mm_sub_epi8(x, splat(lo));
        _mm_cmpeq_epi8(_mm_min_epu8(t, splat(hi - lo)), t)
    };
    let digit = range(v, b'0', b'9');
    let letter = range(_mm_or_si128(v, splat(0x20)), b'a', b'z');
    let ascii = _mm_cmpgt_epi8(v, _mm_set1_epi8(-1));
    let sep = _mm_andnot_si128(_mm_or_si128(digit, letter), ascii);
    let lead = _mm_cmpeq_epi8(_mm_max_epu8(v, splat(0xC0)), v);
    let latin = range(v, 0xC4, 0xC9);
    let c3 = _mm_cmpeq_epi8(v, splat(0xC3));
    let times_or_divide = _mm_cmpeq_epi8(_mm_and_si128(next, splat(0xDF)), splat(0x97));
    let vietnamese = _mm_and_si128(
        _mm_cmpeq_epi8(v, splat(0xE1)),
        _mm_cmpeq_epi8(_mm_and_si128(next, splat(0xFE)), splat(0xBA)),
    );
    let known = _mm_or_si128(
        _mm_or_si128(latin, vietnamese),
        _mm_andnot_si128(times_or_divide, c3),
    );
    let slow = _mm_andnot_si128(known, lead);
    let underscore = _mm_cmpeq_epi8(v, splat(b'_'));
    (
        _mm_movemask_epi8(sep) as u32,
        _mm_movemask_epi8(slow) as u32,
        _mm_movemask_epi8(underscore) as u32,
    )
}

impl Iterator for WordSpans<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.src.as_bytes();
        let n = bytes.len();
        let mut i = self.i;
        // Skip to the next word; ASCII bytes by table without the general decision.
        loop {
            if i >= n {
                self.i = n;
                return None;
            }
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_WORD[b as usize] {
                    break;
                }
                self.saw_underscore |= b == b'_';
                i += 1;
                continue;
            }
            let (letter, len) = self.letter_at(i);
            if letter {
                break;
            }
            i += len;
        }
        let start = i;
        while i < n {
            let b = bytes[i];
            if b < 0x80 {
                if !ASCII_WORD[b as usize] {
                    break;
                }
                i += 1;
                continue;
            }
            let (letter, len) = self.letter_at(i);
            if !letter {
                break;
            }
            i += len;
        }
        self.i = i;
        Some((start, i))
    }
}

#[cfg(test)]
fn word_spans_chars(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(src.len() / 6);
    let mut start: Option<usize> = None;
    for (i, c) in src.char_indices() {
        if is_letter(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, src.len()));
    }
    out
}

/// The first word of a phrase, as [`word_spans`] would cut it (empty when the phrase starts
/// with no letter): the byte walk of [`WordSpans`].
pub fn first_word(s: &str) -> &str {
    match WordSpans::new(s).next() {
        Some((0, end)) => &s[..end],
        _ => "",
    }
}

/// [`first_word`] a char at a time, for the tests.
#[cfg(test)]
fn first_word_chars(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !is_letter(*c))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Calls `f` with each word of `words` (flat start, end pairs of offsets into `bytes`) whose
/// first byte `firsts` holds, in order: the first pass over an article's words for the later
/// mentions, where few words start like a found string.
///
/// # Safety
///
/// Every pair `(a, b)` of `words` is a word of `bytes`: `a < b <= bytes.len()`.
pub unsafe fn words_starting_with(
    bytes: &[u8],
    words: &[u32],
    firsts: &ByteSet,
    mut f: impl FnMut(usize, usize),
) {
    #[cfg(target_arch = "x86_64")]
    if has_avx2() {
        // SAFETY: the CPU has AVX2 (just checked); the words are the caller's promise.
        unsafe { words_starting_with_avx2(bytes, words, firsts, &mut f) };
        return;
    }
    for w in words.chunks_exact(2) {
        let (a, b) = (w[0] as usize, w[1] as usize);
        if firsts.contains(bytes[a]) {
            f(a, b);
        }
    }
}

/// A set of bytes, a bit each.
#[derive(Default)]
pub struct ByteSet {
    bits: [u32; 8],
}

impl ByteSet {
    pub fn insert(&mut self, b: u8) {
        self.bits[usize::from(b >> 5)] |= 1 << (b & 31);
    }

    #[inline]
    pub fn contains(&self, b: u8) -> bool {
        self.bits[usize::from(b >> 5)] >> (b & 31) & 1 != 0
    }
}

/// [`words_starting_with`] eight words at a step: their first bytes gathered and looked up
/// in a 256-bit set at once. The last words, too near the text's end for a four-byte read,
/// one at a time.
///
/// # Safety
///
/// As [`words_starting_with`], on a CPU with AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,bmi1")]
unsafe fn words_starting_with_avx2(
    bytes: &[u8],
    words: &[u32],
    firsts: &ByteSet,
    f: &mut impl FnMut(usize, usize),
) {
    use std::arch::x86_64::*;
    let n = words.len() / 2;
    // Words whose four bytes from the start are in `bytes` (the words are in order).
    let hi = n
        - (0..n)
            .rev()
            .take_while(|&k| words[2 * k] as usize + 4 > bytes.len())
            .count();
    let mut i = 0;
    while i + 8 <= hi {
        let pairs = &words[2 * i..2 * i + 16];
        // SAFETY: `pairs` holds sixteen u32s; unaligned loads need no more. The gather reads
        // four bytes at each start `a`, with `a + 4 <= bytes.len()` below `hi`.
        let mask = unsafe {
            let lo = _mm256_loadu_si256(pairs.as_ptr().cast());
            let hi = _mm256_loadu_si256(pairs.as_ptr().add(8).cast());
            let order = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
            let lo = _mm256_permutevar8x32_epi32(lo, order);
            let hi = _mm256_permutevar8x32_epi32(hi, order);
            let starts = _mm256_permute2x128_si256(lo, hi, 0x20);
            let first = _mm256_and_si256(
                _mm256_i32gather_epi32::<1>(bytes.as_ptr().cast(), starts),
                _mm256_set1_epi32(0xFF),
            );
            let set = _mm256_loadu_si256(firsts.bits.as_ptr().cast());
            let word = _mm256_permutevar8x32_epi32(set, _mm256_srli_epi32::<5>(first));
            let bit = _mm256_srlv_epi32(word, _mm256_and_si256(first, _mm256_set1_epi32(31)));
            let hit = _mm256_slli_epi32::<31>(bit);
            _mm256_movemask_ps(_mm256_castsi256_ps(hit)) as u32
        };
        let mut m = mask;
        while m != 0 {
            let j = m.trailing_zeros() as usize;
            m &= m - 1;
            f(pairs[2 * j] as usize, pairs[2 * j + 1] as usize);
        }
        i += 8;
    }
    for w in words[2 * i..].chunks_exact(2) {
        let (a, b) = (w[0] as usize, w[1] as usize);
        if firsts.contains(bytes[a]) {
            f(a, b);
        }
    }
}

/// The bit of a picked word's end that says some phrase may start with the word (see
/// [`ByFirstWord::pick_words`]): offsets are below 2^31 (texts are far smaller).
pub const MAY_START: u32 = 1 << 31;

/// Phrases keyed by their first word, longest first: a word's candidates are checked with
/// `starts_with`, so only the few phrases sharing a first word are ever compared.
pub struct ByFirstWord<T> {
    map: FastMap<&'static str, Vec<Phrase<T>>>,
    /// A bit per first word (see [`filter_bit`]): most words of a text miss it and skip the
    /// hash lookup.
    filter: Box<Bits>,
    /// By the same bit: some phrase is its first word alone, or its first word and one byte.
    short: Box<Bits>,
    /// A bit per (first word's bit, the next two to four bytes) of the longer phrases: the
    /// four bytes after the first word, or all of them when fewer. A first word that is also
    /// an ordinary word ("công", "trung") seldom goes on like one, and four bytes tell "công
    /// tác" from "công ty", which two do not.
    next: Box<Bits>,
}

/// A phrase of [`ByFirstWord`] with its value, and the (up to) four bytes after its first
/// word as a little-endian `u32` with the mask of them: a phrase that goes on otherwise in
/// the text is told by one compare, without comparing strings.
struct Phrase<T> {
    text: &'static str,
    value: T,
    after: u32,
    mask: u32,
}

/// A bit per 16-bit hash: a fixed size, so that indexing it by a masked hash needs no bounds
/// check.
type Bits = [u64; 0x10000 / 64];

fn has_bit(bits: &Bits, bit: usize) -> bool {
    let bit = bit & 0xFFFF;
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

fn set_bit(bits: &mut Bits, bit: usize) {
    let bit = bit & 0xFFFF;
    bits[bit / 64] |= 1 << (bit % 64);
}

/// The bit of [`ByFirstWord::next`] of a first word's [`filter_bit`] and the `n` bytes
/// (two to four) after it, given as the little-endian `u32` of them (zero above them).
#[inline(always)]
fn next_bit(first: usize, after: u32, n: usize) -> usize {
    let h = (after ^ ((n as u32) << 29) ^ (first as u32) << 13).wrapping_mul(0x9E37_79B9);
    (h >> 16) as usize
}

/// The little-endian `u32` of `bytes` (at most four), zero above them.
#[inline(always)]
fn le_u32(bytes: &[u8]) -> u32 {
    match bytes.first_chunk::<4>() {
        Some(four) => u32::from_le_bytes(*four),
        None => bytes
            .iter()
            .rev()
            .fold(0u32, |v, &b| (v << 8) | u32::from(b)),
    }
}

/// The bit of [`ByFirstWord::filter`] of a word (not empty): from its first four bytes, its
/// last four (all of them when fewer) and its length. Four bytes tell apart the words that
/// one letter of two or three bytes starts or ends ("đồng", "động", "Đông").
fn filter_bit(w: &[u8]) -> usize {
    let n = w.len().min(4);
    filter_bit_of(le_u32(&w[..n]), le_u32(&w[w.len() - n..]), w.len())
}

/// [`filter_bit`] of a word from the little-endian `u32`s of its first and last (up to) four
/// bytes and its length.
#[inline(always)]
fn filter_bit_of(head: u32, tail: u32, len: usize) -> usize {
    let h = head.wrapping_mul(0x9E37_79B1)
        ^ tail.wrapping_mul(0x85EB_CA77)
        ^ (len as u32).wrapping_mul(0xC2B2_AE3D);
    (h >> 16) as usize
}

/// A capitalised word that may be a brand, a police code or a squad, from its first and
/// last bytes and its length: what the first pass of the organisations asks of such words
/// first. A brand is ASCII letters only: `ends_ascii` tells whether the word's first four
/// and last four bytes are ASCII (asked last: most capitalised words of six bytes or more
/// are Vietnamese ones with a letter of two or three bytes among them).
#[inline(always)]
fn capital_worth_a_look(
    first: u8,
    last: u8,
    len: usize,
    ends_ascii: impl FnOnce() -> bool,
) -> bool {
    first.is_ascii_uppercase()
        && ((len >= 6 && last.is_ascii_lowercase() && ends_ascii())
            || (first == b'P' && len == 4)
            || first == b'U')
}

/// Whether the first four and last four bytes of the word `bytes[a..b]` (of four bytes or
/// more) are ASCII.
#[inline(always)]
fn ends_ascii(bytes: &[u8], a: usize, b: usize) -> bool {
    bytes[a..a + 4].is_ascii() && bytes[b - 4..b].is_ascii()
}

impl<T: Copy> ByFirstWord<T> {
    /// The phrases are the program's own (the tables'), borrowed: no copy of each.
    pub fn new(phrases: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let phrases = phrases.into_iter();
        // Sized once: growing the table rehashes every key.
        let mut map: FastMap<&'static str, Vec<Phrase<T>>> =
            FastMap::with_capacity_and_hasher(phrases.size_hint().0, Default::default());
        for (p, v) in phrases {
            let f = first_word(p);
            if f.is_empty() {
                continue;
            }
            let list = map.entry(f).or_default();
            if !list.iter().any(|q| q.text == p) {
                let after = &p.as_bytes()[f.len()..];
                let n = after.len().min(4);
                list.push(Phrase {
                    text: p,
                    value: v,
                    after: le_u32(&after[..n]),
                    mask: u32::MAX.checked_shr(32 - 8 * n as u32).unwrap_or(0),
                });
            }
        }
        for list in map.values_mut() {
            list.sort_by_key(|q| std::cmp::Reverse(q.text.len()));
        }
        let mut filter: Box<Bits> = Box::new([0; 0x10000 / 64]);
        let mut short: Box<Bits> = Box::new([0; 0x10000 / 64]);
        let mut next: Box<Bits> = Box::new([0; 0x10000 / 64]);
        for (k, list) in &map {
            let bit = filter_bit(k.as_bytes());
            set_bit(&mut filter, bit);
            for q in list {
                let after = &q.text.as_bytes()[k.len()..];
                if after.len() < 2 {
                    set_bit(&mut short, bit);
                } else {
                    let n = after.len().min(4);
                    set_bit(&mut next, next_bit(bit, le_u32(&after[..n]), n));
                }
            }
        }
        ByFirstWord {
            map,
            filter,
            short,
            next,
        }
    }

    /// The words of `words` (flat start, end pairs of offsets into `bytes`) worth a look,
    /// appended to `out` as pairs, the end with [`MAY_START`] set for a word some phrase may
    /// start with: those words (`may_start`: the filter bits) and
    /// the capitalised ones that may be a brand (six bytes or more, the last a lowercase
    /// ASCII letter), a police code (four bytes from `P`) or a squad (from `U`). Most words
    /// of a text are none, and a walk that only drops them is tight: without a bounds check
    /// per word, which costs as much as the rest.
    ///
    /// # Safety
    ///
    /// Every pair `(a, b)` of `words` is a word of `bytes`: `a < b <= bytes.len()`, as
    /// [`WordSpans::fill`] of the same text gives them.
    #[inline(never)]
    pub unsafe fn pick_words(&self, bytes: &[u8], words: &[u32], out: &mut Vec<u32>) {
        #[cfg(target_arch = "x86_64")]
        if has_avx2() {
            // SAFETY: the CPU has AVX2 (just checked, the answer is cached); the words are
            // the caller's promise.
            unsafe { self.pick_words_avx2(bytes, words, out) };
            return;
        }
        // SAFETY: the caller's promise.
        unsafe { self.pick_words_scalar(bytes, words, out) }
    }

    /// [`Self::pick_words`] a word at a time: the walk of other CPUs, of the few words at a
    /// text's edges in [`Self::pick_words_avx2`], and a reference in the tests.
    ///
    /// # Safety
    ///
    /// As [`Self::pick_words`].
    #[inline]
    unsafe fn pick_words_scalar(&self, bytes: &[u8], words: &[u32], out: &mut Vec<u32>) {
        let filter = &*self.filter;
        for w in words.chunks_exact(2) {
            let (a, b) = (w[0] as usize, w[1] as usize);
            debug_assert!(a < b && b <= bytes.len());
            // SAFETY: `a < b <= bytes.len()` (the caller's promise): both are in `bytes`.
            let (first, last) = unsafe { (*bytes.get_unchecked(a), *bytes.get_unchecked(b - 1)) };
            let len = b - a;
            // SAFETY: as above.
            let bit = filter_bit(unsafe { bytes.get_unchecked(a..b) });
            let cap = || capital_worth_a_look(first, last, len, || ends_ascii(bytes, a, b));
            let starts = has_bit(filter, bit) && self.may_start_after(bytes, b, bit);
            if starts || cap() {
                debug_assert!(b < MAY_START as usize);
                out.extend([w[0], w[1] | if starts { MAY_START } else { 0 }]);
            }
        }
    }

    /// [`Self::pick_words`] eight words at a step: their first and last bytes gathered, their
    /// [`filter_bit`]s made and looked up in the filter, and [`capital_worth_a_look`] asked,
    /// all at once; only the few words that pass the filter (of ~1 in 20) are looked at one
    /// by one. Words too near the text's edges for a four-byte read go the scalar way.
    ///
    /// # Safety
    ///
    /// As [`Self::pick_words`], on a CPU with AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,bmi1")]
    unsafe fn pick_words_avx2(&self, bytes: &[u8], words: &[u32], out: &mut Vec<u32>) {
        use std::arch::x86_64::*;
        let n = words.len() / 2;
        let len = bytes.len();
        let p = bytes.as_ptr();
        let filter = &*self.filter;
        // The words are in order: those ending before byte 4 come first, those starting in
        // the last four bytes last. Those go the scalar way, the others eight at a step.
        let pair = |k: usize| (words[2 * k] as usize, words[2 * k + 1] as usize);
        let lo = (0..n).take_while(|&k| pair(k).1 < 4).count();
        let hi = n - (lo..n).rev().take_while(|&k| pair(k).0 + 4 > len).count();
        // SAFETY: words of the caller's.
        unsafe { self.pick_words_scalar(bytes, &words[..2 * lo], out) };
        let mut i = lo;
        let mut padded: [u32; 16];
        while i < hi {
            // Eight words, the last ones repeated past `hi` (and not picked).
            let lanes = (hi - i).min(8);
            let pairs = if lanes == 8 {
                &words[2 * i..2 * i + 16]
            } else {
                let (a, b) = (words[2 * hi - 2], words[2 * hi - 1]);
                padded = [a, b, a, b, a, b, a, b, a, b, a, b, a, b, a, b];
                padded[..2 * lanes].copy_from_slice(&words[2 * i..2 * hi]);
                &padded[..]
            };
            // SAFETY: `pairs` holds sixteen u32s; unaligned loads need no more. Each gather
            // reads four bytes at a word's start `a` (`a + 4 <= len` below `hi`) or ending at
            // its end `b` (`4 <= b <= len` from `lo` on), or a u32 of the filter at a 16-bit
            // bit index shifted right by five (the filter holds 2^16 bits).
            let (mask_filter, mask_cap, bits) = unsafe {
                let lo = _mm256_loadu_si256(pairs.as_ptr().cast());
                let hi = _mm256_loadu_si256(pairs.as_ptr().add(8).cast());
                // Starts and ends apart, in word order.
                let order = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
                let lo = _mm256_permutevar8x32_epi32(lo, order);
                let hi = _mm256_permutevar8x32_epi32(hi, order);
                let starts = _mm256_permute2x128_si256(lo, hi, 0x20);
                let ends = _mm256_permute2x128_si256(lo, hi, 0x31);
                let ff = _mm256_set1_epi32(0xFF);
                let head = _mm256_i32gather_epi32::<1>(p.cast(), starts);
                let tail = _mm256_i32gather_epi32::<1>(p.wrapping_sub(4).cast(), ends);
                let first = _mm256_and_si256(head, ff);
                let last = _mm256_srli_epi32::<24>(tail);
                // No byte of the first four and the last four is past ASCII.
                let ends_ascii = _mm256_cmpeq_epi32(
                    _mm256_and_si256(
                        _mm256_or_si256(head, tail),
                        _mm256_set1_epi32(0x8080_8080_u32 as i32),
                    ),
                    _mm256_setzero_si256(),
                );
                let wlen = _mm256_sub_epi32(ends, starts);
                // [`filter_bit`]: of a word of fewer than four bytes, the bytes after it
                // shifted out of its head and those before it out of its tail.
                let short = _mm256_sub_epi32(
                    _mm256_set1_epi32(32),
                    _mm256_slli_epi32::<3>(_mm256_min_epu32(wlen, _mm256_set1_epi32(4))),
                );
                let head_bytes =
                    _mm256_and_si256(head, _mm256_srlv_epi32(_mm256_set1_epi32(-1), short));
                let tail_bytes = _mm256_srlv_epi32(tail, short);
                let mul = |x: __m256i, k: u32| _mm256_mullo_epi32(x, _mm256_set1_epi32(k as i32));
                let bit = _mm256_srli_epi32::<16>(_mm256_xor_si256(
                    _mm256_xor_si256(mul(head_bytes, 0x9E37_79B1), mul(tail_bytes, 0x85EB_CA77)),
                    mul(wlen, 0xC2B2_AE3D),
                ));
                let word = _mm256_i32gather_epi32::<4>(
                    filter.as_ptr().cast(),
                    _mm256_srli_epi32::<5>(bit),
                );
                let hit = _mm256_and_si256(
                    _mm256_srlv_epi32(word, _mm256_and_si256(bit, _mm256_set1_epi32(31))),
                    _mm256_set1_epi32(1),
                );
                let hit = _mm256_cmpeq_epi32(hit, _mm256_set1_epi32(1));
                // [`capital_worth_a_look`]: values are bytes and lengths, far below 2^31,
                // so signed compares do.
                let between = |x: __m256i, lo: i32, hi: i32| {
                    _mm256_andnot_si256(
                        _mm256_cmpgt_epi32(_mm256_set1_epi32(lo), x),
                        _mm256_cmpgt_epi32(_mm256_set1_epi32(hi + 1), x),
                    )
                };
                let eq = |x: __m256i, v: i32| _mm256_cmpeq_epi32(x, _mm256_set1_epi32(v));
                let upper = between(first, b'A' as i32, b'Z' as i32);
                let long_lower = _mm256_and_si256(
                    _mm256_and_si256(_mm256_cmpgt_epi32(wlen, _mm256_set1_epi32(5)), ends_ascii),
                    between(last, b'a' as i32, b'z' as i32),
                );
                let code = _mm256_and_si256(eq(first, b'P' as i32), eq(wlen, 4));
                let cap = _mm256_and_si256(
                    upper,
                    _mm256_or_si256(_mm256_or_si256(long_lower, code), eq(first, b'U' as i32)),
                );
                let mut bits = [0u32; 8];
                _mm256_storeu_si256(bits.as_mut_ptr().cast(), bit);
                (
                    _mm256_movemask_ps(_mm256_castsi256_ps(hit)) as u32,
                    _mm256_movemask_ps(_mm256_castsi256_ps(cap)) as u32,
                    bits,
                )
            };
            let mut m = (mask_filter | mask_cap) & ((1 << lanes) - 1);
            while m != 0 {
                let j = m.trailing_zeros() as usize;
                m &= m - 1;
                let (a, b) = (pairs[2 * j], pairs[2 * j + 1]);
                let starts = mask_filter & (1 << j) != 0
                    && self.may_start_after(bytes, b as usize, bits[j] as usize);
                if starts || mask_cap & (1 << j) != 0 {
                    debug_assert!(b < MAY_START);
                    out.extend([a, b | if starts { MAY_START } else { 0 }]);
                }
            }
            i += lanes;
        }
        // SAFETY: words of the caller's.
        unsafe { self.pick_words_scalar(bytes, &words[2 * hi..], out) };
    }

    /// Whether some phrase may start with the word `bytes[a..b]`, from the word and the two
    /// bytes after it: a cheap test before [`Self::matches_at`].
    #[cfg(test)]
    pub fn may_start(&self, bytes: &[u8], a: usize, b: usize) -> bool {
        let bit = filter_bit(&bytes[a..b]);
        if !has_bit(&self.filter, bit) {
            return false;
        }
        self.may_start_after(bytes, b, bit)
    }

    /// The tests of [`Self::may_start`] after the first, for a word ending at `b` whose
    /// [`filter_bit`] `bit` passed it.
    #[inline]
    fn may_start_after(&self, bytes: &[u8], b: usize, bit: usize) -> bool {
        if has_bit(&self.short, bit) {
            return true;
        }
        let rest = bytes.get(b..).unwrap_or_default();
        let (four, n) = match rest.first_chunk::<4>() {
            Some(four) => (u32::from_le_bytes(*four), 4),
            None => (le_u32(rest), rest.len()),
        };
        // A phrase of four bytes or more after its first word, then of three, then of two.
        (n >= 4 && has_bit(&self.next, next_bit(bit, four, 4)))
            || (n >= 3 && has_bit(&self.next, next_bit(bit, four & 0xFF_FFFF, 3)))
            || (n >= 2 && has_bit(&self.next, next_bit(bit, four & 0xFFFF, 2)))
    }

    /// Every phrase that starts at `a` (whose first word is `src[a..b]`) and ends on a word
    /// boundary, longest first: (end, value). Callers look only at words marked [`MAY_START`].
    pub fn matches_at<'s>(
        &'s self,
        src: &'s str,
        a: usize,
        b: usize,
    ) -> impl Iterator<Item = (usize, T)> + 's {
        // The text after the first word, its first four bytes as the phrases keep theirs.
        let rest = &src.as_bytes()[b..];
        let four = le_u32(&rest[..rest.len().min(4)]);
        self.map
            .get(&src[a..b])
            .into_iter()
            .flatten()
            .filter_map(move |q| {
                // The first word is the key, the same as `src[a..b]`: the phrase's bytes after
                // it are compared, the first four at once.
                let after = &q.text.as_bytes()[b - a..];
                let end = b + after.len();
                (four & q.mask == q.after && rest.starts_with(after) && bounded_after(src, end))
                    .then_some((end, q.value))
            })
    }
}

/// No letter glued right after `end`, nor a joiner followed by a letter ("TP.HCM").
fn bounded_after(src: &str, end: usize) -> bool {
    let rest = &src[end..];
    let mut it = rest.chars();
    match it.next() {
        None => true,
        Some(c) if is_letter(c) => false,
        Some('.' | '-' | '&' | '\'') => !it.next().is_some_and(is_letter),
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn byte_scan_matches_char_scan_on_any_text(t in "\\PC{0,80}") {
            proptest::prop_assert_eq!(word_spans(&t), word_spans_chars(&t));
        }

        #[test]
        fn filling_matches_char_scan_on_any_text(
            t in "([a-zA-Z0-9 ,._\u{300}×÷“”–ễảđƯơʊ漢€]|\\PC){0,120}",
            max in 1usize..40,
            base in 0u32..1000,
        ) {
            let (all, spans) = fill_all(&t, base, max, |w, out, base, max| w.fill(out, base, max));
            proptest::prop_assert_eq!(&all, &word_spans_chars(&t));
            proptest::prop_assert_eq!(spans.saw_underscore, t.contains('_'));
            let mark = t.chars().any(|c| matches!(c as u32, 0x300..=0x37F));
            proptest::prop_assert_eq!(spans.saw_mark, mark);
            // The char-at-a-step walk of other targets gives the same.
            let (by_char, chars) =
                fill_all(&t, base, max, |w, out, base, max| w.fill_chars(out, base, max));
            proptest::prop_assert_eq!(&by_char, &all);
            proptest::prop_assert_eq!(chars.saw_underscore, spans.saw_underscore);
            proptest::prop_assert_eq!(chars.saw_mark, spans.saw_mark);
            // Both SIMD walks give the same, whichever one `fill` picks on this CPU.
            #[cfg(target_arch = "x86_64")]
            {
                // SAFETY: SSE2 is part of the x86_64 baseline.
                let (by_sse, sse) = fill_all(&t, base, max, |w, out, base, max| unsafe {
                    w.fill_sse2(out, base, max)
                });
                proptest::prop_assert_eq!(&by_sse, &all);
                proptest::prop_assert_eq!(sse.saw_underscore, spans.saw_underscore);
                proptest::prop_assert_eq!(sse.saw_mark, spans.saw_mark);
                if has_avx2() {
                    // SAFETY: the CPU has AVX2, BMI1 and POPCNT, just checked.
                    let (by_avx, avx) = fill_all(&t, base, max, |w, out, base, max| unsafe {
                        w.fill_avx2(out, base, max)
                    });
                    proptest::prop_assert_eq!(&by_avx, &all);
                    proptest::prop_assert_eq!(avx.saw_underscore, spans.saw_underscore);
                }
            }
        }

        #[test]
        fn first_word_is_the_char_walks(t in "([a-zA-Z0-9 ,._\u{300}×÷“”–ễảđƯơʊ漢€]|\\PC){0,20}") {
            proptest::prop_assert_eq!(first_word(&t), first_word_chars(&t));
        }

        #[test]
        fn picked_words_are_those_worth_a_look(
            t in "((công ty|Công an|Bộ|UBND|PC67|U23|OceanBank|Nguyễn|bộ|ab)[ ,.]|[a-zA-Z ]|\\PC){0,60}",
        ) {
            let table = ByFirstWord::new([("công ty", 1), ("Công an tỉnh", 2), ("Bộ", 3), ("UBND", 4)]);
            let bytes = t.as_bytes();
            let mut words = Vec::new();
            WordSpans::new(&t).fill(&mut words, 0, 1 << 20);
            let mut picked = Vec::new();
            // SAFETY: the words of `t` by `fill`.
            unsafe { table.pick_words(bytes, &words, &mut picked) };
            let want: Vec<u32> = words
                .chunks_exact(2)
                .filter_map(|w| {
                    let (a, b) = (w[0] as usize, w[1] as usize);
                    let (first, last) = (bytes[a], bytes[b - 1]);
                    let starts = table.may_start(bytes, a, b);
                    let cap = capital_worth_a_look(first, last, b - a, || {
                        bytes[a..a + 4].is_ascii() && bytes[b - 4..b].is_ascii()
                    });
                    (starts || cap).then_some([w[0], w[1] | if starts { MAY_START } else { 0 }])
                })
                .flatten()
                .collect();
            proptest::prop_assert_eq!(picked, want);
        }

        #[test]
        fn picking_eight_at_a_step_is_picking_one_at_a_time(
            t in "((Công an|UBND|PC67|P123|U23|Ub|OceanBank|OceaễnBank|Nguyễn|Hoang|bộ|ab|Zzzzzz|Uỷ)[ ,.]|[a-zA-Z ]|\\PC){0,90}",
        ) {
            let table = ByFirstWord::new([("công an", 1), ("Công an tỉnh", 2), ("Bộ", 3), ("UBND", 4)]);
            let bytes = t.as_bytes();
            let mut words = Vec::new();
            WordSpans::new(&t).fill(&mut words, 0, 1 << 20);
            let (mut scalar, mut picked) = (Vec::new(), Vec::new());
            // SAFETY: the words of `t` by `fill`.
            unsafe { table.pick_words_scalar(bytes, &words, &mut scalar) };
            unsafe { table.pick_words(bytes, &words, &mut picked) };
            proptest::prop_assert_eq!(picked, scalar);
        }

        #[test]
        fn words_by_first_byte_are_the_walks(
            t in "([a-zA-Z0-9 ,._ễđƯ]|\\PC){0,90}",
            firsts in proptest::collection::vec(proptest::bool::ANY, 256),
        ) {
            let mut set = ByteSet::default();
            for (b, _) in firsts.iter().enumerate().filter(|(_, &x)| x) {
                set.insert(b as u8);
            }
            let bytes = t.as_bytes();
            let mut words = Vec::new();
            WordSpans::new(&t).fill(&mut words, 0, 1 << 20);
            let mut got = Vec::new();
            // SAFETY: the words of `t` by `fill`.
            unsafe { words_starting_with(bytes, &words, &set, |a, b| got.push((a, b))) };
            let want: Vec<(usize, usize)> = words
                .chunks_exact(2)
                .map(|w| (w[0] as usize, w[1] as usize))
                .filter(|&(a, _)| firsts[bytes[a] as usize])
                .collect();
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn the_walk_sees_every_underscore(t in "[a-z_ .ễ\u{300}]{0,40}") {
            let mut spans = WordSpans::new(&t);
            spans.by_ref().for_each(drop);
            proptest::prop_assert_eq!(spans.saw_underscore, t.contains('_'));
        }
    }

    /// Every word of `t` by batches of `fill` (which must append to what the batch holds),
    /// as offsets into `t`, and the walk at its end.
    fn fill_all<'t>(
        t: &'t str,
        base: u32,
        max: usize,
        mut fill: impl FnMut(&mut WordSpans<'t>, &mut Vec<u32>, u32, usize),
    ) -> (Vec<(usize, usize)>, WordSpans<'t>) {
        let mut spans = WordSpans::new(t);
        let (mut all, mut batch) = (Vec::new(), Vec::new());
        loop {
            // Something before the batch, which `fill` keeps.
            batch.clear();
            batch.push(u32::MAX);
            fill(&mut spans, &mut batch, base, max);
            assert_eq!(batch[0], u32::MAX);
            assert_eq!(batch.len() % 2, 1, "whole words only");
            if batch.len() == 1 {
                break;
            }
            // A step of thirty-two bytes ends sixteen words at most.
            assert!(batch.len() / 2 < max + 17);
            all.extend(
                batch[1..]
                    .chunks_exact(2)
                    .map(|w| ((w[0] - base) as usize, (w[1] - base) as usize)),
            );
        }
        (all, spans)
    }

    #[test]
    fn filling_gives_the_words_in_batches() {
        let t = "Sở GTVT, L'Oréal và UBND tỉnh.";
        let (all, _) = fill_all(t, 5, 3, |w, out, base, max| w.fill(out, base, max));
        assert_eq!(all, word_spans(t));
        assert_eq!(all.len(), 7);
    }

    #[test]
    fn byte_scan_matches_char_scan() {
        let t = "Hoà × Đà Nẵng, “UBND” tỉnh½x 2022 a\u{300}b ÷ Ủy ban ƯỚC ễ–ẫ… Ωμ 漢字";
        assert_eq!(word_spans(t), word_spans_chars(t));
    }

    #[test]
    fn words_and_lookup() {
        let s = "Sở GTVT, L'Oréal và UBND tỉnh.";
        let w: Vec<&str> = word_spans(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(w, ["Sở", "GTVT", "L", "Oréal", "và", "UBND", "tỉnh"]);
        let t = ByFirstWord::new([("L'Oréal", 1), ("L", 2)]);
        let (a, b) = word_spans(s)[2];
        assert!(t.may_start(s.as_bytes(), a, b));
        assert_eq!(t.matches_at(s, a, b).next(), Some((a + "L'Oréal".len(), 1)));
    }

    #[test]
    fn the_filter_lets_every_match_through() {
        let t = ByFirstWord::new(
            [
                "công an",
                "công ty",
                "Sở",
                "TP.",
                "Bộ Công an",
                "L'Oréal",
                "ab",
                "Sở Y",
                "Ban Tổ",
            ]
            .iter()
            .enumerate()
            .map(|(i, p)| (*p, i)),
        );
        let s = "công việc, công an, Bộ Công an và Sở, TP. Vinh, L'Oréal, công ty ab, Ban Tổ, Sở Y";
        for (a, b) in word_spans(s) {
            if t.matches_at(s, a, b).next().is_some() {
                assert!(t.may_start(s.as_bytes(), a, b), "{}", &s[a..]);
            }
        }
        // "công" before "việc" starts none of the phrases.
        assert!(!t.may_start(s.as_bytes(), 0, "công".len()));
    }
}
