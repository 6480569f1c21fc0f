//! The error every front-end stage reports: CPython's exception type, its message and a span.

use std::fmt;

use super::span::Span;

/// Which Python exception a front-end error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Nesting deeper than the compiler handles (CPython raises it "during compilation").
    RecursionError,
    /// Valid Python that Baton does not support (yet).
    NotImplementedError,
    /// Nesting deeper than CPython's parser stack (it raises a bare MemoryError).
    MemoryError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::NotImplementedError => "NotImplementedError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A compile-time error with CPython's wording.
///
/// ```
/// use baton::syntax::{ErrorKind, Span, SyntaxError};
/// let e = SyntaxError::new("expected ':'", Span::new(4, 5));
/// assert_eq!(e.to_string(), "SyntaxError: expected ':'");
/// assert_eq!(e.kind, ErrorKind::SyntaxError);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Span,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError::with_kind(ErrorKind::SyntaxError, message, span)
    }

    pub fn with_kind(kind: ErrorKind, message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind,
            message: message.into(),
            span,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            return f.write_str(self.kind.name());
        }
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// The 1-based line holding byte `offset` of `src` (for messages that name a line).
pub fn line_at(src: &str, offset: usize) -> usize {
    let end = offset.min(src.len());
    let bytes = &src.as_bytes()[..end];
    let mut line = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}
