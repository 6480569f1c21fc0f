//! Built-in exception types: their hierarchy (for `except` matching), the exception objects
//! programs create and catch, and the conversion between those and the VM's [`Exception`].

use super::ops;
use super::Exception;
use crate::runtime::{Heap, Object, Value};

/// Each built-in exception type with its base, in CPython's hierarchy.
const HIERARCHY: [(&str, &str); 33] = [
    ("BaseException", ""),
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
];

/// The names of the built-in exception types.
pub fn names() -> impl Iterator<Item = &'static str> {
    HIERARCHY.iter().map(|&(name, _)| name)
}

/// The canonical `&'static str` for a type name, if it is a built-in exception.
pub fn lookup(name: &str) -> Option<&'static str> {
    HIERARCHY.iter().find(|&&(n, _)| n == name).map(|&(n, _)| n)
}

/// Whether exception type `kind` is `base` or derives from it.
pub fn is_subclass(kind: &str, base: &str) -> bool {
    let mut current = kind;
    loop {
        if current == base {
            return true;
        }
        match HIERARCHY.iter().find(|&&(n, _)| n == current) {
            Some(&(_, parent)) if !parent.is_empty() => current = parent,
            _ => return false,
        }
    }
}

/// Whether the exception object `exc` matches an `except` clause's `target` (a type or a tuple
/// of types).
pub fn matches(heap: &Heap, exc: Value, target: Value) -> Result<bool, Exception> {
    let kind = match exc.as_obj().map(|r| heap.get(r)) {
        Some(Object::Exception { kind, .. }) => *kind,
        _ => return Ok(false),
    };
    let check = |t: Value| match t.as_obj().map(|r| heap.get(r)) {
        Some(Object::ExceptionType(base)) => Ok(is_subclass(kind, base)),
        _ => Err(Exception::new(
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

/// The object a program sees for an exception the VM raised.
pub fn to_object(heap: &mut Heap, e: &Exception) -> Value {
    if let Some(v) = e.value {
        return v;
    }
    let kind = lookup(e.kind).unwrap_or("RuntimeError");
    let args: Box<[Value]> = if e.message.is_empty() {
        Box::new([])
    } else {
        Box::new([ops::new_str(heap, e.message.as_str())])
    };
    Value::Obj(heap.alloc(Object::Exception {
        kind,
        args,
        message: Some(e.message.clone().into()),
    }))
}

/// What `raise value` raises: an exception object, or a new one when given a type.
pub fn from_raised(heap: &mut Heap, value: Value) -> Exception {
    let value = match value.as_obj().map(|r| heap.get(r)) {
        Some(Object::ExceptionType(kind)) => {
            let kind = *kind;
            Value::Obj(heap.alloc(Object::Exception {
                kind,
                args: Box::new([]),
                message: None,
            }))
        }
        Some(Object::Exception { .. }) => value,
        _ => return Exception::new("TypeError", "exceptions must derive from BaseException"),
    };
    let (kind, message) = match value.as_obj().map(|r| heap.get(r)) {
        Some(Object::Exception { kind, .. }) => (*kind, exception_str(heap, value)),
        _ => ("RuntimeError", String::new()),
    };
    let mut e = Exception::new(kind, message);
    e.value = Some(value);
    e
}

/// `str(exc)`: its message, or its one argument, or the tuple of its arguments.
pub fn exception_str(heap: &Heap, exc: Value) -> String {
    match exc.as_obj().map(|r| heap.get(r)) {
        Some(Object::Exception {
            message: Some(m), ..
        }) => m.to_string(),
        Some(Object::Exception { kind, args, .. }) => match args.len() {
            0 => String::new(),
            1 if *kind == "KeyError" => ops::repr(heap, args[0]),
            1 => ops::to_str(heap, args[0]),
            _ => args_repr(heap, args),
        },
        _ => String::new(),
    }
}

fn args_repr(heap: &Heap, args: &[Value]) -> String {
    let parts: Vec<String> = args.iter().map(|&a| ops::repr(heap, a)).collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    }
}

/// `repr(exc)`: `ValueError('message')`.
pub fn exception_repr(heap: &Heap, kind: &str, args: &[Value], message: Option<&str>) -> String {
    match message {
        Some(m) if args.is_empty() => format!("{kind}({})", ops::str_repr(m)),
        _ if args.len() == 1 => format!("{kind}({})", ops::repr(heap, args[0])),
        _ => format!(
            "{kind}{}",
            if args.is_empty() {
                "()".into()
            } else {
                args_repr(heap, args)
            }
        ),
    }
}

/// Calling an exception type: a new exception object with those arguments.
pub fn instantiate(heap: &mut Heap, kind: &'static str, args: &[Value]) -> Value {
    Value::Obj(heap.alloc(Object::Exception {
        kind,
        args: args.into(),
        message: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hierarchy() {
        assert!(is_subclass("ZeroDivisionError", "ArithmeticError"));
        assert!(is_subclass("KeyError", "Exception"));
        assert!(is_subclass("KeyboardInterrupt", "BaseException"));
        assert!(!is_subclass("KeyboardInterrupt", "Exception"));
        assert!(!is_subclass("ValueError", "TypeError"));
    }
}
