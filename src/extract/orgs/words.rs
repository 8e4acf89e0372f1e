//! A fast word scan: byte ranges of runs of letters and digits, and the tables that say which
//! words may open an organisation's name. Cheaper than full tokenizing, which only the windows
//! after a likely head need.

use crate::extract::tokens::{Token, TokenKind};
use crate::lexicon::orgs::FastMap;

/// Letters and digits, with a fast path for ASCII and the Latin ranges Vietnamese uses.
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        // Combining marks belong to the letter before them.
        0x300..=0x36F => true,
        _ => c.is_alphanumeric(),
    }
}

/// The same tokens as [`crate::extract::tokens::tokenize`], with the fast letter test: the
/// organisation rules tokenize only short windows after a head, many times per article.
pub fn tokenize_fast(text: &str) -> Vec<Token> {
    let is_mark = |c: char| matches!(c as u32, 0x300..=0x36F | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF);
    let is_alnum = |c: char| is_letter(c) && !is_mark(c);
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        if is_alnum(c) {
            let mut end = i + c.len_utf8();
            let mut has_letter = is_alpha(c);
            while let Some(&(j, d)) = chars.peek() {
                if is_alnum(d) || is_mark(d) {
                    has_letter |= is_alpha(d);
                    end = j + d.len_utf8();
                    chars.next();
                } else if matches!(d, '.' | '-' | '&' | '\'' | '’' | '_')
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_alnum)
                {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end,
                kind: if has_letter {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                },
                space_before,
            });
        } else if !is_mark(c) {
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind: TokenKind::Punct,
                space_before,
            });
        }
        space_before = false;
    }
    out
}

/// `char::is_alphabetic`, with the fast path of [`is_letter`].
fn is_alpha(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// Byte ranges of the words of `src`, in order.
pub fn word_spans(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(src.len() / 6);
    let mut start: Option<usize> = None;
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII without decoding; other characters decoded one at a time.
        let (letter, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = src[i..].chars().next().unwrap_or(' ');
            (is_letter(c), c.len_utf8())
        };
        if letter {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
        i += len;
    }
    if let Some(s) = start {
        out.push((s, src.len()));
    }
    out
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
        let mut map: FastMap<String, Vec<(String, T)>> = FastMap::default();
        for (p, v) in phrases {
            let f = first_word(&p).to_owned();
            if f.is_empty() {
                continue;
            }
            let list = map.entry(f).or_default();
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

    /// Every phrase that starts at `a` (whose first word is `src[a..b]`) and ends on a word
    /// boundary, longest first: (end, value).
    pub fn matches_at<'s>(
        &'s self,
        src: &'s str,
        a: usize,
        b: usize,
    ) -> impl Iterator<Item = (usize, T)> + 's {
        let bit = filter_bit(&src.as_bytes()[a..b]);
        let maybe = self.filter[bit / 64] & (1 << (bit % 64)) != 0;
        maybe
            .then(|| self.map.get(&src[a..b]))
            .flatten()
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

    #[test]
    fn fast_tokens_match_the_tokenizer() {
        for t in [
            "Đồng chí Trần Thị Lộc- Ủy viên BTV, Trưởng ban",
            "Công an TP.HCM (PC67). Nguyễn Văn Q. và “Sở TT&TT” 2022 3,27 36B5-685.92",
            "Hoa\u{300} ×÷ ½ ²x U.16 L’Oréal_x -a- ",
        ] {
            assert_eq!(tokenize_fast(t), crate::extract::tokens::tokenize(t), "{t}");
        }
    }

    #[test]
    fn byte_scan_matches_char_scan() {
        let t = "Hoà × Đà Nẵng, “UBND” tỉnh½x 2022 a\u{300}b";
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
