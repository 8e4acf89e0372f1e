//! The library: one row per article, with what has loaded so far.

use super::{truncate, Theme};
use crate::app::{App, Slot};
use crate::screen::Screen;
use crate::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub(super) fn library(app: &App, buf: &mut Buffer, s: &Screen, t: &Theme) {
    let area = s.area;
    let w = area.width as usize;
    let n = app.slots.len();
    let mut head = format!(" bao · {n} articles");
    if app.loaded < n {
        head.push_str(&format!(" · loading {}/{n}", app.loaded));
    }
    buf.set_stringn(area.x, area.y, &head, w, t.section);
    let rows = area.height.saturating_sub(2) as usize;
    let off = app.library_offset();
    for (row, i) in (off..n).take(rows).enumerate() {
        let y = area.y + 1 + row as u16;
        let cursor = i == app.library_cursor;
        let base = if cursor { t.cursor } else { Style::new() };
        let (title, right, style) = match &app.slots[i] {
            Slot::Loaded(a) => {
                let time = a.published.map(|p| p.display_vi()).unwrap_or_default();
                let people = a
                    .people
                    .iter()
                    .filter(|p| !crate::app::is_author(a, p))
                    .count();
                (
                    a.title.clone(),
                    format!(
                        "{time}  {people:>2} people {:>2} orgs",
                        a.organisations.len()
                    ),
                    base,
                )
            }
            Slot::Loading(p) => (file_name(p), "loading…".to_owned(), base.patch(t.dim)),
            Slot::Failed(p, e) => (file_name(p), e.clone(), base.patch(t.error)),
        };
        let rw = wrap::width(&right);
        let show_right = w >= rw + 20;
        let title_w = if show_right { w - rw - 3 } else { w - 1 };
        let title = truncate(&title, title_w);
        buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        buf.set_stringn(area.x + 1, y, &title, title_w, style);
        if show_right {
            let right = truncate(&right, rw);
            buf.set_stringn(
                area.x + (w - rw - 1) as u16,
                y,
                right,
                rw,
                style.patch(t.dim),
            );
        }
    }
    let status = s.status;
    buf.set_style(status, t.status);
    buf.set_stringn(
        status.x,
        status.y,
        " Enter open · j/k move · Esc back from an article · ? help · q quit",
        w,
        t.status,
    );
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
