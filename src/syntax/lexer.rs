//! The lexer: logos scans raw tokens; this layer adds NEWLINE/INDENT/DEDENT, tracks brackets, and
//! reports tokenizer errors with CPython's wording.

use std::rc::Rc;

use logos::Logos;

use super::error::{line_at, ErrorKind, SyntaxError};
use super::numbers::scan_number;
use super::span::Span;
use super::strings::scan_string;
use super::token::{SpannedTok, Tok};

/// CPython's tokenizer limits.
const MAX_BRACKET_DEPTH: usize = 200;
const MAX_INDENT_LEVELS: usize = 100;
const TAB_SIZE: u32 = 8;

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
enum Raw {
    #[regex(r"\r\n|\n|\r")]
    Newline,
    #[token("\\")]
    Backslash,
    #[regex("[A-Za-z_][A-Za-z0-9_]*", priority = 2)]
    AsciiName,
    #[regex(
        r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*",
        priority = 1
    )]
    UnicodeName,
    #[regex("[0-9]")]
    #[regex(r"\.[0-9]")]
    Number,
    #[regex(r#"([rRuUbBfF]|[rR][bBfF]|[bBfF][rR])?['"]"#, priority = 3)]
    StringStart,
    #[token("+", |_| Tok::Plus)]
    #[token("-", |_| Tok::Minus)]
    #[token("*", |_| Tok::Star)]
    #[token("**", |_| Tok::DoubleStar)]
    #[token("/", |_| Tok::Slash)]
    #[token("//", |_| Tok::DoubleSlash)]
    #[token("%", |_| Tok::Percent)]
    #[token("@", |_| Tok::At)]
    #[token("<<", |_| Tok::LeftShift)]
    #[token(">>", |_| Tok::RightShift)]
    #[token("&", |_| Tok::Amper)]
    #[token("|", |_| Tok::VBar)]
    #[token("^", |_| Tok::Caret)]
    #[token("~", |_| Tok::Tilde)]
    #[token(":=", |_| Tok::ColonEqual)]
    #[token("<", |_| Tok::Less)]
    #[token(">", |_| Tok::Greater)]
    #[token("<=", |_| Tok::LessEqual)]
    #[token(">=", |_| Tok::GreaterEqual)]
    #[token("==", |_| Tok::EqEqual)]
    #[token("!=", |_| Tok::NotEqual)]
    #[token("(", |_| Tok::LPar)]
    #[token(")", |_| Tok::RPar)]
    #[token("[", |_| Tok::LSqb)]
    #[token("]", |_| Tok::RSqb)]
    #[token("{", |_| Tok::LBrace)]
    #[token("}", |_| Tok::RBrace)]
    #[token(",", |_| Tok::Comma)]
    #[token(":", |_| Tok::Colon)]
    #[token(".", |_| Tok::Dot)]
    #[token(";", |_| Tok::Semi)]
    #[token("=", |_| Tok::Equal)]
    #[token("->", |_| Tok::RArrow)]
    #[token("+=", |_| Tok::PlusEqual)]
    #[token("-=", |_| Tok::MinusEqual)]
    #[token("*=", |_| Tok::StarEqual)]
    #[token("**=", |_| Tok::DoubleStarEqual)]
    #[token("/=", |_| Tok::SlashEqual)]
    #[token("//=", |_| Tok::DoubleSlashEqual)]
    #[token("%=", |_| Tok::PercentEqual)]
    #[token("@=", |_| Tok::AtEqual)]
    #[token("&=", |_| Tok::AmperEqual)]
    #[token("|=", |_| Tok::VBarEqual)]
    #[token("^=", |_| Tok::CaretEqual)]
    #[token("<<=", |_| Tok::LeftShiftEqual)]
    #[token(">>=", |_| Tok::RightShiftEqual)]
    #[token("...", |_| Tok::Ellipsis)]
    Fixed(Tok),
}

/// What lexing produced: the tokens, and the error that stopped it, if any.
#[derive(Debug, Default)]
pub struct Lexed {
    pub tokens: Vec<SpannedTok>,
    pub error: Option<LexError>,
}

