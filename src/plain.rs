//! The article as wrapped plain text, for `--print` and for output that is not a terminal.
//! It is the reader's own layout, so the two never disagree on wrapping or spacing.

use crate::document::Article;
use crate::layout::Layout;

/// Renders `article` as plain text wrapped to `width` columns (at least 10).
pub fn render(article: &Article, width: usize) -> String {
    let layout = Layout::build(article, width.max(10));
    let mut out = String::with_capacity(article.text.len() + article.text.len() / 8);
    for i in 0..layout.len() {
        let line = &layout.lines[i];
        let text = layout.text(article, i);
        if !text.is_empty() {
            out.extend(std::iter::repeat_n(' ', line.indent as usize));
            out.push_str(text);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::parse;

    #[test]
    fn header_then_blocks_wrapped_with_blank_lines() {
        let a = parse(
            "Tiêu đề bài báo\n10:00, 01/02/2023\n\nMột hai ba bốn năm sáu bảy tám chín mười.\n\nẢnh: Minh Anh\n\nCâu cuối cùng của bài viết này.\n".into(),
            "t",
        );
        let out = render(&a, 24);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "Tiêu đề bài báo");
        assert_eq!(lines[1], "10:00, 01/02/2023");
        assert!(
            lines.iter().all(|l| crate::wrap::width(l) <= 24),
            "{lines:?}"
        );
        assert!(out.contains("\n\n"), "a blank line between blocks: {out}");
        assert!(
            lines.iter().any(|l| l.starts_with("  Ảnh: Minh Anh")),
            "{lines:?}"
        );
    }
}
