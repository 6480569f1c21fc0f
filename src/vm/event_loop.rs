//! The event loop, in asyncio's order: each iteration first moves the timers that are due to
//! the ready queue, then runs exactly the jobs that were ready when it began (what they
//! schedule waits for the next iteration). Timers are a binary heap kept exactly as Python's
//! `heapq` keeps one, so timers due at the same time come out in CPython's order. When nothing
//! is ready the loop waits for the next timer — or, with virtual time, jumps to it.

use std::cmp::Ordering;

use super::{Exception, Vm};
use crate::runtime::tasks::{DoneCallback, Job, LoopState, Outcome, Timer, Waiter};
use crate::runtime::{ObjRef, Object, Value};

/// What the loop adds to the clock when deciding which timers are due (CPython's
/// `_clock_resolution`, the monotonic clock's resolution on Linux).
const CLOCK_RESOLUTION: f64 = 1e-9;

/// In debug mode, a callback or task step running this long (seconds) is reported
/// (asyncio's `slow_callback_duration`).
const SLOW_CALLBACK: f64 = 0.1;

impl Vm {
    /// A new event loop object, not running.
    pub(super) fn new_event_loop(&mut self) -> Result<ObjRef, Exception> {
        let l = self.heap.alloc(Object::EventLoop(Box::default()));
        if self.embedded_run.contains("logging") {
            let log = self.embedded_global("logging", "_asyncio_loop_created")?;
            self.with_pinned([Value::Obj(l)], |vm| vm.call_value(log, &[], &[]))?;
        }
        Ok(l)
    }

    /// The queues of the running loop.
    pub(super) fn running_state(&mut self) -> Option<&mut LoopState> {
        self.running_loop.as_mut().map(|(_, state)| &mut **state)
    }

    /// The queues of loop `l`, wherever they are.
    pub(super) fn loop_state(&mut self, l: ObjRef) -> Option<&mut LoopState> {
        match &mut self.running_loop {
            Some((running, state)) if *running == l => Some(state),
            _ => match self.heap.get_mut(l) {
                Object::EventLoop(state) => Some(state),
                _ => None,
            },
        }
    }

    /// The running loop, or asyncio's `RuntimeError: no running event loop`.
    pub(super) fn running_loop_ref(&self) -> Result<ObjRef, Exception> {
        self.running_loop
            .as_ref()
            .map(|(l, _)| *l)
            .ok_or_else(|| Exception::new("RuntimeError", "no running event loop"))
    }

    /// `loop.call_soon`: `job` runs in the next iteration that begins.
    pub(super) fn call_soon(&mut self, l: ObjRef, job: Job) {
        if let Some(state) = self.loop_state(l) {
            state.ready.push_back(job);
        }
    }

    /// `loop.call_at`: the job `make` builds (given the timer's number) runs once the loop's
    /// clock reaches `when`. Returns the timer's number.
    pub(super) fn call_at(&mut self, l: ObjRef, when: f64, make: impl FnOnce(u32) -> Job) -> u32 {
        let Some(state) = self.loop_state(l) else {
            return 0;
        };
        state.timers_made = state.timers_made.wrapping_add(1);
        let number = state.timers_made;
        heap_push(
            &mut state.timers,
            Timer {
                when,
                job: make(number),
            },
        );
        number
    }

    /// Whether a timer's job still has something to do (its handle is not cancelled, its
    /// task still sleeps on it).
    fn timer_is_live(&self, job: Job) -> bool {
        match job {
            Job::Handle(h) => !matches!(self.heap.get(h), Object::Handle(h) if h.cancelled),
            Job::WakeSleeper { task, timer } => match self.heap.get(task) {
                Object::Future(f) => f.task().is_some_and(|t| t.waiter == Waiter::Timer(timer)),
                _ => false,
            },
            _ => true,
        }
    }

    /// `loop.run_until_complete(future)`: runs the loop until `future` is done; its result.
    pub(super) fn run_until_complete(
        &mut self,
        l: ObjRef,
        future: ObjRef,
    ) -> Result<Value, Exception> {
        self.check_can_run(l)?;
        self.add_done_callback(future, DoneCallback::StopLoop(l));
        let ran = self.run_forever(l);
        if let Some(f) = self.future_mut(future) {
            f.callbacks.retain(|c| *c != DoneCallback::StopLoop(l));
            if ran.is_err() && f.is_done() {
                // What it raised (`SystemExit`, `KeyboardInterrupt`) leaves through the caller,
                // whose traceback holds the future until the program ends: CPython does not
                // report it then.
                f.log_traceback = false;
            }
        }
        ran?;
        if !self.future(future).is_some_and(|f| f.is_done()) {
            return Err(Exception::new(
                "RuntimeError",
                "Event loop stopped before Future completed.",
            ));
        }
        self.future_result(future)
    }

