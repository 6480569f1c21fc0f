//! The `asyncio` module: its functions (`run`, `sleep`, `gather`, `create_task`, …), its
//! classes (`Future`, `Task`, `TaskGroup`, the exceptions), and the methods and reprs of
//! futures, tasks, event loops and handles. The machinery they drive is in `tasks` and
//! `event_loop`.

use std::rc::Rc;

use super::builtins::arity;
use super::ops::{self, new_str};
use super::{Exception, Vm};
use crate::runtime::object::{NativeFn, NativeFunction};
use crate::runtime::tasks::{
    DoneCallback, Frame, Future, FutureKind, Gather, Handle, Job, Outcome, TaskGroup, Waiter,
};
use crate::runtime::{Heap, ObjRef, Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The exceptions asyncio adds, with their bases, and the module CPython names them by.
pub(super) const EXCEPTIONS: [(&str, &str); 2] = [
    ("CancelledError", "BaseException"),
    ("InvalidStateError", "Exception"),
];

/// The module's functions.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("run", run),
    ("sleep", sleep),
    ("gather", gather),
    ("create_task", create_task),
    ("ensure_future", ensure_future),
    ("get_running_loop", get_running_loop),
    ("get_event_loop", get_event_loop),
    ("new_event_loop", new_event_loop),
    ("set_event_loop", set_event_loop),
    ("current_task", current_task),
    ("all_tasks", all_tasks),
    ("iscoroutine", iscoroutine),
    ("isfuture", isfuture),
    ("to_thread", to_thread),
    ("_close_runner", close_runner),
];

/// The methods of futures (tasks and gathers share them).
pub(super) const FUTURE_METHODS: &[(&str, NativeFn)] = &[
    ("result", future_result),
    ("exception", future_exception),
    ("done", future_done),
    ("cancelled", future_cancelled),
    ("cancel", future_cancel),
    ("add_done_callback", add_done_callback),
    ("remove_done_callback", remove_done_callback),
    ("set_result", set_result),
    ("set_exception", set_exception),
    ("get_loop", get_loop),
    ("__await__", identity),
];

pub(super) const TASK_METHODS: &[(&str, NativeFn)] = &[
    ("get_name", task_get_name),
    ("set_name", task_set_name),
    ("get_coro", task_get_coro),
    ("cancelling", task_cancelling),
    ("uncancel", task_uncancel),
];

pub(super) const LOOP_METHODS: &[(&str, NativeFn)] = &[
    ("run_until_complete", loop_run_until_complete),
    ("run_forever", loop_run_forever),
    ("stop", loop_stop),
    ("close", loop_close),
    ("is_running", loop_is_running),
    ("is_closed", loop_is_closed),
    ("create_task", loop_create_task),
    ("create_future", loop_create_future),
    ("call_soon", loop_call_soon),
    ("call_soon_threadsafe", loop_call_soon),
    ("run_in_executor", loop_run_in_executor),
    ("call_later", loop_call_later),
    ("call_at", loop_call_at),
    ("time", loop_time),
    ("get_debug", loop_get_debug),
    ("set_debug", loop_set_debug),
    (
        "set_exception_handler",
        super::exception_handler::set_exception_handler,
    ),
    (
        "get_exception_handler",
        super::exception_handler::get_exception_handler,
    ),
    (
        "call_exception_handler",
        super::exception_handler::call_exception_handler,
    ),
    (
        "default_exception_handler",
        super::exception_handler::default_exception_handler,
    ),
];

pub(super) const HANDLE_METHODS: &[(&str, NativeFn)] = &[
    ("cancel", handle_cancel),
    ("cancelled", handle_cancelled),
    ("when", handle_when),
];

pub(super) const TASK_GROUP_METHODS: &[(&str, NativeFn)] = &[
    ("__aenter__", task_group_enter),
    ("__aexit__", task_group_exit),
    ("create_task", task_group_create_task),
];

/// Whether the asyncio method `name` takes keyword arguments.
pub(super) fn takes_keywords(name: &str) -> bool {
    matches!(
        name,
        "cancel" | "create_task" | "add_done_callback" | "call_soon" | "call_later" | "call_at"
    )
}

/// The module's attributes.
pub(super) fn attributes(vm: &mut Vm) -> crate::runtime::object::ModuleAttrs {
    let mut attrs: crate::runtime::object::ModuleAttrs = FUNCTIONS
        .iter()
        .map(|&(name, func)| (Rc::from(name), native(&mut vm.heap, name, func)))
        .collect();
    for (name, _) in EXCEPTIONS {
        attrs.insert(Rc::from(name), Value::Obj(vm.builtin_type(name)));
    }
    let timeout = vm.builtin_type("TimeoutError");
    attrs.insert(Rc::from("TimeoutError"), Value::Obj(timeout));
    let object = vm.builtin_type("object");
    let future = vm.builtin_class("Future", Some(object), Some(new_future));
    let task = vm.builtin_class("Task", Some(future), Some(new_task));
    vm.builtin_class("_GatheringFuture", Some(future), None);
    let group = vm.builtin_class("TaskGroup", Some(object), Some(new_task_group));
    for (name, class) in [("Future", future), ("Task", task), ("TaskGroup", group)] {
        attrs.insert(Rc::from(name), Value::Obj(class));
    }
    attrs
}

fn native(heap: &mut Heap, name: &'static str, func: NativeFn) -> Value {
    Value::Obj(heap.alloc(Object::Native(NativeFunction {
        name,
        func,
        keywords: true,
        receiver: None,
    })))
}

/// The keyword argument `name`, refusing any not in `known`.
fn keyword(
    function: &str,
    kwargs: Kwargs,
    known: &[&str],
    name: &str,
) -> Result<Option<Value>, Exception> {
    if let Some((k, _)) = kwargs.iter().find(|(k, _)| !known.contains(&&**k)) {
        return Err(Exception::new(
            "TypeError",
            format!("{function}() got an unexpected keyword argument '{k}'"),
        ));
    }
    Ok(kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| *v))
}

/// `v` as a coroutine object (an `async def`'s, or `asyncio.sleep`'s), if it is one.
fn coroutine_ref(heap: &Heap, v: Value) -> Option<ObjRef> {
    v.as_obj()
        .filter(|&r| matches!(heap.get(r), Object::Coroutine(_) | Object::Sleep { .. }))
}

pub(super) fn future_ref(heap: &Heap, v: Value) -> Option<ObjRef> {
    v.as_obj()
        .filter(|&r| matches!(heap.get(r), Object::Future(_)))
}

