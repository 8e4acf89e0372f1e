//! Criterion benchmarks of the reader: what one keystroke costs (update + a full redraw at
//! 200×60) at the start and at the end of a 20 MB article, and the one-off costs (wrapping it,
//! the first search keystroke). Run: `cargo bench --bench reader`.

use bao::app::{Action, App, Cmd, EntityKind, EntityRef};
use bao::document::{Article, Mention, Person};
use bao::layout::Layout;
use bao::ui;
use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;

const W: u16 = 200;
const H: u16 = 60;

/// A 20 MB article of 100,000 paragraphs, with one person mentioned in every paragraph.
fn big_article() -> Article {
    let para = "Sáng nay, bà Trần Thị Lộc, Giám đốc Sở Y tế, đến thăm Bệnh viện Đa khoa tỉnh và \
                làm việc với các bác sĩ về kế hoạch phòng chống dịch bệnh trong những tháng tới.";
    let mut text = String::from("Một bài báo rất dài để đo tốc độ\n\n15:15, 25/02/2022\n\n");
    while text.len() < 20 << 20 {
        text.push_str(para);
        text.push_str("\n\n");
    }
    text.push_str("Nông Vui\n");
    let mut a = bao::loader::parse(text, "big.txt");
    let name = "Trần Thị Lộc";
    let mentions = a
        .text
        .match_indices(name)
        .filter_map(|(s, _)| {
            Some(Mention {
                block: a.block_at(s)?,
                start: s,
                end: s + name.len(),
                text: name.into(),
            })
        })
        .collect();
    a.people = vec![Person {
        name: name.into(),
        mentions,
        ..Default::default()
    }];
    a
}

fn app(a: Article) -> App {
    let mut app = App::new(vec![a]);
    app.update(Action::Resize(W, H));
    app
}

/// One keystroke: two updates (there and back, so the position stays) and two redraws.
fn keystroke(app: &mut App, buf: &mut Buffer, there: Cmd, back: Cmd) {
    let area = Rect::new(0, 0, W, H);
    app.update(there.into());
    ui::render_buffer(app, buf, area);
    app.update(back.into());
    ui::render_buffer(app, buf, area);
    black_box(&buf);
}

fn per_keystroke(c: &mut Criterion) {
    let article = big_article();
    let mut buf = Buffer::empty(Rect::new(0, 0, W, H));
    let mut g = c.benchmark_group("keystroke_20mb_200x60");
    for (place, at_end) in [("start", false), ("end", true)] {
        let mut a = app(article.clone());
        a.select(EntityRef {
            kind: EntityKind::Person,
            index: 0,
        });
        a.update(Cmd::Search.into());
        for ch in "tran thi loc".chars() {
            a.update(Action::Type(ch));
        }
        a.update(Cmd::SearchAccept.into());
        if at_end {
            a.update(Cmd::Bottom.into());
            a.update(Cmd::Up.into());
            // Hits and mentions near the end.
            a.update(Cmd::Prev.into());
        }
        g.bench_function(format!("scroll_{place}"), |b| {
            b.iter(|| keystroke(&mut a, &mut buf, Cmd::Down, Cmd::Up))
        });
        g.bench_function(format!("search_next_{place}"), |b| {
            b.iter(|| keystroke(&mut a, &mut buf, Cmd::Next, Cmd::Prev))
        });
        // Mentions: clear the search so n/N follow the selected person.
        let mut m = app(article.clone());
        m.select(EntityRef {
            kind: EntityKind::Person,
            index: 0,
        });
        if at_end {
            m.update(Cmd::Prev.into());
        }
        g.bench_function(format!("mention_jump_{place}"), |b| {
            b.iter(|| keystroke(&mut m, &mut buf, Cmd::Next, Cmd::Prev))
        });
    }
    g.finish();
}

fn one_off(c: &mut Criterion) {
    let article = big_article();
    let mut g = c.benchmark_group("one_off_20mb");
    g.sample_size(10);
    g.bench_function("wrap_at_88_columns", |b| {
        b.iter(|| black_box(Layout::build(&article, 88)))
    });
    g.bench_function("first_search_keystroke", |b| {
        b.iter_batched(
            || {
                let mut a = app(article.clone());
                a.update(Cmd::Search.into());
                a
            },
            |mut a| {
                a.update(Action::Type('l'));
                black_box(a.search.matches.len())
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, per_keystroke, one_off);
criterion_main!(benches);
