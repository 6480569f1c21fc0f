//! Compiling expressions: operators, calls (plain, method, `*`/`**`), displays, subscripts,
//! f-strings, `yield`.

use super::bytecode::{Const, Op};
use super::compiler::{unsupported, Compiler, Result};
use super::functions::Comp;
use crate::syntax::ast::*;
use crate::syntax::IntLit;
use crate::syntax::Span;

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred(_))
}

/// A literal CPython folds into a constant (a negated number included).
fn is_folded_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp(UnaryOp::Neg, operand) => {
            matches!(operand.kind, ExprKind::Constant(_))
        }
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<()> {
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
                    Constant::Ellipsis => Const::Ellipsis,
                    Constant::Imaginary(_) => return unsupported("a complex number", e.span),
                    Constant::Bytes(b) => Const::Bytes(b.clone()),
                };
                self.load_const(c);
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
                let to_else = self.jump_unless(test)?;
                self.expr(body)?;
                let to_end = self.emit(Op::Jump(0));
                self.patch_all(to_else);
                self.expr(orelse)?;
                self.patch(to_end);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords, e.span)?,
            ExprKind::Attribute(value, attr) => {
                self.expr(value)?;
                let i = self.name(&attr.name);
                self.at(e.span);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                let n = items.len() as u32;
                let build = match e.kind {
                    ExprKind::Tuple(_) => Op::BuildTuple(n),
                    ExprKind::List(_) => Op::BuildList(n),
                    _ if n > 2 && items.iter().all(is_folded_constant) => Op::BuildConstSet(n),
                    _ => Op::BuildSet(n),
                };
                if items.iter().any(is_starred) {
                    self.starred_display(items, build)?;
                } else {
                    for item in items {
                        self.expr(item)?;
                    }
                    self.at(e.span);
                    self.emit(build);
                }
            }
            ExprKind::Subscript(container, index) => {
                self.subscript_operands(container, index, e.span)?;
                self.emit(Op::BinarySubscr);
            }
            ExprKind::Lambda(params, body) => self.lambda(params, body, e.span)?,
            ExprKind::ListComp(elt, gens) => self.comprehension(Comp::List(elt), gens, e.span)?,
            ExprKind::SetComp(elt, gens) => self.comprehension(Comp::Set(elt), gens, e.span)?,
            ExprKind::GeneratorExp(elt, gens) => {
                self.comprehension(Comp::Generator(elt), gens, e.span)?
            }
            ExprKind::DictComp(kv, gens) => {
                self.comprehension(Comp::Dict(&kv.0, &kv.1), gens, e.span)?
            }
            ExprKind::Dict(entries) => {
                if entries.iter().any(|(k, _)| k.is_none()) {
                    self.emit(Op::BuildMap(0));
                    for (key, value) in entries {
                        match key {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(value)?;
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(value)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                } else {
                    for (key, value) in entries {
                        if let Some(k) = key {
                            self.expr(k)?;
                        }
                        self.expr(value)?;
                    }
                    self.at(e.span);
                    self.emit(Op::BuildMap(entries.len() as u32));
                }
            }
            ExprKind::NamedExpr(target, value) => {
                self.expr(value)?;
                self.emit(Op::Dup);
                self.target(target)?;
            }
            ExprKind::Yield(value) => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.at(e.span);
                self.emit(Op::Yield);
            }
            ExprKind::Await(value) => {
                self.expr(value)?;
                self.at(e.span);
                self.emit(Op::Await);
            }
            ExprKind::YieldFrom(value) => {
                self.expr(value)?;
                self.at(e.span);
                self.emit(Op::GetYieldFromIter);
                self.load_none();
                let start = self.here();
                let send = self.emit(Op::YieldFrom(0));
                self.emit(Op::Yield);
                self.emit(Op::Jump(start));
                self.patch(send);
            }
            _ => return unsupported(expression_name(e), e.span),
        }
        Ok(())
    }

    /// Compiles condition `test` as a branch: the jumps returned (to patch) are taken when it is
    /// false, and execution falls through when it is true.
    pub(super) fn jump_unless(&mut self, test: &'a Expr) -> Result<Vec<usize>> {
        let mut jumps = Vec::new();
        self.branch(test, false, &mut jumps)?;
        Ok(jumps)
    }

    /// Compiles `test` to jump (adding the jumps to `jumps`) when its truth is `jump_when`, and
    /// fall through otherwise. `not`, `and` and `or` become jumps, as CPython compiles them, so
    /// each operand's truth is found once (`__bool__` runs once) and no value is kept.
    pub(super) fn branch(
        &mut self,
        test: &'a Expr,
        jump_when: bool,
        jumps: &mut Vec<usize>,
    ) -> Result<()> {
        match &test.kind {
            ExprKind::UnaryOp(UnaryOp::Not, operand) => self.branch(operand, !jump_when, jumps),
            ExprKind::BoolOp(op, values) => {
                let Some((last, rest)) = values.split_last() else {
                    return Ok(());
                };
                if (*op == BoolOp::Or) == jump_when {
                    // Any operand deciding it decides the whole.
                    for v in values {
                        self.branch(v, jump_when, jumps)?;
                    }
                } else {
                    // Only the last operand can decide it this way: an earlier one deciding
                    // the other way skips to the end.
                    let mut skips = Vec::new();
                    for v in rest {
                        self.branch(v, !jump_when, &mut skips)?;
                    }
                    self.branch(last, jump_when, jumps)?;
                    self.patch_all(skips);
                }
                Ok(())
            }
            _ => {
                self.expr(test)?;
                jumps.push(self.emit(if jump_when {
                    Op::PopJumpIfTrue(0)
                } else {
                    Op::PopJumpIfFalse(0)
                }));
                Ok(())
            }
        }
    }

    /// A display with `*` items: built as a list, then converted.
    fn starred_display(&mut self, items: &'a [Expr], build: Op) -> Result<()> {
        self.emit(Op::BuildList(0));
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(item)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        match build {
            Op::BuildTuple(_) => {
                self.emit(Op::ListToTuple);
            }
            Op::BuildSet(_) => {
                self.emit(Op::ListToSet);
            }
            _ => {}
        }
        Ok(())
    }

    fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        span: Span,
    ) -> Result<()> {
        let needs_ex = args.iter().any(is_starred) || keywords.iter().any(|k| k.name.is_none());
        if needs_ex {
            self.expr(func)?;
            self.emit(Op::BuildList(0));
            for a in args {
                match &a.kind {
                    ExprKind::Starred(inner) => {
                        self.expr(inner)?;
                        self.emit(Op::ListExtend(1));
                    }
                    _ => {
                        self.expr(a)?;
                        self.emit(Op::ListAppend(1));
                    }
                }
            }
            if !keywords.is_empty() {
                self.emit(Op::BuildMap(0));
                for k in keywords {
                    match &k.name {
                        Some(name) => {
                            self.load_const(Const::Str(name.name.clone()));
                            self.expr(&k.value)?;
                            self.emit(Op::MapAdd(1));
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.at(span);
                            self.emit(Op::DictMerge(1));
                        }
                    }
                }
            }
            self.at(span);
            self.emit(Op::CallEx(!keywords.is_empty()));
            return Ok(());
        }
        if let ExprKind::Name(n) = &func.kind {
            if &**n == "super" && args.is_empty() && keywords.is_empty() {
                return self.zero_argument_super(span);
            }
        }
        let method = match &func.kind {
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let i = self.name(&attr.name);
                self.at(func.span);
                self.emit(Op::LoadMethod(i, 0));
                true
            }
            _ => {
                self.expr(func)?;
                false
            }
        };
        for a in args {
            self.expr(a)?;
        }
        let mut names = Vec::with_capacity(keywords.len());
        for k in keywords {
            self.expr(&k.value)?;
            if let Some(name) = &k.name {
                names.push(name.name.clone());
            }
        }
        self.at(span);
        let argc = (args.len() + keywords.len()) as u32;
        let op = match (method, names.is_empty()) {
            (false, true) => Op::Call(argc),
            (true, true) => Op::CallMethod(argc),
            (false, false) => Op::CallKw(argc, self.constant(Const::KwNames(names.into()))),
            (true, false) => Op::CallMethodKw(argc, self.constant(Const::KwNames(names.into()))),
        };
        self.emit(op);
        Ok(())
    }

    /// `super()` in a method: `super(__class__, first argument)`.
    fn zero_argument_super(&mut self, span: Span) -> Result<()> {
        let class_cell = self.unit.derefs.get("__class__").copied();
        let first = self.unit.varnames.first().cloned();
        self.load(&"super".into());
        if let (Some(cell), Some(first), true) = (class_cell, first, self.unit.argcount > 0) {
            self.emit(Op::LoadDeref(cell));
            self.load(&first);
            self.at(span);
            self.emit(Op::Call(2));
        } else {
            self.at(span);
            self.emit(Op::Call(0));
        }
        Ok(())
    }

    /// Pushes a subscript's container and index, ready for the instruction at `span`.
    pub(super) fn subscript_operands(
        &mut self,
        container: &'a Expr,
        index: &'a Expr,
        span: Span,
    ) -> Result<()> {
        self.expr(container)?;
        self.subscript_index(index)?;
        self.at(span);
        Ok(())
    }

    /// The index of a subscript: an expression, or a slice built from its three parts.
    pub(super) fn subscript_index(&mut self, index: &'a Expr) -> Result<()> {
        match &index.kind {
            ExprKind::Slice(lower, upper, step) => {
                for part in [lower, upper, step] {
                    match part {
                        Some(e) => self.expr(e)?,
                        None => self.load_none(),
                    }
                }
                self.emit(Op::BuildSlice);
                Ok(())
            }
            _ => self.expr(index),
        }
    }

    /// `a < b < c`: each middle operand is evaluated once; the chain stops at the first false.
    fn compare(&mut self, left: &'a Expr, rest: &'a [(CmpOp, Expr)], span: Span) -> Result<()> {
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

    fn fstring(&mut self, parts: &'a [FStringPart]) -> Result<()> {
        for part in parts {
            match part {
                FStringPart::Literal(s) => self.load_const(Const::Str(s.clone())),
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

fn expression_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Await(_) => "'await'",
        ExprKind::Starred(_) => "'*' unpacking here",
        ExprKind::Slice(..) => "a slice outside a subscript",
        _ => "this expression",
    }
}
