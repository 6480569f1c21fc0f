//! Calls: binding arguments to parameters (positional, keyword, defaults, `*args`, keyword-only,
//! `**kwargs`, with CPython's messages), and what calling each kind of object means — a Python
//! function gets a frame, a built-in runs at once, a class makes an instance and runs its
//! `__init__`, a bound method puts its receiver first.
//!
//! The dispatch loop runs the frames it is handed without recursing; natives that call back into
//! Python (`sorted(key=…)`, dunder methods) use [`Vm::call_value`], which runs a nested loop until
//! the frame it pushed returns. That nesting is bounded: each level adds a Python frame, and
//! frames stop at the recursion limit.

use std::rc::Rc;

use super::ops::{type_name, type_name as type_name_of};
use super::{Exception, Frame, FrameKind, Vm};
use crate::compile::Op;
use crate::runtime::object::{Function, Loaded, NativeFn};
use crate::runtime::{Object, Value};

/// What a call turned into.
pub(super) enum Invoked {
    /// A finished call's result.
    Done(Value),
    /// A frame, pushed on the frame stack with its values on the stack, to run. (Frames are
    /// written where they stay rather than handed back: copying one out soon after it was
    /// written stalls on store forwarding.)
    Frame,
}

fn not_callable(heap: &crate::runtime::Heap, v: Value) -> Exception {
    Exception::new(
        "TypeError",
        format!("'{}' object is not callable", type_name(heap, v)),
    )
}

impl Vm {
    /// Calls the callee at stack index `callee_at` with the values above it as arguments, the
    /// last `kwnames.len()` of them keyword arguments. A finished call leaves the stack at
    /// `callee_at`; on an error the caller truncates it.
    pub(super) fn invoke(
        &mut self,
        callee_at: usize,
        kwnames: &[Rc<str>],
    ) -> Result<Invoked, Exception> {
        loop {
            let callee = self.stack[callee_at];
            let Value::Obj(r) = callee else {
                return Err(not_callable(&self.heap, callee));
            };
            match self.heap.get(r) {
                Object::Function(_) => {
                    return self.function_frame(r, callee_at, kwnames, FrameKind::Call)
                }
                Object::Method { func, receiver } => {
                    let (func, receiver) = (*func, *receiver);
                    self.stack[callee_at] = func;
                    self.stack.insert(callee_at + 1, receiver);
                }
                Object::Native(n) => {
                    let (func, name, takes_keywords) = (n.func, n.name, n.keywords);
                    if let Some(type_name) = n.receiver {
                        self.check_receiver(callee_at, type_name, name)?;
                    }
                    if !kwnames.is_empty() && !takes_keywords {
                        return Err(Exception::new(
                            "TypeError",
                            format!("{name}() takes no keyword arguments"),
                        ));
                    }
                    let v = self.call_native(func, None, callee_at, kwnames)?;
                    return Ok(Invoked::Done(v));
                }
                Object::BoundMethod {
                    receiver,
                    func,
                    name,
                } => {
                    let (receiver, func, name) = (*receiver, *func, *name);
                    if !kwnames.is_empty() && !method_takes_keywords(name) {
                        return Err(Exception::new(
                            "TypeError",
                            format!("{name}() takes no keyword arguments"),
                        ));
                    }
                    let v = self.call_native(func, Some(receiver), callee_at, kwnames)?;
                    return Ok(Invoked::Done(v));
                }
                Object::Class(c) => {
                    if let Some(ctor) = c.constructor {
                        let v = self.call_native(ctor, None, callee_at, kwnames)?;
                        return Ok(Invoked::Done(v));
                    }
                    let (is_exception, metaclass) = (c.is_exception, c.metaclass);
                    if let Some(call) = metaclass.and_then(|m| self.metaclass_call(m)) {
                        self.stack[callee_at] = call;
                        self.stack.insert(callee_at + 1, callee);
                        continue;
                    }
                    let hooks = self.class_hooks(r);
                    if hooks.new.is_some() {
                        let args = self.stack[callee_at + 1..].to_vec();
                        let (positional, values) = args.split_at(args.len() - kwnames.len());
                        let keywords: Vec<(Rc<str>, Value)> = kwnames
                            .iter()
                            .cloned()
                            .zip(values.iter().copied())
                            .collect();
                        let v = self.construct(r, positional, &keywords)?;
                        self.stack.truncate(callee_at);
                        return Ok(Invoked::Done(v));
                    }
                    let args = if is_exception {
                        self.stack[callee_at + 1..].to_vec()
                    } else {
                        Vec::new()
                    };
                    let instance = self.new_instance(r, &args);
                    let init = hooks.init.unwrap_or(Value::None);
                    let native_init = match init.as_obj().map(|i| self.heap.get(i)) {
                        Some(Object::Function(_)) => None,
                        Some(Object::Native(n)) => Some(n.func),
                        _ => {
                            self.stack.truncate(callee_at);
                            return Ok(Invoked::Done(instance));
                        }
                    };
                    if let Some(func) = native_init {
                        self.call_native(func, Some(instance), callee_at, kwnames)?;
                        return Ok(Invoked::Done(instance));
                    }
                    // The callee's slot keeps the instance: the call's result.
                    self.stack[callee_at] = instance;
                    self.stack.insert(callee_at + 1, instance);
                    let init = init.as_obj().unwrap_or(r);
                    return self.function_frame(init, callee_at, kwnames, FrameKind::Construct);
                }
                Object::Instance(_) => match self.special_method(callee, "__call__") {
                    Some(call) => {
                        self.stack[callee_at] = call;
                        self.stack.insert(callee_at + 1, callee);
                    }
                    None => return Err(not_callable(&self.heap, callee)),
                },
                Object::StaticMethod(f) => self.stack[callee_at] = *f,
                _ => return Err(not_callable(&self.heap, callee)),
            }
        }
    }

