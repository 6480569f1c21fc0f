//! What the grammar's actions call: building nodes, and the checks CPython's parser makes on
//! forms the LR grammar accepts in general (assignment targets, parameters, call arguments,
//! string concatenation, parenthesised `with` items), with CPython's messages.

use std::rc::Rc;

use lalrpop_util::ParseError;

use super::ast::*;
use super::error::{ErrorKind, SyntaxError};
use super::parser::parse_fstring_field;
use super::span::Span;
use super::token::{FPiece, StrValue, Tok};

/// The error type of fallible grammar actions.
pub type ActionError = ParseError<usize, Tok, SyntaxError>;
type Result<T> = std::result::Result<T, ActionError>;

fn fail<T>(message: impl Into<String>, span: Span) -> Result<T> {
    Err(ParseError::User {
        error: SyntaxError::new(message, span),
    })
}

/// What a parse produced: a module's statements, or one expression (f-string fields).
#[derive(Debug)]
pub enum Top {
    Module(Vec<Stmt>),
    Expression(Expr),
}

/// Where an expression is used as a target, which decides the wording of errors.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Assign,
    For,
    Delete,
}

/// One parameter as written, before the order rules are checked.
pub enum ParamSpec {
    Plain(Ident, Option<Expr>, Option<Expr>),
    /// `*name: annotation`, or a bare `*`; the flag says whether a default was (wrongly) given.
    Star(Option<(Ident, Option<Expr>)>, bool, Span),
    DoubleStar(Ident, Option<Expr>, bool, Span),
    Slash(Span),
}

/// One call argument as written.
pub enum Arg {
    Positional(Expr),
    /// An unparenthesised generator expression (`f(x for x in y)`).
    Generator(Expr),
    Keyword(Expr, Expr, Span),
    DoubleStar(Expr, Span),
}

/// An item between parentheses: an expression, or a `with` item (`(open(f) as g, …)`).
pub enum ParenItem {
    Expr(Expr),
    With(WithItem, Span),
}

/// State the grammar's actions share during one parse.
pub struct ParseContext<'s> {
    pub src: &'s str,
    /// Set when an expression nests deeper than [`MAX_EXPR_DEPTH`].
    too_deep: Option<Span>,
    /// Set when a right-nested chain is longer than CPython's parser stack holds.
    out_of_parser_stack: Option<Span>,
    /// Parenthesised groups of `with` items not yet claimed by a `with` statement:
    /// (span of the group, its items, span of its first `as`).
    with_groups: Vec<(Span, Vec<WithItem>, Span)>,
}

