#!/usr/bin/env python3
"""Redis's own cost of the room commit, alone on the machine: no app, no load generator, no SET benchmark.

Usage: bench/commit-cost.py <redis-server binary> <layout>=<commit.lua> [<layout>=<commit.lua> ...]
  layout "whole": the room written whole on every commit and copied to the list of recent versions
                  (the commit.lua of commit bcd94e5 and before: `git show bcd94e5:framework/runtime/src/main/resources/commit.lua`)
  layout "log":   a log entry per commit and the room written whole every 16th version (the current commit.lua)
  A layout name may carry a label after a dot, to compare two scripts of one layout: log.a=… log.b=…
Options (environment): DOC (bytes of a room, default 4000), ENTRY (bytes of a log entry, 400), NOTICE (700),
MOVE (200), COMMITS (20000), ROOMS (500), ROUNDS (2).

Starts its own redis-server on 127.0.0.1:6419 (no persistence), runs COMMITS commits over ROOMS rooms for each
script in turn, ROUNDS times, pipelined 100 at a time, and prints Redis's time per commit (INFO commandstats,
EVALSHA usec_per_call), Redis's CPU per commit (used_cpu_user + used_cpu_sys) and Redis's memory at the end.
"""
import os
import random
import socket
import string
import subprocess
import sys
import time

PORT = 6419
DOC, ENTRY, NOTICE, MOVE = (int(os.environ.get(k, d)) for k, d in
                            (("DOC", 4000), ("ENTRY", 400), ("NOTICE", 700), ("MOVE", 200)))
COMMITS, ROOMS, ROUNDS = (int(os.environ.get(k, d)) for k, d in (("COMMITS", 20000), ("ROOMS", 500), ("ROUNDS", 2)))


def encode(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a.encode() if isinstance(a, str) else a
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


class Redis:
    def __init__(self):
        self.sock = socket.create_connection(("127.0.0.1", PORT))
        self.file = self.sock.makefile("rb")

    def read(self):
        line = self.file.readline()
        kind, rest = line[:1], line[1:-2]
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind in (b"+", b":"):
            return rest.decode()
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self.file.read(n + 2)[:-2].decode()
        return [self.read() for _ in range(max(int(rest), 0))]

    def call(self, *args):
        self.sock.sendall(encode(*args))
        return self.read()

    def pipeline(self, commands):
        self.sock.sendall(b"".join(encode(*c) for c in commands))
        return [self.read() for _ in commands]

    def info(self, section):
        return dict(line.split(":", 1) for line in self.call("INFO", section).split("\r\n") if ":" in line)


def text(n):
    return "".join(random.choice(string.ascii_letters) for _ in range(n))


ROOM, LOG_ENTRY, NOTICE_TEXT, MOVE_TEXT = text(DOC), text(ENTRY), text(NOTICE), text(MOVE)


def whole(room, version):
    tag = "{rt:%d}" % room
    keys = [tag + ":doc", tag + ":version", tag + ":moves", tag + ":history"]
    return keys, [str(version - 1) if version > 1 else "", str(version), ROOM, "86400000", "16", "500",
                  "rt:changes", NOTICE_TEXT, "1", MOVE_TEXT]


def log(room, version):
    tag = "{rt:%d}" % room
    keys = [tag + ":version", tag + ":log", tag + ":doc", tag + ":doc:previous", tag + ":moves"]
    snapshot = version == 1 or version % 16 == 0
    return keys, [str(version - 1) if version > 1 else "", str(version),
                  "" if version == 1 else "%d %s" % (version, LOG_ENTRY), ROOM if snapshot else "",
                  "86400000", "32", "500", "rt:changes", NOTICE_TEXT, "1", MOVE_TEXT]


def run(redis, name, script, layout):
    redis.call("FLUSHALL")
    sha = redis.call("SCRIPT", "LOAD", script)
    redis.call("CONFIG", "RESETSTAT")
    cpu = redis.info("cpu")
    before = float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"])
    versions, batch = {}, []
    for i in range(COMMITS):
        room = i % ROOMS
        versions[room] = versions.get(room, 0) + 1
        keys, args = layout(room, versions[room])
        batch.append(["EVALSHA", sha, str(len(keys))] + keys + args)
        if len(batch) == 100 or i == COMMITS - 1:
            if any(r != "1" for r in redis.pipeline(batch)):
                raise RuntimeError(name + ": a commit was refused")
            batch = []
    cpu = redis.info("cpu")
    after = float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"])
    stats = dict(kv.split("=") for kv in redis.info("commandstats")["cmdstat_evalsha"].split(","))
    print("%-10s %s µs per commit (commandstats), %.1f µs of Redis CPU per commit, memory %s" % (
        name, stats["usec_per_call"], (after - before) * 1e6 / COMMITS, redis.info("memory")["used_memory_human"]))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    layouts = {"whole": whole, "log": log}
    script_paths = dict(arg.split("=", 1) for arg in sys.argv[2:])
    server = subprocess.Popen([sys.argv[1], "--port", str(PORT), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(50):
            try:
                redis = Redis()
                redis.call("PING")
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(ROUNDS):
            for name, path in script_paths.items():
                with open(path) as f:
                    run(redis, name, f.read(), layouts[name.split(".")[0]])
    finally:
        server.kill()
