//! The article pane: the visible slice of the wrapped lines, highlights, the scrollbar.

use super::Theme;
use crate::app::{App, Slot};
use crate::layout::{LineKind, Source};
use crate::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
use std::ops::Range;

pub(super) fn article(app: &App, buf: &mut Buffer, s: &Screen, t: &Theme) {
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
    let current_hit = app.search.current.and_then(|i| app.search.matches.get(i));
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
        if line.source == Source::Text && !line.range().is_empty() {
            if let Some(st) = selected_style {
                for r in overlapping(&app.mentions, &line.range()) {
                    let st = if Some(r) == current_mention.as_ref() {
                        st.patch(t.current)
                    } else {
                        st
                    };
                    marks.push((r.clone(), st));
                }
            }
            for r in app.search.matches.touching(line.range()) {
                let st = if Some(&r) == current_hit.as_ref() {
                    t.search.patch(t.current)
                } else {
                    t.search
                };
                marks.push((r, st));
            }
        }
        let spans = styled_spans(text, line.range().start, base, &marks);
        let indent = line.indent.min(s.text.width);
        buf.set_line(
            s.text.x + indent,
            s.text.y + row as u16,
            &Line::from(spans),
            s.text.width - indent,
        );
    }
    let max_top = app.total_lines().saturating_sub(page);
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
