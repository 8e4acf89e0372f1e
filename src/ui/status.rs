//! The status bar: article k/n, position, mention i/n, search i/n, a key hint.

use super::Theme;
use crate::app::{App, Focus};
use crate::screen::Screen;
use crate::wrap;
use ratatui::buffer::Buffer;

pub(super) fn status(app: &App, buf: &mut Buffer, s: &Screen, t: &Theme) {
    let area = s.status;
    buf.set_style(area, t.status);
    let mut parts: Vec<String> = Vec::new();
    if app.slots.len() > 1 {
        parts.push(format!("article {}/{}", app.current + 1, app.slots.len()));
    }
    parts.push(if app.layout.complete() && app.layout.len() <= app.page() {
        "all".to_owned()
    } else {
        format!("{}%", app.percent())
    });
    if let Some(r) = app.selected {
        let n = app.mentions.len();
        let i = app.mention.map_or("–".to_owned(), |i| (i + 1).to_string());
        parts.push(format!("{} mention {i}/{n}", app.entity_name(r)));
    }
    let search = &app.search;
    if search.editing || search.active() {
        let cursor = if search.editing { "▏" } else { "" };
        let hits = if search.query.is_empty() {
            String::new()
        } else if search.matches.is_empty() {
            " no match".to_owned()
        } else {
            let i = search
                .current
                .map_or("–".to_owned(), |i| (i + 1).to_string());
            format!(" match {i}/{}", search.matches.len())
        };
        parts.push(format!("/{}{cursor}{hits}", search.query));
    }
    let left = format!(" {}", parts.join(" │ "));
    let hint = if search.editing {
        "Enter keep · Esc cancel "
    } else if app.focus == Focus::List && app.filter_editing {
        "Enter keep · Esc clear · ↑↓ move "
    } else if app.focus == Focus::List {
        "Enter select · / filter · Tab back · ? help "
    } else {
        "? help · / search · Tab list · q quit "
    };
    let w = area.width as usize;
    buf.set_stringn(area.x, area.y, &left, w, t.status);
    let lw = wrap::width(&left);
    let hw = wrap::width(hint);
    if lw + 2 + hw <= w {
        buf.set_stringn(area.x + (w - hw) as u16, area.y, hint, hw, t.status);
    }
}
