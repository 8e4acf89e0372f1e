//! The `--json` line, written by hand in the fixed shape of [`Article`].
//!
//! The bytes are serde_json's for the same data (compact, fields in order, its escapes,
//! non-ASCII as raw UTF-8); the tests hold the two together against serde_json itself. By hand
//! because serde_json escapes one byte at a time and block texts are most of the line: here a
//! string is checked sixteen bytes at a time and its clean runs are copied whole, and the
//! line is built in a `Vec` with fixed-size pushes instead of a write call per piece.

use crate::document::{Article, Block, BlockKind, Mention, Organisation, Person};
use std::io::{self, Write};

/// How much of a streamed line is gathered before it is handed to the writer.
const SPILL_AT: usize = 1 << 14;

/// Whether JSON needs byte `b` escaped inside a string.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline(always)]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The bytes of `chunk` that need escaping: bit `k` for byte `k`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn escapes16(chunk: &[u8; 16]) -> u32 {
    // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 CPU has it.
    unsafe { escapes16_sse2(chunk) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn escapes16_sse2(chunk: &[u8; 16]) -> u32 {
    use std::arch::x86_64::*;
    // SAFETY: `chunk` holds the sixteen bytes read (an unaligned load).
    let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) };
    let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
    let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
    let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
    _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) as u32
}

/// Where the clean thirty-two-byte steps from `i` end (the step holding a byte to escape, or
/// fewer than thirty-two bytes left), with AVX2 where the CPU has it; without, `i`: the
/// caller's SSE2 steps do the same, at twice the instructions a byte.
#[inline(always)]
fn skip_clean(bytes: &[u8], i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (just checked).
        return unsafe { skip_clean_avx2(bytes, i) };
    }
    let _ = bytes;
    i
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn skip_clean_avx2(bytes: &[u8], mut i: usize) -> usize {
    use std::arch::x86_64::*;
    let escapes = |k: usize| {
        let step = &bytes[k..k + 32];
        // SAFETY: `step` holds the thirty-two bytes read (an unaligned load).
        let v = unsafe { _mm256_loadu_si256(step.as_ptr().cast()) };
        let control = _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1f)), v);
        let quote = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'"' as i8));
        let backslash = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\\' as i8));
        _mm256_or_si256(control, _mm256_or_si256(quote, backslash))
    };
    // Sixty-four bytes a step while they last (one test and one bound a step), then thirty-two.
    while i + 64 <= bytes.len() {
        if _mm256_movemask_epi8(_mm256_or_si256(escapes(i), escapes(i + 32))) != 0 {
            break;
        }
        i += 64;
    }
    while i + 32 <= bytes.len() {
        if _mm256_movemask_epi8(escapes(i)) != 0 {
            break;
        }
        i += 32;
    }
    i
}

/// [`escapes16`] a byte at a time: elsewhere, and the reference in tests.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn escapes16_by_bytes(chunk: &[u8; 16]) -> u32 {
    chunk
        .iter()
        .enumerate()
        .fold(0, |m, (k, &b)| m | u32::from(needs_escape(b)) << k)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn escapes16(chunk: &[u8; 16]) -> u32 {
    escapes16_by_bytes(chunk)
}

/// The escape of `b` (`"`, `\` or a control character) as serde_json writes it: a short
/// escape where JSON has one, `\u00xx` (lower-case hex) otherwise; and its length.
fn escape(b: u8) -> ([u8; 6], usize) {
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let hex = |n: u8| HEX[usize::from(n & 0xf)];
            return ([b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b)], 6);
        }
    };
    ([b'\\', short, 0, 0, 0, 0], 2)
}

/// Up to `N` bytes of a line written straight into room reserved for them at its end: each
/// piece a fixed-size store (a few moves) and a bounds check against the room, where the
/// numbers and keys of a mention each added alone cost a capacity check, and a number or a
/// piece of text a call to memcpy. The line's length is set once, when the room is dropped.
struct Room<'b, const N: usize> {
    buf: &'b mut Vec<u8>,
    /// The room: where `buf`'s spare capacity starts, and how many bytes of it there are.
    /// Kept here, not read from `buf` at every store (which the stores might change, as far
    /// as the compiler knows).
    room: *mut u8,
    spare: usize,
    /// How many bytes of the room are written.
    at: usize,
}

