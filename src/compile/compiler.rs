//! The compiler's core: the code object under construction ([`Unit`]), where names live
//! ([`Place`]), and the blocks a `return`, `break` or `continue` leaves — whose cleanup (a
//! `finally` body, a `with` exit, leaving an `except` block) is compiled inline at the jump, with
//! the protected ranges of the blocks it leaves split around it. Statements, expressions and
//! functions are compiled in the sibling modules.
//!
//! Locals live in slots assigned by the symbol table; module-level names are globals; class
//! bodies read and write their namespace by name. Constructs the VM does not run yet are refused
//! here, at compile time, with a `NotImplementedError` that names them and points at their source.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::bytecode::{Code, Const, Handler, Op};
use crate::syntax::ast::*;
use crate::syntax::symtable::SymbolTable;
use crate::syntax::{ErrorKind, Span, SyntaxError};

pub(super) type Result<T> = std::result::Result<T, SyntaxError>;

pub(super) fn unsupported<T>(what: &str, span: Span) -> Result<T> {
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
pub fn compile_module<'a>(
    module: &'a Module,
    symbols: &'a SymbolTable,
    filename: &str,
    src: &'a str,
) -> Result<Rc<Code>> {
    let mut line_starts = vec![0];
    line_starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
    let mut compiler = Compiler {
        symbols,
        filename: Rc::from(filename),
        source: src,
        future_annotations: crate::syntax::check::imports_future(&module.body, "annotations"),
        line_starts,
        unit: Unit::new("<module>", Rc::from("<module>"), 1, UnitKind::Module),
    };
    compiler.block(&module.body)?;
    compiler.load_none();
    compiler.emit(Op::Return);
    Ok(Rc::new(compiler.finish()))
}

/// Where a name lives: a cell or free variable, a local slot, the module's globals, or a class
/// body's namespace.
pub(super) enum Place {
    Deref(u32),
    Fast(u32),
    Global(u32),
    Name(u32),
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum UnitKind {
    Module,
    Function,
    Class,
}

/// A block that a jump out of it must clean up after.
pub(super) enum Block<'a> {
    Loop {
        start: u32,
        breaks: Vec<usize>,
        /// A `for` loop keeps its iterator on the stack, which `break` must pop.
        is_for: bool,
        /// The iterator was made by a call in the `for` statement, so nothing else holds it:
        /// `break` drops it, and a generator is closed then, as CPython's reference count does.
        owns_iterator: bool,
    },
    /// Code protected by an exception handler (the body of a `try` or `with`): a jump out ends
    /// its protected range, which starts again after the jump.
    Protected {
        range_start: u32,
        /// Handler-table entries made so far, their targets patched when the handler is placed.
        ranges: Vec<usize>,
        depth: u32,
        handling: u32,
        cleanup: Cleanup<'a>,
    },
    /// The body of an `except` clause (or a `finally` run for an exception): leaving it ends
    /// the handling of that exception.
    Handling,
}

/// What leaving a protected block runs.
pub(super) enum Cleanup<'a> {
    Nothing,
    Finally(&'a [Stmt]),
    /// Call the `__exit__` stored in this local slot.
    ExitWith(u32),
    /// Call and await the `__aexit__` stored in this local slot.
    AsyncExitWith(u32),
}

/// The code object being built.
pub(super) struct Unit<'a> {
    pub(super) name: Rc<str>,
    pub(super) qualname: Rc<str>,
    pub(super) kind: UnitKind,
    pub(super) first_line: u32,
    pub(super) ops: Vec<Op>,
    pub(super) lines: Vec<u32>,
    pub(super) consts: Vec<Const>,
    pub(super) names: Vec<Rc<str>>,
    /// Local slots by name (empty at module level, where names are globals).
    pub(super) locals: HashMap<Rc<str>, u32>,
    /// In a class body: the names it binds (they live in its namespace) and those it declares
    /// global.
    pub(super) class_names: HashSet<Rc<str>>,
    pub(super) declared_global: HashSet<Rc<str>>,
    pub(super) varnames: Vec<Rc<str>>,
    pub(super) argcount: u32,
    pub(super) posonlycount: u32,
    pub(super) kwonlycount: u32,
    pub(super) varargs: bool,
    pub(super) varkw: bool,
    pub(super) is_generator: bool,
    pub(super) is_coroutine: bool,
    /// A function's docstring.
    pub(super) doc: Option<Rc<str>>,
    /// Cell and free variables by name: their deref slot (cells first).
    pub(super) derefs: HashMap<Rc<str>, u32>,
    pub(super) cellvars: Vec<Rc<str>>,
    pub(super) freevars: Vec<Rc<str>>,
    pub(super) blocks: Vec<Block<'a>>,
    pub(super) handlers: Vec<Handler>,
    /// Hidden local slots holding the exceptions of the `except` blocks being compiled,
    /// innermost last (a bare `raise` re-raises the last).
    pub(super) caught: Vec<u32>,
    /// How many exceptions are being handled at this point (nested `except` bodies).
    pub(super) handling: u32,
    pub(super) line: u32,
}