/// How CPython's tokenizer ends on an error, which decides whether the error is reported when
/// the parser fails earlier in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexStop {
    /// The tokenizer raises it: it outranks a parser error found before it.
    Raised,
    /// The tokenizer only stops (indentation, line continuation): reported if the parser gets there.
    Stopped,
    /// End of file inside brackets; the span is the innermost open bracket.
    UnclosedBracket(Span),
}

/// A tokenizer error and how it stops the tokenizer.
#[derive(Clone, Debug)]
pub struct LexError {
    pub error: SyntaxError,
    pub stop: LexStop,
}

/// Lexes a whole module.
///
/// ```
/// use baton::syntax::{lex_module, Tok};
/// let lexed = lex_module("if x:\n    pass\n");
/// assert!(lexed.error.is_none());
/// assert!(lexed.tokens.iter().any(|(_, t)| *t == Tok::Indent));
/// ```
pub fn lex_module(src: &str) -> Lexed {
    if let Some(at) = src.bytes().position(|b| b == 0) {
        let error = SyntaxError::new(
            "source code cannot contain null bytes",
            Span::new(at, at + 1),
        );
        return Lexed {
            tokens: Vec::new(),
            error: Some(hard(error)),
        };
    }
    Layer::new(src, Span::new(0, src.len()), true).run()
}

/// Lexes the expression at `span` of `src` as if it stood inside parentheses (f-string fields).
pub fn lex_expression(src: &str, span: Span) -> Lexed {
    let valid = span.start <= span.end
        && src.is_char_boundary(span.start as usize)
        && src.is_char_boundary(span.end as usize);
    if !valid {
        return Lexed {
            tokens: Vec::new(),
            error: Some(hard(SyntaxError::new("invalid syntax", span))),
        };
    }
    Layer::new(src, span, false).run()
}

struct Layer<'s> {
    src: &'s str,
    base: usize,
    raw: logos::Lexer<'s, Raw>,
    out: Vec<SpannedTok>,
    /// Indentation levels as (column with tabs to 8, column with tabs to 1).
    indents: Vec<(u32, u32)>,
    brackets: Vec<(u8, Span)>,
    line_has_tokens: bool,
    physical_line_start: usize,
    layout: bool,
}

type Step = Result<(), LexError>;

fn hard(error: SyntaxError) -> LexError {
    LexError {
        error,
        stop: LexStop::Raised,
    }
}

fn stopped(error: SyntaxError) -> LexError {
    LexError {
        error,
        stop: LexStop::Stopped,
    }
}

