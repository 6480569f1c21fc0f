//! The `baton` command against `python3` itself: for each argument list, both run it and
//! their stdout, exit status and last stderr line must agree (expectations come from CPython
//! at test time, never written by hand).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn run(program: &str, args: &[&str]) -> (String, i32, String) {
    let out = Command::new(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("running {program}: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_owned();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
        last,
    )
}

fn same_as_python(args: &[&str]) {
    let baton = run(env!("CARGO_BIN_EXE_baton"), args);
    let python = run("python3", args);
    assert_eq!(baton, python, "baton {args:?}");
}

#[test]
fn command_strings_get_their_arguments() {
    same_as_python(&["-c", "import sys; print(sys.argv)", "a", "-v", "--x"]);
}

#[test]
fn command_strings_fail_and_exit_like_python() {
    same_as_python(&["-c", "print('before'); 1/0"]);
    same_as_python(&["-c", "raise SystemExit(3)"]);
    same_as_python(&["-c", "import sys; sys.exit('bye')"]);
    same_as_python(&["-c", "x = ("]);
}

#[test]
fn script_arguments_may_start_with_a_dash() {
    same_as_python(&[
        "tests/programs/reflection_and_sys.py",
        "-v",
        "--flag",
        "value",
    ]);
}

/// The stderr of `baton ARGS` with `env` set.
fn stderr_of(args: &[&str], env: &[(&str, &str)]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("baton runs");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const SLOW_STEP: &str = "import asyncio, time\n\
async def slow():\n    time.sleep(0.25)\n    await asyncio.sleep(0)\n\
async def main():\n    await asyncio.gather(slow(), asyncio.sleep(0))\n\
asyncio.run(main(){})\n";

#[test]
fn debug_mode_reports_slow_task_steps() {
    let with_flag = SLOW_STEP.replace("{}", ", debug=True");
    let reported = stderr_of(&["--virtual-time", "-c", &with_flag], &[]);
    assert!(
        reported
            .contains("Executing <Task pending name='Task-2' coro=<slow() running at <string>:4>")
            && reported.contains("took 0.25"),
        "{reported}"
    );
    let by_env = stderr_of(
        &["--virtual-time", "-c", &SLOW_STEP.replace("{}", "")],
        &[("PYTHONASYNCIODEBUG", "1")],
    );
    assert!(by_env.contains("took 0.25"), "{by_env}");
    let quiet = stderr_of(&["--virtual-time", "-c", &SLOW_STEP.replace("{}", "")], &[]);
    assert!(quiet.is_empty(), "{quiet}");
}

#[test]
fn threads_sockets_and_processes_are_refused_by_name() {
    for (call, feature) in [
        ("asyncio.to_thread(print, 1)", "asyncio.to_thread()"),
        (
            "asyncio.get_running_loop().run_in_executor(None, print, 1)",
            "loop.run_in_executor()",
        ),
        (
            "asyncio.open_connection('localhost', 80)",
            "asyncio.open_connection()",
        ),
        (
            "asyncio.start_server(print, port=80)",
            "asyncio.start_server()",
        ),
        (
            "asyncio.create_subprocess_exec('ls')",
            "asyncio.create_subprocess_exec()",
        ),
    ] {
        let program =
            format!("import asyncio\nasync def main():\n    await {call}\nasyncio.run(main())\n");
        let reported = stderr_of(&["-c", &program], &[]);
        let last = reported.lines().last().unwrap_or("");
        assert!(
            last.starts_with("NotImplementedError: ") && last.contains(feature),
            "{reported}"
        );
    }
}

#[test]
fn features_baton_cannot_match_are_refused_by_name() {
    for (program, feature) in [
        (
            "import logging\nlogging.basicConfig(format='%(lineno)d %(message)s')\n",
            "'lineno'",
        ),
        (
            "class Resource:\n    def __del__(self):\n        print('closed')\n",
            "__del__",
        ),
        (
            "class A(metaclass=print):\n    pass\n",
            "a metaclass that is not a class",
        ),
    ] {
        let reported = stderr_of(&["-c", program], &[]);
        let last = reported.lines().last().unwrap_or("");
        assert!(
            last.starts_with("NotImplementedError: ") && last.contains(feature),
            "{reported}"
        );
    }
}

/// Runs `baton ARGS` with `env` set, killing it after `limit`: its stdout, or `None` if it
/// did not finish in time.
fn stdout_within(args: &[&str], env: &[(&str, &str)], limit: Duration) -> Option<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .spawn()
        .expect("baton starts");
    let started = Instant::now();
    while child.try_wait().expect("baton runs").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("baton's output");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_environment_variable_turns_on_the_virtual_clock() {
    let program = "import asyncio, time\n\
        async def main():\n    t = time.monotonic()\n    await asyncio.sleep(3600)\n    \
        time.sleep(3600)\n    print(round(time.monotonic() - t))\n\
        asyncio.run(main())\n";
    let out = stdout_within(
        &["-c", program],
        &[("BATON_VIRTUAL_TIME", "1")],
        Duration::from_secs(30),
    );
    assert_eq!(out.as_deref(), Some("7200\n"));
}
