//! The objects that live on the heap, and what each one references (for the collector).

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;

use super::dict::Dict;
use super::text::Text;
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
    /// No keyword-only parameters, `*args` or `**kwargs`: calls can take the short path.
    pub positional_only_params: bool,
    /// Positional parameters only, no cells, not a generator: a call with exactly `argcount`
    /// positional arguments just reserves the other locals and runs.
    pub plain_call: bool,
    pub nlocals: usize,
    /// Local slots, cells and free variables: the frame's values below its operands.
    pub slots: usize,
    /// The slots and the most operands the code ever holds: the stack room a frame takes.
    pub frame_room: usize,
    pub consts: Box<[Value]>,
    pub globals: Box<[u32]>,
    /// The code's names, interned by the VM (attribute tables match them by pointer).
    pub names: Box<[Rc<str>]>,
    pub code: Rc<Code>,
    /// One per `LoadMethod` instruction, numbered by its second operand.
    pub method_caches: Box<[Cell<MethodCache>]>,
}

/// What a `LoadMethod` instruction last found: the plain function that instances of `class`
/// get for its name, valid while the VM's class version is still `version` (any change to any
/// class, or a new class, makes it stale).
#[derive(Clone, Copy, Debug, Default)]
pub struct MethodCache {
    pub version: u64,
    pub class: Option<ObjRef>,
    pub method: Value,
}

/// A function defined in Python.
#[derive(Debug)]
pub struct Function {
    pub name: Rc<str>,
    pub loaded: Rc<Loaded>,
    pub defaults: Box<[Value]>,
    /// Defaults of the keyword-only parameters, in their order (`Unbound` where there is none).
    pub kwdefaults: Box<[Value]>,
    /// The cells of the enclosing function's variables this one uses.
    pub closure: Box<[Value]>,
    /// Attributes a program set on it (`wrapper.cache = {}`).
    pub attrs: Attrs,
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
    /// For a method of a built-in type reached through the type (`str.lower`): the type its
    /// first argument must be.
    pub receiver: Option<&'static str>,
}

pub use super::attrs::Attrs;

/// A class: built-in (`int`, `ValueError`) or made by a `class` statement.
#[derive(Debug)]
pub struct Class {
    pub name: Rc<str>,
    pub bases: Box<[ObjRef]>,
    /// The method resolution order (C3), starting with the class itself.
    pub mro: Box<[ObjRef]>,
    pub attrs: Attrs,
    /// For a built-in type: its name (the `&'static str` the VM uses for it) and, when calling it
    /// makes a value, the function that does.
    pub builtin: Option<&'static str>,
    pub constructor: Option<NativeFn>,
    /// Whether instances are exceptions (`BaseException` is in the MRO).
    pub is_exception: bool,
    /// Whether it or a base holds a property or defines `__setattr__`/`__delattr__` (so an
    /// instance's own attributes may not be read or written directly).
    pub attribute_hooks: bool,
    /// What a call of it runs, as last resolved.
    pub hooks_cache: ClassHooks,
    /// The only attribute names its instances may have, when it and its bases define
    /// `__slots__` (without `__dict__`).
    pub slots: Option<Box<[Rc<str>]>>,
    /// The metaclass that made it, unless that is `type`.
    pub metaclass: Option<ObjRef>,
}

/// What a call of a class runs, resolved through its MRO, and the VM's class version it was
/// resolved at (stale once any class's attributes change).
#[derive(Clone, Copy, Debug, Default)]
pub struct ClassHooks {
    pub version: u64,
    pub init: Option<Value>,
    /// `__new__`, when a class of the program's defines it.
    pub new: Option<Value>,
}

/// Where a generator is in its life.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GeneratorState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// A generator: a suspended frame. While it runs, its values are on the VM's stack; suspended,
/// they are kept here (its locals, cells and operand stack), with the position to resume at.
/// Small enough to live inside its heap slot: a coroutine costs no allocation of its own.
#[derive(Debug)]
pub struct Generator {
    pub loaded: Rc<Loaded>,
    pub ip: u32,
    pub values: Box<[Value]>,
    /// The exceptions it was handling when it yielded (inside `except` or `finally`).
    pub handling: Box<[Value]>,
    pub state: GeneratorState,
    /// A coroutine a task was made for (its first step has it run).
    pub in_task: bool,
    /// Where a coroutine was made (the call of its `async def`), for the warning given when
    /// it is never awaited.
    pub origin: Option<Origin>,
}

/// Where an object was made: the code and the instruction (a line, when it is reported).
#[derive(Clone, Debug)]
pub struct Origin {
    pub loaded: Rc<Loaded>,
    pub ip: u32,
}

