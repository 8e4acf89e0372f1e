//! The side list: people, organisations and authors, with the detail of one entry.

use super::{truncate, Theme};
use crate::app::{App, EntityKind, EntityRef, Focus, ListRow, Section};
use crate::screen::Screen;
use crate::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

pub(super) fn side_list(app: &App, buf: &mut Buffer, s: &Screen, list: Rect, t: &Theme) {
    let focused = app.focus == Focus::List;
    Block::new()
        .borders(Borders::LEFT)
        .border_style(if focused { t.focus_border } else { t.dim })
        .render(list, buf);
    let Some(a) = app.article() else { return };
    let rows = app.list_rows();
    let area = s.list_items;
    let w = area.width as usize;
    let off = app.list_offset(area.height as usize);
    for (row, item) in rows.iter().skip(off).take(area.height as usize).enumerate() {
        let y = area.y + row as u16;
        match *item {
            ListRow::Filter => {
                let mut spans = vec![
                    Span::styled("filter: ", t.dim),
                    Span::raw(app.filter.as_str()),
                ];
                if app.filter_editing {
                    spans.push(Span::styled("▏", t.dim));
                }
                let line = Line::from(spans);
                buf.set_line(area.x, y, &line, area.width);
            }
            ListRow::Heading(sec, n) => {
                let name = match sec {
                    Section::People => "People",
                    Section::Organisations => "Organisations",
                    Section::Authors => "By",
                };
                let text = if sec == Section::Authors {
                    name.to_owned()
                } else {
                    format!("{name} ({n})")
                };
                buf.set_stringn(area.x, y, text, w, t.section);
            }
            ListRow::Entry(i, r) => {
                let name = app.entity_name(r);
                let count = app.entity_mentions(r).len();
                let count = count.to_string();
                let is_sel = app.selected == Some(r);
                let marker = if is_sel { "● " } else { "  " };
                let mut style = Style::new();
                if focused && i == app.list_cursor {
                    style = style.patch(t.cursor);
                }
                let name_w = w.saturating_sub(count.len() + 3);
                let name = truncate(name, name_w);
                let pad = w.saturating_sub(2 + wrap::width(&name) + count.len());
                let line = Line::from(vec![
                    Span::styled(
                        marker,
                        if is_sel {
                            t.entity(r.kind).patch(style)
                        } else {
                            style
                        },
                    ),
                    Span::styled(name, style),
                    Span::styled(" ".repeat(pad), style),
                    Span::styled(count, style.patch(t.dim)),
                ]);
                buf.set_line(area.x, y, &line, area.width);
            }
        }
    }
    if area.height == 0 || s.detail.height == 0 {
        return;
    }
    // The detail box: the entry under the cursor while the list has focus, else the selection.
    let sep_y = s.detail.y - 1;
    buf.set_stringn(area.x, sep_y, "─".repeat(w), w, t.dim);
    let shown = if focused {
        app.entries().get(app.list_cursor)
    } else {
        app.selected
    };
    if let Some(r) = shown {
        detail(app, a, r, buf, s.detail, t);
    } else if app.extracting.contains(&app.current) {
        buf.set_stringn(
            s.detail.x,
            s.detail.y,
            "finding people and organisations…",
            w,
            t.dim,
        );
    } else if rows.len() <= 3 && app.filter.is_empty() {
        buf.set_stringn(
            s.detail.x,
            s.detail.y,
            "no people or organisations found",
            w,
            t.dim,
        );
    }
}

fn detail(
    app: &App,
    a: &crate::document::Article,
    r: EntityRef,
    buf: &mut Buffer,
    area: Rect,
    t: &Theme,
) {
    let mut lines: Vec<(String, Style)> = Vec::new();
    let n = app.entity_mentions(r).len();
    match r.kind {
        EntityKind::Person => {
            let Some(p) = a.people.get(r.index) else {
                return;
            };
            lines.push((p.name.clone(), t.section));
            for role in &p.roles {
                lines.push((format!("· {role}"), Style::new()));
            }
            if !p.aliases.is_empty() {
                lines.push((format!("also: {}", p.aliases.join(", ")), t.dim));
            }
        }
        EntityKind::Organisation => {
            let Some(o) = a.organisations.get(r.index) else {
                return;
            };
            lines.push((o.name.clone(), t.section));
            if let Some(ab) = &o.abbreviation {
                if ab != &o.name {
                    lines.push((format!("= {ab}"), Style::new()));
                }
            }
            if let Some(ex) = &o.expansion {
                if ex != &o.name {
                    lines.push((format!("= {ex}"), Style::new()));
                }
            }
            if !o.aliases.is_empty() {
                lines.push((format!("also: {}", o.aliases.join(", ")), t.dim));
            }
        }
    }
    lines.push((
        format!("{n} mention{}", if n == 1 { "" } else { "s" }),
        t.dim,
    ));
    let w = area.width as usize;
    let mut y = area.y;
    let bottom = area.y + area.height;
    'out: for (text, style) in &lines {
        for r in wrap::wrap(text, w) {
            if y >= bottom {
                break 'out;
            }
            buf.set_stringn(area.x, y, &text[r], w, *style);
            y += 1;
        }
    }
}
