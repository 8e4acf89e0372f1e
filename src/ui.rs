//! Drawing: `render(&App, &mut Frame)` reads the state and draws only what is visible.

use crate::app::{App, EntityKind, EntityRef, Focus, ListRow, Section, Slot, View};
use crate::keymap::{self, Context};
use crate::layout::{LineKind, Source};
use crate::screen::Screen;
use crate::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};
use ratatui::Frame;
use std::ops::Range;

/// Styles, in the 16 named colours, or without colour at all (NO_COLOR).
pub struct Theme {
    pub title: Style,
    pub meta: Style,
    pub lead: Style,
    pub paragraph: Style,
    pub heading: Style,
    pub caption: Style,
    pub byline: Style,
    pub person: Style,
    pub organisation: Style,
    pub search: Style,
    /// Added on top of a hit or mention that is the current one.
    pub current: Style,
    pub section: Style,
    pub cursor: Style,
    pub dim: Style,
    pub focus_border: Style,
    pub status: Style,
    pub error: Style,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let dim = Style::new().add_modifier(Modifier::DIM);
        let italic_dim = dim.add_modifier(Modifier::ITALIC);
        let current = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if color {
            Theme {
                title: bold.fg(Color::LightCyan),
                meta: Style::new().fg(Color::DarkGray),
                lead: bold,
                paragraph: plain,
                heading: bold.fg(Color::LightBlue),
                caption: italic_dim,
                byline: Style::new().add_modifier(Modifier::ITALIC),
                person: Style::new().fg(Color::Black).bg(Color::Yellow),
                organisation: Style::new().fg(Color::Black).bg(Color::Cyan),
                search: Style::new().fg(Color::Black).bg(Color::LightMagenta),
                current,
                section: bold.fg(Color::LightBlue),
                cursor: Style::new().add_modifier(Modifier::REVERSED),
                dim,
                focus_border: Style::new().fg(Color::LightBlue),
                status: Style::new().fg(Color::White).bg(Color::DarkGray),
                error: Style::new().fg(Color::Red),
            }
        } else {
            Theme {
                title: bold,
                meta: dim,
                lead: bold,
                paragraph: plain,
                heading: bold,
                caption: italic_dim,
                byline: Style::new().add_modifier(Modifier::ITALIC),
                person: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                organisation: Style::new().add_modifier(Modifier::UNDERLINED),
                search: Style::new().add_modifier(Modifier::REVERSED),
                current,
                section: bold,
                cursor: Style::new().add_modifier(Modifier::REVERSED),
                dim,
                focus_border: bold,
                status: Style::new().add_modifier(Modifier::REVERSED),
                error: bold,
            }
        }
    }

    fn entity(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Organisation => self.organisation,
        }
    }
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    render_buffer(app, frame.buffer_mut(), area);
}

/// Draws into a buffer (the frame's, or a bench's).
pub fn render_buffer(app: &App, buf: &mut Buffer, area: Rect) {
    let theme = Theme::new(app.color);
    let s = app.screen_for(area.width, area.height);
    if s.too_small {
        let msg = if area.width >= 9 { "too small" } else { "…" };
        buf.set_stringn(area.x, area.y, msg, area.width as usize, theme.dim);
        return;
    }
    match app.view {
        View::Library => library(app, buf, &s, &theme),
        View::Reader => {
            article(app, buf, &s, &theme);
            if let Some(list) = s.list {
                side_list(app, buf, &s, list, &theme);
            }
            status(app, buf, &s, &theme);
        }
    }
    if app.help {
        help(app, buf, s.area, &theme);
    }
}

