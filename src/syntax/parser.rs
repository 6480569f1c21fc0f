//! Parser glue: feeds the lexer's tokens to the LALRPOP parser, and words its failures the way
//! CPython's parser does (the specific messages of its second, "invalid_" pass where they apply,
//! and its rule that a tokenizer error later in the file outranks a parser error).

use std::cell::Cell;

use lalrpop_util::{lalrpop_mod, ParseError};

use super::actions::invalid_assignment_target;
use super::actions::{ParseContext, Top};
use super::ast::{Constant, Expr, ExprKind, Module};
use super::error::{line_at, ErrorKind, SyntaxError};
use super::lexer::{lex_expression, lex_module, LexStop, Lexed};
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
            let furthest = failure.furthest_read(&parse_error);
            Err(outranked_by_tokenizer(src, &lexed, parse_error, furthest))
        }
    }
}

/// CPython tokenizes the rest of the file after a parser error: an error its tokenizer raises
/// there wins, and so does a bracket left open on a line before the furthest token the parser
/// read. When a generic error is two expressions side by side, CPython's second pass reads on
/// into the second one: into a display opened there, up to the first token no expression holds.
/// "unexpected indent" is final.
fn outranked_by_tokenizer(
    src: &str,
    lexed: &Lexed,
    parse_error: SyntaxError,
    furthest: usize,
) -> SyntaxError {
    let Some(lex_error) = &lexed.error else {
        return parse_error;
    };
    if parse_error.message == "unexpected indent" {
        return parse_error;
    }
    let open = match lex_error.stop {
        LexStop::Raised => return lex_error.error.clone(),
        LexStop::Stopped => return parse_error,
        LexStop::UnclosedBracket(open) => open,
    };
    let tokens = &lexed.tokens;
    let tok = |j: usize| tokens.get(j).map(|t| &t.1);
    let generic = parse_error.message.starts_with("invalid syntax")
        || parse_error.message.starts_with("Missing parentheses");
    let juxtaposed = furthest > 0
        && tok(furthest - 1).is_some_and(ends_expression)
        && tok(furthest).is_some_and(starts_expression);
    let line_start = tokens[..furthest.min(tokens.len())]
        .iter()
        .rposition(|t| matches!(t.1, Tok::Newline | Tok::Indent | Tok::Dedent))
        .map_or(0, |p| p + 1);
    let import = matches!(tok(line_start), Some(Tok::Import | Tok::From));
    let read_up_to = if generic && juxtaposed && !import {
        let opens_display = matches!(tok(furthest), Some(Tok::LPar | Tok::LSqb | Tok::LBrace));
        let inner = tok(furthest + 1).is_some_and(|t| {
            starts_expression(t)
                || matches!(
                    t,
                    Tok::Star | Tok::DoubleStar | Tok::RPar | Tok::RSqb | Tok::RBrace
                )
        });
        if opens_display && inner {
            (furthest + 1..tokens.len())
                .find(|&j| tok(j).is_some_and(statement_only))
                .unwrap_or(tokens.len())
        } else {
            furthest + 1
        }
    } else {
        furthest
    };
    let at = tokens
        .get(read_up_to)
        .map_or(src.len(), |t| t.0.start as usize);
    if at == src.len() || line_at(src, at) > line_at(src, open.start as usize) {
        lex_error.error.clone()
    } else {
        parse_error
    }
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
        if self.tok(open) != Some(&Tok::LBrace) {
            return None;
        }
        if self.tok(i - 1) == Some(&Tok::Colon)
            && matches!(self.tok(i), Some(Tok::Comma | Tok::RBrace))
        {
            return Some(SyntaxError::new(
                "expression expected after dictionary key and ':'",
                self.span(i - 1),
            ));
        }
        let mut depth = 0;
        let mut pairs = 0;
        let mut item_start = open + 1;
        let mut item_has_colon = false;
        for (j, t) in self.tokens[open + 1..i].iter().enumerate() {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
                Tok::Colon if depth == 0 => item_has_colon = true,
                Tok::Comma if depth == 0 => {
                    pairs += usize::from(item_has_colon);
                    item_has_colon = false;
                    item_start = open + 2 + j;
                }
                _ => {}
            }
        }
        let missing_colon = pairs > 0
            && !item_has_colon
            && item_start < i
            && self.tok(item_start).is_some_and(starts_expression)
            && (self.tok(i) != Some(&Tok::Colon) || !self.tok(i - 1).is_some_and(ends_expression));
        missing_colon
            .then(|| SyntaxError::new("':' expected after dictionary key", self.span(i - 1)))
    }

    /// The furthest token CPython's parser would have read on its way to `error`: past the
    /// value after a mistyped `=`, otherwise the token it stopped at.
    fn furthest_read(&self, error: &SyntaxError) -> usize {
        let mistyped_comparison = error.message.ends_with("instead of '='?");
        match self.tok(self.index) {
            Some(Tok::Equal) if mistyped_comparison => self.skip_operand(self.index + 1),
            _ => self.index,
        }
    }

    /// The index just past the bitwise-or expression starting at `j` (its primaries, unary and
    /// arithmetic operators, and bracketed groups).
    fn skip_operand(&self, mut j: usize) -> usize {
        let mut depth = 0;
        while let Some(t) = self.tok(j) {
            let operand_part = is_atom(t)
                || matches!(
                    t,
                    Tok::Await
                        | Tok::Dot
                        | Tok::Plus
                        | Tok::Minus
                        | Tok::Tilde
                        | Tok::Star
                        | Tok::DoubleStar
                        | Tok::Slash
                        | Tok::DoubleSlash
                        | Tok::Percent
                        | Tok::At
                        | Tok::LeftShift
                        | Tok::RightShift
                        | Tok::Amper
                        | Tok::VBar
                        | Tok::Caret
                );
            match t {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace if depth > 0 => depth -= 1,
                _ if depth > 0 || operand_part => {}
                _ => break,
            }
            j += 1;
        }
        j
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
        let start = self.line_start(i);
        let header = self.header(start);

        if tok == Some(&Tok::Indent) {
            return SyntaxError::with_kind(ErrorKind::IndentationError, "unexpected indent", here);
        }
        if expects("INDENT") && prev == Some(&Tok::Newline) {
            return self.missing_block(i, here);
        }
        if expects("except") && expects("finally") {
            return SyntaxError::new("expected 'except' or 'finally' block", here);
        }
        if let Some(e) = self.unsupported_statement(start, i) {
            return e;
        }
        let colon_due = expects(":")
            && (header.is_some() && matches!(tok, Some(Tok::Newline) | None)
                || self.forces_colon(start, i));
        if colon_due || self.after_def_parameters(start, i) {
            return SyntaxError::new("expected ':'", here);
        }
        let after_def_name =
            i >= 2 && self.tok(i - 2) == Some(&Tok::Def) && matches!(prev, Some(Tok::Name(_)));
        if after_def_name && tok != Some(&Tok::LPar) {
            return SyntaxError::new("expected '('", here);
        }
        if let Some(e) = self.missing_else(start, i) {
            return e;
        }
        if tok == Some(&Tok::Dedent) {
            return SyntaxError::with_kind(
                ErrorKind::IndentationError,
                "unexpected unindent",
                here,
            );
        }
        let specific = [
            self.dict_item_error(i),
            self.parenthesized_parameter(start, i),
            self.keyword_without_name(start, i),
            self.trailing_import_comma(start, i),
            self.unparenthesized_annotation(start, i, header.is_some()),
            self.walrus_target(start, i),
            self.misplaced_assignment(start, i, header.is_some()),
            self.invalid_chained_target(start, i, header.is_some()),
            self.juxtaposed(start, i),
            self.unparenthesized_except(i, header),
        ];
        if let Some(e) = specific.into_iter().flatten().next() {
            return e;
        }
        let span = if here.is_empty() {
            Span::new(here.start as usize, here.start as usize + 1)
        } else {
            here
        };
        SyntaxError::new("invalid syntax", span)
    }

    /// An error inside the condition of `a if cond else b`, before its `else`.
    fn missing_else(&self, start: usize, i: usize) -> Option<SyntaxError> {
        if matches!(self.tok(i), Some(Tok::Else | Tok::Colon)) {
            return None;
        }
        let mut before = self.same_level_before(start, i);
        let at = before.find(|&j| matches!(self.tok(j), Some(Tok::If | Tok::Else | Tok::For)))?;
        let conditional = self.tok(at) == Some(&Tok::If)
            && at > 0
            && self.tok(at - 1).is_some_and(ends_expression)
            && at + 1 < i
            && self.tok(at + 1).is_some_and(starts_expression);
        if !conditional || before.any(|j| self.tok(j) == Some(&Tok::For)) {
            return None;
        }
        Some(SyntaxError::new(
            "expected 'else' after 'if' expression",
            Span::new(
                self.span(at).start as usize,
                self.span(i.saturating_sub(1)).end as usize,
            ),
        ))
    }

    /// The block after a compound statement's `:` is missing.
    fn missing_block(&self, i: usize, here: Span) -> SyntaxError {
        let message = match self.header(self.line_start(i.saturating_sub(1))) {
            Some((at, what)) => format!(
                "expected an indented block after {what} on line {}",
                self.line(at)
            ),
            None => "expected an indented block".to_owned(),
        };
        SyntaxError::with_kind(ErrorKind::IndentationError, message, here)
    }

    /// `from m import a,` without parentheses.
    fn trailing_import_comma(&self, start: usize, i: usize) -> Option<SyntaxError> {
        let trailing = self.tok(i) == Some(&Tok::Newline)
            && self.tok(i.checked_sub(1)?) == Some(&Tok::Comma)
            && self.tok(start) == Some(&Tok::From);
        trailing.then(|| {
            SyntaxError::new(
                "trailing comma not allowed without surrounding parentheses",
                self.span(i - 1),
            )
        })
    }

    /// `a, b: int` (at the start of a statement, with a type after the colon).
    fn unparenthesized_annotation(
        &self,
        start: usize,
        i: usize,
        in_header: bool,
    ) -> Option<SyntaxError> {
        let annotated_tuple = self.tok(i) == Some(&Tok::Colon)
            && !in_header
            && self.bracket_depth_before(i) == 0
            && self.has_top_level_comma(start, i)
            && !self.tokens[start..i].iter().any(|t| t.1 == Tok::Equal)
            && self.tok(i + 1).is_some_and(starts_expression);
        annotated_tuple.then(|| {
            SyntaxError::new(
                "only single target (not tuple) can be annotated",
                self.span(start),
            )
        })
    }

    /// `except A, B:`.
    fn unparenthesized_except(
        &self,
        i: usize,
        header: Option<(usize, &'static str)>,
    ) -> Option<SyntaxError> {
        let in_except = header.is_some_and(|h| self.tok(h.0) == Some(&Tok::Except));
        let another_type_follows = self.tok(i + 1).is_some_and(starts_expression);
        (self.tok(i) == Some(&Tok::Comma) && in_except && another_type_follows).then(|| {
            SyntaxError::new(
                "multiple exception types must be parenthesized",
                self.span(i),
            )
        })
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
        let condition_header =
            in_header && matches!(self.tok(start), Some(Tok::If | Tok::Elif | Tok::While));
        if self.tok(i) != Some(&Tok::Equal)
            || !condition_header && self.bracket_depth_before(i) == 0
        {
            return None;
        }
        if !self.tok(i + 1).is_some_and(starts_expression) {
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
        let lhs = parse_expression_at(self.src, lhs_span).ok()?;
        let here = Span::new(lhs_span.start as usize, self.span(i).end as usize);
        match lhs.kind {
            ExprKind::Name(_) => Some(SyntaxError::new(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                here,
            )),
            ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::GeneratorExp(..)
            | ExprKind::Constant(Constant::True | Constant::False | Constant::None) => None,
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
        if self.tok(i) != Some(&Tok::ColonEqual) {
            return None;
        }
        let from = self.expression_start(start, i);
        if from >= i || self.innermost_is_call(i) {
            return None;
        }
        let span = Span::new(
            self.span(from).start as usize,
            self.span(i - 1).end as usize,
        );
        let lhs = parse_expression_at(self.src, span).ok()?;
        if matches!(lhs.kind, ExprKind::Name(_)) {
            return None;
        }
        Some(SyntaxError::new(
            format!("cannot use assignment expressions with {}", lhs.describe()),
            lhs.span,
        ))
    }

    /// Whether the innermost bracket open before token `i` is a call's parenthesis.
    fn innermost_is_call(&self, i: usize) -> bool {
        self.open_brackets(i).last().is_some_and(|&open| {
            self.tok(open) == Some(&Tok::LPar)
                && open > 0
                && self.tok(open - 1).is_some_and(ends_expression)
        })
    }

    /// Where CPython's grammar insists on a `:` right after a keyword.
    fn forces_colon(&self, _start: usize, i: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        matches!(prev, Some(Tok::Else | Tok::Try | Tok::Finally))
    }

    /// Anything wrong in a `def` header after its parameter list (outside brackets, before the
    /// header's `:`) is a missing `:` to CPython.
    fn after_def_parameters(&self, start: usize, i: usize) -> bool {
        let def_at = if self.tok(start) == Some(&Tok::Async) {
            start + 1
        } else {
            start
        };
        if self.tok(def_at) != Some(&Tok::Def) || self.bracket_depth_before(i) != 0 {
            return false;
        }
        let mut depth = 0;
        let mut params_closed = false;
        for t in &self.tokens[def_at..i] {
            match t.1 {
                Tok::LPar => depth += 1,
                Tok::RPar => {
                    depth -= 1;
                    params_closed |= depth == 0;
                }
                Tok::Colon if depth == 0 && params_closed => return false,
                _ => {}
            }
        }
        params_closed
    }

    /// Whether `(` at `i` opens plain parameters: `name[: annotation], …)`, no defaults or stars.
    fn plain_names_in_parens(&self, i: usize) -> bool {
        if !matches!(self.tok(i + 1), Some(Tok::Name(_))) {
            return false;
        }
        let mut depth = 0;
        for j in i + 1.. {
            match self.tok(j) {
                Some(Tok::LPar | Tok::LSqb | Tok::LBrace) => depth += 1,
                Some(Tok::RPar) if depth == 0 => return true,
                Some(Tok::RPar | Tok::RSqb | Tok::RBrace) => depth -= 1,
                Some(Tok::Equal | Tok::Star | Tok::DoubleStar | Tok::Slash) if depth == 0 => {
                    return false
                }
                None => return false,
                _ => {}
            }
        }
        false
    }

    /// `def f((a)):` and `lambda (x): …`.
    fn parenthesized_parameter(&self, start: usize, i: usize) -> Option<SyntaxError> {
        if self.tok(i) != Some(&Tok::LPar) {
            return None;
        }
        let prev = self.tok(i.checked_sub(1)?)?;
        let lambda_param = self.plain_names_in_parens(i) && prev == &Tok::Lambda
            || prev == &Tok::Comma
                && self.bracket_depth_before(i) == self.base_depth
                && (start..i).any(|j| self.tok(j) == Some(&Tok::Lambda));
        if lambda_param {
            return Some(SyntaxError::new(
                "Lambda expression parameters cannot be parenthesized",
                self.span(i),
            ));
        }
        let open = *self.open_brackets(i).last()?;
        let in_def_params = open >= 2 && self.tok(open - 2) == Some(&Tok::Def);
        let names_inside = self.plain_names_in_parens(i);
        (in_def_params && names_inside && matches!(prev, Tok::LPar | Tok::Comma))
            .then(|| SyntaxError::new("Function parameters cannot be parenthesized", self.span(i)))
    }

    /// `f(1=)`: CPython reads what stands before the `=` as a mistaken comparison.
    fn keyword_without_name(&self, start: usize, i: usize) -> Option<SyntaxError> {
        let eq = i.checked_sub(1)?;
        if self.tok(eq) != Some(&Tok::Equal)
            || !matches!(self.tok(i), Some(Tok::RPar | Tok::Comma))
            || !self.innermost_is_call(i)
        {
            return None;
        }
        let from = self.expression_start(start, eq);
        if from >= eq || (from + 1 == eq && matches!(self.tok(from), Some(Tok::Name(_)))) {
            return None;
        }
        Some(SyntaxError::new(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            Span::new(self.span(from).start as usize, self.span(eq).end as usize),
        ))
    }

    /// `a = f() = ` followed by nonsense: CPython still names the target that cannot be assigned.
    fn invalid_chained_target(
        &self,
        start: usize,
        i: usize,
        in_header: bool,
    ) -> Option<SyntaxError> {
        if in_header || self.bracket_depth_before(i) != 0 {
            return None;
        }
        let mut depth = 0;
        let mut segment_start = start;
        for j in start..i {
            match self.tok(j)? {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
                Tok::Equal if depth == 0 => {
                    if segment_start < j {
                        let span = Span::new(
                            self.span(segment_start).start as usize,
                            self.span(j - 1).end as usize,
                        );
                        let target = parse_expression_at(self.src, span).ok()?;
                        if let Some(bad) = invalid_assignment_target(&target) {
                            return Some(SyntaxError::new(
                                format!("cannot assign to {}", bad.describe()),
                                bad.span,
                            ));
                        }
                    }
                    segment_start = j + 1;
                }
                _ => {}
            }
        }
        None
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

    /// `a, b c, d = value` at statement level (a tuple before the two side by side): CPython
    /// ends up reading `NAME = value` as a mistyped comparison.
    fn assignment_after_juxtaposition(&self, start: usize, i: usize) -> Option<SyntaxError> {
        let tuple_so_far = self.has_top_level_comma(start, i)
            && !self.tokens[start..i].iter().any(|t| t.1 == Tok::Equal);
        if self.bracket_depth_before(i) != 0 || self.header(start).is_some() || !tuple_so_far {
            return None;
        }
        let mut depth = 0;
        let eq = (i..self.tokens.len()).find(|&j| match self.tok(j) {
            Some(Tok::LPar | Tok::LSqb | Tok::LBrace) => {
                depth += 1;
                false
            }
            Some(Tok::RPar | Tok::RSqb | Tok::RBrace) => {
                depth -= 1;
                false
            }
            Some(Tok::Equal) => depth == 0,
            Some(Tok::Newline) | None => true,
            _ => false,
        })?;
        let named = eq > i
            && self.tok(eq) == Some(&Tok::Equal)
            && matches!(self.tok(eq - 1), Some(Tok::Name(_)))
            && (eq - 1 == i || self.tok(eq - 2) == Some(&Tok::Comma))
            && self.tok(eq + 1).is_some_and(starts_expression);
        named.then(|| {
            SyntaxError::new(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                Span::new(self.span(eq - 1).start as usize, self.span(eq).end as usize),
            )
        })
    }

    /// Whether token `i` stands in a comprehension's `in` or `if` clause (CPython parses those as
    /// plain disjunctions, without its missing-comma guess).
    fn in_comprehension_clause(&self, start: usize, i: usize) -> bool {
        let mut before = self.same_level_before(start, i);
        let clause = before.find(|&j| matches!(self.tok(j), Some(Tok::In | Tok::If | Tok::For)));
        clause.is_some_and(|j| self.tok(j) != Some(&Tok::For))
            && before.any(|j| self.tok(j) == Some(&Tok::For))
    }

    /// Whether token `i` stands between a `lambda` and its `:`.
    fn in_lambda_parameters(&self, start: usize, i: usize) -> bool {
        let mut before = self.same_level_before(start, i);
        before
            .find(|&j| matches!(self.tok(j), Some(Tok::Colon | Tok::Lambda)))
            .is_some_and(|j| self.tok(j) == Some(&Tok::Lambda))
    }

    /// Indices of the tokens before `i`, nearest first, at the bracket level of `i` (back to the
    /// innermost open bracket, or the start of the line).
    fn same_level_before(&self, start: usize, i: usize) -> impl Iterator<Item = usize> + '_ {
        let open = self.open_brackets(i).last().map_or(start, |&o| o + 1);
        let mut level = 0;
        (open..i).rev().filter(move |&j| match self.tok(j) {
            Some(Tok::RPar | Tok::RSqb | Tok::RBrace) => {
                level += 1;
                false
            }
            Some(Tok::LPar | Tok::LSqb | Tok::LBrace) => {
                level -= 1;
                false
            }
            _ => level == 0,
        })
    }

    /// Two expressions side by side: a missing comma inside brackets, or Python 2's `print x`.
    /// (`x[]` counts too: CPython reads it as `x` beside an empty list.)
    fn juxtaposed(&self, start: usize, i: usize) -> Option<SyntaxError> {
        let empty_subscript = self.tok(i) == Some(&Tok::RSqb)
            && i >= 2
            && self.tok(i - 1) == Some(&Tok::LSqb)
            && self.tok(i - 2).is_some_and(ends_expression);
        let i = if empty_subscript { i - 1 } else { i };
        let (prev, tok) = (self.tok(i.checked_sub(1)?)?, self.tok(i)?);
        if !ends_expression(prev) || !starts_expression(tok) {
            return None;
        }
        let from = self.expression_start(start, i);
        let first = self.tok(from)?;
        if matches!(self.tok(start), Some(Tok::Import | Tok::From)) {
            return None;
        }
        if self.in_comprehension_clause(start, i) || self.in_lambda_parameters(start, i) {
            return None;
        }
        if let Some(&open) = self.open_brackets(i).last() {
            let in_def_params = open >= 2
                && self.tok(open - 2) == Some(&Tok::Def)
                && from > 0
                && matches!(
                    self.tok(from - 1),
                    Some(Tok::LPar | Tok::Comma | Tok::Star | Tok::DoubleStar)
                );
            if in_def_params {
                return None;
            }
        }
        if let Tok::Name(name) = first {
            if from + 1 == i && matches!(&**name, "print" | "exec") && from == start {
                return Some(SyntaxError::new(
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                    Span::new(self.span(from).start as usize, self.span(i).end as usize),
                ));
            }
            if from + 1 == i
                && (matches!(tok, Tok::Str(_)) || matches!(&**name, "match" | "case" | "_"))
            {
                return None;
            }
        }
        if let Some(e) = self.assignment_after_juxtaposition(start, i) {
            return Some(e);
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

/// Tokens that cannot appear inside a bracketed expression.
fn statement_only(t: &Tok) -> bool {
    matches!(
        t,
        Tok::As
            | Tok::Assert
            | Tok::Break
            | Tok::Class
            | Tok::Continue
            | Tok::Def
            | Tok::Del
            | Tok::Elif
            | Tok::Except
            | Tok::Finally
            | Tok::Global
            | Tok::Import
            | Tok::Nonlocal
            | Tok::Pass
            | Tok::Raise
            | Tok::Return
            | Tok::Try
            | Tok::While
            | Tok::With
            | Tok::Semi
            | Tok::Unknown(_)
    )
}

/// Tokens that are a whole expression by themselves.
fn is_atom(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imaginary(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

fn ends_expression(t: &Tok) -> bool {
    is_atom(t) || matches!(t, Tok::RPar | Tok::RSqb | Tok::RBrace)
}

fn starts_expression(t: &Tok) -> bool {
    is_atom(t)
        || matches!(
            t,
            Tok::LPar
                | Tok::LSqb
                | Tok::LBrace
                | Tok::Lambda
                | Tok::Not
                | Tok::Await
                | Tok::Minus
                | Tok::Plus
                | Tok::Tilde
        )
}