fn receiver_future(vm: &Vm, args: &[Value]) -> Result<ObjRef, Exception> {
    args.first()
        .and_then(|&v| future_ref(&vm.heap, v))
        .ok_or_else(|| Exception::new("TypeError", "a future method needs a future"))
}

pub(super) fn receiver_loop(vm: &Vm, args: &[Value]) -> Result<ObjRef, Exception> {
    args.first()
        .and_then(|v| v.as_obj())
        .filter(|&r| matches!(vm.heap.get(r), Object::EventLoop(_)))
        .ok_or_else(|| Exception::new("TypeError", "an event loop method needs a loop"))
}

impl Vm {
    /// The loop a future made now belongs to (`get_event_loop()`): the running one, else the
    /// current one — made if none was ever set, an error once `set_event_loop` (which
    /// `asyncio.run` calls) has been used and the current loop is unset.
    fn current_loop(&mut self) -> Result<ObjRef, Exception> {
        if let Some((l, _)) = &self.running_loop {
            return Ok(*l);
        }
        match self.event_loop {
            Some(l) => Ok(l),
            None if self.event_loop_was_set => Err(Exception::new(
                "RuntimeError",
                "There is no current event loop in thread 'MainThread'.",
            )),
            None => {
                let l = self.new_event_loop()?;
                self.event_loop = Some(l);
                Ok(l)
            }
        }
    }

    /// `ensure_future(v)`: a future as it is; a coroutine wrapped in a new task of loop `l`.
    fn ensure_future_on(&mut self, v: Value, l: ObjRef) -> Result<ObjRef, Exception> {
        if let Some(f) = future_ref(&self.heap, v) {
            return Ok(f);
        }
        if let Some(coro) = coroutine_ref(&self.heap, v) {
            return Ok(self.new_task(l, coro, None, None));
        }
        if self.special_method(v, "__await__").is_none() {
            return Err(Exception::new(
                "TypeError",
                "An asyncio.Future, a coroutine or an awaitable is required",
            ));
        }
        self.embedded_task(l, "_wrap_awaitable", v)
    }

    /// A task of loop `l` for what the embedded asyncio's `async def` `function` makes of `arg`.
    fn embedded_task(
        &mut self,
        l: ObjRef,
        function: &str,
        arg: Value,
    ) -> Result<ObjRef, Exception> {
        let function_value = self.embedded_global("asyncio", function)?;
        let coro = self.call_value(function_value, &[arg], &[])?;
        match coroutine_ref(&self.heap, coro) {
            Some(coro) => Ok(self.new_task(l, coro, None, None)),
            None => Err(Exception::new(
                "SystemError",
                format!("asyncio.{function} made no coroutine"),
            )),
        }
    }

    /// `gather(*children)`: the gathering future. Each distinct argument becomes a child (a
    /// coroutine is wrapped in a task), in order; a repeated one shares its first child.
    fn gather_on(&mut self, args: &[Value], return_exceptions: bool) -> Result<Value, Exception> {
        let event_loop = match args.first().and_then(|&a| future_ref(&self.heap, a)) {
            Some(f) => match self.future(f) {
                Some(f) => f.event_loop,
                None => self.current_loop()?,
            },
            None => self.current_loop()?,
        };
        let outer = self.new_future(
            event_loop,
            FutureKind::Gather(Box::new(Gather {
                children: Vec::with_capacity(args.len()),
                distinct: 0,
                finished: 0,
                return_exceptions,
            })),
        );
        self.with_pinned([Value::Obj(outer)], |vm| {
            for &arg in args {
                let child = match vm.gathered_already(outer, arg) {
                    Some(child) => child,
                    None => {
                        let child = vm.ensure_future_on(arg, event_loop)?;
                        vm.add_done_callback(child, DoneCallback::Gather(outer));
                        if let Some(FutureKind::Gather(g)) =
                            vm.future_mut(outer).map(|f| &mut f.kind)
                        {
                            g.distinct += 1;
                        }
                        child
                    }
                };
                if let Some(FutureKind::Gather(g)) = vm.future_mut(outer).map(|f| &mut f.kind) {
                    g.children.push(child);
                }
            }
            Ok(Value::Obj(outer))
        })
    }

    /// The child gather `outer` already has for `arg`, if `arg` came before (the same object:
    /// a future with this gather's callback, or a coroutine a task of this gather runs).
    fn gathered_already(&self, outer: ObjRef, arg: Value) -> Option<ObjRef> {
        let a = arg.as_obj()?;
        match self.heap.get(a) {
            Object::Future(f) => f
                .callbacks
                .contains(&DoneCallback::Gather(outer))
                .then_some(a),
            Object::Coroutine(c) if c.in_task => {
                let FutureKind::Gather(g) = &self.future(outer)?.kind else {
                    return None;
                };
                g.children.iter().copied().find(|&t| {
                    self.future(t)
                        .and_then(Future::task)
                        .is_some_and(|t| Value::Obj(t.coro) == arg)
                })
            }
            _ => None,
        }
    }

    /// The tasks of loop `l` not done yet (those `live_tasks` holds), in the order they were
    /// made.
    fn pending_tasks(&self, l: ObjRef) -> Vec<ObjRef> {
        let mut tasks: Vec<(u64, ObjRef)> = self
            .live_tasks
            .iter()
            .filter_map(|&t| {
                let f = self.future(t).filter(|f| f.event_loop == l)?;
                Some((f.task()?.number, t))
            })
            .collect();
        tasks.sort_unstable_by_key(|&(number, _)| number);
        tasks.into_iter().map(|(_, t)| t).collect()
    }

    /// The end of `asyncio.run`: leftover tasks are cancelled and waited for, the shutdown
    /// steps run, the loop closes, and task exceptions nobody retrieved are reported.
    fn close_runner(&mut self, l: ObjRef) -> Result<(), Exception> {
        let leftover = self.pending_tasks(l);
        if !leftover.is_empty() {
            for &t in &leftover {
                if !closes_async_generator_unstarted(self, t) {
                    self.cancel_future(t, Value::None);
                }
            }
            let values: Vec<Value> = leftover.iter().map(|&t| Value::Obj(t)).collect();
            let outer = self.gather_on(&values, true)?;
            if let Some(outer) = outer.as_obj() {
                self.with_pinned([Value::Obj(outer)], |vm| vm.run_until_complete(l, outer))?;
            }
            for &t in &leftover {
                if let Outcome::Exception(e) = self.outcome(t) {
                    let err = self.raised(e);
                    self.report_to_handler(
                        l,
                        "unhandled exception during asyncio.run() shutdown",
                        &[("task", Value::Obj(t))],
                        err,
                    );
                }
            }
        }
        self.shutdown_asyncgens(l)?;
        // `shutdown_default_executor()`: Baton has no executor.
        self.run_one_step_task(l)?;
        if self.event_loop == Some(l) {
            self.event_loop = None;
        }
        self.close_loop(l)?;
        self.report_unretrieved();
        Ok(())
    }