fn article(app: &App, buf: &mut Buffer, s: &Screen, t: &Theme) {
    let Some(a) = app.article() else {
        let msg = match app.slots.get(app.current) {
            Some(Slot::Failed(p, e)) => format!("{}: {e}", p.display()),
            _ => "Loading…".to_owned(),
        };
        buf.set_stringn(s.text.x, s.text.y, msg, s.text.width as usize, t.dim);
        return;
    };
    let lay = &app.layout;
    let page = s.text.height as usize;
    let selected_style = app.selected.map(|r| t.entity(r.kind));
    let current_mention = app.mention.and_then(|i| app.mentions.get(i)).cloned();
    let current_hit = app
        .search
        .current
        .and_then(|i| app.search.matches.get(i))
        .cloned();
    for row in 0..page {
        let i = app.top + row;
        let Some(line) = lay.lines.get(i) else { break };
        let text = lay.text(a, i);
        let base = match line.kind {
            LineKind::Title => t.title,
            LineKind::Meta => t.meta,
            LineKind::Lead => t.lead,
            LineKind::Paragraph | LineKind::Blank => t.paragraph,
            LineKind::Heading => t.heading,
            LineKind::Caption => t.caption,
            LineKind::Byline => t.byline,
        };
        let mut marks: Vec<(Range<usize>, Style)> = Vec::new();
        if line.source == Source::Text && !line.range.is_empty() {
            if let Some(st) = selected_style {
                for r in overlapping(&app.mentions, &line.range) {
                    let st = if Some(r) == current_mention.as_ref() {
                        st.patch(t.current)
                    } else {
                        st
                    };
                    marks.push((r.clone(), st));
                }
            }
            for r in overlapping(&app.search.matches, &line.range) {
                let st = if Some(r) == current_hit.as_ref() {
                    t.search.patch(t.current)
                } else {
                    t.search
                };
                marks.push((r.clone(), st));
            }
        }
        let spans = styled_spans(text, line.range.start, base, &marks);
        let indent = line.indent.min(s.text.width);
        buf.set_line(
            s.text.x + indent,
            s.text.y + row as u16,
            &Line::from(spans),
            s.text.width - indent,
        );
    }
    let max_top = app.max_top();
    if max_top > 0 && s.scrollbar.width > 0 {
        let mut state = ScrollbarState::new(max_top + 1)
            .position(app.top)
            .viewport_content_length(page);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some(" "))
            .track_style(t.dim)
            .thumb_symbol("█")
            .render(s.scrollbar, buf, &mut state);
    }
}

/// The ranges of sorted, non-overlapping `hits` that touch `line`.
fn overlapping<'a>(
    hits: &'a [Range<usize>],
    line: &Range<usize>,
) -> impl Iterator<Item = &'a Range<usize>> {
    let first = hits.partition_point(|r| r.end <= line.start);
    let end = line.end;
    hits[first..].iter().take_while(move |r| r.start < end)
}

/// Splits `text` (which starts at offset `base_off`) into spans, later marks drawn over earlier.
fn styled_spans<'a>(
    text: &'a str,
    base_off: usize,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Vec<Span<'a>> {
    if marks.is_empty() {
        return vec![Span::styled(text, base)];
    }
    let len = text.len();
    let local = |o: usize| o.saturating_sub(base_off).min(len);
    let mut cuts: Vec<usize> = vec![0, len];
    for (r, _) in marks {
        cuts.push(local(r.start));
        cuts.push(local(r.end));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let mut st = base;
            for (r, m) in marks {
                if local(r.start) <= a && b <= local(r.end) {
                    st = st.patch(*m);
                }
            }
            Span::styled(&text[a..b], st)
        })
        .collect()
}

fn side_list(app: &App, buf: &mut Buffer, s: &Screen, list: Rect, t: &Theme) {
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
                let line = Line::from(vec![
                    Span::styled("filter: ", t.dim),
                    Span::raw(app.filter.as_str()),
                    Span::styled("▏", t.dim),
                ]);
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

fn status(app: &App, buf: &mut Buffer, s: &Screen, t: &Theme) {
    let area = s.status;
    buf.set_style(area, t.status);
    let mut parts: Vec<String> = Vec::new();
    if app.slots.len() > 1 {
        parts.push(format!("article {}/{}", app.current + 1, app.slots.len()));
    }
    parts.push(if app.layout.len() <= app.page() {
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
    } else if app.focus == Focus::List {
        "Enter select · type to filter · Tab back · ? help "
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

fn library(app: &App, buf: &mut Buffer, s: &Screen, t: &Theme) {
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

/// Cuts `s` to `w` columns, with an ellipsis when cut.
fn truncate(s: &str, w: usize) -> String {
    if wrap::width(s) <= w {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    use unicode_segmentation::UnicodeSegmentation;
    for g in s.graphemes(true) {
        let gw = wrap::grapheme_width(g);
        if used + gw + 1 > w {
            break;
        }
        out.push_str(g);
        used += gw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

fn help(app: &App, buf: &mut Buffer, area: Rect, t: &Theme) {
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
