//! Code objects: instructions, their source lines, constants and names; and the disassembler
//! behind `baton --dis`.
//!
//! Instructions are a Rust enum of at most two `u32` operands (12 bytes): dispatch is one `match`,
//! operands need no decoding, and jumps hold absolute instruction indices.

use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Code(Rc<Code>),
    /// The keyword names of a call, in order.
    KwNames(Rc<[Rc<str>]>),
}

/// The keyword-names operand of a `BuildClass` whose class statement has no keywords.
pub const NO_KEYWORDS: u32 = u32::MAX;

/// One instruction. Operands index the code's `consts`, `names` or local slots, or are
/// instruction indices (jumps) or counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    /// Module-level name lookup: globals, then builtins.
    LoadGlobal(u32),
    StoreGlobal(u32),
    LoadAttr(u32),
    Binary(BinOp),
    /// `x op= y`: in place where the type supports it.
    InPlace(BinOp),
    Compare(CmpOp),
    Unary(UnaryOp),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `and`/`or`: keep the operand and jump, or pop it and go on.
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Push the iterator's next item, or pop the iterator and jump when it is exhausted.
    ForIter(u32),
    /// Call with this many positional arguments above the callee.
    Call(u32),
    /// Call with this many arguments above the callee, the last ones keyword arguments named by
    /// the `KwNames` constant.
    CallKw(u32, u32),
    Return,
    Pop,
    /// Pop an iterator nothing else holds (`break` out of `for x in f():`): a suspended
    /// generator is closed.
    PopDropIterator,
    /// Duplicate the top of the stack.
    Dup,
    /// Swap the two top items.
    Swap,
    /// Move the top item below the next two.
    RotThree,
    /// Replace a sequence on top with its items, last item deepest (so stores take them in order).
    UnpackSequence(u32),
    /// Duplicate the two top items.
    DupTwo,
    /// `container[index]` (index on top).
    BinarySubscr,
    /// `container[index] = value` (stack: value, container, index).
    StoreSubscr,
    DeleteSubscr,
    /// Make a slice from start, stop and step.
    BuildSlice,
    /// Make a dict from this many key/value pairs.
    BuildMap(u32),
    DeleteFast(u32),
    DeleteGlobal(u32),
    /// Read or write the cell in deref slot n (cells, then free variables).
    LoadDeref(u32),
    StoreDeref(u32),
    /// Push the cell object itself (to close over it).
    LoadClosure(u32),
    /// Raise the popped exception (or exception type).
    Raise,
    /// Push the built-in exception type named by a string constant (for `assert`, which must
    /// not see a shadowing global).
    LoadBuiltinException(u32),
    /// Push whether the exception below the popped type matches it (`except T:`).
    CheckExcMatch,
    /// `except* T:` (T popped): replace what is left of the caught exception (below T) with
    /// the part T matches (`None` if none) and, above it, the new rest.
    CheckEgMatch,
    /// After the `except*` clauses: pop the list of what they raised (what no clause matched
    /// last) and the exception first caught, and push what to raise (`None` for nothing).
    PrepReraiseStar,
    /// Append the popped value to the list n items down the stack (comprehensions).
    ListAppend(u32),
    /// Pop a value and a key and store them into the dict n items down the stack.
    MapAdd(u32),
    /// Format the top of the stack (with a spec below it when the flag is set) for an f-string;
    /// the conversion is 0 (none), b's', b'r' or b'a'.
    FormatValue(u8, bool),
    BuildString(u32),
    BuildTuple(u32),
    BuildList(u32),
    /// Make a function from the code constant, taking this many default values off the stack.
    MakeFunction(u32, u32),
    ImportName(u32),
    /// Push attribute `names[n]` of the module on top (`from m import n`), keeping the module.
    ImportFrom(u32),
    /// Class-body names: the namespace in local slot 0, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// `obj.name = value` (stack: value, obj).
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Push what calling `obj.name(...)` needs: the function and `obj`, or an empty slot and the
    /// attribute when it is not a plain method. The second operand numbers the instruction's
    /// method cache (given when the code is loaded).
    LoadMethod(u32, u32),
    /// Call after `LoadMethod` with this many arguments (and keyword names, for the `Kw` form).
    CallMethod(u32),
    CallMethodKw(u32, u32),
    /// Call with a tuple of positional arguments and (when the flag is set) a dict of keyword
    /// arguments (`f(*args, **kwargs)`).
    CallEx(bool),
    /// Make a class from the body function, the name and this many bases and keyword values
    /// below them; the keywords' names are the `KwNames` constant (`NO_KEYWORDS`: none).
    BuildClass(u32, u32),
    /// Extend the list n items down the stack with the popped iterable.
    ListExtend(u32),
    /// Merge the popped mapping into the dict n items down (keyword arguments: no repeats).
    DictMerge(u32),
    /// Update the dict n items down with the popped mapping (`{**d}`).
    DictUpdate(u32),
    BuildSet(u32),
    /// A set display of more than two constants, which CPython builds from a folded
    /// frozenset constant (and so in that frozenset's order).
    BuildConstSet(u32),
    /// Replace the list on top with a tuple or a set of its items (displays with `*`).
    ListToTuple,
    ListToSet,
    /// Add the popped value to the set n items down the stack (set comprehensions).
    SetAdd(u32),
    /// Mark the exception on top as being handled (for `__context__`), and unmark it.
    PushExcept,
    PopExcept,
    /// Raise the popped exception object again, keeping its traceback.
    Reraise,
    /// `raise exc from cause` (stack: exc, cause).
    RaiseFrom,
    /// Enter the context manager on top: store its bound `__exit__` in local slot n and push what
    /// `__enter__` returns.
    BeforeWith(u32),
    /// Call the `__exit__` in slot n with the exception on top; push whether it suppressed it.
    ExitWithException(u32),
    /// Call the `__exit__` in slot n with three `None`s.
    ExitWith(u32),
    /// `async with`: store the context manager's bound `__aexit__` in local slot n and push what
    /// its `__aenter__` returns (to be awaited).
    BeforeAsyncWith(u32),
    /// Push what the `__aexit__` in slot n returns for the exception on top (to be awaited).
    AsyncExitWithException(u32),
    /// Push what the `__aexit__` in slot n returns for three `None`s (to be awaited).
    AsyncExitWith(u32),
    /// Unpack a sequence with a starred target: this many items before and after the star.
    UnpackEx(u32, u32),
    /// Suspend the generator, handing out the top of the stack; resumed, push the sent value.
    Yield,
    /// Replace the top of the stack with an iterator for `yield from`.
    GetYieldFromIter,
    /// `await`: run the coroutine on top of the stack (its frame above the awaiting one), which
    /// the value it returns then replaces.
    Await,
    /// `async for`: replace the top of the stack with its asynchronous iterator (`__aiter__`).
    GetAIter,
    /// `async for`: push the awaitable giving the next item of the asynchronous iterator on
    /// top (`__anext__`), keeping the iterator.
    GetANext,
    /// The handler of an `async for`'s `__anext__`: `StopAsyncIteration` (the exception on top)
    /// ends the loop (the iterator goes too) by jumping to the target; any other is raised again.
    EndAsyncFor(u32),
    /// Send the popped value to the iterator below it: push what it yields, or pop it, push its
    /// return value and jump when it is finished (`yield from` loops over this and `Yield`).
    YieldFrom(u32),
    // Fused instructions (see `peephole`): each does the work of the sequence in its comment.
    /// `LoadConst k; Compare op; PopJumpIfFalse t`.
    CompareConstJump(CmpOp, u32, u32),
    /// `Compare op; PopJumpIfFalse t`.
    CompareJump(CmpOp, u32),
    /// `LoadConst k; Compare op; PopJumpIfTrue t` and `Compare op; PopJumpIfTrue t`.
    CompareConstJumpIfTrue(CmpOp, u32, u32),
    CompareJumpIfTrue(CmpOp, u32),
    /// `LoadConst k; Binary op` and `LoadConst k; InPlace op`.
    BinaryConst(BinOp, u32),
    InPlaceConst(BinOp, u32),
    /// `LoadFast x; Binary op` and `LoadFast x; InPlace op`.
    BinaryFast(BinOp, u32),
    InPlaceFast(BinOp, u32),
    /// `LoadFast x; LoadAttr n`.
    LoadFastAttr(u32, u32),
    /// `LoadFast a; LoadFast b`.
    LoadFastPair(u32, u32),
    /// `LoadFast a; LoadFast b; Binary op`.
    BinaryFastFast(BinOp, u32, u32),
    /// `LoadFast x; LoadConst k; Binary op`.
    BinaryFastConst(BinOp, u32, u32),
    /// `Binary op; StoreFast x` and `InPlace op; StoreFast x`.
    BinaryStoreFast(BinOp, u32),
    InPlaceStoreFast(BinOp, u32),
    /// `LoadFast x; LoadConst k; Compare op; PopJumpIfFalse t` (and `…IfTrue`); the local's
    /// slot is 16 bits so the instruction stays three words.
    CompareFastConstJump(CmpOp, u16, u32, u32),
    CompareFastConstJumpIfTrue(CmpOp, u16, u32, u32),
    /// `LoadFast x; Return`.
    ReturnFast(u32),
    /// `LoadFast x; LoadConst k; InPlace op; StoreFast x` (`x += 1`).
    UpdateFastConst(BinOp, u32, u32),
    /// `StoreFast a; LoadFast b`.
    StoreFastLoadFast(u32, u32),
    /// `LoadConst k; BinarySubscr`.
    SubscrConst(u32),
    /// `LoadFast x; LoadConst k; BinarySubscr`.
    LoadFastSubscrConst(u32, u32),
    /// `DupTwo; BinarySubscr`: the item, keeping container and key (`a[i] op= …`).
    SubscrKeep,
    /// `LoadFast x; LoadConst k; DupTwo; BinarySubscr`.
    LoadFastSubscrConstKeep(u32, u32),
    /// `InPlace op; RotThree; StoreSubscr`: `container[key] = item op value`.
    InPlaceStoreSubscr(BinOp),
}

