//! The help overlay, written from the keymap table.

use super::Theme;
use crate::app::App;
use crate::keymap::{self, Context};
use crate::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

pub(super) fn help(app: &App, buf: &mut Buffer, area: Rect, t: &Theme) {
    let mut lines: Vec<Line> = Vec::new();
    let mut ctx: Option<Context> = None;
    let entries = keymap::help_lines(app);
    let key_w = entries
        .iter()
        .map(|(_, k, _)| wrap::width(k))
        .max()
        .unwrap_or(0);
    for (c, keys, desc) in entries {
        if ctx != Some(c) {
            lines.push(Line::styled(c.title(), t.section));
            ctx = Some(c);
        }
        let pad = key_w - wrap::width(&keys);
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {keys}{} ", " ".repeat(pad)),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw(desc),
        ]));
    }
    lines.push(Line::styled("Mouse", t.section));
    lines.push(Line::raw(" wheel      scroll the pane under it"));
    lines.push(Line::raw(" click      select an entry or a name"));
    let inner_w = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    // Two columns when one does not fit in height but two fit in width.
    let avail_h = area.height.saturating_sub(2);
    let cols: u16 = if lines.len() as u16 > avail_h && (inner_w + 2) * 2 < area.width {
        2
    } else {
        1
    };
    let per_col = (lines.len() as u16).div_ceil(cols);
    let box_w = ((inner_w + 2) * cols + 2).min(area.width);
    let box_h = (per_col + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - box_w) / 2,
        area.y + (area.height - box_h) / 2,
        box_w,
        box_h,
    );
    Clear.render(rect, buf);
    let block = Block::bordered()
        .title(" Keys · j/k scroll · any other key closes ")
        .border_style(t.focus_border);
    let inner = block.inner(rect);
    block.render(rect, buf);
    // Scrolled by j/k when it does not fit.
    let skip = (app.help_scroll as u16).min(per_col.saturating_sub(inner.height));
    for (i, line) in lines.iter().enumerate() {
        let col = i as u16 / per_col.max(1);
        let Some(row) = (i as u16 % per_col.max(1)).checked_sub(skip) else {
            continue;
        };
        if row >= inner.height {
            continue;
        }
        let x = inner.x + col * (inner_w + 2);
        if x >= inner.x + inner.width {
            continue;
        }
        let max_w = (inner.x + inner.width - x).min(inner_w + 1);
        buf.set_line(x, inner.y + row, line, max_w);
    }
}
