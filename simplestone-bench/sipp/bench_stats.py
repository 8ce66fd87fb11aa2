#!/usr/bin/env python3
"""Reads what SIPp and the CPU sampler wrote and turns it into benchmark numbers (stdlib only).

Used by register-load.sh and presence-load.sh:
  bench_stats.py cpu-sample OUT INTERVAL NAME=PID[,PID] udp:NAME=PORT[,PORT] ...
                                                      sample CPU and UDP drops until SIGTERM
  bench_stats.py loop-index SCENARIO                              the watcher's loop elements
  bench_stats.py watch-snapshot INDEXES COUNTS_CSV...             JSON: watcher counters now
  bench_stats.py presence-step ...                                 one presence step's report
  bench_stats.py register-step ...                                 one REGISTER step's report

SIPp files read: <scenario>_<pid>_counts.csv (-trace_counts: cumulative per scenario element,
columns "<index>_<what>_<Sent|Recv|Retrans|Timeout|Unexp>", first field "date<TAB>time<TAB>epoch"),
<scenario>_<pid>_rtt.csv (-trace_rtt: "Date_ms;response_time_ms;rtd_no", Date_ms counted from SIPp's
start) and <scenario>_<pid>_.csv (-trace_stat).
"""
import argparse
import glob
import json
import os
import signal
import sys
import time
import xml.etree.ElementTree as ET

CLK_TCK = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- SIPp files

def read_counts(path):
    """All complete rows of a counts CSV as (epoch, {column: int})."""
    rows = []
    with open(path, encoding="latin-1") as f:
        lines = f.read().split("\n")
    if not lines:
        return rows
    header = lines[0].rstrip(";").split(";")
    for line in lines[1:]:
        if not line.strip():
            continue
        fields = line.rstrip(";").split(";")
        if len(fields) != len(header):
            continue  # a row SIPp is still writing
        try:
            epoch = float(fields[0].split("\t")[-1])
            values = {h: int(v) for h, v in zip(header[2:], fields[2:])}
        except ValueError:
            continue
        rows.append((epoch, values))
    return rows


def row_at(rows, epoch=None):
    """The last row written at or before epoch (the last row when epoch is None)."""
    if not rows:
        return None
    if epoch is None:
        return rows[-1]
    chosen = rows[0]
    for r in rows:
        if r[0] <= epoch + 0.05:
            chosen = r
        else:
            break
    return chosen


def sum_cols(values, what, kind):
    """Sum of the columns '<i>_<what>_<kind>' (what '*' for any)."""
    total = 0
    for col, v in values.items():
        parts = col.split("_")
        if len(parts) < 3 or parts[-1] != kind:
            continue
        if what == "*" or "_".join(parts[1:-1]) == what:
            total += v
    return total


def col(values, index, what, kind):
    return values.get(f"{index}_{what}_{kind}", 0)


def read_rtt(paths, rtd, from_ms=None, to_ms=None):
    samples = []
    for path in paths:
        with open(path, encoding="latin-1") as f:
            next(f, None)
            for line in f:
                parts = line.strip().split(";")
                if len(parts) < 3 or parts[2] != rtd:
                    continue
                try:
                    at, value = float(parts[0]), float(parts[1])
                except ValueError:
                    continue
                if from_ms is not None and at < from_ms:
                    continue
                if to_ms is not None and at > to_ms:
                    continue
                samples.append(value)
    return samples


def percentiles(samples):
    if not samples:
        return {"n": 0}
    s = sorted(samples)

    def p(q):
        return s[min(len(s) - 1, max(0, int(round(q * len(s) + 0.5)) - 1))]

    return {"n": len(s), "mean": sum(s) / len(s), "p50": p(0.50), "p90": p(0.90), "p99": p(0.99),
            "p999": p(0.999), "max": s[-1]}


def fmt_rtt(r):
    if r.get("n", 0) == 0:
        return "no samples"
    return (f"p50 {r['p50']:.0f} ms, p90 {r['p90']:.0f} ms, p99 {r['p99']:.0f} ms, "
            f"p99.9 {r['p999']:.0f} ms, max {r['max']:.0f} ms, mean {r['mean']:.1f} ms (n={r['n']})")


