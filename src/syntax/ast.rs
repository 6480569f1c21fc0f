//! The abstract syntax tree: Python's statements and expressions, every node with its byte span.
//!
//! Expressions carry their nesting depth, computed bottom-up as the parser builds them, so that
//! no later tree walk (checks, compiler, drop) can recurse deeper than [`MAX_EXPR_DEPTH`].

use std::rc::Rc;

use super::span::Span;
use super::token::IntLit;

/// Deepest expression nesting accepted; CPython gives up at about the same depth.
pub const MAX_EXPR_DEPTH: u32 = 2990;

/// An identifier with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: Rc<str>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        /// A plain name target, not parenthesised.
        simple: bool,
    },
    Delete(Vec<Expr>),
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Import(Vec<Alias>),
    ImportFrom {
        module: Option<Ident>,
        /// Empty means `import *`.
        names: Vec<Alias>,
        level: u32,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        is_async: bool,
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        /// `except*`
        is_star: bool,
    },
    With {
        is_async: bool,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
}

/// `import a.b as c`: `name` is the dotted path.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub name: Ident,
    pub asname: Option<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub typ: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub is_async: bool,
    pub name: Ident,
    pub params: Parameters,
    pub returns: Option<Expr>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Ident,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// A function's parameter list, in Python's five groups.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parameters {
    pub posonly: Vec<Param>,
    pub args: Vec<Param>,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<Param>,
}

impl Parameters {
    /// Every parameter in declaration order.
    pub fn all(&self) -> impl Iterator<Item = &Param> {
        self.posonly
            .iter()
            .chain(&self.args)
            .chain(&self.vararg)
            .chain(&self.kwonly)
            .chain(&self.kwarg)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
}

/// `name=value` in a call, or `**value` when `name` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub name: Option<Ident>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// Nesting depth of this expression tree (a leaf is 1).
    pub depth: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Name(Rc<str>),
    Constant(Constant),
    /// An f-string (possibly concatenated with plain strings).
    JoinedStr(Vec<FStringPart>),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `(None, v)` entries are `**v`.
    Dict(Vec<(Option<Expr>, Expr)>),
    ListComp(Box<Expr>, Vec<Comprehension>),
    SetComp(Box<Expr>, Vec<Comprehension>),
    DictComp(Box<(Expr, Expr)>, Vec<Comprehension>),
    GeneratorExp(Box<Expr>, Vec<Comprehension>),
    BoolOp(BoolOp, Vec<Expr>),
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    UnaryOp(UnaryOp, Box<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Lambda(Box<Parameters>, Box<Expr>),
    NamedExpr(Box<Expr>, Box<Expr>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    Attribute(Box<Expr>, Ident),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Starred(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(IntLit),
    Float(f64),
    /// The imaginary part of a complex literal.
    Imaginary(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    Literal(Rc<str>),
    Field {
        value: Box<Expr>,
        /// `'r'`, `'s'` or `'a'`.
        conversion: Option<char>,
        spec: Option<Vec<FStringPart>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl ExprKind {
    /// Calls `f` on each direct child expression.
    pub fn for_each_child<'a>(&'a self, mut f: impl FnMut(&'a Expr)) {
        use ExprKind::*;
        match self {
            Name(_) | Constant(_) => {}
            JoinedStr(parts) => fstring_children(parts, &mut f),
            Tuple(items) | List(items) | Set(items) | BoolOp(_, items) => items.iter().for_each(f),
            Dict(entries) => {
                for (k, v) in entries {
                    if let Some(k) = k {
                        f(k);
                    }
                    f(v);
                }
            }
            ListComp(elt, gens) | SetComp(elt, gens) | GeneratorExp(elt, gens) => {
                f(elt);
                comprehension_children(gens, f);
            }
            DictComp(kv, gens) => {
                f(&kv.0);
                f(&kv.1);
                comprehension_children(gens, f);
            }
            BinOp(l, _, r) | NamedExpr(l, r) | Subscript(l, r) => {
                f(l);
                f(r);
            }
            UnaryOp(_, e) | Await(e) | YieldFrom(e) | Starred(e) | Attribute(e, _) => f(e),
            Yield(e) => e.iter().for_each(|e| f(e)),
            Compare(left, rest) => {
                f(left);
                rest.iter().for_each(|(_, e)| f(e));
            }
            IfExp { test, body, orelse } => {
                f(test);
                f(body);
                f(orelse);
            }
            Lambda(params, body) => {
                for p in params.all() {
                    p.default.iter().for_each(&mut f);
                }
                f(body);
            }
            Call {
                func,
                args,
                keywords,
            } => {
                f(func);
                args.iter().for_each(&mut f);
                keywords.iter().for_each(|k| f(&k.value));
            }
            Slice(a, b, c) => [a, b, c].into_iter().flatten().for_each(|e| f(e)),
        }
    }
}

fn fstring_children<'a>(parts: &'a [FStringPart], f: &mut impl FnMut(&'a Expr)) {
    for part in parts {
        if let FStringPart::Field { value, spec, .. } = part {
            f(value);
            if let Some(spec) = spec {
                fstring_children(spec, f);
            }
        }
    }
}

fn comprehension_children<'a>(gens: &'a [Comprehension], mut f: impl FnMut(&'a Expr)) {
    for g in gens {
        f(&g.target);
        f(&g.iter);
        g.ifs.iter().for_each(&mut f);
    }
}

impl Expr {
    /// Builds a node, computing its depth from its children.
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        let mut depth = 0;
        kind.for_each_child(|c| depth = depth.max(c.depth));
        Expr {
            kind,
            span,
            depth: depth + 1,
        }
    }

    pub fn name(name: Rc<str>, span: Span) -> Expr {
        Expr::new(ExprKind::Name(name), span)
    }

    /// CPython's word for this kind of expression in "cannot assign to …" messages.
    pub fn describe(&self) -> &'static str {
        use ExprKind::*;
        match &self.kind {
            Name(_) => "name",
            Constant(c) => match c {
                self::Constant::None => "None",
                self::Constant::True => "True",
                self::Constant::False => "False",
                self::Constant::Ellipsis => "ellipsis",
                _ => "literal",
            },
            JoinedStr(_) => "f-string expression",
            Tuple(_) => "tuple",
            List(_) => "list",
            Set(_) => "set display",
            Dict(_) => "dict literal",
            ListComp(..) => "list comprehension",
            SetComp(..) => "set comprehension",
            DictComp(..) => "dict comprehension",
            GeneratorExp(..) => "generator expression",
            BoolOp(..) | BinOp(..) | UnaryOp(..) => "expression",
            Compare(..) => "comparison",
            IfExp { .. } => "conditional expression",
            Lambda(..) => "lambda",
            NamedExpr(..) => "named expression",
            Await(_) => "await expression",
            Yield(_) | YieldFrom(_) => "yield expression",
            Call { .. } => "function call",
            Attribute(..) => "attribute",
            Subscript(..) => "subscript",
            Slice(..) => "slice",
            Starred(_) => "starred",
        }
    }
}