impl Op {
    /// The instruction index this instruction may jump to.
    pub fn jump_target(self) -> Option<u32> {
        let mut op = self;
        op.jump_target_mut().map(|t| *t)
    }

    pub fn jump_target_mut(&mut self) -> Option<&mut u32> {
        match self {
            Op::Jump(t)
            | Op::PopJumpIfFalse(t)
            | Op::PopJumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::ForIter(t)
            | Op::YieldFrom(t)
            | Op::EndAsyncFor(t)
            | Op::CompareJump(_, t)
            | Op::CompareConstJump(_, _, t)
            | Op::CompareJumpIfTrue(_, t)
            | Op::CompareConstJumpIfTrue(_, _, t)
            | Op::CompareFastConstJump(_, _, _, t)
            | Op::CompareFastConstJumpIfTrue(_, _, _, t) => Some(t),
            _ => None,
        }
    }

    /// The local slots this instruction reads or writes directly (the dispatch loop does so
    /// without bounds checks, trusting [`Code::validate`]).
    fn fast_slots(self) -> [Option<u32>; 2] {
        match self {
            Op::LoadFast(x)
            | Op::StoreFast(x)
            | Op::BinaryFast(_, x)
            | Op::InPlaceFast(_, x)
            | Op::UpdateFastConst(_, x, _)
            | Op::LoadFastAttr(x, _)
            | Op::LoadFastSubscrConst(x, _)
            | Op::LoadFastSubscrConstKeep(x, _)
            | Op::BinaryStoreFast(_, x)
            | Op::InPlaceStoreFast(_, x)
            | Op::BinaryFastConst(_, x, _)
            | Op::ReturnFast(x) => [Some(x), None],
            Op::CompareFastConstJump(_, x, _, _) | Op::CompareFastConstJumpIfTrue(_, x, _, _) => {
                [Some(u32::from(x)), None]
            }
            Op::LoadFastPair(a, b) | Op::StoreFastLoadFast(a, b) | Op::BinaryFastFast(_, a, b) => {
                [Some(a), Some(b)]
            }
            _ => [None, None],
        }
    }

