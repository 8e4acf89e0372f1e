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
    Fold,
    /// Case is ignored; diacritics must match.
    Exact,
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

/// Appends the transformed form of `c` to `out`.
fn push_char(c: char, mode: Mode, out: &mut String) {
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

/// Transforms a query the way the haystack is transformed (NFC first: typed input may be NFD).
pub fn transform(s: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        push_char(c, mode, &mut out);
    }
    out
}

/// A transformed text with a map back to the original byte offsets.
///
/// The map only records characters whose transformed length differs from their original length
/// (accented letters, mostly); between them offsets move in step, so the map stays small
/// relative to the text and a lookup is one binary search.
#[derive(Clone, Debug)]
pub struct Folded {
    pub mode: Mode,
    pub text: String,
    /// (folded start, original start, folded len, original len) of each char whose length changed.
    shifts: Vec<[u32; 4]>,
    orig_len: usize,
}

impl Folded {
    pub fn new(original: &str, mode: Mode) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut shifts = Vec::new();
        for (o, c) in original.char_indices() {
            let f = text.len();
            push_char(c, mode, &mut text);
            let lf = text.len() - f;
            let lo = c.len_utf8();
            if lf != lo {
                shifts.push([f as u32, o as u32, lf as u32, lo as u32]);
            }
        }
        Folded {
            mode,
            text,
            shifts,
            orig_len: original.len(),
        }
    }

    /// Original offset of folded offset `x`. Inside a changed char, a start maps to the char's
    /// start and an end (`round_up`) to the char's end.
    fn to_original(&self, x: usize, round_up: bool) -> usize {
        let i = self.shifts.partition_point(|s| s[0] as usize <= x);
        if i == 0 {
            return x.min(self.orig_len);
        }
        let [f, o, lf, lo] = self.shifts[i - 1].map(|v| v as usize);
        let r = if x < f + lf {
            if round_up && x > f {
                o + lo
            } else {
                o
            }
        } else {
            o + lo + (x - f - lf)
        };
        r.min(self.orig_len)
    }

    /// Maps a folded range back onto the original text.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        self.to_original(r.start, false)..self.to_original(r.end, true)
    }

    /// Every non-overlapping occurrence of `needle` (already transformed), as original ranges.
    pub fn find_all(&self, needle: &str) -> Vec<Range<usize>> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(needle)
            .map(|(s, m)| self.original_range(s..s + m.len()))
            .collect()
    }

    /// Whether an earlier hit (an original range) still matches a longer `needle`: the
    /// incremental-search refinement, which costs the hits, not the text.
    pub fn matches_at(&self, original_start: usize, needle: &str) -> Option<Range<usize>> {
        let f = self.to_folded(original_start);
        self.text
            .get(f..)
            .filter(|rest| rest.starts_with(needle))
            .map(|_| self.original_range(f..f + needle.len()))
    }

    /// Refines the hits of a shorter query for a longer `needle` that extends it, keeping the
    /// hits non-overlapping as [`Folded::find_all`] would.
    pub fn refine(&self, previous: &[Range<usize>], needle: &str) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::with_capacity(previous.len());
        for r in previous {
            if out.last().is_some_and(|l| l.end > r.start) {
                continue;
            }
            if let Some(hit) = self.matches_at(r.start, needle) {
                out.push(hit);
            }
        }
        out
    }

    /// Folded offset of an original char-boundary offset.
    fn to_folded(&self, o: usize) -> usize {
        let i = self.shifts.partition_point(|s| s[1] as usize <= o);
        if i == 0 {
            return o;
        }
        let [f, so, lf, lo] = self.shifts[i - 1].map(|v| v as usize);
        if o < so + lo {
            f
        } else {
            f + lf + (o - so - lo)
        }
    }
}

/// Finds `query` in `text` with the mode the query asks for (convenience for small texts).
pub fn find(text: &str, query: &str) -> Vec<Range<usize>> {
    let mode = mode_for(query);
    Folded::new(text, mode).find_all(&transform(query, mode))
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
        let first = f.find_all("lo");
        let refined = f.refine(&first, "loc");
        assert_eq!(refined, f.find_all("loc"));
        assert_eq!(refined.len(), 3);
        let aaa = Folded::new("aaaa", Mode::Fold);
        assert_eq!(aaa.refine(&aaa.find_all("a"), "aa"), aaa.find_all("aa"));
    }

    #[test]
    fn contains_folds() {
        assert!(contains("Trần Thị Lộc", "thi l"));
        assert!(!contains("Trần Thị Lộc", "thị lo"));
    }
}