    /// What a call of `callee` with `argc` positional arguments runs when it needs no argument
    /// binding: the code of a plain function given exactly its parameters, within the recursion
    /// limit.
    #[inline(always)]
    pub(super) fn plain_callee(&self, callee: Value, argc: usize) -> Option<Rc<Loaded>> {
        let Object::Function(f) = self.heap.get(callee.as_obj()?) else {
            return None;
        };
        let loaded = &f.loaded;
        (loaded.plain_call && loaded.argcount == argc && self.frames.len() < self.recursion_limit)
            .then(|| loaded.clone())
    }

    /// Pushes the frame for a call of a plain class (no special constructor) with only
    /// positional arguments, when its `__init__` is a plain function taking exactly them: the
    /// instance is made and put in the callee's slot. `None` for every other call, with nothing
    /// changed.
    pub(super) fn construct_frame(&mut self, callee_at: usize) -> Option<()> {
        let class = self.stack[callee_at].as_obj()?;
        let Object::Class(c) = self.heap.get(class) else {
            return None;
        };
        if c.constructor.is_some()
            || c.is_exception
            || c.metaclass.is_some()
            || self.frames.len() >= self.recursion_limit
        {
            return None;
        }
        let hooks = self.class_hooks(class);
        if hooks.new.is_some() {
            return None;
        }
        let init = hooks.init?.as_obj()?;
        let Object::Function(f) = self.heap.get(init) else {
            return None;
        };
        if !f.loaded.plain_call || f.loaded.argcount != self.stack.len() - callee_at {
            return None;
        }
        let loaded = f.loaded.clone();
        let instance = Value::Obj(self.new_instance_ref(class, &[]));
        self.stack[callee_at] = instance;
        // The instance goes in below the arguments, as `self` (a short shift: a few arguments).
        self.stack.push(instance);
        for at in (callee_at + 1..self.stack.len() - 1).rev() {
            self.stack[at + 1] = self.stack[at];
        }
        self.stack[callee_at + 1] = instance;
        for _ in loaded.argcount..loaded.nlocals {
            self.stack.push(Value::Unbound);
        }
        self.push_frame(Frame {
            loaded,
            ip: 0,
            base: callee_at + 1,
            handling_base: self.handling.len(),
            kind: FrameKind::Construct,
        });
        Some(())
    }

    /// Binds the arguments above `callee_at` for Python function `func`: its frame, pushed, to
    /// run (or, for a generator function, the generator).
    pub(super) fn function_frame(
        &mut self,
        func: crate::runtime::ObjRef,
        callee_at: usize,
        kwnames: &[Rc<str>],
        kind: FrameKind,
    ) -> Result<Invoked, Exception> {
        self.bind_frame(func, callee_at, kwnames, kind, false)
    }