impl Origin {
    pub fn trace_entry(&self) -> TraceEntry {
        let code = &self.loaded.code;
        TraceEntry {
            filename: code.filename.clone(),
            line: code
                .lines
                .get(self.ip as usize)
                .copied()
                .unwrap_or(code.first_line),
            function: code.name.clone(),
        }
    }
}

/// What a step of an async generator does to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AsyncGenAction {
    /// `__anext__()` or `asend(value)`.
    Send,
    /// `athrow(exc)`: the exception object to raise where it is paused.
    Throw(Value),
    /// `aclose()`: `GeneratorExit` raised where it is paused.
    Close,
}

/// One line of a traceback.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceEntry {
    pub filename: Rc<str>,
    pub line: u32,
    pub function: Rc<str>,
}

/// What an exception object carries besides its attributes.
#[derive(Debug, Default)]
pub struct ExceptionState {
    pub args: Box<[Value]>,
    /// The message of an exception the VM raised, when `str()` of its arguments would not give it.
    pub message: Option<Box<str>>,
    /// `__cause__` (`raise … from …`) and `__context__` (raised while handling another); `None`
    /// when unset.
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// For an exception group: its sub-exceptions (a tuple); `None` for other exceptions.
    pub group_items: Value,
    /// Where it was raised, outermost call first.
    pub traceback: Vec<TraceEntry>,
}

pub use super::instance::Instance;

/// A module: a name and its attributes.
#[derive(Debug)]
pub struct Module {
    pub name: Rc<str>,
    pub attrs: ModuleAttrs,
}

/// A module's attributes by name.
pub type ModuleAttrs = HashMap<Rc<str>, Value, foldhash::fast::FixedState>;

/// Which part of a dict's entries a view shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

