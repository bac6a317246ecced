#!/usr/bin/env python3
"""Interleaved timing for a shared machine: each round runs every command once, in a shuffled
order, so a change of load hits all of them alike (hyperfine runs one command's runs in a block,
and on this machine the load changes within a minute). Prints, per command, the median wall time
(with the range), the median CPU time (user + sys, from wait4) and the wall median's ratio to the
first command's. Two warm-up rounds are not counted. Output goes to /dev/null.

usage: interleave.py ROUNDS 'NAME=[VAR=value ...] /path/to/exe ARGS' ...
e.g.   interleave.py 30 'cmark=cmark-gfm -e table content/policies/twitter-policy.md' \
                        'before=/tmp/policysite-before build --content content --output /dev/shm/a' \
                        'after=dist/policysite build --content content --output /dev/shm/b'"""
import os, random, shlex, shutil, statistics, sys, time
rounds = int(sys.argv[1]); cmds = [a.split('=', 1) for a in sys.argv[2:]]
res = {n: ([], []) for n, _ in cmds}
load0 = open('/proc/loadavg').read().split()[:3]
for r in range(rounds + 2):
    order = cmds[:]; random.shuffle(order)
    for name, cmd in order:
        argv = shlex.split(cmd); env = dict(os.environ)
        while argv and '=' in argv[0] and '/' not in argv[0].split('=', 1)[0]:  # VAR=value before the command
            k, v = argv.pop(0).split('=', 1); env[k] = v
        t = time.perf_counter()
        path = argv[0] if '/' in argv[0] else shutil.which(argv[0])
        pid = os.posix_spawn(path, argv, env, file_actions=[(os.POSIX_SPAWN_OPEN, 1, '/dev/null', os.O_WRONLY, 0), (os.POSIX_SPAWN_OPEN, 2, '/dev/null', os.O_WRONLY, 0)])
        _, status, ru = os.wait4(pid, 0)
        wall = time.perf_counter() - t
        if status != 0: print('FAILED', name, status); sys.exit(1)
        if r >= 2: res[name][0].append(wall); res[name][1].append(ru.ru_utime + ru.ru_stime)
load1 = open('/proc/loadavg').read().split()[:3]
base = statistics.median(res[cmds[0][0]][0])
print('load %s -> %s, %d rounds interleaved' % (' '.join(load0), ' '.join(load1), rounds))
for name, _ in cmds:
    w, c = res[name]
    print('%-28s wall median %8.2f ms (%.2f–%.2f)  CPU median %8.2f ms  wall ÷ first %6.2f' % (name, statistics.median(w)*1000, min(w)*1000, max(w)*1000, statistics.median(c)*1000, statistics.median(w)/base))
