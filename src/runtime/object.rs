//! The objects that live on the heap, and what each one references (for the collector).

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;

use super::dict::Dict;
use super::value::{ObjRef, Value};
use crate::compile::{Code, Op};

/// A code object made ready to run: its instructions, its constants as values and the global
/// slot of each of its names, resolved once, when its function is made. One `Rc` of it is all a
/// call frame needs.
#[derive(Debug)]
pub struct Loaded {
    pub ops: Box<[Op]>,
    /// Cells made at each call, and free variables taken from the function's closure.
    pub ncells: usize,
    pub nfree: usize,
    pub cell_params: Box<[(u32, u32)]>,
    /// Positional parameters, and all local slots (parameters included).
    pub argcount: usize,
    pub nlocals: usize,
    pub consts: Box<[Value]>,
    pub globals: Box<[u32]>,
    pub code: Rc<Code>,
}

/// A function defined in Python.
#[derive(Debug)]
pub struct Function {
    pub name: Rc<str>,
    pub loaded: Rc<Loaded>,
    pub defaults: Box<[Value]>,
    /// The cells of the enclosing function's variables this one uses.
    pub closure: Box<[Value]>,
}

/// A built-in function: called with the VM, its positional arguments and its keyword arguments.
pub type NativeFn =
    fn(&mut crate::vm::Vm, &[Value], &[(Rc<str>, Value)]) -> Result<Value, crate::vm::Exception>;

#[derive(Debug)]
pub struct NativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// Whether it takes keyword arguments (the VM refuses them for it otherwise).
    pub keywords: bool,
}

/// A module: a name and its attributes.
#[derive(Debug)]
pub struct Module {
    pub name: Rc<str>,
    pub attrs: HashMap<Rc<str>, Value>,
}

#[derive(Debug)]
pub enum Object {
    Str(Box<str>),
    /// An int too large for a machine word (always; smaller ones are `Value::Int`).
    BigInt(BigInt),
    List(Vec<Value>),
    Tuple(Box<[Value]>),
    Function(Function),
    Native(NativeFunction),
    Module(Module),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    RangeIter {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Iterates a list, tuple or str by index, or a dict's keys by entry position.
    SeqIter {
        seq: ObjRef,
        index: usize,
    },
    Dict(Dict),
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    /// A variable shared between a function and the inner functions that use it.
    Cell(Value),
    /// A built-in exception type (`ValueError`).
    ExceptionType(&'static str),
    /// An exception object: its type, its arguments, and the message of one the VM raised.
    Exception {
        kind: &'static str,
        args: Box<[Value]>,
        message: Option<Box<str>>,
    },
    Enumerate {
        iter: Value,
        count: i64,
    },
    Zip {
        iters: Box<[Value]>,
    },
    /// A method of a built-in type bound to its receiver.
    BoundMethod {
        receiver: Value,
        func: NativeFn,
        name: &'static str,
    },
}

impl Object {
    /// Python's name for the object's type.
    pub fn type_name(&self) -> &'static str {
        match self {
            Object::Str(_) => "str",
            Object::BigInt(_) => "int",
            Object::List(_) => "list",
            Object::Tuple(_) => "tuple",
            Object::Function(_) => "function",
            Object::Native(_) => "builtin_function_or_method",
            Object::Module(_) => "module",
            Object::Range { .. } => "range",
            Object::RangeIter { .. } => "range_iterator",
            Object::SeqIter { .. } => "iterator",
            Object::Dict(_) => "dict",
            Object::Enumerate { .. } => "enumerate",
            Object::Cell(_) => "cell",
            Object::ExceptionType(_) => "type",
            Object::Exception { kind, .. } => kind,
            Object::Zip { .. } => "zip",
            Object::Slice { .. } => "slice",
            Object::BoundMethod { .. } => "builtin_function_or_method",
        }
    }

    /// Pushes every object this one references.
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        let values: &[Value] = match self {
            Object::List(items) => items,
            Object::Tuple(items) => items,
            Object::Function(f) => {
                out.extend(
                    f.loaded
                        .consts
                        .iter()
                        .chain(f.defaults.iter())
                        .chain(f.closure.iter())
                        .filter_map(|v| v.as_obj()),
                );
                return;
            }
            Object::Module(m) => {
                out.extend(m.attrs.values().filter_map(|v| v.as_obj()));
                return;
            }
            Object::SeqIter { seq, .. } => {
                out.push(*seq);
                return;
            }
            Object::Dict(d) => {
                out.extend(
                    d.iter()
                        .flat_map(|(k, v)| [k, v])
                        .filter_map(|v| v.as_obj()),
                );
                return;
            }
            Object::Slice { start, stop, step } => {
                out.extend([*start, *stop, *step].iter().filter_map(|v| v.as_obj()));
                return;
            }
            Object::Cell(v) => {
                out.extend(v.as_obj());
                return;
            }
            Object::Enumerate { iter, .. } => {
                out.extend(iter.as_obj());
                return;
            }
            Object::Zip { iters } => iters,
            Object::Exception { args, .. } => args,
            Object::BoundMethod { receiver, .. } => {
                out.extend(receiver.as_obj());
                return;
            }
            Object::ExceptionType(_)
            | Object::Str(_)
            | Object::BigInt(_)
            | Object::Native(_)
            | Object::Range { .. }
            | Object::RangeIter { .. } => return,
        };
        out.extend(values.iter().filter_map(|v| v.as_obj()));
    }
}
