//! Long blocks cut into sentence-aligned pieces for extraction.
//!
//! Both passes keep per-token data for the block they are working on. A block of normal size
//! costs nothing, but a 20 MB article on one line is one block, and its per-token data would be
//! many times the text. Cutting such a block at sentence ends bounds that memory; names do not
//! span sentences, so what is found stays the same.

use crate::document::Block;

/// Blocks longer than this (bytes) are cut. Far above any real paragraph.
pub const MAX_PIECE: usize = 64 * 1024;

/// The pieces of `blocks` when one of them is longer than `max`: pieces (each inside one block,
/// in order, covering it) and for each piece the index of its block. `None` when no block is
/// that long, so the common case allocates nothing.
pub fn cut(text: &str, blocks: &[Block], max: usize) -> Option<(Vec<Block>, Vec<usize>)> {
    if blocks.iter().all(|b| b.end - b.start <= max) {
        return None;
    }
    let mut pieces = Vec::new();
    let mut owner = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let mut start = b.start;
        while b.end - start > max {
            let end = cut_point(text, start, start + max);
            pieces.push(Block {
                kind: b.kind,
                start,
                end,
            });
            owner.push(i);
            start = end;
        }
        pieces.push(Block {
            kind: b.kind,
            start,
            end: b.end,
        });
        owner.push(i);
    }
    Some((pieces, owner))
}

/// Where to end a piece that starts at `start` and may reach `limit`: after the last sentence
/// end in the second half of the window, else after its last space, else at the last char
/// boundary. Always past `start`, so cutting makes progress.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let half = start + (limit - start) / 2;
    let mut half_b = half;
    while !text.is_char_boundary(half_b) {
        half_b += 1;
    }
    let window = &text.as_bytes()[half_b..limit];
    let sentence = window
        .windows(2)
        .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
        .map(|p| half_b + p + 2);
    let space = || {
        window
            .iter()
            .rposition(|&c| c == b' ')
            .map(|p| half_b + p + 1)
    };
    match sentence.or_else(space) {
        Some(p) if p > start && p < limit => p,
        _ if limit > start => limit,
        // A single char longer than the window cannot happen (max is far above 4 bytes).
        _ => start + text[start..].chars().next().map_or(1, char::len_utf8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;

    fn para(start: usize, end: usize) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            start,
            end,
        }
    }

    #[test]
    fn short_blocks_are_not_cut() {
        let text = "Một câu. Hai câu.";
        assert!(cut(text, &[para(0, text.len())], 64).is_none());
    }

    #[test]
    fn a_long_block_is_cut_after_sentences_and_covered_exactly() {
        let sentence = "Ông Trần Văn Hùng phát biểu tại hội nghị. ";
        let text = sentence.repeat(40);
        let blocks = [para(0, 5), para(5, text.len())];
        let (pieces, owner) = cut(&text, &blocks, 200).expect("cut");
        assert_eq!(pieces[0], blocks[0]);
        assert_eq!(owner[0], 0);
        assert!(owner[1..].iter().all(|&o| o == 1));
        assert_eq!(pieces[1].start, 5);
        assert_eq!(pieces.last().unwrap().end, text.len());
        for w in pieces[1..].windows(2) {
            assert_eq!(w[0].end, w[1].start, "pieces are contiguous");
            // Every inner cut falls right after a sentence end.
            assert!(
                text[..w[0].end].ends_with(". "),
                "{:?}",
                &text[w[0].start..w[0].end]
            );
        }
        assert!(pieces
            .iter()
            .all(|p| p.end - p.start <= 200 && p.end > p.start));
    }

    #[test]
    fn text_without_spaces_is_cut_on_char_boundaries() {
        let text = "đ".repeat(500);
        let (pieces, _) = cut(&text, &[para(0, text.len())], 101).expect("cut");
        for p in &pieces {
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            assert!(p.end > p.start && p.end - p.start <= 101);
        }
        assert_eq!(pieces.last().unwrap().end, text.len());
    }
}