impl<'s> ParseContext<'s> {
    pub fn new(src: &'s str) -> ParseContext<'s> {
        ParseContext {
            src,
            too_deep: None,
            out_of_parser_stack: None,
            with_groups: Vec::new(),
        }
    }

    /// The first error found after the parse succeeded: nesting too deep, or a `with` group used
    /// elsewhere.
    pub fn leftover_error(&self) -> Option<SyntaxError> {
        if let Some(span) = self.out_of_parser_stack {
            return Some(SyntaxError::with_kind(ErrorKind::MemoryError, "", span));
        }
        if let Some(span) = self.too_deep {
            return Some(SyntaxError::with_kind(
                ErrorKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
                span,
            ));
        }
        self.with_groups
            .first()
            .map(|(_, _, as_span)| SyntaxError::new("invalid syntax", *as_span))
    }

    /// Builds an expression node. Past [`MAX_EXPR_DEPTH`] the tree is cut off — the node becomes a
    /// leaf that still carries its depth, so the nesting goes on being measured without being
    /// built — and the parse fails when it ends, as CPython's does.
    pub fn expr(&mut self, kind: ExprKind, l: usize, r: usize) -> Expr {
        let e = Expr::new(kind, Span::new(l, r));
        if e.depth <= MAX_EXPR_DEPTH {
            return e;
        }
        if e.depth > parser_stack_limit(&e.kind) {
            self.out_of_parser_stack.get_or_insert(e.span);
        }
        self.too_deep.get_or_insert(e.span);
        Expr {
            kind: ExprKind::Constant(Constant::None),
            span: e.span,
            depth: e.depth,
        }
    }

    pub fn bin_op(&mut self, a: Expr, op: BinOp, b: Expr, l: usize, r: usize) -> Expr {
        self.expr(ExprKind::BinOp(Box::new(a), op, Box::new(b)), l, r)
    }

    pub fn bool_op(
        &mut self,
        op: BoolOp,
        first: Expr,
        rest: Vec<Expr>,
        l: usize,
        r: usize,
    ) -> Expr {
        let mut values = vec![first];
        values.extend(rest);
        self.expr(ExprKind::BoolOp(op, values), l, r)
    }

    /// `a` stays `a`; `a,` and `a, b` become a tuple.
    pub fn tuple_or_single(
        &mut self,
        (mut items, comma): (Vec<Expr>, bool),
        l: usize,
        r: usize,
    ) -> Expr {
        if !comma && items.len() == 1 {
            return items.remove(0);
        }
        self.expr(ExprKind::Tuple(items), l, r)
    }

    /// `a[*b]` indexes with a one-element tuple, as `a[*b,]` does.
    pub fn subscript_index(
        &mut self,
        (items, comma): (Vec<Expr>, bool),
        l: usize,
        r: usize,
    ) -> Expr {
        let starred = items.len() == 1 && matches!(items[0].kind, ExprKind::Starred(_));
        self.tuple_or_single((items, comma || starred), l, r)
    }

    pub fn parenthesized(
        &mut self,
        (items, comma): (Vec<ParenItem>, bool),
        l: usize,
        r: usize,
    ) -> Result<Expr> {
        let span = Span::new(l, r);
        if items.iter().any(|i| matches!(i, ParenItem::With(..))) {
            let mut with_items = Vec::new();
            let mut as_span = span;
            for item in items {
                match item {
                    ParenItem::Expr(context) => with_items.push(WithItem {
                        context,
                        target: None,
                    }),
                    ParenItem::With(item, at) => {
                        if as_span == span {
                            as_span = at;
                        }
                        with_items.push(item);
                    }
                }
            }
            self.with_groups.push((span, with_items, as_span));
            return Ok(self.expr(ExprKind::Tuple(Vec::new()), l, r));
        }
        let mut exprs: Vec<Expr> = items
            .into_iter()
            .filter_map(|i| match i {
                ParenItem::Expr(e) => Some(e),
                ParenItem::With(..) => None,
            })
            .collect();
        if !comma && exprs.len() == 1 {
            let e = exprs.remove(0);
            if matches!(e.kind, ExprKind::Starred(_)) {
                return fail("cannot use starred expression here", e.span);
            }
            return Ok(e);
        }
        Ok(self.expr(ExprKind::Tuple(exprs), l, r))
    }

    /// Checks that `e` can be assigned to (or deleted), with CPython's message for the first
    /// part that cannot.
    pub fn target(&mut self, e: Expr, kind: TargetKind) -> Result<Expr> {
        match invalid_target(&e, kind) {
            None => Ok(e),
            Some(bad) => {
                let verb = if kind == TargetKind::Delete {
                    "delete"
                } else {
                    "assign to"
                };
                fail(format!("cannot {verb} {}", bad.describe()), bad.span)
            }
        }
    }

    pub fn delete(&mut self, targets: (Vec<Expr>, bool), _l: usize, _r: usize) -> Result<StmtKind> {
        let targets = targets
            .0
            .into_iter()
            .map(|t| self.target(t, TargetKind::Delete))
            .collect::<Result<Vec<_>>>()?;
        Ok(StmtKind::Delete(targets))
    }

    pub fn assign(&mut self, first: Expr, rest: Vec<Expr>) -> Result<StmtKind> {
        let mut targets = vec![first];
        targets.extend(rest);
        let Some(value) = targets.pop() else {
            return fail("invalid syntax", Span::default());
        };
        if let Some(y) = targets
            .iter()
            .find(|t| matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)))
        {
            return fail("assignment to yield expression not possible", y.span);
        }
        if targets.len() == 1 {
            if let Some(e) = self.single_target_error(&targets[0], &value) {
                return Err(ParseError::User { error: e });
            }
        }
        for t in &targets {
            if let Some(bad) = invalid_target(t, TargetKind::Assign) {
                return fail(format!("cannot assign to {}", bad.describe()), bad.span);
            }
        }
        Ok(StmtKind::Assign { targets, value })
    }

    /// CPython reads `x = value` with an invalid `x` as a mistyped comparison; so does this, for
    /// the last element of a single target.
    fn single_target_error(&self, target: &Expr, value: &Expr) -> Option<SyntaxError> {
        if matches!(
            value.kind,
            ExprKind::Yield(_)
                | ExprKind::YieldFrom(_)
                | ExprKind::Lambda(..)
                | ExprKind::UnaryOp(UnaryOp::Not, _)
        ) {
            return None;
        }
        let bare_tuple =
            matches!(target.kind, ExprKind::Tuple(_)) && !self.starts_with_paren(target.span);
        let elem = match &target.kind {
            ExprKind::Tuple(items) if bare_tuple => items.last()?,
            _ => target,
        };
        let excluded = matches!(
            elem.kind,
            ExprKind::Tuple(_)
                | ExprKind::List(_)
                | ExprKind::GeneratorExp(..)
                | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
        );
        if matches!(elem.kind, ExprKind::Name(_)) {
            invalid_target(target, TargetKind::Assign)?;
            return Some(SyntaxError::new(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                elem.span.to(value.span),
            ));
        }
        if excluded || invalid_target(elem, TargetKind::Assign).map(|b| b.span) != Some(elem.span) {
            return None;
        }
        Some(SyntaxError::new(
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                elem.describe()
            ),
            elem.span,
        ))
    }

    fn starts_with_paren(&self, span: Span) -> bool {
        self.src.as_bytes().get(span.start as usize) == Some(&b'(')
    }

    pub fn aug_assign(&mut self, target: Expr, op: BinOp, value: Expr) -> Result<StmtKind> {
        if !matches!(
            target.kind,
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
        ) {
            return fail(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    target.describe()
                ),
                target.span,
            );
        }
        Ok(StmtKind::AugAssign { target, op, value })
    }

    pub fn ann_assign(
        &mut self,
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    ) -> Result<StmtKind> {
        match target.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
            ExprKind::Tuple(_) | ExprKind::List(_) => {
                return fail(
                    format!(
                        "only single target (not {}) can be annotated",
                        target.describe()
                    ),
                    target.span,
                )
            }
            _ => return fail("illegal target for annotation", target.span),
        }
        let parenthesized = self.starts_with_paren(target.span)
            || self.src[..target.span.start as usize]
                .trim_end()
                .ends_with('(');
        let simple = matches!(target.kind, ExprKind::Name(_)) && !parenthesized;
        Ok(StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        })
    }

    pub fn make_async(&mut self, mut stmt: Stmt, l: usize) -> Stmt {
        match &mut stmt.kind {
            StmtKind::FunctionDef(f) => f.is_async = true,
            StmtKind::For { is_async, .. } | StmtKind::With { is_async, .. } => *is_async = true,
            _ => {}
        }
        stmt.span.start = l as u32;
        stmt
    }

    pub fn decorate(&mut self, decorators: Vec<Expr>, mut stmt: Stmt, _l: usize) -> Stmt {
        match &mut stmt.kind {
            StmtKind::FunctionDef(f) => f.decorators = decorators,
            StmtKind::ClassDef(c) => c.decorators = decorators,
            _ => {}
        }
        stmt
    }

    pub fn if_chain(
        &mut self,
        test: Expr,
        body: Vec<Stmt>,
        elifs: Vec<(usize, Expr, Vec<Stmt>)>,
        orelse: Option<Vec<Stmt>>,
        l: usize,
        r: usize,
    ) -> Stmt {
        let mut tail = orelse.unwrap_or_default();
        for (start, test, body) in elifs.into_iter().rev() {
            tail = vec![Stmt {
                kind: StmtKind::If {
                    test,
                    body,
                    orelse: tail,
                },
                span: Span::new(start, r),
            }];
        }
        Stmt {
            kind: StmtKind::If {
                test,
                body,
                orelse: tail,
            },
            span: Span::new(l, r),
        }
    }

    pub fn try_stmt(
        &mut self,
        body: Vec<Stmt>,
        handlers: Vec<(bool, ExceptHandler)>,
        orelse: Option<Vec<Stmt>>,
        finalbody: Option<Vec<Stmt>>,
        l: usize,
        r: usize,
    ) -> Result<Stmt> {
        let is_star = handlers.first().is_some_and(|h| h.0);
        if let Some((_, h)) = handlers.iter().find(|h| h.0 != is_star) {
            return fail(
                "cannot have both 'except' and 'except*' on the same 'try'",
                h.span,
            );
        }
        let handlers: Vec<ExceptHandler> = handlers.into_iter().map(|h| h.1).collect();
        if let Some(h) = handlers.iter().rev().skip(1).find(|h| h.typ.is_none()) {
            return fail("default 'except:' must be last", h.span);
        }
        if is_star {
            if let Some(h) = handlers.iter().find(|h| h.typ.is_none()) {
                return fail("expected one or more exception types", h.span);
            }
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse: orelse.unwrap_or_default(),
                finalbody: finalbody.unwrap_or_default(),
                is_star,
            },
            span: Span::new(l, r),
        })
    }

    pub fn with_stmt(
        &mut self,
        mut items: Vec<WithItem>,
        body: Vec<Stmt>,
        l: usize,
        r: usize,
    ) -> Result<Stmt> {
        if items.len() == 1 && items[0].target.is_none() {
            let span = items[0].context.span;
            if let Some(i) = self.with_groups.iter().position(|g| g.0 == span) {
                items = self.with_groups.remove(i).1;
            } else if let ExprKind::Tuple(elts) = &items[0].context.kind {
                if !elts.is_empty() && self.starts_with_paren(span) {
                    let ExprKind::Tuple(elts) =
                        std::mem::replace(&mut items[0].context.kind, ExprKind::Tuple(Vec::new()))
                    else {
                        unreachable!("matched a tuple just above")
                    };
                    items = elts
                        .into_iter()
                        .map(|context| WithItem {
                            context,
                            target: None,
                        })
                        .collect();
                }
            }
        }
        if let Some(star) = items
            .iter()
            .find(|i| matches!(i.context.kind, ExprKind::Starred(_)))
        {
            return fail("cannot use starred expression here", star.context.span);
        }
        Ok(Stmt {
            kind: StmtKind::With {
                is_async: false,
                items,
                body,
            },
            span: Span::new(l, r),
        })
    }

    pub fn function_def(
        &mut self,
        name: Ident,
        params: Vec<ParamSpec>,
        returns: Option<Expr>,
        body: Vec<Stmt>,
        l: usize,
        r: usize,
    ) -> Result<Stmt> {
        let params = parameters(params)?;
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Box::new(FunctionDef {
                is_async: false,
                name,
                params,
                returns,
                body,
                decorators: Vec::new(),
            })),
            span: Span::new(l, r),
        })
    }

    pub fn lambda(
        &mut self,
        params: Vec<ParamSpec>,
        body: Expr,
        l: usize,
        r: usize,
    ) -> Result<Expr> {
        let params = parameters(params)?;
        Ok(self.expr(ExprKind::Lambda(Box::new(params), Box::new(body)), l, r))
    }

    pub fn class_def(
        &mut self,
        name: Ident,
        args: Vec<Arg>,
        body: Vec<Stmt>,
        l: usize,
        r: usize,
    ) -> Result<Stmt> {
        if let Some(Arg::Generator(g)) = args.iter().find(|a| matches!(a, Arg::Generator(_))) {
            return fail("invalid syntax", g.span);
        }
        let (bases, keywords) = arguments(args)?;
        Ok(Stmt {
            kind: StmtKind::ClassDef(Box::new(ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators: Vec::new(),
            })),
            span: Span::new(l, r),
        })
    }

    pub fn call(&mut self, func: Expr, args: Vec<Arg>, l: usize, r: usize) -> Result<Expr> {
        let (args, keywords) = arguments(args)?;
        Ok(self.expr(
            ExprKind::Call {
                func: Box::new(func),
                args,
                keywords,
            },
            l,
            r,
        ))
    }

    /// Joins adjacent string literals; f-string fields are parsed here.
    pub fn strings(
        &mut self,
        parts: Vec<(Span, Rc<StrValue>)>,
        l: usize,
        r: usize,
    ) -> Result<Expr> {
        let span = Span::new(l, r);
        let bytes = parts
            .iter()
            .filter(|p| matches!(*p.1, StrValue::Bytes(_)))
            .count();
        if bytes != 0 && bytes != parts.len() {
            return fail("cannot mix bytes and nonbytes literals", span);
        }
        if bytes != 0 {
            let mut all = Vec::new();
            for (_, p) in &parts {
                if let StrValue::Bytes(b) = &**p {
                    all.extend_from_slice(b);
                }
            }
            return Ok(self.expr(ExprKind::Constant(Constant::Bytes(all.into())), l, r));
        }
        if !parts.iter().any(|p| matches!(*p.1, StrValue::FString(_))) {
            let text: String = parts
                .iter()
                .filter_map(|(_, p)| match &**p {
                    StrValue::Str(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect();
            return Ok(self.expr(ExprKind::Constant(Constant::Str(text.into())), l, r));
        }
        let mut out: Vec<FStringPart> = Vec::new();
        for (_, p) in &parts {
            match &**p {
                StrValue::Str(s) => push_literal(&mut out, s),
                StrValue::FString(pieces) => {
                    for part in self.fstring_parts(pieces)? {
                        match part {
                            FStringPart::Literal(s) => push_literal(&mut out, &s),
                            field => out.push(field),
                        }
                    }
                }
                StrValue::Bytes(_) => {}
            }
        }
        Ok(self.expr(ExprKind::JoinedStr(out), l, r))
    }

    fn fstring_parts(&mut self, pieces: &[FPiece]) -> Result<Vec<FStringPart>> {
        let mut out = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match piece {
                FPiece::Literal(s) => out.push(FStringPart::Literal(s.as_str().into())),
                FPiece::Field(field) => {
                    if let Some(text) = &field.debug_text {
                        push_literal(&mut out, text);
                    }
                    let value = parse_fstring_field(self.src, field.expr)
                        .map_err(|error| ParseError::User { error })?;
                    let spec = match &field.spec {
                        Some(spec) => Some(self.fstring_parts(spec)?),
                        None => None,
                    };
                    out.push(FStringPart::Field {
                        value: Box::new(value),
                        conversion: field.conversion,
                        spec,
                    });
                }
            }
        }
        Ok(out)
    }
}

/// How long a chain of this kind of node may grow before CPython's parser runs out of stack
/// (it then raises MemoryError). Right-nested forms recurse in its parser: a unary operator,
/// `not` or a conditional costs one level of its 6000, `**` and `lambda` two; left-nested forms
/// (`a + b + …`, calls, attributes) loop instead and only meet the compiler's limit.
fn parser_stack_limit(kind: &ExprKind) -> u32 {
    match kind {
        ExprKind::UnaryOp(..) | ExprKind::IfExp { .. } => 5967,
        ExprKind::BinOp(_, BinOp::Pow, _) | ExprKind::Lambda(..) => 2990,
        _ => u32::MAX,
    }
}

fn push_literal(out: &mut Vec<FStringPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = out.last_mut() {
        *prev = format!("{prev}{text}").into();
    } else {
        out.push(FStringPart::Literal(text.into()));
    }
}

/// The first part of `e` that cannot be assigned to, if any.
pub(crate) fn invalid_assignment_target(e: &Expr) -> Option<&Expr> {
    invalid_target(e, TargetKind::Assign)
}

/// The first sub-expression of `e` that cannot be a target, as CPython finds it.
fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => None,
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().find_map(|i| invalid_target(i, kind))
        }
        ExprKind::Starred(inner) if kind != TargetKind::Delete => invalid_target(inner, kind),
        ExprKind::Compare(left, ops) if kind == TargetKind::For && ops[0].0 == CmpOp::In => {
            invalid_target(left, kind)
        }
        _ => Some(e),
    }
}