impl<'b, const N: usize> Room<'b, N> {
    #[inline(always)]
    fn new(buf: &'b mut Vec<u8>) -> Self {
        buf.reserve(N);
        let spare = buf.spare_capacity_mut();
        let (room, spare) = (spare.as_mut_ptr().cast::<u8>(), spare.len());
        Room {
            buf,
            room,
            spare,
            at: 0,
        }
    }

    /// The first `len` of `K` bytes, all `K` written: a fixed-size store whatever `len` is.
    #[inline(always)]
    fn put_part<const K: usize>(&mut self, bytes: &[u8; K], len: usize) {
        assert!(K <= self.spare - self.at && len <= K);
        // SAFETY: the `K` bytes from `at` lie within the spare capacity (just checked; `at`
        // never passes `spare`), and `bytes` is not in it (the vector is borrowed mutably).
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.room.add(self.at), K) }
        self.at += len;
    }

    #[inline(always)]
    fn put<const K: usize>(&mut self, bytes: &[u8; K]) {
        self.put_part(bytes, K);
    }

    /// `n` in decimal, two digits a step from the last, into a buffer whose ten bytes from
    /// the first digit are then stored at once: the digits are counted as they are made.
    #[inline(always)]
    fn put_u32(&mut self, n: u32) {
        const PAIRS: &[u8; 200] = b"\
            0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let mut digits = [0u8; 20];
        let (mut rest, mut at) = (n, 10);
        while rest >= 100 {
            let pair = (rest % 100) as usize * 2;
            rest /= 100;
            at -= 2;
            digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if rest >= 10 {
            let pair = rest as usize * 2;
            at -= 2;
            digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        } else {
            at -= 1;
            digits[at] = b'0' + rest as u8;
        }
        let first: &[u8; 10] = digits[at..at + 10].try_into().expect("ten bytes");
        self.put_part(first, 10 - at);
    }

    /// `n` in decimal: as [`Room::put_u32`], which takes every offset (texts are far below
    /// 4 GiB); a larger `n` is written the slow way, and must leave room for 20 digits.
    #[inline(always)]
    fn put_usize(&mut self, n: usize) {
        match u32::try_from(n) {
            Ok(n) => self.put_u32(n),
            Err(_) => {
                let mut digits = [0u8; 20];
                let s = n.to_string();
                digits[..s.len()].copy_from_slice(s.as_bytes());
                self.put_part(&digits, s.len());
            }
        }
    }
}

impl<const N: usize> Drop for Room<'_, N> {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: the first `at` bytes of the spare capacity were written by `put_part`.
        unsafe { self.buf.set_len(self.buf.len() + self.at) }
    }
}

/// The thirty-two bytes of `text` from `start` when `text[start..end]` is shorter and needs
/// no escape (most names and mentions): read with the bytes after it, so that neither checking
/// it nor copying it takes a call to memcpy. `None` otherwise, or near the end of `text`.
#[inline(always)]
fn short_clean(text: &str, start: usize, end: usize) -> Option<&[u8; 32]> {
    let len = end.checked_sub(start).filter(|&l| l < 32)?;
    let chunk: &[u8; 32] = text.as_bytes().get(start..)?.first_chunk()?;
    let (lo, hi) = chunk.split_at(16);
    let mask = escapes16(lo.try_into().expect("16 bytes"))
        | escapes16(hi.try_into().expect("16 bytes")) << 16;
    (u64::from(mask) & ((1 << len) - 1) == 0).then_some(chunk)
}

