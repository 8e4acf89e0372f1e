//! Search folding for Vietnamese: "tran thi loc" finds "Trần Thị Lộc".
//!
//! Folding is NFD, combining marks dropped, `đ`/`Đ` turned into `d`/`D` by hand (they do not
//! decompose), then lowercase. A query with diacritics is matched exactly, only case-insensitively.
//! Either way the haystack is transformed once into a [`Folded`] text that keeps a map back to
//! the original byte offsets, so every hit is reported as a range of the original text.

use std::ops::Range;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// How a text is transformed before matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Diacritics and case are ignored.
    Fold = 0,
    /// Case is ignored; diacritics must match.
    Exact = 1,
}

/// True when `s` carries a diacritic (a combining mark after NFD, or đ/Đ).
pub fn has_diacritics(s: &str) -> bool {
    s.chars().any(|c| {
        if c.is_ascii() {
            return false;
        }
        if matches!(c, 'đ' | 'Đ') {
            return true;
        }
        let mut marked = false;
        decompose_canonical(c, |d| marked |= is_combining_mark(d));
        marked
    })
}

/// The mode a query asks for: folded unless it carries diacritics.
pub fn mode_for(query: &str) -> Mode {
    if has_diacritics(query) {
        Mode::Exact
    } else {
        Mode::Fold
    }
}

/// Chars below this have their transformed form in a table (all Vietnamese letters).
const TABLE_END: u32 = 0x2000;
/// In the tables: the char's transform is not a single char; compute it.
const NOT_ONE: char = '\u{FFFF}';

/// Per mode, the single char each char below [`TABLE_END`] becomes (or [`NOT_ONE`]).
fn one_char_tables() -> &'static [Vec<char>; 2] {
    use std::sync::OnceLock;
    static TABLES: OnceLock<[Vec<char>; 2]> = OnceLock::new();
    TABLES.get_or_init(|| {
        [Mode::Fold, Mode::Exact].map(|m| {
            let mut buf = String::new();
            (0..TABLE_END)
                .map(|u| {
                    buf.clear();
                    if let Some(ch) = char::from_u32(u) {
                        transform_char(ch, m, &mut buf);
                    }
                    let mut it = buf.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => NOT_ONE,
                    }
                })
                .collect()
        })
    })
}

/// Appends the transformed form of `c` to `out` (through the table when it can).
fn push_char(c: char, mode: Mode, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if (c as u32) < TABLE_END {
        let t = &one_char_tables()[mode as usize];
        let f = t[c as usize];
        if f != NOT_ONE {
            out.push(f);
            return;
        }
    }
    transform_char(c, mode, out);
}

/// The transform itself, char by char.
fn transform_char(c: char, mode: Mode, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match mode {
        Mode::Exact => out.extend(c.to_lowercase()),
        Mode::Fold => match c {
            'đ' | 'Đ' => out.push('d'),
            _ => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }),
        },
    }
}

/// Byte length of the transformed form of `c`: mapping hits back re-transforms the text
/// between them, so this must be cheap.
fn folded_len(c: char, mode: Mode, scratch: &mut String) -> usize {
    if c.is_ascii() {
        return 1;
    }
    if (c as u32) < TABLE_END {
        let f = one_char_tables()[mode as usize][c as usize];
        if f != NOT_ONE {
            return f.len_utf8();
        }
    }
    scratch.clear();
    transform_char(c, mode, scratch);
    scratch.len()
}

/// Transforms a query the way the haystack is transformed (NFC first: typed input may be NFD).
pub fn transform(s: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        push_char(c, mode, &mut out);
    }
    out
}

/// Sorted hits, as ranges of the original text. Kept as `u32` pairs, 8 bytes a hit: a
/// one-letter search of a 20 MB article has over a million (texts are far below 4 GiB, as
/// files are capped at 256 MB).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits(Vec<[u32; 2]>);

impl Hits {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<Range<usize>> {
        self.0.get(i).map(|&h| range(h))
    }

    pub fn iter(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.0.iter().map(|&h| range(h))
    }

    /// How many hits start before `offset`.
    pub fn starting_before(&self, offset: usize) -> usize {
        self.0.partition_point(|h| (h[0] as usize) < offset)
    }

