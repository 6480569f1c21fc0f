//! Compiles a checked module to code objects. Locals live in slots assigned by the symbol table;
//! module-level names are globals. Constructs the VM does not run yet are refused here, at compile
//! time, with a `NotImplementedError` that names them and points at their source.

use std::collections::HashMap;
use std::rc::Rc;

use super::bytecode::{Code, Const, Handler, Op};
use crate::syntax::ast::*;
use crate::syntax::symtable::SymbolTable;
use crate::syntax::IntLit;
use crate::syntax::{ErrorKind, Span, SyntaxError};

type Result<T> = std::result::Result<T, SyntaxError>;

fn unsupported<T>(what: &str, span: Span) -> Result<T> {
    Err(SyntaxError::with_kind(
        ErrorKind::NotImplementedError,
        format!("{what} is not supported yet"),
        span,
    ))
}

/// Compiles `module` (already checked; `symbols` is its symbol table) from file `filename`.
///
/// ```
/// let src = "x = 1\nprint(x + 2)\n";
/// let module = baton::syntax::parse_module(src).unwrap();
/// let symbols = baton::syntax::check::check_module(&module).unwrap();
/// let code = baton::compile::compile_module(&module, &symbols, "demo.py", src).unwrap();
/// assert!(code.to_string().contains("StoreGlobal"));
/// ```
pub fn compile_module(
    module: &Module,
    symbols: &SymbolTable,
    filename: &str,
    src: &str,
) -> Result<Rc<Code>> {
    let mut line_starts = vec![0];
    line_starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
    let mut compiler = Compiler {
        symbols,
        filename: Rc::from(filename),
        line_starts,
        unit: Unit::new("<module>", 1, HashMap::new()),
    };
    compiler.block(&module.body)?;
    let none = compiler.constant(Const::None);
    compiler.emit(Op::LoadConst(none));
    compiler.emit(Op::Return);
    Ok(Rc::new(compiler.finish()))
}

/// Where a name lives: a cell or free variable, a local slot, or the module's globals.
enum Place {
    Deref(u32),
    Fast(u32),
    Global(u32),
}

/// What a function's code is made from.
enum Body<'a> {
    Block(&'a [Stmt]),
    Lambda(&'a Expr),
    Comprehension(Comp<'a>, &'a [Comprehension]),
}

/// The element of a comprehension, by the kind of result it builds.
#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Dict(&'a Expr, &'a Expr),
}

struct Loop {
    start: u32,
    breaks: Vec<usize>,
    /// A `for` loop keeps its iterator on the stack, which `break` must pop.
    is_for: bool,
}

/// The code object being built.
struct Unit {
    name: Rc<str>,
    first_line: u32,
    ops: Vec<Op>,
    lines: Vec<u32>,
    consts: Vec<Const>,
    names: Vec<Rc<str>>,
    /// Local slots by name (empty at module level, where names are globals).
    locals: HashMap<Rc<str>, u32>,
    varnames: Vec<Rc<str>>,
    argcount: u32,
    /// Cell and free variables by name: their deref slot (cells first).
    derefs: HashMap<Rc<str>, u32>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    loops: Vec<Loop>,
    handlers: Vec<Handler>,
    /// Hidden local slots holding the exceptions of the `except` blocks being compiled,
    /// innermost last (a bare `raise` re-raises the last).
    caught: Vec<u32>,
    line: u32,
}

impl Unit {
    fn new(name: &str, first_line: u32, locals: HashMap<Rc<str>, u32>) -> Unit {
        Unit {
            name: Rc::from(name),
            first_line,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            locals,
            varnames: Vec::new(),
            argcount: 0,
            derefs: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            loops: Vec::new(),
            handlers: Vec::new(),
            caught: Vec::new(),
            line: first_line,
        }
    }
}

struct Compiler<'a> {
    symbols: &'a SymbolTable,
    filename: Rc<str>,
    line_starts: Vec<usize>,
    unit: Unit,
}

