//! Compile-time checks CPython makes after parsing: scope rules (its symbol table pass) and
//! context rules (its compiler pass), reported the way CPython orders them — any scope error in
//! the file before any context error, each kind in source order.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::ast::*;
use super::error::SyntaxError;
use super::span::Span;
use super::symtable::SymbolTable;

/// Runs every check on a parsed module and returns its symbol table.
///
/// ```
/// use baton::syntax::{check::check_module, parse_module};
/// let m = parse_module("def f():\n    break\n").unwrap();
/// assert_eq!(check_module(&m).unwrap_err().message, "'break' outside loop");
/// ```
pub fn check_module(module: &Module) -> Result<SymbolTable, SyntaxError> {
    check_future_imports(&module.body)?;
    let mut checker = Checker::default();
    checker
        .scopes
        .push(Scope::new(ScopeKind::Module, false, Span::default()));
    checker.block(&module.body);
    checker.close_scope();
    if let Some(e) = checker.scope_error {
        return Err(e);
    }
    let table = SymbolTable::build(checker.finished)?;
    checker.context_error.map_or(Ok(table), Err)
}

/// Features `from __future__ import` accepts (all of them already on, or harmless, in 3.11).
const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

fn is_future_import(stmt: &Stmt) -> bool {
    matches!(&stmt.kind, StmtKind::ImportFrom { module: Some(m), level: 0, .. } if &*m.name == "__future__")
}

/// Whether module `body` starts with `from __future__ import feature`.
pub fn imports_future(body: &[Stmt], feature: &str) -> bool {
    body.iter()
        .skip_while(|stmt| !is_future_import(stmt))
        .take_while(|stmt| is_future_import(stmt))
        .any(|stmt| {
            matches!(&stmt.kind, StmtKind::ImportFrom { names, .. }
                if names.iter().any(|a| &*a.name.name == feature))
        })
}