def read_stat_last(path):
    """Last row of a -trace_stat CSV as {column: value-string}."""
    with open(path, encoding="latin-1") as f:
        lines = [l for l in f.read().split("\n") if l.strip()]
    if len(lines) < 2:
        return {}
    header = lines[0].rstrip(";").split(";")
    last = lines[-1].rstrip(";").split(";")
    if len(last) != len(header):
        last = lines[-2].rstrip(";").split(";") if len(lines) > 2 else last
    return dict(zip(header, last))


def stat_int(stat, name):
    try:
        return int(stat.get(name, "0"))
    except ValueError:
        return 0


# ---------------------------------------------------------------- CPU

def scan_procs():
    """{pid: (ppid, utime+stime ticks of all its threads)} for every process now."""
    procs = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                s = f.read()
            fields = s[s.rindex(")") + 2:].split()
            procs[int(d)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
        except (OSError, ValueError, IndexError):
            continue
    return procs


def descendants(pids, procs):
    """pids plus all their descendants."""
    children = {}
    for p, (pp, _) in procs.items():
        children.setdefault(pp, []).append(p)
    out, todo = set(), list(pids)
    while todo:
        p = todo.pop()
        if p in out:
            continue
        out.add(p)
        todo.extend(children.get(p, []))
    return out


def udp_drops_by_port():
    """Datagrams the kernel dropped per local UDP port (receive buffer full), from /proc/net/udp{,6}."""
    drops = {}
    for path in ("/proc/net/udp", "/proc/net/udp6"):
        try:
            with open(path) as f:
                next(f, None)
                for line in f:
                    parts = line.split()
                    if len(parts) < 13:
                        continue
                    port = int(parts[1].rsplit(":", 1)[1], 16)
                    drops[port] = drops.get(port, 0) + int(parts[-1])
        except OSError:
            continue
    return drops


def cpu_sample(out, interval, groups, udp_groups):
    """groups: [(name, pids)] CPU summed with descendants; udp_groups: [(name, ports)] kernel drops.
    The last column, all_procs, adds up the CPU of every process seen in two consecutive samples (a
    process that lives less than one interval is missed). It stands in for /proc/stat, whose busy
    ticks were found to under-count badly on this kind of VM (a server at 50 % of one core showed
    as 10 % of the machine)."""
    stop = [False]
    signal.signal(signal.SIGTERM, lambda *_: stop.__setitem__(0, True))
    signal.signal(signal.SIGINT, lambda *_: stop.__setitem__(0, True))
    names = [g[0] for g in groups] + ["udpdrops_" + g[0] for g in udp_groups]
    prev, all_ticks = None, 0
    with open(out, "w") as f:
        f.write("epoch;" + ";".join(names) + ";all_procs\n")
        while not stop[0]:
            now = time.time()
            procs = scan_procs()
            row = [f"{now:.3f}"]
            for _, pids in groups:
                row.append(str(sum(procs[p][1] for p in descendants(pids, procs) if p in procs)))
            drops = udp_drops_by_port()
            for _, ports in udp_groups:
                row.append(str(sum(drops.get(p, 0) for p in ports)))
            if prev is not None:
                all_ticks += sum(t - prev[p][1] if p in prev else t for p, (_, t) in procs.items())
            prev = procs
            row.append(str(all_ticks))
            f.write(";".join(row) + "\n")
            f.flush()
            slept = 0.0
            while slept < interval and not stop[0]:
                time.sleep(0.1)
                slept += 0.1


def cpu_window(path, t0, t1):
    """Average CPU over [t0, t1]: each group and "others" (every other process) in % of one core,
    "machine" in % of all cores; UDP drops over the whole file."""
    rows = []
    with open(path) as f:
        header = f.readline().strip().split(";")
        for line in f:
            parts = line.strip().split(";")
            if len(parts) == len(header):
                rows.append([float(parts[0])] + [int(v) for v in parts[1:]])
    if len(rows) < 2:
        return {}
    a = min(rows, key=lambda r: abs(r[0] - t0))
    b = min(rows, key=lambda r: abs(r[0] - t1))
    if b[0] <= a[0]:
        a, b = rows[0], rows[-1]
    dt = b[0] - a[0]
    out = {"seconds": dt}
    groups_ticks = 0
    for i, name in enumerate(header[1:-1], start=1):
        if name.startswith("udpdrops_"):
            # a socket's counter grows while it exists: max - min over the whole step
            out[name] = max(r[i] for r in rows) - min(r[i] for r in rows)
        else:
            groups_ticks += b[i] - a[i]
            out[name] = (b[i] - a[i]) / CLK_TCK / dt * 100 if dt > 0 else 0.0
    all_ticks = b[-1] - a[-1]
    out["others"] = max(0, all_ticks - groups_ticks) / CLK_TCK / dt * 100 if dt > 0 else 0.0
    out["machine"] = all_ticks / CLK_TCK / dt * 100 / (os.cpu_count() or 1) if dt > 0 else 0.0
    return out


def fmt_cpu(c):
    if not c:
        return "no samples"
    parts = [f"{k} {v:.0f}%" for k, v in c.items() if k not in ("seconds", "machine") and not k.startswith("udpdrops_")]
    return ", ".join(parts) + f" of one core; machine {c['machine']:.0f}% busy (all {os.cpu_count()} cores, sum over processes)"


def fmt_drops(c):
    parts = [f"{k[len('udpdrops_'):]} {v}" for k, v in c.items() if k.startswith("udpdrops_")]
    return ", ".join(parts) if parts else "not sampled"


# ---------------------------------------------------------------- watcher

def loop_index(scenario):
    """Indexes (as SIPp counts elements) of the watcher's loop NOTIFY receive and of its two answers,
    "fresh NOTIFY answered" and "stale NOTIFY answered", as "recv,fresh,stale"."""
    root = ET.parse(scenario).getroot()
    i, in_loop, found = 0, False, {}
    for el in root:
        if el.tag not in ("send", "recv", "pause", "nop", "sendCmd", "recvCmd"):
            continue
        if el.get("ontimeout") == "unsubscribe":
            in_loop = True
        if in_loop and el.tag == "recv" and el.get("request") == "NOTIFY" and "recv" not in found:
            found["recv"] = i
        if el.tag == "send" and el.get("display") == "fresh NOTIFY answered":
            found["fresh"] = i
        if el.tag == "send" and el.get("display") == "stale NOTIFY answered":
            found["stale"] = i
        i += 1
    if len(found) != 3:
        raise SystemExit(f"{scenario}: loop NOTIFY receive or its fresh/stale answers not found")
    return f"{found['recv']},{found['fresh']},{found['stale']}"


def watch_snapshot(indexes, paths):
    index, fresh, stale = (int(x) for x in indexes.split(","))
    snap = {"epoch": time.time(), "loop_notify": 0, "loop_notify_stale": 0, "loop_notify_retrans": 0,
            "first_notify": 0, "subscribe_sent": 0, "unexpected": 0, "files": len(paths)}
    for path in paths:
        r = row_at(read_counts(path))
        if r is None:
            continue
        v = r[1]
        snap["loop_notify"] += col(v, fresh, "200", "Sent")
        snap["loop_notify_stale"] += col(v, stale, "200", "Sent")
        snap["loop_notify_retrans"] += col(v, index, "NOTIFY", "Retrans")
        snap["first_notify"] += sum_cols(v, "NOTIFY", "Recv") - col(v, index, "NOTIFY", "Recv")
        snap["subscribe_sent"] += sum_cols(v, "SUBSCRIBE", "Sent")
        snap["unexpected"] += sum_cols(v, "*", "Unexp")
    return snap


# ---------------------------------------------------------------- reports

def presence_step(a):
    pub_counts = sorted(glob.glob(os.path.join(a.pub_dir, "*_counts.csv")))
    pub_rtt = sorted(glob.glob(os.path.join(a.pub_dir, "*_rtt.csv")))
    pub_stat = sorted(glob.glob(os.path.join(a.pub_dir, "*_.csv")))
    before = json.load(open(a.watch_before))
    after = json.load(open(a.watch_after))
    t0, t1 = a.start + a.warmup, a.start + a.warmup + a.duration

    sent = retrans = ok = r412 = r5xx = timeouts = unexpected = 0
    win_sent, win_seconds = 0, 0.0
    for path in pub_counts:
        rows = read_counts(path)
        last = row_at(rows)
        if last is None:
            continue
        v = last[1]
        sent += sum_cols(v, "PUBLISH", "Sent")
        retrans += sum_cols(v, "PUBLISH", "Retrans")
        ok += sum_cols(v, "200", "Recv")
        r412 += sum_cols(v, "412", "Recv")
        r5xx += sum_cols(v, "500", "Recv") + sum_cols(v, "503", "Recv")
        timeouts += sum_cols(v, "200", "Timeout")
        unexpected += sum_cols(v, "*", "Unexp")
        ra, rb = row_at(rows, t0), row_at(rows, t1)
        win_sent += sum_cols(rb[1], "PUBLISH", "Sent") - sum_cols(ra[1], "PUBLISH", "Sent")
        win_seconds = max(win_seconds, rb[0] - ra[0])  # the rows' own times (one a second)
    failed_calls = sum(stat_int(read_stat_last(p), "FailedCall(C)") for p in pub_stat)
    watchdog = sum(stat_int(read_stat_last(p), "WatchdogMajor(C)") for p in pub_stat)
    other = r412 + r5xx + unexpected
    rate = win_sent / win_seconds if win_seconds > 0 else 0.0
    rtt = percentiles(read_rtt(pub_rtt, "pub", a.warmup * 1000, (a.warmup + a.duration) * 1000))
    notifies = after["loop_notify"] - before["loop_notify"]
    notify_retrans = after["loop_notify_retrans"] - before["loop_notify_retrans"]
    notify_stale = after["loop_notify_stale"] - before["loop_notify_stale"]
    watch_unexp = after["unexpected"] - before["unexpected"]
    expected = a.watchers * ok
    cpu = cpu_window(a.cpu, t0, t1) if a.cpu and os.path.exists(a.cpu) else {}

    ok_ratio = ok / sent if sent else 0.0
    notify_ratio = notifies / expected if expected else 0.0
    rate_ratio = rate / a.rate if a.rate else 0.0
    slow = a.max_p99 > 0 and (rtt.get("p99") is None or rtt["p99"] > a.max_p99)
    sustained = ok_ratio >= 0.99 and notify_ratio >= 0.99 and rate_ratio >= a.min_rate_ratio and not slow
    why = []
    if slow:
        why.append(f"PUBLISH p99 {rtt.get('p99')} ms > {a.max_p99:.0f} ms")
    if ok_ratio < 0.99:
        why.append(f"PUBLISH 2xx {ok_ratio:.1%} < 99%")
    if notify_ratio < 0.99:
        why.append(f"NOTIFY {notify_ratio:.1%} of {a.watchers}x accepted < 99%")
    if rate_ratio < a.min_rate_ratio:
        why.append(f"offered rate {rate:.0f}/s is {rate_ratio:.1%} of target < {a.min_rate_ratio:.0%}")

    lines = [
        f"== presence step {a.label}: target {a.rate:.0f} PUBLISH/s "
        f"({a.presentities} presentities x {a.watchers} watchers, pause {a.pause_ms} ms, "
        f"warm-up {a.warmup:.0f} s + measured {a.duration:.0f} s)",
        f"  PUBLISH sent {sent} (retransmissions {retrans}), 200 {ok} ({ok_ratio:.2%}), other answers {other} "
        f"(412 {r412}, 5xx {r5xx}, unexpected {unexpected}), no answer {timeouts}, failed calls {failed_calls}",
        f"  PUBLISH offered in the measured window: {rate:.0f}/s ({rate_ratio:.1%} of target)",
        f"  PUBLISH response time (measured window): {fmt_rtt(rtt)}",
        f"  NOTIFY received {notifies} of {expected} expected ({a.watchers} x accepted PUBLISH) = {notify_ratio:.2%} "
        f"(counted once each, by CSeq); besides: retransmissions of the last NOTIFY {notify_retrans}, "
        f"older NOTIFYs after a newer one {notify_stale}, NOTIFYs that came while the watcher's call was busy "
        f"(ignored, the server retransmits them) {watch_unexp}",
        f"  CPU (measured window): {fmt_cpu(cpu)}",
        f"  UDP datagrams dropped by the kernel, receive buffer full (whole step): {fmt_drops(cpu)}",
        f"  SIPp watchdog (generator starved) major triggers: publisher {watchdog}",
        f"  => {'SUSTAINED' if sustained else 'NOT sustained: ' + '; '.join(why)}",
    ]
    print("\n".join(lines))
    row = {
        "label": a.label, "target_rate": a.rate, "offered_rate": round(rate, 1), "publish_sent": sent,
        "publish_200": ok, "other": other, "r412": r412, "r5xx": r5xx, "unexpected": unexpected,
        "no_answer": timeouts, "retrans": retrans, "failed_calls": failed_calls,
        "rtt_p50": rtt.get("p50"), "rtt_p90": rtt.get("p90"), "rtt_p99": rtt.get("p99"), "rtt_max": rtt.get("max"),
        "notify": notifies, "notify_expected": expected, "notify_retrans": notify_retrans, "notify_stale": notify_stale,
        "watcher_unexpected": watch_unexp,
        "cpu_server": round(cpu.get("server", 0), 1), "cpu_publisher": round(cpu.get("publisher", 0), 1),
        "cpu_watchers": round(cpu.get("watchers", 0), 1), "cpu_others": round(cpu.get("others", 0), 1),
        "cpu_machine": round(cpu.get("machine", 0), 1),
        "udp_drops_server": cpu.get("udpdrops_server"), "udp_drops_publisher": cpu.get("udpdrops_publisher"),
        "udp_drops_watchers": cpu.get("udpdrops_watchers"), "sustained": sustained,
    }
    append_tsv(a.tsv, row)
    return 0 if sustained else 3


def register_step(a):
    counts = sorted(glob.glob(os.path.join(a.dir, "*_counts.csv")))
    rtts = sorted(glob.glob(os.path.join(a.dir, "*_rtt.csv")))
    stats = sorted(glob.glob(os.path.join(a.dir, "*_.csv")))
    t0, t1 = a.start + a.warmup, a.start + a.duration
    sent = retrans = ok = timeouts = unexpected = win_ok = 0
    win_seconds = 0.0
    for path in counts:
        rows = read_counts(path)
        last = row_at(rows)
        if last is None:
            continue
        v = last[1]
        sent += sum_cols(v, "REGISTER", "Sent")
        retrans += sum_cols(v, "REGISTER", "Retrans")
        ok += sum_cols(v, "200", "Recv")
        timeouts += sum_cols(v, "200", "Timeout")
        unexpected += sum_cols(v, "*", "Unexp")
        ra, rb = row_at(rows, t0), row_at(rows, t1)
        win_ok += sum_cols(rb[1], "200", "Recv") - sum_cols(ra[1], "200", "Recv")
        win_seconds = max(win_seconds, rb[0] - ra[0])  # the rows' own times (one a second)
    failed_calls = sum(stat_int(read_stat_last(p), "FailedCall(C)") for p in stats)
    watchdog = sum(stat_int(read_stat_last(p), "WatchdogMajor(C)") for p in stats)
    rate = win_ok / win_seconds if win_seconds > 0 else 0.0
    rtt = percentiles(read_rtt(rtts, "reg", a.warmup * 1000, a.duration * 1000))
    cpu = cpu_window(a.cpu, t0, t1) if a.cpu and os.path.exists(a.cpu) else {}
    ok_ratio = ok / sent if sent else 0.0
    rate_ratio = rate / a.rate if a.rate else 0.0
    slow = a.max_p99 > 0 and (rtt.get("p99") is None or rtt["p99"] > a.max_p99)
    passed = ok_ratio >= 0.99 and rate_ratio >= a.min_rate_ratio and not slow
    why = []
    if slow:
        why.append(f"REGISTER p99 {rtt.get('p99')} ms > {a.max_p99:.0f} ms")
    if ok_ratio < 0.99:
        why.append(f"200 OK {ok_ratio:.1%} < 99%")
    if rate_ratio < a.min_rate_ratio:
        why.append(f"200/s {rate:.0f} is {rate_ratio:.1%} of target < {a.min_rate_ratio:.0%}")
    print("\n".join([
        f"== REGISTER step {a.label}: target {a.rate:.0f}/s for {a.duration:.0f} s "
        f"({a.users} distinct AORs, first {a.warmup:.0f} s not measured)",
        f"  REGISTER sent {sent} (retransmissions {retrans}), 200 {ok} ({ok_ratio:.2%}), unexpected answers {unexpected}, "
        f"no answer {timeouts}, failed calls {failed_calls}",
        f"  200 OK per second in the measured window: {rate:.0f}/s ({rate_ratio:.1%} of target)",
        f"  response time (measured window): {fmt_rtt(rtt)}",
        f"  CPU (measured window): {fmt_cpu(cpu)}",
        f"  UDP datagrams dropped by the kernel, receive buffer full (whole step): {fmt_drops(cpu)}",
        f"  SIPp watchdog (generator starved) major triggers: {watchdog}",
        f"  => {'PASSED' if passed else 'FAILED: ' + '; '.join(why)}",
    ]))
    append_tsv(a.tsv, {
        "label": a.label, "target_rate": a.rate, "achieved_200_rate": round(rate, 1), "sent": sent, "ok": ok,
        "unexpected": unexpected, "no_answer": timeouts, "retrans": retrans, "failed_calls": failed_calls,
        "rtt_p50": rtt.get("p50"), "rtt_p90": rtt.get("p90"), "rtt_p99": rtt.get("p99"), "rtt_max": rtt.get("max"),
        "cpu_server": round(cpu.get("server", 0), 1), "cpu_sipp": round(cpu.get("sipp", 0), 1),
        "cpu_others": round(cpu.get("others", 0), 1), "cpu_machine": round(cpu.get("machine", 0), 1), "udp_drops_server": cpu.get("udpdrops_server"),
        "udp_drops_sipp": cpu.get("udpdrops_sipp"), "passed": passed,
    })
    return 0 if passed else 3


def append_tsv(path, row):
    if not path:
        return
    new = not os.path.exists(path)
    with open(path, "a") as f:
        if new:
            f.write("\t".join(row) + "\n")
        f.write("\t".join("" if v is None else str(v) for v in row.values()) + "\n")


# ---------------------------------------------------------------- main

def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)

    s = sub.add_parser("cpu-sample")
    s.add_argument("out")
    s.add_argument("interval", type=float)
    s.add_argument("groups", nargs="+", help="NAME=PID[,PID...] (CPU) or udp:NAME=PORT[,PORT...] (drops)")

    s = sub.add_parser("loop-index")
    s.add_argument("scenario")

    s = sub.add_parser("watch-snapshot")
    s.add_argument("index", help="recv,fresh,stale as printed by loop-index")
    s.add_argument("counts", nargs="+")

    s = sub.add_parser("presence-step")
    for name in ("--label", "--pub-dir", "--watch-before", "--watch-after", "--cpu", "--tsv"):
        s.add_argument(name)
    for name in ("--rate", "--warmup", "--duration", "--start"):
        s.add_argument(name, type=float, required=True)
    s.add_argument("--presentities", type=int, required=True)
    s.add_argument("--watchers", type=int, required=True)
    s.add_argument("--pause-ms", type=int, required=True)
    s.add_argument("--min-rate-ratio", type=float, default=0.97)
    s.add_argument("--max-p99", type=float, default=0, help="ms; 0: no response-time condition")

    s = sub.add_parser("register-step")
    for name in ("--label", "--dir", "--cpu", "--tsv"):
        s.add_argument(name)
    for name in ("--rate", "--warmup", "--duration", "--start"):
        s.add_argument(name, type=float, required=True)
    s.add_argument("--users", type=int, required=True)
    s.add_argument("--min-rate-ratio", type=float, default=0.97)
    s.add_argument("--max-p99", type=float, default=0, help="ms; 0: no response-time condition")

    a = p.parse_args(argv)
    if a.cmd == "cpu-sample":
        groups, udp_groups = [], []
        for g in a.groups:
            name, _, ids = g.partition("=")
            values = [int(x) for x in ids.split(",") if x]
            if name.startswith("udp:"):
                udp_groups.append((name[4:], values))
            else:
                groups.append((name, values))
        cpu_sample(a.out, a.interval, groups, udp_groups)
        return 0
    if a.cmd == "loop-index":
        print(loop_index(a.scenario))
        return 0
    if a.cmd == "watch-snapshot":
        print(json.dumps(watch_snapshot(a.index, a.counts)))
        return 0
    if a.cmd == "presence-step":
        return presence_step(a)
    if a.cmd == "register-step":
        return register_step(a)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