impl Compiler<'_> {
    fn finish(&mut self) -> Code {
        let unit = std::mem::replace(&mut self.unit, Unit::new("", 0, HashMap::new()));
        Code {
            name: unit.name,
            filename: self.filename.clone(),
            first_line: unit.first_line,
            ops: unit.ops,
            lines: unit.lines,
            consts: unit.consts,
            names: unit.names,
            cell_params: unit
                .cellvars
                .iter()
                .enumerate()
                .filter_map(|(c, name)| {
                    let p = unit.varnames[..unit.argcount as usize]
                        .iter()
                        .position(|v| v == name)?;
                    Some((c as u32, p as u32))
                })
                .collect(),
            varnames: unit.varnames,
            argcount: unit.argcount,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            handlers: unit.handlers,
        }
    }

    fn line_of(&self, span: Span) -> u32 {
        match self.line_starts.binary_search(&(span.start as usize)) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    fn at(&mut self, span: Span) {
        self.unit.line = self.line_of(span);
    }

    fn emit(&mut self, op: Op) -> usize {
        self.unit.ops.push(op);
        self.unit.lines.push(self.unit.line);
        self.unit.ops.len() - 1
    }

    fn here(&self) -> u32 {
        self.unit.ops.len() as u32
    }

    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let target = self.here();
        match &mut self.unit.ops[at] {
            Op::Jump(t)
            | Op::PopJumpIfFalse(t)
            | Op::PopJumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::ForIter(t) => *t = target,
            _ => {}
        }
    }

    fn constant(&mut self, c: Const) -> u32 {
        if let Some(i) = self
            .unit
            .consts
            .iter()
            .position(|k| *k == c && !matches!(k, Const::Code(_)))
        {
            return i as u32;
        }
        self.unit.consts.push(c);
        (self.unit.consts.len() - 1) as u32
    }

    fn name(&mut self, n: &Rc<str>) -> u32 {
        if let Some(i) = self.unit.names.iter().position(|k| k == n) {
            return i as u32;
        }
        self.unit.names.push(n.clone());
        (self.unit.names.len() - 1) as u32
    }

    /// Where name `n` lives in the code being compiled.
    fn place(&mut self, n: &Rc<str>) -> Place {
        if let Some(&d) = self.unit.derefs.get(n) {
            return Place::Deref(d);
        }
        match self.unit.locals.get(n) {
            Some(&slot) => Place::Fast(slot),
            None => Place::Global(self.name(n)),
        }
    }

    fn load_none(&mut self) {
        let none = self.constant(Const::None);
        self.emit(Op::LoadConst(none));
    }

    fn load(&mut self, n: &Rc<str>) {
        let op = match self.place(n) {
            Place::Deref(d) => Op::LoadDeref(d),
            Place::Fast(slot) => Op::LoadFast(slot),
            Place::Global(i) => Op::LoadGlobal(i),
        };
        self.emit(op);
    }

    fn store(&mut self, n: &Rc<str>) {
        let op = match self.place(n) {
            Place::Deref(d) => Op::StoreDeref(d),
            Place::Fast(slot) => Op::StoreFast(slot),
            Place::Global(i) => Op::StoreGlobal(i),
        };
        self.emit(op);
    }

    fn block(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<()> {
        self.at(stmt.span);
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => match &target.kind {
                ExprKind::Name(n) => {
                    self.load(n);
                    self.expr(value)?;
                    self.at(stmt.span);
                    self.emit(Op::InPlace(*op));
                    self.store(n);
                }
                ExprKind::Subscript(container, index) => {
                    self.expr(container)?;
                    self.subscript_index(index)?;
                    self.emit(Op::DupTwo);
                    self.emit(Op::BinarySubscr);
                    self.expr(value)?;
                    self.at(stmt.span);
                    self.emit(Op::InPlace(*op));
                    self.emit(Op::RotThree);
                    self.emit(Op::StoreSubscr);
                }
                _ => {
                    return unsupported(
                        &format!("augmented assignment to {}", target.describe()),
                        target.span,
                    )
                }
            },
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let to_else = self.emit(Op::PopJumpIfFalse(0));
                self.block(body)?;
                if orelse.is_empty() {
                    self.patch(to_else);
                } else {
                    let to_end = self.emit(Op::Jump(0));
                    self.patch(to_else);
                    self.block(orelse)?;
                    self.patch(to_end);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                self.expr(test)?;
                let exit = self.emit(Op::PopJumpIfFalse(0));
                self.loop_body(start, false, body)?;
                self.emit(Op::Jump(start));
                self.patch(exit);
                self.block(orelse)?;
                self.end_loop();
            }
            StmtKind::For {
                is_async: false,
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.emit(Op::GetIter);
                let start = self.here();
                let exit = self.emit(Op::ForIter(0));
                self.target(target)?;
                self.loop_body(start, true, body)?;
                self.emit(Op::Jump(start));
                self.patch(exit);
                self.block(orelse)?;
                self.end_loop();
            }
            StmtKind::Break => {
                let is_for = self.unit.loops.last().is_some_and(|l| l.is_for);
                if is_for {
                    self.emit(Op::Pop);
                }
                let jump = self.emit(Op::Jump(0));
                if let Some(l) = self.unit.loops.last_mut() {
                    l.breaks.push(jump);
                }
            }
            StmtKind::Continue => {
                let start = self.unit.loops.last().map_or(0, |l| l.start);
                self.emit(Op::Jump(start));
            }
            StmtKind::Return(value) => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.load_none();
                    }
                }
                self.emit(Op::Return);
            }
            StmtKind::FunctionDef(def) => self.function(def, stmt.span)?,
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let passed = self.emit(Op::PopJumpIfTrue(0));
                let error = self.constant(Const::Str(Rc::from("AssertionError")));
                self.emit(Op::LoadBuiltinException(error));
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.at(stmt.span);
                    self.emit(Op::Call(1));
                }
                self.at(stmt.span);
                self.emit(Op::Raise);
                self.patch(passed);
            }
            StmtKind::Raise { exc, cause } => {
                match exc {
                    Some(e) => self.expr(e)?,
                    None => match self.unit.caught.last() {
                        Some(&slot) => {
                            self.emit(Op::LoadFast(slot));
                        }
                        None => {
                            self.load_none();
                        }
                    },
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                    self.emit(Op::Pop);
                }
                self.at(stmt.span);
                self.emit(Op::Raise);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if *is_star {
                    return unsupported("'except*'", stmt.span);
                }
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, stmt.span)?;
                }
            }
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    if alias.name.name.contains('.') {
                        return unsupported("importing a dotted module name", alias.name.span);
                    }
                    let i = self.name(&alias.name.name);
                    self.emit(Op::ImportName(i));
                    self.store(&alias.asname.as_ref().unwrap_or(&alias.name).name);
                }
            }
            other => return unsupported(statement_name(other), stmt.span),
        }
        Ok(())
    }

    /// A new hidden local slot (for a caught exception).
    fn hidden_local(&mut self) -> u32 {
        let slot = self.unit.varnames.len() as u32;
        let name: Rc<str> = Rc::from(format!(".exception{slot}"));
        self.unit.varnames.push(name.clone());
        self.unit.locals.insert(name, slot);
        slot
    }

    /// Operand stack items live at this point of the function: the iterators of enclosing loops.
    fn stack_depth(&self) -> u32 {
        self.unit.loops.iter().filter(|l| l.is_for).count() as u32
    }

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
    ) -> Result<()> {
        let depth = self.stack_depth();
        let start = self.here();
        self.block(body)?;
        let end = self.here();
        self.block(orelse)?;
        let mut to_end = vec![self.emit(Op::Jump(0))];
        self.unit.handlers.push(Handler {
            start,
            end,
            target: self.here(),
            depth,
        });
        let slot = self.hidden_local();
        for handler in handlers {
            self.at(handler.span);
            let next = match &handler.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.at(handler.span);
                    self.emit(Op::CheckExcMatch);
                    Some(self.emit(Op::PopJumpIfFalse(0)))
                }
                None => None,
            };
            self.emit(Op::StoreFast(slot));
            if let Some(name) = &handler.name {
                self.emit(Op::LoadFast(slot));
                self.store(&name.name);
            }
            self.unit.caught.push(slot);
            let compiled = self.block(&handler.body);
            self.unit.caught.pop();
            compiled?;
            if let Some(name) = &handler.name {
                self.delete(&Expr::name(name.name.clone(), name.span))?;
            }
            to_end.push(self.emit(Op::Jump(0)));
            if let Some(next) = next {
                self.patch(next);
            }
        }
        self.emit(Op::Raise);
        to_end.into_iter().for_each(|j| self.patch(j));
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        span: Span,
    ) -> Result<()> {
        let protected = body
            .iter()
            .chain(handlers.iter().flat_map(|h| &h.body))
            .chain(orelse);
        if protected.clone().any(jumps_out) {
            return unsupported(
                "'return', 'break' or 'continue' inside a 'try' with 'finally'",
                span,
            );
        }
        let depth = self.stack_depth();
        let start = self.here();
        if handlers.is_empty() {
            self.block(body)?;
            self.block(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        let end = self.here();
        self.block(finalbody)?;
        let to_end = self.emit(Op::Jump(0));
        self.unit.handlers.push(Handler {
            start,
            end,
            target: self.here(),
            depth,
        });
        let slot = self.hidden_local();
        self.emit(Op::StoreFast(slot));
        self.block(finalbody)?;
        self.emit(Op::LoadFast(slot));
        self.emit(Op::Raise);
        self.patch(to_end);
        Ok(())
    }

    fn loop_body(&mut self, start: u32, is_for: bool, body: &[Stmt]) -> Result<()> {
        self.unit.loops.push(Loop {
            start,
            breaks: Vec::new(),
            is_for,
        });
        self.block(body)
    }

    /// Points the loop's `break`s past its `else` block.
    fn end_loop(&mut self) {
        if let Some(l) = self.unit.loops.pop() {
            for b in l.breaks {
                self.patch(b);
            }
        }
    }

    fn target(&mut self, t: &Expr) -> Result<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.store(n);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                if let Some(star) = items
                    .iter()
                    .find(|i| matches!(i.kind, ExprKind::Starred(_)))
                {
                    return unsupported("a starred assignment target", star.span);
                }
                self.at(t.span);
                self.emit(Op::UnpackSequence(items.len() as u32));
                items.iter().try_for_each(|i| self.target(i))
            }
            ExprKind::Subscript(container, index) => {
                self.subscript_operands(container, index, t.span)?;
                self.emit(Op::StoreSubscr);
                Ok(())
            }
            _ => unsupported(&format!("assignment to {}", t.describe()), t.span),
        }
    }

    fn delete(&mut self, t: &Expr) -> Result<()> {
        self.at(t.span);
        match &t.kind {
            ExprKind::Name(n) => {
                let op = match self.place(n) {
                    Place::Deref(_) => {
                        return unsupported("deleting a variable an inner function uses", t.span)
                    }
                    Place::Fast(slot) => Op::DeleteFast(slot),
                    Place::Global(i) => Op::DeleteGlobal(i),
                };
                self.emit(op);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.delete(i))
            }
            ExprKind::Subscript(container, index) => {
                self.subscript_operands(container, index, t.span)?;
                self.emit(Op::DeleteSubscr);
                Ok(())
            }
            _ => unsupported(&format!("deleting {}", t.describe()), t.span),
        }
    }

    /// Pushes a subscript's container and index, ready for the instruction at `span`.
    fn subscript_operands(&mut self, container: &Expr, index: &Expr, span: Span) -> Result<()> {
        self.expr(container)?;
        self.subscript_index(index)?;
        self.at(span);
        Ok(())
    }

    /// The index of a subscript: an expression, or a slice built from its three parts.
    fn subscript_index(&mut self, index: &Expr) -> Result<()> {
        match &index.kind {
            ExprKind::Slice(lower, upper, step) => {
                for part in [lower, upper, step] {
                    match part {
                        Some(e) => self.expr(e)?,
                        None => {
                            self.load_none();
                        }
                    }
                }
                self.emit(Op::BuildSlice);
                Ok(())
            }
            _ => self.expr(index),
        }
    }

    fn function(&mut self, def: &FunctionDef, span: Span) -> Result<()> {
        if let Some(d) = def.decorators.first() {
            return unsupported("a decorator", d.span);
        }
        if def.is_async {
            return unsupported("'async def'", span);
        }
        self.make_function(&def.name.name, span, &def.params, Body::Block(&def.body))?;
        self.store(&def.name.name);
        Ok(())
    }

    /// Compiles a function body into its own code object and leaves the function on the stack:
    /// defaults are evaluated here, then the cells it closes over are pushed.
    fn make_function(
        &mut self,
        name: &str,
        span: Span,
        params: &Parameters,
        body: Body,
    ) -> Result<()> {
        let p = params;
        if !p.posonly.is_empty() || p.vararg.is_some() || !p.kwonly.is_empty() || p.kwarg.is_some()
        {
            return unsupported(
                "a parameter list other than plain positional parameters",
                span,
            );
        }
        let mut defaults = 0;
        for param in &p.args {
            if let Some(d) = &param.default {
                self.expr(d)?;
                defaults += 1;
            }
        }
        let symbols = self
            .symbols
            .scope(span)
            .map(|s| (s.locals.clone(), s.cells.clone(), s.free.clone()))
            .unwrap_or_default();
        let (mut varnames, cellvars, freevars) = symbols;
        let mut argcount = p.args.len() as u32;
        if matches!(body, Body::Comprehension(..)) {
            varnames.insert(0, Rc::from(".0"));
            argcount = 1;
        }
        let locals: HashMap<Rc<str>, u32> = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        let first_line = self.line_of(span);
        let outer = std::mem::replace(&mut self.unit, Unit::new(name, first_line, locals));
        self.unit.derefs = cellvars
            .iter()
            .chain(&freevars)
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        self.unit.varnames = varnames;
        self.unit.argcount = argcount;
        self.unit.cellvars = cellvars;
        self.unit.freevars = freevars.clone();
        let compiled = match body {
            Body::Block(stmts) => self.block(stmts).map(|()| {
                self.load_none();
            }),
            Body::Lambda(e) => self.expr(e),
            Body::Comprehension(kind, gens) => self.comprehension_body(kind, gens),
        };
        self.emit(Op::Return);
        let code = self.finish();
        self.unit = outer;
        compiled?;
        self.at(span);
        for free in &freevars {
            match self.unit.derefs.get(free) {
                Some(&d) => self.emit(Op::LoadClosure(d)),
                None => return unsupported("a closure over a class-level name", span),
            };
        }
        let c = self.constant(Const::Code(Rc::new(code)));
        self.emit(Op::MakeFunction(c, defaults));
        Ok(())
    }

    /// The body of a comprehension's function: the result, then one loop per `for` clause (the
    /// outermost over the iterator passed in as `.0`), the element appended innermost.
    fn comprehension_body(&mut self, kind: Comp, gens: &[Comprehension]) -> Result<()> {
        self.emit(match kind {
            Comp::List(_) => Op::BuildList(0),
            Comp::Dict(..) => Op::BuildMap(0),
        });
        let mut exits = Vec::new();
        for (depth, g) in gens.iter().enumerate() {
            if g.is_async {
                return unsupported("an asynchronous comprehension", g.iter.span);
            }
            if depth == 0 {
                self.emit(Op::LoadFast(0));
            } else {
                self.expr(&g.iter)?;
                self.emit(Op::GetIter);
            }
            let start = self.here();
            let exit = self.emit(Op::ForIter(0));
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
                self.emit(Op::PopJumpIfFalse(start));
            }
            exits.push((start, exit));
        }
        let depth = gens.len() as u32 + 1;
        match kind {
            Comp::List(elt) => {
                self.expr(elt)?;
                self.emit(Op::ListAppend(depth));
            }
            Comp::Dict(key, value) => {
                self.expr(key)?;
                self.expr(value)?;
                self.emit(Op::MapAdd(depth));
            }
        }
        for (start, exit) in exits.into_iter().rev() {
            self.emit(Op::Jump(start));
            self.patch(exit);
        }
        Ok(())
    }

    /// A comprehension: a function made and called at once on the outermost iterable.
    fn comprehension(&mut self, kind: Comp, gens: &[Comprehension], span: Span) -> Result<()> {
        let Some(first) = gens.first() else {
            return unsupported("an empty comprehension", span);
        };
        self.make_function(
            "<listcomp>",
            span,
            &Parameters::default(),
            Body::Comprehension(kind, gens),
        )?;
        self.expr(&first.iter)?;
        self.emit(Op::GetIter);
        self.at(span);
        self.emit(Op::Call(1));
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<()> {
        self.at(e.span);
        match &e.kind {
            ExprKind::Name(n) => self.load(n),
            ExprKind::Constant(c) => {
                let c = match c {
                    Constant::None => Const::None,
                    Constant::True => Const::Bool(true),
                    Constant::False => Const::Bool(false),
                    Constant::Int(IntLit::Small(v)) => Const::Int(*v),
                    Constant::Int(IntLit::Big(v)) => Const::BigInt(v.clone()),
                    Constant::Float(v) => Const::Float(*v),
                    Constant::Str(s) => Const::Str(s.clone()),
                    Constant::Ellipsis => return unsupported("'...'", e.span),
                    Constant::Imaginary(_) => return unsupported("a complex number", e.span),
                    Constant::Bytes(_) => return unsupported("a bytes literal", e.span),
                };
                let i = self.constant(c);
                self.emit(Op::LoadConst(i));
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
            ExprKind::BinOp(l, op, r) => {
                self.expr(l)?;
                self.expr(r)?;
                self.at(e.span);
                self.emit(Op::Binary(*op));
            }
            ExprKind::UnaryOp(op, operand) => {
                self.expr(operand)?;
                self.at(e.span);
                self.emit(Op::Unary(*op));
            }
            ExprKind::BoolOp(op, values) => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(match op {
                            BoolOp::And => Op::JumpIfFalseOrPop(0),
                            BoolOp::Or => Op::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                jumps.into_iter().for_each(|j| self.patch(j));
            }
            ExprKind::Compare(left, rest) => self.compare(left, rest, e.span)?,
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let to_else = self.emit(Op::PopJumpIfFalse(0));
                self.expr(body)?;
                let to_end = self.emit(Op::Jump(0));
                self.patch(to_else);
                self.expr(orelse)?;
                self.patch(to_end);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    if matches!(a.kind, ExprKind::Starred(_)) {
                        return unsupported("a '*' argument", a.span);
                    }
                    self.expr(a)?;
                }
                let mut names = Vec::with_capacity(keywords.len());
                for k in keywords {
                    let Some(name) = &k.name else {
                        return unsupported("a '**' argument", k.span);
                    };
                    self.expr(&k.value)?;
                    names.push(name.name.clone());
                }
                self.at(e.span);
                let argc = (args.len() + keywords.len()) as u32;
                if names.is_empty() {
                    self.emit(Op::Call(argc));
                } else {
                    let names = self.constant(Const::KwNames(names.into()));
                    self.emit(Op::CallKw(argc, names));
                }
            }
            ExprKind::Attribute(value, attr) => {
                self.expr(value)?;
                let i = self.name(&attr.name);
                self.at(e.span);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for item in items {
                    if matches!(item.kind, ExprKind::Starred(_)) {
                        return unsupported("'*' unpacking in a display", item.span);
                    }
                    self.expr(item)?;
                }
                let n = items.len() as u32;
                self.emit(if matches!(e.kind, ExprKind::Tuple(_)) {
                    Op::BuildTuple(n)
                } else {
                    Op::BuildList(n)
                });
            }
            ExprKind::Subscript(container, index) => {
                self.subscript_operands(container, index, e.span)?;
                self.emit(Op::BinarySubscr);
            }
            ExprKind::Lambda(params, body) => {
                self.make_function("<lambda>", e.span, params, Body::Lambda(body))?
            }
            ExprKind::ListComp(elt, gens) => self.comprehension(Comp::List(elt), gens, e.span)?,
            ExprKind::DictComp(kv, gens) => {
                self.comprehension(Comp::Dict(&kv.0, &kv.1), gens, e.span)?
            }
            ExprKind::Dict(entries) => {
                for (key, value) in entries {
                    let Some(key) = key else {
                        return unsupported("'**' unpacking in a dict display", value.span);
                    };
                    self.expr(key)?;
                    self.expr(value)?;
                }
                self.at(e.span);
                self.emit(Op::BuildMap(entries.len() as u32));
            }
            _ => return unsupported(expression_name(e), e.span),
        }
        Ok(())
    }

    /// `a < b < c`: each middle operand is evaluated once; the chain stops at the first false.
    fn compare(&mut self, left: &Expr, rest: &[(CmpOp, Expr)], span: Span) -> Result<()> {
        self.expr(left)?;
        let mut cleanups = Vec::new();
        for (i, (op, right)) in rest.iter().enumerate() {
            self.expr(right)?;
            self.at(span);
            if i + 1 < rest.len() {
                self.emit(Op::Dup);
                self.emit(Op::RotThree);
                self.emit(Op::Compare(*op));
                cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
            } else {
                self.emit(Op::Compare(*op));
            }
        }
        if !cleanups.is_empty() {
            let to_end = self.emit(Op::Jump(0));
            cleanups.into_iter().for_each(|c| self.patch(c));
            self.emit(Op::Swap);
            self.emit(Op::Pop);
            self.patch(to_end);
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<()> {
        for part in parts {
            match part {
                FStringPart::Literal(s) => {
                    let i = self.constant(Const::Str(s.clone()));
                    self.emit(Op::LoadConst(i));
                }
                FStringPart::Field {
                    value,
                    conversion,
                    spec,
                } => {
                    self.expr(value)?;
                    if let Some(spec) = spec {
                        self.fstring(spec)?;
                    }
                    let conv = conversion.map_or(0, |c| c as u8);
                    self.emit(Op::FormatValue(conv, spec.is_some()));
                }
            }
        }
        self.emit(Op::BuildString(parts.len() as u32));
        Ok(())
    }
}

/// Whether a statement can leave the enclosing block by `return`, `break` or `continue`
/// (nested function bodies excepted).
fn jumps_out(stmt: &Stmt) -> bool {
    let mut stack = vec![stmt];
    while let Some(s) = stack.pop() {
        match &s.kind {
            StmtKind::Return(_) | StmtKind::Break | StmtKind::Continue => return true,
            StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => {}
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => stack.extend(body.iter().chain(orelse)),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => stack.extend(
                body.iter()
                    .chain(handlers.iter().flat_map(|h| &h.body))
                    .chain(orelse)
                    .chain(finalbody),
            ),
            StmtKind::With { body, .. } => stack.extend(body.iter()),
            _ => {}
        }
    }
    false
}

fn statement_name(kind: &StmtKind) -> &'static str {
    match kind {
        StmtKind::ImportFrom { .. } => "'from … import'",
        StmtKind::For { .. } => "the 'async for' statement",
        StmtKind::With { .. } => "the 'with' statement",
        StmtKind::ClassDef(_) => "a class definition",
        _ => "this statement",
    }
}

fn expression_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Set(_) => "a set display",
        ExprKind::ListComp(..) | ExprKind::SetComp(..) | ExprKind::DictComp(..) => {
            "a comprehension"
        }
        ExprKind::GeneratorExp(..) => "a generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "'yield' (generators)",
        ExprKind::Await(_) => "'await'",
        ExprKind::NamedExpr(..) => "the ':=' operator",
        ExprKind::Starred(_) => "'*' unpacking",
        ExprKind::Slice(..) => "a slice outside a subscript",
        _ => "this expression",
    }
}
