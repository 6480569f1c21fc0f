//! Exceptions: the built-in exception classes in CPython's hierarchy, the exception objects
//! programs raise and catch (instances of those classes or of classes deriving from them), the
//! conversion between those objects and the VM's in-flight [`Exception`], and the report of an
//! uncaught one with its `__cause__`/`__context__` chain.

use std::rc::Rc;

use super::classes::{class, is_subclass};
use super::ops::{self, new_str};
use super::{Exception, Vm};
use crate::runtime::object::{ExceptionState, TraceEntry};
use crate::runtime::{Heap, ObjRef, Object, Value};

/// Each built-in exception type with its base, in CPython's hierarchy (bases first).
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("Exception", "BaseException"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("FloatingPointError", "ArithmeticError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("AttributeError", "Exception"),
    ("AssertionError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("OSError", "Exception"),
    ("EOFError", "Exception"),
    ("MemoryError", "Exception"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("TimeoutError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("PermissionError", "OSError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("SystemError", "Exception"),
    ("BufferError", "Exception"),
    ("ReferenceError", "Exception"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("FileExistsError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
];

/// Makes the built-in exception classes and their methods.
pub(super) fn install(vm: &mut Vm) {
    for &(name, base) in HIERARCHY {
        let base = vm.builtin_type(base);
        let r = vm.builtin_class(name, Some(base), None);
        vm.set_builtin(name, Value::Obj(r));
    }
    for (name, base) in super::asyncio::EXCEPTIONS {
        let base = vm.builtin_type(base);
        vm.builtin_class(name, Some(base), None);
    }
    let base = vm.builtin_type("BaseException");
    let methods: [(&'static str, crate::runtime::object::NativeFn); 4] = [
        ("__init__", base_exception_init),
        ("__str__", base_exception_str),
        ("__repr__", base_exception_repr),
        ("add_note", base_exception_add_note),
    ];
    vm.add_native_methods(base, &methods);
    vm.add_static_new(base, super::reflection::base_exception_new);
}

pub(super) fn state(heap: &Heap, v: Value) -> Option<&ExceptionState> {
    match v.as_obj().map(|r| heap.get(r)) {
        Some(Object::Instance(i)) => i.exception(),
        _ => None,
    }
}

pub(super) fn state_mut(heap: &mut Heap, v: Value) -> Option<&mut ExceptionState> {
    match v.as_obj().map(|r| heap.get_mut(r)) {
        Some(Object::Instance(i)) => i.exception_mut(),
        _ => None,
    }
}

fn base_exception_init(
    vm: &mut Vm,
    args: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    if let Some((&this, rest)) = args.split_first() {
        if let Some(s) = state_mut(&mut vm.heap, this) {
            s.args = rest.into();
            s.message = None;
        }
    }
    Ok(Value::None)
}

/// `exc.add_note(note)`: appended to the list in its `__notes__` (made on first use), which
/// tracebacks print after the exception's line.
fn base_exception_add_note(
    vm: &mut Vm,
    args: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    super::builtins::arity("add_note", &args[1..], 1, 1)?;
    let (exc, note) = (args[0], args[1]);
    if ops::str_of(&vm.heap, note).is_none() {
        return Err(Exception::new(
            "TypeError",
            format!(
                "note must be a str, not '{}'",
                ops::type_name(&vm.heap, note)
            ),
        ));
    }
    let name = Rc::from("__notes__");
    let notes = match vm.get_attr(exc, &name) {
        Ok(notes) => notes,
        Err(_) => {
            let notes = Value::Obj(vm.heap.alloc(Object::List(Vec::new())));
            vm.set_attr(exc, &name, notes)?;
            notes
        }
    };
    match notes.as_obj().map(|r| vm.heap.get_mut(r)) {
        Some(Object::List(items)) => {
            items.push(note);
            Ok(Value::None)
        }
        _ => Err(Exception::new(
            "TypeError",
            "Cannot add note: __notes__ is not a list",
        )),
    }
}

/// `BaseException.__str__` and `__repr__`: `text` of the exception, as a str value.
fn base_exception_str(
    vm: &mut Vm,
    args: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    let text = match args.first() {
        Some(&v) => exception_str(vm, v)?,
        None => String::new(),
    };
    Ok(new_str(&mut vm.heap, text))
}

fn base_exception_repr(
    vm: &mut Vm,
    args: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    let text = match args.first() {
        Some(&v) => ops::repr_in(vm, v)?,
        None => String::new(),
    };
    Ok(new_str(&mut vm.heap, text))
}

/// The name of the nearest built-in class among `cls` and its bases (what the VM matches on).
pub(super) fn builtin_kind(heap: &Heap, cls: ObjRef) -> &'static str {
    class(heap, cls)
        .and_then(|c| {
            c.mro
                .iter()
                .find_map(|&k| class(heap, k).and_then(|k| k.builtin))
        })
        .unwrap_or("Exception")
}

/// Whether `v` is an exception object of the built-in exception `kind` (or a class deriving
/// from it).
pub(super) fn is_instance_of(heap: &Heap, v: Value, kind: &str) -> bool {
    match v.as_obj().map(|r| heap.get(r)) {
        Some(Object::Instance(i)) => is_kind(heap, i.class, kind),
        _ => false,
    }
}

/// Whether class `cls` is the built-in exception `kind` or derives from it.
pub(super) fn is_kind(heap: &Heap, cls: ObjRef, kind: &str) -> bool {
    class(heap, cls).is_some_and(|c| {
        c.mro
            .iter()
            .any(|&k| class(heap, k).is_some_and(|k| k.builtin == Some(kind)))
    })
}

/// Whether the exception object `exc` matches an `except` clause's `target` (a class or a tuple
/// of classes).
pub(super) fn matches(heap: &Heap, exc: Value, target: Value) -> Result<bool, Exception> {
    let Some(Object::Instance(i)) = exc.as_obj().map(|r| heap.get(r)) else {
        return Ok(false);
    };
    let own = i.class;
    let check = |t: Value| match t
        .as_obj()
        .filter(|&r| class(heap, r).is_some_and(|c| c.is_exception))
    {
        Some(r) => Ok(is_subclass(heap, own, r)),
        None => Err(Exception::new(
            "TypeError",
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    };
    match target.as_obj().map(|r| heap.get(r)) {
        Some(Object::Tuple(types)) => {
            for &t in types.iter() {
                if check(t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => check(target),
    }
}

impl Vm {
    /// The object a program sees for an exception: made now for one the VM raised; its
    /// traceback and context recorded on it.
    pub(super) fn exception_object(&mut self, e: &Exception) -> Value {
        let v = match e.value {
            Some(v) => v,
            None => {
                let cls = self.builtin_type(e.kind);
                let args: Vec<Value> = match e.arg {
                    Some(a) => vec![a],
                    None if e.message.is_empty() => Vec::new(),
                    None => vec![new_str(&mut self.heap, e.message.as_str())],
                };
                let v = self.new_instance(cls, &args);
                if e.arg.is_none() {
                    if let Some(s) = state_mut(&mut self.heap, v) {
                        s.message = Some(e.message.clone().into());
                    }
                }
                v
            }
        };
        if let Some(s) = state_mut(&mut self.heap, v) {
            s.traceback = e.traceback.clone();
            if let Some(c) = e.context {
                if s.context == Value::None && c != v {
                    s.context = c;
                }
            }
        }
        v
    }

    /// What `raise value` raises: an exception object, or a new one when given a class.
    pub(super) fn raised(&mut self, value: Value) -> Exception {
        let value = match value.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Class(c)) if c.is_exception => match self.call_value(value, &[], &[]) {
                Ok(v) => v,
                Err(e) => return e,
            },
            _ => value,
        };
        match value.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Instance(i)) if i.is_exception() => {
                let kind = builtin_kind(&self.heap, i.class);
                let mut e = Exception::new(kind, "");
                e.value = Some(value);
                e
            }
            _ => Exception::new("TypeError", "exceptions must derive from BaseException"),
        }
    }

    /// `raise exc from cause`.
    pub(super) fn raised_from(&mut self, exc: Value, cause: Value) -> Exception {
        let mut e = self.raised(exc);
        let cause = match cause.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Class(c)) if c.is_exception => match self.call_value(cause, &[], &[]) {
                Ok(v) => v,
                Err(err) => return err,
            },
            Some(Object::Instance(i)) if i.is_exception() => cause,
            _ if cause == Value::None => Value::None,
            _ => {
                return Exception::new(
                    "TypeError",
                    "exception causes must derive from BaseException",
                )
            }
        };
        if e.value.is_some() {
            let v = self.exception_object(&e);
            if let Some(s) = state_mut(&mut self.heap, v) {
                s.cause = cause;
                s.suppress_context = true;
            }
            e.value = Some(v);
        }
        e
    }

    /// An exception object raised again: `prefix` (the frames the new raise passes through)
    /// followed by the traceback it had where it was caught.
    pub(super) fn reraised(&mut self, value: Value, mut prefix: Vec<TraceEntry>) -> Exception {
        let mut e = self.raised(value);
        if let Some(s) = state(&self.heap, value).filter(|s| !s.traceback.is_empty()) {
            prefix.extend(s.traceback.iter().cloned());
            e.traceback = prefix;
        }
        e
    }
}

/// `str(exc)`: its message, or its one argument (with the argument's own `__str__`, or
/// `__repr__` for a `KeyError`), or the tuple of its arguments.
pub fn exception_str<H: ops::Host>(h: &mut H, exc: Value) -> Result<String, Exception> {
    let heap = h.heap();
    let Some(s) = state(heap, exc) else {
        return Ok(String::new());
    };
    if let Some(text) = super::exception_groups::group_text(heap, exc) {
        return Ok(text);
    }
    if let Some(m) = &s.message {
        return Ok(m.to_string());
    }
    let is_key_error = match exc.as_obj().map(|r| heap.get(r)) {
        Some(Object::Instance(i)) => builtin_kind(heap, i.class) == "KeyError",
        _ => false,
    };
    let arg = match s.args[..] {
        [] => return Ok(String::new()),
        [arg] => arg,
        _ => return Ok(ops::repr_of_items(heap, &s.args)),
    };
    let own_method = if is_key_error { "__repr__" } else { "__str__" };
    match h.special(arg, own_method, &[])? {
        Some(text) => ops::string_result(h.heap(), text, own_method),
        None if is_key_error => Ok(ops::repr(h.heap(), arg)),
        None => Ok(ops::to_str(h.heap(), arg)),
    }
}

/// The traceback recorded on exception object `exc`.
pub(super) fn traceback_of(heap: &Heap, exc: Value) -> Option<Vec<TraceEntry>> {
    state(heap, exc).map(|s| s.traceback.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hierarchy_lists_bases_first() {
        for (i, (_, base)) in HIERARCHY.iter().enumerate() {
            assert!(*base == "object" || HIERARCHY[..i].iter().any(|(n, _)| n == base));
        }
    }

    #[test]
    fn user_exception_matches_its_builtin_base() {
        let mut vm = Vm::new(Box::new(std::io::sink()), Box::new(std::io::sink()));
        let lookup = vm.builtin_type("LookupError");
        let key = vm.builtin_type("KeyError");
        let e = vm.new_instance(key, &[]);
        assert!(matches(&vm.heap, e, Value::Obj(lookup)).unwrap());
        let value_error = vm.builtin_type("ValueError");
        assert!(!matches(&vm.heap, e, Value::Obj(value_error)).unwrap());
    }
}