    /// The constant this instruction reads directly.
    fn const_operand(self) -> Option<u32> {
        match self {
            Op::LoadConst(k)
            | Op::BinaryConst(_, k)
            | Op::InPlaceConst(_, k)
            | Op::CompareConstJump(_, k, _)
            | Op::CompareConstJumpIfTrue(_, k, _)
            | Op::CompareFastConstJump(_, _, k, _)
            | Op::CompareFastConstJumpIfTrue(_, _, k, _)
            | Op::BinaryFastConst(_, _, k)
            | Op::UpdateFastConst(_, _, k)
            | Op::SubscrConst(k)
            | Op::LoadFastSubscrConst(_, k)
            | Op::LoadFastSubscrConstKeep(_, k) => Some(k),
            _ => None,
        }
    }

    /// Whether execution never goes on to the next instruction.
    pub(super) fn ends_flow(self) -> bool {
        matches!(
            self,
            Op::Return | Op::ReturnFast(_) | Op::Jump(_) | Op::Raise | Op::Reraise | Op::RaiseFrom
        )
    }
}

/// A compiled function or module body.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub name: Rc<str>,
    /// The dotted name tracebacks and argument errors use (`Vec.__init__`, `f.<locals>.g`).
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub ops: Vec<Op>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    pub consts: Vec<Const>,
    pub names: Vec<Rc<str>>,
    /// Local slots: parameters first, in order.
    pub varnames: Vec<Rc<str>>,
    pub argcount: u32,
    /// Of the positional parameters, how many are positional-only; then the keyword-only ones,
    /// which follow them in the slots, then `*args` and `**kwargs` when present.
    pub posonlycount: u32,
    pub kwonlycount: u32,
    pub varargs: bool,
    pub varkw: bool,
    /// A generator function: calling it makes a generator instead of running the body.
    pub is_generator: bool,
    /// An `async def`: calling it makes a coroutine instead of running the body.
    pub is_coroutine: bool,
    /// Locals that inner functions use, kept in cells; then the cells taken from the enclosing
    /// function. Frames hold them after the local slots, cells first.
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// Parameters that are cells: (cell index, parameter slot), copied in at the call.
    pub cell_params: Vec<(u32, u32)>,
    /// Exception handlers, innermost first.
    pub handlers: Vec<Handler>,
    /// A function's docstring (its `__doc__`).
    pub doc: Option<Rc<str>>,
}

