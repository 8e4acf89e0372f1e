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
}

impl<'a> WordSpans<'a> {
    pub fn new(src: &'a str) -> Self {
        WordSpans {
            src,
            i: 0,
            saw_mark: false,
            saw_underscore: false,
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

/// The first word of a phrase, as [`word_spans`] would cut it.
pub fn first_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !is_letter(*c))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Phrases keyed by their first word, longest first: a word's candidates are checked with
/// `starts_with`, so only the few phrases sharing a first word are ever compared.
pub struct ByFirstWord<T> {
    map: FastMap<String, Vec<(String, T)>>,
    /// A bit per (first byte, last byte, length) of the first words: most words of a text miss
    /// it and skip the hash lookup.
    filter: Vec<u64>,
}

fn filter_bit(w: &[u8]) -> usize {
    let (f, l) = (w[0] as usize, w[w.len() - 1] as usize);
    (f.wrapping_mul(31) ^ l.wrapping_mul(131) ^ (w.len() << 9)) & 0xFFFF
}

impl<T: Copy> ByFirstWord<T> {
    pub fn new(phrases: impl IntoIterator<Item = (String, T)>) -> Self {
        let phrases = phrases.into_iter();
        // Sized once: growing the table rehashes every key.
        let mut map: FastMap<String, Vec<(String, T)>> =
            FastMap::with_capacity_and_hasher(phrases.size_hint().0, Default::default());
        for (p, v) in phrases {
            let f = first_word(&p);
            if f.is_empty() {
                continue;
            }
            let list = match map.get_mut(f) {
                Some(list) => list,
                None => map.entry(f.to_owned()).or_default(),
            };
            if !list.iter().any(|(q, _)| *q == p) {
                list.push((p, v));
            }
        }
        for list in map.values_mut() {
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        let mut filter = vec![0u64; 0x10000 / 64];
        for k in map.keys() {
            let bit = filter_bit(k.as_bytes());
            filter[bit / 64] |= 1 << (bit % 64);
        }
        ByFirstWord { map, filter }
    }

    /// Whether some phrase may start with the word `w`: a cheap test before [`Self::matches_at`].
    #[inline]
    pub fn may_start(&self, w: &[u8]) -> bool {
        let bit = filter_bit(w);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Every phrase that starts at `a` (whose first word is `src[a..b]`) and ends on a word
    /// boundary, longest first: (end, value). Callers test [`Self::may_start`] first.
    pub fn matches_at<'s>(
        &'s self,
        src: &'s str,
        a: usize,
        b: usize,
    ) -> impl Iterator<Item = (usize, T)> + 's {
        self.map
            .get(&src[a..b])
            .into_iter()
            .flatten()
            .filter_map(move |(p, v)| {
                let end = a + p.len();
                (src[a..].starts_with(p.as_str()) && bounded_after(src, end)).then_some((end, *v))
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
        fn the_walk_sees_every_underscore(t in "[a-z_ .ễ\u{300}]{0,40}") {
            let mut spans = WordSpans::new(&t);
            spans.by_ref().for_each(drop);
            proptest::prop_assert_eq!(spans.saw_underscore, t.contains('_'));
        }
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
        let t = ByFirstWord::new([("L'Oréal".to_owned(), 1), ("L".to_owned(), 2)]);
        let (a, b) = word_spans(s)[2];
        assert_eq!(t.matches_at(s, a, b).next(), Some((a + "L'Oréal".len(), 1)));
    }
}
