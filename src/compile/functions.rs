//! Compiling the constructs that make code objects of their own: `def` (with decorators and all
//! five parameter kinds), `lambda`, comprehensions and generator expressions, and `class` bodies.

use std::collections::HashMap;
use std::rc::Rc;

use super::bytecode::{Const, Op, NO_KEYWORDS};
use super::compiler::{unsupported, Compiler, Result, Unit, UnitKind};
use crate::syntax::ast::*;
use crate::syntax::Span;

/// What a function's code is made from.
enum Body<'a> {
    /// A `def`'s statements, and its return annotation.
    Block(&'a [Stmt], Option<&'a Expr>),
    Lambda(&'a Expr),
    Comprehension(Comp<'a>, &'a [Comprehension]),
}

/// The element of a comprehension, by the kind of result it builds.
#[derive(Clone, Copy)]
pub(super) enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Generator(&'a Expr),
}

/// The deref slot of each cell and free variable (cells first), as frames hold them.
fn deref_slots(cellvars: &[Rc<str>], freevars: &[Rc<str>]) -> HashMap<Rc<str>, u32> {
    cellvars
        .iter()
        .chain(freevars)
        .enumerate()
        .map(|(i, n)| (n.clone(), i as u32))
        .collect()
}

/// `MakeFunction`'s flag for a dict of keyword-only defaults on the stack.
pub const HAS_KWDEFAULTS: u32 = 1 << 16;
/// `MakeFunction`'s flag for a dict of annotations on the stack (above the defaults).
pub const HAS_ANNOTATIONS: u32 = 1 << 17;

impl<'a> Compiler<'a> {
    /// The qualified name of something named `name` defined in the unit being compiled.
    fn qualname(&self, name: &str) -> Rc<str> {
        match self.unit.kind {
            UnitKind::Module => Rc::from(name),
            UnitKind::Class => Rc::from(format!("{}.{name}", self.unit.qualname)),
            UnitKind::Function => Rc::from(format!("{}.<locals>.{name}", self.unit.qualname)),
        }
    }

