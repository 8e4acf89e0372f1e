//! Criterion benchmarks for the budgets of issue 6. Run: `cargo bench --bench core`.
//!
//! Real articles are read from ../shared/articles when present; otherwise the bench generates
//! Vietnamese-like text, so the numbers exist on any machine.

use bao::{decode, extract, loader, wrap};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::SENTENCES;

/// A generated article: a title, a time line, then `paras` paragraphs of a few sentences.
fn generated(paras: usize) -> String {
    let mut s = String::from("Tổng kết công tác phối hợp năm 2021\n15:15, 25/02/2022\n\n");
    for i in 0..paras {
        for j in 0..3 {
            s.push_str(SENTENCES[(i + j) % SENTENCES.len()]);
            s.push(' ');
        }
        s.push_str("\n\n");
    }
    s.push_str("Nông Vui\n");
    s
}

fn shared_articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The corpus: real articles when available, else 200 generated ones.
fn corpus() -> (Vec<Vec<u8>>, Vec<PathBuf>) {
    let files = shared_articles();
    if !files.is_empty() {
        let bytes = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
        return (bytes, files);
    }
    let dir = std::env::temp_dir().join("bao-bench-corpus");
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    let mut bytes = Vec::new();
    for i in 0..200 {
        let text = generated(20 + i % 17);
        let p = dir.join(format!("{i:03}.txt"));
        std::fs::write(&p, &text).unwrap();
        paths.push(p);
        bytes.push(text.into_bytes());
    }
    (bytes, paths)
}

fn load_extract(c: &mut Criterion) {
    let (bytes, paths) = corpus();
    let total: usize = bytes.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::BytesDecimal(total as u64));
    g.sample_size(20);
    g.bench_function("load+extract (1 thread)", |b| {
        b.iter(|| {
            for (i, raw) in bytes.iter().enumerate() {
                black_box(bao::article_from_bytes(raw, &i.to_string()).ok());
            }
        })
    });
    g.bench_function("load+extract+json (1 thread)", |b| {
        b.iter(|| {
            for (i, raw) in bytes.iter().enumerate() {
                if let Ok(a) = bao::article_from_bytes(raw, &i.to_string()) {
                    black_box(a.to_json().unwrap());
                }
            }
        })
    });
    // The yardstick of issue 6: `wc -w` over the same files, in the same run.
    if Command::new("wc").arg("--version").output().is_ok() {
        g.bench_function("wc -w (process)", |b| {
            b.iter(|| {
                let out = Command::new("wc").arg("-w").args(&paths).output().unwrap();
                black_box(out.stdout.len())
            })
        });
        g.bench_function("bao --json (process, all cores)", |b| {
            b.iter(|| {
                let out = Command::new(env!("CARGO_BIN_EXE_bao"))
                    .arg("--json")
                    .args(&paths)
                    .output()
                    .unwrap();
                black_box(out.stdout.len())
            })
        });
    }
    g.finish();

    let texts: Vec<bao::Article> = bytes
        .iter()
        .filter_map(|raw| {
            let t = decode::decode(raw).ok()?;
            Some(loader::parse(t, "bench"))
        })
        .collect();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::BytesDecimal(total as u64));
    g.sample_size(20);
    g.bench_function("decode", |b| {
        b.iter(|| {
            for raw in &bytes {
                black_box(decode::decode(raw).ok());
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for a in &texts {
                black_box(extract::extract(a));
            }
        })
    });
    g.finish();
}

fn big_article(c: &mut Criterion) {
    let many = generated(100_000 / 3 + 1);
    let one_line = many.replace("\n\n", " ");
    let mut g = c.benchmark_group("20MB");
    g.sample_size(10);
    for (name, text) in [("paragraphs", &many), ("one line", &one_line)] {
        g.throughput(Throughput::BytesDecimal(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("load+extract", name), text, |b, t| {
            b.iter(|| black_box(bao::article_from_bytes(t.as_bytes(), "big").unwrap()))
        });
        let article = loader::parse(t_clone(text), "big");
        g.bench_with_input(BenchmarkId::new("wrap 100 cols", name), &article, |b, a| {
            b.iter(|| {
                let mut n = 0;
                for (_, t) in a.blocks_with_text() {
                    n += wrap::wrap(t, 100).len();
                }
                black_box(n)
            })
        });
    }
    g.finish();
}

fn t_clone(s: &str) -> String {
    s.to_owned()
}

fn startup(c: &mut Criterion) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_c0b6449328fbf434.txt");
    let mut g = c.benchmark_group("startup");
    g.sample_size(30);
    g.bench_function("bao --print seed (process)", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_bao"))
                .arg("--print")
                .arg(&seed)
                .output()
                .unwrap();
            assert!(out.status.success());
            black_box(out.stdout.len())
        })
    });
    g.finish();
}

criterion_group!(benches, load_extract, big_article, startup);
criterion_main!(benches);
