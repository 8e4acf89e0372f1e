//! Drawing: `render(&App, &mut Frame)` reads the state and draws only what is visible.
//! One file per part of the screen; the theme and small text helpers live here.

mod article;
mod help;
mod library;
mod list;
mod status;

use crate::app::{App, EntityKind, View};
use crate::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::Frame;
use unicode_segmentation::UnicodeSegmentation;

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
        View::Library => library::library(app, buf, &s, &theme),
        View::Reader => {
            article::article(app, buf, &s, &theme);
            if let Some(list) = s.list {
                list::side_list(app, buf, &s, list, &theme);
            }
            status::status(app, buf, &s, &theme);
        }
    }
    if app.help {
        help::help(app, buf, s.area, &theme);
    }
}

/// Cuts `s` to `w` columns, with an ellipsis when cut.
pub(crate) fn truncate(s: &str, w: usize) -> String {
    if wrap::width(s) <= w {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
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
