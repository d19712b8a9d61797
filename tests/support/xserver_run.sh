#!/usr/bin/env bash
# xserver_run.sh: runs one command against a private virtual X server (Xvfb), the way
# every GUI test reaches a display. It replaces `xvfb-run -a`, whose guess at a free
# display number races when two tests start at once.
#
#   tests/support/xserver_run.sh [--screen WxHxD] [--start-timeout S] [--] COMMAND [ARG...]
#
# What it does, in order:
#  1. Writes a fresh random MIT-MAGIC-COOKIE-1 into a private Xauthority file (in its
#     own temporary folder) and starts `Xvfb -displayfd N -nolisten tcp -auth FILE
#     -screen 0 WxHxD` (default 1280x800x24). With -displayfd the server itself claims
#     the first free display number (its lock file and socket are taken atomically)
#     and writes that number to the pipe once it accepts connections. So two runners
#     never share a display, whatever ctest -j does, and "ready" is the server's own
#     word rather than a sleep or a poll.
#  2. Waits at most --start-timeout seconds (default 30) for that number. If Xvfb
#     exits or stays silent, it prints why (with Xvfb's log) and exits 125 without
#     running the command.
#  3. Runs COMMAND with DISPLAY=:N and XAUTHORITY set (stdin, stdout and stderr are
#     the runner's own), then stops the server (SIGTERM, SIGKILL after 10 s) and waits
#     for it to exit, and exits with the command's status.
# Nothing is printed on success: the command's output is the whole output.
#
# The server is a default one: it resets when its last client disconnects, as Xvfb,
# Xorg and most X servers do unless told -noreset. That is on purpose: a program that
# drops its last connection while starting and connects again would fail for users
# with such a server, so it must fail here too. A command that runs several X clients
# one after another should keep one of them connected across the gap.
#
# Needs Xvfb and xauth (Debian packages xvfb and xauth, installed by scripts/setup.sh).
set -u

me=xserver_run
screen=1280x800x24
start_timeout=30

usage() {
    echo "usage: $me [--screen WxHxD] [--start-timeout S] [--] COMMAND [ARG...]" >&2
    exit 125
}

while [ $# -gt 0 ]; do
    case "$1" in
        --screen) [ $# -ge 2 ] || usage; screen=$2; shift 2 ;;
        --start-timeout) [ $# -ge 2 ] || usage; start_timeout=$2; shift 2 ;;
        --) shift; break ;;
        -*) usage ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || usage
if ! [[ $screen =~ ^[0-9]+x[0-9]+x[0-9]+$ ]]; then
    echo "$me: --screen expects WxHxD such as 1280x800x24, got '$screen'" >&2
    exit 125
fi
if ! [[ $start_timeout =~ ^[0-9]+$ ]] || [ "$start_timeout" -lt 1 ]; then
    echo "$me: --start-timeout expects whole seconds, got '$start_timeout'" >&2
    exit 125
fi
for tool in Xvfb xauth; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$me: $tool is not installed (run scripts/setup.sh)" >&2
        exit 125
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/xserver_run.XXXXXX") || exit 125
auth="$work/Xauthority"
log="$work/xvfb.log"
server_pid=""
command_pid=""

# Stops the server and waits for it, at most 10 s before SIGKILL. `wait -n` on the
# server and a sleep returns on whichever ends first; no process is left behind.
stop_server() {
    [ -n "$server_pid" ] || return 0
    kill -TERM "$server_pid" 2>/dev/null
    sleep 10 &
    local sleeper=$! done_pid=""
    wait -n -p done_pid "$server_pid" "$sleeper" 2>/dev/null
    if [ "$done_pid" = "$server_pid" ]; then
        kill "$sleeper" 2>/dev/null
        wait "$sleeper" 2>/dev/null
    else
        echo "$me: Xvfb did not exit within 10 s of SIGTERM; killing it" >&2
        kill -KILL "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    server_pid=""
}

cleanup() {
    stop_server
    rm -rf "$work"
}
trap cleanup EXIT
# A signal to the runner (ctest's timeout, Ctrl+C) goes on to the command; the EXIT
# trap then stops the server.
on_signal() {
    [ -n "$command_pid" ] && kill "-$1" "$command_pid" 2>/dev/null
    exit "$2"
}
trap 'on_signal HUP 129' HUP
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM

# The server reads every cookie in its -auth file whatever display the entry names;
# the client needs the entry for the display the server picks, added below.
cookie=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
if [ ${#cookie} -ne 32 ] || ! (umask 077 && : >"$auth") || ! xauth -q -f "$auth" add :0 MIT-MAGIC-COOKIE-1 "$cookie"; then
    echo "$me: cannot write an Xauthority file in $work" >&2
    exit 125
fi

# Xvfb's fd 3 is the coprocess pipe: the display number arrives there when it is ready,
# and the pipe reaches end-of-file at once if Xvfb exits before that.
coproc XVFB {
    exec Xvfb -displayfd 3 -nolisten tcp -auth "$auth" -screen 0 "$screen" \
        3>&1 >/dev/null 2>"$log" </dev/null
}
server_pid=$XVFB_PID
ready_fd=${XVFB[0]}
input_fd=${XVFB[1]}
exec {input_fd}>&-  # Xvfb's stdin is /dev/null; this end is not needed
display=""
read -r -t "$start_timeout" -u "$ready_fd" display
read_status=$?
exec {ready_fd}<&-
if [ $read_status -ne 0 ] || ! [[ $display =~ ^[0-9]+$ ]]; then
    if [ $read_status -gt 128 ]; then
        echo "$me: Xvfb did not report a display within $start_timeout s (screen $screen)" >&2
    else
        echo "$me: Xvfb exited before it reported a display (screen $screen)" >&2
    fi
    if [ -s "$log" ]; then
        echo "$me: Xvfb's log:" >&2
        sed 's/^/  /' "$log" >&2
    fi
    exit 125
fi

if ! xauth -q -f "$auth" add ":$display" MIT-MAGIC-COOKIE-1 "$cookie"; then
    echo "$me: cannot add display :$display to $auth" >&2
    exit 125
fi

# In the background (stdin passed on explicitly) so that a signal to the runner is
# handled while the command runs.
DISPLAY=":$display" XAUTHORITY="$auth" "$@" <&0 &
command_pid=$!
wait "$command_pid"
rc=$?
command_pid=""
exit "$rc"