impl Unit<'_> {
    pub(super) fn new(name: &str, qualname: Rc<str>, first_line: u32, kind: UnitKind) -> Self {
        Unit {
            name: Rc::from(name),
            qualname,
            kind,
            first_line,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            locals: HashMap::new(),
            class_names: HashSet::new(),
            declared_global: HashSet::new(),
            varnames: Vec::new(),
            argcount: 0,
            posonlycount: 0,
            kwonlycount: 0,
            varargs: false,
            varkw: false,
            is_generator: false,
            is_coroutine: false,
            doc: None,
            derefs: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            blocks: Vec::new(),
            handlers: Vec::new(),
            caught: Vec::new(),
            handling: 0,
            line: first_line,
        }
    }
}

pub(super) struct Compiler<'a> {
    pub(super) symbols: &'a SymbolTable,
    pub(super) filename: Rc<str>,
    pub(super) source: &'a str,
    /// `from __future__ import annotations`: annotations are kept as their source text.
    pub(super) future_annotations: bool,
    pub(super) line_starts: Vec<usize>,
    pub(super) unit: Unit<'a>,
}

impl<'a> Compiler<'a> {
    pub(super) fn finish(&mut self) -> Code {
        let empty = Unit::new("", Rc::from(""), 0, UnitKind::Module);
        let mut unit = std::mem::replace(&mut self.unit, empty);
        // Inner handlers first: a protected range inside another is always the shorter one.
        unit.handlers.sort_by_key(|h| h.end - h.start);
        super::peephole::fuse(&mut unit.ops, &mut unit.lines, &mut unit.handlers);
        Code {
            name: unit.name,
            qualname: unit.qualname,
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
                    let nparams = unit.argcount
                        + unit.kwonlycount
                        + u32::from(unit.varargs)
                        + u32::from(unit.varkw);
                    let p = unit.varnames[..nparams as usize]
                        .iter()
                        .position(|v| v == name)?;
                    Some((c as u32, p as u32))
                })
                .collect(),
            varnames: unit.varnames,
            argcount: unit.argcount,
            posonlycount: unit.posonlycount,
            kwonlycount: unit.kwonlycount,
            varargs: unit.varargs,
            varkw: unit.varkw,
            is_generator: unit.is_generator,
            is_coroutine: unit.is_coroutine,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            handlers: unit.handlers,
            doc: unit.doc,
        }
    }

    /// Pushes the value of annotation `e`: its source text under `from __future__ import
    /// annotations`, else what it evaluates to.
    pub(super) fn annotation(&mut self, e: &'a Expr) -> Result<()> {
        if !self.future_annotations {
            return self.expr(e);
        }
        // As CPython prints it back: a string in its repr's quotes, the rest as written.
        let text = match &e.kind {
            ExprKind::Constant(Constant::Str(s)) => crate::vm::ops::str_repr(s),
            _ => self
                .source
                .get(e.span.start as usize..e.span.end as usize)
                .unwrap_or_default()
                .to_owned(),
        };
        self.load_const(Const::Str(Rc::from(text)));
        Ok(())
    }

    pub(super) fn line_of(&self, span: Span) -> u32 {
        match self.line_starts.binary_search(&(span.start as usize)) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    pub(super) fn at(&mut self, span: Span) {
        self.unit.line = self.line_of(span);
    }

    pub(super) fn emit(&mut self, op: Op) -> usize {
        self.unit.ops.push(op);
        self.unit.lines.push(self.unit.line);
        self.unit.ops.len() - 1
    }

    pub(super) fn here(&self) -> u32 {
        self.unit.ops.len() as u32
    }

    /// Points the jump at `at` to the current position.
    pub(super) fn patch(&mut self, at: usize) {
        self.patch_to(at, self.here());
    }

    /// Points the jump at `at` to instruction `target`.
    pub(super) fn patch_to(&mut self, at: usize, target: u32) {
        if let Some(t) = self.unit.ops[at].jump_target_mut() {
            *t = target;
        }
    }

    /// Points every jump in `jumps` at the current position.
    pub(super) fn patch_all(&mut self, jumps: Vec<usize>) {
        jumps.into_iter().for_each(|j| self.patch(j));
    }

    pub(super) fn constant(&mut self, c: Const) -> u32 {
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

    pub(super) fn load_const(&mut self, c: Const) {
        let i = self.constant(c);
        self.emit(Op::LoadConst(i));
    }

    pub(super) fn load_none(&mut self) {
        self.load_const(Const::None);
    }

    pub(super) fn name(&mut self, n: &Rc<str>) -> u32 {
        if let Some(i) = self.unit.names.iter().position(|k| k == n) {
            return i as u32;
        }
        self.unit.names.push(n.clone());
        (self.unit.names.len() - 1) as u32
    }

    /// Where name `n` lives in the code being compiled.
    pub(super) fn place(&mut self, n: &Rc<str>) -> Place {
        if self.unit.kind == UnitKind::Class {
            if self.unit.declared_global.contains(n) {
                return Place::Global(self.name(n));
            }
            if !self.unit.class_names.contains(n) {
                if let Some(&d) = self.unit.derefs.get(n) {
                    return Place::Deref(d);
                }
            }
            return Place::Name(self.name(n));
        }
        if let Some(&d) = self.unit.derefs.get(n) {
            return Place::Deref(d);
        }
        match self.unit.locals.get(n) {
            Some(&slot) => Place::Fast(slot),
            None => Place::Global(self.name(n)),
        }
    }

    pub(super) fn load(&mut self, n: &Rc<str>) {
        let op = match self.place(n) {
            Place::Deref(d) => Op::LoadDeref(d),
            Place::Fast(slot) => Op::LoadFast(slot),
            Place::Global(i) => Op::LoadGlobal(i),
            Place::Name(i) => Op::LoadName(i),
        };
        self.emit(op);
    }

    pub(super) fn store(&mut self, n: &Rc<str>) {
        let op = match self.place(n) {
            Place::Deref(d) => Op::StoreDeref(d),
            Place::Fast(slot) => Op::StoreFast(slot),
            Place::Global(i) => Op::StoreGlobal(i),
            Place::Name(i) => Op::StoreName(i),
        };
        self.emit(op);
    }

    /// A new hidden local slot (for a caught exception or a `with` statement's `__exit__`).
    pub(super) fn hidden_local(&mut self) -> u32 {
        let slot = self.unit.varnames.len() as u32;
        let name: Rc<str> = Rc::from(format!(".hidden{slot}"));
        self.unit.varnames.push(name.clone());
        self.unit.locals.insert(name, slot);
        slot
    }

    /// Operand stack items live at this point of the function: the iterators of enclosing loops.
    pub(super) fn stack_depth(&self) -> u32 {
        self.unit
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Loop { is_for: true, .. }))
            .count() as u32
    }

    /// Opens a block of code protected by a handler placed later with [`Self::end_protected`].
    pub(super) fn begin_protected(&mut self, cleanup: Cleanup<'a>) {
        let block = Block::Protected {
            range_start: self.here(),
            ranges: Vec::new(),
            depth: self.stack_depth(),
            handling: self.unit.handling,
            cleanup,
        };
        self.unit.blocks.push(block);
    }

    /// Closes the protected block opened last: its handler's entries are made to point here.
    pub(super) fn end_protected(&mut self) {
        let Some(Block::Protected {
            range_start,
            mut ranges,
            depth,
            handling,
            ..
        }) = self.unit.blocks.pop()
        else {
            return;
        };
        ranges.push(self.push_range(range_start, depth, handling));
        let target = self.here();
        for r in ranges {
            self.unit.handlers[r].target = target;
        }
    }

    /// Records the protected range `start..here` (its target is set when the handler is placed).
    pub(super) fn push_range(&mut self, start: u32, depth: u32, handling: u32) -> usize {
        self.unit.handlers.push(Handler {
            start,
            end: self.here(),
            target: 0,
            depth,
            handling,
        });
        self.unit.handlers.len() - 1
    }

    /// Compiles the cleanup of every block above `keep` (innermost first), as a jump out of
    /// them runs it, then `jump` itself; the protected ranges left start again after it. With
    /// `drop_iterators` (a `return` with nothing else on the operand stack), the for-loops left
    /// drop their iterators too, closing the generators they made.
    pub(super) fn leave_blocks(
        &mut self,
        keep: usize,
        drop_iterators: bool,
        jump: impl FnOnce(&mut Self),
    ) -> Result<()> {
        let mut saved = Vec::new();
        while self.unit.blocks.len() > keep {
            let Some(mut block) = self.unit.blocks.pop() else {
                break;
            };
            match &mut block {
                Block::Loop {
                    is_for,
                    owns_iterator,
                    ..
                } => {
                    if drop_iterators && *owns_iterator {
                        self.emit(Op::PopDropIterator);
                    } else if drop_iterators && *is_for {
                        self.emit(Op::Pop);
                    }
                }
                Block::Handling => {
                    self.emit(Op::PopExcept);
                }
                Block::Protected {
                    range_start,
                    ranges,
                    depth,
                    handling,
                    cleanup,
                } => {
                    let r = self.push_range(*range_start, *depth, *handling);
                    ranges.push(r);
                    match cleanup {
                        Cleanup::Nothing => {}
                        Cleanup::Finally(body) => {
                            let body: &'a [Stmt] = body;
                            self.block(body)?;
                        }
                        Cleanup::ExitWith(slot) => {
                            self.emit(Op::ExitWith(*slot));
                        }
                        Cleanup::AsyncExitWith(slot) => {
                            self.emit(Op::AsyncExitWith(*slot));
                            self.emit(Op::Await);
                            self.emit(Op::Pop);
                        }
                    }
                }
            }
            saved.push(block);
        }
        jump(self);
        let here = self.here();
        for mut block in saved.into_iter().rev() {
            if let Block::Protected { range_start, .. } = &mut block {
                *range_start = here;
            }
            self.unit.blocks.push(block);
        }
        Ok(())
    }

    pub(super) fn block(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }
}