    /// [`Vm::function_frame`]; with `awaited`, an `async def` runs at once in a call's frame
    /// (for `await f(…)`, whose coroutine nothing else can see: making it and then awaiting
    /// it would do the same, with two allocations more).
    fn bind_frame(
        &mut self,
        func: crate::runtime::ObjRef,
        callee_at: usize,
        kwnames: &[Rc<str>],
        kind: FrameKind,
        awaited: bool,
    ) -> Result<Invoked, Exception> {
        self.check_depth()?;
        let Object::Function(f) = self.heap.get(func) else {
            return Err(not_callable(&self.heap, Value::Obj(func)));
        };
        let loaded = f.loaded.clone();
        let argc = self.stack.len() - callee_at - 1;
        bind_arguments(&mut self.stack, &mut self.heap, func, argc, kwnames)?;
        if loaded.ncells + loaded.nfree > 0 {
            self.make_cells(&loaded, callee_at + 1, func);
        }
        if loaded.code.is_generator || (loaded.code.is_coroutine && !awaited) {
            return Ok(Invoked::Done(self.make_generator(loaded, callee_at)));
        }
        self.push_frame(Frame {
            loaded,
            ip: 0,
            base: callee_at + 1,
            handling_base: self.handling.len(),
            kind,
        });
        Ok(Invoked::Frame)
    }

    /// Calls `callee` from native code and runs it to completion.
    pub(super) fn call_value(
        &mut self,
        callee: Value,
        args: &[Value],
        kwargs: &[(Rc<str>, Value)],
    ) -> Result<Value, Exception> {
        let callee_at = self.stack.len();
        self.stack.push(callee);
        self.stack.extend_from_slice(args);
        self.stack.extend(kwargs.iter().map(|(_, v)| *v));
        let names: Vec<Rc<str>> = kwargs.iter().map(|(k, _)| k.clone()).collect();
        let result = match self.invoke(callee_at, &names) {
            Ok(Invoked::Done(v)) => Ok(v),
            Ok(Invoked::Frame) => self.execute(),
            // This call itself went past the limit (a deeper one would have unwound its
            // frames): CPython words it for a call from native code.
            Err(mut e)
                if e.kind == "RecursionError" && self.frames.len() >= self.recursion_limit =>
            {
                e.message = "maximum recursion depth exceeded while calling a Python object".into();
                Err(e)
            }
            Err(e) => Err(e),
        };
        self.stack.truncate(callee_at);
        result
    }

    /// Calls a built-in with the arguments above `callee_at` (the last ones named by `kwnames`),
    /// after `receiver` for a bound method. The arguments stay on the stack (rooted for the
    /// collector) until it returns; then the callee and its arguments leave the stack.
    pub(super) fn call_native(
        &mut self,
        func: NativeFn,
        receiver: Option<Value>,
        callee_at: usize,
        kwnames: &[Rc<str>],
    ) -> Result<Value, Exception> {
        // Most calls have a few positional arguments: they are copied to the Rust stack, and
        // no keyword list is made.
        const INLINE: usize = 6;
        let given = &self.stack[callee_at + 1..];
        let count = given.len() + usize::from(receiver.is_some());
        let result = if count <= INLINE && kwnames.is_empty() {
            let mut inline = [Value::None; INLINE];
            let args = &mut inline[..count];
            match receiver {
                Some(r) => {
                    args[0] = r;
                    args[1..].copy_from_slice(given);
                }
                None => args.copy_from_slice(given),
            }
            func(self, args, &[])
        } else {
            let args: Vec<Value> = receiver.into_iter().chain(given.iter().copied()).collect();
            let positional = count - kwnames.len();
            let kwargs: Vec<(Rc<str>, Value)> = kwnames
                .iter()
                .cloned()
                .zip(args[positional..].iter().copied())
                .collect();
            func(self, &args[..positional], &kwargs)
        };
        if result.is_err() {
            self.keep_unwound(callee_at);
        }
        self.stack.truncate(callee_at);
        result
    }