/// `from __future__ import …` must come first (after a docstring) and name a known feature.
fn check_future_imports(body: &[Stmt]) -> Result<(), SyntaxError> {
    let mut at_start = true;
    for (i, stmt) in body.iter().enumerate() {
        if !is_future_import(stmt) {
            let docstring = i == 0
                && matches!(&stmt.kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::Constant(Constant::Str(_))));
            at_start &= docstring;
            continue;
        }
        if !at_start {
            return Err(SyntaxError::new(
                "from __future__ imports must occur at the beginning of the file",
                stmt.span,
            ));
        }
        let StmtKind::ImportFrom { names, .. } = &stmt.kind else {
            continue;
        };
        if names.is_empty() {
            return Err(SyntaxError::new(
                "future feature * is not defined",
                stmt.span,
            ));
        }
        for alias in names {
            let name = &*alias.name.name;
            if name == "braces" {
                return Err(SyntaxError::new("not a chance", alias.name.span));
            }
            if !FUTURE_FEATURES.contains(&name) {
                return Err(SyntaxError::new(
                    format!("future feature {name} is not defined"),
                    alias.name.span,
                ));
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(&'static str),
}

/// What one scope binds, declares and uses; the symbol table is built from these.
#[derive(Debug)]
pub(super) struct Scope {
    pub(super) kind: ScopeKind,
    is_async: bool,
    /// The node that opened the scope (the module's is empty).
    pub(super) span: Span,
    pub(super) parent: Option<usize>,
    pub(super) bound: HashSet<Rc<str>>,
    /// Bound names in the order first bound (parameters first).
    pub(super) order: Vec<Rc<str>>,
    pub(super) globals: HashSet<Rc<str>>,
    pub(super) nonlocals: Vec<Ident>,
    params: HashSet<Rc<str>>,
    /// Names seen so far and whether the first sighting assigned them.
    pub(super) seen: HashMap<Rc<str>, bool>,
    loops: u32,
    /// Inside an `except*` clause's body: how many loops were open when it began (a `break` or
    /// `continue` may leave only loops opened inside it, and `return` nothing).
    except_star_loops: Option<u32>,
    pub(super) id: usize,
}

impl Scope {
    fn new(kind: ScopeKind, is_async: bool, span: Span) -> Scope {
        Scope {
            kind,
            is_async,
            span,
            parent: None,
            bound: HashSet::new(),
            order: Vec::new(),
            globals: HashSet::new(),
            nonlocals: Vec::new(),
            params: HashSet::new(),
            seen: HashMap::new(),
            loops: 0,
            except_star_loops: None,
            id: 0,
        }
    }
}

const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

#[derive(Default)]
struct Checker {
    scopes: Vec<Scope>,
    finished: Vec<Scope>,
    next_id: usize,
    scope_error: Option<SyntaxError>,
    context_error: Option<SyntaxError>,
}

/// Whether a function body yields (which makes an `async def` an async generator).
pub(crate) fn body_yields(body: &[Stmt]) -> bool {
    let mut found = false;
    let mut stack: Vec<&Stmt> = body.iter().collect();
    while let Some(s) = stack.pop() {
        if found {
            break;
        }
        match &s.kind {
            StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => continue,
            kind => {
                for_each_stmt_expr(kind, &mut |e| found |= expr_yields(e));
                for_each_child_block(kind, &mut |b| stack.extend(b.iter()));
            }
        }
    }
    found
}

fn expr_yields(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => true,
        ExprKind::Lambda(..)
        | ExprKind::ListComp(..)
        | ExprKind::SetComp(..)
        | ExprKind::DictComp(..)
        | ExprKind::GeneratorExp(..) => false,
        kind => {
            let mut found = false;
            kind.for_each_child(|c| found |= expr_yields(c));
            found
        }
    }
}

/// Calls `f` on the expressions a statement holds directly (not those of nested blocks).
fn for_each_stmt_expr<'a>(kind: &'a StmtKind, f: &mut impl FnMut(&'a Expr)) {
    match kind {
        StmtKind::Expr(e) => f(e),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(&mut *f);
            f(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            f(target);
            f(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            f(target);
            f(annotation);
            value.iter().for_each(f);
        }
        StmtKind::Delete(targets) => targets.iter().for_each(f),
        StmtKind::Return(e) => e.iter().for_each(f),
        StmtKind::Raise { exc, cause } => exc.iter().chain(cause).for_each(f),
        StmtKind::Assert { test, msg } => {
            f(test);
            msg.iter().for_each(f);
        }
        StmtKind::If { test, .. } | StmtKind::While { test, .. } => f(test),
        StmtKind::For { target, iter, .. } => {
            f(target);
            f(iter);
        }
        StmtKind::With { items, .. } => {
            for item in items {
                f(&item.context);
                item.target.iter().for_each(&mut *f);
            }
        }
        StmtKind::Try { handlers, .. } => {
            handlers.iter().filter_map(|h| h.typ.as_ref()).for_each(f)
        }
        StmtKind::FunctionDef(d) => {
            d.decorators.iter().for_each(&mut *f);
            d.params
                .all()
                .filter_map(|p| p.default.as_ref())
                .for_each(&mut *f);
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().for_each(&mut *f);
            c.bases.iter().for_each(&mut *f);
            c.keywords.iter().for_each(|k| f(&k.value));
        }
        StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => {}
    }
}

/// Calls `f` on each nested block of a compound statement (function and class bodies too).
fn for_each_child_block<'a>(kind: &'a StmtKind, f: &mut impl FnMut(&'a [Stmt])) {
    match kind {
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => {
            f(body);
            f(orelse);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            f(body);
            handlers.iter().for_each(|h| f(&h.body));
            f(orelse);
            f(finalbody);
        }
        StmtKind::With { body, .. } => f(body),
        StmtKind::FunctionDef(d) => f(&d.body),
        StmtKind::ClassDef(c) => f(&c.body),
        _ => {}
    }
}

impl Checker {
    fn scope(&mut self) -> &mut Scope {
        let last = self.scopes.len() - 1;
        &mut self.scopes[last]
    }

    fn scope_fail(&mut self, message: String, span: Span) {
        self.scope_error
            .get_or_insert_with(|| SyntaxError::new(message, span));
    }

    fn context_fail(&mut self, message: impl Into<String>, span: Span) {
        self.context_error
            .get_or_insert_with(|| SyntaxError::new(message, span));
    }

    fn open_scope(&mut self, kind: ScopeKind, is_async: bool, span: Span) {
        let mut scope = Scope::new(kind, is_async, span);
        self.next_id += 1;
        scope.id = self.next_id;
        scope.parent = self.scopes.last().map(|s| s.id);
        self.scopes.push(scope);
    }

    fn close_scope(&mut self) {
        if let Some(scope) = self.scopes.pop() {
            self.finished.push(scope);
        }
    }

    /// The nearest scope that is not a comprehension (where `await`, `yield` and `return` count).
    fn function_scope(&self) -> &Scope {
        self.scopes
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, ScopeKind::Comprehension(_)))
            .unwrap_or(&self.scopes[0])
    }

    fn bind(&mut self, name: &Rc<str>) {
        let scope = self.scope();
        if scope.bound.insert(name.clone()) {
            scope.order.push(name.clone());
        }
        scope.seen.entry(name.clone()).or_insert(true);
    }

    fn use_name(&mut self, name: &Rc<str>) {
        let scope = self.scope();
        scope.seen.entry(name.clone()).or_insert(false);
        // A zero-argument `super()` reads the class being defined from the `__class__` cell.
        if &**name == "super" && scope.kind == ScopeKind::Function {
            scope.seen.entry(Rc::from("__class__")).or_insert(false);
        }
    }

    fn block(&mut self, body: &[Stmt]) {
        for stmt in body {
            self.stmt(stmt);
        }
    }

    fn in_async_function(&self) -> bool {
        let f = self.function_scope();
        f.kind == ScopeKind::Function && f.is_async
    }

    fn stmt(&mut self, stmt: &Stmt) {
        let span = stmt.span;
        match &stmt.kind {
            StmtKind::Expr(e) => self.value(e),
            StmtKind::Assign { targets, value } => {
                self.value(value);
                targets.iter().for_each(|t| self.target(t));
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.value(value);
                self.target(target);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.value(annotation);
                if let Some(v) = value {
                    self.value(v);
                }
                self.target(target);
            }
            StmtKind::Delete(targets) => targets.iter().for_each(|t| self.target(t)),
            StmtKind::ImportFrom { .. } if is_future_import(stmt) && self.scopes.len() > 1 => {
                self.context_fail(
                    "from __future__ imports must occur at the beginning of the file",
                    span,
                );
            }
            StmtKind::Pass | StmtKind::Import(_) | StmtKind::ImportFrom { .. } => {
                self.imports(&stmt.kind)
            }
            StmtKind::Break | StmtKind::Continue => {
                let scope = self.scope();
                if scope.except_star_loops == Some(scope.loops) {
                    self.context_fail(EXCEPT_STAR_EXIT, span);
                } else if scope.loops == 0 {
                    match stmt.kind {
                        StmtKind::Break => self.context_fail("'break' outside loop", span),
                        _ => self.context_fail("'continue' not properly in loop", span),
                    }
                }
            }
            StmtKind::Return(value) => {
                let f = self.function_scope();
                if !matches!(f.kind, ScopeKind::Function) {
                    self.context_fail("'return' outside function", span);
                } else if self.scope().except_star_loops.is_some() {
                    self.context_fail(EXCEPT_STAR_EXIT, span);
                }
                if let Some(v) = value {
                    self.value(v);
                }
            }
            StmtKind::Raise { exc, cause } => exc.iter().chain(cause).for_each(|e| self.value(e)),
            StmtKind::Global(names) => self.declare(names, true),
            StmtKind::Nonlocal(names) => {
                if self.scope().kind == ScopeKind::Module {
                    self.scope_fail(
                        "nonlocal declaration not allowed at module level".into(),
                        span,
                    );
                }
                self.declare(names, false);
            }
            StmtKind::Assert { test, msg } => {
                self.value(test);
                if let Some(m) = msg {
                    self.value(m);
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.value(test);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.value(test);
                self.loop_body(body);
                self.block(orelse);
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async && !self.in_async_function() {
                    self.context_fail("'async for' outside async function", span);
                }
                self.value(iter);
                self.target(target);
                self.loop_body(body);
                self.block(orelse);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                self.block(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.value(t);
                    }
                    if let Some(n) = &h.name {
                        self.bind(&n.name);
                    }
                    let outer = self.scope().except_star_loops;
                    if *is_star {
                        self.scope().except_star_loops = Some(self.scope().loops);
                    }
                    self.block(&h.body);
                    self.scope().except_star_loops = outer;
                }
                self.block(orelse);
                self.block(finalbody);
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async && !self.in_async_function() {
                    self.context_fail("'async with' outside async function", span);
                }
                for item in items {
                    self.value(&item.context);
                    if let Some(t) = &item.target {
                        self.target(t);
                    }
                }
                self.block(body);
            }
            StmtKind::FunctionDef(def) => self.function(def, span),
            StmtKind::ClassDef(class) => {
                class.decorators.iter().for_each(|d| self.value(d));
                class.bases.iter().for_each(|b| self.element(b));
                class.keywords.iter().for_each(|k| self.value(&k.value));
                self.bind(&class.name.name);
                self.open_scope(ScopeKind::Class, false, stmt.span);
                self.block(&class.body);
                self.close_scope();
            }
        }
    }

    fn imports(&mut self, kind: &StmtKind) {
        let aliases = match kind {
            StmtKind::Import(a) | StmtKind::ImportFrom { names: a, .. } => a,
            _ => return,
        };
        for alias in aliases {
            let bound = match &alias.asname {
                Some(n) => n.name.clone(),
                None => Rc::from(alias.name.name.split('.').next().unwrap_or_default()),
            };
            self.bind(&bound);
        }
    }

    fn loop_body(&mut self, body: &[Stmt]) {
        self.scope().loops += 1;
        self.block(body);
        self.scope().loops -= 1;
    }

    fn declare(&mut self, names: &[Ident], global: bool) {
        let word = if global { "global" } else { "nonlocal" };
        for name in names {
            let scope = self.scope();
            let n = &name.name;
            let message = if scope.params.contains(n) {
                Some(format!("name '{n}' is parameter and {word}"))
            } else if scope.globals.contains(n) && !global
                || scope.nonlocals.iter().any(|x| x.name == *n) && global
            {
                Some(format!("name '{n}' is nonlocal and global"))
            } else {
                match scope.seen.get(n) {
                    Some(true) => Some(format!(
                        "name '{n}' is assigned to before {word} declaration"
                    )),
                    Some(false) => Some(format!("name '{n}' is used prior to {word} declaration")),
                    None => None,
                }
            };
            if let Some(m) = message {
                self.scope_fail(m, name.span);
            }
            let scope = self.scope();
            if global {
                scope.globals.insert(n.clone());
            } else {
                scope.nonlocals.push(name.clone());
            }
        }
    }

    fn function(&mut self, def: &FunctionDef, span: Span) {
        def.decorators.iter().for_each(|d| self.value(d));
        self.defaults_and_annotations(&def.params);
        if let Some(r) = &def.returns {
            self.value(r);
        }
        self.bind(&def.name.name);
        self.open_scope(ScopeKind::Function, def.is_async, span);
        self.params(&def.params);
        if def.is_async && body_yields(&def.body) {
            self.async_generator_returns(&def.body);
        }
        self.block(&def.body);
        self.close_scope();
    }

    fn async_generator_returns(&mut self, body: &[Stmt]) {
        let mut stack: Vec<&Stmt> = body.iter().collect();
        while let Some(s) = stack.pop() {
            match &s.kind {
                StmtKind::Return(Some(_)) => {
                    self.context_fail("'return' with value in async generator", s.span);
                    return;
                }
                StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => {}
                kind => for_each_child_block(kind, &mut |b| stack.extend(b.iter().rev())),
            }
        }
    }

    fn defaults_and_annotations(&mut self, params: &Parameters) {
        for p in params.all() {
            if let Some(d) = &p.default {
                self.value(d);
            }
            if let Some(a) = &p.annotation {
                self.element(a);
            }
        }
    }

    fn params(&mut self, params: &Parameters) {
        for p in params.all() {
            let name = &p.name.name;
            if self.scope().params.contains(name) {
                self.scope_fail(
                    format!("duplicate argument '{name}' in function definition"),
                    p.name.span,
                );
            }
            self.scope().params.insert(name.clone());
            self.bind(name);
        }
    }

    /// An expression whose value is used: a bare starred expression is not allowed here.
    fn value(&mut self, e: &Expr) {
        if let ExprKind::Starred(_) = e.kind {
            self.context_fail("can't use starred expression here", e.span);
        }
        self.expr(e);
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n),
            ExprKind::Starred(_) => self.context_fail(
                "starred assignment target must be in a list or tuple",
                t.span,
            ),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let stars = items
                    .iter()
                    .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                    .count();
                if stars > 1 {
                    self.context_fail("multiple starred expressions in assignment", t.span);
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.target(inner),
                        _ => self.target(item),
                    }
                }
            }
            _ => self.expr(t),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Await(_) => {
                let f = self.function_scope();
                match f.kind {
                    ScopeKind::Module | ScopeKind::Class if !self.in_comprehension() => {
                        self.context_fail("'await' outside function", e.span)
                    }
                    _ if self.in_comprehension()
                        && !self.scopes.last().is_some_and(|s| s.is_async) =>
                    {
                        self.context_fail(
                            "asynchronous comprehension outside of an asynchronous function",
                            e.span,
                        )
                    }
                    _ if self.in_comprehension() => {}
                    ScopeKind::Function if f.is_async => {}
                    _ => self.context_fail("'await' outside async function", e.span),
                }
                e.kind.for_each_child(|c| self.expr(c));
            }
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                if let Some(ScopeKind::Comprehension(what)) = self.scopes.last().map(|s| s.kind) {
                    self.scope_fail(format!("'yield' inside {what}"), e.span);
                }
                let f = self.function_scope();
                if matches!(f.kind, ScopeKind::Module | ScopeKind::Class) {
                    self.context_fail("'yield' outside function", e.span);
                } else if matches!(e.kind, ExprKind::YieldFrom(_)) && f.is_async {
                    self.context_fail("'yield from' inside async function", e.span);
                }
                e.kind.for_each_child(|c| self.value(c));
            }
            ExprKind::NamedExpr(target, value) => {
                self.value(value);
                if let ExprKind::Name(n) = &target.kind {
                    let index = self
                        .scopes
                        .iter()
                        .rposition(|s| !matches!(s.kind, ScopeKind::Comprehension(_)))
                        .unwrap_or(0);
                    if self.scopes[index].bound.insert(n.clone()) {
                        self.scopes[index].order.push(n.clone());
                    }
                }
            }
            ExprKind::Lambda(params, body) => {
                self.defaults_and_annotations(params);
                self.open_scope(ScopeKind::Lambda, false, e.span);
                self.params(params);
                self.value(body);
                self.close_scope();
            }
            ExprKind::ListComp(elt, gens) => {
                self.comprehension("list comprehension", &[elt], gens, e.span)
            }
            ExprKind::SetComp(elt, gens) => {
                self.comprehension("set comprehension", &[elt], gens, e.span)
            }
            ExprKind::GeneratorExp(elt, gens) => {
                self.comprehension("generator expression", &[elt], gens, e.span);
            }
            ExprKind::DictComp(kv, gens) => {
                self.comprehension("dict comprehension", &[&kv.0, &kv.1], gens, e.span)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.value(func);
                args.iter().for_each(|a| self.element(a));
                let mut names = HashSet::new();
                for k in keywords {
                    self.value(&k.value);
                    if let Some(n) = &k.name {
                        if !names.insert(n.name.clone()) {
                            self.context_fail(
                                format!("keyword argument repeated: {}", n.name),
                                k.span,
                            );
                        }
                    }
                }
            }
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                items.iter().for_each(|i| self.element(i))
            }
            ExprKind::Subscript(value, index) => {
                self.value(value);
                match &index.kind {
                    ExprKind::Tuple(items) => items.iter().for_each(|i| self.element(i)),
                    _ => self.value(index),
                }
            }
            ExprKind::Starred(inner) => self.value(inner),
            kind => kind.for_each_child(|c| self.value(c)),
        }
    }

    /// An element of a display or call, where `*x` is allowed.
    fn element(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Starred(inner) => self.value(inner),
            _ => self.value(e),
        }
    }

    fn in_comprehension(&self) -> bool {
        matches!(
            self.scopes.last().map(|s| s.kind),
            Some(ScopeKind::Comprehension(_))
        )
    }

    fn comprehension(
        &mut self,
        what: &'static str,
        elts: &[&Expr],
        gens: &[Comprehension],
        span: Span,
    ) {
        let Some((first, rest)) = gens.split_first() else {
            return;
        };
        self.value(&first.iter);
        // A generator expression may be asynchronous anywhere: it makes an async generator.
        let outer_async = self.in_async_function() || what == "generator expression";
        self.open_scope(ScopeKind::Comprehension(what), outer_async, span);
        for (i, g) in gens.iter().enumerate() {
            if g.is_async && !outer_async {
                self.context_fail(
                    "asynchronous comprehension outside of an asynchronous function",
                    g.iter.span,
                );
            }
            if i > 0 {
                self.value(&rest[i - 1].iter);
            }
            self.target(&g.target);
            g.ifs.iter().for_each(|c| self.value(c));
        }
        elts.iter().for_each(|e| self.value(e));
        self.close_scope();
    }
}