/// What a block's object opens with, up to its text (`{"kind":"lead","text":"`), padded to
/// thirty-two bytes, and its length.
fn kind_open(kind: BlockKind) -> (&'static [u8; 32], usize) {
    const fn open(kind: &str) -> ([u8; 32], usize) {
        let parts: [&[u8]; 3] = [b"{\"kind\":\"", kind.as_bytes(), b"\",\"text\":\""];
        let mut out = [0u8; 32];
        let (mut n, mut p) = (0, 0);
        while p < parts.len() {
            let mut k = 0;
            while k < parts[p].len() {
                out[n] = parts[p][k];
                n += 1;
                k += 1;
            }
            p += 1;
        }
        (out, n)
    }
    const OPEN: [([u8; 32], usize); 7] = [
        open(BlockKind::Title.as_str()),
        open(BlockKind::Dateline.as_str()),
        open(BlockKind::Lead.as_str()),
        open(BlockKind::Paragraph.as_str()),
        open(BlockKind::Heading.as_str()),
        open(BlockKind::Caption.as_str()),
        open(BlockKind::Byline.as_str()),
    ];
    // In the order of the enum's variants (a fieldless enum: its index).
    let (bytes, len) = &OPEN[kind as usize];
    (bytes, *len)
}

/// Where a line goes: gathered in `buf`; with a `sink`, handed to it every [`SPILL_AT`]
/// bytes or so, so that a long article's line is never held whole.
struct Out<'a> {
    buf: &'a mut Vec<u8>,
    sink: Option<&'a mut dyn Write>,
    spill_at: usize,
    /// The sink's first error; nothing more is written after it.
    error: Option<io::Error>,
}