impl Code {
    /// Checks what the dispatch loop relies on without checking again: local slot and constant
    /// operands in range, jumps and handlers inside the code, a last instruction that does not
    /// fall off the end, and an operand stack that never underflows; the most operands it ever
    /// holds (see [`super::stack_depth`]). The compiler only makes valid code; this keeps it so.
    pub fn validate(&self) -> Result<u32, String> {
        let len = self.ops.len() as u32;
        if !self.ops.last().is_some_and(|op| op.ends_flow()) {
            return Err(format!("{}: code does not end in a return", self.qualname));
        }
        let nlocals = self.varnames.len() as u32;
        let nconsts = self.consts.len() as u32;
        for (at, &op) in self.ops.iter().enumerate() {
            let bad_slot = op.fast_slots().into_iter().flatten().any(|x| x >= nlocals);
            let bad_const = op.const_operand().is_some_and(|k| k >= nconsts);
            let bad_jump = op.jump_target().is_some_and(|t| t >= len);
            if bad_slot || bad_const || bad_jump {
                return Err(format!("{}: bad operand at {at}: {op:?}", self.qualname));
            }
        }
        if self.handlers.iter().any(|h| h.target >= len) {
            return Err(format!("{}: handler outside the code", self.qualname));
        }
        super::stack_depth::max_depth(self)
    }
}

/// An exception handler: an exception raised by an instruction in `start..end` clears the
/// operand stack down to `depth` items above the frame's slots, is pushed, and execution
/// continues at `target`; `handling` is how many exceptions the frame was handling (in `except`
/// and `finally` blocks) where the handler's protected code runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub handling: u32,
}

impl fmt::Display for Code {
    /// The disassembly: a header, then one instruction per line with its source line where it
    /// changes, its index, and its operand resolved to a name or constant.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Disassembly of <code {}> (line {}):",
            self.name, self.first_line
        )?;
        let mut last_line = 0;
        for (i, op) in self.ops.iter().enumerate() {
            let line = self.lines[i];
            let shown = if line != last_line {
                line.to_string()
            } else {
                String::new()
            };
            last_line = line;
            let (name, arg) = self.describe(op);
            writeln!(f, "{shown:>5} {i:>5} {name:<20} {arg}")?;
        }
        for c in &self.consts {
            if let Const::Code(code) = c {
                writeln!(f)?;
                write!(f, "{code}")?;
            }
        }
        Ok(())
    }
}