    /// Refuses to run loop `l` when it is closed or a loop is running.
    pub(super) fn check_can_run(&mut self, l: ObjRef) -> Result<(), Exception> {
        if self.loop_state(l).is_some_and(|s| s.closed) {
            return Err(Exception::new("RuntimeError", "Event loop is closed"));
        }
        match &self.running_loop {
            Some((running, _)) if *running == l => Err(Exception::new(
                "RuntimeError",
                "This event loop is already running",
            )),
            Some(_) => Err(Exception::new(
                "RuntimeError",
                "Cannot run the event loop while another loop is running",
            )),
            None => Ok(()),
        }
    }

    /// `loop.run_forever()`: iterations until `stop()`. The loop's queues move into the VM
    /// while it runs.
    pub(super) fn run_forever(&mut self, l: ObjRef) -> Result<(), Exception> {
        self.check_can_run(l)?;
        let state = match self.heap.get_mut(l) {
            Object::EventLoop(state) => std::mem::take(state),
            _ => return Err(Exception::new("TypeError", "not an event loop")),
        };
        self.running_loop = Some((l, state));
        let result = loop {
            if let Err(e) = self.run_once() {
                break Err(e);
            }
            if self.running_state().is_some_and(|s| s.stopping) {
                break Ok(());
            }
        };
        if let Some((_, mut state)) = self.running_loop.take() {
            state.stopping = false;
            if let Object::EventLoop(slot) = self.heap.get_mut(l) {
                *slot = state;
            }
        }
        result
    }

    /// One iteration of the loop.
    fn run_once(&mut self) -> Result<(), Exception> {
        let Some(state) = self.running_state() else {
            return Ok(());
        };
        let (ready, stopping) = (!state.ready.is_empty(), state.stopping);
        // Void timers at the head go first: none of them is waited for.
        let next_timer = loop {
            let Some(state) = self.running_state() else {
                return Ok(());
            };
            let Some(head) = state.timers.first().copied() else {
                break None;
            };
            if self.timer_is_live(head.job) {
                break Some(head.when);
            }
            if let Some(state) = self.running_state() {
                heap_pop(&mut state.timers);
            }
        };
        if !ready && !stopping {
            match next_timer {
                Some(when) => {
                    let timeout = when - self.clock.monotonic();
                    if timeout > 0.0 {
                        // The selector waits whole milliseconds, rounded up, as CPython's
                        // epoll selector does (so timers due within that millisecond run in
                        // this iteration too).
                        let wait = (timeout * 1e3).ceil() * 1e-3;
                        let deadline = self.clock.monotonic() + wait;
                        self.wait_until(deadline)?;
                    }
                }
                // Nothing will ever be ready: CPython waits forever (until interrupted).
                None => loop {
                    let forever = self.clock.monotonic() + 3600.0;
                    if self.clock.is_virtual() {
                        return Err(Exception::new(
                            "RuntimeError",
                            "the event loop has nothing to run and nothing to wait for (it would wait forever)",
                        ));
                    }
                    self.wait_until(forever)?;
                },
            }
        }
        let end = self.clock.monotonic() + CLOCK_RESOLUTION;
        if let Some(state) = self.running_state() {
            while state.timers.first().is_some_and(|t| t.when < end) {
                if let Some(t) = heap_pop(&mut state.timers) {
                    state.ready.push_back(t.job);
                }
            }
        }
        let (count, debug) = self
            .running_state()
            .map_or((0, false), |s| (s.ready.len(), s.debug));
        for _ in 0..count {
            let Some(job) = self.running_state().and_then(|s| s.ready.pop_front()) else {
                break;
            };
            if debug {
                let started = self.clock.monotonic();
                self.run_job(job)?;
                let took = self.clock.monotonic() - started;
                if took >= SLOW_CALLBACK {
                    self.warn_slow(job, took);
                }
            } else {
                self.run_job(job)?;
            }
            if self.future_failed {
                self.future_failed = false;
                self.report_dropped_failures();
            }
        }
        Ok(())
    }

    /// Debug mode's warning about a job that held the loop too long: the task it stepped (as
    /// it is now: where it waits, or how it ended), or the callback it ran.
    fn warn_slow(&mut self, job: Job, took: f64) {
        let what = match job {
            Job::Step { task, .. }
            | Job::WakeSleeper { task, .. }
            | Job::Done {
                callback: DoneCallback::Wakeup(task),
                ..
            } => self.future_repr(task),
            Job::Handle(h) | Job::WakeGroupParent(h) => super::asyncio::repr(&self.heap, h),
            Job::Done { future, .. } | Job::Finish(future) => self.future_repr(future),
        };
        self.write_err(&format!("Executing {what} took {took:.3} seconds\n"));
    }

    /// A program's callback scheduled with `call_soon`/`call_later`, unless cancelled.
    pub(super) fn run_handle(&mut self, h: ObjRef) -> Result<(), Exception> {
        let (callback, args, context) = match self.heap.get(h) {
            Object::Handle(handle) if !handle.cancelled => {
                (handle.callback, handle.args.to_vec(), handle.context)
            }
            _ => return Ok(()),
        };
        self.in_context(context, |vm| vm.run_callback(callback, &args, Some(h)))
    }

