//! Where things go on the screen, from the terminal size and a few flags. Pure: the app uses it
//! for paging and mouse hits, the renderer for drawing, so both always agree.

use ratatui::layout::Rect;

/// Below this the reader shows a "too small" message instead of the article.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// The side list is shown by default from this width on.
pub const LIST_AUTO_WIDTH: u16 = 80;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Screen {
    pub area: Rect,
    pub too_small: bool,
    /// The article pane (text column, margins and scrollbar).
    pub article: Rect,
    /// The column the text is drawn in.
    pub text: Rect,
    pub scrollbar: Rect,
    /// The side list pane, its entry rows and the detail box of the selected entry.
    pub list: Option<Rect>,
    pub list_items: Rect,
    pub detail: Rect,
    pub status: Rect,
}

/// Computes the screen. `text_width` is the wanted column (None: the full pane).
pub fn compute(width: u16, height: u16, list_visible: bool, text_width: Option<usize>) -> Screen {
    let area = Rect::new(0, 0, width, height);
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Screen {
            area,
            too_small: true,
            ..Default::default()
        };
    }
    let status = Rect::new(0, height - 1, width, 1);
    let main_h = height - 1;
    let list_w = if list_visible {
        (width * 3 / 10).clamp(24, 40).min(width - MIN_WIDTH / 2)
    } else {
        0
    };
    let article_w = width - list_w;
    let article = Rect::new(0, 0, article_w, main_h);
    let scrollbar = Rect::new(article_w.saturating_sub(1), 0, 1.min(article_w), main_h);
    // One column of margin on the left, one before the scrollbar.
    let avail = article_w.saturating_sub(3).max(1);
    let col = match text_width {
        Some(w) => (w.min(avail as usize)) as u16,
        None => avail,
    };
    let left = 1 + (avail - col) / 2;
    let text = Rect::new(left.min(article_w), 0, col, main_h);
    let (list, list_items, detail) = if list_w > 0 {
        let list = Rect::new(article_w, 0, list_w, main_h);
        // Inside the left border.
        let inner = Rect::new(article_w + 1, 0, list_w - 1, main_h);
        let detail_h = (main_h / 3).clamp(1, 8).min(main_h.saturating_sub(2));
        let items_h = main_h.saturating_sub(detail_h + 1);
        (
            Some(list),
            Rect::new(inner.x, 0, inner.width, items_h),
            Rect::new(inner.x, items_h + 1, inner.width, detail_h),
        )
    } else {
        (None, Rect::default(), Rect::default())
    };
    Screen {
        area,
        too_small: false,
        article,
        text,
        scrollbar,
        list,
        list_items,
        detail,
        status,
    }
}

/// Whether `(x, y)` falls in `r`.
pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x.saturating_add(r.width) && y >= r.y && y < r.y.saturating_add(r.height)
}