impl Code {
    fn describe(&self, op: &Op) -> (String, String) {
        let name = |i: &u32| {
            self.names
                .get(*i as usize)
                .map_or_else(String::new, |n| format!("{i} ({n})"))
        };
        let local = |i: &u32| {
            self.varnames
                .get(*i as usize)
                .map_or_else(String::new, |n| format!("{i} ({n})"))
        };
        let text = format!("{op:?}");
        let mnemonic = text.split('(').next().unwrap_or_default().to_owned();
        let arg = match op {
            Op::LoadConst(i) | Op::MakeFunction(i, _) | Op::LoadBuiltinException(i) => {
                format!("{i} ({})", self.const_repr(*i))
            }
            Op::CallKw(n, names) => format!("{n} {}", self.const_repr(*names)),
            Op::LoadFast(i)
            | Op::StoreFast(i)
            | Op::DeleteFast(i)
            | Op::BeforeWith(i)
            | Op::ExitWith(i)
            | Op::ExitWithException(i)
            | Op::BeforeAsyncWith(i)
            | Op::AsyncExitWith(i)
            | Op::AsyncExitWithException(i) => local(i),
            Op::CallMethodKw(n, names) => format!("{n} {}", self.const_repr(*names)),
            Op::UnpackEx(before, after) => format!("{before} {after}"),
            Op::CallEx(kw) => if *kw { "with keywords" } else { "" }.to_owned(),
            Op::LoadDeref(i) | Op::StoreDeref(i) | Op::LoadClosure(i) => {
                let n = self.cellvars.iter().chain(&self.freevars).nth(*i as usize);
                n.map_or_else(String::new, |n| format!("{i} ({n})"))
            }
            Op::ListAppend(n)
            | Op::MapAdd(n)
            | Op::ListExtend(n)
            | Op::DictMerge(n)
            | Op::DictUpdate(n)
            | Op::SetAdd(n)
            | Op::BuildSet(n)
            | Op::BuildConstSet(n)
            | Op::CallMethod(n) => n.to_string(),
            Op::BuildClass(n, NO_KEYWORDS) => n.to_string(),
            Op::BuildClass(n, names) => format!("{n} {}", self.const_repr(*names)),
            Op::LoadGlobal(i)
            | Op::StoreGlobal(i)
            | Op::DeleteGlobal(i)
            | Op::LoadAttr(i)
            | Op::ImportName(i)
            | Op::ImportFrom(i)
            | Op::LoadName(i)
            | Op::StoreName(i)
            | Op::DeleteName(i)
            | Op::StoreAttr(i)
            | Op::DeleteAttr(i)
            | Op::LoadMethod(i, _) => name(i),
            Op::Binary(o) | Op::InPlace(o) => format!("{o:?}"),
            Op::Compare(o) => format!("{o:?}"),
            Op::Unary(o) => format!("{o:?}"),
            Op::Jump(t)
            | Op::PopJumpIfFalse(t)
            | Op::PopJumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::ForIter(t)
            | Op::YieldFrom(t)
            | Op::EndAsyncFor(t) => {
                format!("to {t}")
            }
            Op::CompareConstJump(o, k, t) | Op::CompareConstJumpIfTrue(o, k, t) => {
                format!("{o:?} {k} ({}) to {t}", self.const_repr(*k))
            }
            Op::CompareJump(o, t) | Op::CompareJumpIfTrue(o, t) => format!("{o:?} to {t}"),
            Op::BinaryConst(o, k) | Op::InPlaceConst(o, k) => {
                format!("{o:?} {k} ({})", self.const_repr(*k))
            }
            Op::BinaryFast(o, x) | Op::InPlaceFast(o, x) => format!("{o:?} {}", local(x)),
            Op::BinaryFastFast(o, a, b) => format!("{o:?} {} {}", local(a), local(b)),
            Op::BinaryStoreFast(o, x) | Op::InPlaceStoreFast(o, x) => format!("{o:?} {}", local(x)),
            Op::BinaryFastConst(o, x, k) => {
                format!("{o:?} {} {k} ({})", local(x), self.const_repr(*k))
            }
            Op::CompareFastConstJump(o, x, k, t) | Op::CompareFastConstJumpIfTrue(o, x, k, t) => {
                format!(
                    "{o:?} {} {k} ({}) to {t}",
                    local(&u32::from(*x)),
                    self.const_repr(*k)
                )
            }
            Op::ReturnFast(x) => local(x),
            Op::UpdateFastConst(o, x, k) => {
                format!("{o:?} {} {k} ({})", local(x), self.const_repr(*k))
            }
            Op::LoadFastAttr(x, n) => format!("{} {}", local(x), name(n)),
            Op::LoadFastPair(a, b) | Op::StoreFastLoadFast(a, b) => {
                format!("{} {}", local(a), local(b))
            }
            Op::SubscrConst(k) => format!("{k} ({})", self.const_repr(*k)),
            Op::LoadFastSubscrConst(x, k) | Op::LoadFastSubscrConstKeep(x, k) => {
                format!("{} {k} ({})", local(x), self.const_repr(*k))
            }
            Op::InPlaceStoreSubscr(o) => format!("{o:?}"),
            Op::Call(n)
            | Op::BuildString(n)
            | Op::BuildTuple(n)
            | Op::BuildList(n)
            | Op::UnpackSequence(n)
            | Op::BuildMap(n) => n.to_string(),
            Op::FormatValue(conv, spec) => {
                let conv = if *conv == 0 {
                    String::new()
                } else {
                    format!("!{}", *conv as char)
                };
                format!("{conv}{}", if *spec { " with spec" } else { "" })
            }
            Op::GetIter
            | Op::Return
            | Op::Pop
            | Op::PopDropIterator
            | Op::Dup
            | Op::Swap
            | Op::RotThree
            | Op::DupTwo
            | Op::BinarySubscr
            | Op::SubscrKeep
            | Op::StoreSubscr
            | Op::DeleteSubscr
            | Op::BuildSlice
            | Op::Raise
            | Op::CheckExcMatch
            | Op::CheckEgMatch
            | Op::PrepReraiseStar
            | Op::PushExcept
            | Op::ListToTuple
            | Op::ListToSet
            | Op::PopExcept
            | Op::Reraise
            | Op::RaiseFrom
            | Op::Yield
            | Op::GetYieldFromIter
            | Op::Await
            | Op::GetAIter
            | Op::GetANext => String::new(),
        };
        (mnemonic, arg)
    }

