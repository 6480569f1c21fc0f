//! Rendering errors for people: miette reports with the source snippet and a labelled span,
//! followed by the exact last line CPython prints (`SyntaxError: expected ':'`).

use std::fmt;
use std::io::IsTerminal;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use crate::syntax::{line_at, SyntaxError};

/// A front-end error bound to its file, renderable by miette.
struct Report<'a> {
    error: &'a SyntaxError,
    source: NamedSource<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.error, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.error.message)
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.error.kind.name()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.error
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.error.span;
        let label =
            LabeledSpan::new_with_span(Some("here".into()), (span.start as usize, span.len()));
        Some(Box::new(std::iter::once(label)))
    }
}

/// Whether stderr should get colour: a terminal, and `NO_COLOR` unset.
pub fn stderr_wants_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Renders a front-end error for `filename`: the miette report, then CPython's last line.
///
/// ```
/// use baton::syntax::parse_module;
/// let src = "if x\n    pass\n";
/// let err = parse_module(src).unwrap_err();
/// let text = baton::diagnostics::render_syntax_error("demo.py", src, &err, false);
/// assert!(text.contains("demo.py:1:5"));
/// assert!(text.ends_with("SyntaxError: expected ':'\n"));
/// ```
pub fn render_syntax_error(filename: &str, src: &str, error: &SyntaxError, color: bool) -> String {
    let mut error = error.clone();
    let len = src.len() as u32;
    error.span.start = error.span.start.min(len);
    error.span.end = error.span.end.clamp(error.span.start, len);
    let report = Report {
        error: &error,
        source: NamedSource::new(filename, src.to_owned()),
    };
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = format!(
        "  File \"{filename}\", line {}\n",
        line_at(src, error.span.start as usize)
    );
    if GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .render_report(&mut out, &report)
        .is_err()
    {
        out.push_str(&error.message);
        out.push('\n');
    }
    out.push_str(&error.to_string());
    out.push('\n');
    out
}
