//! An article laid out as visual lines for one column width, built once per (article, width).
//!
//! Every line is a byte range (of the article's text, or of the small synthesized header), so
//! drawing a screen is a slice of this list and highlights map onto lines by their offsets.

use crate::document::{Article, BlockKind};
use crate::wrap::wrap;
use std::ops::Range;

/// Columns captions are indented by.
pub const CAPTION_INDENT: usize = 2;

/// What a visual line shows, which decides its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Lead,
    Paragraph,
    Heading,
    Caption,
    Byline,
    Blank,
}

/// Where a line's text lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `Article::text`.
    Text,
    /// `Layout::header` (the time and byline line, or a title that is not a block).
    Header,
}

/// One visual line. A long article has hundreds of thousands, so its offsets are kept as
/// `u32` (16 bytes a line; texts are far below 4 GiB, as files are capped at 256 MB).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VLine {
    pub kind: LineKind,
    pub source: Source,
    /// Columns of indentation before the text.
    pub indent: u16,
    start: u32,
    end: u32,
    anchor: u32,
}

impl VLine {
    fn new(
        kind: LineKind,
        source: Source,
        range: Range<usize>,
        indent: u16,
        anchor: usize,
    ) -> Self {
        VLine {
            kind,
            source,
            indent,
            start: offset(range.start),
            end: offset(range.end),
            anchor: offset(anchor),
        }
    }

    /// The line's bytes, in `Article::text` or in `Layout::header` (see [`VLine::source`]).
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// An offset in `Article::text` that orders lines (non-decreasing along the list), used to
    /// keep the reading position across widths.
    pub fn anchor(&self) -> usize {
        self.anchor as usize
    }
}

fn offset(x: usize) -> u32 {
    u32::try_from(x).expect("article texts are far below 4 GiB")
}

/// The wrapped article, possibly still being laid out (see [`Layout::complete`]).
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub width: usize,
    pub header: String,
    pub lines: Vec<VLine>,
    /// Where laying out continues: a block index and a byte offset inside that block.
    next: Option<(usize, usize)>,
}

/// Bytes of a block wrapped per step: a huge article is laid out a step at a time, so the
/// first screen does not wait for the whole of it.
const STEP_BYTES: usize = 64 * 1024;

impl Layout {
    /// Lays the whole of `article` out at `width` columns (at least 1).
    pub fn build(article: &Article, width: usize) -> Layout {
        let mut lay = Layout::start(article, width);
        lay.finish(article);
        lay
    }

    /// The header only; [`Layout::extend_lines`] and friends lay out the rest.
    pub fn start(article: &Article, width: usize) -> Layout {
        let width = width.max(1);
        let mut lay = Layout {
            width,
            header: String::new(),
            lines: Vec::new(),
            next: None,
        };
        let title_block = article.blocks.iter().find(|b| b.kind == BlockKind::Title);
        let mut anchor = 0;
        match title_block {
            Some(b) => {
                lay.push_text(article, b.range(), LineKind::Title, 0);
                anchor = b.end;
            }
            None if !article.title.is_empty() => {
                lay.push_header(&article.title, LineKind::Title, 0);
            }
            None => {}
        }
        let mut meta = Vec::new();
        if let Some(p) = article.published {
            meta.push(p.display_vi());
        }
        if let Some(b) = &article.byline {
            meta.push(b.clone());
        }
        if !meta.is_empty() {
            lay.push_header(&meta.join(" · "), LineKind::Meta, anchor);
        }
        lay.next = lay
            .next_body_block(article, 0)
            .map(|i| (i, article.blocks[i].start));
        lay
    }

    fn next_body_block(&self, article: &Article, from: usize) -> Option<usize> {
        (from..article.blocks.len()).find(|&i| {
            !matches!(
                article.blocks[i].kind,
                BlockKind::Title | BlockKind::Dateline
            )
        })
    }

    /// Whether every block is laid out.
    pub fn complete(&self) -> bool {
        self.next.is_none()
    }

    /// The article offset up to which lines exist.
    pub fn laid_until(&self, article: &Article) -> usize {
        self.next.map_or(article.text.len(), |(_, o)| o)
    }

    /// Lays out one step: at most [`STEP_BYTES`] of one block. False when already complete.
    fn step(&mut self, article: &Article) -> bool {
        let Some((bi, off)) = self.next else {
            return false;
        };
        let b = &article.blocks[bi];
        let (kind, indent) = match b.kind {
            BlockKind::Lead => (LineKind::Lead, 0),
            BlockKind::Heading => (LineKind::Heading, 0),
            BlockKind::Caption => (LineKind::Caption, CAPTION_INDENT),
            BlockKind::Byline => (LineKind::Byline, 0),
            _ => (LineKind::Paragraph, 0),
        };
        if off == b.start && !self.lines.is_empty() {
            self.lines.push(VLine::new(
                LineKind::Blank,
                Source::Text,
                b.start..b.start,
                0,
                b.start,
            ));
        }
        // A chunk that ends after a space, so its words are whole; its last line may go on in
        // the next chunk, so it is wrapped again from there.
        let mut end = b.end;
        if b.end - off > STEP_BYTES {
            let text = &article.text[off..b.end];
            let mut cut = STEP_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if let Some(sp) = text[..cut].rfind(' ') {
                if sp > 0 {
                    end = off + sp + 1;
                }
            }
        }
        let before = self.lines.len();
        self.push_text(article, off..end, kind, indent);
        if end < b.end && self.lines.len() > before + 1 {
            let last = self.lines.pop().expect("more than one line");
            self.next = Some((bi, last.range().start));
        } else if end < b.end {
            // One line only (a huge word): keep it and go on after the chunk.
            self.next = Some((bi, end));
        } else {
            self.next = self
                .next_body_block(article, bi + 1)
                .map(|i| (i, article.blocks[i].start));
        }
        true
    }