    fn const_repr(&self, i: u32) -> String {
        match self.consts.get(i as usize) {
            Some(Const::None) => "None".into(),
            Some(Const::Ellipsis) => "Ellipsis".into(),
            Some(Const::Bool(b)) => if *b { "True" } else { "False" }.into(),
            Some(Const::Int(v)) => v.to_string(),
            Some(Const::BigInt(v)) => v.to_string(),
            Some(Const::Float(v)) => crate::runtime::format::float_repr(*v),
            Some(Const::Str(s)) => format!("{s:?}"),
            Some(Const::Bytes(b)) => crate::runtime::format::bytes_repr(b),
            Some(Const::Code(c)) => format!("<code {}>", c.name),
            Some(Const::KwNames(names)) => format!("{names:?}"),
            None => "?".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interpreter::compile_source;

    fn function_code() -> Code {
        let module = compile_source("t.py", "def f(a):\n    b = a + 1\n    return b\n").unwrap();
        let Some(Const::Code(f)) = module.consts.iter().find(|c| matches!(c, Const::Code(_)))
        else {
            panic!("no function code");
        };
        (**f).clone()
    }

    #[test]
    fn compiled_code_is_valid() {
        assert_eq!(function_code().validate(), Ok(1));
    }

    #[test]
    fn validation_rejects_what_dispatch_would_trust() {
        let mut bad_slot = function_code();
        bad_slot.ops.insert(0, Op::LoadFast(7));
        assert!(bad_slot.validate().is_err());

        let mut bad_const = function_code();
        bad_const.ops.insert(0, Op::LoadConst(99));
        assert!(bad_const.validate().is_err());

        let mut bad_jump = function_code();
        bad_jump.ops.insert(0, Op::Jump(1000));
        assert!(bad_jump.validate().is_err());

        let mut underflows = function_code();
        underflows.ops.insert(0, Op::Pop);
        assert!(underflows.validate().is_err());

        let mut falls_off = function_code();
        falls_off.ops.push(Op::LoadConst(0));
        assert!(falls_off.validate().is_err());
    }
}
