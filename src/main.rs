//! The `bao` command line: JSON Lines, plain text, or the reader.

use anyhow::Result;
use bao::loader::{self, LoadError};
use bao::Article;
use clap::Parser;
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A terminal reader for Vietnamese news articles, with the people and organisations they
/// mention.
#[derive(Parser, Debug)]
#[command(name = "bao", version, about, long_about = None)]
struct Cli {
    /// Article files or folders of articles (a folder opens as a library).
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,

    /// Print one JSON object per article (JSON Lines): blocks, people, organisations.
    #[arg(long, conflicts_with = "print")]
    json: bool,

    /// Print the articles as wrapped plain text (the default when stdout is not a terminal).
    #[arg(long, short = 'p')]
    print: bool,

    /// Column width for --print.
    #[arg(long, short = 'w', default_value_t = 80, value_parser = clap::value_parser!(u16).range(10..))]
    width: u16,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("bao: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Loads every path in parallel, keeping the given order; failures are reported on stderr.
fn load_all(paths: &[PathBuf]) -> (Vec<Article>, bool) {
    let (files, errors) = loader::expand_paths(paths);
    let mut failed = !errors.is_empty();
    for e in &errors {
        report(e);
    }
    // Plain output shows no people or organisations, so nothing is extracted.
    let results: Vec<Result<Article, LoadError>> =
        files.par_iter().map(|p| loader::load_file(p)).collect();
    let mut articles = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => {
                report(&e);
                failed = true;
            }
        }
    }
    (articles, failed)
}

fn report(e: &LoadError) {
    eprintln!("bao: {e}");
}

fn run(cli: Cli) -> Result<ExitCode> {
    let stdout_tty = io::stdout().is_terminal();
    if cli.json {
        return json(&cli.paths);
    }
    if cli.print || !stdout_tty {
        return print(&cli.paths, cli.width as usize);
    }
    reader(&cli.paths)
}

/// The interactive reader: files are listed at once and load in the background.
fn reader(paths: &[PathBuf]) -> Result<ExitCode> {
    let (files, errors) = loader::expand_paths(paths);
    for e in &errors {
        report(e);
    }
    if files.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    let exit = bao::tui::run(files)?;
    if exit == bao::tui::Exit::Signal {
        // The terminal is restored by now; say why the reader went away.
        eprintln!("bao: stopped by a signal");
    }
    Ok(match exit {
        bao::tui::Exit::Quit if errors.is_empty() => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    })
}

/// Articles longer than this (bytes of text) are written out as JSON without building the line.
const STREAM_JSON_ABOVE: usize = 1 << 20;

enum JsonLine {
    Text(Vec<u8>),
    Article(Box<Article>),
}

fn json(paths: &[PathBuf]) -> Result<ExitCode> {
    let (files, errors) = loader::expand_paths(paths);
    let mut failed = !errors.is_empty();
    for e in &errors {
        report(e);
    }
    let out = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, out.lock());
    // Bounded chunks keep memory flat on a folder of thousands of files.
    for (i, chunk) in files.chunks(256).enumerate() {
        let load = || -> Vec<Result<Article, LoadError>> {
            chunk.par_iter().map(|p| loader::load_file(p)).collect()
        };
        // The extractor builds its tables on first use, and a thread that needs them while
        // another builds them waits: build them on one thread while the others load files.
        let loaded = if i == 0 {
            rayon::join(bao::warm_up, load).1
        } else {
            load()
        };
        // Lines are made in parallel, but a long article is kept and written straight out: its
        // line can be several times its text.
        let lines: Vec<Result<JsonLine, LoadError>> = loaded
            .into_par_iter()
            .map(|r| {
                r.map(|mut a| {
                    bao::add_entities(&mut a);
                    if a.text.len() > STREAM_JSON_ABOVE {
                        JsonLine::Article(Box::new(a))
                    } else {
                        // Sized once: a line is under twice its text (block texts, plus
                        // offsets and mentions), so it never grows by copying itself.
                        let mut line = Vec::with_capacity(2 * a.text.len() + 1024);
                        a.write_json(&mut line).expect("serialising an article");
                        JsonLine::Text(line)
                    }
                })
            })
            .collect();
        for line in lines {
            match line {
                Ok(JsonLine::Text(l)) => {
                    out.write_all(&l)?;
                    out.write_all(b"\n")?;
                }
                Ok(JsonLine::Article(a)) => {
                    a.write_json(&mut out)?;
                    out.write_all(b"\n")?;
                }
                Err(e) => {
                    report(&e);
                    failed = true;
                }
            }
        }
    }
    out.flush()?;
    Ok(exit(failed))
}

fn print(paths: &[PathBuf], width: usize) -> Result<ExitCode> {
    let (articles, failed) = load_all(paths);
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(bao::plain::render(a, width).as_bytes())?;
    }
    out.flush()?;
    Ok(exit(failed))
}

fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
