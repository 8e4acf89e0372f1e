//! Grapheme-aware word wrapping into byte ranges.
//!
//! Widths come from unicode-width per grapheme, as ratatui's buffer measures them, so a wrapped
//! line never overflows the column it is drawn in. A line is a byte range of the input: highlights
//! and search hits map onto lines without copying text.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    // Fast path: most Vietnamese and Latin text is chars that are each one column and their
    // own grapheme; grapheme segmentation would cost several times more.
    let mut n = 0;
    for c in s.chars() {
        if !is_simple(c) {
            return s.graphemes(true).map(grapheme_width).sum();
        }
        n += 1;
    }
    n
}

/// A char that is one column wide and never joins the next into one grapheme (no combining
/// marks, joiners, controls or wide chars): ASCII, Latin-1, Latin Extended-A/B and the
/// precomposed Vietnamese letters of Latin Extended Additional.
fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A1}'..='\u{AC}' | '\u{AE}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Width of one grapheme: at least 0, at most 2, as ratatui draws it.
pub fn grapheme_width(g: &str) -> usize {
    UnicodeWidthStr::width(g).min(2)
}

/// Breakable whitespace; NBSP and its kin hold words together.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')
}

/// Wraps `text` to `width` columns. Lines break at spaces; a word longer than a line is split
/// between graphemes. The spaces at a break belong to no line. Empty input gives no lines.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    let mut cur_w = 0usize;
    let mut gap_start = 0usize;
    for (start, word) in words(text) {
        let end = start + word.len();
        let word_w = self::width(word);
        let gap_w = self::width(&text[gap_start..start]);
        match cur.as_mut() {
            Some(line) if cur_w + gap_w + word_w <= width => {
                line.end = end;
                cur_w += gap_w + word_w;
            }
            _ => {
                if let Some(line) = cur.take() {
                    lines.push(line);
                }
                if word_w <= width {
                    cur = Some(start..end);
                    cur_w = word_w;
                } else {
                    // Split the long word; its last piece stays open for what follows.
                    let mut piece = start..start;
                    let mut piece_w = 0;
                    for (off, g) in word.grapheme_indices(true) {
                        let gw = grapheme_width(g);
                        if piece_w + gw > width && piece.end > piece.start {
                            lines.push(piece.clone());
                            piece = start + off..start + off;
                            piece_w = 0;
                        }
                        piece.end = start + off + g.len();
                        piece_w += gw;
                    }
                    cur = Some(piece);
                    cur_w = piece_w;
                }
            }
        }
        gap_start = end;
    }
    if let Some(line) = cur {
        lines.push(line);
    }
    lines
}

/// Words (runs without breakable spaces) with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(is_break_space)
        .scan(0usize, move |pos, w| {
            let start = *pos;
            *pos += w.len();
            // Skip the separator char that split removed.
            if let Some(c) = text[*pos..].chars().next() {
                *pos += c.len_utf8();
            }
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str, w: usize) -> Vec<&str> {
        wrap(t, w).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            lines("Trần Thị Lộc phát biểu", 12),
            ["Trần Thị Lộc", "phát biểu"]
        );
        assert_eq!(lines("a b c", 5), ["a b c"]);
        assert_eq!(lines("", 5), Vec::<&str>::new());
        assert_eq!(lines("   ", 5), Vec::<&str>::new());
    }

    #[test]
    fn long_words_split_between_graphemes() {
        assert_eq!(lines("abcdefg", 3), ["abc", "def", "g"]);
        // NFD: each letter with its combining mark is one grapheme of width 1.
        let nfd = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(lines(nfd, 2), ["e\u{301}e\u{301}", "e\u{301}"]);
        // Wide characters take two columns and never split.
        assert_eq!(lines("日本語", 4), ["日本", "語"]);
        assert_eq!(lines("日本", 1), ["日", "本"]);
    }

    proptest::proptest! {
        #[test]
        fn fast_width_agrees_with_graphemes(s in "[a-zA-Z ạ-ỹĐđÀ-ÿ\u{300}-\u{303}\u{AD}日\u{200D}\t]{0,40}") {
            let slow: usize = s.graphemes(true).map(grapheme_width).sum();
            proptest::prop_assert_eq!(width(&s), slow);
        }
    }

    #[test]
    fn nbsp_holds_words_together() {
        assert_eq!(lines("2022\u{a0}giữa x", 6), ["2022\u{a0}g", "iữa x"]);
    }
}