    /// Calls a callback the loop runs; what it raises goes to the loop's exception handler,
    /// except `SystemExit` and `KeyboardInterrupt`, which stop the loop.
    /// `handle` is the program's handle of the call, if it has one (a done callback's is the
    /// loop's own).
    pub(super) fn run_callback(
        &mut self,
        callback: Value,
        args: &[Value],
        handle: Option<ObjRef>,
    ) -> Result<(), Exception> {
        let callers = self.frames.len();
        match self.call_value(callback, args, &[]) {
            Ok(_) => Ok(()),
            Err(e) if matches!(e.kind, "SystemExit" | "KeyboardInterrupt") => Err(e),
            Err(mut e) => {
                // The traceback starts at the callback, not at the code running the loop.
                let shown_from = callers.min(e.traceback.len());
                e.traceback.drain(..shown_from);
                let source = super::asyncio::callback_source(&self.heap, callback, args);
                let handle = match handle {
                    Some(h) => h,
                    None => super::asyncio::new_handle(self, callback, args, None, None),
                };
                let Some(l) = self.running_loop.as_ref().map(|(l, _)| *l) else {
                    return Err(e);
                };
                let message = format!("Exception in callback {source}");
                self.report_to_handler(l, &message, &[("handle", Value::Obj(handle))], e);
                Ok(())
            }
        }
    }

    /// Closes loop `l`: what was scheduled is dropped.
    pub(super) fn close_loop(&mut self, l: ObjRef) -> Result<(), Exception> {
        if matches!(&self.running_loop, Some((running, _)) if *running == l) {
            return Err(Exception::new(
                "RuntimeError",
                "Cannot close a running event loop",
            ));
        }
        if let Some(state) = self.loop_state(l) {
            state.closed = true;
            state.ready.clear();
            state.timers.clear();
        }
        Ok(())
    }

    /// The outcome a future of the running loop ended with, if done.
    pub(super) fn outcome(&self, r: ObjRef) -> Outcome {
        self.future(r).map_or(Outcome::Pending, |f| f.outcome)
    }
}

/// Adds `timer` to the heap (`heapq.heappush`).
fn heap_push(heap: &mut Vec<Timer>, timer: Timer) {
    heap.push(timer);
    let last = heap.len() - 1;
    sift_down(heap, 0, last);
}

/// Takes the earliest timer off the heap (`heapq.heappop`).
fn heap_pop(heap: &mut Vec<Timer>) -> Option<Timer> {
    let last = heap.pop()?;
    if heap.is_empty() {
        return Some(last);
    }
    let first = std::mem::replace(&mut heap[0], last);
    sift_up(heap, 0);
    Some(first)
}

/// Moves the timer at `pos` towards the root (towards `start`) past every parent due later.
fn sift_down(heap: &mut [Timer], start: usize, mut pos: usize) {
    let item = heap[pos];
    while pos > start {
        let parent = (pos - 1) / 2;
        if item.when < heap[parent].when {
            heap[pos] = heap[parent];
            pos = parent;
        } else {
            break;
        }
    }
    heap[pos] = item;
}

/// Moves the timer at `pos` down to a leaf along the earlier children, then back up to its
/// place (heapq's way, which fixes the order of equal deadlines).
fn sift_up(heap: &mut [Timer], mut pos: usize) {
    let end = heap.len();
    let start = pos;
    let item = heap[pos];
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && heap[child].when.partial_cmp(&heap[right].when) != Some(Ordering::Less) {
            child = right;
        }
        heap[pos] = heap[child];
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(heap, start, pos);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timer(when: f64, number: u32) -> Timer {
        Timer {
            when,
            job: Job::Handle(ObjRef(number)),
        }
    }

    #[test]
    fn timers_come_out_in_deadline_order() {
        let mut heap = Vec::new();
        for (i, when) in [5.0, 1.0, 3.0, 2.0, 4.0].into_iter().enumerate() {
            heap_push(&mut heap, timer(when, i as u32));
        }
        let order: Vec<f64> = std::iter::from_fn(|| heap_pop(&mut heap).map(|t| t.when)).collect();
        assert_eq!(order, [1.0, 2.0, 3.0, 4.0, 5.0]);
    }

    #[test]
    fn equal_deadlines_follow_heapq() {
        // What python3's heapq gives for items compared by `when` alone, pushed in order.
        let mut heap = Vec::new();
        for n in 0..5 {
            heap_push(&mut heap, timer(1.0, n));
        }
        let order: Vec<u32> = std::iter::from_fn(|| {
            heap_pop(&mut heap).map(|t| match t.job {
                Job::Handle(h) => h.0,
                _ => u32::MAX,
            })
        })
        .collect();
        assert_eq!(order, [0, 2, 4, 1, 3]);
    }
}
