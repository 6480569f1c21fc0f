//! The `traceback` module's commonly used part — `print_exc`, `format_exc`,
//! `print_exception`, `format_exception`, `format_exception_only` — printing as an uncaught
//! exception prints; and the text of an exception's report that they and the loop's default
//! exception handler share.

use std::rc::Rc;

use super::builtins::arity;
use super::ops::new_str;
use super::{Exception, Vm};
use crate::runtime::{Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The module's functions.
pub(super) const FUNCTIONS: [(&str, crate::runtime::object::NativeFn); 5] = [
    ("print_exc", print_exc),
    ("format_exc", format_exc),
    ("print_exception", print_exception),
    ("format_exception", format_exception),
    ("format_exception_only", format_exception_only),
];

impl Vm {
    /// Exception object `exc` reported as an uncaught one is: its chain, frames (where it was
    /// caught down to where it was raised) and last line.
    pub(super) fn exception_text(&mut self, exc: Value) -> String {
        let report = self.exception_report(exc);
        report.render(&|file, line| super::source_line(file, line))
    }

    /// The exception being handled, if any (`sys.exception()`).
    pub(super) fn handled_exception(&self) -> Value {
        self.handling.last().copied().unwrap_or(Value::None)
    }
}

/// The exception a `traceback` function is given: its one argument, or the value of the
/// older `(type, value, traceback)` form.
fn given_exception(vm: &Vm, name: &str, args: &[Value]) -> Result<Value, Exception> {
    arity(name, args, 1, 3)?;
    let exc = if args.len() == 3 { args[1] } else { args[0] };
    match exc.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Instance(i)) if i.is_exception() => Ok(exc),
        _ if exc == Value::None => Ok(exc),
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "Exception expected for value, {} found",
                super::ops::type_name(&vm.heap, exc)
            ),
        )),
    }
}

/// What `print_exc`/`print_exception`/`format_exc`/`format_exception` are told by keyword:
/// where to print, how many frames, whether to follow causes and contexts.
struct Options {
    file: Option<Value>,
    limit: Option<i64>,
    chain: bool,
}

fn options(vm: &mut Vm, name: &str, kwargs: Kwargs) -> Result<Options, Exception> {
    let mut options = Options {
        file: None,
        limit: None,
        chain: true,
    };
    for (key, v) in kwargs {
        match &**key {
            "file" if *v != Value::None => options.file = Some(*v),
            "limit" if *v != Value::None => {
                options.limit = Some(super::builtins::int_arg(&vm.heap, *v)?)
            }
            "chain" => options.chain = super::ops::truthy_in(vm, *v)?,
            "file" | "limit" => {}
            other => {
                return Err(Exception::new(
                    "TypeError",
                    format!("{name}() got an unexpected keyword argument '{other}'"),
                ))
            }
        }
    }
    Ok(options)
}

/// The text of exception `exc` as `options` shape it: at most `limit` frames of each
/// traceback (the last ones for a negative limit), its own part alone without `chain`.
fn text_of(vm: &mut Vm, exc: Value, options: &Options) -> String {
    if exc == Value::None {
        return "NoneType: None\n".to_owned();
    }
    let mut report = vm.exception_report(exc);
    if !options.chain {
        report.chain.drain(..report.chain.len().saturating_sub(1));
        if let Some(last) = report.chain.last_mut() {
            last.link = None;
        }
    }
    if let Some(limit) = options.limit {
        for e in &mut report.chain {
            let n = e.traceback.len();
            let keep = limit.unsigned_abs().min(n as u64) as usize;
            if limit >= 0 {
                e.traceback.truncate(keep);
            } else {
                e.traceback.drain(..n - keep);
            }
        }
    }
    report.render(&|file, line| super::source_line(file, line))
}

/// Prints `text` where `options` say (stderr unless a `file` was given).
fn print_text(vm: &mut Vm, text: String, options: &Options) -> Result<Value, Exception> {
    match options.file {
        Some(file) => super::builtins::write_to(vm, file, text)?,
        None => vm.write_err(&text),
    }
    Ok(Value::None)
}

/// The text as the list `format_exception` gives: lines, but a frame's lines (where and its
/// source) together, and the sentence linking chained exceptions with its blank lines.
fn lines(vm: &mut Vm, text: &str) -> Value {
    let mut parts: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        match parts.last_mut() {
            Some(last) if line.starts_with("    ") && last.starts_with("  File ") => {
                last.push_str(line)
            }
            Some(last) if last.starts_with('\n') && !last.ends_with("\n\n") => last.push_str(line),
            _ => parts.push(line.to_owned()),
        }
    }
    let items = parts
        .into_iter()
        .map(|p| new_str(&mut vm.heap, p))
        .collect();
    Value::Obj(vm.heap.alloc(Object::List(items)))
}

fn format_exc(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("format_exc", args, 0, 2)?;
    let options = positional_limit(options(vm, "format_exc", kwargs)?, vm, args.first())?;
    let exc = vm.handled_exception();
    let text = text_of(vm, exc, &options);
    Ok(new_str(&mut vm.heap, text))
}

fn print_exc(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("print_exc", args, 0, 3)?;
    let mut options = positional_limit(options(vm, "print_exc", kwargs)?, vm, args.first())?;
    if let Some(&file) = args.get(1).filter(|f| **f != Value::None) {
        options.file = Some(file);
    }
    let exc = vm.handled_exception();
    let text = text_of(vm, exc, &options);
    print_text(vm, text, &options)
}

/// `options` with the limit given as the first positional argument, if it was.
fn positional_limit(
    mut options: Options,
    vm: &Vm,
    limit: Option<&Value>,
) -> Result<Options, Exception> {
    if let Some(&v) = limit.filter(|v| **v != Value::None) {
        options.limit = Some(super::builtins::int_arg(&vm.heap, v)?);
    }
    Ok(options)
}

fn print_exception(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    let exc = given_exception(vm, "print_exception", args)?;
    let options = options(vm, "print_exception", kwargs)?;
    let text = text_of(vm, exc, &options);
    print_text(vm, text, &options)
}

fn format_exception(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    let exc = given_exception(vm, "format_exception", args)?;
    let options = options(vm, "format_exception", kwargs)?;
    let text = text_of(vm, exc, &options);
    Ok(lines(vm, &text))
}

fn format_exception_only(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("format_exception_only", args, 1, 2)?;
    let exc = args[args.len() - 1];
    let plain = options(vm, "format_exception_only", &[])?;
    let text = text_of(vm, exc, &plain);
    let last = text.lines().last().unwrap_or_default().to_owned();
    Ok(lines(vm, &format!("{last}\n")))
}
