#!/bin/bash
# Samples the managed stack of the worker while it reads FILE (a hang): DOTNET_PerfMapEnabled + gdb frame-pointer walk.
# usage: fuzz/stackdump.sh FILE [SECONDS_BEFORE_FIRST_SAMPLE=15] [SAMPLES=3]   (needs gdb, fuzz/out/Fuzz.dll, /tmp/fuzzhome)
f=$1; s=${2:-15}; n=${3:-3}
export DOTNET_PerfMapEnabled=1
mkdir -p /tmp/fuzzinv; rm -f /tmp/fuzzinv/fpwalk.txt
rm -f /tmp/fuzzinv/fifo; mkfifo /tmp/fuzzinv/fifo
nice -n 19 dotnet /tmp/fuzzwork/fuzz/out/Fuzz.dll /tmp/fuzzhome < /tmp/fuzzinv/fifo > /tmp/fuzzinv/out.txt 2>&1 &
pid=$!
exec 7>/tmp/fuzzinv/fifo; echo "$f" >&7
sleep $s
for k in $(seq $n); do gdb -p $pid -batch -x "$(dirname "$0")"/fpwalk.py >/dev/null 2>&1; sleep 3; done
kill $pid; exec 7>&-
python3 - "$pid" <<'PY'
import sys,bisect,collections
pid=sys.argv[1]
ents=[]
for l in open(f"/tmp/perf-{pid}.map"):
    a,sz,name=l.rstrip("\n").split(" ",2); ents.append((int(a,16),int(sz,16),name))
ents.sort(); starts=[e[0] for e in ents]
def name(addr):
    i=bisect.bisect_right(starts,addr)-1
    if i>=0 and addr<ents[i][0]+ents[i][1]:
        n=ents[i][2]
        # shorten: keep Type::Method
        import re
        m=re.search(r"\] ([^\s\[]+::[^\(\s]+)", n)
        return m.group(1) if m else n[:150]
    return None
sample=0
for l in open("/tmp/fuzzinv/fpwalk.txt"):
    if l.startswith("END"): sample+=1; continue
    pcs=[int(x,16) for x in l.split()[2:]]
    names=[name(p) for p in pcs]
    if any(n and n.startswith("Ntm.") for n in names):
        print(f"--- sample {sample}")
        for n in names:
            if n: print("   ", n)
PY