impl Out<'_> {
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Hands the line so far to the sink, if there is one and enough is gathered. Called
    /// between items and after escapes: anywhere is fine, the bytes only go out in order.
    #[inline(always)]
    fn spill(&mut self) {
        if self.buf.len() >= self.spill_at && self.sink.is_some() {
            self.spill_now();
        }
    }

    #[cold]
    fn spill_now(&mut self) {
        if let Some(sink) = &mut self.sink {
            if self.error.is_none() {
                self.error = sink.write_all(self.buf).err();
            }
            self.buf.clear();
        }
    }

    /// A clean part of a string: copied, or when long and streamed, written straight out.
    #[inline(always)]
    fn put_run(&mut self, run: &[u8]) {
        if run.len() >= self.spill_at && self.sink.is_some() {
            self.put_long_run(run);
        } else {
            self.put(run);
        }
    }

    #[cold]
    fn put_long_run(&mut self, run: &[u8]) {
        self.spill_now();
        if let (Some(sink), None) = (&mut self.sink, &self.error) {
            self.error = sink.write_all(run).err();
        }
    }

    /// `s` as a JSON string, quotes included.
    fn put_str(&mut self, s: &str) {
        self.put(b"\"");
        self.put_str_contents(s.as_bytes());
        self.put(b"\"");
    }

    /// `bytes` (UTF-8) escaped: clean runs copied whole, escapes between them.
    fn put_str_contents(&mut self, bytes: &[u8]) {
        let len = bytes.len();
        if len < 16 {
            // Short (names, most mentions): checked padded with spaces.
            let mut chunk = [b' '; 16];
            chunk[..len].copy_from_slice(bytes);
            let mask = escapes16(&chunk);
            if mask == 0 {
                // Clean (most): the padded copy stored whole, not copied again by length.
                Room::<16>::new(self.buf).put_part(&chunk, len);
                return;
            }
            let run = self.put_escapes(bytes, 0, 0, mask);
            self.put(&bytes[run..]);
            return;
        }
        // `bytes[run..]` is clean up to `i` and not out yet.
        let mut run = 0;
        let mut i = 0;
        // Thirty-two bytes a step while they last: half the loop's overhead a byte.
        while i + 32 <= len {
            i = skip_clean(bytes, i);
            if i + 32 > len {
                break;
            }
            let (lo, hi) = bytes[i..i + 32].split_at(16);
            let lo = escapes16(lo.try_into().expect("16 bytes"));
            let hi = escapes16(hi.try_into().expect("16 bytes"));
            if lo | hi != 0 {
                run = self.put_escapes(bytes, run, i, lo | hi << 16);
            }
            i += 32;
        }
        if i + 16 <= len {
            let mask = escapes16(bytes[i..i + 16].try_into().expect("16 bytes"));
            if mask != 0 {
                run = self.put_escapes(bytes, run, i, mask);
            }
            i += 16;
        }
        if i < len {
            // The last sixteen bytes, overlapping ones already seen: only bytes from `i` on.
            let chunk: &[u8; 16] = bytes[len - 16..].try_into().expect("16 bytes");
            let mask = escapes16(chunk) >> (i + 16 - len);
            if mask != 0 {
                run = self.put_escapes(bytes, run, i, mask);
            }
        }
        self.put_run(&bytes[run..]);
    }

    /// `text[start..end]` escaped as [`Out::put_str_contents`] does (nothing if that is not a
    /// slice of `text`).
    fn put_slice_contents(&mut self, text: &str, start: usize, end: usize) {
        let Some(s) = text.get(start..end) else {
            return;
        };
        match short_clean(text, start, end) {
            Some(chunk) => Room::<32>::new(self.buf).put_part(chunk, s.len()),
            None => self.put_str_contents(s.as_bytes()),
        }
    }

    /// Escapes byte `at + k` of `bytes` for each bit `k` of `mask`, writing the clean run before
    /// each from `run` on; returns where the clean run after the last escape starts.
    #[cold]
    fn put_escapes(&mut self, bytes: &[u8], mut run: usize, at: usize, mut mask: u32) -> usize {
        while mask != 0 {
            let j = at + mask.trailing_zeros() as usize;
            self.put_run(&bytes[run..j]);
            let (e, n) = escape(bytes[j]);
            self.put(&e[..n]);
            run = j + 1;
            mask &= mask - 1;
        }
        self.spill();
        run
    }

    fn put_opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.put_str(s),
            None => self.put(b"null"),
        }
    }

    /// `items` as a JSON array, each through `f`.
    fn put_seq<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.put(b"[");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.put(b",");
            }
            f(self, item);
            self.spill();
        }
        self.put(b"]");
    }

    fn put_strs(&mut self, items: &[String]) {
        self.put_seq(items, |out, s| out.put_str(s));
    }

    /// Mentions with their text, taken from the article's `text`.
    fn put_mentions(&mut self, mentions: &[Mention], text: &str) {
        if mentions.is_empty() {
            return self.put(b"[]");
        }
        for (i, m) in mentions.iter().enumerate() {
            let (start, end) = (m.start(), m.end());
            // Most mentions are short and need no escape: written whole in the room.
            let short = text.get(start..end).and(short_clean(text, start, end));
            {
                let mut room = Room::<{ 1 + 9 + 10 + 9 + 10 + 7 + 10 + 9 + 32 + 2 }>::new(self.buf);
                // `[` before the first, `,` before the others.
                room.put(if i == 0 { b"[" } else { b"," });
                room.put(b"{\"block\":");
                room.put_u32(m.block() as u32);
                room.put(b",\"start\":");
                room.put_u32(start as u32);
                room.put(b",\"end\":");
                room.put_u32(end as u32);
                room.put(b",\"text\":\"");
                if let Some(chunk) = short {
                    room.put_part(chunk, end - start);
                    room.put(b"\"}");
                }
            }
            if short.is_none() {
                self.put_slice_contents(text, start, end);
                self.put(b"\"}");
            }
            self.spill();
        }
        self.put(b"]");
    }

    /// The `--json` line of `a`, without its newline.
    ///
    /// Structs are taken apart without `..`: a field added to one of them breaks the build
    /// here rather than going missing from the output.
    fn put_article(&mut self, a: &Article) {
        let Article {
            source,
            title,
            published,
            byline,
            text,
            blocks,
            people,
            organisations,
        } = a;
        self.put(b"{\"source\":");
        self.put_str(source);
        self.put(b",\"title\":");
        self.put_str(title);
        self.put(b",\"published\":");
        match published {
            // Digits, '-', 'T' and ':' only: nothing to escape. Writing to a Vec cannot fail.
            Some(p) => write!(self.buf, "\"{p}\"").expect("writing to a Vec"),
            None => self.put(b"null"),
        }
        self.put(b",\"byline\":");
        self.put_opt_str(byline.as_deref());
        self.put(b",\"blocks\":");
        self.put_seq(blocks, |out, b| {
            let Block { kind, start, end } = b;
            let (open, len) = kind_open(*kind);
            Room::<32>::new(out.buf).put_part(open, len);
            out.put_slice_contents(text, *start, *end);
            let mut room = Room::<{ 10 + 20 + 7 + 20 + 1 }>::new(out.buf);
            room.put(b"\",\"start\":");
            room.put_usize(*start);
            room.put(b",\"end\":");
            room.put_usize(*end);
            room.put(b"}");
        });
        self.put(b",\"people\":");
        self.put_seq(people, |out, p| {
            let Person {
                name,
                roles,
                aliases,
                mentions,
                author,
            } = p;
            out.put(b"{\"name\":\"");
            out.put_str_contents(name.as_bytes());
            // Most people have no roles or aliases: the keys between the name and the
            // mentions in one piece.
            if roles.is_empty() && aliases.is_empty() {
                out.put(b"\",\"roles\":[],\"aliases\":[],\"mentions\":");
            } else {
                out.put(b"\",\"roles\":");
                out.put_strs(roles);
                out.put(b",\"aliases\":");
                out.put_strs(aliases);
                out.put(b",\"mentions\":");
            }
            out.put_mentions(mentions, text);
            out.put(if *author {
                b",\"author\":true}"
            } else {
                b",\"author\":false}"
            });
        });
        self.put(b",\"organisations\":");
        self.put_seq(organisations, |out, o| {
            let Organisation {
                name,
                abbreviation,
                expansion,
                aliases,
                mentions,
            } = o;
            out.put(b"{\"name\":\"");
            out.put_str_contents(name.as_bytes());
            // As for people: most organisations have none of these.
            if abbreviation.is_none() && expansion.is_none() && aliases.is_empty() {
                out.put(
                    b"\",\"abbreviation\":null,\"expansion\":null,\"aliases\":[],\"mentions\":",
                );
            } else {
                out.put(b"\",\"abbreviation\":");
                out.put_opt_str(abbreviation.as_deref());
                out.put(b",\"expansion\":");
                out.put_opt_str(expansion.as_deref());
                out.put(b",\"aliases\":");
                out.put_strs(aliases);
                out.put(b",\"mentions\":");
            }
            out.put_mentions(mentions, text);
            out.put(b"}");
        });
        self.put(b"}");
    }
}