    /// `asyncio.run`'s `shutdown_asyncgens()` step: a task closing the async generators left
    /// suspended, all together.
    fn shutdown_asyncgens(&mut self, l: ObjRef) -> Result<(), Exception> {
        let agens = self.take_suspended_async_generators();
        if agens.is_empty() {
            return self.run_one_step_task(l);
        }
        let agens = agens.into_iter().map(Value::Obj).collect();
        let agens = Value::Obj(self.heap.alloc(Object::List(agens)));
        let task = self.with_pinned([agens], |vm| {
            vm.embedded_task(l, "_shutdown_asyncgens", agens)
        })?;
        self.with_pinned([Value::Obj(task)], |vm| vm.run_until_complete(l, task))
            .map(drop)
    }

    /// Runs loop `l` through the life of a task that has nothing to do: it takes a task's
    /// number and finishes in its first step.
    fn run_one_step_task(&mut self, l: ObjRef) -> Result<(), Exception> {
        self.tasks_made += 1;
        let f = self.new_future(l, FutureKind::Plain);
        self.call_soon(l, Job::Finish(f));
        self.with_pinned([Value::Obj(f)], |vm| vm.run_until_complete(l, f))
            .map(drop)
    }

    /// Reports each future (task or not) that ended with an exception nobody looked at.
    pub(super) fn report_unretrieved(&mut self) {
        let failed = std::mem::take(&mut self.failed_futures);
        self.report_unretrieved_among(&failed);
    }

    /// Reports now the failed futures nothing references any more, as CPython does when it
    /// frees them (the others wait: the program may still look at their exception).
    pub(super) fn report_dropped_failures(&mut self) {
        let roots = self.roots(false);
        let candidates = self.failed_futures.clone();
        let dropped = self.heap.unreachable(roots, &candidates);
        if dropped.is_empty() {
            return;
        }
        self.failed_futures.retain(|f| !dropped.contains(f));
        let pinned: Vec<Value> = dropped.iter().map(|&f| Value::Obj(f)).collect();
        self.with_pinned(pinned, |vm| vm.report_unretrieved_among(&dropped));
    }

    fn report_unretrieved_among(&mut self, failed: &[ObjRef]) {
        for &t in failed {
            let Some(f) = self.future(t) else { continue };
            let Outcome::Exception(e) = f.outcome else {
                continue;
            };
            if !f.log_traceback {
                continue;
            }
            let kind = f.type_name();
            let l = f.event_loop;
            if let Some(f) = self.future_mut(t) {
                f.log_traceback = false;
            }
            let mut err = self.raised(e);
            if let Some(tb) = super::exceptions::traceback_of(&self.heap, e) {
                err.traceback = tb;
            }
            self.report_to_handler(
                l,
                &format!("{kind} exception was never retrieved"),
                &[("future", Value::Obj(t))],
                err,
            );
        }
    }

    /// The repr of future `r` (a task's with its name and coroutine; the running task's
    /// with the line its coroutine is at now).
    pub(super) fn future_repr(&self, r: ObjRef) -> String {
        match self.heap.get(r) {
            Object::Future(f) if self.current_task == Some(r) => {
                let line = self.frames.first().and_then(Frame::line);
                future_repr(&self.heap, f, line)
            }
            _ => repr(&self.heap, r),
        }
    }
}

/// The repr of an asyncio object: a future, task, loop, handle or `sleep` coroutine.
pub(super) fn repr(heap: &Heap, r: ObjRef) -> String {
    let addr = ops::address(r);
    match heap.get(r) {
        Object::Future(f) => future_repr(heap, f, None),
        Object::EventLoop(state) => format!(
            "<_UnixSelectorEventLoop running={} closed={} debug={}>",
            ops::repr(heap, Value::Bool(false)),
            ops::repr(heap, Value::Bool(state.closed)),
            ops::repr(heap, Value::Bool(state.debug))
        ),
        Object::Handle(h) => {
            let kind = if h.when.is_some() {
                "TimerHandle"
            } else {
                "Handle"
            };
            let when = h
                .when
                .map(|w| format!(" when={}", crate::runtime::format::float_repr(w)))
                .unwrap_or_default();
            let state = if h.cancelled { " cancelled" } else { "" };
            format!(
                "<{kind}{state}{when} {}>",
                callback_source(heap, h.callback, &h.args)
            )
        }
        Object::Sleep { .. } => format!("<coroutine object sleep at 0x{addr:x}>"),
        Object::TaskGroup(g) => {
            let state = if g.entered { " entered" } else { "" };
            format!("<TaskGroup{state}>")
        }
        other => format!("<{} object at 0x{addr:x}>", other.type_name()),
    }
}

/// How a callback is named in messages and reprs: its qualified name.
pub(super) fn callable_name(heap: &Heap, v: Value) -> String {
    match v.as_obj().map(|r| heap.get(r)) {
        Some(Object::Function(f)) => f.loaded.code.qualname.to_string(),
        Some(Object::Native(n)) => n.name.to_string(),
        Some(Object::Method { func, .. }) => callable_name(heap, *func),
        _ => ops::repr(heap, v),
    }
}

/// A callback as the loop describes it: `name(args) at file:line` (the place for a function
/// defined in Python).
pub(super) fn callback_source(heap: &Heap, callback: Value, args: &[Value]) -> String {
    let args: Vec<String> = args.iter().map(|&a| ops::repr(heap, a)).collect();
    let mut text = format!("{}({})", callable_name(heap, callback), args.join(", "));
    let function = match callback.as_obj().map(|r| heap.get(r)) {
        Some(Object::Method { func, .. }) => func.as_obj().map(|r| heap.get(r)),
        other => other,
    };
    if let Some(Object::Function(f)) = function {
        let code = &f.loaded.code;
        text.push_str(&format!(" at {}:{}", code.filename, code.first_line));
    }
    text
}