    /// Lays out until there are at least `n` lines (or all of them).
    pub fn extend_lines(&mut self, article: &Article, n: usize) {
        while self.lines.len() < n && self.step(article) {}
    }

    /// Lays out until the text at `offset` has its line.
    pub fn extend_offset(&mut self, article: &Article, offset: usize) {
        while self.laid_until(article) <= offset && self.step(article) {}
    }

    /// Lays out about `bytes` more of the article (background work between keys).
    pub fn extend_bytes(&mut self, article: &Article, bytes: usize) {
        let target = self.laid_until(article).saturating_add(bytes);
        while self.laid_until(article) < target && self.step(article) {}
    }

    /// Lays out the rest.
    pub fn finish(&mut self, article: &Article) {
        while self.step(article) {}
    }

    fn push_text(&mut self, article: &Article, r: Range<usize>, kind: LineKind, indent: usize) {
        let w = self.width.saturating_sub(indent).max(1);
        let text = &article.text[r.clone()];
        for l in wrap(text, w) {
            let range = r.start + l.start..r.start + l.end;
            let anchor = range.start;
            self.lines
                .push(VLine::new(kind, Source::Text, range, indent as u16, anchor));
        }
    }

    fn push_header(&mut self, s: &str, kind: LineKind, anchor: usize) {
        let base = self.header.len();
        self.header.push_str(s);
        for l in wrap(s, self.width) {
            self.lines.push(VLine::new(
                kind,
                Source::Header,
                base + l.start..base + l.end,
                0,
                anchor,
            ));
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The text of line `i`.
    pub fn text<'a>(&'a self, article: &'a Article, i: usize) -> &'a str {
        match self.lines.get(i) {
            Some(l) if l.source == Source::Text => article.text.get(l.range()).unwrap_or(""),
            Some(l) => self.header.get(l.range()).unwrap_or(""),
            None => "",
        }
    }

    /// The line that shows article offset `offset`: the last line starting at or before it.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.anchor() <= offset)
            .saturating_sub(1)
    }

    /// A position that survives a re-wrap: the anchor of line `i` and its rank among the lines
    /// sharing that anchor (a blank line and the block after it, or the header lines).
    pub fn position(&self, i: usize) -> (usize, usize) {
        let Some(l) = self.lines.get(i) else {
            return (usize::MAX, 0);
        };
        let first = self.lines.partition_point(|x| x.anchor < l.anchor);
        (l.anchor(), i - first)
    }

    /// The line for a [`Layout::position`] taken at another width.
    pub fn restore(&self, (anchor, rank): (usize, usize)) -> usize {
        let first = self.lines.partition_point(|x| x.anchor() < anchor);
        match self.lines.get(first) {
            Some(l) if l.anchor() == anchor => {
                let end = self.lines.partition_point(|x| x.anchor() <= anchor);
                (first + rank).min(end - 1)
            }
            _ => self.line_of(anchor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_small() {
        // A 20 MB article has half a million lines: their size is the reader's biggest cache.
        assert_eq!(std::mem::size_of::<VLine>(), 16);
    }

    /// Wrapped a step at a time, a huge block gives the very lines of one wrap of the block.
    #[test]
    fn steps_agree_with_one_wrap() {
        let mut text = String::from("Tiêu đề\n\n");
        let mut para = String::new();
        for i in 0..20_000 {
            para.push_str(&format!("chữ{} ", "ạ".repeat(i % 7)));
        }
        let start = text.len();
        text.push_str(para.trim_end());
        text.push_str("\n\nĐoạn cuối.\n");
        assert!(para.len() > 3 * STEP_BYTES);
        let a = crate::loader::parse(text, "t");
        for width in [1, 7, 40, 88] {
            let lay = Layout::build(&a, width);
            let block = a.blocks.iter().find(|b| b.start == start).unwrap();
            let want: Vec<Range<usize>> = wrap(&a.text[block.range()], width)
                .into_iter()
                .map(|r| r.start + start..r.end + start)
                .collect();
            let got: Vec<Range<usize>> = lay
                .lines
                .iter()
                .filter(|l| l.source == Source::Text && a.block_at(l.anchor()) == a.block_at(start))
                .filter(|l| l.kind != LineKind::Blank)
                .map(|l| l.range())
                .collect();
            assert_eq!(got, want, "width {width}");
            // Laying out a little at a time gives the same.
            let mut part = Layout::start(&a, width);
            part.extend_lines(&a, 10);
            assert!(!part.complete(), "a huge block is not laid out at once");
            part.extend_offset(&a, start + 100_000);
            part.extend_bytes(&a, 50_000);
            part.finish(&a);
            assert_eq!(part.lines, lay.lines);
        }
    }
}