    /// The hits that touch `line`, in order (hits have one folded length, so their ends are
    /// sorted too).
    pub fn touching(&self, line: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
        let first = self.0.partition_point(|h| (h[1] as usize) <= line.start);
        self.0[first..]
            .iter()
            .map(|&h| range(h))
            .take_while(move |r| r.start < line.end)
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl FromIterator<Range<usize>> for Hits {
    fn from_iter<I: IntoIterator<Item = Range<usize>>>(iter: I) -> Self {
        Hits(
            iter.into_iter()
                .map(|r| [small(r.start), small(r.end)])
                .collect(),
        )
    }
}

fn range([s, e]: [u32; 2]) -> Range<usize> {
    s as usize..e as usize
}

fn small(x: usize) -> u32 {
    u32::try_from(x).expect("texts are far below 4 GiB")
}

/// Original bytes between two marks: a hit is mapped back by walking at most this far.
const MARK_EVERY: usize = 4096;

/// A transformed text that can map its offsets back to the original.
///
/// Only a mark every few kilobytes is kept (a folded and an original offset on a char boundary);
/// a hit is mapped back by re-transforming from the mark before it. Memory stays at the size of
/// the text, and sorted hits are mapped in one forward walk.
#[derive(Clone, Debug)]
pub struct Folded {
    pub mode: Mode,
    pub text: String,
    marks: Vec<(usize, usize)>,
}

/// A position of the forward walk: folded and original offsets of the same char boundary.
struct Walk {
    f: usize,
    o: usize,
    scratch: String,
}

impl Folded {
    pub fn new(original: &str, mode: Mode) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut marks = vec![(0, 0)];
        let mut next = MARK_EVERY;
        for (o, c) in original.char_indices() {
            if o >= next {
                marks.push((text.len(), o));
                next = o + MARK_EVERY;
            }
            push_char(c, mode, &mut text);
        }
        Folded { mode, text, marks }
    }

    /// Every occurrence of `needle` (already transformed), as the folded offsets where they
    /// start (each is `needle.len()` long).
    pub fn find(&self, needle: &str) -> Vec<u32> {
        if needle.is_empty() {
            return Vec::new();
        }
        // Overlapping occurrences too (as vim finds them): then the hits of a longer query
        // are exactly the hits of its prefix that still match, which incremental search uses.
        let Ok(ac) = aho_corasick::AhoCorasick::new([needle]) else {
            return Vec::new();
        };
        // Counted first, so the list is made at its size: growing it by doubling would leave
        // the outgrown copies (megabytes for a short query) in the allocator's free memory.
        let n = ac.find_overlapping_iter(self.text.as_str()).count();
        let mut starts = Vec::with_capacity(n);
        starts.extend(
            ac.find_overlapping_iter(self.text.as_str())
                .map(|m| small(m.start())),
        );
        starts
    }

    /// The hits of a shorter query refined for a longer `needle` that extends it: the
    /// incremental-search step, which costs the hits, not the text.
    pub fn refine(&self, previous: &[u32], needle: &str) -> Vec<u32> {
        previous
            .iter()
            .copied()
            .filter(|&f| self.has_at(f as usize, needle))
            .collect()
    }

    fn has_at(&self, f: usize, needle: &str) -> bool {
        self.text
            .get(f..)
            .is_some_and(|rest| rest.starts_with(needle))
    }

    /// Maps sorted folded hits (their starts, each `len` long) back onto `original`, the text
    /// this was built from. A hit that starts or ends inside a char's transformed form covers
    /// the whole char.
    pub fn to_original(&self, original: &str, starts: &[u32], len: usize) -> Hits {
        // Starts and ends are each sorted (hits have one length): one forward walk for each.
        let new_walk = || Walk {
            f: 0,
            o: 0,
            scratch: String::new(),
        };
        let (mut ws, mut we) = (new_walk(), new_walk());
        starts
            .iter()
            .map(|&f| {
                let f = f as usize;
                let s = self.walk(&mut ws, original, f, false);
                let e = self.walk(&mut we, original, f + len, true);
                s..e.max(s)
            })
            .collect()
    }

    /// [`Folded::refine`] with the original ranges too, in place (a short query has millions
    /// of hits, and no second list is made): a refined hit starts where the old one did, so
    /// only its end is mapped, walking the needle's length from that start.
    pub fn refine_mapped(
        &self,
        original: &str,
        hits: &mut Vec<u32>,
        orig: &mut Hits,
        needle: &str,
    ) {
        let mut w = Walk {
            f: 0,
            o: 0,
            scratch: String::new(),
        };
        let mut kept = 0;
        for i in 0..hits.len().min(orig.len()) {
            let f = hits[i] as usize;
            if !self.has_at(f, needle) {
                continue;
            }
            let os = orig.0[i][0] as usize;
            let end = f + needle.len();
            // Walk from the old start when it sits where its char's transformed form begins
            // (almost always); a start inside a char that expands walks from the mark before.
            let c = original[os..].chars().next();
            w.scratch.clear();
            if let Some(c) = c {
                push_char(c, self.mode, &mut w.scratch);
            }
            if self.text[f..].starts_with(w.scratch.as_str()) {
                (w.f, w.o) = (f, os);
            } else {
                (w.f, w.o) = (usize::MAX, 0);
            }
            let oe = self.walk(&mut w, original, end, true);
            hits[kept] = hits[i];
            orig.0[kept] = [small(os), small(oe.max(os))];
            kept += 1;
        }
        hits.truncate(kept);
        orig.0.truncate(kept);
    }

    fn walk(&self, w: &mut Walk, original: &str, target: usize, end: bool) -> usize {
        let i = self
            .marks
            .partition_point(|m| m.0 <= target)
            .saturating_sub(1);
        let mark = self.marks[i];
        if target < w.f || mark.0 > w.f {
            (w.f, w.o) = mark;
        }
        loop {
            let Some(c) = original.get(w.o..).and_then(|r| r.chars().next()) else {
                return w.o.min(original.len());
            };
            let lf = folded_len(c, self.mode, &mut w.scratch);
            if w.f == target && !(end && lf == 0) {
                // An end also takes the marks that fold to nothing after it.
                return w.o;
            }
            if w.f + lf > target {
                // Inside this char's transformed form.
                return if end { w.o + c.len_utf8() } else { w.o };
            }
            w.f += lf;
            w.o += c.len_utf8();
        }
    }
}

/// Finds `query` in `text` with the mode the query asks for (convenience for small texts).
pub fn find(text: &str, query: &str) -> Vec<Range<usize>> {
    let mode = mode_for(query);
    let f = Folded::new(text, mode);
    let needle = transform(query, mode);
    f.to_original(text, &f.find(&needle), needle.len())
        .iter()
        .collect()
}

/// Whether `haystack` contains `query`, folded when the query has no diacritics.
pub fn contains(haystack: &str, query: &str) -> bool {
    let mode = mode_for(query);
    transform(haystack, mode).contains(&transform(query, mode))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(transform("Trần Thị Lộc", Mode::Fold), "tran thi loc");
        assert_eq!(transform("Đặng Đức", Mode::Fold), "dang duc");
        assert_eq!(transform("Trần Thị Lộc", Mode::Exact), "trần thị lộc");
        // NFD input folds the same.
        assert_eq!(transform("Lo\u{323}\u{302}c", Mode::Fold), "loc");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let t = "Ông Trần Thị Lộc và bà LỘC";
        let hits = find(t, "tran thi loc");
        assert_eq!(hits.len(), 1);
        assert_eq!(&t[hits[0].clone()], "Trần Thị Lộc");
        let hits: Vec<&str> = find(t, "loc").into_iter().map(|r| &t[r]).collect();
        assert_eq!(hits, ["Lộc", "LỘC"]);
        // With diacritics: exact, case-insensitive.
        let hits: Vec<&str> = find(t, "lộc").into_iter().map(|r| &t[r]).collect();
        assert_eq!(hits, ["Lộc", "LỘC"]);
        assert!(find(t, "lốc").is_empty());
        assert!(find(t, "trân").is_empty());
    }

