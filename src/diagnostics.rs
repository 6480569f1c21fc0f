//! Rendering errors for people: miette reports with the source snippet and a labelled span,
//! followed by the exact last line CPython prints (`SyntaxError: expected ':'`).

use std::fmt;
use std::io::IsTerminal;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use crate::syntax::{Span, SyntaxError};

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
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        help_for(self.error).map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.error.span;
        let text = if self.error.message.ends_with("Perhaps you forgot a comma?") {
            "a comma missing?"
        } else {
            "here"
        };
        let label =
            LabeledSpan::new_with_span(Some(text.into()), (span.start as usize, span.len()));
        Some(Box::new(std::iter::once(label)))
    }
}

/// A hint for the mistakes people make most, keyed on CPython's wording.
fn help_for(error: &SyntaxError) -> Option<&'static str> {
    let m = error.message.as_str();
    Some(match m {
        "expected ':'" => "a compound statement's header ends with ':' (as in `if x:`)",
        "unindent does not match any outer indentation level" => {
            "indent this line exactly as far as an enclosing block"
        }
        "inconsistent use of tabs and spaces in indentation" => "indent with spaces only",
        "unexpected indent" => "this line is indented more than the block it belongs to",
        "'await' outside async function"
        | "'async with' outside async function"
        | "'async for' outside async function" => "declare the enclosing function with `async def`",
        "'await' outside function" => {
            "await inside an `async def`, and run it with asyncio.run(...)"
        }
        _ if m.starts_with("expected an indented block") => {
            "indent the block under the statement (4 spaces is usual)"
        }
        _ if m.ends_with("was never closed") => "add the matching closing bracket",
        _ if m.starts_with("unterminated string literal") => {
            "close the string with the quote that opened it"
        }
        _ if m.starts_with("unterminated triple-quoted") => {
            "close the string with the three quotes that opened it"
        }
        _ if m.starts_with("cannot assign to") && m.ends_with("instead of '='?") => {
            "to compare, use '=='"
        }
        _ => return None,
    })
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
    let (shown, span) = snippet_source(src, error.span);
    error.span = span;
    let report = Report {
        error: &error,
        source: NamedSource::new(filename, shown),
    };
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    if GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .render_report(&mut out, &report)
        .is_err()
    {
        out = format!("{}\n", error.message);
    }
    out.push_str(&error.to_string());
    out.push('\n');
    out
}

/// Longest line shown whole; a longer one is cut to a window around the error.
const MAX_SHOWN_LINE: usize = 400;

/// The text miette shows and the error's span in it: the source itself, or — when the error's
/// line is very long — blank lines up to it and a window of that line, so that line numbers stay
/// right and no column grows past what the renderer can pad.
fn snippet_source(src: &str, span: Span) -> (String, Span) {
    let start = (span.start as usize).min(src.len());
    let end = (span.end as usize).clamp(start, src.len());
    let line_start = src[..start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = src[start..].find('\n').map_or(src.len(), |p| start + p);
    if line_end - line_start <= MAX_SHOWN_LINE {
        return (src.to_owned(), Span::new(start, end));
    }
    let floor = |mut i: usize| {
        while !src.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = floor(start.saturating_sub(MAX_SHOWN_LINE / 2).max(line_start));
    let to = floor((start + MAX_SHOWN_LINE / 2).min(line_end));
    let line = src[..line_start].matches('\n').count();
    let shown = format!("{}{}", "\n".repeat(line), &src[from..to]);
    let at = line + start - from;
    (shown, Span::new(at, at + (end.min(to) - start)))
}
