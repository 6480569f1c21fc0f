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
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Code(Rc<Code>),
    /// The keyword names of a call, in order.
    KwNames(Rc<[Rc<str>]>),
}

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
}

/// A compiled function or module body.
#[derive(Debug, PartialEq)]
pub struct Code {
    pub name: Rc<str>,
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
    /// Locals that inner functions use, kept in cells; then the cells taken from the enclosing
    /// function. Frames hold them after the local slots, cells first.
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// Parameters that are cells: (cell index, parameter slot), copied in at the call.
    pub cell_params: Vec<(u32, u32)>,
    /// Exception handlers, innermost first.
    pub handlers: Vec<Handler>,
}

/// An exception handler: an exception raised by an instruction in `start..end` clears the
/// operand stack down to `depth` items above the frame's slots, is pushed, and execution
/// continues at `target`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
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
            Op::LoadFast(i) | Op::StoreFast(i) | Op::DeleteFast(i) => local(i),
            Op::LoadDeref(i) | Op::StoreDeref(i) | Op::LoadClosure(i) => {
                let n = self.cellvars.iter().chain(&self.freevars).nth(*i as usize);
                n.map_or_else(String::new, |n| format!("{i} ({n})"))
            }
            Op::ListAppend(n) | Op::MapAdd(n) => n.to_string(),
            Op::LoadGlobal(i)
            | Op::StoreGlobal(i)
            | Op::DeleteGlobal(i)
            | Op::LoadAttr(i)
            | Op::ImportName(i) => name(i),
            Op::Binary(o) | Op::InPlace(o) => format!("{o:?}"),
            Op::Compare(o) => format!("{o:?}"),
            Op::Unary(o) => format!("{o:?}"),
            Op::Jump(t)
            | Op::PopJumpIfFalse(t)
            | Op::PopJumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::ForIter(t) => {
                format!("to {t}")
            }
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
            | Op::Dup
            | Op::Swap
            | Op::RotThree
            | Op::DupTwo
            | Op::BinarySubscr
            | Op::StoreSubscr
            | Op::DeleteSubscr
            | Op::BuildSlice
            | Op::Raise
            | Op::CheckExcMatch => String::new(),
        };
        (mnemonic, arg)
    }

    fn const_repr(&self, i: u32) -> String {
        match self.consts.get(i as usize) {
            Some(Const::None) => "None".into(),
            Some(Const::Bool(b)) => if *b { "True" } else { "False" }.into(),
            Some(Const::Int(v)) => v.to_string(),
            Some(Const::BigInt(v)) => v.to_string(),
            Some(Const::Float(v)) => crate::runtime::format::float_repr(*v),
            Some(Const::Str(s)) => format!("{s:?}"),
            Some(Const::Code(c)) => format!("<code {}>", c.name),
            Some(Const::KwNames(names)) => format!("{names:?}"),
            None => "?".into(),
        }
    }
}