impl<'s> Layer<'s> {
    fn new(src: &'s str, span: Span, layout: bool) -> Layer<'s> {
        Layer {
            src,
            base: span.start as usize,
            raw: Raw::lexer(&src[span.range()]),
            out: Vec::with_capacity(span.len() / 4 + 4),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            line_has_tokens: false,
            physical_line_start: span.start as usize,
            layout,
        }
    }

    fn run(mut self) -> Lexed {
        let error = self.lex_all().err();
        Lexed {
            tokens: self.out,
            error,
        }
    }

    fn lex_all(&mut self) -> Step {
        while let Some(raw) = self.raw.next() {
            let r = self.raw.span();
            let span = Span::new(r.start + self.base, r.end + self.base);
            match raw {
                Ok(Raw::Newline) => self.newline(span),
                Ok(Raw::Backslash) => self.continuation(span)?,
                Ok(Raw::AsciiName) => {
                    let word = self.raw.slice();
                    let tok = Tok::keyword(word).unwrap_or_else(|| Tok::Name(Rc::from(word)));
                    self.push(span, tok)?;
                }
                Ok(Raw::UnicodeName) => self.unicode_name(span)?,
                Ok(Raw::Number) => {
                    let (end, tok) = scan_number(self.src, span.start as usize).map_err(hard)?;
                    self.bump_to(end);
                    self.push(Span::new(span.start as usize, end), tok)?;
                }
                Ok(Raw::StringStart) => {
                    let start = span.start as usize;
                    self.begin_token(span)?;
                    let (end, value) =
                        scan_string(self.src, start, span.end as usize - 1).map_err(hard)?;
                    self.bump_to(end);
                    self.push(Span::new(start, end), Tok::Str(Rc::new(value)))?;
                }
                Ok(Raw::Fixed(tok)) => self.fixed(span, tok)?,
                Err(()) => self.unknown_character(span)?,
            }
        }
        self.finish()
    }

    fn bump_to(&mut self, end: usize) {
        let consumed = self.raw.span().end + self.base;
        self.raw.bump(end.saturating_sub(consumed));
    }

    fn newline(&mut self, span: Span) {
        self.physical_line_start = span.end as usize;
        if self.brackets.is_empty() && self.line_has_tokens && self.layout {
            self.out.push((span, Tok::Newline));
            self.line_has_tokens = false;
        }
    }

    fn continuation(&mut self, span: Span) -> Step {
        let rest = self.raw.remainder();
        let skip = if rest.starts_with("\r\n") {
            2
        } else if rest.starts_with(['\n', '\r']) {
            1
        } else if rest.is_empty() {
            return Err(stopped(SyntaxError::new(
                "unexpected EOF while parsing",
                span,
            )));
        } else {
            return Err(stopped(SyntaxError::new(
                "unexpected character after line continuation character",
                span,
            )));
        };
        self.raw.bump(skip);
        self.physical_line_start = span.end as usize + skip;
        if self.raw.remainder().is_empty() {
            return Err(stopped(SyntaxError::new(
                "unexpected EOF while parsing",
                span,
            )));
        }
        Ok(())
    }

    fn unicode_name(&mut self, span: Span) -> Step {
        let word = self.raw.slice();
        for (i, c) in word.char_indices() {
            let ok = if i == 0 {
                unicode_ident::is_xid_start(c) || c == '_'
            } else {
                unicode_ident::is_xid_continue(c)
            };
            if !ok {
                let at = span.start as usize + i;
                return Err(hard(invalid_character(c, at)));
            }
        }
        self.push(span, Tok::Name(Rc::from(word)))
    }

    /// ASCII punctuation Python does not use is a token the parser rejects (as in CPython);
    /// anything else cannot appear in source at all.
    fn unknown_character(&mut self, span: Span) -> Step {
        let c = self.src[span.start as usize..]
            .chars()
            .next()
            .unwrap_or('?');
        if c.is_ascii_graphic() {
            self.push(span, Tok::Unknown(c))
        } else {
            Err(hard(invalid_character(c, span.start as usize)))
        }
    }

    fn fixed(&mut self, span: Span, tok: Tok) -> Step {
        let closing = match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(hard(SyntaxError::new("too many nested parentheses", span)));
                }
                self.begin_token(span)?;
                let text = self.src.as_bytes()[span.start as usize];
                self.brackets.push((text, span));
                None
            }
            Tok::RPar => Some(b'('),
            Tok::RSqb => Some(b'['),
            Tok::RBrace => Some(b'{'),
            _ => None,
        };
        if let Some(expected_open) = closing {
            let close = self.src.as_bytes()[span.start as usize] as char;
            match self.brackets.pop() {
                None => {
                    return Err(hard(SyntaxError::new(format!("unmatched '{close}'"), span)));
                }
                Some((open, open_span)) if open != expected_open => {
                    let open_line = line_at(self.src, open_span.start as usize);
                    let msg = if open_line == line_at(self.src, span.start as usize) {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{}'",
                            open as char
                        )
                    } else {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{}' on line {open_line}",
                            open as char
                        )
                    };
                    return Err(hard(SyntaxError::new(msg, span)));
                }
                Some(_) => {}
            }
        }
        self.push(span, tok)
    }

    /// Records a significant token, emitting the indentation tokens of a new logical line first.
    fn push(&mut self, span: Span, tok: Tok) -> Step {
        self.begin_token(span)?;
        self.out.push((span, tok));
        Ok(())
    }

    fn begin_token(&mut self, span: Span) -> Step {
        if !self.line_has_tokens && self.layout && self.brackets.is_empty() {
            self.indent(span)?;
        }
        self.line_has_tokens = true;
        Ok(())
    }

    fn indent(&mut self, span: Span) -> Step {
        let (mut col, mut alt) = (0u32, 0u32);
        for b in self.src[self.physical_line_start..span.start as usize].bytes() {
            match b {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => {}
            }
        }
        let at = Span::new(span.start as usize, span.start as usize);
        let tab_error = || {
            stopped(SyntaxError::with_kind(
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                at,
            ))
        };
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT_LEVELS {
                return Err(stopped(SyntaxError::with_kind(
                    ErrorKind::IndentationError,
                    "too many levels of indentation",
                    at,
                )));
            }
            self.indents.push((col, alt));
            self.out.push((at, Tok::Indent));
        } else {
            let keep = self
                .indents
                .iter()
                .take_while(|level| level.0 <= col)
                .count()
                .max(1);
            let &(top, top_alt) = &self.indents[keep - 1];
            if col != top {
                return Err(stopped(SyntaxError::with_kind(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    at,
                )));
            }
            if alt != top_alt {
                return Err(tab_error());
            }
            for _ in keep..self.indents.len() {
                self.out.push((at, Tok::Dedent));
            }
            self.indents.truncate(keep);
        }
        Ok(())
    }

    fn finish(&mut self) -> Step {
        let end = self.base + self.raw.source().len();
        let at = Span::new(end, end);
        if let Some(&(_, open)) = self.brackets.last() {
            if self.layout {
                let c = self.src.as_bytes()[open.start as usize] as char;
                return Err(LexError {
                    error: SyntaxError::new(format!("'{c}' was never closed"), open),
                    stop: LexStop::UnclosedBracket(open),
                });
            }
        }
        if !self.layout {
            return Ok(());
        }
        if self.line_has_tokens {
            self.out.push((at, Tok::Newline));
        }
        for _ in 1..self.indents.len() {
            self.out.push((at, Tok::Dedent));
        }
        Ok(())
    }
}