#[derive(Debug)]
pub enum Object {
    Str(Text),
    Bytes(Box<[u8]>),
    /// An int too large for a machine word (always; smaller ones are `Value::Int`).
    BigInt(BigInt),
    List(Vec<Value>),
    Tuple(Box<[Value]>),
    Function(Box<Function>),
    Native(NativeFunction),
    Module(Box<Module>),
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
    /// Iterates a list, tuple, str or bytes by index.
    SeqIter {
        seq: ObjRef,
        index: usize,
    },
    Dict(Dict),
    /// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
    DictView {
        dict: ObjRef,
        part: DictPart,
    },
    /// Iterates a dict or one of its views by entry position. As CPython's, it fails once the
    /// dict's size differs from `size` (its size when the iteration began; `u32::MAX` once it
    /// failed so, which makes that failure stick), and when more entries turn up than `left`
    /// counts down from it (keys replaced during the iteration).
    DictIter {
        dict: ObjRef,
        index: usize,
        part: DictPart,
        size: u32,
        left: u32,
    },
    /// Iterates a set or frozenset over a snapshot of its members (a list, in CPython's order).
    /// As CPython's, it fails once the set's size differs from `size` (its size when the
    /// iteration began; `u32::MAX` once it failed so, which makes that failure stick).
    SetIter {
        set: ObjRef,
        members: ObjRef,
        index: usize,
        size: u32,
    },
    /// A set or frozenset: a dict whose keys are the members.
    Set(Dict),
    FrozenSet(Dict),
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    /// A variable shared between a function and the inner functions that use it.
    Cell(Value),
    Class(Box<Class>),
    Instance(Instance),
    /// A function bound to the object it was looked up on (`obj.method`).
    Method {
        func: Value,
        receiver: Value,
    },
    /// `property(fget, fset, fdel)`; `None` for the missing ones.
    Property {
        getter: Value,
        setter: Value,
        deleter: Value,
        /// The attribute name it was given in a class body (`__set_name__`), for messages.
        name: Option<Rc<str>>,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    Generator(Generator),
    /// What calling an `async def` makes: its frame's values, waiting to be awaited once (its
    /// frame then runs above the awaiting one). Not an iterator.
    Coroutine(Generator),
    /// `map(func, *iterables)` and `filter(func, iterable)`, computed item by item.
    Map {
        func: Value,
        iters: Box<[Value]>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `reversed(seq)` over a list or tuple.
    Reversed {
        seq: ObjRef,
        /// Items still to give.
        left: usize,
    },
    /// `super()`: look up attributes after `class` in the MRO of `receiver`'s type.
    Super {
        class: ObjRef,
        receiver: Value,
    },
    Enumerate {
        iter: Value,
        count: i64,
    },
    Zip {
        iters: Box<[Value]>,
    },
    /// What calling an `async def` that yields makes: a generator driven by awaiting the
    /// steps its `__anext__`, `asend`, `athrow` and `aclose` return.
    AsyncGenerator(Generator),
    /// One such step: awaiting it resumes the generator (with `sent`, or raising in it).
    /// `default` (`anext(g, default)`'s; else `Unbound`) is what it gives instead of raising
    /// `StopAsyncIteration`.
    AsyncGenStep {
        generator: ObjRef,
        sent: Value,
        action: AsyncGenAction,
        used: bool,
        default: Value,
    },
    /// An asyncio future: a plain one, a task or a gather's.
    Future(Box<super::tasks::Future>),
    /// What `asyncio.sleep(delay, result)` returns: a coroutine, awaited once, made without a
    /// frame (awaiting it suspends the task directly). `origin` is the code and instruction
    /// that made it, for the never-awaited warning.
    Sleep {
        delay: f64,
        result: Value,
        awaited: bool,
        origin: Option<Origin>,
    },
    /// An event loop's object. Its queues are here while it is not running.
    EventLoop(Box<super::tasks::LoopState>),
    /// What `call_soon`/`call_later` return.
    Handle(Box<super::tasks::Handle>),
    /// `asyncio.TaskGroup()`.
    TaskGroup(Box<super::tasks::TaskGroup>),
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
            Object::Bytes(_) => "bytes",
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
            Object::DictView { part, .. } => match part {
                DictPart::Keys => "dict_keys",
                DictPart::Values => "dict_values",
                DictPart::Items => "dict_items",
            },
            Object::DictIter { part, .. } => match part {
                DictPart::Keys => "dict_keyiterator",
                DictPart::Values => "dict_valueiterator",
                DictPart::Items => "dict_itemiterator",
            },
            Object::SetIter { .. } => "set_iterator",
            Object::Set(_) => "set",
            Object::FrozenSet(_) => "frozenset",
            Object::Enumerate { .. } => "enumerate",
            Object::Cell(_) => "cell",
            Object::Class(_) => "type",
            Object::Instance(_) => "object",
            Object::Method { .. } => "method",
            Object::Property { .. } => "property",
            Object::StaticMethod(_) => "staticmethod",
            Object::ClassMethod(_) => "classmethod",
            Object::Super { .. } => "super",
            Object::Generator(_) => "generator",
            Object::Coroutine(_) | Object::Sleep { .. } => "coroutine",
            Object::AsyncGenerator(_) => "async_generator",
            Object::AsyncGenStep {
                action: AsyncGenAction::Send,
                ..
            } => "async_generator_asend",
            Object::AsyncGenStep { .. } => "async_generator_athrow",
            Object::Future(f) => f.type_name(),
            Object::EventLoop(_) => "_UnixSelectorEventLoop",
            Object::Handle(h) if h.when.is_some() => "TimerHandle",
            Object::Handle(_) => "Handle",
            Object::TaskGroup(_) => "TaskGroup",
            Object::Map { .. } => "map",
            Object::Filter { .. } => "filter",
            Object::Reversed { .. } => "list_reverseiterator",
            Object::Zip { .. } => "zip",
            Object::Slice { .. } => "slice",
            Object::BoundMethod { .. } => "builtin_function_or_method",
        }
    }

    /// Whether it is one of the built-in iterators (its own `iter()`, with a next item).
    pub fn is_iterator(&self) -> bool {
        matches!(
            self,
            Object::RangeIter { .. }
                | Object::SeqIter { .. }
                | Object::DictIter { .. }
                | Object::SetIter { .. }
                | Object::Enumerate { .. }
                | Object::Zip { .. }
                | Object::Generator(_)
                | Object::Map { .. }
                | Object::Filter { .. }
                | Object::Reversed { .. }
        )
    }

    /// Whether it holds no handles, ever (its kind never changes, nor do these hold any).
    pub fn is_leaf(&self) -> bool {
        matches!(
            self,
            Object::Str(_)
                | Object::Bytes(_)
                | Object::BigInt(_)
                | Object::Range { .. }
                | Object::RangeIter { .. }
        )
    }

    /// Whether dropping it frees memory (or runs a destructor). Kinds that answer `false` hold
    /// only plain data and never gain more, so the answer at allocation holds for life.
    pub fn owns_memory(&self) -> bool {
        match self {
            Object::Str(s) => s.is_boxed(),
            Object::Range { .. }
            | Object::RangeIter { .. }
            | Object::SeqIter { .. }
            | Object::DictView { .. }
            | Object::DictIter { .. }
            | Object::SetIter { .. }
            | Object::Slice { .. }
            | Object::Cell(_)
            | Object::Method { .. } => false,
            _ => true,
        }
    }

