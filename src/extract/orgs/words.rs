//! A fast word scan: byte ranges of runs of letters and digits, and the tables that say which
//! words may open an organisation's name. Cheaper than full tokenizing, which only the windows
//! after a likely head need.

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

/// Byte ranges of the words of `src`, in order.
pub fn word_spans(src: &str) -> Vec<(usize, usize)> {
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
        ByFirstWord { map }
    }

    /// The longest phrase that starts at `a` (whose first word is `src[a..b]`) and ends on a
    /// word boundary.
    pub fn longest_at(&self, src: &str, a: usize, b: usize) -> Option<(usize, T)> {
        let list = self.map.get(&src[a..b])?;
        list.iter().find_map(|(p, v)| {
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
    fn words_and_lookup() {
        let s = "Sở GTVT, L'Oréal và UBND tỉnh.";
        let w: Vec<&str> = word_spans(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(w, ["Sở", "GTVT", "L", "Oréal", "và", "UBND", "tỉnh"]);
        let t = ByFirstWord::new([("L'Oréal".to_owned(), 1), ("L".to_owned(), 2)]);
        let (a, b) = word_spans(s)[2];
        assert_eq!(t.longest_at(s, a, b), Some((a + "L'Oréal".len(), 1)));
    }
}
