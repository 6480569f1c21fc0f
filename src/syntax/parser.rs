//! Parser glue: feeds the lexer's tokens to the LALRPOP parser, and words its failures the way
//! CPython's parser does (the specific messages of its second, "invalid_" pass where they apply,
//! and its rule that a tokenizer error later in the file outranks a parser error).

use std::cell::Cell;

use lalrpop_util::{lalrpop_mod, ParseError};

use super::actions::{ParseContext, Top};
use super::ast::{Expr, Module};
use super::error::{line_at, ErrorKind, SyntaxError};
use super::lexer::{lex_expression, lex_module, Lexed};
use super::span::Span;
use super::token::Tok;

lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_parens,
        unused_imports,
        dead_code
    )]
    grammar,
    "/python.rs"
);

/// Parses a whole module.
///
/// ```
/// let module = baton::syntax::parse_module("x = 1\nprint(x)\n").unwrap();
/// assert_eq!(module.body.len(), 2);
/// let err = baton::syntax::parse_module("if x\n    pass\n").unwrap_err();
/// assert_eq!(err.to_string(), "SyntaxError: expected ':'");
/// ```
pub fn parse_module(src: &str) -> Result<Module, SyntaxError> {
    match run(src, lex_module(src), Tok::StartModule)? {
        Top::Module(body) => Ok(Module { body }),
        Top::Expression(e) => Err(SyntaxError::new("invalid syntax", e.span)),
    }
}

/// Parses one expression (as `eval` would take it).
///
/// ```
/// let e = baton::syntax::parse_expression("a + b * 2").unwrap();
/// assert_eq!(e.span.len(), 9);
/// ```
pub fn parse_expression(src: &str) -> Result<Expr, SyntaxError> {
    parse_expression_at(src, Span::new(0, src.len()))
}

fn parse_expression_at(src: &str, span: Span) -> Result<Expr, SyntaxError> {
    match run(src, lex_expression(src, span), Tok::StartExpression)? {
        Top::Expression(e) => Ok(e),
        Top::Module(_) => Err(SyntaxError::new("invalid syntax", span)),
    }
}

/// Parses the expression of an f-string replacement field; errors read "f-string: …".
pub(crate) fn parse_fstring_field(src: &str, span: Span) -> Result<Expr, SyntaxError> {
    parse_expression_at(src, span).map_err(|mut e| {
        if !e.message.starts_with("f-string") {
            e.message = format!("f-string: {}", e.message);
        }
        e
    })
}

fn run(src: &str, lexed: Lexed, start: Tok) -> Result<Top, SyntaxError> {
    let start_is_expression = start == Tok::StartExpression;
    let consumed = Cell::new(0usize);
    let begin = (0, start, 0);
    let tokens = std::iter::once(Ok(begin))
        .chain(
            lexed
                .tokens
                .iter()
                .map(|(s, t)| Ok((s.start as usize, t.clone(), s.end as usize))),
        )
        .chain(lexed.error.iter().map(|e| Err(e.error.clone())))
        .inspect(|_| consumed.set(consumed.get() + 1));
    let mut ctx = ParseContext::new(src);
    let result = grammar::TopParser::new().parse(&mut ctx, tokens);
    match result {
        Ok(top) => match ctx.leftover_error() {
            Some(e) => Err(e),
            None => Ok(top),
        },
        Err(ParseError::User { error }) if consumed.get() == lexed.tokens.len() + 2 => Err(error),
        Err(err) => {
            let index = match err {
                ParseError::UnrecognizedEof { .. } => lexed.tokens.len(),
                _ => consumed.get().saturating_sub(2),
            };
            let base_depth = i32::from(start_is_expression);
            let failure = Failure {
                src,
                tokens: &lexed.tokens,
                index,
                base_depth,
            };
            let parse_error = failure.describe(err);
            Err(outranked_by_tokenizer(src, &lexed, parse_error, index))
        }
    }
}

/// CPython tokenizes the rest of the file after a parser error: a tokenizer error there wins,
/// and so does a bracket left open on a line before the error.
fn outranked_by_tokenizer(
    src: &str,
    lexed: &Lexed,
    parse_error: SyntaxError,
    index: usize,
) -> SyntaxError {
    let Some(lex_error) = &lexed.error else {
        return parse_error;
    };
    if !lex_error.soft {
        return lex_error.error.clone();
    }
    if let Some(open) = lex_error.open_bracket {
        let at = lexed
            .tokens
            .get(index)
            .map_or(src.len(), |t| t.0.start as usize);
        if line_at(src, at) > line_at(src, open.start as usize) {
            return lex_error.error.clone();
        }
    }
    parse_error
}