    /// A call with positional arguments only, of a callee that is not a plain Python function
    /// (the dispatch loop has tried that): a built-in function runs at once, a plain class gets
    /// its `__init__` frame directly, anything else goes through [`Vm::invoke`].
    pub(super) fn call_positional(&mut self, callee_at: usize) -> Result<Invoked, Exception> {
        let callee = self.stack[callee_at];
        if callee.as_obj() == self.len_function && self.stack.len() == callee_at + 2 {
            if let Some(n) = super::builtins::quick_len(&self.heap, self.stack[callee_at + 1]) {
                self.stack.truncate(callee_at);
                return Ok(Invoked::Done(Value::Int(n as i64)));
            }
        }
        let native = match callee.as_obj().map(|r| (r, self.heap.get(r))) {
            Some((_, Object::Native(n))) if n.receiver.is_none() => Some(n.func),
            Some((func, Object::Function(f))) if f.loaded.code.is_coroutine => {
                // `await f(…)`: the caller's next instruction is the `await`, which the
                // coroutine's frame, run now, stands for.
                let caller = self.frames.last_mut();
                if let Some(caller) = caller.filter(|c| c.loaded.ops.get(c.ip) == Some(&Op::Await))
                {
                    caller.ip += 1;
                    return self
                        .bind_frame(func, callee_at, &[], FrameKind::Call, true)
                        .inspect_err(|_| {
                            if let Some(c) = self.frames.last_mut() {
                                c.ip -= 1;
                            }
                        });
                }
                None
            }
            _ => None,
        };
        if let Some(func) = native {
            return self
                .call_native(func, None, callee_at, &[])
                .map(Invoked::Done);
        }
        if self.construct_frame(callee_at).is_some() {
            return Ok(Invoked::Frame);
        }
        self.invoke(callee_at, &[])
    }
}

/// Whether the built-in method `name` takes keyword arguments.
pub(super) fn method_takes_keywords(name: &str) -> bool {
    matches!(
        name,
        "update" | "sort" | "format" | "split" | "rsplit" | "splitlines"
    ) || super::asyncio::takes_keywords(name)
}

impl Vm {
    /// Checks that a built-in type's method called through the type (`str.lower(x)`) got an
    /// object of that type first.
    fn check_receiver(
        &self,
        callee_at: usize,
        type_name: &str,
        name: &str,
    ) -> Result<(), Exception> {
        let Some(&first) = self.stack.get(callee_at + 1) else {
            return Err(Exception::new(
                "TypeError",
                format!("unbound method {type_name}.{name}() needs an argument"),
            ));
        };
        let given = type_name_of(&self.heap, first);
        if given == type_name {
            return Ok(());
        }
        Err(Exception::new(
            "TypeError",
            format!(
                "descriptor '{name}' for '{type_name}' objects doesn't apply to a '{given}' object"
            ),
        ))
    }
}

/// The text CPython gives a function in argument errors: its qualified name with `()`.
fn who(f: &Function) -> String {
    format!("{}()", f.loaded.code.qualname)
}