/// Sorts parameters into Python's groups, enforcing the order rules with CPython's messages.
fn parameters(specs: Vec<ParamSpec>) -> Result<Parameters> {
    let mut p = Parameters::default();
    let mut seen_slash = false;
    let mut seen_star: Option<Span> = None;
    let mut seen_default = false;
    let mut kwarg_span: Option<Span> = None;
    let count = specs.len();
    for (i, spec) in specs.into_iter().enumerate() {
        if let Some(at) = kwarg_span {
            return fail("arguments cannot follow var-keyword argument", at);
        }
        match spec {
            ParamSpec::Slash(span) => {
                if seen_slash {
                    return fail("/ may appear only once", span);
                }
                if seen_star.is_some() {
                    return fail("/ must be ahead of *", span);
                }
                if p.args.is_empty() {
                    return fail("at least one argument must precede /", span);
                }
                seen_slash = true;
                p.posonly = std::mem::take(&mut p.args);
            }
            ParamSpec::Plain(name, annotation, default) => {
                let param = Param {
                    name,
                    annotation,
                    default,
                };
                if seen_star.is_some() {
                    p.kwonly.push(param);
                    continue;
                }
                if param.default.is_some() {
                    seen_default = true;
                } else if seen_default {
                    return fail(
                        "non-default argument follows default argument",
                        param.name.span,
                    );
                }
                p.args.push(param);
            }
            ParamSpec::Star(name, has_default, span) => {
                if seen_star.is_some() {
                    return fail("* argument may appear only once", span);
                }
                if has_default {
                    return fail("var-positional argument cannot have default value", span);
                }
                seen_star = Some(span);
                match name {
                    Some((name, annotation)) => {
                        p.vararg = Some(Param {
                            name,
                            annotation,
                            default: None,
                        });
                    }
                    None if i + 1 == count => {
                        return fail("named arguments must follow bare *", span);
                    }
                    None => {}
                }
            }
            ParamSpec::DoubleStar(name, annotation, has_default, span) => {
                if has_default {
                    return fail("var-keyword argument cannot have default value", span);
                }
                if let Some(star) = seen_star {
                    if p.vararg.is_none() && p.kwonly.is_empty() {
                        return fail("named arguments must follow bare *", star);
                    }
                }
                p.kwarg = Some(Param {
                    name,
                    annotation,
                    default: None,
                });
                kwarg_span = Some(span);
            }
        }
    }
    Ok(p)
}