/// A parse that stopped at `tokens[index]` (or at the end when `index == tokens.len()`).
struct Failure<'a> {
    src: &'a str,
    tokens: &'a [(Span, Tok)],
    index: usize,
    /// 1 when parsing an f-string field, which stands inside implicit parentheses.
    base_depth: i32,
}

const COMPOUND_STARTS: [(&Tok, &str); 11] = [
    (&Tok::If, "'if' statement"),
    (&Tok::Elif, "'elif' statement"),
    (&Tok::Else, "'else' statement"),
    (&Tok::While, "'while' statement"),
    (&Tok::For, "'for' statement"),
    (&Tok::With, "'with' statement"),
    (&Tok::Try, "'try' statement"),
    (&Tok::Except, "'except' statement"),
    (&Tok::Finally, "'finally' statement"),
    (&Tok::Def, "function definition"),
    (&Tok::Class, "class definition"),
];

impl Failure<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.tokens.get(i).map(|t| &t.1)
    }

    fn span(&self, i: usize) -> Span {
        match self.tokens.get(i) {
            Some(t) => t.0,
            None => {
                let end = self
                    .tokens
                    .last()
                    .map_or(self.src.len(), |t| t.0.end as usize);
                Span::new(end, end)
            }
        }
    }

    fn line(&self, i: usize) -> usize {
        line_at(self.src, self.span(i).start as usize)
    }

    /// Index of the first token of the logical line holding token `i`.
    fn line_start(&self, i: usize) -> usize {
        let mut j = i.min(self.tokens.len());
        while j > 0
            && !matches!(
                self.tok(j - 1),
                Some(Tok::Newline | Tok::Indent | Tok::Dedent)
            )
        {
            j -= 1;
        }
        j
    }

    /// The compound statement keyword opening the logical line at `start` (after `async`/decorators).
    fn header(&self, start: usize) -> Option<(usize, &'static str)> {
        let mut j = start;
        if self.tok(j) == Some(&Tok::Async) {
            j += 1;
        }
        let tok = self.tok(j)?;
        let name = COMPOUND_STARTS.iter().find(|(t, _)| *t == tok)?.1;
        if tok == &Tok::Except && self.tok(j + 1) == Some(&Tok::Star) {
            return Some((j, "'except*' statement"));
        }
        Some((j, name))
    }

    fn bracket_depth_before(&self, i: usize) -> i32 {
        self.open_brackets(i).len() as i32 + self.base_depth
    }

    /// Indices of the brackets still open just before token `i`, innermost last.
    fn open_brackets(&self, i: usize) -> Vec<usize> {
        let start = self.line_start(i);
        let mut open = Vec::new();
        for (j, t) in self.tokens[start..i.min(self.tokens.len())]
            .iter()
            .enumerate()
        {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => open.push(start + j),
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    open.pop();
                }
                _ => {}
            }
        }
        open
    }

    /// Whether any comma stands outside brackets between `from` and `to`.
    fn has_top_level_comma(&self, from: usize, to: usize) -> bool {
        let mut depth = 0;
        for t in &self.tokens[from..to.min(self.tokens.len())] {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
                Tok::Comma if depth == 0 => return true,
                _ => {}
            }
        }
        false
    }

    /// Messages for a dict display missing a key's `:` or its value.
    fn dict_item_error(&self, i: usize) -> Option<SyntaxError> {
        let open = *self.open_brackets(i).last()?;
        if self.tok(open) != Some(&Tok::LBrace)
            || !matches!(self.tok(i), Some(Tok::Comma | Tok::RBrace))
        {
            return None;
        }
        if self.tok(i - 1) == Some(&Tok::Colon) {
            return Some(SyntaxError::new(
                "expression expected after dictionary key and ':'",
                self.span(i - 1),
            ));
        }
        let mut depth = 0;
        let mut colons = 0;
        let mut item_has_colon = false;
        for t in &self.tokens[open + 1..i] {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
                Tok::Colon if depth == 0 => {
                    colons += 1;
                    item_has_colon = true;
                }
                Tok::Comma if depth == 0 => item_has_colon = false,
                _ => {}
            }
        }
        (colons > 0 && !item_has_colon)
            .then(|| SyntaxError::new("':' expected after dictionary key", self.span(i - 1)))
    }

    fn describe(&self, err: ParseError<usize, Tok, SyntaxError>) -> SyntaxError {
        let expected = match err {
            ParseError::User { error } => return error,
            ParseError::UnrecognizedToken { expected, .. }
            | ParseError::UnrecognizedEof { expected, .. } => expected,
            ParseError::InvalidToken { .. } | ParseError::ExtraToken { .. } => Vec::new(),
        };
        let expects = |text: &str| expected.iter().any(|e| e.trim_matches('"') == text);
        let i = self.index;
        let here = self.span(i);
        let tok = self.tok(i);
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));

        if tok == Some(&Tok::Indent) {
            return SyntaxError::with_kind(ErrorKind::IndentationError, "unexpected indent", here);
        }
        if expects("INDENT") && prev == Some(&Tok::Newline) {
            let header = self.header(self.line_start(i.saturating_sub(1)));
            if let Some((at, what)) = header {
                return SyntaxError::with_kind(
                    ErrorKind::IndentationError,
                    format!(
                        "expected an indented block after {what} on line {}",
                        self.line(at)
                    ),
                    here,
                );
            }
            return SyntaxError::with_kind(
                ErrorKind::IndentationError,
                "expected an indented block",
                here,
            );
        }
        if expects("except") && expects("finally") {
            return SyntaxError::new("expected 'except' or 'finally' block", here);
        }
        let start = self.line_start(i);
        if let Some(e) = self.unsupported_statement(start, i) {
            return e;
        }
        let header = self.header(start);
        if (tok == Some(&Tok::Newline) || tok.is_none()) && expects(":") && header.is_some() {
            return SyntaxError::new("expected ':'", here);
        }
        if prev.is_some_and(|p| matches!(p, Tok::Name(_)))
            && i >= 2
            && self.tok(i - 2) == Some(&Tok::Def)
            && tok != Some(&Tok::LPar)
        {
            return SyntaxError::new("expected '('", here);
        }
        if expects("else") && !expects("if") && tok != Some(&Tok::Else) {
            let at = (start..i)
                .rev()
                .find(|&j| self.tok(j) == Some(&Tok::If))
                .unwrap_or(i);
            return SyntaxError::new(
                "expected 'else' after 'if' expression",
                Span::new(
                    self.span(at).start as usize,
                    self.span(i.saturating_sub(1)).end as usize,
                ),
            );
        }
        if let Some(e) = self.dict_item_error(i) {
            return e;
        }
        if tok == Some(&Tok::Newline)
            && prev == Some(&Tok::Comma)
            && self.tok(start) == Some(&Tok::From)
        {
            return SyntaxError::new(
                "trailing comma not allowed without surrounding parentheses",
                self.span(i - 1),
            );
        }
        if tok == Some(&Tok::Colon)
            && header.is_none()
            && self.bracket_depth_before(i) == 0
            && self.has_top_level_comma(start, i)
        {
            return SyntaxError::new(
                "only single target (not tuple) can be annotated",
                self.span(start),
            );
        }
        if tok == Some(&Tok::ColonEqual) {
            if let Some(e) = self.walrus_target(start, i) {
                return e;
            }
        }
        if tok == Some(&Tok::Equal) {
            if let Some(e) = self.misplaced_assignment(start, i, header.is_some()) {
                return e;
            }
        }
        if let (Some(prev), Some(tok)) = (prev, tok) {
            if ends_expression(prev) && starts_expression(tok) {
                if let Some(e) = self.juxtaposed(start, i) {
                    return e;
                }
            }
        }
        if tok == Some(&Tok::Comma) && header.is_some_and(|h| self.tok(h.0) == Some(&Tok::Except)) {
            return SyntaxError::new("multiple exception types must be parenthesized", here);
        }
        SyntaxError::new(
            "invalid syntax",
            if here.is_empty() {
                Span::new(here.start as usize, here.start as usize + 1)
            } else {
                here
            },
        )
    }

    /// `match` statements parse as a name followed by an expression: name the feature instead.
    fn unsupported_statement(&self, start: usize, i: usize) -> Option<SyntaxError> {
        let Some(Tok::Name(word)) = self.tok(start) else {
            return None;
        };
        if &**word != "match" || i == start || self.line(i) != self.line(start) {
            return None;
        }
        let mut end = i;
        while end < self.tokens.len() && self.tok(end) != Some(&Tok::Newline) {
            end += 1;
        }
        (self.tok(end.saturating_sub(1)) == Some(&Tok::Colon)).then(|| {
            SyntaxError::with_kind(
                ErrorKind::NotImplementedError,
                "the 'match' statement is not supported",
                self.span(start),
            )
        })
    }

    /// `if x = 1:` and friends: `=` where an expression continues.
    fn misplaced_assignment(&self, start: usize, i: usize, in_header: bool) -> Option<SyntaxError> {
        let depth = self.bracket_depth_before(i);
        if !in_header && depth == 0 {
            return None;
        }
        if matches!(self.tok(i + 1), Some(Tok::Equal | Tok::ColonEqual)) {
            return None;
        }
        let from = self.expression_start(start, i);
        if from >= i {
            return None;
        }
        let lhs_span = Span::new(
            self.span(from).start as usize,
            self.span(i - 1).end as usize,
        );
        let lhs = super::parser::parse_expression_at(self.src, lhs_span).ok()?;
        let here = Span::new(lhs_span.start as usize, self.span(i).end as usize);
        match lhs.kind {
            super::ast::ExprKind::Name(_) => Some(SyntaxError::new(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                here,
            )),
            super::ast::ExprKind::Tuple(_)
            | super::ast::ExprKind::List(_)
            | super::ast::ExprKind::GeneratorExp(..)
            | super::ast::ExprKind::Constant(
                super::ast::Constant::True
                | super::ast::Constant::False
                | super::ast::Constant::None,
            ) => None,
            _ => Some(SyntaxError::new(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    lhs.describe()
                ),
                lhs.span,
            )),
        }
    }

    /// `a.b := 1`: CPython names what cannot be the target (except directly in a call).
    fn walrus_target(&self, start: usize, i: usize) -> Option<SyntaxError> {
        let from = self.expression_start(start, i);
        if from >= i {
            return None;
        }
        if let Some(&open) = self.open_brackets(i).last() {
            let call = self.tok(open) == Some(&Tok::LPar)
                && open > 0
                && self.tok(open - 1).is_some_and(ends_expression);
            if call {
                return None;
            }
        }
        let span = Span::new(
            self.span(from).start as usize,
            self.span(i - 1).end as usize,
        );
        let lhs = parse_expression_at(self.src, span).ok()?;
        if matches!(lhs.kind, super::ast::ExprKind::Name(_)) {
            return None;
        }
        Some(SyntaxError::new(
            format!("cannot use assignment expressions with {}", lhs.describe()),
            lhs.span,
        ))
    }

    /// The first token of the expression that ends just before token `i`: the token after the
    /// nearest unclosed bracket, comma, keyword or operator at the same nesting.
    fn expression_start(&self, start: usize, i: usize) -> usize {
        let mut depth = 0;
        let mut j = i;
        while j > start {
            let t = &self.tokens[j - 1].1;
            match t {
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
                Tok::LPar | Tok::LSqb | Tok::LBrace if depth == 0 => break,
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth -= 1,
                Tok::Comma | Tok::Colon | Tok::Equal | Tok::ColonEqual if depth == 0 => break,
                t if depth == 0
                    && t.is_keyword()
                    && !matches!(t, Tok::None | Tok::True | Tok::False | Tok::Await) =>
                {
                    break
                }
                _ => {}
            }
            j -= 1;
        }
        j
    }

    /// Two expressions side by side: a missing comma inside brackets, or Python 2's `print x`.
    fn juxtaposed(&self, start: usize, i: usize) -> Option<SyntaxError> {
        let from = self.expression_start(start, i);
        let first = self.tok(from)?;
        if let Tok::Name(name) = first {
            if from + 1 == i && matches!(&**name, "print" | "exec") && from == start {
                return Some(SyntaxError::new(
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                    Span::new(self.span(from).start as usize, self.span(i).end as usize),
                ));
            }
            if from + 1 == i
                && (matches!(self.tok(i), Some(Tok::Str(_)))
                    || matches!(&**name, "match" | "case" | "_"))
            {
                return None;
            }
        }
        if self.bracket_depth_before(i) > 0 {
            let span = Span::new(self.span(from).start as usize, self.span(i).end as usize);
            return Some(SyntaxError::new(
                "invalid syntax. Perhaps you forgot a comma?",
                span,
            ));
        }
        None
    }
}

fn ends_expression(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imaginary(_)
            | Tok::Str(_)
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

fn starts_expression(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imaginary(_)
            | Tok::Str(_)
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::Lambda
            | Tok::Not
            | Tok::Await
            | Tok::Minus
            | Tok::Tilde
    )
}