    #[test]
    fn diacritics_detection() {
        assert!(!has_diacritics("tran thi loc"));
        assert!(has_diacritics("trần"));
        assert!(has_diacritics("đ"));
        assert!(!has_diacritics("日本"));
    }

    #[test]
    fn refinement_agrees_with_a_fresh_search() {
        let t = "Lộc, Lộ, lốc, LOC lo";
        let f = Folded::new(t, Mode::Fold);
        let refined = f.refine(&f.find("lo"), "loc");
        assert_eq!(refined, f.find("loc"));
        let back: Vec<&str> = f
            .to_original(t, &refined, 3)
            .iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(back, ["Lộc", "lốc", "LOC"]);
        let (mut hits, mut orig) = (f.find("lo"), f.to_original(t, &f.find("lo"), 2));
        f.refine_mapped(t, &mut hits, &mut orig, "loc");
        assert_eq!(hits, f.find("loc"));
        assert_eq!(orig, f.to_original(t, &hits, 3));
        let aaa = Folded::new("aaaa", Mode::Fold);
        assert_eq!(aaa.refine(&aaa.find("a"), "aa"), aaa.find("aa"));
    }

    #[test]
    fn maps_back_across_marks() {
        // Long enough for many marks, with accented chars everywhere.
        let mut t = String::new();
        for i in 0..3000 {
            t.push_str(&format!("Đoạn {i}: bà Trần Thị Lộc và ông Đặng Hòa. "));
        }
        let hits = find(&t, "tran thi loc");
        assert_eq!(hits.len(), 3000);
        assert!(hits.iter().all(|r| &t[r.clone()] == "Trần Thị Lộc"));
        let hits = find(&t, "doan 2999");
        assert_eq!(hits.len(), 1);
        assert_eq!(&t[hits[0].clone()], "Đoạn 2999");
        // An NFD haystack: the marks after a letter belong to the hit.
        let nfd = "xo\u{323}\u{302}c Lo\u{323}\u{302}c";
        let hits: Vec<&str> = find(nfd, "loc").into_iter().map(|r| &nfd[r]).collect();
        assert_eq!(hits, ["Lo\u{323}\u{302}c"]);
        let hits: Vec<&str> = find(nfd, "lo").into_iter().map(|r| &nfd[r]).collect();
        assert_eq!(hits, ["Lo\u{323}\u{302}"]);
    }