/// Appends the `--json` line of `a` (without its newline) to `line`.
pub fn append_article(line: &mut Vec<u8>, a: &Article) {
    Out {
        buf: line,
        sink: None,
        spill_at: usize::MAX,
        error: None,
    }
    .put_article(a);
}

/// Writes the `--json` line of `a` (without its newline) to `w`, a piece at a time.
pub fn write_article(w: &mut dyn Write, a: &Article) -> io::Result<()> {
    write_spilling(w, a, SPILL_AT)
}

fn write_spilling(w: &mut dyn Write, a: &Article, spill_at: usize) -> io::Result<()> {
    let mut buf = Vec::with_capacity(spill_at.min(a.text.len()) + 1024);
    let mut out = Out {
        buf: &mut buf,
        sink: Some(w),
        spill_at,
        error: None,
    };
    out.put_article(a);
    out.spill_at = 0;
    out.spill();
    out.error.map_or(Ok(()), Err)
}

/// `s` as a JSON string, quotes included.
#[cfg(test)]
fn string(s: &str) -> String {
    let mut buf = Vec::with_capacity(s.len() + 2);
    Out {
        buf: &mut buf,
        sink: None,
        spill_at: usize::MAX,
        error: None,
    }
    .put_str(s);
    String::from_utf8(buf).expect("escaped UTF-8 is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, Published};
    use proptest::prelude::*;
    use serde::Serialize;

    /// The `--json` shape as serde_json writes it from derived impls: the reference.
    mod reference {
        use super::*;

        #[derive(Serialize)]
        struct JsonBlock<'a> {
            kind: BlockKind,
            text: &'a str,
            start: usize,
            end: usize,
        }

        #[derive(Serialize)]
        struct JsonMention<'a> {
            block: usize,
            start: usize,
            end: usize,
            text: &'a str,
        }

        #[derive(Serialize)]
        struct JsonPerson<'a> {
            name: &'a str,
            roles: &'a [String],
            aliases: &'a [String],
            mentions: Vec<JsonMention<'a>>,
            author: bool,
        }

        #[derive(Serialize)]
        struct JsonOrganisation<'a> {
            name: &'a str,
            abbreviation: Option<&'a str>,
            expansion: Option<&'a str>,
            aliases: &'a [String],
            mentions: Vec<JsonMention<'a>>,
        }

        #[derive(Serialize)]
        struct JsonArticle<'a> {
            source: &'a str,
            title: &'a str,
            published: Option<Published>,
            byline: Option<&'a str>,
            blocks: Vec<JsonBlock<'a>>,
            people: Vec<JsonPerson<'a>>,
            organisations: Vec<JsonOrganisation<'a>>,
        }

        fn mentions<'a>(ms: &[Mention], text: &'a str) -> Vec<JsonMention<'a>> {
            ms.iter()
                .map(|m| JsonMention {
                    block: m.block(),
                    start: m.start(),
                    end: m.end(),
                    text: m.text(text),
                })
                .collect()
        }

        pub fn line(a: &Article) -> String {
            let text = a.text.as_str();
            serde_json::to_string(&JsonArticle {
                source: &a.source,
                title: &a.title,
                published: a.published,
                byline: a.byline.as_deref(),
                blocks: a
                    .blocks
                    .iter()
                    .map(|b| JsonBlock {
                        kind: b.kind,
                        text: text.get(b.range()).unwrap_or(""),
                        start: b.start,
                        end: b.end,
                    })
                    .collect(),
                people: a
                    .people
                    .iter()
                    .map(|p| JsonPerson {
                        name: &p.name,
                        roles: &p.roles,
                        aliases: &p.aliases,
                        mentions: mentions(&p.mentions, text),
                        author: p.author,
                    })
                    .collect(),
                organisations: a
                    .organisations
                    .iter()
                    .map(|o| JsonOrganisation {
                        name: &o.name,
                        abbreviation: o.abbreviation.as_deref(),
                        expansion: o.expansion.as_deref(),
                        aliases: &o.aliases,
                        mentions: mentions(&o.mentions, text),
                    })
                    .collect(),
            })
            .unwrap()
        }
    }

    fn line(a: &Article) -> String {
        let mut line = Vec::new();
        append_article(&mut line, a);
        String::from_utf8(line).unwrap()
    }

    fn streamed(a: &Article, spill_at: usize) -> String {
        let mut out = Vec::new();
        write_spilling(&mut out, a, spill_at).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// `text[start..end]` through [`Out::put_slice_contents`], quoted.
    fn slice_string(text: &str, start: usize, end: usize) -> String {
        let mut buf = Vec::new();
        let mut out = Out {
            buf: &mut buf,
            sink: None,
            spill_at: usize::MAX,
            error: None,
        };
        out.put(b"\"");
        out.put_slice_contents(text, start, end);
        out.put(b"\"");
        String::from_utf8(buf).unwrap()
    }

    /// Characters that strings are made of in the tests: every escape, their neighbours, and
    /// non-ASCII of one to four bytes (U+2028 included, which serde_json leaves as it is).
    fn tricky_char() -> impl Strategy<Value = char> + Clone {
        prop_oneof![
            3 => prop::sample::select(vec![
                '"', '\\', '\n', '\r', '\t', '\u{8}', '\u{c}', '\0', '\u{1}', '\u{1f}', ' ', '/',
                '\u{7f}', 'a', 'Z', 'ạ', 'Đ', '\u{2028}', '\u{2029}', '€', '😀', '\u{fffd}',
            ]),
            1 => any::<char>(),
        ]
    }

    fn tricky_string(max: usize) -> impl Strategy<Value = String> + Clone {
        prop::collection::vec(tricky_char(), 0..max).prop_map(|cs| cs.into_iter().collect())
    }

    #[test]
    fn every_char_is_written_as_serde_json_writes_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(string(&s), serde_json::to_string(&s).unwrap(), "{c:?}");
        }
    }

    #[test]
    fn every_ascii_byte_at_every_position_and_length() {
        // Lengths across the short path, the sixteen- and thirty-two-byte steps and the
        // overlapping last sixteen bytes; the byte at every position of each.
        for len in 1..80 {
            for at in 0..len {
                for b in 0..0x80u8 {
                    let mut s = vec![b'x'; len];
                    s[at] = b;
                    let s = String::from_utf8(s).unwrap();
                    let want = serde_json::to_string(&s).unwrap();
                    assert_eq!(string(&s), want, "{s:?}");
                    // And as a slice of a longer text, as mentions and blocks are.
                    let text = format!("ab{s}\"\\\n{s}");
                    assert_eq!(slice_string(&text, 2, 2 + len), want, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn escapes16_matches_a_byte_at_a_time() {
        let mut chunk = [b'a'; 16];
        for b in 0..=255u8 {
            for at in 0..16 {
                chunk[at] = b;
                assert_eq!(escapes16(&chunk), escapes16_by_bytes(&chunk), "{b} at {at}");
                chunk[at] = b'a';
            }
        }
    }

    #[test]
    fn skip_clean_stops_at_the_first_step_to_escape() {
        // The reference: whole steps of thirty-two from `i` with nothing to escape.
        let by_bytes = |b: &[u8], mut i: usize| {
            while b
                .get(i..i + 32)
                .is_some_and(|s| s.iter().all(|&c| !needs_escape(c)))
            {
                i += 32;
            }
            i
        };
        for len in [0, 31, 32, 33, 64, 100, 200] {
            for from in [0, 1, 5, 32] {
                for at in 0..len {
                    for b in [0u8, 0x1f, b'"', b'\\', 0x20, 0x7f, 0x80, 0xff] {
                        let mut s = vec![b'a'; len];
                        s[at] = b;
                        let got = skip_clean(&s, from);
                        let want = by_bytes(&s, from);
                        // Without AVX2 nothing is skipped here (the SSE2 steps judge).
                        assert!(got == want || got == from, "{len} {from} {at} {b}");
                        #[cfg(target_arch = "x86_64")]
                        if std::is_x86_feature_detected!("avx2") {
                            assert_eq!(got, want, "{len} {from} {at} {b}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        let mut cases = vec![
            0,
            1,
            9,
            10,
            99,
            100,
            101,
            999,
            1000,
            65535,
            u32::MAX as usize,
        ];
        cases.extend((1..10).map(|k| 10usize.pow(k) - 1));
        cases.extend((1..10).map(|k| 10usize.pow(k)));
        cases.extend([u32::MAX as usize + 1, usize::MAX]);
        for n in cases {
            let mut line = b"x".to_vec();
            let mut room = Room::<22>::new(&mut line);
            room.put(b"[");
            room.put_usize(n);
            drop(room);
            assert_eq!(line, format!("x[{n}").as_bytes());
        }
    }

    #[test]
    fn a_failing_writer_fails_the_write() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let a = Article {
            title: "t".into(),
            ..Default::default()
        };
        let e = write_article(&mut Broken, &a).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
        let e = write_spilling(&mut Broken, &a, 1).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
    }

    #[test]
    fn a_long_article_streams_in_pieces_the_same_bytes() {
        // Clean runs longer than a piece go straight out; escapes between them.
        let para = "Ông Nguyễn Văn A nói: \"Được\".\t".repeat(5000);
        let text = format!("{para}\n\n{para}");
        let half = para.len();
        let a = Article {
            source: "s".into(),
            title: "t".into(),
            blocks: vec![
                Block {
                    kind: BlockKind::Paragraph,
                    start: 0,
                    end: half,
                },
                Block {
                    kind: BlockKind::Paragraph,
                    start: half + 2,
                    end: text.len(),
                },
            ],
            people: vec![Person {
                name: "Nguyễn Văn A".into(),
                mentions: (0..5000)
                    .map(|k| Mention::new(0, k * 37 + 4, k * 37 + 18))
                    .collect(),
                ..Default::default()
            }],
            text,
            ..Default::default()
        };
        let want = reference::line(&a);
        assert_eq!(line(&a), want);
        assert_eq!(streamed(&a, SPILL_AT), want);
        let mut sizes = Vec::new();
        struct Pieces<'a>(&'a mut Vec<usize>);
        impl Write for Pieces<'_> {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0.push(b.len());
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        write_article(&mut Pieces(&mut sizes), &a).unwrap();
        assert!(sizes.len() > 4, "{sizes:?}");
        assert!(sizes.iter().all(|&n| n < 2 * SPILL_AT + 64), "{sizes:?}");
    }

    fn arb_article() -> impl Strategy<Value = Article> {
        let text = tricky_string(120);
        let mention =
            (0usize..6, 0usize..400, 0usize..40).prop_map(|(b, s, n)| Mention::new(b, s, s + n));
        let mentions = prop::collection::vec(mention, 0..5);
        let strings = prop::collection::vec(tricky_string(12), 0..3);
        let person = (
            tricky_string(20),
            strings.clone(),
            strings.clone(),
            mentions.clone(),
            any::<bool>(),
        )
            .prop_map(|(name, roles, aliases, mentions, author)| Person {
                name,
                roles,
                aliases,
                mentions,
                author,
            });
        let org = (
            tricky_string(20),
            prop::option::of(tricky_string(8)),
            prop::option::of(tricky_string(30)),
            strings,
            mentions,
        )
            .prop_map(
                |(name, abbreviation, expansion, aliases, mentions)| Organisation {
                    name,
                    abbreviation,
                    expansion,
                    aliases,
                    mentions,
                },
            );
        let kind = prop::sample::select(vec![
            BlockKind::Title,
            BlockKind::Dateline,
            BlockKind::Lead,
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Caption,
            BlockKind::Byline,
        ]);
        // Ranges past the text or inside a character are written as empty, as serde's were.
        let block = (kind, 0usize..400, 0usize..200).prop_map(|(kind, start, n)| Block {
            kind,
            start,
            end: start + n,
        });
        let published = prop::option::of(
            (1900u16..2100, 1u8..13, 1u8..29, 0u8..24, 0u8..60)
                .prop_map(|(y, mo, d, h, mi)| Published::new(y, mo, d, h, mi).unwrap()),
        );
        (
            (tricky_string(30), tricky_string(30), published),
            prop::option::of(tricky_string(20)),
            text,
            prop::collection::vec(block, 0..6),
            prop::collection::vec(person, 0..3),
            prop::collection::vec(org, 0..3),
        )
            .prop_map(
                |((source, title, published), byline, text, blocks, people, organisations)| {
                    Article {
                        source,
                        title,
                        published,
                        byline,
                        text,
                        blocks,
                        people,
                        organisations,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn every_number_is_written_in_decimal(n in any::<u32>(), small in 0u32..100_000_000) {
            for n in [n, small, n % 1000] {
                let mut line = Vec::new();
                Room::<10>::new(&mut line).put_u32(n);
                prop_assert_eq!(line, n.to_string().into_bytes());
            }
        }

        #[test]
        fn strings_are_written_as_serde_json_writes_them(s in tricky_string(100)) {
            prop_assert_eq!(string(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn slices_are_written_as_serde_json_writes_them(
            s in tricky_string(100),
            from in 0usize..120,
            n in 0usize..60,
        ) {
            let want = serde_json::to_string(s.get(from..from + n).unwrap_or("")).unwrap();
            prop_assert_eq!(slice_string(&s, from, from + n), want);
        }

        #[test]
        fn lines_are_serde_jsons(a in arb_article(), spill_at in 0usize..200) {
            let want = reference::line(&a);
            prop_assert_eq!(&line(&a), &want);
            prop_assert_eq!(&streamed(&a, spill_at), &want);
            prop_assert_eq!(a.to_json().unwrap(), want);
        }
    }
}
