//! Compiling statements: assignments and their targets, control flow, `try`, `with`, `raise`,
//! imports.

use std::rc::Rc;

use super::bytecode::{Const, Op};
use super::compiler::{unsupported, Block, Cleanup, Compiler, Place, Result, UnitKind};
use crate::syntax::ast::*;
use crate::syntax::Span;

impl<'a> Compiler<'a> {
    pub(super) fn stmt(&mut self, stmt: &'a Stmt) -> Result<()> {
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
            StmtKind::AugAssign { target, op, value } => {
                self.aug_assign(target, *op, value, stmt.span)?
            }
            StmtKind::AnnAssign {
                target,
                value,
                annotation,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                }
                // A class body records its names' annotations, evaluated.
                if let (UnitKind::Class, true, ExprKind::Name(name)) =
                    (self.unit.kind, *simple, &target.kind)
                {
                    self.annotation(annotation)?;
                    let annotations = self.name(&Rc::from("__annotations__"));
                    self.emit(Op::LoadName(annotations));
                    self.load_const(Const::Str(name.clone()));
                    self.emit(Op::StoreSubscr);
                }
            }
            StmtKind::Pass | StmtKind::Nonlocal(_) => {}
            StmtKind::Global(names) => {
                for n in names {
                    self.unit.declared_global.insert(n.name.clone());
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                let to_else = self.jump_unless(test)?;
                self.block(body)?;
                if orelse.is_empty() {
                    self.patch_all(to_else);
                } else {
                    let to_end = self.emit(Op::Jump(0));
                    self.patch_all(to_else);
                    self.block(orelse)?;
                    self.patch(to_end);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                let exits = self.jump_unless(test)?;
                self.loop_body(start, false, body)?;
                self.emit(Op::Jump(start));
                self.end_loop(exits, orelse)?;
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
                self.for_loop_body(start, exit, iter, target, body, orelse)?;
            }
            StmtKind::For {
                is_async: true,
                target,
                iter,
                body,
                orelse,
            } => self.async_for(target, iter, body, orelse)?,
            StmtKind::Break | StmtKind::Continue => {
                self.loop_jump(matches!(stmt.kind, StmtKind::Break))?
            }
            StmtKind::Return(value) => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                // Leaving `try`/`with`/`except` blocks runs their cleanup first, and leaving
                // `for x in f():` closes the generator it made (before the return completes,
                // as CPython's reference counting does).
                let drop_iterators = self.unit.blocks.iter().any(|b| {
                    matches!(
                        b,
                        Block::Loop {
                            owns_iterator: true,
                            ..
                        }
                    )
                });
                if drop_iterators
                    || self
                        .unit
                        .blocks
                        .iter()
                        .any(|b| !matches!(b, Block::Loop { .. }))
                {
                    let slot = self.hidden_local();
                    self.emit(Op::StoreFast(slot));
                    self.leave_blocks(0, drop_iterators, |c| {
                        c.emit(Op::LoadFast(slot));
                        c.emit(Op::Return);
                    })?;
                } else {
                    self.emit(Op::Return);
                }
            }
            StmtKind::FunctionDef(def) => self.function(def, stmt.span)?,
            StmtKind::ClassDef(class) => self.class(class, stmt.span)?,
            StmtKind::Assert { test, msg } => {
                let mut passed = Vec::new();
                self.branch(test, true, &mut passed)?;
                let error = self.constant(Const::Str(Rc::from("AssertionError")));
                self.emit(Op::LoadBuiltinException(error));
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.at(stmt.span);
                    self.emit(Op::Call(1));
                }
                self.at(stmt.span);
                self.emit(Op::Raise);
                self.patch_all(passed);
            }
            StmtKind::Raise { exc, cause } => match exc {
                Some(e) => {
                    self.expr(e)?;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        self.at(stmt.span);
                        self.emit(Op::RaiseFrom);
                    } else {
                        self.at(stmt.span);
                        self.emit(Op::Raise);
                    }
                }
                None => match self.unit.caught.last() {
                    Some(&slot) => {
                        self.emit(Op::LoadFast(slot));
                        self.emit(Op::Reraise);
                    }
                    None => {
                        self.load_none();
                        self.emit(Op::Raise);
                    }
                },
            },
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, *is_star)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, *is_star)?;
                }
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => self.with(items, body, *is_async, stmt.span)?,
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
            StmtKind::ImportFrom {
                module: Some(module),
                names,
                level: 0,
            } if !names.is_empty() && !module.name.contains('.') => {
                let m = self.name(&module.name);
                self.emit(Op::ImportName(m));
                for alias in names {
                    let i = self.name(&alias.name.name);
                    self.emit(Op::ImportFrom(i));
                    self.store(&alias.asname.as_ref().unwrap_or(&alias.name).name);
                }
                self.emit(Op::Pop);
            }
            other => return unsupported(statement_name(other), stmt.span),
        }
        Ok(())
    }

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
        span: Span,
    ) -> Result<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load(n);
                self.expr(value)?;
                self.at(span);
                self.emit(Op::InPlace(op));
                self.store(n);
            }
            ExprKind::Subscript(container, index) => {
                self.expr(container)?;
                self.subscript_index(index)?;
                self.emit(Op::DupTwo);
                self.emit(Op::BinarySubscr);
                self.expr(value)?;
                self.at(span);
                self.emit(Op::InPlace(op));
                self.emit(Op::RotThree);
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let i = self.name(&attr.name);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.at(span);
                self.emit(Op::InPlace(op));
                self.emit(Op::Swap);
                self.emit(Op::StoreAttr(i));
            }
            _ => {
                return unsupported(
                    &format!("augmented assignment to {}", target.describe()),
                    target.span,
                )
            }
        }
        Ok(())
    }

    fn loop_body(&mut self, start: u32, is_for: bool, body: &'a [Stmt]) -> Result<()> {
        self.unit.blocks.push(Block::Loop {
            start,
            breaks: Vec::new(),
            is_for,
            owns_iterator: false,
        });
        self.block(body)
    }

    /// Ends the innermost loop: its exit lands on the `else` block, its `break`s after it.
    fn end_loop(&mut self, exits: Vec<usize>, orelse: &'a [Stmt]) -> Result<()> {
        let breaks = match self.unit.blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => Vec::new(),
        };
        self.patch_all(exits);
        self.block(orelse)?;
        self.patch_all(breaks);
        Ok(())
    }

    /// `break` or `continue`: clean up the blocks inside the loop, then jump.
    fn loop_jump(&mut self, is_break: bool) -> Result<()> {
        let Some(at) = self
            .unit
            .blocks
            .iter()
            .rposition(|b| matches!(b, Block::Loop { .. }))
        else {
            return Ok(());
        };
        let (start, is_for, owns_iterator) = match &self.unit.blocks[at] {
            Block::Loop {
                start,
                is_for,
                owns_iterator,
                ..
            } => (*start, *is_for, *owns_iterator),
            _ => (0, false, false),
        };
        let mut jump_at = None;
        self.leave_blocks(at + 1, false, |c| {
            if is_break {
                if owns_iterator {
                    c.emit(Op::PopDropIterator);
                } else if is_for {
                    c.emit(Op::Pop);
                }
                jump_at = Some(c.emit(Op::Jump(0)));
            } else {
                c.emit(Op::Jump(start));
            }
        })?;
        if let (Some(j), Some(Block::Loop { breaks, .. })) = (jump_at, self.unit.blocks.get_mut(at))
        {
            breaks.push(j);
        }
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        is_star: bool,
    ) -> Result<()> {
        if is_star {
            return self.try_except_star(body, handlers, orelse);
        }
        self.begin_protected(Cleanup::Nothing);
        self.block(body)?;
        let after_body = self.emit(Op::Jump(0));
        self.end_protected();
        let slot = self.hidden_local();
        let mut to_end = Vec::new();
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
            self.enter_handler(slot, handler);
            self.handling_body(slot, &handler.body)?;
            self.unbind_handler_name(handler)?;
            to_end.push(self.emit(Op::Jump(0)));
            if let Some(next) = next {
                self.patch(next);
            }
        }
        self.emit(Op::Reraise);
        self.patch(after_body);
        self.block(orelse)?;
        to_end.into_iter().for_each(|j| self.patch(j));
        Ok(())
    }

    /// `try` with `except*` clauses. Each clause takes the part of what is left of the caught
    /// exception that its types match and runs if there is one; what the clauses raise is
    /// collected, and after the last one it is raised together with what none matched.
    fn try_except_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        self.begin_protected(Cleanup::Nothing);
        self.block(body)?;
        let after_body = self.emit(Op::Jump(0));
        self.end_protected();
        let (original, rest, raised, matched) = (
            self.hidden_local(),
            self.hidden_local(),
            self.hidden_local(),
            self.hidden_local(),
        );
        self.emit(Op::Dup);
        self.emit(Op::StoreFast(original));
        self.emit(Op::StoreFast(rest));
        self.emit(Op::BuildList(0));
        self.emit(Op::StoreFast(raised));
        for handler in handlers {
            self.emit(Op::LoadFast(rest));
            if let Some(t) = &handler.typ {
                self.expr(t)?;
            }
            self.at(handler.span);
            self.emit(Op::CheckEgMatch);
            self.emit(Op::StoreFast(rest));
            let no_match = self.jump_if_top_is_none();
            self.enter_handler(matched, handler);
            self.begin_protected(Cleanup::Nothing);
            self.handling_body(matched, &handler.body)?;
            let completed = self.emit(Op::Jump(0));
            self.end_protected();
            self.append_to_list(raised);
            self.patch(completed);
            self.unbind_handler_name(handler)?;
            let next = self.emit(Op::Jump(0));
            self.patch(no_match);
            self.emit(Op::Pop);
            self.patch(next);
        }
        self.emit(Op::LoadFast(rest));
        self.append_to_list(raised);
        self.emit(Op::LoadFast(original));
        self.emit(Op::LoadFast(raised));
        self.emit(Op::PrepReraiseStar);
        let nothing_to_raise = self.jump_if_top_is_none();
        self.emit(Op::Reraise);
        self.patch(nothing_to_raise);
        self.emit(Op::Pop);
        let to_end = self.emit(Op::Jump(0));
        self.patch(after_body);
        self.block(orelse)?;
        self.patch(to_end);
        Ok(())
    }

    /// Starts handling the exception on top of the stack: kept in `slot`, marked as being
    /// handled, and bound to the clause's name.
    fn enter_handler(&mut self, slot: u32, handler: &'a ExceptHandler) {
        self.emit(Op::StoreFast(slot));
        self.emit(Op::LoadFast(slot));
        self.emit(Op::PushExcept);
        if let Some(name) = &handler.name {
            self.emit(Op::LoadFast(slot));
            self.store(&name.name);
        }
    }

    /// After an `except` clause, its name is unbound (as if `del`eted).
    fn unbind_handler_name(&mut self, handler: &'a ExceptHandler) -> Result<()> {
        if let Some(name) = &handler.name {
            self.load_none();
            self.store(&name.name);
            self.delete_name(&name.name, name.span)?;
        }
        Ok(())
    }

    /// A jump (to patch) taken when the top of the stack, which stays, is `None`.
    fn jump_if_top_is_none(&mut self) -> usize {
        self.emit(Op::Dup);
        self.load_none();
        self.emit(Op::Compare(CmpOp::Is));
        self.emit(Op::PopJumpIfTrue(0))
    }

    /// Pops the top of the stack into the list in local `slot`.
    fn append_to_list(&mut self, slot: u32) {
        self.emit(Op::LoadFast(slot));
        self.emit(Op::Swap);
        self.emit(Op::ListAppend(1));
        self.emit(Op::Pop);
    }

    /// The body of an `except` clause or of a `finally` run for an exception (caught in `slot`):
    /// the exception counts as being handled until it ends.
    fn handling_body(&mut self, slot: u32, body: &'a [Stmt]) -> Result<()> {
        self.unit.caught.push(slot);
        self.unit.handling += 1;
        self.unit.blocks.push(Block::Handling);
        let compiled = self.block(body);
        self.unit.blocks.pop();
        self.unit.handling -= 1;
        self.unit.caught.pop();
        compiled?;
        self.emit(Op::PopExcept);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) -> Result<()> {
        self.begin_protected(Cleanup::Finally(finalbody));
        if handlers.is_empty() {
            self.block(body)?;
            self.block(orelse)?;
        } else {
            self.try_except(body, handlers, orelse, is_star)?;
        }
        // The normal way out runs the `finally` body outside the protected range.
        let normal = self.emit(Op::Jump(0));
        self.end_protected();
        let slot = self.hidden_local();
        self.emit(Op::StoreFast(slot));
        self.emit(Op::LoadFast(slot));
        self.emit(Op::PushExcept);
        self.handling_body(slot, finalbody)?;
        self.emit(Op::LoadFast(slot));
        self.emit(Op::Reraise);
        self.patch(normal);
        self.block(finalbody)
    }

    /// `async for target in iter: body else: orelse`: each item is what awaiting the
    /// iterator's `__anext__()` gives, until it raises `StopAsyncIteration`.
    fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        self.expr(iter)?;
        self.emit(Op::GetAIter);
        let start = self.here();
        // The iterator is on the stack (its loop's block is not open yet).
        let exit = self.async_next_item(start, self.stack_depth() + 1);
        self.for_loop_body(start, exit, iter, target, body, orelse)
    }

    /// The rest of a `for` or `async for` loop whose head starts at `start` and leaves through
    /// instruction `exit` once the iterator (made from `iter`) is done.
    fn for_loop_body(
        &mut self,
        start: u32,
        exit: usize,
        iter: &'a Expr,
        target: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        self.unit.blocks.push(Block::Loop {
            start,
            breaks: Vec::new(),
            is_for: true,
            owns_iterator: matches!(iter.kind, ExprKind::Call { .. }),
        });
        self.target(target)?;
        self.block(body)?;
        self.emit(Op::Jump(start));
        self.end_loop(vec![exit], orelse)
    }

    /// The head of an `async for` loop starting at `start`, with `operands` on the stack (the
    /// iterator last): awaits the next item, and on `StopAsyncIteration` leaves through the
    /// returned instruction (its jump target is the loop's exit, patched later).
    pub(super) fn async_next_item(&mut self, start: u32, operands: u32) -> usize {
        self.emit(Op::GetANext);
        self.emit(Op::Await);
        let handler = self.push_range(start, operands, self.unit.handling);
        let next_item = self.emit(Op::Jump(0));
        self.unit.handlers[handler].target = self.here();
        let exit = self.emit(Op::EndAsyncFor(0));
        self.patch(next_item);
        exit
    }

    /// `with a as x, b: body` is `with a as x: with b: body`. In `async with` (`is_async`), what
    /// `__aenter__` and `__aexit__` return is awaited. The exit calls are attributed to the
    /// statement's line (`span`), as in CPython.
    fn with(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
        span: Span,
    ) -> Result<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.block(body);
        };
        self.expr(&item.context)?;
        let exit = self.hidden_local();
        if is_async {
            self.emit(Op::BeforeAsyncWith(exit));
            self.emit(Op::Await);
        } else {
            self.emit(Op::BeforeWith(exit));
        }
        match &item.target {
            Some(t) => self.target(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        self.begin_protected(if is_async {
            Cleanup::AsyncExitWith(exit)
        } else {
            Cleanup::ExitWith(exit)
        });
        self.with(rest, body, is_async, span)?;
        let normal = self.emit(Op::Jump(0));
        self.end_protected();
        let slot = self.hidden_local();
        self.at(span);
        self.emit(Op::StoreFast(slot));
        self.emit(Op::LoadFast(slot));
        self.emit(Op::PushExcept);
        self.emit(Op::LoadFast(slot));
        if is_async {
            self.emit(Op::AsyncExitWithException(exit));
            self.emit(Op::Await);
        } else {
            self.emit(Op::ExitWithException(exit));
        }
        self.emit(Op::PopExcept);
        let suppressed = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::LoadFast(slot));
        self.emit(Op::Reraise);
        self.patch(normal);
        self.at(span);
        if is_async {
            self.emit(Op::AsyncExitWith(exit));
            self.emit(Op::Await);
            self.emit(Op::Pop);
        } else {
            self.emit(Op::ExitWith(exit));
        }
        self.patch(suppressed);
        Ok(())
    }

    pub(super) fn target(&mut self, t: &'a Expr) -> Result<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.store(n);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                self.at(t.span);
                let star = items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    Some(s) => {
                        let after = items.len() - s - 1;
                        self.emit(Op::UnpackEx(s as u32, after as u32));
                    }
                    None => {
                        self.emit(Op::UnpackSequence(items.len() as u32));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.target(inner)?,
                        _ => self.target(item)?,
                    }
                }
                Ok(())
            }
            ExprKind::Subscript(container, index) => {
                self.subscript_operands(container, index, t.span)?;
                self.emit(Op::StoreSubscr);
                Ok(())
            }
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let i = self.name(&attr.name);
                self.at(t.span);
                self.emit(Op::StoreAttr(i));
                Ok(())
            }
            _ => unsupported(&format!("assignment to {}", t.describe()), t.span),
        }
    }

    pub(super) fn delete(&mut self, t: &'a Expr) -> Result<()> {
        self.at(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.delete(i))
            }
            ExprKind::Subscript(container, index) => {
                self.subscript_operands(container, index, t.span)?;
                self.emit(Op::DeleteSubscr);
                Ok(())
            }
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let i = self.name(&attr.name);
                self.at(t.span);
                self.emit(Op::DeleteAttr(i));
                Ok(())
            }
            _ => unsupported(&format!("deleting {}", t.describe()), t.span),
        }
    }
}

impl Compiler<'_> {
    fn delete_name(&mut self, n: &Rc<str>, span: Span) -> Result<()> {
        let op = match self.place(n) {
            Place::Deref(_) => {
                return unsupported("deleting a variable an inner function uses", span)
            }
            Place::Fast(slot) => Op::DeleteFast(slot),
            Place::Global(i) => Op::DeleteGlobal(i),
            Place::Name(i) => Op::DeleteName(i),
        };
        self.emit(op);
        Ok(())
    }
}

fn statement_name(kind: &StmtKind) -> &'static str {
    match kind {
        StmtKind::ImportFrom { .. } => "this form of 'from … import'",
        StmtKind::For { .. } => "the 'async for' statement",
        _ => "this statement",
    }
}