/// A future's repr; `line`, when given, is where a task's coroutine is running.
fn future_repr(heap: &Heap, f: &Future, line: Option<u32>) -> String {
    let state = match f.outcome {
        Outcome::Pending if f.task().is_some_and(|t| t.cancel_requests() > 0) => "cancelling",
        Outcome::Pending => "pending",
        Outcome::Cancelled { .. } => "cancelled",
        _ => "finished",
    };
    let mut out = format!("<{} {state}", f.type_name());
    if let Some(t) = f.task() {
        let name = match t.name {
            None => format!("Task-{}", t.number),
            Some(name) => ops::to_str(heap, Value::Obj(name)),
        };
        out.push_str(&format!(" name={}", ops::str_repr(&name)));
        out.push_str(&format!(
            " coro=<{}>",
            coroutine_state(heap, t, f.is_done(), line)
        ));
    }
    match f.outcome {
        Outcome::Result(v) => out.push_str(&format!(" result={}", ops::repr(heap, v))),
        Outcome::Exception(e) => out.push_str(&format!(" exception={}", ops::repr(heap, e))),
        _ => {}
    }
    if let Some(t) = f.task() {
        match t.waiter {
            Waiter::Future(w) => out.push_str(&format!(" wait_for={}", repr(heap, w))),
            Waiter::Timer(_) => out.push_str(" wait_for=<Future pending cb=[Task.task_wakeup()]>"),
            Waiter::Nothing | Waiter::BadYield(_) => {}
        }
    }
    if !f.is_done() && !f.callbacks.is_empty() {
        let names: Vec<&str> = f
            .callbacks
            .iter()
            .map(|c| match c {
                DoneCallback::Wakeup(_) => "Task.task_wakeup()",
                DoneCallback::Gather(_) => "gather.<locals>._done_callback()",
                DoneCallback::TaskGroup(_) => "TaskGroup._on_task_done()",
                DoneCallback::StopLoop(_) => "_run_until_complete_cb()",
                DoneCallback::Call(_) | DoneCallback::CallInContext(_) => "callback()",
            })
            .collect();
        out.push_str(&format!(" cb=[{}]", names.join(", ")));
    }
    out.push('>');
    out
}

/// Whether `code` is that of the coroutine closing an async generator left suspended (see
/// `_close_asyncgen` in the embedded asyncio).
fn is_async_generator_closer(code: &crate::compile::Code) -> bool {
    &*code.name == "_close_asyncgen" && super::stdlib::module_of(code) == Some("asyncio")
}

/// Whether task `t` is to close an async generator and has not started: cancelling it
/// would skip the generator's cleanup, which CPython's task (running `aclose()` itself)
/// still runs.
fn closes_async_generator_unstarted(vm: &Vm, t: ObjRef) -> bool {
    let Some(task) = vm.future(t).and_then(Future::task) else {
        return false;
    };
    !task.started
        && matches!(vm.heap.get(task.coro), Object::Coroutine(c) if is_async_generator_closer(&c.loaded.code))
}

/// `main() running at FILE:LINE` or `main() done, defined at FILE:LINE`.
fn coroutine_state(
    heap: &Heap,
    t: &crate::runtime::tasks::Task,
    done: bool,
    running_line: Option<u32>,
) -> String {
    let loaded = match heap.get(t.coro) {
        Object::Coroutine(c) => Some(c.loaded.clone()),
        _ => None,
    };
    let Some(loaded) = loaded else {
        return "sleep()".to_owned();
    };
    let code = &loaded.code;
    if is_async_generator_closer(code) {
        // CPython's task runs the generator's `aclose()` awaitable itself.
        return "<async_generator_athrow without __name__>()".to_owned();
    }
    if done {
        return format!(
            "{}() done, defined at {}:{}",
            code.qualname, code.filename, code.first_line
        );
    }
    let line = running_line
        .or_else(|| t.execution.frames.first()?.line())
        .unwrap_or(code.first_line);
    format!("{}() running at {}:{line}", code.qualname, code.filename)
}