    proptest::proptest! {
        #[test]
        fn hits_map_back_onto_whole_chars(
            words in proptest::collection::vec("(Trần|tran|Lộc|LỘC|lo\u{323}\u{302}c|đ|Đặng|a|ß|İ| |, )", 0..60),
            pick in 0usize..1000,
            len in 1usize..6,
        ) {
            let t: String = words.concat();
            for mode in [Mode::Fold, Mode::Exact] {
                let f = Folded::new(&t, mode);
                if f.text.is_empty() {
                    continue;
                }
                // A needle cut from the folded text itself, on char boundaries.
                let chars: Vec<(usize, char)> = f.text.char_indices().collect();
                let a = pick % chars.len();
                let b = (a + len).min(chars.len());
                let start = chars[a].0;
                let end = chars.get(b).map_or(f.text.len(), |c| c.0);
                let needle = &f.text[start..end];
                let hits = f.find(needle);
                proptest::prop_assert!(!hits.is_empty());
                // Refining the hits of a shorter needle gives the same, mapped the same.
                let short = &needle[..needle.char_indices().last().map_or(0, |c| c.0)];
                if !short.is_empty() {
                    let prev = f.find(short);
                    let mut ro = f.to_original(&t, &prev, short.len());
                    let mut rh = prev;
                    f.refine_mapped(&t, &mut rh, &mut ro, needle);
                    proptest::prop_assert_eq!(&rh, &hits);
                    proptest::prop_assert_eq!(ro, f.to_original(&t, &hits, needle.len()));
                }
                for r in f.to_original(&t, &hits, needle.len()).iter() {
                    proptest::prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
                    proptest::prop_assert!(Folded::new(&t[r.clone()], mode).text.contains(needle),
                        "{:?} does not fold to contain {:?}", &t[r], needle);
                }
            }
        }
    }

    #[test]
    fn the_tables_agree_with_the_transform() {
        let (mut a, mut b, mut scratch) = (String::new(), String::new(), String::new());
        for u in 0..0x2100u32 {
            let Some(c) = char::from_u32(u) else { continue };
            for mode in [Mode::Fold, Mode::Exact] {
                a.clear();
                b.clear();
                push_char(c, mode, &mut a);
                transform_char(c, mode, &mut b);
                assert_eq!(a, b, "{c:?} {mode:?}");
                assert_eq!(folded_len(c, mode, &mut scratch), b.len());
            }
        }
    }

    #[test]
    fn hits_are_small_and_answer_by_range() {
        assert_eq!(std::mem::size_of::<[u32; 2]>(), 8);
        // Overlapping hits of one length ("aa" in "aaaa"), then one further on.
        let hits: Hits = [0..2, 1..3, 2..4, 10..12].into_iter().collect();
        assert_eq!(hits.len(), 4);
        assert_eq!(hits.get(3), Some(10..12));
        assert_eq!(hits.get(4), None);
        assert_eq!(hits.starting_before(0), 0);
        assert_eq!(hits.starting_before(2), 2);
        assert_eq!(hits.starting_before(99), 4);
        let touching = |r: Range<usize>| hits.touching(r).collect::<Vec<_>>();
        assert_eq!(touching(3..10), vec![2..4]);
        assert_eq!(touching(1..2), [0..2, 1..3]);
        assert!(touching(4..10).is_empty());
        assert_eq!(touching(11..20), vec![10..12]);
        assert_eq!(hits.iter().count(), 4);
    }

    #[test]
    fn contains_folds() {
        assert!(contains("Trần Thị Lộc", "thi l"));
        assert!(!contains("Trần Thị Lộc", "thị lo"));
    }
}