/// "'a', 'b', and 'c'".
fn name_list(names: &[String]) -> String {
    match names.len() {
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Gives the parameters no argument bound their default values.
fn fill_defaults(slots: &mut [Value], defaults: &[Value]) {
    for (slot, &default) in slots.iter_mut().zip(defaults) {
        if *slot == Value::Unbound {
            *slot = default;
        }
    }
}

/// CPython's TypeError when parameters in `range` (of kind "positional" or "keyword-only")
/// were left without a value.
fn check_missing(
    f: &Function,
    slots: &[Value],
    range: std::ops::Range<usize>,
    kind: &str,
) -> Result<(), Exception> {
    let missing: Vec<String> = range
        .filter(|&i| slots[i] == Value::Unbound)
        .map(|i| format!("'{}'", f.loaded.code.varnames[i]))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Exception::new(
        "TypeError",
        format!(
            "{} missing {} required {kind} argument{}: {}",
            who(f),
            missing.len(),
            plural(missing.len()),
            name_list(&missing)
        ),
    ))
}

/// Turns the `argc` arguments on top of the stack (the last ones keyword arguments named by
/// `kwnames`) into the local slots of function `func`: parameters by position and by name,
/// defaults for the rest, `*args` and `**kwargs` collected, other locals unbound.
fn bind_arguments(
    stack: &mut Vec<Value>,
    heap: &mut crate::runtime::Heap,
    func: crate::runtime::ObjRef,
    argc: usize,
    kwnames: &[Rc<str>],
) -> Result<(), Exception> {
    let Object::Function(f) = heap.get(func) else {
        return Err(Exception::new("SystemError", "binding a non-function"));
    };
    let params = f.loaded.argcount;
    let npos = argc - kwnames.len();
    let first_default = params - f.defaults.len();
    if f.loaded.positional_only_params
        && kwnames.is_empty()
        && npos <= params
        && npos >= first_default
    {
        stack.extend_from_slice(&f.defaults[npos - first_default..]);
        stack.extend(std::iter::repeat_n(
            Value::Unbound,
            f.loaded.nlocals - params,
        ));
        return Ok(());
    }
    let code = &f.loaded.code;
    let kwonly = code.kwonlycount as usize;
    let varnames = &code.varnames;
    let args_at = stack.len() - argc;
    if npos > params && !code.varargs {
        let expected = if f.defaults.is_empty() {
            params.to_string()
        } else {
            format!("from {first_default} to {params}")
        };
        let s = if params == 1 && f.defaults.is_empty() {
            ""
        } else {
            "s"
        };
        let given_kwonly = kwnames
            .iter()
            .filter(|k| varnames[params..params + kwonly].contains(k))
            .count();
        let given = if given_kwonly > 0 {
            format!(
                "{npos} positional argument{} (and {given_kwonly} keyword-only argument{}) were",
                plural(npos),
                plural(given_kwonly)
            )
        } else if npos == 1 {
            "1 was".to_owned()
        } else {
            format!("{npos} were")
        };
        return Err(Exception::new(
            "TypeError",
            format!(
                "{} takes {expected} positional argument{s} but {given} given",
                who(f)
            ),
        ));
    }
    let mut slots = vec![Value::Unbound; f.loaded.nlocals];
    let taken = npos.min(params);
    slots[..taken].copy_from_slice(&stack[args_at..args_at + taken]);
    let mut extra_slot = params + kwonly;
    let varargs_slot = code.varargs.then(|| {
        extra_slot += 1;
        extra_slot - 1
    });
    let varkw_slot = code.varkw.then_some(extra_slot);
    let extra: Vec<Value> = stack[args_at + taken..args_at + npos].to_vec();
    let mut kwargs: Vec<(Value, Value)> = Vec::new();
    let posonly = code.posonlycount as usize;
    let mut wrongly_positional: Vec<String> = Vec::new();
    for (name, &value) in kwnames.iter().zip(&stack[args_at + npos..]) {
        match varnames[posonly..params + kwonly]
            .iter()
            .position(|p| p == name)
        {
            Some(i) => {
                let i = i + posonly;
                if slots[i] != Value::Unbound {
                    return Err(Exception::new(
                        "TypeError",
                        format!("{} got multiple values for argument '{name}'", who(f)),
                    ));
                }
                slots[i] = value;
            }
            None if varkw_slot.is_some() => kwargs.push((Value::None, value)),
            None if varnames[..posonly].contains(name) => wrongly_positional.push(name.to_string()),
            None => {
                return Err(Exception::new(
                    "TypeError",
                    format!("{} got an unexpected keyword argument '{name}'", who(f)),
                ))
            }
        }
    }
    if !wrongly_positional.is_empty() {
        return Err(Exception::new(
            "TypeError",
            format!(
                "{} got some positional-only arguments passed as keyword arguments: '{}'",
                who(f),
                wrongly_positional.join(", ")
            ),
        ));
    }
    fill_defaults(&mut slots[first_default..params], &f.defaults);
    fill_defaults(&mut slots[params..params + kwonly], &f.kwdefaults);
    check_missing(f, &slots, 0..first_default, "positional")?;
    check_missing(f, &slots, params..params + kwonly, "keyword-only")?;
    let kw_names: Vec<Rc<str>> = kwnames
        .iter()
        .filter(|n| !varnames[posonly..params + kwonly].contains(n))
        .cloned()
        .collect();
    if let Some(slot) = varargs_slot {
        slots[slot] = Value::Obj(heap.alloc(Object::Tuple(extra.into_boxed_slice())));
    }
    if let Some(slot) = varkw_slot {
        let pairs: Vec<(Value, Value)> = kw_names
            .iter()
            .zip(kwargs)
            .map(|(k, (_, v))| (super::ops::new_str(heap, &**k), v))
            .collect();
        slots[slot] = super::containers::new_dict(heap, pairs)?;
    }
    stack.truncate(args_at);
    stack.extend(slots);
    Ok(())
}