fn run(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("run", args, 1, 1)?;
    let debug = keyword("run", kwargs, &["debug"], "debug")?;
    if vm.running_loop.is_some() {
        return Err(Exception::new(
            "RuntimeError",
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let Some(coro) = coroutine_ref(&vm.heap, args[0]) else {
        return Err(Exception::new(
            "ValueError",
            format!(
                "a coroutine was expected, got {}",
                ops::repr(&vm.heap, args[0])
            ),
        ));
    };
    let l = vm.new_event_loop()?;
    vm.event_loop = Some(l);
    vm.event_loop_was_set = true;
    let debug = match debug {
        Some(Value::None) | None => {
            std::env::var_os("PYTHONASYNCIODEBUG").is_some_and(|v| !v.is_empty())
        }
        Some(v) => ops::truthy(&vm.heap, v),
    };
    if let Some(state) = vm.loop_state(l) {
        state.debug = debug;
    }
    let task = vm.new_task(l, coro, None, None);
    vm.with_pinned([Value::Obj(l), Value::Obj(task)], |vm| {
        let result = vm.run_until_complete(l, task);
        let closed = vm.close_runner(l);
        result.and_then(|v| closed.map(|()| v))
    })
}

/// `asyncio.Runner.close()`'s work on its loop: what `asyncio.run` does at its end.
fn close_runner(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("_close_runner", args, 1, 1)?;
    let l = receiver_loop(vm, args)?;
    vm.close_runner(l)?;
    Ok(Value::None)
}

fn sleep(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("sleep", args, 1, 2)?;
    let result = match keyword("sleep", kwargs, &["result"], "result")? {
        Some(v) => v,
        None => args.get(1).copied().unwrap_or(Value::None),
    };
    // CPython's sleep starts by comparing the delay with 0.
    let delay = super::clock::seconds(vm, args[0]).map_err(|_| {
        Exception::new(
            "TypeError",
            format!(
                "'<=' not supported between instances of '{}' and 'int'",
                ops::type_name(&vm.heap, args[0])
            ),
        )
    })?;
    // `await asyncio.sleep(…)`: the coroutine is awaited as soon as it is made and never seen
    // again, so one object serves every such call.
    if let Some(scratch) = vm.scratch_sleep.filter(|_| vm.awaited_next()) {
        if let Object::Sleep {
            delay: d,
            result: r,
            awaited,
            ..
        } = vm.heap.get_mut(scratch)
        {
            (*d, *r, *awaited) = (delay, result, false);
            return Ok(Value::Obj(scratch));
        }
    }
    let origin = vm.origin();
    vm.made_coroutines = true;
    let sleep = vm.heap.alloc(Object::Sleep {
        delay,
        result,
        awaited: false,
        origin,
    });
    if vm.scratch_sleep.is_none() && vm.awaited_next() {
        vm.scratch_sleep = Some(sleep);
    }
    Ok(Value::Obj(sleep))
}

fn gather(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    let return_exceptions = keyword(
        "gather",
        kwargs,
        &["return_exceptions"],
        "return_exceptions",
    )?
    .is_some_and(|v| ops::truthy(&vm.heap, v));
    if args.is_empty() {
        let l = vm.current_loop()?;
        let f = vm.new_future(l, FutureKind::Plain);
        let list = vm.heap.alloc(Object::List(Vec::new()));
        vm.finish_future(f, Outcome::Result(Value::Obj(list)));
        return Ok(Value::Obj(f));
    }
    vm.gather_on(args, return_exceptions)
}

fn create_task(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("create_task", args, 1, 1)?;
    let l = vm.running_loop_ref()?;
    spawn(vm, l, args[0], kwargs)
}

/// A new task of loop `l` for coroutine `coro`, with the `name=` and `context=` of `kwargs`.
fn spawn(vm: &mut Vm, l: ObjRef, coro: Value, kwargs: Kwargs) -> Result<Value, Exception> {
    let name = keyword("create_task", kwargs, &["name", "context"], "name")?;
    let context = keyword("create_task", kwargs, &["name", "context"], "context")?;
    let Some(coro) = coroutine_ref(&vm.heap, coro) else {
        return Err(Exception::new(
            "TypeError",
            format!(
                "a coroutine was expected, got {}",
                ops::repr(&vm.heap, coro)
            ),
        ));
    };
    let name = match name {
        Some(Value::None) | None => None,
        Some(n) => {
            let text = ops::to_str_in(vm, n)?;
            new_str(&mut vm.heap, &text).as_obj()
        }
    };
    Ok(Value::Obj(vm.new_task(l, coro, name, context)))
}

fn ensure_future(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("ensure_future", args, 1, 1)?;
    let l = match keyword("ensure_future", kwargs, &["loop"], "loop")?.and_then(|v| v.as_obj()) {
        Some(l) => l,
        None => vm.current_loop()?,
    };
    vm.ensure_future_on(args[0], l).map(Value::Obj)
}

fn get_running_loop(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("get_running_loop", args, 0, 0)?;
    vm.running_loop_ref().map(Value::Obj)
}

fn get_event_loop(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("get_event_loop", args, 0, 0)?;
    Ok(Value::Obj(vm.current_loop()?))
}

fn new_event_loop(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("new_event_loop", args, 0, 0)?;
    Ok(Value::Obj(vm.new_event_loop()?))
}

fn set_event_loop(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("set_event_loop", args, 1, 1)?;
    vm.event_loop = args[0].as_obj();
    vm.event_loop_was_set = true;
    Ok(Value::None)
}

fn current_task(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("current_task", args, 0, 1)?;
    if args.is_empty() {
        vm.running_loop_ref()?;
    }
    Ok(vm.current_task.map_or(Value::None, Value::Obj))
}

fn all_tasks(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("all_tasks", args, 0, 1)?;
    let l = match args.first().and_then(|v| v.as_obj()) {
        Some(l) => l,
        None => vm.running_loop_ref()?,
    };
    let items: Vec<Value> = vm.pending_tasks(l).into_iter().map(Value::Obj).collect();
    super::sets::set_from(vm, items, false)
}

fn iscoroutine(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("iscoroutine", args, 1, 1)?;
    // CPython 3.11 still counts generators (the old generator-based coroutines).
    let generator = matches!(
        args[0].as_obj().map(|r| vm.heap.get(r)),
        Some(Object::Generator(_))
    );
    Ok(Value::Bool(
        generator || coroutine_ref(&vm.heap, args[0]).is_some(),
    ))
}

fn isfuture(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("isfuture", args, 1, 1)?;
    Ok(Value::Bool(future_ref(&vm.heap, args[0]).is_some()))
}

/// `asyncio.Future(*, loop=None)`.
fn new_future(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("Future", args, 0, 0)?;
    let l = match keyword("Future", kwargs, &["loop"], "loop")?.and_then(|v| v.as_obj()) {
        Some(l) => l,
        None => vm.current_loop()?,
    };
    Ok(Value::Obj(vm.new_future(l, FutureKind::Plain)))
}

/// `asyncio.Task(coro, *, loop=None, name=None)`.
fn new_task(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("Task", args, 1, 1)?;
    let l = match keyword("Task", kwargs, &["loop", "name", "context"], "loop")?
        .and_then(|v| v.as_obj())
    {
        Some(l) => l,
        None => vm.current_loop()?,
    };
    let rest: Vec<(Rc<str>, Value)> = kwargs
        .iter()
        .filter(|(k, _)| &**k != "loop")
        .cloned()
        .collect();
    spawn(vm, l, args[0], &rest)
}

fn new_task_group(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("TaskGroup", args, 0, 0)?;
    Ok(Value::Obj(vm.heap.alloc(Object::TaskGroup(Box::default()))))
}

fn identity(_: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Ok(args.first().copied().unwrap_or(Value::None))
}

fn future_result(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let f = receiver_future(vm, args)?;
    vm.future_result(f)
}

fn future_exception(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let f = receiver_future(vm, args)?;
    vm.future_exception(f)
}

fn future_done(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let f = receiver_future(vm, args)?;
    Ok(Value::Bool(vm.outcome(f) != Outcome::Pending))
}

fn future_cancelled(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let f = receiver_future(vm, args)?;
    Ok(Value::Bool(matches!(
        vm.outcome(f),
        Outcome::Cancelled { .. }
    )))
}

fn future_cancel(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("cancel", &args[1..], 0, 1)?;
    let f = receiver_future(vm, args)?;
    let message = match keyword("cancel", kwargs, &["msg"], "msg")? {
        Some(m) => m,
        None => args.get(1).copied().unwrap_or(Value::None),
    };
    Ok(Value::Bool(vm.cancel_future(f, message)))
}

fn add_done_callback(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("add_done_callback", &args[1..], 1, 1)?;
    let context = callback_context(vm, "add_done_callback", kwargs)?;
    let f = receiver_future(vm, args)?;
    let Some(callback) = args[1].as_obj() else {
        return Err(Exception::new(
            "TypeError",
            format!(
                "'{}' object is not callable",
                ops::type_name(&vm.heap, args[1])
            ),
        ));
    };
    let callback = match context {
        None => DoneCallback::Call(callback),
        Some(_) => {
            let handle = new_handle(vm, Value::Obj(callback), &[], None, context);
            DoneCallback::CallInContext(handle)
        }
    };
    vm.add_done_callback(f, callback);
    Ok(Value::None)
}

fn remove_done_callback(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("remove_done_callback", &args[1..], 1, 1)?;
    let f = receiver_future(vm, args)?;
    let callback = args[1];
    let Some(fut) = vm.future_mut(f) else {
        return Ok(Value::Int(0));
    };
    let mut callbacks = std::mem::take(&mut fut.callbacks);
    let before = callbacks.len();
    callbacks.retain(|c| {
        let function = match *c {
            DoneCallback::Call(f) => Value::Obj(f),
            DoneCallback::CallInContext(h) => match vm.heap.get(h) {
                Object::Handle(handle) => handle.callback,
                _ => Value::None,
            },
            _ => return true,
        };
        function != callback
    });
    let removed = before - callbacks.len();
    if let Some(fut) = vm.future_mut(f) {
        fut.callbacks = callbacks;
    }
    Ok(Value::Int(removed as i64))
}

/// The `InvalidStateError` of setting a future that is done.
fn check_settable(vm: &Vm, f: ObjRef) -> Result<(), Exception> {
    if vm.future(f).is_some_and(|fut| fut.task().is_some()) {
        return Err(Exception::new(
            "RuntimeError",
            "Task does not support set_result operation",
        ));
    }
    if vm.outcome(f) != Outcome::Pending {
        return Err(Exception::new("InvalidStateError", "invalid state"));
    }
    Ok(())
}

fn set_result(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("set_result", &args[1..], 1, 1)?;
    let f = receiver_future(vm, args)?;
    check_settable(vm, f)?;
    vm.finish_future(f, Outcome::Result(args[1]));
    Ok(Value::None)
}

fn set_exception(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("set_exception", &args[1..], 1, 1)?;
    let f = receiver_future(vm, args)?;
    check_settable(vm, f)?;
    let e = vm.raised(args[1]);
    if e.value.is_none() {
        return Err(e);
    }
    let exc = vm.exception_object(&e);
    if super::exceptions::is_instance_of(&vm.heap, exc, "StopIteration") {
        return Err(Exception::new(
            "TypeError",
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    vm.finish_future(f, Outcome::Exception(exc));
    Ok(Value::None)
}

fn get_loop(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let f = receiver_future(vm, args)?;
    Ok(vm
        .future(f)
        .map_or(Value::None, |f| Value::Obj(f.event_loop)))
}

fn receiver_task(vm: &mut Vm, args: &[Value]) -> Result<ObjRef, Exception> {
    let f = receiver_future(vm, args)?;
    match vm.task_mut(f) {
        Some(_) => Ok(f),
        None => Err(Exception::new("TypeError", "a task method needs a task")),
    }
}

fn task_get_name(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let t = receiver_task(vm, args)?;
    let (name, number) = vm.task_mut(t).map_or((None, 0), |t| (t.name, t.number));
    if let Some(name) = name {
        return Ok(Value::Obj(name));
    }
    Ok(new_str(&mut vm.heap, format!("Task-{number}")))
}

fn task_set_name(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("set_name", &args[1..], 1, 1)?;
    let t = receiver_task(vm, args)?;
    let text = ops::to_str_in(vm, args[1])?;
    let name = new_str(&mut vm.heap, &text).as_obj();
    if let Some(t) = vm.task_mut(t) {
        t.name = name;
    }
    Ok(Value::None)
}

fn task_get_coro(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let t = receiver_task(vm, args)?;
    Ok(vm.task_mut(t).map_or(Value::None, |t| Value::Obj(t.coro)))
}

fn task_cancelling(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let t = receiver_task(vm, args)?;
    Ok(Value::Int(
        vm.task_mut(t).map_or(0, |t| t.cancel_requests()) as i64,
    ))
}

fn task_uncancel(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let t = receiver_task(vm, args)?;
    Ok(Value::Int(vm.uncancel(t) as i64))
}

impl Vm {
    /// `task.uncancel()`: one cancellation request fewer; how many are left.
    pub(super) fn uncancel(&mut self, t: ObjRef) -> u32 {
        self.task_mut(t).map_or(0, |t| match &mut t.cancellation {
            Some(c) => {
                c.requests = c.requests.saturating_sub(1);
                c.requests
            }
            None => 0,
        })
    }
}

fn loop_run_until_complete(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("run_until_complete", &args[1..], 1, 1)?;
    let l = receiver_loop(vm, args)?;
    vm.check_can_run(l)?;
    let f = vm.ensure_future_on(args[1], l)?;
    vm.with_pinned([Value::Obj(f)], |vm| vm.run_until_complete(l, f))
}

fn loop_run_forever(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let l = receiver_loop(vm, args)?;
    vm.run_forever(l).map(|()| Value::None)
}

fn loop_stop(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let l = receiver_loop(vm, args)?;
    if let Some(state) = vm.loop_state(l) {
        state.stopping = true;
    }
    Ok(Value::None)
}

fn loop_close(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let l = receiver_loop(vm, args)?;
    vm.close_loop(l).map(|()| Value::None)
}

fn loop_is_running(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let l = receiver_loop(vm, args)?;
    Ok(Value::Bool(
        matches!(&vm.running_loop, Some((r, _)) if *r == l),
    ))
}

fn loop_is_closed(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let l = receiver_loop(vm, args)?;
    Ok(Value::Bool(vm.loop_state(l).is_some_and(|s| s.closed)))
}

fn loop_create_task(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("create_task", &args[1..], 1, 1)?;
    let l = receiver_loop(vm, args)?;
    spawn(vm, l, args[1], kwargs)
}

fn loop_create_future(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let l = receiver_loop(vm, args)?;
    Ok(Value::Obj(vm.new_future(l, FutureKind::Plain)))
}

/// A handle for `callback(*args)`, due at `when` for a timer, run in `context`.
pub(super) fn new_handle(
    vm: &mut Vm,
    callback: Value,
    args: &[Value],
    when: Option<f64>,
    context: Option<ObjRef>,
) -> ObjRef {
    vm.heap.alloc(Object::Handle(Box::new(Handle {
        callback,
        args: args.into(),
        cancelled: false,
        when,
        context,
    })))
}

/// The context a callback scheduled with the `context=` of `kwargs` runs in.
fn callback_context(
    vm: &mut Vm,
    function: &str,
    kwargs: Kwargs,
) -> Result<Option<ObjRef>, Exception> {
    let given = keyword(function, kwargs, &["context"], "context")?;
    Ok(vm.context_argument(given))
}

/// `asyncio.to_thread`: refused, as running the function in place would block the loop where
/// CPython's would not.
fn to_thread(_: &mut Vm, _: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Err(no_threads("asyncio.to_thread()"))
}

fn loop_run_in_executor(_: &mut Vm, _: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Err(no_threads("loop.run_in_executor()"))
}

fn no_threads(feature: &str) -> Exception {
    Exception::new(
        "NotImplementedError",
        format!("{feature} runs functions in other threads, which Baton does not have"),
    )
}

fn loop_call_soon(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("call_soon", &args[1..], 1, usize::MAX)?;
    let context = callback_context(vm, "call_soon", kwargs)?;
    let l = receiver_loop(vm, args)?;
    let h = new_handle(vm, args[1], &args[2..], None, context);
    vm.call_soon(l, Job::Handle(h));
    Ok(Value::Obj(h))
}

fn schedule_at(
    vm: &mut Vm,
    l: ObjRef,
    when: f64,
    args: &[Value],
    context: Option<ObjRef>,
) -> Value {
    let h = new_handle(vm, args[0], &args[1..], Some(when), context);
    vm.call_at(l, when, |_| Job::Handle(h));
    Value::Obj(h)
}

fn loop_call_later(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("call_later", &args[1..], 2, usize::MAX)?;
    let context = callback_context(vm, "call_later", kwargs)?;
    let l = receiver_loop(vm, args)?;
    let delay = super::clock::seconds(vm, args[1])?;
    let when = vm.clock.monotonic() + delay;
    Ok(schedule_at(vm, l, when, &args[2..], context))
}

fn loop_call_at(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("call_at", &args[1..], 2, usize::MAX)?;
    let context = callback_context(vm, "call_at", kwargs)?;
    let l = receiver_loop(vm, args)?;
    let when = super::clock::seconds(vm, args[1])?;
    Ok(schedule_at(vm, l, when, &args[2..], context))
}

fn loop_time(vm: &mut Vm, _: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Ok(Value::Float(vm.clock.monotonic()))
}

fn loop_get_debug(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let l = receiver_loop(vm, args)?;
    Ok(Value::Bool(vm.loop_state(l).is_some_and(|s| s.debug)))
}

fn loop_set_debug(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("set_debug", &args[1..], 1, 1)?;
    let l = receiver_loop(vm, args)?;
    let on = ops::truthy(&vm.heap, args[1]);
    if let Some(state) = vm.loop_state(l) {
        state.debug = on;
    }
    Ok(Value::None)
}

fn receiver_handle<'a>(vm: &'a mut Vm, args: &[Value]) -> Result<&'a mut Handle, Exception> {
    match args
        .first()
        .and_then(|v| v.as_obj())
        .map(|r| vm.heap.get_mut(r))
    {
        Some(Object::Handle(h)) => Ok(h),
        _ => Err(Exception::new(
            "TypeError",
            "a handle method needs a handle",
        )),
    }
}

fn handle_cancel(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    receiver_handle(vm, args)?.cancelled = true;
    Ok(Value::None)
}

fn handle_cancelled(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Ok(Value::Bool(receiver_handle(vm, args)?.cancelled))
}

fn handle_when(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Ok(receiver_handle(vm, args)?
        .when
        .map_or(Value::None, Value::Float))
}

fn receiver_group(vm: &mut Vm, args: &[Value]) -> Result<ObjRef, Exception> {
    args.first()
        .and_then(|v| v.as_obj())
        .filter(|&r| matches!(vm.heap.get(r), Object::TaskGroup(_)))
        .ok_or_else(|| Exception::new("TypeError", "a TaskGroup method needs a TaskGroup"))
}

fn group_mut(vm: &mut Vm, g: ObjRef) -> Option<&mut TaskGroup> {
    match vm.heap.get_mut(g) {
        Object::TaskGroup(group) => Some(group),
        _ => None,
    }
}

/// `async with TaskGroup() as tg`: what `__aenter__` returns is a done future holding the group.
fn task_group_enter(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let g = receiver_group(vm, args)?;
    let current = vm.current_task;
    let group = group_mut(vm, g).ok_or_else(|| Exception::new("TypeError", "not a TaskGroup"))?;
    if group.entered {
        return Err(Exception::new(
            "RuntimeError",
            format!(
                "TaskGroup {} has been already entered",
                "<TaskGroup entered>"
            ),
        ));
    }
    group.entered = true;
    let Some(parent) = current else {
        return Err(Exception::new(
            "RuntimeError",
            "TaskGroup cannot determine the parent task",
        ));
    };
    group.parent = Some(parent);
    let l = vm.running_loop_ref()?;
    let f = vm.new_future(l, FutureKind::Plain);
    vm.finish_future(f, Outcome::Result(Value::Obj(g)));
    Ok(Value::Obj(f))
}

fn task_group_create_task(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("create_task", &args[1..], 1, 1)?;
    let g = receiver_group(vm, args)?;
    let group = group_mut(vm, g).ok_or_else(|| Exception::new("TypeError", "not a TaskGroup"))?;
    if !group.entered {
        return Err(Exception::new(
            "RuntimeError",
            "TaskGroup <TaskGroup> has not been entered",
        ));
    }
    if group.exiting && group.tasks.is_empty() {
        return Err(Exception::new(
            "RuntimeError",
            "TaskGroup <TaskGroup> is finished",
        ));
    }
    if group.aborting {
        return Err(Exception::new(
            "RuntimeError",
            "TaskGroup <TaskGroup> is shutting down",
        ));
    }
    let l = vm.running_loop_ref()?;
    let task = spawn(vm, l, args[1], kwargs)?;
    if let Some(t) = task.as_obj() {
        if let Some(group) = group_mut(vm, g) {
            group.tasks.push(t);
        }
        vm.add_done_callback(t, DoneCallback::TaskGroup(g));
    }
    Ok(task)
}

/// `__aexit__(et, exc, tb)`: a future done when every task of the group is (at once when
/// none is left), which raises what the `async with` ends with. An exception from the body
/// cancels the tasks first.
fn task_group_exit(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let g = receiver_group(vm, args)?;
    let exc = args.get(2).copied().unwrap_or(Value::None);
    let l = vm.running_loop_ref()?;
    let failed = exc != Value::None;
    let cancelled = failed && super::exceptions::is_instance_of(&vm.heap, exc, "CancelledError");
    let base = failed && vm.is_fatal(exc);
    let Some(group) = group_mut(vm, g) else {
        return Err(Exception::new("TypeError", "not a TaskGroup"));
    };
    group.exiting = true;
    if base && group.base_error.is_none() {
        group.base_error = Some(exc);
    }
    group.propagate_cancel = cancelled.then_some(exc);
    if failed && !cancelled {
        group.body_error = Some(exc);
    }
    let (take_back, parent, no_tasks) = (
        group.parent_cancel_requested,
        group.parent,
        group.tasks.is_empty(),
    );
    // The group cancelled its parent itself: that cancellation is not the body's to raise.
    if let (true, Some(parent)) = (take_back, parent) {
        if vm.uncancel(parent) == 0 {
            if let Some(group) = group_mut(vm, g) {
                group.propagate_cancel = None;
            }
        }
    }
    if failed {
        vm.abort_task_group(g);
    }
    let f = vm.new_future(l, FutureKind::GroupExit(g));
    if no_tasks {
        vm.finish_task_group(g, f);
    } else if let Some(group) = group_mut(vm, g) {
        group.on_completed = Some(f);
    }
    Ok(Value::Obj(f))
}

impl Vm {
    /// A task of TaskGroup `g` finished. The first failure cancels the other tasks and the
    /// parent; the last task's end lets the parent finish the `async with`.
    pub(super) fn task_group_child_done(&mut self, g: ObjRef, task: ObjRef) {
        let outcome = self.outcome(task);
        if let Some(group) = group_mut(self, g) {
            group.tasks.retain(|&t| t != task);
        }
        if let Outcome::Exception(e) = outcome {
            if let Some(f) = self.future_mut(task) {
                f.log_traceback = false;
            }
            let base = self.is_fatal(e);
            let Some(group) = group_mut(self, g) else {
                return;
            };
            group.errors.push(e);
            if base && group.base_error.is_none() {
                group.base_error = Some(e);
            }
            if !group.aborting && !group.parent_cancel_requested {
                group.parent_cancel_requested = true;
                let parent = group.parent;
                self.abort_task_group(g);
                if let Some(parent) = parent {
                    self.cancel_future(parent, Value::None);
                }
            }
        }
        let Some(group) = group_mut(self, g) else {
            return;
        };
        if let (true, false, Some(f)) = (
            group.tasks.is_empty(),
            group.wake_pending,
            group.on_completed,
        ) {
            if !self.future(f).is_some_and(|f| f.is_done()) {
                self.finish_task_group(g, f);
            }
        }
    }

    /// The task that entered TaskGroup `g` (on loop `l`) was cancelled while waiting for the
    /// group's tasks at the end of the `async with`: it wakes (`Job::WakeGroupParent`) where
    /// CPython's would, with the `CancelledError` of `message`.
    pub(super) fn task_group_parent_cancelled(&mut self, g: ObjRef, l: ObjRef, message: Value) {
        if let Some(group) = group_mut(self, g) {
            group.wake_pending = true;
            group.cancel_message = message;
            self.call_soon(l, Job::WakeGroupParent(g));
        }
    }

    /// The parent of TaskGroup `g`, cancelled while waiting at the end, wakes: unless the group
    /// already cancels its tasks, that cancellation is what it will raise, and the tasks are
    /// cancelled; when none is left it finishes the `async with` in this step, else it waits
    /// on.
    pub(super) fn wake_task_group_parent(&mut self, g: ObjRef) -> Result<(), Exception> {
        let Some(group) = group_mut(self, g) else {
            return Ok(());
        };
        group.wake_pending = false;
        if !group.aborting {
            let message = group.cancel_message;
            let error = self.new_cancelled_error(message);
            if let Some(group) = group_mut(self, g) {
                group.propagate_cancel = Some(error);
            }
            self.abort_task_group(g);
        }
        let Some(group) = group_mut(self, g) else {
            return Ok(());
        };
        let (Some(f), Some(parent), true) =
            (group.on_completed, group.parent, group.tasks.is_empty())
        else {
            return Ok(());
        };
        // The parent goes on in this step, not one woken by the future.
        if let Some(future) = self.future_mut(f) {
            future
                .callbacks
                .retain(|c| *c != DoneCallback::Wakeup(parent));
        }
        self.finish_task_group(g, f);
        self.step_task(parent, Value::None)
    }

    /// Cancels the tasks of TaskGroup `g`, unless it did already.
    pub(super) fn abort_task_group(&mut self, g: ObjRef) {
        let Some(group) = group_mut(self, g) else {
            return;
        };
        if std::mem::replace(&mut group.aborting, true) {
            return;
        }
        for t in group.tasks.clone() {
            self.cancel_future(t, Value::None);
        }
    }

    /// The group's last task is done: `__aexit__`'s future ends with what the `async with`
    /// raises: a `SystemExit`/`KeyboardInterrupt` as it is, else the cancellation to pass on
    /// when no task failed, else the errors (the body's last) as an `ExceptionGroup`.
    fn finish_task_group(&mut self, g: ObjRef, f: ObjRef) {
        let Some(group) = group_mut(self, g) else {
            return;
        };
        let mut errors = std::mem::take(&mut group.errors);
        let (base_error, propagate) = (group.base_error.take(), group.propagate_cancel.take());
        let body_error = group.body_error.take();
        let outcome = if let Some(e) = base_error {
            Outcome::Exception(e)
        } else if let (Some(error), true) = (propagate, errors.is_empty()) {
            Outcome::Cancelled {
                message: Value::None,
                error,
            }
        } else {
            errors.extend(body_error);
            if errors.is_empty() {
                Outcome::Result(Value::None)
            } else {
                Outcome::Exception(self.task_group_error(errors))
            }
        };
        self.finish_future(f, outcome);
    }

    /// `BaseExceptionGroup('unhandled errors in a TaskGroup', errors)`, raised `from None`.
    fn task_group_error(&mut self, errors: Vec<Value>) -> Value {
        let message = new_str(&mut self.heap, "unhandled errors in a TaskGroup");
        let list = Value::Obj(self.heap.alloc(Object::List(errors)));
        let group = match self.new_exception_group(message, list) {
            Ok(group) => group,
            Err(e) => return self.exception_object(&e),
        };
        if let Some(s) = super::exceptions::state_mut(&mut self.heap, group) {
            s.suppress_context = true;
        }
        group
    }
}
