//! Criterion benchmarks of the reader: per keystroke at the start and at the end of a 20 MB
//! article, the first frame of a 20 MB article, and a library of 10,000 articles.
//! Run: `cargo bench --bench reader`.

use bao::app::{Action, App, Cmd, EntityKind, EntityRef};
use bao::ui;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;
use std::path::{Path, PathBuf};

mod common;
use common::SENTENCES;

/// About 20 MB: 100,000 paragraphs, or the same text on one line.
fn big(one_line: bool) -> String {
    let mut s = String::from("Tổng kết công tác phối hợp năm 2021\n15:15, 25/02/2022\n\n");
    let sep = if one_line { " " } else { "\n\n" };
    let mut i = 0;
    while s.len() < 20_000_000 {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        s.push_str(sep);
        i += 1;
    }
    s.push_str("\nNông Vui\n");
    s
}

const W: u16 = 200;
const H: u16 = 60;

fn draw(app: &App, buf: &mut Buffer) {
    buf.reset();
    ui::render_buffer(app, buf, Rect::new(0, 0, W, H));
}

/// An app on `text`, sized 200×60, with the first person selected and a search active.
fn app_on(text: &str) -> App {
    let article = bao::article_from_bytes(text.as_bytes(), "big").unwrap();
    let mut app = App::new(vec![article]);
    app.update(Action::Resize(W, H));
    app
}

fn keystrokes(c: &mut Criterion) {
    let mut g = c.benchmark_group("keystroke 200x60");
    g.sample_size(50);
    for (name, text) in [
        ("20MB paragraphs", big(false)),
        ("20MB one line", big(true)),
    ] {
        let mut app = app_on(&text);
        let mut buf = Buffer::empty(Rect::new(0, 0, W, H));
        for at_end in [false, true] {
            let place = if at_end { "end" } else { "start" };
            let edge = if at_end { Cmd::Bottom } else { Cmd::Top };
            // At the end a step forward cannot move, so every bench alternates both ways.
            let mut alternate = |what: &str, app: &mut App, fwd: Cmd, back: Cmd| {
                app.update(Action::Cmd(edge));
                g.bench_function(BenchmarkId::new(format!("{what}/{name}"), place), |b| {
                    let mut forward = !at_end;
                    b.iter(|| {
                        app.update(Action::Cmd(if forward { fwd } else { back }));
                        forward = !forward;
                        draw(app, &mut buf);
                    })
                });
            };
            alternate("scroll", &mut app, Cmd::Down, Cmd::Up);
            app.select(EntityRef {
                kind: EntityKind::Person,
                index: 0,
            });
            alternate("mention jump", &mut app, Cmd::Next, Cmd::Prev);
            // A search for a word on every line; n/N then follow the search.
            app.update(Action::Cmd(Cmd::Search));
            for ch in "tinh uy".chars() {
                app.update(Action::Type(ch));
            }
            app.update(Action::Cmd(Cmd::SearchAccept));
            alternate("search next", &mut app, Cmd::Next, Cmd::Prev);
            app.update(Action::Cmd(Cmd::Back));
        }
    }
    g.finish();
}

fn first_frame(c: &mut Criterion) {
    let dir = std::env::temp_dir().join("bao-bench-big");
    std::fs::create_dir_all(&dir).unwrap();
    let mut g = c.benchmark_group("first frame 200x60");
    g.sample_size(10);
    for (name, one_line) in [("20MB paragraphs", false), ("20MB one line", true)] {
        let path = dir.join(format!("{}.txt", name.replace(' ', "_")));
        std::fs::write(&path, big(one_line)).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| {
                // What the reader does: show the parsed article; entities arrive later.
                let article = bao::loader::load_file(&path).unwrap();
                let mut app = App::new(vec![article]);
                app.update(Action::Resize(W, H));
                let mut buf = Buffer::empty(Rect::new(0, 0, W, H));
                draw(&app, &mut buf);
                black_box(buf.area.width)
            })
        });
    }
    g.finish();
}

/// 10,000 article files: copies of ../shared/articles when present, else generated.
fn library_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("bao-bench-library");
    if std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0) == 10_000 {
        return dir;
    }
    std::fs::create_dir_all(&dir).unwrap();
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles");
    let mut sources: Vec<Vec<u8>> = std::fs::read_dir(&shared)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                .filter_map(|e| std::fs::read(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    if sources.is_empty() {
        sources = (0..50)
            .map(|i| {
                let mut s = format!("Bài số {i}\n\n");
                for j in 0..30 {
                    s.push_str(SENTENCES[(i + j) % SENTENCES.len()]);
                    s.push_str("\n\n");
                }
                s.into_bytes()
            })
            .collect();
    }
    for i in 0..10_000 {
        std::fs::write(dir.join(format!("{i:05}.txt")), &sources[i % sources.len()]).unwrap();
    }
    dir
}

fn library(c: &mut Criterion) {
    let dir = library_dir();
    let mut g = c.benchmark_group("library 10000");
    g.sample_size(10);
    // What the person waits for: the folder listed and the first frame drawn (loading goes on).
    g.bench_function("list shown", |b| {
        b.iter(|| {
            let (files, _) = bao::loader::expand_paths(&[&dir]);
            let mut app = App::loading(files);
            app.update(Action::Resize(W, H));
            let mut buf = Buffer::empty(Rect::new(0, 0, W, H));
            draw(&app, &mut buf);
            black_box(buf.area.width)
        })
    });
    // Loading and extracting all of them on every core.
    g.bench_function("load+extract all (all cores)", |b| {
        use rayon::prelude::*;
        b.iter(|| {
            let (files, _) = bao::loader::expand_paths(&[&dir]);
            let n = files
                .par_iter()
                .filter(|p| bao::open_article(p).is_ok())
                .count();
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, keystrokes, first_frame, library);
criterion_main!(benches);