    /// Evaluates decorators, runs `make`, applies the decorators innermost first, stores `name`.
    fn decorated(
        &mut self,
        decorators: &'a [Expr],
        name: &Rc<str>,
        make: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<()> {
        for d in decorators {
            self.expr(d)?;
        }
        make(self)?;
        for d in decorators.iter().rev() {
            self.at(d.span);
            self.emit(Op::Call(1));
        }
        self.store(name);
        Ok(())
    }

    pub(super) fn function(&mut self, def: &'a FunctionDef, span: Span) -> Result<()> {
        let name = def.name.name.clone();
        self.decorated(&def.decorators, &name, |c| {
            let body = Body::Block(&def.body, def.returns.as_ref());
            c.make_function(&name, span, Some(&def.params), body, def.is_async)
        })
    }

    pub(super) fn lambda(
        &mut self,
        params: &'a Parameters,
        body: &'a Expr,
        span: Span,
    ) -> Result<()> {
        self.make_function("<lambda>", span, Some(params), Body::Lambda(body), false)
    }

    /// Evaluates a function's default values: the positional ones, then a dict of the
    /// keyword-only ones (flagged in `flags`).
    fn defaults(&mut self, p: &'a Parameters, flags: &mut u32) -> Result<()> {
        for param in p.posonly.iter().chain(&p.args) {
            if let Some(d) = &param.default {
                self.expr(d)?;
                *flags += 1;
            }
        }
        if p.kwonly.iter().any(|k| k.default.is_some()) {
            let mut n = 0;
            for param in &p.kwonly {
                if let Some(d) = &param.default {
                    self.load_const(Const::Str(param.name.name.clone()));
                    self.expr(d)?;
                    n += 1;
                }
            }
            self.emit(Op::BuildMap(n));
            *flags |= HAS_KWDEFAULTS;
        }
        Ok(())
    }

    /// Evaluates a function's annotations into a dict (parameter name or `return` to value),
    /// flagged in `flags`, when it has any.
    fn annotations(
        &mut self,
        p: &'a Parameters,
        returns: Option<&'a Expr>,
        flags: &mut u32,
    ) -> Result<()> {
        let named = p
            .all()
            .filter_map(|param| Some((param.name.name.clone(), param.annotation.as_ref()?)));
        let all: Vec<(Rc<str>, &Expr)> = named
            .chain(returns.map(|r| (Rc::from("return"), r)))
            .collect();
        if all.is_empty() {
            return Ok(());
        }
        for (name, annotation) in &all {
            self.load_const(Const::Str(name.clone()));
            self.annotation(annotation)?;
        }
        self.emit(Op::BuildMap(all.len() as u32));
        *flags |= HAS_ANNOTATIONS;
        Ok(())
    }

    /// Compiles a function body into its own code object and leaves the function on the stack:
    /// defaults are evaluated here, then the cells it closes over are pushed. An `async def`'s
    /// (`is_async`) makes a coroutine when called.
    fn make_function(
        &mut self,
        name: &str,
        span: Span,
        params: Option<&'a Parameters>,
        body: Body<'a>,
        is_async: bool,
    ) -> Result<()> {
        let no_parameters = Parameters::default();
        let mut flags = 0;
        if let Some(p) = params {
            self.defaults(p, &mut flags)?;
            let returns = match body {
                Body::Block(_, returns) => returns,
                _ => None,
            };
            self.annotations(p, returns, &mut flags)?;
        }
        let p = params.unwrap_or(&no_parameters);
        let symbols = self.symbols.scope(span);
        let locals = symbols.map(|s| s.locals.clone()).unwrap_or_default();
        let cellvars = symbols.map(|s| s.cells.clone()).unwrap_or_default();
        let freevars = symbols.map(|s| s.free.clone()).unwrap_or_default();
        let mut varnames: Vec<Rc<str>> = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.kwonly)
            .chain(&p.vararg)
            .chain(&p.kwarg)
            .map(|param| param.name.name.clone())
            .collect();
        if matches!(body, Body::Comprehension(..)) {
            varnames.insert(0, Rc::from(".0"));
        }
        for local in locals {
            if !varnames.contains(&local) {
                varnames.push(local);
            }
        }
        let first_line = self.line_of(span);
        let qualname = self.qualname(name);
        let outer = std::mem::replace(
            &mut self.unit,
            Unit::new(name, qualname, first_line, UnitKind::Function),
        );
        self.unit.locals = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect::<HashMap<_, _>>();
        self.unit.derefs = deref_slots(&cellvars, &freevars);
        self.unit.varnames = varnames;
        self.unit.argcount = (p.posonly.len() + p.args.len()) as u32;
        self.unit.posonlycount = p.posonly.len() as u32;
        self.unit.kwonlycount = p.kwonly.len() as u32;
        self.unit.varargs = p.vararg.is_some();
        self.unit.varkw = p.kwarg.is_some();
        self.unit.cellvars = cellvars;
        self.unit.freevars = freevars.clone();
        self.unit.is_coroutine = is_async;
        let compiled = match body {
            Body::Block(stmts, _) => {
                self.unit.is_generator = crate::syntax::check::body_yields(stmts);
                self.unit.doc = docstring(stmts);
                self.block(stmts).map(|()| self.load_none())
            }
            Body::Lambda(e) => {
                self.unit.is_generator =
                    matches!(e.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_));
                self.expr(e)
            }
            Body::Comprehension(kind, gens) => {
                self.unit.argcount = 1;
                self.unit.is_generator = matches!(kind, Comp::Generator(_));
                // A generator expression with an `async for` is an async generator. The other
                // comprehensions run in the awaiting task's frames as they are: their awaits
                // suspend the task like any frame's.
                self.unit.is_coroutine = self.unit.is_generator && gens.iter().any(|g| g.is_async);
                self.comprehension_body(kind, gens)
            }
        };
        self.emit(Op::Return);
        self.make_nested(outer, compiled, &freevars, span, flags)
    }

    /// Finishes the nested code object being compiled, returns to the `outer` unit, and there
    /// makes the function from it (closing over `freevars`, with `MakeFunction`'s `flags`).
    fn make_nested(
        &mut self,
        outer: Unit<'a>,
        compiled: Result<()>,
        freevars: &[Rc<str>],
        span: Span,
        flags: u32,
    ) -> Result<()> {
        let code = self.finish();
        self.unit = outer;
        compiled?;
        self.at(span);
        self.load_closure(freevars, span)?;
        let c = self.constant(Const::Code(Rc::new(code)));
        self.emit(Op::MakeFunction(c, flags));
        Ok(())
    }

    /// Pushes the cells of the enclosing unit that a new function or class body closes over.
    fn load_closure(&mut self, freevars: &[Rc<str>], span: Span) -> Result<()> {
        for free in freevars {
            match self.unit.derefs.get(free) {
                Some(&d) => self.emit(Op::LoadClosure(d)),
                None => return unsupported("a closure over this name", span),
            };
        }
        Ok(())
    }

    /// The body of a comprehension's function: the result, then one loop per `for` clause (the
    /// outermost over the iterator passed in as `.0`), the element added innermost.
    fn comprehension_body(&mut self, kind: Comp<'a>, gens: &'a [Comprehension]) -> Result<()> {
        match kind {
            Comp::List(_) => {
                self.emit(Op::BuildList(0));
            }
            Comp::Set(_) => {
                self.emit(Op::BuildSet(0));
            }
            Comp::Dict(..) => {
                self.emit(Op::BuildMap(0));
            }
            Comp::Generator(_) => {}
        }
        let mut exits = Vec::new();
        let container = u32::from(!matches!(kind, Comp::Generator(_)));
        for (depth, g) in gens.iter().enumerate() {
            if depth == 0 {
                self.emit(Op::LoadFast(0));
            } else {
                self.expr(&g.iter)?;
                self.emit(if g.is_async {
                    Op::GetAIter
                } else {
                    Op::GetIter
                });
            }
            let start = self.here();
            let exit = if g.is_async {
                // The container and the iterators so far, this one included, are operands.
                let operands = container + depth as u32 + 1;
                self.async_next_item(start, operands)
            } else {
                self.emit(Op::ForIter(0))
            };
            self.target(&g.target)?;
            for cond in &g.ifs {
                for jump in self.jump_unless(cond)? {
                    self.patch_to(jump, start);
                }
            }
            exits.push((start, exit));
        }
        let depth = gens.len() as u32 + 1;
        match kind {
            Comp::List(elt) => {
                self.expr(elt)?;
                self.emit(Op::ListAppend(depth));
            }
            Comp::Set(elt) => {
                self.expr(elt)?;
                self.emit(Op::SetAdd(depth));
            }
            Comp::Dict(key, value) => {
                self.expr(key)?;
                self.expr(value)?;
                self.emit(Op::MapAdd(depth));
            }
            Comp::Generator(elt) => {
                self.expr(elt)?;
                self.emit(Op::Yield);
                self.emit(Op::Pop);
            }
        }
        for (start, exit) in exits.into_iter().rev() {
            self.emit(Op::Jump(start));
            self.patch(exit);
        }
        if matches!(kind, Comp::Generator(_)) {
            self.load_none();
        }
        Ok(())
    }

    /// A comprehension: a function made and called at once on the outermost iterable.
    pub(super) fn comprehension(
        &mut self,
        kind: Comp<'a>,
        gens: &'a [Comprehension],
        span: Span,
    ) -> Result<()> {
        let Some(first) = gens.first() else {
            return unsupported("an empty comprehension", span);
        };
        let name = match kind {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Generator(_) => "<genexpr>",
        };
        self.make_function(name, span, None, Body::Comprehension(kind, gens), false)?;
        self.expr(&first.iter)?;
        self.emit(if first.is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.at(span);
        self.emit(Op::Call(1));
        Ok(())
    }

    /// `class Name(bases): body`: the body runs as a function filling a namespace; the class is
    /// made from it, then decorated and stored.
    pub(super) fn class(&mut self, class: &'a ClassDef, span: Span) -> Result<()> {
        if let Some(k) = class.keywords.iter().find(|k| k.name.is_none()) {
            return unsupported("'**' in a class's keywords", k.span);
        }
        if let Some(b) = class
            .bases
            .iter()
            .find(|b| matches!(b.kind, ExprKind::Starred(_)))
        {
            return unsupported("'*' in a class's bases", b.span);
        }
        let name = class.name.name.clone();
        self.decorated(&class.decorators, &name, |c| c.class_body(class, span))
    }

    fn class_body(&mut self, class: &'a ClassDef, span: Span) -> Result<()> {
        let name = class.name.name.clone();
        let symbols = self.symbols.scope(span);
        let bound = symbols.map(|s| s.locals.clone()).unwrap_or_default();
        let cellvars = symbols.map(|s| s.cells.clone()).unwrap_or_default();
        let freevars = symbols.map(|s| s.free.clone()).unwrap_or_default();
        let first_line = self.line_of(span);
        let qualname = self.qualname(&name);
        let outer = std::mem::replace(
            &mut self.unit,
            Unit::new(&name, qualname.clone(), first_line, UnitKind::Class),
        );
        self.unit.class_names = bound.into_iter().collect();
        self.unit.varnames = vec![Rc::from(".namespace")];
        self.unit.argcount = 1;
        self.unit.derefs = deref_slots(&cellvars, &freevars);
        let class_cell = cellvars.iter().position(|c| &**c == "__class__");
        self.unit.cellvars = cellvars;
        self.unit.freevars = freevars.clone();
        let module_name = self.name(&Rc::from("__name__"));
        self.emit(Op::LoadGlobal(module_name));
        let i = self.name(&Rc::from("__module__"));
        self.emit(Op::StoreName(i));
        self.load_const(Const::Str(qualname.clone()));
        let i = self.name(&Rc::from("__qualname__"));
        self.emit(Op::StoreName(i));
        // Every class's namespace has `__doc__`: its docstring, or `None`.
        match docstring(&class.body) {
            Some(doc) => self.load_const(Const::Str(doc)),
            None => self.load_none(),
        }
        let i = self.name(&Rc::from("__doc__"));
        self.emit(Op::StoreName(i));
        if class.body.iter().any(has_annotation) {
            self.emit(Op::BuildMap(0));
            let i = self.name(&Rc::from("__annotations__"));
            self.emit(Op::StoreName(i));
        }
        let compiled = self.block(&class.body);
        match class_cell {
            Some(c) => {
                self.emit(Op::LoadClosure(c as u32));
            }
            None => self.load_none(),
        }
        self.emit(Op::Return);
        self.make_nested(outer, compiled, &freevars, span, 0)?;
        self.load_const(Const::Str(name));
        for b in &class.bases {
            self.expr(b)?;
        }
        let mut names = Vec::with_capacity(class.keywords.len());
        for k in &class.keywords {
            self.expr(&k.value)?;
            names.extend(k.name.as_ref().map(|n| n.name.clone()));
        }
        self.at(span);
        let names = match names.is_empty() {
            true => NO_KEYWORDS,
            false => self.constant(Const::KwNames(names.into())),
        };
        let argc = (class.bases.len() + class.keywords.len()) as u32;
        self.emit(Op::BuildClass(argc, names));
        Ok(())
    }
}

/// The docstring of a function or class body: its first statement, when that is a string
/// literal.
fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match &body.first()?.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        }) => Some(s.clone()),
        _ => None,
    }
}

/// Whether `stmt` is, or holds in its blocks (not in functions or classes), an annotated name.
fn has_annotation(stmt: &Stmt) -> bool {
    match &stmt.kind {
        StmtKind::AnnAssign { simple, target, .. } => {
            *simple && matches!(target.kind, ExprKind::Name(_))
        }
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => body.iter().chain(orelse).any(has_annotation),
        StmtKind::With { body, .. } => body.iter().any(has_annotation),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => body
            .iter()
            .chain(handlers.iter().flat_map(|h| &h.body))
            .chain(orelse)
            .chain(finalbody)
            .any(has_annotation),
        _ => false,
    }
}