/// Splits call arguments into positional ones and keywords, enforcing CPython's order rules.
fn arguments(args: Vec<Arg>) -> Result<(Vec<Expr>, Vec<Keyword>)> {
    let count = args.len();
    let mut positional = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_double_star = false;
    for arg in args {
        match arg {
            Arg::Generator(e) => {
                if count > 1 {
                    return fail("Generator expression must be parenthesized", e.span);
                }
                positional.push(e);
            }
            Arg::Positional(e) => {
                let starred = matches!(e.kind, ExprKind::Starred(_));
                if seen_double_star {
                    let msg = if starred {
                        "iterable argument unpacking follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument unpacking"
                    };
                    return fail(msg, e.span);
                }
                if !keywords.is_empty() && !starred {
                    return fail("positional argument follows keyword argument", e.span);
                }
                positional.push(e);
            }
            Arg::Keyword(name, value, span) => {
                let name = match name.kind {
                    ExprKind::Name(n) => Ident {
                        name: n,
                        span: name.span,
                    },
                    ExprKind::Constant(c @ (Constant::True | Constant::False | Constant::None)) => {
                        let word = match c {
                            Constant::True => "True",
                            Constant::False => "False",
                            _ => "None",
                        };
                        return fail(format!("cannot assign to {word}"), name.span);
                    }
                    _ => {
                        return fail(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            Span::new(name.span.start as usize, value.span.end as usize),
                        )
                    }
                };
                keywords.push(Keyword {
                    name: Some(name),
                    value,
                    span,
                });
            }
            Arg::DoubleStar(value, span) => {
                seen_double_star = true;
                keywords.push(Keyword {
                    name: None,
                    value,
                    span,
                });
            }
        }
    }
    Ok((positional, keywords))
}