/// CPython's message for a character that cannot start or continue a token.
fn invalid_character(c: char, at: usize) -> SyntaxError {
    let span = Span::new(at, at + c.len_utf8());
    let code = c as u32;
    let printable = !(c.is_control()
        || c.is_whitespace()
        || matches!(code, 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x2064 | 0xfeff | 0xe000..=0xf8ff));
    if printable {
        SyntaxError::new(format!("invalid character '{c}' (U+{code:04X})"), span)
    } else {
        SyntaxError::new(
            format!("invalid non-printable character U+{code:04X}"),
            span,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        let lexed = lex_module(src);
        assert!(lexed.error.is_none(), "{:?}", lexed.error);
        lexed.tokens.iter().map(|(_, t)| t.to_string()).collect()
    }

    fn error(src: &str) -> String {
        lex_module(src).error.expect("an error").error.to_string()
    }

    #[test]
    fn indentation_tokens() {
        assert_eq!(
            kinds("if x:\n    y\n\n  # c\nz\n").join(" "),
            "if x : newline indent y newline dedent z newline"
        );
        assert_eq!(kinds("f(a,\n  b)\n").join(" "), "f ( a , b ) newline");
        assert_eq!(
            kinds("x = 1 + \\\n  2").join(" "),
            "x = number + number newline"
        );
        assert_eq!(
            kinds("def f():\n\tif x:\n\t\treturn\n")
                .iter()
                .filter(|t| *t == "dedent")
                .count(),
            2
        );
    }

    #[test]
    fn indentation_errors() {
        assert_eq!(
            error("if x:\n        a\n    b\n"),
            "IndentationError: unindent does not match any outer indentation level"
        );
        assert_eq!(
            error("if x:\n\ta\n        b\n"),
            "TabError: inconsistent use of tabs and spaces in indentation"
        );
    }

    #[test]
    fn bracket_errors() {
        assert_eq!(
            error("x = (1, 2]\n"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(error("x = 1)\n"), "SyntaxError: unmatched ')'");
        assert_eq!(error("x = [1,\n"), "SyntaxError: '[' was never closed");
    }

    #[test]
    fn characters() {
        assert_eq!(
            error("x = 1 € 2\n"),
            "SyntaxError: invalid character '€' (U+20AC)"
        );
        assert_eq!(
            error("x\u{a0}= 1\n"),
            "SyntaxError: invalid non-printable character U+00A0"
        );
        assert_eq!(kinds("é = 1").join(" "), "é = number newline");
        assert_eq!(
            error("x = 1 \\ 2\n"),
            "SyntaxError: unexpected character after line continuation character"
        );
    }

    #[test]
    fn strings_and_prefixes() {
        assert_eq!(
            kinds("rb'x' f\"{a}\" u'y'").join(" "),
            "string string string newline"
        );
        assert_eq!(kinds("ub'x'").join(" "), "ub string newline");
    }
}