    /// For a coroutine dropped without ever being awaited: its name and where it was made.
    pub fn unawaited(&self) -> Option<(Rc<str>, Option<TraceEntry>)> {
        match self {
            Object::Coroutine(c) if c.state == GeneratorState::Created => Some((
                c.loaded.code.qualname.clone(),
                c.origin.as_ref().map(Origin::trace_entry),
            )),
            Object::Sleep {
                awaited: false,
                origin,
                ..
            } => Some((Rc::from("sleep"), origin.as_ref().map(Origin::trace_entry))),
            _ => None,
        }
    }

    /// Marks every object this one references. (A dict also forgets its last lookup here:
    /// the collection may free that key, see [`super::dict::Dict::forget_last_lookup`].)
    pub fn trace(&self, out: &mut super::heap::Marker) {
        let values: &[Value] = match self {
            Object::List(items) => items,
            Object::Tuple(items) => items,
            Object::Function(f) => {
                out.extend(
                    f.loaded
                        .consts
                        .iter()
                        .chain(f.defaults.iter())
                        .chain(f.kwdefaults.iter())
                        .chain(f.closure.iter())
                        .chain(f.attrs.values())
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
            Object::DictView { dict, .. } | Object::DictIter { dict, .. } => {
                out.push(*dict);
                return;
            }
            Object::SetIter { set, members, .. } => {
                out.push(*set);
                out.push(*members);
                return;
            }
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => {
                d.forget_last_lookup();
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
            Object::Class(c) => {
                out.extend(c.bases.iter().chain(c.mro.iter()).copied());
                out.extend(c.attrs.values().filter_map(|v| v.as_obj()));
                return;
            }
            Object::Instance(i) => {
                out.push(i.class);
                out.extend(i.values().filter_map(|v| v.as_obj()));
                if let Some(e) = i.exception() {
                    out.extend(
                        e.args
                            .iter()
                            .chain([&e.cause, &e.context, &e.group_items])
                            .filter_map(|v| v.as_obj()),
                    );
                }
                return;
            }
            Object::Method { func, receiver } => {
                out.extend([func, receiver].into_iter().filter_map(|v| v.as_obj()));
                return;
            }
            Object::Property {
                getter,
                setter,
                deleter,
                ..
            } => {
                out.extend(
                    [getter, setter, deleter]
                        .into_iter()
                        .filter_map(|v| v.as_obj()),
                );
                return;
            }
            Object::StaticMethod(f) | Object::ClassMethod(f) => {
                out.extend(f.as_obj());
                return;
            }
            Object::AsyncGenStep {
                generator,
                sent,
                action,
                default,
                ..
            } => {
                out.push(*generator);
                out.extend(sent.as_obj());
                out.extend(default.as_obj());
                if let AsyncGenAction::Throw(e) = action {
                    out.extend(e.as_obj());
                }
                return;
            }
            Object::Generator(g) | Object::Coroutine(g) | Object::AsyncGenerator(g) => {
                out.extend(
                    g.values
                        .iter()
                        .chain(g.handling.iter())
                        .chain(g.loaded.consts.iter())
                        .filter_map(|v| v.as_obj()),
                );
                return;
            }
            Object::Map { func, iters } => {
                out.extend(func.as_obj());
                iters
            }
            Object::Filter { func, iter } => {
                out.extend([func, iter].into_iter().filter_map(|v| v.as_obj()));
                return;
            }
            Object::Reversed { seq, .. } => {
                out.push(*seq);
                return;
            }
            Object::Super { class, receiver } => {
                out.push(*class);
                out.extend(receiver.as_obj());
                return;
            }
            Object::BoundMethod { receiver, .. } => {
                out.extend(receiver.as_obj());
                return;
            }
            Object::Future(f) => {
                out.extend(f.values().filter_map(|v| v.as_obj()));
                return;
            }
            Object::Sleep { result, .. } => {
                out.extend(result.as_obj());
                return;
            }
            Object::EventLoop(state) => {
                out.extend(state.values().filter_map(|v| v.as_obj()));
                return;
            }
            Object::Handle(h) => {
                out.extend(h.callback.as_obj());
                out.extend(h.context);
                &h.args
            }
            Object::TaskGroup(g) => {
                out.extend(g.values().filter_map(|v| v.as_obj()));
                return;
            }
            Object::Str(_)
            | Object::Bytes(_)
            | Object::BigInt(_)
            | Object::Native(_)
            | Object::Range { .. }
            | Object::RangeIter { .. } => return,
        };
        out.extend(values.iter().filter_map(|v| v.as_obj()));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_generator_lives_in_its_heap_slot() {
        assert_eq!(std::mem::size_of::<super::Generator>(), 64);
        assert_eq!(std::mem::size_of::<super::Object>(), 72);
    }
}
